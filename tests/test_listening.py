"""Listening pays (issue 10): the expert limited to one question per member (nothing else changed, the same
seeded games) wins less than the expert who asks follow-ups.

600 games per figure, seed 10 (the calibration's customer seed). Measured at 600 games, seeds 10-12:
data_platform_hanbit 0.30-0.33 points, electronics_support 0.037-0.067 (2,000 games: 0.34 and 0.048;
the issue's target is 0.05, see docs/model.md 'Listening pays, after the proofs'). The margins hold the
sign and most of the size: a change that makes a second question worthless there fails.
"""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import compile_tables, proofs
from game.engine.batch import BatchGame
from game.engine.params import DEFAULT_PARAMS
from game.engine.strategies.base import ASK, DEMO, REFERENCE
from game.engine.strategies import play_batch
from game.engine.strategies.expert import expert_variant
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data

from tests.test_proofs import small

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


# ---- proof_heard (proofs.py, off by default): a reference or demo answers a doubt only once a follow-up told it

HEARD = DEFAULT_PARAMS.with_(proof_heard=1.0)


def test_a_proof_answers_only_the_doubt_a_follow_up_told():
    stages = [{"id": "developing_options", "name": "Options", "actions": 10, "focus": ["buyer"]},
              {"id": "evaluating_alternatives", "name": "Evaluate more", "actions": 10, "focus": ["buyer"]},
              {"id": "choosing_alternative", "name": "Choose", "actions": 3, "focus": ["decider"]}]
    tb = compile_tables(scenario_from_data(small(stages=stages)), HEARD)
    bg = BatchGame(tb, 3, 1)
    ceo, cto = tb.member_ids.index("ceo"), tb.member_ids.index("cto")
    one = np.ones(1, np.int64)

    def play(kind, member):
        bg.apply(kind * one, member * one, -one)

    play(ASK, ceo)
    play(REFERENCE, ceo)                                  # asked once: the reference impresses...
    assert bg.state.stance[0, ceo] > bg.state.start_stance[0, ceo]
    assert proofs.doubt(bg.state, tb)[0, ceo] == pytest.approx(tb.params.doubt_risk)   # ...the doubt stays
    play(ASK, cto)
    bg.end_round()
    play(ASK, ceo)                                        # the follow-ups: what worries you most?
    play(ASK, cto)
    play(DEMO, cto)
    assert proofs.doubt(bg.state, tb)[0, cto] == 0.0
    assert proofs.doubt(bg.state, tb)[0, ceo] == pytest.approx(tb.params.doubt_risk)
    # off (proof_heard 0): the first reference had answered it
    tb0 = compile_tables(scenario_from_data(small()), HEARD.with_(proof_heard=0.0))
    bg = BatchGame(tb0, 3, 1)
    play(ASK, ceo)
    play(REFERENCE, ceo)
    assert proofs.doubt(bg.state, tb0)[0, ceo] == 0.0


def test_with_proof_heard_the_listener_outsells_the_one_question_seller():
    """Measured (1,000 games, seed 10, expert minus one question each): electronics 0.065 -> 0.106,
    robot cell 0.007 -> 0.087 with proof_heard on (docs/model.md)."""
    for name in ("electronics_support", "robot_cell_japanese"):
        tb = compile_tables(load_scenario(BUNDLED[name]), HEARD)
        expert = play_batch(tb, "expert", SEED, GAMES)
        once = play_batch(tb, expert_variant("one_question", max_asks=1), SEED, GAMES)
        assert win(expert) - win(once) >= 0.05, name
