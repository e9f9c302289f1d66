"""News messages of game 0, read from the arrays and a round report (see rounds.end_round)."""
from __future__ import annotations

import numpy as np

from game.engine import events as ev, proofs
from game.engine.champion import champion_news
from game.engine.customer import CURES
from game.engine.messages import msg
from game.engine.postsale import account_type
from game.engine.rivals import PITCH
from game.engine.state import BatchState, LOST, NO_DECISION, WON
from game.engine.tables import Tables
from game.engine.types import ACCOUNT_TYPES, ACTION_KINDS, Message

ASK_KIND = ACTION_KINDS.index("ask")


def event_news(st: BatchState, tb: Tables, fired_row: np.ndarray) -> list[Message]:
    out = []
    for e in np.flatnonzero(fired_row).tolist():
        eid, code = tb.ev_ids[e], int(tb.ev_type[e])
        m, s, k = int(tb.ev_member[e]), int(tb.ev_succ[e]), int(tb.ev_rival[e])
        if code == ev.LEAVES:
            if s >= 0:
                out.append(msg("event.member_leaves", event=eid, member=tb.member_ids[m], successor=tb.member_ids[s]))
            else:
                out.append(msg("event.member_gone", event=eid, member=tb.member_ids[m]))
        elif code == ev.BUDGET_CUT:
            out.append(msg("event.budget_cut", event=eid, severity=float(tb.ev_sev[e])))
        elif code == ev.RIVAL_DISCOUNT and k >= 0:
            out.append(msg("event.rival_discount", event=eid, rival=tb.rival_ids[k]))
        elif code == ev.TURNS_BLOCKER:
            out.append(msg("event.member_turns_blocker", event=eid, member=tb.member_ids[m]))
        elif code == ev.PILOT_FAILURE:
            out.append(msg("event.pilot_failure", event=eid))
    return out


def concern_news(st: BatchState, tb: Tables, applied: list[tuple[int, int, int]],
                 addressed_before: np.ndarray, unheard_before: np.ndarray | None = None) -> list[Message]:
    """Hidden concerns a follow-up surfaced (reveal level 1 -> 2 in this round) and concerns now addressed."""
    out = []
    asked = dict.fromkeys(m for kind, m, _ in applied if kind == ASK_KIND)
    for m in asked:
        code = int(st.concern[0, m])
        if code >= 0 and st.revealed[0, m] == 2:
            if code < len(CURES):
                out.append(msg(f"news.concern_{CURES[code]}", member=tb.member_ids[m]))
            else:
                out.append(msg("news.concern_benefit", member=tb.member_ids[m], benefit=tb.benefit_ids[code - len(CURES)]))
    for m in np.flatnonzero(st.addressed[0] & ~addressed_before).tolist():
        out.append(msg("news.concern_addressed", member=tb.member_ids[m]))
    # a follow-up to a backer relayed the top priority of colleagues unheard before these actions and never
    # asked (inside_view.py); a colleague two backers could have told is named once, after the first
    told = np.zeros(tb.M, bool) if unheard_before is None else unheard_before & (st.revealed[0] == 1) & (st.asks[0] == 0)
    for m in asked:
        if st.revealed[0, m] == 2 and (tb.links[m] & told).any():
            out.extend(msg("news.inside_view", member=tb.member_ids[c], champion=tb.member_ids[m])
                       for c in np.flatnonzero(tb.links[m] & told).tolist())
            told &= ~tb.links[m]
    need = proofs.game_need(st, tb)[0]
    for m in asked:                    # the follow-up also tells a worry the roles did not suggest (proofs.py)
        if st.revealed[0, m] == 2 and st.doubt_shift[0, m]:
            for proof in np.flatnonzero(need[m] > 0).tolist():
                out.append(msg(f"news.worry_{proofs.PROOFS[proof]}", member=tb.member_ids[m]))
    return out


def during_round_news(st: BatchState, tb: Tables, applied: list[tuple[int, int, int]],
                      addressed_before: np.ndarray | None = None,
                      unheard_before: np.ndarray | None = None, pocketed: int = 0) -> list[Message]:
    """Pilot result, wasted pitches, referrals and concerns of the actions just applied (kind, row, benefit).

    ``addressed_before`` (M,) the concerns addressed before these actions (None: none were);
    ``unheard_before`` (M,) the members at reveal level 0 before them (None: no relay is reported);
    ``pocketed`` how many of the discounts moved no one (given before a price-minded member had told you)."""
    from game.engine import actions as A
    out = concern_news(st, tb, applied, np.zeros(tb.M, bool) if addressed_before is None else addressed_before,
                       unheard_before)
    out += [msg("news.discount_pocketed")] * pocketed    # traded, not given: nobody had asked for it yet
    for kind, m, b in applied:
        if kind == A.PITCH and st.care[0, m, b] < tb.params.care_threshold:
            out.append(msg("news.wasted_pitch", member=tb.member_ids[m], benefit=tb.benefit_ids[b]))
        elif kind == A.REFER:
            out.append(msg("news.referred", member=tb.member_ids[m]))
        elif kind == A.PILOT:
            out.append(msg("news.pilot_success" if st.pilot_result[0] == 1 else "news.pilot_failure"))
    return out


def end_round_news(st: BatchState, tb: Tables, report: dict, locked_before: np.ndarray) -> list[Message]:
    ids = tb.member_ids
    out: list[Message] = []
    for k, kind, m, b in ((k, *mv) for k in range(tb.K) for mv in report["rival_moves"][0, k].tolist()):
        if kind < 0:
            continue
        if kind == PITCH:
            out.append(msg("news.rival_pitch", rival=tb.rival_ids[k], member=ids[m], benefit=tb.benefit_ids[b]))
        else:
            out.append(msg("news.rival_reference", rival=tb.rival_ids[k], member=ids[m]))
    for m in np.flatnonzero(report["won_back"][0]).tolist():
        out.append(msg("news.blocker_won_back", member=ids[m]))
    if "spoke" in report:
        out += champion_news(tb, report["spoke"][0])
    if report["decided"][0]:
        oc, w = int(st.outcome[0]), int(st.winner[0])
        if oc == WON:
            out.append(msg("news.decision_won", share=round(float(st.share[0, 0]), 3)))
        elif oc == LOST:
            out.append(msg("news.decision_lost", rival=tb.rival_ids[w - 1], share=round(float(st.share[0, w]), 3)))
        elif oc == NO_DECISION:
            if st.vetoed_by[0] >= 0:
                out.append(msg("news.veto", member=ids[int(st.vetoed_by[0])]))
            out.append(msg("news.no_decision", share=round(float(st.share[0].max(initial=0.0)), 3)))
    change = int(report["rung_change"][0])
    if change > 0:
        out.append(msg("news.rung_up", rung=int(st.rung[0])))
    elif change < 0:
        out.append(msg("news.rung_down", rung=int(st.rung[0])))
    if not st.active[0] and st.outcome[0] == WON and tb.post_sale_rounds > 0:
        out.append(msg("news.account_type", account_type=ACCOUNT_TYPES[int(account_type(st, tb)[0])]))
    if st.active[0]:
        opened = locked_before & ~st.locked[0] & st.present[0] & ~st.referred[0]
        back = np.flatnonzero(report["won_back"][0]).tolist()
        for m in np.flatnonzero(opened).tolist():
            g = int(st.gate[0, m])
            g = g if g >= 0 and not tb.decider[m] or not back else back[0]
            if g >= 0:
                out.append(msg("news.unlocked", member=ids[m], gatekeeper=ids[g]))
        out += event_news(st, tb, report["fired"][0])
    return out
