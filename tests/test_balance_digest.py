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
    "electronics_support": "42a0acef7d012a073670fbf7cfca4f133d3b8a27b84c21460e4acab2683323b2",
    "jit_parts_korean": "12f8455e6e1a9323913cf1d225a11f268917c4ce42e4a191a81e88282e19f0c0",
    "robot_cell_japanese": "e324075be834d71ef1bd8d75802b67c355bf2cfa414c221fe5bd3afa80757e0d",
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
