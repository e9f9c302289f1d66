"""Rivals are not omniscient (issue 10): they pitch what the file writes until they have learned a member."""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import BatchGame, Game, compile_tables
from game.engine.customer import IDENTITY
from game.engine.rivals import PITCH
from game.engine.strategies import get_strategy
from game.engine.strategies.base import play_round
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from test_engine_fixtures import data

SCENARIOS = [pytest.param(lambda p=p: load_scenario(p), id=p.stem) for p in bundled_scenarios()]


def first_pitches(tb, seed: int = 3, games: int = 300):
    """Every rival pitch of ``games`` greedy games: (game, rival, member, benefit, known before the move),
    and the game's member variant rows at that round."""
    bg = BatchGame(tb, seed, games)
    strat, rng = get_strategy("greedy"), np.random.default_rng(1)
    out = []
    while not bg.done and bg.state.round <= tb.decision:
        play_round(bg.state, tb, strat, rng)
        known = bg.state.rival_known.copy()
        q = int(tb.regime[bg.state.round])
        variant = bg.state.variant.copy()
        moves = bg.end_round()["rival_moves"]
        g, k, r = np.nonzero(moves[..., 0] == PITCH)
        m, b = moves[g, k, r, 1], moves[g, k, r, 2]
        out.append((g, k, m, b, known[m, k, g], q, variant[g, m]))
    return out


@pytest.mark.parametrize("make", SCENARIOS)
def test_a_rival_that_has_not_learned_a_member_pitches_the_file_and_then_the_real_priorities(make):
    """The news names what the rival believes: before it learned the member, the file's best pitch for
    it (whatever this game's member really values); after, this game's real best pitch."""
    tb = compile_tables(make())
    guessed = learned = differs = 0
    for g, k, m, b, known, q, row in first_pitches(tb):
        guess = tb.v_guess[q][0][row, k].astype(int)
        real = tb.v_menu[q][0][row, k].astype(int)
        assert np.array_equal(b[~known], guess[~known])
        assert np.array_equal(b[known], real[known])
        guessed, learned = guessed + int((~known).sum()), learned + int(known.sum())
        differs += int((guess != real)[~known].sum())
    assert guessed and learned and differs       # both kinds seen, and guesses that were wrong


def test_with_no_variation_the_guess_is_the_truth():
    sc = load_scenario(bundled_scenarios()[0]).model_copy(update={"variation": "none"})
    tb = compile_tables(sc)
    assert np.array_equal(tb.v_guess[:, :2], tb.v_menu[:, :2]) and (tb.v_guess[:, 2] == 1.0).all()


def test_the_file_row_is_what_every_rival_believes():
    tb = compile_tables(load_scenario(bundled_scenarios()[0]))
    M = tb.M
    for q in range(len(tb.v_guess)):
        file_rows = tb.v_menu[q][:, IDENTITY * M:(IDENTITY + 1) * M]
        for v in (0, 7, IDENTITY, tb.n_variants - 1):
            assert np.array_equal(tb.v_guess[q][:2, v * M:(v + 1) * M], file_rows[:2])


def one_rival_deal() -> dict:
    """A member whose file says price but who, in games where the top two swap, cares for price 0.2."""
    d = data()
    d["variation"] = "high"
    d["members"] = [{"id": "cfo", "name": "C", "title": "CFO", "roles": ["decider"], "influence": 0.9,
                     "priorities": {"affordable_price": 10, "best_quality_control": 2}}]
    d["competitors"] = [{"id": "rv", "name": "Rival", "style": "balanced",
                         "capabilities": {"affordable_price": 0.9, "best_quality_control": 0.9}}]
    d["events"] = []
    return d


def test_a_wrong_guess_is_a_wasted_pitch_that_costs_the_rival():
    """Where this game's member barely cares about the benefit the file names, the rival's first pitch
    of it moves the member away from the rival; once it has learned the member, its pitches land."""
    tb = compile_tables(scenario_from_data(one_rival_deal()))
    p = tb.params
    bg = BatchGame(tb, 5, 400)
    st = bg.state
    cfo = 0
    price = tb.benefit_ids.index("affordable_price")
    wrong = st.care[:, cfo, price] < p.care_threshold
    assert wrong.any() and (~wrong).any()
    assert (st.rival_pitch_fix[cfo, 0][wrong] < 0).all() and (st.rival_pitch_fix[cfo, 0][~wrong] > 0).all()
    before = st.rival[:, 0, cfo].copy()
    moves = bg.end_round()["rival_moves"]
    pitched = (moves[:, 0, :, 0] == PITCH).any(axis=1) & (moves[:, 0, :, 2] == price).any(axis=1)
    assert pitched.all()                                     # it pitched the file's price in every game
    gained = st.rival[:, 0, cfo] - before                    # (its reference the same way everywhere)
    assert gained[wrong].max() < gained[~wrong].min()
    # after rival_learn moves with the member it knows, and pitches what this member really values
    while st.round <= tb.decision and not st.rival_known[cfo, 0].all():
        bg.end_round()
    assert st.rival_known[cfo, 0][wrong].all()
    assert (st.rival_best[cfo, 0][wrong] != price).all()


def test_the_same_seed_gives_the_same_rivals_in_a_batch_and_a_single_game():
    sc = load_scenario(bundled_scenarios()[3])
    game = Game(sc)
    game.reset(seed=9)
    while not game.done:
        game.step([])
    bg = BatchGame(compile_tables(sc), 9, 3)
    while not bg.done:
        bg.end_round()
    for name in ("rival_known", "rival_best", "rival_pitch_fix"):
        assert np.array_equal(getattr(bg.state, name)[..., 0], getattr(game.state, name)[..., 0]), name
