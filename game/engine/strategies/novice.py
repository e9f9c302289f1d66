"""``novice``: a beginner who has heard that one should ask — asks whoever is in the meeting, then pitches what it heard.

Each slot it talks to one member: the one who matters most on paper (the
public decision weight, influence x role) among those it has spoken with
least (decision weight / (1 + its actions with them so far)), so it starts
with the bosses and then goes round the table.  If it knows nothing of what
that member cares about now it asks; otherwise it pitches the heard benefit
worth most now (care, a little capability, fewer earlier pitches of it
first).  What a beginner gets wrong:

* it asks only members who take part in the current stage (their role is in
  the stage's focus: the people in the meeting), and it neither asks nor
  pitches a member it has not heard — who was not in the room when it was
  listening is left out until they come to a meeting (when nobody it could
  talk to is in the meeting, it calls whoever it can reach);
* it never probes deeper on purpose: it asks again only when what it heard
  went stale (the stage moved the needs), so hidden concerns stay hidden
  unless a re-ask happens to surface one;
* it ignores gatekeepers and blockers (no referral; the person holding the
  door is an ordinary member, weighed by their small decision weight), the
  stage's focus when it pitches (a pitch to an idle member counts as much as
  to an active one), references, demos, the pilot and discounts.

It reads only what a player sees: the revealed priorities
(``knowledge.known_care``), roles, influence and the stage's focus
(``Tables.weight``, ``Tables.activity``), presence, locks and its own
counters.
"""
from __future__ import annotations

import numpy as np

from game.engine import knowledge
from game.engine.strategies.base import ASK, NOOP, PITCH, Strategy, reachable


class NoviceStrategy(Strategy):
    name = "novice"
    description = "asks whoever is in the meeting, pitches what it heard; ignores gatekeepers and stages"

    def choose(self, st, tb, rng, ctx):
        G = st.G
        g = np.arange(G)
        p = tb.params
        ok = st.active & (st.points > 0)
        kc = knowledge.known_care(st)                                              # (G,M,B)
        heard = kc.max(axis=2, initial=0.0) > 0                                    # knows something of them now
        in_meeting = tb.activity[st.round] >= p.act_focus                          # (M,) role in the stage focus
        reach = reachable(st)
        askable = ~heard & ~st.asked_now & in_meeting
        # nobody in the meeting to ask and nobody heard to pitch: it calls whoever it can reach
        alone = ~(reach & (heard | askable)).any(axis=1)
        askable |= alone[:, None] & ~heard & ~st.asked_now
        # whom to talk to: the heaviest decision weight among those it has spoken with least
        talk = np.where(reach & (heard | askable), tb.weight / (1.0 + st.engaged), 0.0)
        m = talk.argmax(axis=1)
        acting = ok & (talk[g, m] > 0)
        # what to pitch them: the heard benefit worth most now (wasted benefits never: care >= care_threshold)
        decay = tb.pitch_pow.take(st.pitch_count)                                  # (G,M,B)
        liked = np.where(kc >= p.care_threshold, kc, 0.0) * (1.0 + 0.01 * tb.cap) * decay
        benefit = liked[g, m].argmax(axis=1)
        kind = np.where(acting, np.where(askable[g, m], ASK, PITCH), NOOP)
        return kind, np.where(acting, m, -1), np.where(kind == PITCH, benefit, -1)
