"""The batch API plays on the same rules as Game: vectorised paths agree with the single-game path."""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import ACTION_INDEX, NOOP, BatchGame, Game, compile_tables
from game.engine.legality import resolve
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from test_engine_fixtures import with_gate
from test_engine_game import play_random

SCENARIOS = [pytest.param(lambda: scenario_from_data(with_gate()), id="gate")] + \
            [pytest.param(lambda p=p: load_scenario(p), id=p.stem) for p in bundled_scenarios()]


@pytest.mark.parametrize("make", SCENARIOS)
def test_game_zero_of_a_batch_matches_the_single_game(make):
    """Game 0 replays a single game's actions while games 1.. play random slots beside it."""
    sc = make()
    single = play_random(sc, seed=21, rng_seed=3)
    tb = compile_tables(sc)
    G = 6
    bg = BatchGame(tb, 21, G)
    rng = np.random.default_rng(0)
    for actions in single.history:
        slots = [resolve(bg.state, tb, a) for a in actions]
        for n in range(max(len(slots), 6)):
            kind = rng.integers(-1, len(ACTION_INDEX), G)
            member = rng.integers(0, tb.M, G)
            benefit = rng.integers(0, tb.B, G)
            kind[0], member[0], benefit[0] = slots[n] if n < len(slots) else (NOOP, -1, -1)
            applied = bg.apply(kind, member, benefit)
            assert applied[0] == (n < len(slots))
        bg.end_round()
    st, one = bg.state, single.state
    for name in ("stance", "rival", "stance_history", "rival_history", "outcome", "rung", "engaged", "pitch_count"):
        assert np.array_equal(getattr(st, name)[0], getattr(one, name)[0]), name
    assert bg.scores()[0] == single.debrief().score.total


def test_batch_games_differ_and_stay_bounded():
    tb = compile_tables(load_scenario(bundled_scenarios()[0])) if bundled_scenarios() else \
        compile_tables(scenario_from_data(with_gate()))
    G = 200
    bg = BatchGame(tb, 5, G)
    rng = np.random.default_rng(1)
    while not bg.done:
        for _ in range(6):
            bg.apply(rng.integers(0, len(ACTION_INDEX), G), rng.integers(0, tb.M, G), rng.integers(0, tb.B, G))
        assert (bg.state.points >= 0).all()
        bg.end_round()
    st = bg.state
    assert (np.abs(st.stance) <= 1).all() and (np.abs(st.rival) <= 1).all()
    assert len(set(st.outcome.tolist())) > 1                    # randomness and actions matter
    scores = bg.scores()
    assert ((scores >= 0) & (scores <= 1000)).all()


def test_illegal_slots_do_nothing_in_a_batch():
    tb = compile_tables(scenario_from_data(with_gate()))
    bg = BatchGame(tb, 0, 3)
    cfo = tb.row("cfo")
    before = bg.state.stance.copy()
    kind = np.array([ACTION_INDEX["pitch"], ACTION_INDEX["deliver"], NOOP])     # cfo locked; post-sale kind
    applied = bg.apply(kind, np.array([cfo, -1, -1]), np.array([0, -1, -1]))
    assert not applied.any()
    assert np.array_equal(bg.state.stance, before) and (bg.state.points == 4).all()


def test_same_seed_same_batch():
    tb = compile_tables(scenario_from_data(with_gate()))
    runs = []
    for _ in range(2):
        bg = BatchGame(tb, 9, 50)
        rng = np.random.default_rng(2)
        while not bg.done:
            for _ in range(5):
                bg.apply(rng.integers(0, 7, 50), rng.integers(0, tb.M, 50), rng.integers(0, tb.B, 50))
            bg.end_round()
        runs.append(bg.state.stance_history.copy())
    assert np.array_equal(runs[0], runs[1])


def test_single_game_path_accepts_what_check_accepts():
    """Every action check() accepts is also legal for the batch rules (one source of truth)."""
    sc = scenario_from_data(with_gate())
    game = Game(sc)
    game.reset(seed=3)
    rng = np.random.default_rng(4)
    from game.engine import actions as A
    while not game.done:
        for a in game.observation.legal_actions:
            k, m, b = resolve(game.state, game.tables, a)
            assert A.slot_legal(game.state, game.tables, np.array([k]), np.array([m]), np.array([b]))[0], a
        legal = list(game.observation.legal_actions)
        game.step([legal[int(rng.integers(len(legal)))]] if legal else [])
