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
    "data_platform_hanbit": "41386d602eb0e8912c5c0e566e561d9239d4364ce62a91a6a858794c92263e64",
    "electronics_support": "f9d5968331985e0a0c1ab1f0ec833796b5c71491f633826e28a7de6cd008df6a",
    "jit_parts_korean": "79c5d865c7ce8cce1a831596033e24083b68fc4d805e1f06bfd65ed926b5f19d",
    "robot_cell_japanese": "a2a6713e8b0c448ff04c6be5753c4217807b1735aaf847d78c68b02e2989823a",
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
