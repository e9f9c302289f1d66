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
    "data_platform_hanbit": "7a1e8a5b4f25b6472fef557607d80338bb5a42a9740218fd96a5b229fe92059b",
    "electronics_support": "ed7d0e7ebcdd508e938fe5d096eb34f2715b2e2e420778d38dec8c1bdb443d00",
    "jit_parts_korean": "d40c0ae095f8b117de6222f23be8b4e7f1ee17e6a13c06d26f9ffdff901a77cd",
    "robot_cell_japanese": "1cddec2bf882c3460e33de984b15ca5c198e1d87be5a9cd3012cc7315ce91a88",
    "warehouse_automation_large": "c3f8ee569e26b66068afd47e1bb0390b4cb56b1ee972c88860a2534f8ba75b8b",
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
