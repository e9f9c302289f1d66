"""``price_only``: sells on price alone — every discount it may give, then price pitches to everyone.

It never asks and never shows a reference, demo or pilot: the caricature of
a seller who believes the cheapest offer always wins.  Each slot it gives a
discount while any are left, else it pitches the price benefit
(affordable price or cost saving, whichever it has pitched least to that
member, the stronger capability first) to the reachable member it has
pitched least, most influential first.
"""
from __future__ import annotations

import numpy as np

from game.engine import legality
from game.engine.strategies.base import DISCOUNT, NOOP, PITCH, Strategy, reachable


class PriceOnlyStrategy(Strategy):
    name = "price_only"
    splits_games = True            # never draws from its rng; every choice reads its own game only
    description = "discounts and price pitches to everyone"

    def choose(self, st, tb, rng, ctx):
        G = st.G
        price = np.flatnonzero(tb.price_mask)
        if len(price) == 0:                          # custom benefits without a price: discount only
            price = np.array([int(np.argmax(tb.cap))])
        price = price[np.argsort(-tb.cap[price], kind="stable")]
        ok = st.active & (st.points > 0)
        discount = legality.kind_legal(st, tb, DISCOUNT)
        pitched = st.pitch_count[:, :, price]                                # (G,M,P)
        per_member = pitched.sum(axis=2)
        reach = reachable(st)
        # least-pitched reachable member, most influential first
        score = np.where(reach, (1 + tb.influence) - 2.0 * per_member, -np.inf)
        m = score.argmax(axis=1)
        has = np.isfinite(score[np.arange(G), m])
        b = price[pitched[np.arange(G), m].argmin(axis=1)]
        kind = np.where(discount, DISCOUNT, np.where(ok & has, PITCH, NOOP))
        member = np.where(kind == PITCH, m, -1)
        benefit = np.where(kind == PITCH, b, -1)
        return kind, member, benefit
