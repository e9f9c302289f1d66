"""``memorizer``: plays the priorities written in the scenario file, and never asks.

It has read the file: each member's authored priorities (``Tables.prio0``)
— which is what its name says it knows, and the one thing it reads that a
player does not see on the board.  It never asks, so it never learns what
the customer in front of it actually cares about (when the deal differs
from the file, or a budget cut moves priorities, it keeps pitching the
file) and leaves every unspoken concern unheard.  Each slot it plays the
action adding the most stance, weighted by the member's decision weight:
a pitch of the file's best benefit for that member (blind, as the engine
counts a pitch to someone never asked), a reference to a decider or a demo
to a user or influencer (credibility from the file's priorities).  No
referrals, pilot or discounts.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects
from game.engine.state import care_of, credibility
from game.engine.strategies.base import NOOP, PITCH, Strategy, proof_instead, reachable


class MemorizerStrategy(Strategy):
    name = "memorizer"
    splits_games = True            # never draws from its rng; every choice reads its own game only
    reads_file = True
    description = "plays the scenario file's written priorities without asking"

    def choose(self, st, tb, rng, ctx):
        G = st.G
        g = np.arange(G)
        p = tb.params
        care = care_of(tb.prio0)                                                   # (M,B) the file's
        cred = credibility(care, tb.cap)                                           # (M,)
        act = tb.activity[st.round]
        reach = reachable(st)
        ok = st.active & (st.points > 0)
        w = tb.weight * (1.0 - st.stance)                                          # (G,M)
        gain = effects.pitch_delta(care, tb.cap, act[:, None], st.pitch_count, False, p,
                                   tb.pitch_pow)                                   # (G,M,B)
        gain = np.where(care >= p.care_threshold, gain, -np.inf)
        pv = np.where(reach[..., None], gain * w[..., None], -np.inf)
        flat = pv.reshape(G, -1).argmax(axis=1)
        pm, pb = flat // tb.B, flat % tb.B
        best = pv.reshape(G, -1)[g, flat]
        kind = np.where(np.isfinite(best) & (best > 0), PITCH, NOOP)
        member = pm
        kind, member = proof_instead(st, tb, cred, w, kind, member, best)
        kind = np.where(ok, kind, NOOP)
        member = np.where(kind == NOOP, -1, member)
        benefit = np.where(kind == PITCH, pb, -1)
        return kind, member, benefit
