"""Scenario events, fired at the start of their stage with their probability.

Each event draws one uniform number per game from that round's stream
(column e of ``st.u``); it fires when the draw is below its probability and
the game is still running.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects, rivals
from game.engine.state import care_of, credibility, load_regime, priority_rank, top_benefit
from game.engine.tables import EVENT_CODES, Tables

LEAVES, BUDGET_CUT, RIVAL_DISCOUNT, TURNS_BLOCKER, PILOT_FAILURE = (
    EVENT_CODES[k] for k in ("member_leaves", "budget_cut", "rival_discount", "member_turns_blocker",
                             "pilot_failure"))


def refresh_care(st, tb: Tables, idx: np.ndarray) -> None:
    """Recompute care, ranks, credibilities and the rivals' menus of games ``idx`` from ``st.prio``
    (and the current stage's emphasis)."""
    prio = st.prio[idx]
    set_priorities(st, tb, idx, prio[:1] if _same_rows(prio) else prio)


def refresh_all(st, tb: Tables) -> None:
    """A shift of the stage's emphasis: every game gathers its variants' rows of the new regime; games
    whose priorities an event moved are recomputed from ``st.prio``."""
    load_regime(st, tb, int(tb.regime[min(st.round, tb.n_rounds - 1)]))
    if st.moved.any():
        refresh_care(st, tb, np.flatnonzero(st.moved))


def _same_rows(a: np.ndarray) -> bool:
    return len(a) > 1 and bool((a == a[0]).all())


def set_priorities(st, tb: Tables, idx: np.ndarray, prio: np.ndarray) -> None:
    """Give games ``idx`` the priorities ``prio``: (n,M,B) one row per game, or (1,M,B) shared by all.

    A shared row (the usual case: every game hit by a budget cut had the same
    priorities) is computed once and broadcast (the rivals' menus are computed per game: what each
    rival has learned differs).  That changes no result: care and
    ranks are row-wise computations, and credibility's
    matrix product runs one BLAS gemv per game row anyway (numpy's matmul on
    an (n,M,B) stack), so every row gives exactly the single row's result.
    """
    st.prio[idx] = prio
    st.moved[idx] = True                   # off the tables' variants from now on
    prio = prio * tb.emphasis[min(st.round, tb.n_rounds - 1)]      # what matters in the current stage
    care = care_of(prio)
    rank = priority_rank(prio)
    st.rank[idx] = rank
    st.top[idx] = top_benefit(rank)
    st.care[idx] = care
    st.cred[idx] = credibility(care, tb.cap)
    for k in range(tb.K):
        st.rcred[idx, k] = credibility(care, tb.rcap[k])
    if tb.K:
        rivals.refresh_menu(st, tb, idx)      # per game: what each rival has learned differs


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
        elif code == BUDGET_CUT and tb.cut_bit[e] >= 0:
            # every game meets a variant of the tables; the cut moves it to the variant "after this cut"
            fresh = idx[~st.moved[idx]]
            st.variant[fresh] += (1 << int(tb.cut_bit[e])) * tb.n_variants * tb.M
            st.prio[fresh] = tb.variants.reshape(-1, tb.B).take(st.variant[fresh], axis=0)
            load_regime(st, tb, int(tb.regime[min(st.round, tb.n_rounds - 1)]), fresh)
            if len(fresh) < len(idx):
                _cut(st, tb, idx[st.moved[idx]], e)
        elif code == BUDGET_CUT:
            _cut(st, tb, idx, e)
        elif code == RIVAL_DISCOUNT and tb.ev_rival[e] >= 0:
            _rival_discount(st, tb, idx, int(tb.ev_rival[e]))
        elif code == TURNS_BLOCKER:
            st.blocker[idx, m] = True
            st.stance[idx, m] = effects.nudge(st.stance[idx, m], np.full(len(idx), -tb.params.blocker_drop))
        elif code == PILOT_FAILURE:
            st.pilot_doomed[idx] = True
    st.fired |= now
    return now


def _cut(st, tb: Tables, idx: np.ndarray, e: int) -> None:
    """Budget cut ``e`` computed for games ``idx`` (beyond the tables' cuts, or priorities already moved)."""
    prio = st.prio[idx]
    rows = prio[:1] if _same_rows(prio) else prio
    top = rows.max(axis=-1, keepdims=True)
    set_priorities(st, tb, idx, rows + np.where(tb.price_mask, tb.ev_sev[e] * top, 0.0))


def _leave(st, tb: Tables, idx: np.ndarray, m: int, succ: int) -> None:
    st.present[idx, m] = False
    st.blocker[idx, m] = False
    gate = st.gate[idx]
    gate[gate == m] = succ          # the successor inherits the gate, or it is gone (-1)
    st.gate[idx] = gate
    if succ >= 0:
        st.present[idx, succ] = True
        st.stance[idx, succ] = st.start_stance[idx, succ]
        st.rival[idx, :, succ] = tb.rival0[:, succ]


def price_care_of(care: np.ndarray, tb: Tables, idx) -> np.ndarray:
    """(n,M) largest care for a price benefit (0 without price benefits) of games ``idx`` of (G,M,B) ``care``."""
    cols = np.flatnonzero(tb.price_mask).tolist()
    if not cols:
        return np.zeros(care[idx, :, 0].shape)
    if not isinstance(idx, np.ndarray):
        out = care[idx, :, cols[0]]
        for c in cols[1:]:
            np.maximum(out, care[idx, :, c], out=out)
        return out
    # flat cells (game, member, benefit) of (G,M,B): one take per column, faster than care[idx, :, c]
    M, B = care.shape[1], care.shape[2]
    cells = (idx * (M * B))[:, None] + np.arange(M) * B
    flat = np.ascontiguousarray(care).reshape(-1)
    out = flat.take(cells + cols[0])
    for c in cols[1:]:                       # max over a couple of columns: faster than .max(axis=-1)
        np.maximum(out, flat.take(cells + c), out=out)
    return out


def _rival_discount(st, tb: Tables, idx: np.ndarray, k: int) -> None:
    p = tb.params
    M, K = tb.M, tb.K
    price_care = price_care_of(st.care, tb, idx)
    delta = p.rival_discount * np.maximum(tb.buyer, price_care) * st.present[idx]
    # flat cells instead of st.rival[idx, j] (fancy indexing on (G,K,M) is several times slower)
    st.rival = rival = np.ascontiguousarray(st.rival)
    st.stance = stance = np.ascontiguousarray(st.stance)
    flat_rival = rival.reshape(-1)
    row = (idx * (K * M))[:, None] + np.arange(M)             # (g, 0, m) cells of (G,K,M)
    cells = row + k * M
    flat_rival[cells] = effects.nudge(flat_rival.take(cells), delta)
    loss = -p.cross_effect * delta
    gm = (idx * M)[:, None] + np.arange(M)
    flat_stance = stance.reshape(-1)
    flat_stance[gm] = effects.nudge(flat_stance.take(gm), loss)
    for j in range(K):
        if j != k:
            cells = row + j * M
            flat_rival[cells] = effects.nudge(flat_rival.take(cells), loss)
