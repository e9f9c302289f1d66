"""Calibration targets (issue 4) on a few hundred games, with tolerances wide enough never to flake.

The full-size check (10,000 games per strategy) is benchmarks/calibration.py.
Checked on the bundled scenarios, on unseen-style scenarios written for this
purpose (tests/fixtures/calibration/) and on stakeholder families: generated
ones (game/balance/families.py) and hand-written ones (…/calibration/families/).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.balance.families import family, family_data, family_from_file
from game.balance.simulate import run_balance
from game.balance.validity import misordered_pairs, spearman
from game.balance.targets import (EXPERT_MIN, EXPERT_VS_ORACLE, LADDER_BANDS, LADDER_EXPERT_VS_ORACLE,
                                  MEMORIZER_GAP, NO_DECISION_SHARE, PRICE_ONLY_MAX, PURCHASE_ONE, PURCHASE_SIX,
                                  RANDOM_MAX, no_decision_share)
from game.engine import compile_tables
from game.engine.strategies import play_batch
from game.scenario import bundled_scenarios, load_scenario

GAMES = 600
CALIBRATION = Path(__file__).parent / "fixtures" / "calibration"
BUNDLED = [pytest.param(p, id=p.stem) for p in bundled_scenarios()]
UNSEEN = [pytest.param(p, id=p.stem) for p in sorted(CALIBRATION.glob("*.yaml"))]
HAND_FAMILIES = [pytest.param(p, id=p.stem) for p in sorted((CALIBRATION / "families").glob("*.yaml"))]
_cache: dict = {}


def slack(rate: float, games: float = GAMES) -> float:
    """Sampling noise allowed around a target: four binomial standard errors of a rate measured on ``games``
    games (at least 0.02).  The targets themselves (game/balance/targets.py) are met on 10,000 games by
    benchmarks/calibration.py; a few hundred games only show them within this noise."""
    return max(4.0 * float(np.sqrt(rate * (1.0 - rate) / max(games, 1.0))), 0.02)


def summary(path):
    if path not in _cache:
        sc = load_scenario(path)
        _cache[path] = (sc, run_balance(sc, GAMES, seed=7).summary())
    return _cache[path]


@pytest.mark.parametrize("path", BUNDLED + UNSEEN)
def test_skill_beats_luck_and_discounting(path):
    sc, s = summary(path)
    win = {k: v["win_rate"] for k, v in s.items()}
    assert win["random"] <= RANDOM_MAX + slack(RANDOM_MAX)
    assert win["price_only"] <= PRICE_ONLY_MAX + slack(PRICE_ONLY_MAX)
    lo = EXPERT_MIN[sc.difficulty]
    assert win["expert"] >= lo - slack(lo)
    assert win["expert"] > max(win["random"], win["price_only"], win["greedy"]) + 0.3
    assert s["expert"]["mean_score"] > s["price_only"]["mean_score"]


@pytest.mark.parametrize("path", BUNDLED + UNSEEN)
def test_the_oracle_is_the_ceiling_and_the_expert_gets_close(path):
    _, s = summary(path)
    e, o = s["expert"]["win_rate"], s["oracle"]["win_rate"]
    # the oracle is chosen to maximise score: it never scores below the expert (but for chance; both play the
    # same seeded games, and the expert's plan is among the oracle's candidates)
    assert s["oracle"]["mean_score"] >= s["expert"]["mean_score"] - 15
    assert e >= EXPERT_VS_ORACLE * o - slack(e)


def tied_within_noise(rates: list[float], games: float = GAMES) -> list[float]:
    """Win rates closer than two standard errors of their difference count as one (their group's mean):
    a few hundred games cannot order them (0.987 against 0.988 is a coin flip of the seed)."""
    order = sorted(range(len(rates)), key=lambda i: rates[i])
    out, group = list(rates), [order[0]] if order else []
    for a, b in zip(order, order[1:]):
        p = (rates[a] + rates[b]) / 2
        if rates[b] - rates[a] < 2.0 * np.sqrt(2.0 * p * (1.0 - p) / games):
            group.append(b)
            continue
        for i in group:
            out[i] = float(np.mean([rates[j] for j in group]))
        group = [b]
    for i in group:
        out[i] = float(np.mean([rates[j] for j in group]))
    return out


def test_tied_within_noise_joins_only_rates_the_games_cannot_order():
    assert tied_within_noise([0.113, 0.355, 0.892, 0.988, 0.987]) == [0.113, 0.355, 0.892, 0.9875, 0.9875]
    assert tied_within_noise([0.2, 0.5, 0.8]) == [0.2, 0.5, 0.8]


@pytest.mark.parametrize("path", BUNDLED + UNSEEN)
def test_the_score_ranks_the_ladder_like_the_deals_do(path):
    """A leaderboard sorted by score: strategies whose win rates differ by 15 points or more (10 in the
    2,000-game benchmarks/score_validity.py) rank the same by mean score, and among the strategies that win
    at least 5% of these 600 games (below that, a few lucky games decide the order) the orders agree;
    win rates these games cannot tell apart (``tied_within_noise``) share their rank."""
    _, s = summary(path)
    assert misordered_pairs(s, gap=0.15) == []
    winners = [r for r in s.values() if r["win_rate"] >= 0.05]
    if len(winners) >= 3:
        wins = tied_within_noise([r["win_rate"] for r in winners])
        assert spearman(wins, [r["mean_score"] for r in winners]) >= 0.75


@pytest.mark.parametrize("path", BUNDLED)
def test_the_ladder_has_its_shape_on_every_bundled_scenario(path):
    """Issue 12's ladder on every bundled scenario (benchmarks/calibration.py checks it on 2,000 games): random
    play rarely wins, a seller who never asks wins a little (no cliff, no easy ride), a beginner who asks some
    wins sometimes, playing the file's written priorities stays far below the expert, the expert near the
    ceiling.  An easy deal whose weak rungs win a third of their games fails here."""
    _, s = summary(path)
    win = {k: v["win_rate"] for k, v in s.items()}
    for name, (lo, hi) in LADDER_BANDS.items():
        assert lo - slack(lo) <= win[name] <= hi + slack(hi), (name, win[name])
    assert win["expert"] - win["memorizer"] >= MEMORIZER_GAP - slack(win["memorizer"])
    assert win["expert"] >= LADDER_EXPERT_VS_ORACLE * win["oracle"] - slack(win["expert"])


@pytest.mark.parametrize("path", BUNDLED + UNSEEN)
def test_no_decision_is_a_common_way_for_a_pushy_seller_to_lose(path):
    s = run_balance(load_scenario(path), GAMES, seed=7, strategies=("pusher",)).summary()
    share = no_decision_share(s["pusher"])
    lo, hi = NO_DECISION_SHARE
    noise = slack(share, GAMES * (1.0 - s["pusher"]["win_rate"]))      # a share of the pusher's non-wins
    assert lo - noise <= share <= hi + noise


def purchase_curve(scenarios: dict, games: int = 1500) -> list[float]:
    return [float(1 - (play_batch(compile_tables(sc), "pusher", 5, games).state.outcome == 2).mean())
            for sc in scenarios.values()]


def assert_ceb_shape(curve):
    assert abs(curve[0] - PURCHASE_ONE) <= 0.10           # a lone decider buys about 4 times in 5
    assert abs(curve[-1] - PURCHASE_SIX) <= 0.10          # six stakeholders: about 3 times in 10
    assert all(b <= a + 0.05 for a, b in zip(curve, curve[1:]))    # every added stakeholder makes it less likely
    assert np.polyfit(np.arange(len(curve)), curve, 1)[0] < -0.06


@pytest.mark.parametrize("industry,profile,seed", [("machinery", "balanced", 0), ("logistics", "premium", 3),
                                                   ("software", "challenger", 11)])
def test_more_stakeholders_make_any_purchase_less_likely(industry, profile, seed):
    assert_ceb_shape(purchase_curve(family(industry, profile, seed)))


@pytest.mark.parametrize("path", HAND_FAMILIES)
def test_the_stakeholder_curve_holds_on_hand_written_families(path):
    scenarios = family_from_file(path)
    assert len(scenarios) == 6
    assert_ceb_shape(purchase_curve(scenarios))


def test_families_differ_only_in_the_group():
    small, big = family_data(2, seed=4), family_data(5, seed=4)
    assert small["vendor"] == big["vendor"] and small["competitors"] == big["competitors"]
    assert big["members"][:2] == small["members"]
    assert family_data(3, seed=4) != family_data(3, seed=5)


def test_hand_written_family_keeps_everything_but_the_group():
    sizes = family_from_file(HAND_FAMILIES[0].values[0])
    assert [len(sc.members) for sc in sizes.values()] == [1, 2, 3, 4, 5, 6]
    assert sizes[2].vendor == sizes[6].vendor and sizes[2].stages == sizes[6].stages
    assert sizes[6].members[:2] == sizes[2].members
