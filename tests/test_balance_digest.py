"""Refactors that change no rule leave `b2bsim balance` results unchanged.

The digests were recorded before the "one rule in one place" rework (issue 9)
from `b2bsim balance SCENARIO --games 300 --seed 7 --json`, over the fields
that existed then. A rule change that is *meant* to move the figures updates
the digest in the same commit, with the reason in its message.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from game import SCENARIO_DIR

FIELDS = ("win_rate", "loss_rate", "no_decision_rate", "mean_score",
          "score_p10", "score_p50", "score_p90", "games")
STRATEGIES = ("random", "price_only", "greedy", "expert", "oracle")

RECORDED = {
    "data_platform_hanbit": "624e4100fa8905dac911e7ef8badb3f7e34d47e6810ccb82f3f2f154fb088996",
    "electronics_support": "df300d9c3bc825b934471fee5574974ad1c271aa325ffc75553de7305d1c7870",
    "jit_parts_korean": "2829d8dc67c33cbed3433e0b03dab1492c3434086cc016dc4de27f333506383f",
    "robot_cell_japanese": "34c439de50586b6e293683413a534697db8760e9327780dfd51a4a634b3a2126",
    "warehouse_automation_large": "e7b32c6c7fdfd8327fe8e599af44ad6a6cdc4999410d06df0755bf49126418ed",
}


def digest(name: str) -> str:
    out = subprocess.run([sys.executable, "-m", "game", "balance", str(SCENARIO_DIR / f"{name}.yaml"),
                          "--games", "300", "--seed", "7", "--json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    kept = {s: {f: data[s][f] for f in FIELDS} for s in STRATEGIES}
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_balance_figures_match_the_recorded_digest(name):
    assert digest(name) == RECORDED[name]
