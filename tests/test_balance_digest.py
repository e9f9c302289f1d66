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
    "data_platform_hanbit": "b387284f4d8cba60ceee672e996d38f1c44e587069b5e6a2947e905979402909",
    "electronics_support": "50d41f5521cdb0beaa729a59795f960a054daa7dedb70262ec3d98bf77065562",
    "jit_parts_korean": "bc0d380f416adf4915e3be80c768b0356fec024e643f93f0c9b47d47936176a2",
    "robot_cell_japanese": "8ff7258973d5e88abc35f8458126dd3aaf4a3459a38c24765c9e4701aeb16d75",
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
