"""The debrief of game 0: score, pitched-vs-mattered matrix, stance curves, turning points, advice."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from game.engine import scoring
from game.engine.messages import msg
from game.engine.postsale import CUSTOMER_RUNG, account_type
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


def advice(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]) -> tuple[Message, ...]:
    """Exactly three pieces of advice: the most relevant candidates, then general ones."""
    p = tb.params
    ids, bids = tb.member_ids, tb.benefit_ids
    present = st.present[0]
    cands: list[tuple[float, Message]] = []
    blind = st.blind[0]
    if blind.sum() > 0:
        m = int(np.argmax(blind * tb.influence + blind))
        cands.append((0.5 + 0.1 * float(blind.sum()), msg("advice.ask_first", member=ids[m], count=int(blind.sum()))))
    key = present & (tb.influence >= p.coverage_influence) & (st.engaged[0] == 0)
    if key.any():
        m = int(np.argmax(np.where(key, tb.influence, -1)))
        cands.append((0.3 + float(tb.influence[m]), msg("advice.missed_member", member=ids[m])))
    wasted = st.wasted_pitch[0]
    if wasted.sum() > 0:
        m, b = np.unravel_index(int(np.argmax(wasted)), wasted.shape)
        cands.append((0.5 + 0.2 * float(wasted.sum()),
                      msg("advice.irrelevant_pitch", member=ids[m], benefit=bids[b], count=int(wasted.sum()))))
    stuck = st.locked[0] & present if st.outcome[0] != WON else np.zeros(tb.M, bool)
    gated = stuck & (st.gate[0] >= 0)
    if gated.any():
        m = int(np.argmax(np.where(gated, tb.influence, -1)))
        cands.append((0.5 + float(tb.influence[m]),
                      msg("advice.gatekeeper", member=ids[m], gatekeeper=ids[int(st.gate[0, m])])))
    steps = int(st.discount_steps[0])
    if steps >= 2:
        cands.append((0.3 * steps, msg("advice.discount_heavy", count=steps)))
    cold = present & tb.decider & (st.stance[0] < 0.2)
    if cold.any():
        m = int(np.argmax(np.where(cold, tb.influence * (0.5 - st.stance[0]), -9)))
        cands.append((float(tb.influence[m] * (0.5 - st.stance[0, m])) + 0.2,
                      msg("advice.decider_cold", member=ids[m], stance=round(float(st.stance[0, m]), 3))))
    for m in np.flatnonzero(st.blocker[0] & present).tolist()[:1]:
        cands.append((1.0, msg("advice.blocker", member=ids[m])))
    if st.vetoed_by[0] >= 0:
        cands.append((1.5, msg("advice.veto", member=ids[int(st.vetoed_by[0])])))
    backing = st.backing[0]
    rival_backers = present & (backing > 0)
    if rival_backers.any() and st.outcome[0] != WON:
        m = int(np.argmax(np.where(rival_backers, tb.weight, -1)))
        cands.append((0.2 + 0.6 * float(tb.weight[m]),
                      msg("advice.rival_backed", member=ids[m], rival=tb.rival_ids[int(backing[m]) - 1])))
    w = tb.weight * present
    sq_share = float((w * (backing == -1)).sum() / max(w.sum(), 1e-9))
    if sq_share >= 0.4 and st.outcome[0] != WON:
        cands.append((0.5 + sq_share, msg("advice.status_quo", share=round(sq_share, 3))))
    counts = st.pitch_count[0]
    if counts.max(initial=0) >= 3:
        m, b = np.unravel_index(int(np.argmax(counts)), counts.shape)
        cands.append((0.3 + 0.1 * float(counts[m, b] - 3),
                      msg("advice.repeat_pitch", member=ids[m], benefit=bids[b], count=int(counts[m, b]))))
    if st.outcome[0] == WON and tb.post_sale_rounds > 0 and st.rung[0] <= CUSTOMER_RUNG:
        cands.append((0.7, msg("advice.neglected_service", rung=int(st.rung[0]))))
    if not st.pilot_used[0] and tb.pilot_stage.any() and st.outcome[0] != WON:
        cands.append((0.25, msg("advice.use_pilot")))
    cands.sort(key=lambda c: -c[0])
    behind_gate = {m.param("member") for _, m in cands if m.key == "advice.gatekeeper"}
    chosen: list[Message] = []
    for _, message in cands:
        if message.key == "advice.missed_member" and message.param("member") in behind_gate:
            continue                               # the gatekeeper advice says it better
        if len(chosen) < 3 and message.key not in {c.key for c in chosen}:
            chosen.append(message)
    for key in ("advice.keep_listening", "advice.map_the_center", "advice.try_harder"):
        if len(chosen) >= 3:
            break
        chosen.append(msg(key))
    return tuple(chosen[:3])


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
        support=tuple((tb.member_ids[m], who(int(backing[m]))) for m in rows if backing[m] != ABSENT),
    )
