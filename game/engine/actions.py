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
COST = np.array([ACTION_COSTS[k] for k in ACTION_KINDS], dtype=np.int64)
TAKES_MEMBER = np.array([k in NEEDS_MEMBER for k in ACTION_KINDS])
MAY_TAKE_MEMBER = np.array([k in MEMBER_OPTIONAL for k in ACTION_KINDS])
TAKES_BENEFIT = np.array([k in NEEDS_BENEFIT for k in ACTION_KINDS])
IS_POST = np.array([k in POST_SALE_KINDS for k in ACTION_KINDS])
ZERO = np.zeros(1, np.int64)


def is_post_round(st: BatchState, tb: Tables) -> bool:
    return st.round > tb.decision


def slot_legal(st: BatchState, tb: Tables, kind: np.ndarray, member: np.ndarray,
               benefit: np.ndarray) -> np.ndarray:
    """(G,) bool: is this action legal now (with the points and counters left in the round)?"""
    k = np.clip(kind, 0, len(ACTION_KINDS) - 1)
    g = np.arange(st.G)
    m = np.clip(member, 0, tb.M - 1)
    here = (member >= 0) & (member < tb.M) & st.present[g, m]
    locked = st.locked[g, m]
    ok = st.active & (kind >= 0) & (COST[k] <= st.points) & (IS_POST[k] == is_post_round(st, tb))
    ok &= np.where(TAKES_MEMBER[k], here, True)
    ok &= np.where(MAY_TAKE_MEMBER[k] & (member >= 0), here, True)
    ok &= np.where(TAKES_BENEFIT[k], (benefit >= 0) & (benefit < tb.B), True)
    ok &= np.where(kind == REFER, locked & st.can_refer, True)
    ok &= np.where((kind <= REFERENCE) | (kind == DEMO), ~locked, True)
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
    for k in np.unique(kind[ok]).tolist():
        idx = np.flatnonzero(ok & (kind == k))
        HANDLERS[k](st, tb, idx, member[idx], benefit[idx])
    cost = COST[np.maximum(kind, 0)] * ok
    st.points -= cost
    if is_post_round(st, tb):
        st.post_spent += cost
    else:
        st.spent += cost
    return ok


def apply_one(st: BatchState, tb: Tables, kind: int, member: int, benefit: int) -> None:
    """Apply one already-checked action to game 0 of a one-game state (plain ints: fast scalar indexing).

    The handlers are the same functions the batch uses; with a scalar game
    index they index scalars instead of arrays.
    """
    HANDLERS[kind](st, tb, 0, member, benefit)
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


# ------------------------------------------------------------------ pre-sale handlers
def _ask(st, tb, idx, m, b):
    p = tb.params
    first = ~st.asked_now[idx, m]
    st.revealed[idx, m] = np.where(first, np.minimum(st.revealed[idx, m] + 1, 3), st.revealed[idx, m])
    delta = np.where(first, p.ask_rapport * np.power(p.ask_decay, st.asks[idx, m]), 0.0)
    st.asks[idx, m] += first
    st.asked_now[idx, m] = True
    st.engaged[idx, m] += 1
    st.wasted[idx] += ~first
    _gain_p(st, tb, idx, m, delta)


def _pitch(st, tb, idx, m, b):
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
    _gain_p(st, tb, idx, m, delta)


def _reference(st, tb, idx, m, b):
    delta = effects.reference_delta(tb.decider[m], st.cred[idx, m], tb.activity[st.round, m],
                                    st.shown[idx, m], tb.params)
    st.shown[idx, m] += 1
    st.engaged[idx, m] += 1
    _gain_p(st, tb, idx, m, delta)


def _demo(st, tb, idx, m, b):
    delta = effects.demo_delta(tb.user_like[m], st.cred[idx, m], tb.activity[st.round, m],
                               st.shown[idx, m], tb.params)
    st.shown[idx, m] += 1
    st.engaged[idx, m] += 1
    _gain_p(st, tb, idx, m, delta)


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
    st.referred[idx, m] = True
    st.engaged[idx, m] += 1


def _gain_p(st, tb, idx, m, delta):
    new, others = effects.gain_with(st.stance[idx, m], st.rival[idx, :, m], delta, tb.params)
    st.stance[idx, m] = new
    st.rival[idx, :, m] = others


HANDLERS = {
    ASK: _ask, PITCH: _pitch, REFERENCE: _reference, DEMO: _demo, PILOT: _pilot, DISCOUNT: _discount,
    REFER: _refer, DELIVER: postsale.deliver, SUPPORT: postsale.support, TRAIN: postsale.train,
    REVIEW: postsale.review,
}
