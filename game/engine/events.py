"""Scenario events, fired at the start of their stage with their probability.

Each event draws one uniform number per game from that round's stream
(column e of ``st.u``); it fires when the draw is below its probability and
the game is still running.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects, rivals
from game.engine.state import care_of, credibility, priority_rank
from game.engine.tables import EVENT_CODES, Tables

LEAVES, BUDGET_CUT, RIVAL_DISCOUNT, TURNS_BLOCKER, PILOT_FAILURE = (
    EVENT_CODES[k] for k in ("member_leaves", "budget_cut", "rival_discount", "member_turns_blocker",
                             "pilot_failure"))


def refresh_care(st, tb: Tables, idx: np.ndarray) -> None:
    st.care[idx] = care_of(st.prio[idx])
    st.rank[idx] = priority_rank(st.prio[idx])
    st.cred[idx] = credibility(st.care[idx], tb.cap)
    for k in range(tb.K):
        st.rcred[idx, k] = credibility(st.care[idx], tb.rcap[k])
    if tb.K:
        rivals.refresh_menu(st, tb, idx)


def fire_events(st, tb: Tables) -> np.ndarray:
    """Fire the events of the current stage; returns the (G,E) mask of events fired now."""
    now = np.zeros(st.fired.shape, bool)
    for e in tb.stage_events[st.round] if st.round < tb.n_rounds else ():
        hit = st.active & (st.u[:, e] < tb.ev_prob[e])
        code, m = int(tb.ev_type[e]), int(tb.ev_member[e])
        if code in (LEAVES, TURNS_BLOCKER):
            hit &= st.present[:, m] if m >= 0 else False
        idx = np.flatnonzero(hit)
        if len(idx) == 0:
            continue
        now[idx, e] = True
        if code == LEAVES:
            _leave(st, tb, idx, m, int(tb.ev_succ[e]))
        elif code == BUDGET_CUT:
            price = tb.price_mask
            top = st.prio[idx].max(axis=-1, keepdims=True)
            st.prio[idx] = st.prio[idx] + np.where(price, tb.ev_sev[e] * top, 0.0)
            refresh_care(st, tb, idx)
        elif code == RIVAL_DISCOUNT and tb.ev_rival[e] >= 0:
            _rival_discount(st, tb, idx, int(tb.ev_rival[e]))
        elif code == TURNS_BLOCKER:
            st.blocker[idx, m] = True
            st.stance[idx, m] = effects.nudge(st.stance[idx, m], np.full(len(idx), -tb.params.blocker_drop))
        elif code == PILOT_FAILURE:
            st.pilot_doomed[idx] = True
    st.fired |= now
    return now


def _leave(st, tb: Tables, idx: np.ndarray, m: int, succ: int) -> None:
    st.present[idx, m] = False
    st.blocker[idx, m] = False
    gate = st.gate[idx]
    gate[gate == m] = succ          # the successor inherits the gate, or it is gone (-1)
    st.gate[idx] = gate
    if succ >= 0:
        st.present[idx, succ] = True
        st.stance[idx, succ] = tb.stance0[succ]
        st.rival[idx, :, succ] = tb.rival0[:, succ]


def _rival_discount(st, tb: Tables, idx: np.ndarray, k: int) -> None:
    p = tb.params
    price_care = (st.care[idx][:, :, tb.price_mask].max(axis=-1) if tb.price_mask.any()
                  else np.zeros((len(idx), tb.M)))
    delta = p.rival_discount * np.maximum(tb.buyer, price_care) * st.present[idx]
    st.rival[idx, k] = effects.nudge(st.rival[idx, k], delta)
    loss = -p.cross_effect * delta
    st.stance[idx] = effects.nudge(st.stance[idx], loss)
    others = [j for j in range(tb.K) if j != k]
    if others:
        st.rival[np.ix_(idx, others)] = effects.nudge(st.rival[np.ix_(idx, others)], loss[:, None, :])
