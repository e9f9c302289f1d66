"""The batch API plays on the same rules as Game: vectorised paths agree with the single-game path."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game.engine import ACTION_INDEX, NOOP, Action, BatchGame, BatchState, Game, compile_tables
from game.engine import actions as A
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
    G = 7
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
    assert_game_zero_equal(bg.state, single.state)
    assert bg.scores()[0] == single.debrief().score.total


#: state arrays with the games axis last (the rivals' own arrays); every other array has it first
GAMES_LAST = {"rival_known", "rival_best", "rival_pitch_base", "rival_pitch_fix", "rival_ref_base", "rival_uses"}


def assert_game_zero_equal(st, one):
    """Every field of the state: game 0 of the batch ``st`` is bit for bit the single game ``one``."""
    names = [f.name for f in dataclasses.fields(BatchState)]
    assert len(names) >= 45
    if st.active.any():
        # other games of the batch play on after game 0 is over: ``u`` and ``z`` hold the draws of the
        # round the batch is in (shared scratch, like ``round``); every array of game 0 itself is kept
        names = [n for n in names if n not in ("u", "z")]
    for name in names:
        a, b = getattr(st, name), getattr(one, name)
        if name == "G":
            assert b == 1
        elif name == "seed_children":
            assert [c.entropy for c in a] == [c.entropy for c in b] and \
                [c.spawn_key for c in a] == [c.spawn_key for c in b]
        elif isinstance(a, np.ndarray):
            assert a.dtype == b.dtype, name
            x, y = (a[..., 0], b[..., 0]) if name in GAMES_LAST else (a[0], b[0])
            assert x.shape == y.shape and np.array_equal(x, y, equal_nan=x.dtype.kind == "f"), name
        else:
            assert a == b, name                                        # round; z is None outside the decision


def reference_counts(st, tb, kind, member, benefit, applied_before):
    """What a pitch adds to the blind / wasted counters, by the plain rule: a pitch before the member was
    asked is blind; a pitch of a benefit the member cares less than care_threshold about is wasted."""
    g = np.flatnonzero(applied_before & (kind == A.PITCH))
    m, b = member[g], benefit[g]
    blind = np.zeros_like(st.blind)
    np.add.at(blind, (g, m), st.revealed[g, m] == 0)
    wasted = np.zeros_like(st.wasted_pitch)
    np.add.at(wasted, (g, m, b), st.care[g, m, b] < tb.params.care_threshold)
    return blind, wasted


@pytest.mark.parametrize("make", SCENARIOS)
def test_the_batch_counts_blind_and_wasted_pitches(make):
    """The counters behind the "ask first" and "irrelevant pitch" advice and the waste in the debrief."""
    tb = compile_tables(make())
    G = 40
    bg = BatchGame(tb, 8, G)
    rng = np.random.default_rng(6)
    pitches = blind_total = wasted_total = 0
    while not bg.done:
        for _ in range(6):
            st = bg.state
            kind = np.where(rng.random(G) < 0.7, A.PITCH, rng.integers(0, len(ACTION_INDEX), G))
            member, benefit = rng.integers(0, tb.M, G), rng.integers(0, tb.B, G)
            legal = bg.legal(kind, member, benefit)
            blind, wasted = reference_counts(st, tb, kind, member, benefit, legal)
            want_blind, want_wp, want_w = st.blind + blind, st.wasted_pitch + wasted, st.wasted.copy()
            want_w += wasted.sum(axis=(1, 2))
            want_w += legal & (kind == A.ASK) & st.asked_now[np.arange(G), member]
            price = st.care[..., tb.price_mask].max(axis=-1) if tb.price_mask.any() else np.zeros((G, tb.M))
            heard = st.present & (st.revealed > 0) & (price >= tb.params.discount_care)
            want_w += legal & (kind == A.DISCOUNT) & ~heard.any(axis=1)      # a discount nobody had asked for
            applied = bg.apply(kind, member, benefit)
            assert np.array_equal(applied, legal)
            assert np.array_equal(bg.state.blind, want_blind)
            assert np.array_equal(bg.state.wasted_pitch, want_wp)
            assert np.array_equal(bg.state.wasted, want_w)
            pitches += int((applied & (kind == A.PITCH)).sum())
            blind_total, wasted_total = int(blind.sum()) + blind_total, int(wasted.sum()) + wasted_total
        bg.end_round()
    assert pitches and blind_total and wasted_total          # the test saw both kinds of pitch


def test_blind_pitches_lead_to_the_ask_first_advice():
    sc = scenario_from_data(with_gate())
    game = Game(sc)
    obs = game.reset(seed=2)
    eng = obs.member("eng")
    bid = [b.id for b in obs.benefits]
    while not game.done:
        if game.observation.phase == "pre_sale":
            plan = [Action("pitch", "eng", bid[i % len(bid)]) for i in range(game.observation.points)]
            game.step(plan if game.refusal(plan) is None else [])
        else:
            game.step([])
    assert game.state.blind[0, game.tables.row("eng")] >= 4 and eng.revealed == 0
    assert any(m.key == "advice.ask_first" and m.param("member") == "eng" for m in game.debrief().advice)


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
