"""The debrief of game 0: score, pitched-vs-mattered matrix, stance curves, turning points, advice
(``advice``) and the decision explained (``explain``)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from game.engine import scoring
from game.engine.advice import advice
from game.engine.explain import decision_story
from game.engine.messages import msg
from game.engine.postsale import account_type, promise_gap
from game.engine.state import ABSENT, BatchState, WON
from game.engine.tables import Tables
from game.engine.types import ACCOUNT_TYPES, OUTCOMES, SCORE_PARTS, Action, Debrief, Message, Score, TurningPoint

TURN_KEYS_FIRST = ("event.", "news.pilot_", "news.decision_", "news.no_decision", "news.veto",
                   "news.blocker_won_back", "news.unlocked", "news.rung_")
MAX_TURNING_POINTS = 8
SWING = 0.2          # a stance change of at least this in one round is a turning point


def build_score(st: BatchState, tb: Tables) -> Score:
    parts = scoring.score_parts(st, tb)
    total = int(scoring.totals(parts, tb)[0])
    return Score(total=total, grade=scoring.grade(total),
                 parts=tuple((n, round(float(v), 4)) for n, v in zip(SCORE_PARTS, parts[0])),
                 weights=tuple((n, round(float(w), 4)) for n, w in zip(SCORE_PARTS, tb.score_weights)))


def turning_points(st: BatchState, tb: Tables, news: Sequence[tuple[Message, ...]]) -> tuple[TurningPoint, ...]:
    """Events, pilots, unlocks, the decision, ladder moves, and big stance swings, in order."""
    points: list[tuple[int, int, TurningPoint]] = []   # (priority, order, point)
    played = int(st.rounds_played[0])
    ids = tb.member_ids
    for r, msgs in enumerate(news):
        for message in msgs:
            if message.key.startswith(TURN_KEYS_FIRST):
                # news at index r > 0 was produced by round r-1 (or at the start of round r for events)
                at = r if message.key.startswith("event.") else max(r - 1, 0)
                points.append((0, len(points), TurningPoint(at, message)))
    hist, rhist = st.stance_history[0], st.rival_history[0]
    for r in range(played):
        delta = hist[r + 1] - hist[r]
        delta = np.where(st.present[0] | (np.abs(delta) > 0), delta, 0.0)
        m = int(np.argmax(np.abs(delta) * tb.influence))
        if abs(delta[m]) >= SWING:
            key = "turn.stance_up" if delta[m] > 0 else "turn.stance_down"
            points.append((1, len(points), TurningPoint(r, msg(key, member=ids[m], before=round(float(hist[r, m]), 3),
                                                               after=round(float(hist[r + 1, m]), 3)))))
        if tb.K and r <= tb.decision:
            ahead = (rhist[r + 1] > hist[r + 1]) & (rhist[r] <= hist[r]) & (tb.influence >= 0.5)
            for m in np.flatnonzero(ahead).tolist()[:1]:
                k = int(np.argmax(st.rival[0, :, m]))
                points.append((2, len(points), TurningPoint(r, msg("turn.rival_ahead", member=ids[m],
                                                                   rival=tb.rival_ids[k]))))
    keep = sorted(points, key=lambda t: (t[0], t[1]))[:MAX_TURNING_POINTS]
    return tuple(tp for _, _, tp in sorted(keep, key=lambda t: (t[2].round, t[1])))


def account_story(st: BatchState, tb: Tables) -> tuple[Message, ...]:
    """Game 0's account after a won sale, explained: its type, the account's potential, the effort spent,
    and what the sale left behind (over-promised capabilities, discounts) — docs/model.md § 8."""
    acc = int(account_type(st, tb)[0])
    if acc < 0 or st.outcome[0] != WON or tb.post_sale_rounds <= 0:
        return ()
    p = tb.params
    total = int(tb.points[tb.decision + 1:].sum())
    spent = int(st.post_spent[0])
    out = [msg(f"why.account_{ACCOUNT_TYPES[acc]}"),
           msg(f"why.account_potential_{tb.scenario.potential}"),
           msg("why.account_effort", count=spent, points=total, share=round(spent / max(total, 1), 3))]
    weak = np.flatnonzero(tb.cap < p.promise_level)
    promised = int(st.pitch_count[0][:, weak].sum()) if len(weak) else 0
    if promised and promise_gap(st, tb)[0] > 0:
        out.append(msg("why.account_promises", count=promised))
    if st.discount_steps[0] > 0:
        out.append(msg("why.account_discounts", count=int(st.discount_steps[0])))
    return tuple(out)


def build_debrief(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]],
                  news: Sequence[tuple[Message, ...]]) -> Debrief:
    played = int(st.rounds_played[0])
    ever = st.present[0].copy()
    ever[: tb.n_initial] = True
    ever[tb.ev_succ[st.fired[0] & (tb.ev_succ >= 0)]] = True
    rows = np.flatnonzero(ever).tolist()
    care = st.care[0]
    oc = int(st.outcome[0])
    winner = int(st.winner[0])
    acc = int(account_type(st, tb)[0])
    backing = st.backing[0]

    def who(code: int) -> str:
        return "status_quo" if code < 0 else ("player" if code == 0 else tb.rival_ids[code - 1])

    return Debrief(
        outcome=OUTCOMES[oc],
        winner=None if winner < 0 else who(winner),
        score=build_score(st, tb),
        benefits=tb.benefit_ids,
        members=tuple(tb.member_ids[m] for m in rows),
        mattered=tuple(tuple(round(float(v), 4) for v in care[m]) for m in rows),
        pitched=tuple(tuple(int(v) for v in st.pitch_count[0, m]) for m in rows),
        wasted=tuple(tuple(int(v) for v in st.wasted_pitch[0, m]) for m in rows),
        stance_history=tuple(tuple(round(float(v), 4) for v in st.stance_history[0, : played + 1, m]) for m in rows),
        rival_history=tuple(tuple(round(float(v), 4) for v in st.rival_history[0, : played + 1, m]) for m in rows),
        turning_points=turning_points(st, tb, news),
        advice=advice(st, tb, history),
        loyalty=int(st.rung[0]) if oc == WON else None,
        account_type=ACCOUNT_TYPES[acc] if acc >= 0 and oc == WON else None,
        account=account_story(st, tb),
        support=tuple((tb.member_ids[m], who(int(backing[m]))) for m in rows if backing[m] != ABSENT),
        decision=decision_story(st, tb),
    )
