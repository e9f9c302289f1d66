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
    "data_platform_hanbit": "4f6dc340f7ea7635cf1714dbf260aa47b2b20520132d0c99b7d6a0d54bd825e1",
    "electronics_support": "d4003405d98dc0289a7bb2a4182942e2a0dbacd9dcd82e3a9405c52e4af2cf49",
    "jit_parts_korean": "d0445a2da1566b90c722a1f6833ad89d13fdff1cf51440e2435550ba9cb88531",
    "robot_cell_japanese": "af5defcf61916ad9e12628d2233733ed89e2296fca5f6cd1c236a6cbd8111c32",
    "warehouse_automation_large": "1b397f3b2c5dad8ace466b6210a91b015a6305dd6a24355a005febb20e87a5e2",
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
