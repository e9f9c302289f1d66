"""The player's actions as vectorised "slots", and their legality.

A slot is three int arrays of shape (G,): ``kind`` (index into ACTION_KINDS,
NOOP = -1), ``member`` (row, -1 for none) and ``benefit`` (-1 for none).
``apply_slot`` applies one action per game; games whose action is illegal or
too expensive do nothing in that slot (the single-game ``Game`` rejects them
before with a clear message instead).
"""
from __future__ import annotations

import numpy as np

from game.engine import effects, postsale
from game.engine.state import BatchState
from game.engine.tables import Tables
from game.engine.types import (ACTION_COSTS, ACTION_KINDS, MEMBER_OPTIONAL, NEEDS_BENEFIT, NEEDS_MEMBER,
                               POST_SALE_KINDS)

NOOP = -1
KIND = {k: i for i, k in enumerate(ACTION_KINDS)}
ASK, PITCH, REFERENCE, DEMO, PILOT, DISCOUNT, REFER, DELIVER, SUPPORT, TRAIN, REVIEW = range(len(ACTION_KINDS))
N_KINDS = len(ACTION_KINDS)
COST = np.array([ACTION_COSTS[k] for k in ACTION_KINDS], dtype=np.int64)
TAKES_MEMBER = np.array([k in NEEDS_MEMBER for k in ACTION_KINDS])
MAY_TAKE_MEMBER = np.array([k in MEMBER_OPTIONAL for k in ACTION_KINDS])
TAKES_BENEFIT = np.array([k in NEEDS_BENEFIT for k in ACTION_KINDS])
IS_POST = np.array([k in POST_SALE_KINDS for k in ACTION_KINDS])
NEEDS_OPEN = np.isin(np.arange(N_KINDS), [ASK, PITCH, REFERENCE, DEMO])   # not possible on a locked member
COST_OF_CODE = np.concatenate([[0], COST])     # cost by "code" = kind + 1, code 0 = nothing applied
ZERO = np.zeros(1, np.int64)


def is_post_round(st: BatchState, tb: Tables) -> bool:
    return st.round > tb.decision


def flat(st: BatchState, name: str) -> np.ndarray:
    """1-D view of the state array ``name``, indexed by flat cells (game * M + member ...).

    ``a.take(cells)`` and ``a[cells] = v`` on it are several times faster than
    multi-array fancy indexing (and ``a[cells] = v`` faster than ``a.put``).

    State arrays are C-contiguous; should an assignment ever leave one strided,
    it is made contiguous (and stored back) first, so writes through the view land.
    """
    a = getattr(st, name)
    if not a.flags.c_contiguous:
        a = np.ascontiguousarray(a)
        setattr(st, name, a)
    return a.reshape(-1)


def games_of(st: BatchState, idx):
    """Selector of games ``idx`` for (G,) arrays: a slice when idx is every game (sorted, unique)."""
    return slice(None) if isinstance(idx, np.ndarray) and len(idx) == st.G else idx


def slot_legal(st: BatchState, tb: Tables, kind: np.ndarray, member: np.ndarray,
               benefit: np.ndarray) -> np.ndarray:
    """(G,) bool: is this action legal now (with the points and counters left in the round)?"""
    kind, member, benefit = np.asarray(kind), np.asarray(member), np.asarray(benefit)
    k = np.minimum(np.maximum(kind, 0), N_KINDS - 1)                 # (np.clip is slower on small arrays)
    gm = np.arange(st.G) * tb.M + np.minimum(np.maximum(member, 0), tb.M - 1)     # flat (game, member) cell
    here = (member >= 0) & (member < tb.M) & flat(st, "present").take(gm)
    locked = flat(st, "locked").take(gm)
    ok = st.active & (kind >= 0) & (kind < N_KINDS) & (COST.take(k) <= st.points)
    ok &= IS_POST.take(k) == is_post_round(st, tb)
    ok &= here | ~(TAKES_MEMBER.take(k) | (MAY_TAKE_MEMBER.take(k) & (member >= 0)))
    ok &= ((benefit >= 0) & (benefit < tb.B)) | ~TAKES_BENEFIT.take(k)
    ok &= ~locked | ~NEEDS_OPEN.take(k)
    rare = ((kind == REFER) | (kind == PILOT) | (kind == DISCOUNT)) & ok
    if rare.any():
        # a second referral of the same member in a round would cost a point and do nothing
        ok &= np.where(kind == REFER, locked & st.can_refer & ~flat(st, "referred").take(gm), True)
        ok &= np.where(kind == PILOT, bool(tb.pilot_stage[st.round]) & ~st.pilot_used, True)
        ok &= np.where(kind == DISCOUNT, st.discount_steps < tb.params.discount_max, True)
    return ok


def apply_slot(st: BatchState, tb: Tables, kind: np.ndarray, member: np.ndarray,
               benefit: np.ndarray, trusted: bool = False) -> np.ndarray:
    """Apply one action per game (NOOP / illegal -> nothing).  Returns the (G,) mask of applied actions.

    ``trusted=True`` skips the legality mask: only for actions already checked
    (``Game`` validates the whole list with legality.check_actions first).
    """
    kind = np.asarray(kind, dtype=np.int64)
    member = np.asarray(member, dtype=np.int64)
    benefit = np.asarray(benefit, dtype=np.int64)
    ok = (kind >= 0) if trusted else slot_legal(st, tb, kind, member, benefit)
    if st.G == 1:
        if ok[0]:
            apply_one(st, tb, int(kind[0]), int(member[0]), int(benefit[0]))
        return ok
    code = np.where(ok, kind + 1, 0)                 # 0 = nothing, else kind + 1
    counts = np.bincount(code, minlength=N_KINDS + 1)
    for k in np.flatnonzero(counts[1:]).tolist():
        if counts[k + 1] == st.G:                     # every game plays this kind: no gathering needed
            HANDLERS[k](st, tb, np.arange(st.G), member, benefit)
        else:
            idx = np.flatnonzero(code == k + 1)
            HANDLERS[k](st, tb, idx, member.take(idx), benefit.take(idx))
    cost = COST_OF_CODE.take(code)
    st.points -= cost
    if is_post_round(st, tb):
        st.post_spent += cost
    else:
        st.spent += cost
    return ok


def apply_one(st: BatchState, tb: Tables, kind: int, member: int, benefit: int) -> None:
    """Apply one already-checked action to game 0 of a one-game state (plain ints: fast scalar indexing).

    The rules are the batch handlers' (the same formulas in ``effects``),
    written with plain scalar indexing, which is much faster for one game.
    """
    HANDLERS_ONE[kind](st, tb, 0, member, benefit)
    cost = int(COST[kind])
    st.points[0] -= cost
    if st.round > tb.decision:
        st.post_spent[0] += cost
    else:
        st.spent[0] += cost


# ------------------------------------------------------------------ helpers
def _gain_all(st: BatchState, tb: Tables, idx, delta: np.ndarray) -> None:
    """Player gains ``delta`` (M,) or (n,M) with every present member of games idx."""
    delta = delta * st.present[idx]
    new, others = effects.gain_with(st.stance[idx], st.rival[idx], delta, tb.params, whole_row=True)
    st.stance[idx] = new
    st.rival[idx] = others


def _gain_p(st, tb, idx, gm, delta):
    """Player gains ``delta`` with member cells ``gm`` (= game * M + member) of games ``idx``.

    Same formulas as effects.gain_with, element by element, on flat views.
    """
    stance = flat(st, "stance")
    stance[gm] = effects.nudge(stance.take(gm), delta)
    if tb.K:
        loss = -tb.params.cross_effect * np.maximum(delta, 0.0)
        rival = flat(st, "rival")
        cell = gm + idx * ((tb.K - 1) * tb.M)        # (g, 0, m) of the (G,K,M) array: g*K*M + m
        for k in range(tb.K):
            rk = cell + k * tb.M
            rival[rk] = effects.nudge(rival.take(rk), loss)


def _bump(st, name: str, cells, by=1) -> None:
    """Add ``by`` to the cells of state array ``name`` (cells are distinct)."""
    a = flat(st, name)
    a[cells] = a.take(cells) + by


# ------------------------------------------------------------------ pre-sale handlers (batch)
# idx: (n,) game indices; m, b: (n,) member rows and benefits of those games.  Flat cells instead of
# fancy indexing: gm = game * M + member, gmb = gm * B + benefit.
def _ask(st, tb, idx, m, b):
    p = tb.params
    gm = idx * tb.M + m
    asked = flat(st, "asked_now")
    first = ~asked.take(gm)
    revealed = flat(st, "revealed")
    rev = revealed.take(gm)
    revealed[gm] = np.where(first, np.minimum(rev + 1, 3), rev)
    asks = flat(st, "asks")
    n = asks.take(gm)
    delta = np.where(first, p.ask_rapport * tb.ask_pow.take(n), 0.0)      # ask_rapport * ask_decay**asks
    asks[gm] = n + first
    asked[gm] = True
    _bump(st, "engaged", gm)
    st.wasted[games_of(st, idx)] += ~first
    _gain_p(st, tb, idx, gm, delta)


def _pitch(st, tb, idx, m, b):
    p = tb.params
    gm = idx * tb.M + m
    gmb = gm * tb.B + b
    care = flat(st, "care").take(gmb)
    act = tb.activity[st.round].take(m)
    informed = flat(st, "revealed").take(gm) > 0
    counts = flat(st, "pitch_count")
    count = counts.take(gmb)
    delta = effects.pitch_delta(care, tb.cap.take(b), act, count, informed, p, tb.pitch_pow)
    bad = care < p.care_threshold
    w = tb.influence.take(m) * act
    sel = games_of(st, idx)
    st.align_num[sel] += w * care
    st.align_den[sel] += w
    counts[gmb] = count + 1
    if bad.any():                      # (adding zeros changes nothing: skipped)
        _bump(st, "wasted_pitch", gmb, bad)
        st.wasted[sel] += bad
    if not informed.all():
        _bump(st, "blind", gm, ~informed)
    _bump(st, "engaged", gm)
    _gain_p(st, tb, idx, gm, delta)


def _show(delta_of, audience: str):
    """Handler for a reference or demo: same bookkeeping, its own gain formula and audience mask."""
    def handler(st, tb, idx, m, b):
        gm = idx * tb.M + m
        shown = flat(st, "shown")
        n = shown.take(gm)
        delta = delta_of(getattr(tb, audience).take(m), flat(st, "cred").take(gm),
                         tb.activity[st.round].take(m), n, tb.params, tb.show_pow)
        shown[gm] = n + 1
        _bump(st, "engaged", gm)
        _gain_p(st, tb, idx, gm, delta)
    return handler


_reference = _show(effects.reference_delta, "decider")
_demo = _show(effects.demo_delta, "user_like")


def _pilot(st, tb, idx, m, b):
    p = tb.params
    chance = effects.pilot_success_chance(tb.quality, p)
    success = (st.u[idx, -2] < chance) & ~st.pilot_doomed[idx]
    st.pilot_used[idx] = True
    st.pilot_doomed[idx] = False
    st.pilot_result[idx] = success
    delta = effects.pilot_delta(np.asarray(success)[..., None], tb.user_like, st.cred[idx], p)
    _gain_all(st, tb, idx, delta)


def _discount(st, tb, idx, m, b):
    p = tb.params
    price_care = st.care[idx][..., tb.price_mask].max(axis=-1) if tb.price_mask.any() else 0.0
    delta = effects.discount_delta(tb.buyer, price_care, np.asarray(st.discount_steps[idx])[..., None], p)
    st.discount_steps[idx] += 1
    _gain_all(st, tb, idx, delta)


def _refer(st, tb, idx, m, b):
    gm = idx * tb.M + m
    flat(st, "referred")[gm] = True
    _bump(st, "engaged", gm)


HANDLERS = {
    ASK: _ask, PITCH: _pitch, REFERENCE: _reference, DEMO: _demo, PILOT: _pilot, DISCOUNT: _discount,
    REFER: _refer, DELIVER: postsale.deliver, SUPPORT: postsale.support, TRAIN: postsale.train,
    REVIEW: postsale.review,
}


# ------------------------------------------------------------------ pre-sale handlers (one game)
# The same rules for game 0 of a one-game state with plain ints (idx = 0): scalar indexing.
# tests/test_engine_batch.py checks that game 0 of a batch plays exactly like a single game.
def _ask1(st, tb, idx, m, b):
    p = tb.params
    first = ~st.asked_now[idx, m]
    st.revealed[idx, m] = np.where(first, np.minimum(st.revealed[idx, m] + 1, 3), st.revealed[idx, m])
    delta = np.where(first, p.ask_rapport * np.power(p.ask_decay, st.asks[idx, m]), 0.0)
    st.asks[idx, m] += first
    st.asked_now[idx, m] = True
    st.engaged[idx, m] += 1
    st.wasted[idx] += ~first
    _gain_p1(st, tb, idx, m, delta)


def _pitch1(st, tb, idx, m, b):
    p = tb.params
    care = st.care[idx, m, b]
    act = tb.activity[st.round, m]
    informed = st.revealed[idx, m] > 0
    delta = effects.pitch_delta(care, tb.cap[b], act, st.pitch_count[idx, m, b], informed, p)
    bad = care < p.care_threshold
    w = tb.influence[m] * act
    st.align_num[idx] += w * care
    st.align_den[idx] += w
    st.pitch_count[idx, m, b] += 1
    st.wasted_pitch[idx, m, b] += bad
    st.wasted[idx] += bad
    st.blind[idx, m] += ~informed
    st.engaged[idx, m] += 1
    _gain_p1(st, tb, idx, m, delta)


def _show1(delta_of, audience: str):
    """One-game handler for a reference or demo (plain scalar indexing)."""
    def handler(st, tb, idx, m, b):
        delta = delta_of(getattr(tb, audience)[m], st.cred[idx, m], tb.activity[st.round, m],
                         st.shown[idx, m], tb.params)
        st.shown[idx, m] += 1
        st.engaged[idx, m] += 1
        _gain_p1(st, tb, idx, m, delta)
    return handler


_reference1 = _show1(effects.reference_delta, "decider")
_demo1 = _show1(effects.demo_delta, "user_like")


def _refer1(st, tb, idx, m, b):
    st.referred[idx, m] = True
    st.engaged[idx, m] += 1


def _gain_p1(st, tb, idx, m, delta):
    new, others = effects.gain_with(st.stance[idx, m], st.rival[idx, :, m], delta, tb.params)
    st.stance[idx, m] = new
    st.rival[idx, :, m] = others


HANDLERS_ONE = {**HANDLERS, ASK: _ask1, PITCH: _pitch1, REFERENCE: _reference1, DEMO: _demo1, REFER: _refer1}
