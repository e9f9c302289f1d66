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
    "data_platform_hanbit": "2a5503e479d4c575ad60a7195481f45eba92b2a5563c82b197f78ec5383a4d89",
    "electronics_support": "c2398e7994da778155e9d27a0ab7f69b40b8935bc4f7341b326003f6cae0571f",
    "jit_parts_korean": "15fb35f7454386401bc1189ba303f06ae0a14e864351afe029500b71856f7b33",
    "robot_cell_japanese": "31a435cf59d9c171740d3cbaa8cd90f570f6571bcf4c3f6c26cc29bcfd570065",
    "warehouse_automation_large": "000eeb1a4f681367fabd06b11952f6817b24a9e4b5ae70507c13cd8f7bdb0179",
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
