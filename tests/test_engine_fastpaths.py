"""The batch engine's shortcuts give exactly what the plain formulas give (same bits, not just close).

Each shortcut (shared rows after a budget cut, column-wise argmax, lookup
tables for decay powers, the gate fast path, the pusher's incremental values)
is checked against the straightforward computation it replaces.
"""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
import yaml

from game.engine import compile_tables
from game.engine import actions, effects, events, rivals, rounds
from game.engine.batch import BatchGame, keep_freed_memory
from game.engine.state import new_state
from game.engine.strategies import get_strategy, play_batch
from game.engine.strategies.base import NOOP, PITCH, Strategy, first_argmax_T, play_round, reachable
from game.engine.strategies.pusher import PusherStrategy, pitch_sequence
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data


def _data() -> dict:
    path = next(p for p in bundled_scenarios() if p.stem == "data_platform_hanbit")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def gatekeeper_leaves(successor: bool):
    """The default deal where the CEO's gatekeeper leaves early (with or without a successor), plus a blocker
    and a second budget cut (so games end up with different priorities)."""
    d = copy.deepcopy(_data())
    leave = d["events"][0]
    leave.update(member="assistant", probability=0.5, stage="information_gathering")
    if successor:
        leave["successor"].update(id="new_assistant", roles=["gatekeeper"])
    else:
        del leave["successor"]
    d["events"] += [
        dict(id="cut2", stage="choosing_alternative", probability=0.5, type="budget_cut", severity=0.3,
             description="A second cut."),
        dict(id="blk", stage="situation_analysis", probability=0.5, type="member_turns_blocker", member="ceo",
             description="The CEO turns against the change."),
    ]
    return scenario_from_data(d)


SCENARIOS = [pytest.param(lambda p=p: load_scenario(p), id=p.stem) for p in bundled_scenarios()] + [
    pytest.param(lambda: gatekeeper_leaves(True), id="gatekeeper-successor"),
    pytest.param(lambda: gatekeeper_leaves(False), id="gatekeeper-gone"),
]


@pytest.mark.parametrize("shape, fill", [((9, 500), None), ((4, 300), 0.0), ((18, 200), -np.inf), ((1, 50), None),
                                         ((7, 400), "ties")])
def test_first_argmax_T_is_numpy_argmax(shape, fill):
    rng = np.random.default_rng(1)
    v = rng.random(shape)
    if fill == "ties":
        v = np.round(v * 3) / 3                       # many equal maxima: the first one must win
    elif fill is not None:
        v[:, ::3] = fill
    arg, best = first_argmax_T(v)
    assert np.array_equal(arg, v.T.argmax(axis=1))
    assert np.array_equal(best, v.T.max(axis=1))


@pytest.mark.parametrize("name", ["pitch", "show", "ask", "post"])
def test_decay_tables_equal_numpy_power(name):
    tb = compile_tables(load_scenario(bundled_scenarios()[0]))
    decay = getattr(tb.params, f"{name}_decay")
    counts = np.random.default_rng(2).integers(0, len(getattr(tb, f"{name}_pow")), (50, 9))
    assert np.array_equal(getattr(tb, f"{name}_pow")[counts], np.power(decay, counts))


def _naive_access(st, tb):
    """refresh_access as plain formulas over every cell (the reference)."""
    p = tb.params
    has_gate = st.gate >= 0
    gk = np.where(has_gate, st.gate, 0)
    gi = np.arange(st.G)[:, None]
    blockers = st.blocker & st.present
    by_blocker = tb.decider & ((blockers.sum(axis=1, keepdims=True) - blockers) > 0)
    locked = st.present & ~st.referred & ((has_gate & (st.stance[gi, gk] < p.unlock_threshold)) | by_blocker)
    can_refer = (st.present & ~locked & (st.stance >= p.refer_threshold)).any(axis=1)
    gk_rival = st.rival[gi[:, :, None], np.arange(tb.K)[None, :, None], gk[:, None, :]]
    r_closed = has_gate[:, None, :] & (gk_rival < p.unlock_threshold)
    return locked, can_refer, st.present[:, None, :] & (r_closed | by_blocker[:, None, :])


@pytest.mark.parametrize("make", SCENARIOS)
def test_access_matches_the_plain_formulas_every_round(make):
    tb = compile_tables(make())
    bg = BatchGame(tb, 5, 400)
    strat, rng = get_strategy("random"), np.random.default_rng(5)
    from game.engine.strategies.base import play_round
    while not bg.done:
        st = bg.state
        locked, can_refer, rival_locked = _naive_access(st, tb)
        a = st.active                      # a game that is over keeps the locks of its last round
        assert np.array_equal(st.locked[a], locked[a]) and np.array_equal(st.can_refer[a], can_refer[a])
        assert np.array_equal(st.rival_locked[a], rival_locked[a])
        play_round(st, tb, strat, rng)
        bg.end_round()


@pytest.mark.parametrize("make", SCENARIOS)
def test_shared_priority_rows_give_what_every_row_gives(make):
    """A budget cut computed once for all hit games equals the row-by-row computation."""
    tb = compile_tables(make())
    cuts = [e for e in range(len(tb.ev_ids)) if tb.ev_type[e] == events.BUDGET_CUT]
    if not cuts:
        pytest.skip("no budget cut in this scenario")
    st = new_state(tb, 3, 300)
    rounds.begin_round(st, tb)
    idx = np.arange(0, 300, 3)
    prio = st.prio[idx]
    new = prio[:1] + np.where(tb.price_mask, 0.4 * prio[:1].max(axis=-1, keepdims=True), 0.0)
    shared, rows = st.copy(), st.copy()
    events.set_priorities(shared, tb, idx, new)
    events.set_priorities(rows, tb, idx, np.repeat(new, len(idx), axis=0))
    for name in shared.__slots__:
        a, b = getattr(shared, name), getattr(rows, name)
        if isinstance(a, np.ndarray):
            assert a.tobytes() == b.tobytes(), name


class PlainPusher(Strategy):
    """The pusher as plain formulas recomputed every slot (the reference for the incremental version)."""

    name = "plain-pusher"

    def start_round(self, st, tb, rng):
        if st.round > tb.decision:
            return super().start_round(st, tb, rng)
        seq, val = pitch_sequence(tb.cap, tb.params.pitch_decay, int(tb.points.sum()) + 1)
        return seq, val, tb.influence * tb.activity[st.round]

    def choose(self, st, tb, rng, ctx):
        seq, val, weight = ctx
        n = np.minimum(st.engaged, len(seq) - 1)
        value = np.where(reachable(st), weight * val[n], 0.0)
        m = value.argmax(axis=1)
        g = np.arange(st.G)
        ok = st.active & (st.points > 0) & (value[g, m] > 0)
        return np.where(ok, PITCH, NOOP), np.where(ok, m, -1), np.where(ok, seq[n[g, m]], -1)


@pytest.mark.parametrize("make", SCENARIOS)
def test_incremental_pusher_plays_like_plain_pusher(make):
    tb = compile_tables(make())
    fast = play_batch(tb, PusherStrategy(), 9, 500).state
    plain = play_batch(tb, PlainPusher(), 9, 500).state
    for name in ("outcome", "stance", "rival", "pitch_count", "engaged", "rung"):
        assert getattr(fast, name).tobytes() == getattr(plain, name).tobytes(), name


def plain_rival_turn(st, tb):
    """The rivals' moves by the straightforward (G,K,2M) formulas: argmax per (game, rival), bincount.

    Works on games-first copies of the rivals' arrays; returns (moves, rival, stance, uses (G,K,2,M)).
    """
    p = tb.params
    G, K, M = st.G, tb.K, tb.M
    n, M2 = G * K, 2 * M
    best_b = st.rival_best.transpose(2, 1, 0)
    pitch_base = st.rival_pitch_base.transpose(2, 1, 0)
    ref_base = st.rival_ref_base.transpose(2, 1, 0)
    uses = np.ascontiguousarray(st.rival_uses.transpose(3, 2, 0, 1))                  # (G,K,2,M)
    act = tb.activity[st.round]
    common = (1.0 - st.rival) * (tb.weight * tb.style_member)
    common = common * (st.present[:, None, :] & ~st.rival_locked) * st.active[:, None, None]
    powers = [np.power(d, np.minimum(uses[:, :, i], 63).astype(float)) for i, d in
              enumerate((p.pitch_decay, p.show_decay))]
    gain = np.stack([pitch_base * powers[0], ref_base * powers[1]], axis=2) * act
    if p.rival_alone != 1.0:
        gain = gain * np.where(st.engaged > 0, 1.0, p.rival_alone)[:, None, None, :]
    value = np.stack([gain[:, :, 0] * common * (pitch_base > 0),
                      gain[:, :, 1] * common * tb.style_reference[:, None]], axis=2).reshape(n, M2)
    gain = gain.reshape(n, M2)
    rows = np.arange(n)
    moves = np.full((G, K, p.rival_moves, 3), -1, np.int64)
    R = min(p.rival_moves, M2)
    top, does = np.zeros((n, R), np.int64), np.zeros((n, R), bool)
    for r in range(R):
        top[:, r] = value.argmax(axis=1)
        does[:, r] = value[rows, top[:, r]] > 0
        value[rows, top[:, r]] = -1.0
    m = top % M
    fix = st.rival_pitch_fix.transpose(2, 1, 0).reshape(n, M)[rows[:, None], m]    # real / expected gain
    delta = gain[rows[:, None], top] * np.where(top >= M, 1.0, fix) * does
    uses.reshape(n, M2)[rows[:, None], top] += does
    onehot = np.bincount((rows[:, None] * M + m).ravel(), weights=delta.ravel(), minlength=n * M).reshape(G, K, M)
    total = onehot.sum(axis=1)
    rival = effects.nudge(st.rival, (1 + p.cross_effect) * onehot - p.cross_effect * total[:, None])
    if K == 1:
        rival = effects.nudge(st.rival, onehot)
    stance = effects.nudge(st.stance, -p.cross_effect * total)
    is_ref = top >= M
    b = best_b.reshape(G * K, M)[rows[:, None], m]
    moves[:, :, :R, 0] = np.where(does, is_ref, -1).reshape(G, K, R)
    moves[:, :, :R, 1] = np.where(does, m, -1).reshape(G, K, R)
    moves[:, :, :R, 2] = np.where(does & ~is_ref, b, -1).reshape(G, K, R)
    return moves, rival, stance, uses


@pytest.mark.parametrize("block", [None, 7, 64])
@pytest.mark.parametrize("make", SCENARIOS)
def test_games_last_rival_turn_equals_the_plain_formulas(make, block, monkeypatch):
    """rivals.rival_turn (games-last layout, column-wise argmax, direct adds, blocks of games) moves exactly
    like the plain version; ``block`` forces blocks of that many games (None: one block of 400)."""
    if block is not None:
        monkeypatch.setattr(rivals, "_MIN_BLOCK", block)
        monkeypatch.setattr(rivals, "_BLOCK_CELLS", 1)
    tb = compile_tables(make())
    if not tb.K:
        pytest.skip("no rival")
    bg = BatchGame(tb, 5, 400)
    strat, rng = get_strategy("random"), np.random.default_rng(2)
    while not bg.done and bg.state.round <= tb.decision:
        play_round(bg.state, tb, strat, rng)
        st = bg.state.copy()
        moves, rival, stance, uses = plain_rival_turn(st, tb)
        got = rivals.rival_turn(st, tb)
        assert got.tobytes() == moves.tobytes()
        assert st.rival.tobytes() == rival.tobytes() and st.stance.tobytes() == stance.tobytes()
        assert np.ascontiguousarray(st.rival_uses.transpose(3, 2, 0, 1)).tobytes() == uses.tobytes()
        # a rival has learned exactly the members it has made rival_learn moves with
        assert np.array_equal(st.rival_known, st.rival_uses.sum(axis=0) >= tb.params.rival_learn)
        bg.end_round()


def test_keeping_freed_memory_changes_no_result():
    tb = compile_tables(load_scenario(bundled_scenarios()[0]))
    before = play_batch(tb, "pusher", 4, 300).state
    keep_freed_memory()
    after = play_batch(tb, "pusher", 4, 300).state
    for name in ("outcome", "stance", "rival", "stance_history", "rival_history"):
        assert getattr(before, name).tobytes() == getattr(after, name).tobytes(), name


def many_cuts():
    """The default deal with more budget cuts than the tables precompute (tables.MAX_CUT_TABLES): games
    hit by the extra ones get priorities computed per game (events.set_priorities)."""
    d = copy.deepcopy(_data())
    d["events"] += [dict(id=f"cut{i}", stage=stage, probability=0.5, type="budget_cut", severity=0.5,
                         description="Another cut.")
                    for i, stage in enumerate(("situation_analysis", "information_gathering", "developing_options",
                                               "evaluating_alternatives"))]
    return scenario_from_data(d)


@pytest.mark.parametrize("make", SCENARIOS + [pytest.param(many_cuts, id="many-cuts")])
def test_stored_top_benefit_is_the_argmin_of_the_ranks(make):
    """``st.top`` (gathered from the tables, or set with the priorities after a cut) is what a pass over the
    ranks gives, in every round, for games whose priorities events moved too."""
    tb = compile_tables(make())
    bg = BatchGame(tb, 8, 400)
    strat, rng = get_strategy("random"), np.random.default_rng(8)
    while not bg.done:
        st = bg.state
        assert np.array_equal(st.top, st.rank.argmin(axis=-1))
        play_round(st, tb, strat, rng)
        bg.end_round()
    assert make is not many_cuts or bg.state.moved.any()      # the per-game path was taken


@pytest.mark.parametrize("make", SCENARIOS + [pytest.param(many_cuts, id="many-cuts")])
def test_pitch_quality_shortcuts_equal_the_plain_formula(make):
    """pitch_quality given the stored top benefits and the pitched cells' care and count (what ``_pitch``
    already read) gives the same bits as reading them all from the flat arrays."""
    from game.engine import scoring
    tb = compile_tables(make())
    bg = BatchGame(tb, 6, 600)
    strat, rng = get_strategy("novice"), np.random.default_rng(6)
    pick = np.random.default_rng(60)
    checked = 0
    while not bg.done and bg.state.round <= tb.decision:
        play_round(bg.state, tb, strat, rng)
        st = bg.state
        gm = np.arange(st.G) * tb.M + pick.integers(0, tb.M, st.G)
        b = pick.integers(0, tb.B, st.G)
        care, rank = st.care.reshape(-1), st.rank.reshape(-1)
        counts, revealed = st.pitch_count.reshape(-1), st.revealed.reshape(-1).take(gm)
        informed = revealed > 0
        gmb = gm * tb.B + b
        plain = scoring.pitch_quality(tb, care, rank, counts, revealed, gm, b, informed)
        fast = scoring.pitch_quality(tb, care, rank, counts, revealed, gm, b, informed, st.top.reshape(-1).take(gm),
                                     (care.take(gmb), counts.take(gmb)))
        assert fast.tobytes() == plain.tobytes()
        checked += int((revealed >= 2).sum())
        bg.end_round()
    assert checked > 0                         # the follow-up branch (top three known) was met too


def test_first_rule_is_the_first_broken_rule():
    """legality.first_rule equals the plain loop ``for c in reversed: code[broken[c - 1]] = c``."""
    from game.engine.legality import RULES, first_rule
    rng = np.random.default_rng(4)
    for density, n in ((0.0, 3000), (0.02, 3000), (0.2, 3000), (0.9, 3000), (0.0, 1), (0.1, 1), (0.5, 1)):
        broken = rng.random((len(RULES), n)) < density
        plain = np.zeros(n, np.int64)
        for c in range(len(RULES), 0, -1):
            plain[broken[c - 1]] = c
        got = first_rule(broken)
        assert got.dtype == plain.dtype and np.array_equal(got, plain)
    for rule in range(len(RULES)):                      # one game: each rule alone, and with every later one
        broken = np.zeros((len(RULES), 1), bool)
        broken[rule:] = True
        assert first_rule(broken).tolist() == [rule + 1]


@pytest.mark.parametrize("make", SCENARIOS)
def test_champion_rows_equal_the_plain_block(make):
    """champion.carry_rows (row by row over possible champions) gives carry's (G,M,M) block results bit for
    bit, in every round of real games, and on random stances with every member linked to every other."""
    from game.engine import champion
    tb = compile_tables(make())
    p = tb.params
    bg = BatchGame(tb, 12, 500)
    strat, rng = get_strategy("expert"), np.random.default_rng(12)
    rnd = np.random.default_rng(120)
    full = ~np.eye(tb.M, dtype=bool)
    while not bg.done:
        st = bg.state
        stances = [st.stance] + [st.rival[:, k] for k in range(tb.K)] + [rnd.uniform(-1, 1, st.stance.shape)]
        for s in stances:
            for links in (tb.links, full):
                want, got = champion.carry(s, tb.influence, links, st.present, p), \
                    champion.carry_rows(s, tb.influence, links, st.present, p)
                for a, b in zip(want, got):
                    assert a.dtype == b.dtype and a.tobytes() == b.tobytes()
        play_round(st, tb, strat, rng)
        bg.end_round()


def test_nudge_into_equals_nudge_bit_for_bit():
    """effects.nudge_into (in place, rival_turn) gives nudge's values to the bit: gains, losses, zeros
    (-0.0 too), deltas pushing past the bounds, broadcast stances."""
    rng = np.random.default_rng(3)
    stance = np.concatenate([rng.uniform(-1, 1, 4000), [-1.0, 1.0, 0.0, -0.0, 0.5, -0.5]])
    delta = np.concatenate([rng.normal(0, 0.3, 4000), [0.0, -0.0, -0.0, 0.0, 3.0, -3.0]])
    delta[rng.random(len(delta)) < 0.3] = 0.0
    want = effects.nudge(stance, delta)
    got = effects.nudge_into(stance, delta.copy())
    assert got.tobytes() == want.tobytes()
    block = stance[:4000].reshape(10, 20, 20)
    d = delta[:4000].reshape(10, 20, 20)
    assert effects.nudge_into(block[:, :1], d.copy()).tobytes() == effects.nudge(block[:, :1], d).tobytes()
    assert -1.0 <= got.min() and got.max() <= 1.0 and (got != stance).any()


class _CheckedPusher(PusherStrategy):
    """the pusher, asserting every pre-sale proposal is legal now exactly when it is not NOOP."""

    slots = 0

    def choose(self, st, tb, rng, ctx):
        kind, member, benefit = super().choose(st, tb, rng, ctx)
        legal = actions.slot_legal(st, tb, kind, member, benefit)
        assert np.array_equal(legal, kind >= 0), (st.round, np.flatnonzero(legal != (kind >= 0))[:5])
        self.slots += 1
        return kind, member, benefit


FIXTURES = [pytest.param(lambda p=p: load_scenario(p), id=p.stem)
            for p in sorted((Path(__file__).parent / "fixtures").glob("*.yaml"))]


@pytest.mark.parametrize("games", [300, 1])
@pytest.mark.parametrize("make", SCENARIOS + FIXTURES)
def test_pusher_proposes_only_legal_actions(make, games):
    """pusher.proposes_legal lets play_round skip the legality mask: each of its pre-sale proposals is
    legal by slot_legal exactly when it is not NOOP (every slot of every round), and its batch plays
    the same as with the mask (what apply_slot with trusted=False gives)."""
    tb = compile_tables(make())
    checked = _CheckedPusher()
    bg = play_batch(tb, checked, 9, games)
    assert checked.slots > 0 and PusherStrategy.proposes_legal

    class Masked(PusherStrategy):
        proposes_legal = False
    plain = play_batch(tb, Masked(), 9, games)
    for name in ("stance", "rival", "pitch_count", "outcome", "engaged", "blind", "spent"):
        assert getattr(bg.state, name).tobytes() == getattr(plain.state, name).tobytes(), name


@pytest.mark.parametrize("width", [1, 5, 41, 72])
@pytest.mark.parametrize("rows", [(0, 1), (0, 300), (1, 2), (117, 300), (299, 300)])
def test_uniform_rows_are_the_rows_of_the_whole_block(width, rows):
    """A part's numbers (PCG64 jumped ahead) are the same bits as those rows of the whole batch's block."""
    from game.engine.fastops import uniform_rows
    whole = np.random.default_rng(np.random.SeedSequence([4, 2])).random((300, width))
    part = uniform_rows(np.random.default_rng(np.random.SeedSequence([4, 2])), 300, width, rows)
    assert part.shape == (rows[1] - rows[0], width)
    assert np.array_equal(part, whole[rows[0]:rows[1]])
    assert np.array_equal(uniform_rows(np.random.default_rng(np.random.SeedSequence([4, 2])), 300, width), whole)
    other = np.random.Generator(np.random.MT19937(7))          # no advance: drawn and dropped
    assert np.array_equal(uniform_rows(other, 300, width, rows),
                          np.random.Generator(np.random.MT19937(7)).random((300, width))[rows[0]:rows[1]])
