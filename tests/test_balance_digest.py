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
    "data_platform_hanbit": "d80874155655c9d3da0261c59fcc17e55f9343f5c08319be21c30676d221b73c",
    "electronics_support": "031a2a6c7ec3dbdcdbbc8715e6c400b9dcfff833b5d28aa6fe55b93050a4fc5a",
    "jit_parts_korean": "559ffbe466c5e8e865b06cf4aceea81f66eb585581e11616eee8b0cbe3de46a8",
    "robot_cell_japanese": "72c9581b14106da626d8ab3fee74cdc329250a089b9403b52278897f2c7ba594",
    "warehouse_automation_large": "1779f026fec544e8fbebe82c3187ff33a701a5b86589d52a42d42d03fa17ee9d",
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
