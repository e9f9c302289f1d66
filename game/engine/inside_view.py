"""The inside view: a member who backs you tells you, when you listen, what their colleagues care about.

DOMAIN.md § 2 and § 7: someone who backs you opens doors and carries your case inside, and the seller
finds out what each member values by asking and listening.  In a buying center too big to interview
everyone twice, the deep conversation with the right person is how a seller learns the rest.

Rule (``inside_view`` > 0): a follow-up question (an ask that reaches reveal level 2 or deeper) to a
member whose stance toward the player is at least ``champion_stance`` also tells the player the current
top priority (reveal level 1) of every present colleague that member influences (``Tables.links``, the
champion's links) whom the player has not heard yet (reveal level 0).  Such a colleague counts as heard:
the pitch to them is informed and their unspoken concern (``unheard_stall``) is voiced through the
champion.  Their deeper priorities and hidden concern still need the player's own follow-up.
A single question never relays anything: listening, not asking once, opens the inside view.
"""
from __future__ import annotations

import numpy as np


def relay(st, tb, gm: np.ndarray, level: np.ndarray) -> None:
    """After asks at the flat member cells ``gm`` reached reveal ``level``: relay the colleagues' top priority."""
    p = tb.params
    if p.inside_view <= 0 or not tb.links.any():
        return
    deep = level >= 2
    if not deep.any():
        return
    gm = gm[deep]
    g, m = np.divmod(gm, tb.M)
    backs = st.stance.reshape(-1).take(gm) >= p.champion_stance
    if not backs.any():
        return
    g, m = g[backs], m[backs]
    told = tb.links[m] & st.present[g] & (st.revealed[g] == 0)          # (n,M) colleagues relayed
    if not told.any():
        return
    rows, cols = np.nonzero(told)
    st.revealed[g[rows], cols] = 1
    st.known_level[g[rows], cols] = np.maximum(st.known_level[g[rows], cols], 1)
