"""The debrief's advice: the mistakes that decided the game, named with their member, benefit or stage.

Each candidate has a weight; causes (what the player did or failed to do: the mistakes of
:mod:`game.engine.mistakes`, the same rules the coach warns with before a round ends) weigh 2 or more,
symptoms (how the vote went: a veto, a rival's backer, the status quo, a cold decider) less, so the
decisive mistake comes first.  At most ``MAX_ADVICE`` pieces; the general tips fill in only when the game shows
no mistake at all (docs/model.md § 11).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from game.engine.messages import msg
from game.engine.mistakes import in_game
from game.engine.state import BatchState, WON
from game.engine.tables import Tables
from game.engine.types import Action, Message

MAX_ADVICE = 3
GENERAL = ("advice.keep_listening", "advice.map_the_center", "advice.try_harder")


def candidates(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]) -> list[tuple[float, Message]]:
    """The mistakes of the game (``mistakes.in_game``: the causes, weighted by how decisive they were) and
    the symptoms of how the vote went, each with its weight."""
    ids, bids = tb.member_ids, tb.benefit_ids
    present = st.present[0]
    won = st.outcome[0] == WON
    out = in_game(st, tb, history)
    steps = int(st.discount_steps[0])
    if steps >= 2 and not any(m.key in ("advice.discount_unneeded", "advice.discount_unasked") for _, m in out):
        out.append((0.3 + 0.3 * steps, msg("advice.discount_heavy", count=steps)))
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
