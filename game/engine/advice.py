"""The debrief's advice: the mistakes that decided the game, named with their member, benefit or stage.

Each candidate has a weight; causes (what the player did or failed to do) weigh 2 or more, symptoms
(how the vote went: a veto, a rival's backer, the status quo, a cold decider) less, so the decisive
mistake comes first.  At most ``MAX_ADVICE`` pieces; the general tips fill in only when the game shows
no mistake at all (docs/model.md § 11).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from game.engine.messages import msg
from game.engine.postsale import CUSTOMER_RUNG
from game.engine.state import BatchState, WON
from game.engine.tables import Tables
from game.engine.types import Action, Message

MAX_ADVICE = 3
GENERAL = ("advice.keep_listening", "advice.map_the_center", "advice.try_harder")
CAUSE = 2.0                 # the weight from which a candidate is a cause, not a symptom
LOW_ACTIVITY = 0.5          # a pitch at or below this share of the member's best pre-sale activity is mistimed
MISTIMED_MIN = 3            # mistimed pitches to one member before the stage advice appears
MISTIMED_SHARE = 0.75       # ... and at least this share of all pitches to them


def stage_timing(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]):
    """(member row, benefit index, stage index, mistimed pitches) of the member whose pitches came most at the
    wrong stage (while they were much less active than in another pre-sale stage), or None."""
    last = min(tb.decision, len(history) - 1)
    if last < 0:
        return None
    act = tb.activity[: last + 1]                                   # (rounds, M)
    best = act.max(axis=0)
    mistimed = np.zeros(tb.M, np.int64)
    pitched = np.zeros(tb.M, np.int64)
    by_benefit = np.zeros((tb.M, tb.B), np.int64)
    for r, plan in enumerate(history[: last + 1]):
        for a in plan:
            if a.kind != "pitch" or a.member not in tb.rows_by_id:
                continue
            m = next((i for i in tb.rows_by_id[a.member] if st.present[0, i] or i < tb.n_initial), None)
            if m is None:
                continue
            pitched[m] += 1
            if act[r, m] <= LOW_ACTIVITY * best[m]:
                mistimed[m] += 1
                by_benefit[m, tb.benefit_ids.index(a.benefit)] += 1
    share = np.divide(mistimed, pitched, out=np.zeros(tb.M), where=pitched > 0)
    score = np.where((mistimed >= MISTIMED_MIN) & (share >= MISTIMED_SHARE), mistimed * share * tb.weight, 0.0)
    if not score.any():
        return None
    m = int(np.argmax(score))
    return m, int(np.argmax(by_benefit[m])), int(np.argmax(act[:, m])), int(mistimed[m])


def candidates(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]) -> list[tuple[float, Message]]:
    p = tb.params
    ids, bids = tb.member_ids, tb.benefit_ids
    present = st.present[0]
    won = st.outcome[0] == WON
    # worked before the decision (service after the sale also counts in st.engaged)
    engaged = (st.asks[0] > 0) | (st.pitch_count[0].sum(axis=1) > 0) | (st.shown[0] > 0) | st.referred[0]
    out: list[tuple[float, Message]] = []
    # ---- causes
    gate = st.gate[0]
    keeper_cold = np.where(gate >= 0, ~engaged[np.maximum(gate, 0)], False)     # the gatekeeper never worked
    gated = present & (gate >= 0) & ~engaged & (st.locked[0] | keeper_cold)
    for m in np.flatnonzero(gated).tolist()[:1]:
        gk = int(gate[m])
        out.append((CAUSE + 1.0 + float(tb.weight[m]), msg("advice.gatekeeper", member=ids[m], gatekeeper=ids[gk])))
    behind = gated.copy()
    vetoer = tb.decider & (tb.influence >= p.veto_influence)
    stall = tb.weight >= p.stall_weight
    missed = present & ~engaged & ~behind
    heavy = missed & (vetoer | stall)
    if heavy.any():
        m = int(np.argmax(np.where(heavy, tb.weight * (1 + vetoer), -1.0)))
        key = "advice.missed_veto" if vetoer[m] else "advice.missed_stall"
        out.append((CAUSE + 1.0 + float(tb.weight[m]), msg(key, member=ids[m])))
    light = missed & ~heavy & (tb.influence >= p.coverage_influence)
    if light.any():
        m = int(np.argmax(np.where(light, tb.influence, -1.0)))
        out.append((0.8 + float(tb.influence[m]), msg("advice.missed_member", member=ids[m])))
    blind = st.blind[0]
    if blind.sum() > 0:
        m = int(np.argmax(blind * (1 + tb.weight)))
        weight = CAUSE + 0.5 + 0.1 * float(blind.sum()) if blind.sum() >= 2 else 1.0
        out.append((weight, msg("advice.ask_first", member=ids[m], count=int(blind.sum()))))
    wasted = st.wasted_pitch[0]
    if wasted.sum() > 0:
        m, b = np.unravel_index(int(np.argmax(wasted * (1 + tb.weight)[:, None])), wasted.shape)
        out.append((CAUSE + 0.5 + 0.2 * float(wasted.sum()),
                    msg("advice.irrelevant_pitch", member=ids[m], benefit=bids[b], count=int(wasted.sum()))))
    timing = stage_timing(st, tb, history)
    if timing is not None:
        m, b, s, n = timing
        out.append((CAUSE + 0.3 + 0.1 * n, msg("advice.stage_timing", member=ids[m], benefit=bids[b],
                                               stage=tb.stage_ids[s], count=n)))
    steps = int(st.discount_steps[0])
    price_care = st.care[0][:, tb.price_mask].max(axis=1, initial=0.0) if tb.price_mask.any() else np.zeros(tb.M)
    if steps and not (present & (price_care >= p.care_threshold)).any():
        out.append((CAUSE + 0.6 + 0.2 * steps, msg("advice.discount_unneeded", count=steps)))
    elif steps >= 2:
        out.append((0.3 + 0.3 * steps, msg("advice.discount_heavy", count=steps)))
    if won and tb.post_sale_rounds > 0 and st.rung[0] <= CUSTOMER_RUNG:
        out.append((CAUSE + 0.5, msg("advice.neglected_service", rung=int(st.rung[0]))))
    # ---- symptoms
    if st.vetoed_by[0] >= 0:
        out.append((1.5, msg("advice.veto", member=ids[int(st.vetoed_by[0])])))
    for m in np.flatnonzero(st.blocker[0] & present).tolist()[:1]:
        out.append((1.0, msg("advice.blocker", member=ids[m])))
    cold = present & tb.decider & (st.stance[0] < 0.2)
    if cold.any() and not won:
        m = int(np.argmax(np.where(cold, tb.influence * (0.5 - st.stance[0]), -9)))
        out.append((float(tb.influence[m] * (0.5 - st.stance[0, m])) + 0.2,
                    msg("advice.decider_cold", member=ids[m], stance=round(float(st.stance[0, m]), 3))))
    backing = st.backing[0]
    rival_backers = present & (backing > 0)
    if rival_backers.any() and not won:
        m = int(np.argmax(np.where(rival_backers, tb.weight, -1)))
        out.append((0.2 + 0.6 * min(float(tb.weight[m]), 1.5),
                    msg("advice.rival_backed", member=ids[m], rival=tb.rival_ids[int(backing[m]) - 1])))
    w = tb.weight * present
    sq_share = float((w * (backing == -1)).sum() / max(w.sum(), 1e-9))
    if sq_share >= 0.4 and not won:
        out.append((0.5 + sq_share, msg("advice.status_quo", share=round(sq_share, 3))))
    counts = st.pitch_count[0]
    if counts.max(initial=0) >= 3:
        m, b = np.unravel_index(int(np.argmax(counts)), counts.shape)
        out.append((0.3 + 0.1 * float(counts[m, b] - 3),
                    msg("advice.repeat_pitch", member=ids[m], benefit=bids[b], count=int(counts[m, b]))))
    if not st.pilot_used[0] and tb.pilot_stage.any() and not won:
        out.append((0.25, msg("advice.use_pilot")))
    return out


def advice(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]) -> tuple[Message, ...]:
    """Up to three pieces of advice, the decisive mistake first; general tips only when nothing went wrong."""
    cands = sorted(candidates(st, tb, history), key=lambda c: -c[0])
    chosen: list[Message] = []
    for _, message in cands:
        if len(chosen) < MAX_ADVICE and message.key not in {c.key for c in chosen}:
            chosen.append(message)
    if not chosen:
        chosen = [msg(key) for key in GENERAL]
    return tuple(chosen)
