"""Listening pays (issue 10): the expert limited to one question per member (nothing else changed, the same
seeded games) wins less than the expert who asks follow-ups.

600 games per figure, seed 10 (the calibration's customer seed). Measured at 600 games, seeds 10-12:
data_platform_hanbit 0.30-0.33 points, electronics_support 0.037-0.067 (2,000 games: 0.34 and 0.048;
the issue's target is 0.05, see docs/model.md 'Listening pays, after the proofs'). The margins hold the
sign and most of the size: a change that makes a second question worthless there fails.
"""
from __future__ import annotations

import pytest

from game.engine import compile_tables
from game.engine.strategies import play_batch
from game.engine.strategies.expert import expert_variant
from game.scenario import bundled_scenarios, load_scenario

BUNDLED = {p.stem: p for p in bundled_scenarios()}
GAMES, SEED = 600, 10


def win(bg) -> float:
    return float((bg.state.outcome == 0).mean())


@pytest.mark.parametrize("name, margin", [("data_platform_hanbit", 0.20), ("electronics_support", 0.02)])
def test_the_one_question_expert_wins_less(name, margin):
    tb = compile_tables(load_scenario(BUNDLED[name]))
    expert = play_batch(tb, "expert", SEED, GAMES)
    once = play_batch(tb, expert_variant("one_question", max_asks=1), SEED, GAMES)
    assert (once.state.asks <= 1).all() and (expert.state.asks >= 2).any(axis=1).mean() >= 0.5
    assert win(expert) - win(once) >= margin
