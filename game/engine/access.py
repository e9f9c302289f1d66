"""Who can be reached: gatekeepers, blockers and referrals (judged at the start of a round).

A member with a gatekeeper is locked while the gatekeeper's stance is below
``unlock_threshold``, unless someone referred you.  A member who turned
blocker filters what reaches the deciders: while any other present member is
a blocker, every decider is locked too (referrals still open the way).
Rivals obey the same gates with their own stance toward the gatekeeper (they
cannot be referred).
"""
from __future__ import annotations

import numpy as np

from game.engine.tables import Tables


def refresh_access(st, tb: Tables) -> None:
    """Locks of the games still played; a game that is over keeps its last ones (as a single game does)."""
    over = None if st.active.all() else ~st.active
    if over is not None and over.any():
        kept = st.locked[over], st.rival_locked[over], st.can_refer[over]
    _refresh(st, tb)
    if over is not None and over.any():
        st.locked[over], st.rival_locked[over], st.can_refer[over] = kept


def _refresh(st, tb: Tables) -> None:
    p = tb.params
    G, M, K = st.G, tb.M, tb.K
    # gates: only rows gated at the start can ever have a gatekeeper (see Tables.gated_rows)
    gates = [(c,) + _gate_closed(st, tb, c) for c in tb.gated_rows]
    if st.blocker.any():
        blockers = st.blocker & st.present
        others_block = (blockers.sum(axis=1, keepdims=True) - blockers) > 0
        closed = tb.decider & others_block                      # (G,M) locked by a blocker
        r_closed = np.repeat(closed[:, None, :], K, axis=1)      # the same for the rivals
        for c, closed_c, r_closed_c in gates:
            closed[:, c] |= closed_c
            r_closed[:, :, c] |= r_closed_c
        st.locked = st.present & ~st.referred & closed
        rival_locked = st.present[:, None, :] & r_closed
    else:                      # the usual case, no blocker: only the gated columns can be locked
        st.locked = np.zeros((G, M), bool)
        rival_locked = np.zeros((G, K, M), bool)
        for c, closed_c, r_closed_c in gates:
            st.locked[:, c] = st.present[:, c] & ~st.referred[:, c] & closed_c
            rival_locked[:, :, c] = st.present[:, c, None] & r_closed_c
    can = st.present & ~st.locked & (st.stance >= p.refer_threshold)
    st.can_refer = np.ascontiguousarray(can.T).any(axis=0)    # = can.any(axis=1), faster on short rows
    if K:
        st.rival_locked = rival_locked


def _gate_closed(st, tb: Tables, c: int) -> tuple[np.ndarray, np.ndarray]:
    """Is row c's gate closed to the player (G,) and to each rival (G,K)?  (stance of its gatekeeper < threshold)"""
    thr = tb.params.unlock_threshold
    gk = st.gate[:, c]
    g0 = int(tb.gate0[c])
    if g0 >= 0 and bool((gk == g0).all()):        # the usual case: the gatekeeper never left
        return st.stance[:, g0] < thr, st.rival[:, :, g0] < thr
    G, M, K = st.G, tb.M, tb.K
    has = gk >= 0
    games = np.arange(G)
    cell = games * M + np.maximum(gk, 0)                          # (game, gatekeeper) of (G,M)
    closed = has & (st.stance.reshape(-1).take(cell) < thr)
    cells = (cell + games * ((K - 1) * M))[:, None] + M * np.arange(K)     # (game, k, gatekeeper) of (G,K,M)
    r_closed = has[:, None] & (np.ascontiguousarray(st.rival).reshape(-1).take(cells) < thr)
    return closed, r_closed


def win_back_blockers(st, tb: Tables) -> np.ndarray:
    """Blockers whose stance reached the unlock threshold stop blocking; returns that (G,M) mask."""
    if not st.blocker.any():           # the usual case: no blocker at all
        return np.zeros(st.blocker.shape, bool)
    back = st.blocker & (st.stance >= tb.params.unlock_threshold) & st.active[:, None]   # games still played
    st.blocker &= ~back
    return back
