"""Turn game 0 of a BatchState into the player's Observation (only what a player may know)."""
from __future__ import annotations

import numpy as np

from game.engine import actions as A
from game.engine import legality, proofs
from game.engine.customer import CURES
from game.engine.knowledge import known_mask
from game.engine.state import BatchState, NO_DECISION, WON
from game.engine.tables import Tables
from game.engine.types import (ACTION_KINDS, OUTCOMES, Action, BenefitView, MemberView, Message, Observation,
                               RivalView, StageView)


class ActionCache:
    """Interned Action objects, so building the legal list allocates nothing."""

    def __init__(self) -> None:
        self._cache: dict[tuple, Action] = {}
        self.lists: dict[tuple, tuple[Action, ...]] = {}
        self.tables: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def get(self, kind: str, member: str | None = None, benefit: str | None = None) -> Action:
        key = (kind, member, benefit)
        a = self._cache.get(key)
        if a is None:
            a = self._cache[key] = Action(kind, member, benefit)
        return a


def phase_of(st: BatchState, tb: Tables) -> str:
    if not st.active[0]:
        return "over"
    return "post_sale" if st.round > tb.decision else "pre_sale"


def legal_actions(st: BatchState, tb: Tables, cache: ActionCache) -> tuple[Action, ...]:
    """Every single action legal at the start of the current round (game 0), by ``legality.legal_mask``."""
    if not st.active[0]:
        return ()
    post = st.round > tb.decision
    where = (post, st.present[0].tobytes())
    table = cache.tables.get(where)
    if table is None:
        table = cache.tables[where] = legality.action_table(st, tb)
    ok = legality.legal_mask(st, tb, *table)
    key = where + (ok.tobytes(),)
    hit = cache.lists.get(key)
    if hit is None:
        kinds, members, benefits = (x[ok].tolist() for x in table)
        hit = cache.lists[key] = tuple(
            cache.get(ACTION_KINDS[k], tb.member_ids[m] if m >= 0 else None, tb.benefit_ids[b] if b >= 0 else None)
            for k, m, b in zip(kinds, members, benefits))
    return hit


def member_views(st: BatchState, tb: Tables) -> tuple[MemberView, ...]:
    r = min(st.round, tb.n_rounds - 1)
    act = tb.activity[r].tolist()
    known = known_mask(st.rank[0], st.known_level[0]).tolist()
    care = st.care[0]
    bids = tb.benefit_ids
    stance, revealed = st.stance[0].tolist(), st.revealed[0].tolist()
    locked, blocker, engaged = st.locked[0].tolist(), st.blocker[0].tolist(), st.engaged[0].tolist()
    gate = st.gate[0].tolist()
    if tb.K:
        lead = st.rival[0].argmax(axis=0).tolist()
        lead_stance = st.rival[0].max(axis=0).tolist()
    out = []
    for m, here in enumerate(st.present[0].tolist()):
        if not here:
            continue
        row = tb.rows[m]
        pri: tuple = ()
        if revealed[m] and st.known_level[0, m]:
            cm = care[m].tolist()
            pri = tuple(sorted(((bids[b], round(cm[b], 4)) for b, k in enumerate(known[m]) if k),
                               key=lambda t: -t[1]))
        out.append(MemberView(
            id=row.id, name=row.name, title=row.title, roles=tuple(row.roles), influence=float(row.influence),
            stance=stance[m], rival_stance=lead_stance[m] if tb.K else 0.0,
            leading_rival=tb.rival_ids[lead[m]] if tb.K else None,
            known_priorities=pri, revealed=revealed[m], locked=locked[m],
            gated_by=tb.member_ids[gate[m]] if gate[m] >= 0 else None, activity=act[m],
            blocker=blocker[m], engaged=engaged[m], **concern_view(st, tb, m),
            answered=tuple(proofs.PROOFS[i] for i in np.flatnonzero(st.settled[0, m]).tolist()),
        ))
    return tuple(out)


def concern_view(st: BatchState, tb: Tables, m: int) -> dict:
    """The member's hidden concern and the proofs they wait for, as the player may know them: only once a
    follow-up told them."""
    if st.revealed[0, m] < 2:
        return {}
    need = proofs.game_need(st, tb)[0, m]
    out = {"awaits": tuple(proofs.PROOFS[i] for i in np.flatnonzero(need > 0).tolist())}
    code = int(st.concern[0, m])
    if code < 0:
        return out
    return {"concern": CURES[code] if code < len(CURES) else tb.benefit_ids[code - len(CURES)],
            "concern_addressed": bool(st.addressed[0, m]), **out}


def stage_emphasis(st: BatchState, tb: Tables) -> tuple[tuple[str, float], ...]:
    """The current stage's shift (up to the decision), once the player holds a fresh answer in it."""
    if not st.active[0] or st.round > tb.decision or not (st.known_level[0] > 0).any():
        return ()
    return tuple(sorted(tb.scenario.stages[st.round].shift.items(), key=lambda kv: (-kv[1], kv[0])))


def static_views(tb: Tables) -> tuple[tuple[StageView, ...], tuple[BenefitView, ...], tuple[RivalView, ...]]:
    sc = tb.scenario
    stages = tuple(StageView(id=s.id, name=s.name, actions=s.actions, decision=(i == tb.decision),
                             post_sale=(i > tb.decision)) for i, s in enumerate(sc.stages))
    benefits = tuple(BenefitView(id=b.id, name=b.name, capability=float(tb.cap[i]),
                                 price=bool(tb.price_mask[i]))
                     for i, b in enumerate(sc.benefits))
    rivals = tuple(RivalView(id=c.id, name=c.name, style=c.style) for c in sc.competitors)
    return stages, benefits, rivals


def observe(st: BatchState, tb: Tables, statics, news: tuple[Message, ...], cache: ActionCache) -> Observation:
    stages, benefits, rivals = statics
    done = not bool(st.active[0])
    oc = int(st.outcome[0])
    winner = int(st.winner[0])
    return Observation(
        round=int(st.rounds_played[0]) - 1 if done else st.round,
        stages=stages, phase=phase_of(st, tb), points=0 if done else int(st.points[0]),
        members=member_views(st, tb), benefits=benefits, rivals=rivals, news=news,
        legal_actions=legal_actions(st, tb, cache),
        discount=float(st.discount_steps[0] * tb.params.discount_step),
        outcome=OUTCOMES[oc] if oc >= 0 else None,
        winner=None if winner < 0 else ("player" if winner == 0 else tb.rival_ids[winner - 1]),
        loyalty=int(st.rung[0]) if oc == WON else None,
        done=done, emphasis=stage_emphasis(st, tb),
    )


assert ACTION_KINDS[A.PITCH] == "pitch" and OUTCOMES[NO_DECISION] == "no_decision"
