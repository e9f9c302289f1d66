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
    "data_platform_hanbit": "7a9498a6000d3d2aa7cfa85cfa7afe8024cb72a73ee930a968a1320b3d702f62",
    "electronics_support": "0f53de5ba060707b5039ab8bf0360fa0206b57791027637237157b36bf735a12",
    "jit_parts_korean": "ecdc490facae5a487fbddafac46224a9eca75effd67f9080366a25c8976634a4",
    "robot_cell_japanese": "3549e0bd662698fc41bcf38c8805fef11a8caad5bc578edd53ad3c53920b6076",
    "warehouse_automation_large": "72d29b27f0638f736e875d571f1abda7e800de1d01ea752bac2be2672b43bb76",
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
