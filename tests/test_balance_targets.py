"""Calibration targets on a small number of games, with tolerances wide enough never to flake.

The full-size check (10,000 games per strategy) is benchmarks/calibration.py.
"""
from __future__ import annotations

import numpy as np
import pytest

from game.balance.families import family, family_data
from game.balance.simulate import run_balance
from game.balance.targets import EXPERT_MIN, greedy_no_decision_share
from game.engine import compile_tables
from game.engine.strategies import play_batch
from game.scenario import bundled_scenarios, load_scenario

GAMES = 1500
BUNDLED = [pytest.param(p, id=p.stem) for p in bundled_scenarios()]
_cache: dict = {}


def summary(path):
    if path not in _cache:
        sc = load_scenario(path)
        _cache[path] = (sc, run_balance(sc, GAMES, seed=7).summary())
    return _cache[path]


@pytest.mark.parametrize("path", BUNDLED)
def test_skill_beats_luck_and_discounting(path):
    sc, s = summary(path)
    win = {k: v["win_rate"] for k, v in s.items()}
    assert win["random"] <= 0.22
    assert win["price_only"] <= 0.35
    assert win["expert"] >= EXPERT_MIN[sc.difficulty] - 0.10
    assert win["expert"] >= 0.7 * win["oracle"]
    assert win["expert"] > max(win["random"], win["price_only"], win["greedy"]) + 0.2
    assert s["expert"]["mean_score"] > s["price_only"]["mean_score"]


@pytest.mark.parametrize("path", BUNDLED)
@pytest.mark.xfail(reason="calibration open: rivals seldom win against greedy in 8-member, 2-rival deals",
                   strict=False)
def test_no_decision_is_a_common_way_for_greedy_to_lose(path):
    _, s = summary(path)
    assert 0.30 <= greedy_no_decision_share(s["greedy"]) <= 0.90


@pytest.mark.parametrize("industry,profile,seed", [("machinery", "balanced", 0), ("logistics", "premium", 3),
                                                   ("software", "challenger", 11)])
def test_more_stakeholders_make_any_purchase_less_likely(industry, profile, seed):
    curve = []
    for n, sc in family(industry, profile, seed).items():
        o = play_batch(compile_tables(sc), "greedy", 5, 1500).state.outcome
        curve.append(1 - (o == 2).mean())
    assert curve[0] >= 0.65
    assert curve[-1] <= curve[0] - 0.1          # the full 0.8 -> 0.3 target: benchmarks/calibration.py
    assert np.polyfit(np.arange(6), curve, 1)[0] < 0           # falls on the whole


def test_families_differ_only_in_the_group():
    small, big = family_data(2, seed=4), family_data(5, seed=4)
    assert small["vendor"] == big["vendor"] and small["competitors"] == big["competitors"]
    assert big["members"][:2] == small["members"]
    assert family_data(3, seed=4) != family_data(3, seed=5)
