"""Why the decision went the way it did: the decision round as sentences a learner can act on.

``decision_story(st, tb)`` reads game 0's recorded decision (who backed whom, the backing shares, a veto)
and returns messages: first the rule that decided (the share needed, the stall weight, a veto), then
every member present at the decision with whom they backed and their decision weight, heaviest first.
A member who backed doing nothing without ever being asked is told apart: an unspoken concern
(docs/model.md § 7).  Empty when no decision was taken.
"""
from __future__ import annotations

import numpy as np

from game.engine.messages import msg
from game.engine.state import ABSENT, LOST, NO_DECISION, WON
from game.engine.tables import Tables
from game.engine.types import Message


def decision_story(st, tb: Tables) -> tuple[Message, ...]:
    p = tb.params
    oc = int(st.outcome[0])
    if oc not in (WON, LOST, NO_DECISION):
        return ()
    backing = st.backing[0]
    at = backing != ABSENT
    w = tb.weight * at
    total = max(float(w.sum()), 1e-9)
    share = st.share[0]                                   # (1+K,) the player, then each rival
    lead = int(np.argmax(share))
    lead_share = round(float(share[lead]), 3)
    nothing = float((w * (backing == -1)).sum())
    out: list[Message] = []
    if oc == WON:
        out.append(msg("why.won", share=lead_share, needed=p.consensus))
    elif oc == LOST:
        out.append(msg("why.rival_won", rival=tb.rival_ids[int(st.winner[0]) - 1], share=lead_share,
                       needed=p.consensus))
    elif st.vetoed_by[0] >= 0:
        m = int(st.vetoed_by[0])
        after = min(tb.decision + 1, st.stance_history.shape[1] - 1)
        feeling = st.stance_history[0, after, m] if lead == 0 else st.rival_history[0, after, m]
        out.append(msg("why.veto", member=tb.member_ids[m], stance=round(float(feeling), 3), limit=p.veto_stance))
    elif lead_share < p.consensus:
        out.append(msg("why.short", share=lead_share, needed=p.consensus))
    else:
        out.append(msg("why.stalled", weight=round(nothing, 3), limit=p.stall_weight))
    rows = sorted(np.flatnonzero(at).tolist(), key=lambda m: -tb.weight[m])
    for m in rows:
        who, weight = int(backing[m]), round(float(tb.weight[m]) / total, 3)
        mid = tb.member_ids[m]
        if who == 0:
            out.append(msg("why.backed_you", member=mid, share=weight))
        elif who > 0:
            out.append(msg("why.backed_rival", member=mid, rival=tb.rival_ids[who - 1], share=weight))
        elif st.asks[0, m] == 0:
            out.append(msg("why.unheard", member=mid, share=weight))
        elif tb.weight[m] >= p.stall_weight:
            out.append(msg("why.stall_alone", member=mid, share=weight))
        else:
            out.append(msg("why.backed_nothing", member=mid, share=weight))
    return tuple(out)
