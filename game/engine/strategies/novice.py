"""``novice``: a beginner who has heard that one should ask — asks some members, then pitches what it heard.

It asks every member it can reach without working a door (the most
influential first: the "some members" a beginner meets) whenever it knows
nothing of what they care about now — never a follow-up question, then each slot
pitches the benefit it heard a member cares about most (the strongest
capability breaking ties, fewer earlier pitches of it first), spreading its
pitches over the members (the least-engaged, most influential first).  A
member it never asked gets its strongest benefit blind.  It ignores what a
beginner overlooks: gatekeepers (no referral, no extra work on the person
holding the door), the stage's focus (who is active now), references,
demos, the pilot and discounts.  It reads only what a player sees: the
revealed priorities (``knowledge.known_care``), influence, locks and its own
counters.
"""
from __future__ import annotations

import numpy as np

from game.engine import knowledge
from game.engine.strategies.base import ASK, NOOP, PITCH, Strategy, reachable

BLIND_SHARE = 0.5         # a blind pitch (member never asked) is worth this share of a heard one to it


class NoviceStrategy(Strategy):
    name = "novice"
    description = "asks the influential members once, pitches what it heard; ignores gatekeepers and stages"

    def choose(self, st, tb, rng, ctx):
        G = st.G
        g = np.arange(G)
        p = tb.params
        reach = reachable(st)
        ok = st.active & (st.points > 0)
        # ask: the most influential member not asked yet
        kc = knowledge.known_care(st)                                              # (G,M,B)
        heard = kc.max(axis=2, initial=0.0) > 0               # it knows something of the member now
        ask_v = np.where(reach & ~heard & ~st.asked_now,
                         tb.influence, -np.inf)
        am = ask_v.argmax(axis=1)
        asking = np.isfinite(ask_v[g, am])
        # pitch: heard top priorities (or the strongest benefit blind), least-engaged members first
        decay = tb.pitch_pow.take(st.pitch_count)                                  # (G,M,B)
        liked = np.where(kc >= p.care_threshold, kc, 0.0)
        blind = np.broadcast_to(BLIND_SHARE * tb.cap / max(float(tb.cap.max(initial=0.0)), 1e-9), liked.shape)
        value = np.where(heard[..., None], liked * (1.0 + 0.01 * tb.cap), blind) * decay
        value = value * (tb.influence / (1.0 + st.engaged))[..., None]
        value = np.where(reach[..., None], value, 0.0)
        flat = value.reshape(G, -1).argmax(axis=1)
        pm, pb = flat // tb.B, flat % tb.B
        pitching = value.reshape(G, -1)[g, flat] > 0
        kind = np.where(ok & asking, ASK, np.where(ok & pitching, PITCH, NOOP))
        member = np.where(kind == ASK, am, np.where(kind == PITCH, pm, -1))
        benefit = np.where(kind == PITCH, pb, -1)
        return kind, member, benefit
