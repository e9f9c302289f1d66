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
    p = tb.params
    has_gate = st.gate >= 0
    gk = np.where(has_gate, st.gate, 0)
    gi = np.arange(st.G)[:, None]
    gk_stance = st.stance[gi, gk]
    blockers = st.blocker & st.present
    others_block = (blockers.sum(axis=1, keepdims=True) - blockers) > 0
    by_blocker = tb.decider & others_block
    closed = has_gate & (gk_stance < p.unlock_threshold)
    st.locked = st.present & ~st.referred & (closed | by_blocker)
    st.can_refer = (st.present & ~st.locked & (st.stance >= p.refer_threshold)).any(axis=1)
    if tb.K:
        gk_rival = st.rival[gi[:, :, None], np.arange(tb.K)[None, :, None], gk[:, None, :]]
        r_closed = has_gate[:, None, :] & (gk_rival < p.unlock_threshold)
        st.rival_locked = st.present[:, None, :] & (r_closed | by_blocker[:, None, :])


def win_back_blockers(st, tb: Tables) -> np.ndarray:
    """Blockers whose stance reached the unlock threshold stop blocking; returns that (G,M) mask."""
    back = st.blocker & (st.stance >= tb.params.unlock_threshold)
    st.blocker &= ~back
    return back
