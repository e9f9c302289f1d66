"""``random``: legal actions at random, the floor every scenario should sit well above.

Each slot draws an action kind uniformly, then a member and a benefit
uniformly, and keeps the draw only if it is legal now; up to ``TRIES``
draws per slot, else it passes for the rest of the round.  Post-sale rounds
draw among the service actions the same way.
"""
from __future__ import annotations

import numpy as np

from game.engine import actions as A
from game.engine.strategies.base import DELIVER, NOOP, Strategy

TRIES = 24         # enough that a big buying center (11 members, 10 benefits) rarely runs dry
PRE_KINDS = 7          # ask .. refer
POST_KINDS = 4         # deliver .. review


class RandomStrategy(Strategy):
    name = "random"
    description = "legal actions at random"

    def _draw(self, st, tb, rng, first: int, n_kinds: int):
        G = st.G
        kind = np.full(G, NOOP)
        member = np.full(G, -1)
        benefit = np.full(G, -1)
        todo = st.active & (st.points > 0)
        for _ in range(TRIES):
            u = rng.random((G, 3))
            k = first + (u[:, 0] * n_kinds).astype(np.int64)
            m = (u[:, 1] * tb.M).astype(np.int64)
            b = (u[:, 2] * tb.B).astype(np.int64)
            m = np.where(A.TAKES_MEMBER[k] | A.MAY_TAKE_MEMBER[k], m, -1)
            b = np.where(A.TAKES_BENEFIT[k], b, -1)
            ok = todo & A.slot_legal(st, tb, k, m, b)
            kind = np.where(ok, k, kind)
            member = np.where(ok, m, member)
            benefit = np.where(ok, b, benefit)
            todo &= ~ok
            if not todo.any():
                break
        return kind, member, benefit

    def choose(self, st, tb, rng, ctx):
        return self._draw(st, tb, rng, 0, PRE_KINDS)

    def choose_post(self, st, tb, rng, ctx):
        return self._draw(st, tb, rng, DELIVER, POST_KINDS)
