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
    "data_platform_hanbit": "05bad5e654e7a86d707406aa96a4b4e139c8642aaa0103d697259328bdad16ef",
    "electronics_support": "5bad970fefce6c17a3c115786f0ef3ffe43c7493eda79d0be02e83b29eff2041",
    "jit_parts_korean": "d427bf04d22254543ec340b715929fb24a1b48254830beb6f417700e4dedb8d1",
    "robot_cell_japanese": "c5d7e0d72fce1a75e4a40e8577e059e7b0133138a87daae2e9be20e76ca16a33",
    "warehouse_automation_large": "6f89045d6039db228b3542066b38a593fd9f5fc116f86dd866966387b3ea6325",
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
