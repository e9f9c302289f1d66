"""``greedy``: never asks what anyone needs; pitches its strong benefits and keeps the ones that land.

The ladder's never-asker (issue 12).  It knows its own product and the org
chart, and it watches the board, but it never asks, so it learns what a member
cares about only by pitching: a pitch that fell flat (the round's news) is
never repeated to that member, a pitch that landed is worth repeating, and a
benefit not tried yet on a member is a guess (``GUESS``: about a third of a
vendor's benefits matter to any one member).  Each slot it takes the action
expected to add the most stance, weighted by the member's decision weight and
the room left (1 - stance):

* a pitch of benefit b to member m: the engine's pitch gain for a member who
  cares fully and was never asked (``effects.pitch_delta``, so the blind
  factor applies), times 1 (landed before), ``GUESS`` (not tried) or 0 (fell
  flat);
* a reference to a decider or a demo to a user or influencer (two points),
  with the credibility of the vendor's mean capability (it does not know what
  the member values);
* the way past a door: a gatekeeper counts with the decision weight of the
  member they keep locked (so it pitches the gatekeeper), and whenever a
  member is locked and somebody can introduce it, it asks for the referral
  (an introduction, not a question about needs).

What a never-asker gets wrong, and the engine charges for: every pitch is
blind, the guesses waste points (and goodwill), nobody's unspoken concern is
ever heard (``unheard_stall``), hidden concerns and doubts stay unknown, and it
ignores the stage's changing emphasis except through what lands.  No pilot,
no discounts.

It reads only what a player sees: its own pitch counters and the wasted-pitch
news, stances on the board, roles, influence and the stage's focus, presence,
locks and who holds each door, and the legality of a referral or a proof.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects, legality
from game.engine.strategies.base import NOOP, PITCH, REFER, Strategy, proof_instead, reachable

#: the never-asker's guess that a benefit it has not tried matters to a member
GUESS = 0.3


def door_weight(st, tb) -> np.ndarray:
    """(G,M) decision weight, with each locked member's weight added to whoever holds their door."""
    w = np.repeat(tb.weight[None, :].astype(float), st.G, axis=0)
    for c in tb.gated_rows:
        gk = st.gate[:, c]
        rows = np.flatnonzero(st.locked[:, c] & (gk >= 0))
        np.add.at(w, (rows, gk[rows]), tb.weight[c])
    return w


def pitch_hopes(st) -> np.ndarray:
    """(G,M,B) what a never-asker expects of a pitch: 1 landed before, GUESS untried, 0 fell flat."""
    landed = (st.pitch_count - st.wasted_pitch) > 0
    return np.where(st.wasted_pitch > 0, 0.0, np.where(landed, 1.0, GUESS))


class GreedyStrategy(Strategy):
    name = "greedy"
    description = "never asks: pitches its strong benefits, keeps the ones that land, shows proofs, gets past doors"
    splits_games = True            # never draws from its rng; every choice reads its own game only

    def choose(self, st, tb, rng, ctx):
        G = st.G
        g = np.arange(G)
        p = tb.params
        act = tb.activity[st.round]                                                 # (M,)
        w = door_weight(st, tb) * (1.0 - st.stance)                                 # (G,M)
        full = np.ones(tb.B)
        gain = effects.pitch_delta(full, tb.cap, act[:, None], st.pitch_count, False, p, tb.pitch_pow)
        pv = np.where(reachable(st)[..., None], gain * pitch_hopes(st) * w[..., None], -np.inf)
        flat = pv.reshape(G, -1).argmax(axis=1)
        best = pv.reshape(G, -1)[g, flat]
        kind = np.where(np.isfinite(best) & (best > 0), PITCH, NOOP)
        member = flat // tb.B
        kind, member = proof_instead(st, tb, np.full(tb.M, float(tb.cap.mean())), w, kind, member, best)
        if tb.gated_rows or st.blocker.any():                                        # an introduction first
            rv = np.where(legality.member_legal(st, tb, REFER), tb.weight, -np.inf)
            rm = rv.argmax(axis=1)
            intro = np.isfinite(rv[g, rm])
            kind = np.where(intro, REFER, kind)
            member = np.where(intro, rm, member)
        kind = np.where(st.active & (st.points > 0), kind, NOOP)
        return kind, np.where(kind == NOOP, -1, member), np.where(kind == PITCH, flat % tb.B, -1)
