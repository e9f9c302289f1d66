"""The leaderboard checks of game/balance/validity.py (used by benchmarks/score_validity.py)."""
from __future__ import annotations

import pytest

from game.balance.validity import leaderboard_checks, misordered_pairs, ranks, spearman


def test_ranks_share_ties():
    assert list(ranks([0.0, 0.5, 0.0, 0.2])) == [1.5, 4.0, 1.5, 3.0]


def test_spearman_of_the_same_order_is_one_and_of_the_reverse_minus_one():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 2, 3, 4], [10, 30, 20, 40]) == pytest.approx(0.8)


def summary(**rows):
    return {n: {"win_rate": w, "mean_score": s} for n, (w, s) in rows.items()}


def test_a_strategy_that_wins_much_more_but_scores_less_is_caught():
    s = summary(greedy=(0.02, 300), novice=(0.30, 700), expert=(0.75, 650), oracle=(0.9, 800))
    assert misordered_pairs(s) == [("expert", "novice")]
    checks = {c: ok for c, ok, _ in leaderboard_checks(s)}
    assert checks["win rates 10%+ apart rank the same by score"] is False
    assert checks["oracle mean score >= expert's"] is True


def test_a_valid_leaderboard_passes_every_check():
    s = summary(random=(0.01, 100), greedy=(0.0, 90), novice=(0.2, 400), expert=(0.7, 800), oracle=(0.9, 900))
    assert all(ok for _, ok, _ in leaderboard_checks(s))


def test_the_ladder_checks_name_each_rung_that_is_out_of_shape():
    from game.balance.validity import ladder_checks
    good = {"random": 0.02, "greedy": 0.05, "novice": 0.30, "memorizer": 0.20, "expert": 0.60, "oracle": 0.70}
    summary = {n: {"win_rate": w, "mean_score": 0.0} for n, w in good.items()}
    assert all(ok for _, ok, _ in ladder_checks(summary))
    bad = dict(good, greedy=0.0, novice=0.50, memorizer=0.50, oracle=0.80)
    checks = {c: ok for c, ok, _ in ladder_checks({n: {"win_rate": w, "mean_score": 0.0} for n, w in bad.items()})}
    assert not checks["greedy wins 1%-15%"] and not checks["novice wins 10%-45%"]
    assert not checks["memorizer >= 15% below the expert"] and not checks["expert >= 0.8 x oracle"]
    assert checks["random wins 0%-10%"]
