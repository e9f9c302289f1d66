"""The seller's mistakes, each defined once, for the coach (before a round ends) and the debrief (after the game).

Every mistake has one entry in :data:`MISTAKES`: its id, the debrief's advice key, the coach's key and what
both messages name (member, benefit, gatekeeper...).  Its rule lives here in two readings of the same test:

* ``in_plan(obs, actions)``: what the player can know now (the :class:`Observation` at the start of the round
  and the planned actions; never hidden priorities), used by the coach (:mod:`game.engine.coach`);
* ``in_game(st, tb, history)``: the same mistake found in a finished game, with a weight saying how decisive it
  was, used by the debrief's advice (:mod:`game.engine.advice`), which adds the symptoms (a veto, a rival's
  backer...) below these causes.

The thresholds both readings use (who can veto or stall, what "cares" means, when a member is barely
involved) are the small predicates below, so the coach warns about exactly what the debrief would name.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.engine.messages import msg
from game.engine.params import Params
from game.engine.postsale import CUSTOMER_RUNG
from game.engine.state import WON, BatchState
from game.engine.tables import Tables
from game.engine.types import Action, MemberView, Message, Observation

#: a pitch when the member's activity is at or below this share of their peak is mistimed
LOW_ACTIVITY = 0.5
#: the weight from which an advice candidate is a cause, not a symptom
CAUSE = 2.0
MISTIMED_MIN = 3            # mistimed pitches to one member before the debrief names the stage
MISTIMED_SHARE = 0.75       # ... and at least this share of all pitches to them
#: rounds a seller may spend on others before leaving a gatekeeper unworked is a mistake
GATE_GRACE = 2
SERVICE_KINDS = frozenset({"deliver", "support", "train", "review"})


@dataclass(frozen=True, slots=True)
class Mistake:
    id: str
    advice: str | None          # the debrief's key (None: the coach alone can see it)
    coach: str | None           # the coach's key (None: only visible once the game is over)
    names: tuple[str, ...]      # parameters both messages name
    also: tuple[str, ...] = ()  # further debrief keys of the same mistake (another case of it, named apart)


MISTAKES: tuple[Mistake, ...] = (
    Mistake("pitch_before_asking", "advice.ask_first", "coach.pitch_unasked", ("member",)),
    Mistake("wrong_benefit", "advice.irrelevant_pitch", "coach.pitch_uncared", ("member", "benefit")),
    Mistake("gatekeeper_ignored", "advice.gatekeeper", "coach.gatekeeper", ("member", "gatekeeper")),
    Mistake("veto_never_engaged", "advice.missed_veto", "coach.missed_veto", ("member",)),
    Mistake("staller_never_engaged", "advice.missed_stall", "coach.missed_stall", ("member",)),
    Mistake("wrong_stage", "advice.stage_timing", "coach.stage_timing", ("member",)),
    Mistake("discount_unneeded", "advice.discount_unneeded", "coach.discount_unneeded", (),
            also=("advice.discount_unasked",)),     # ...or before the price-minded had told you (traded, not given)
    Mistake("account_neglected", "advice.neglected_service", "coach.neglected_service", ()),
    Mistake("member_never_engaged", "advice.missed_member", None, ("member",)),
    Mistake("stalled_member_left_out", None, "coach.stalled_member", ("member",)),
    Mistake("points_left", None, "coach.points_left", ()),
)
BY_KEY: dict[str, Mistake] = {k: m for m in MISTAKES for k in (m.advice, m.coach, *m.also) if k}
#: the coach's keys in the order it shows them
COACH_KEYS: tuple[str, ...] = tuple(m.coach for m in MISTAKES if m.coach)


def mistake_of(message: Message) -> Mistake | None:
    """The mistake a coach flag or a piece of advice names (None for symptoms and general tips)."""
    return BY_KEY.get(message.key)


# ---- the shared predicates (scalars or numpy arrays alike)

def can_veto(decider, influence, p: Params):
    """A decider this influential can veto the deal alone."""
    return decider & (influence >= p.veto_influence)


def can_stall(weight, p: Params):
    """A member this heavy in the vote can stall the deal alone by preferring to do nothing."""
    return weight >= p.stall_weight


def cares(care, p: Params):
    """A member cares about a benefit valued at least this much (less: a pitch on it is wasted)."""
    return care >= p.care_threshold


def mistimed(activity, peak):
    """A member this much less active than at their peak is barely involved in the stage."""
    return activity <= LOW_ACTIVITY * peak


def member_weight(m: MemberView, p: Params) -> float:
    """The member's weight in the vote: influence x the largest weight of their roles (public rules)."""
    return m.influence * max((getattr(p, f"weight_{r}") for r in m.roles), default=0.0)


def known_benefits(member: MemberView) -> set[str]:
    return {b for b, w in member.known_priorities if w > 0}


# ---- the coach's reading: a plan, from what the player can know

def pitch_unasked(member: MemberView, asked_earlier: bool = False) -> bool:
    """A pitch to a member of whom nothing is known now, without asking them earlier in the same plan."""
    return not known_benefits(member) and not asked_earlier


def pitch_uncared(member: MemberView, benefit: str, everyone: Sequence[MemberView]) -> bool:
    """A pitch of a benefit the member is not known to care about, when what they care about is known: their
    top three or all of it (``revealed`` 2 or 3), or their top one and no one at all is known to want
    ``benefit``."""
    if member.revealed == 0 or benefit in known_benefits(member):
        return False
    if member.revealed >= 2:
        return True
    return not any(benefit in known_benefits(m) for m in everyone)


def _msg(key: str, **params) -> Message:
    return Message(key, tuple(sorted(params.items())))


def plan_pitches(obs: Observation, actions: Sequence[Action]) -> list[Message]:
    """Pitching before asking and the wrong benefit, per pitch of the plan (not after asking in the plan)."""
    by_id = {m.id: m for m in obs.members}
    out, asked = [], set()
    for a in actions:
        if a.kind == "ask" and a.member:
            asked.add(a.member)
        if a.kind != "pitch" or a.member not in by_id or a.member in asked:
            continue
        member = by_id[a.member]
        if pitch_unasked(member):
            out.append(_msg("coach.pitch_unasked", member=a.member, benefit=a.benefit))
        elif pitch_uncared(member, a.benefit, obs.members):
            out.append(_msg("coach.pitch_uncared", member=a.member, benefit=a.benefit))
    return out


def _decision_round(obs: Observation) -> int:
    return next((i for i, s in enumerate(obs.stages) if s.decision), len(obs.stages) - 1)


def plan_gatekeeper(obs: Observation, actions: Sequence[Action], p: Params) -> list[Message]:
    """From the third round on, an influential member still locked behind a gatekeeper you never worked,
    and this plan neither works the gatekeeper nor asks for a referral."""
    if obs.phase != "pre_sale" or obs.round < GATE_GRACE:
        return []
    by_id = {m.id: m for m in obs.members}
    aimed = {a.member for a in actions if a.member}
    out = []
    for m in obs.members:
        keeper = by_id.get(m.gated_by) if m.gated_by else None
        if (m.locked and keeper is not None and keeper.engaged == 0 and m.influence >= p.coverage_influence
                and keeper.id not in aimed and m.id not in aimed):
            out.append(_msg("coach.gatekeeper", member=m.id, gatekeeper=keeper.id))
    return out


def plan_never_engaged(obs: Observation, actions: Sequence[Action], p: Params) -> list[Message]:
    """In the decision round (the last chance), a reachable member who can veto or stall the deal alone,
    never worked, and left out of this plan."""
    if obs.phase != "pre_sale" or obs.round != _decision_round(obs):
        return []
    aimed = {a.member for a in actions if a.member}
    out = []
    for m in obs.members:
        if m.engaged or m.locked or m.id in aimed:
            continue
        if can_veto("decider" in m.roles, m.influence, p):
            out.append(_msg("coach.missed_veto", member=m.id))
        elif can_stall(member_weight(m, p), p):
            out.append(_msg("coach.missed_stall", member=m.id))
    return out


def plan_wrong_stage(obs: Observation, actions: Sequence[Action], p: Params) -> list[Message]:
    """Two or more pitches to one member while they are barely involved in this stage, when a stage in
    which they are fully active may still come before the decision."""
    if obs.phase != "pre_sale" or obs.round >= _decision_round(obs):
        return []
    by_id = {m.id: m for m in obs.members}
    count: dict[str, int] = {}
    for a in actions:
        if a.kind == "pitch" and a.member in by_id and mistimed(by_id[a.member].activity, p.act_focus):
            count[a.member] = count.get(a.member, 0) + 1
    return [_msg("coach.stage_timing", member=m, benefit=next(a.benefit for a in actions
                                                              if a.kind == "pitch" and a.member == m))
            for m, n in count.items() if n >= 2]


def plan_discount(obs: Observation, actions: Sequence[Action], p: Params) -> list[Message]:
    """A discount when nobody is known to care about price or cost (ask first: a discount moves only those who do)."""
    if not any(a.kind == "discount" for a in actions):
        return []
    price = {b.id for b in obs.benefits if b.price}
    return [] if any(price & known_benefits(m) for m in obs.members) else [_msg("coach.discount_unneeded")]


def plan_service(obs: Observation, actions: Sequence[Action]) -> list[Message]:
    """A round after the sale with no service at all (delivery, support, training, reviews)."""
    if obs.phase != "post_sale" or any(a.kind in SERVICE_KINDS for a in actions):
        return []
    return [_msg("coach.neglected_service")]


def in_plan(obs: Observation, actions: Sequence[Action], p: Params | None = None) -> list[Message]:
    """Every mistake of the plan the coach can see (several per rule possible), in no particular order;
    the stalled member and the points left are added by :mod:`game.engine.coach`."""
    p = p or Params()
    return (plan_pitches(obs, actions) + plan_gatekeeper(obs, actions, p) + plan_never_engaged(obs, actions, p)
            + plan_wrong_stage(obs, actions, p) + plan_discount(obs, actions, p) + plan_service(obs, actions))


# ---- the debrief's reading: a finished game (game 0 of ``st``), each mistake with how decisive it was

def stage_timing(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]):
    """(member row, benefit index, stage index, mistimed pitches) of the member whose pitches came most at the
    wrong stage (while they were much less active than in another pre-sale stage), or None."""
    last = min(tb.decision, len(history) - 1)
    if last < 0:
        return None
    act = tb.activity[: last + 1]                                   # (rounds, M)
    peak = act.max(axis=0)
    late = np.zeros(tb.M, np.int64)
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
            if mistimed(act[r, m], peak[m]):
                late[m] += 1
                by_benefit[m, tb.benefit_ids.index(a.benefit)] += 1
    share = np.divide(late, pitched, out=np.zeros(tb.M), where=pitched > 0)
    score = np.where((late >= MISTIMED_MIN) & (share >= MISTIMED_SHARE), late * share * tb.weight, 0.0)
    if not score.any():
        return None
    m = int(np.argmax(score))
    return m, int(np.argmax(by_benefit[m])), int(np.argmax(act[:, m])), int(late[m])


def unasked_discounts(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]],
                      price_care: np.ndarray) -> tuple[int, int]:
    """(discounts given before any present price-minded member had been asked, the weightiest such member's
    row or -1): a concession moves only someone who told you what they need (effects.discount_delta).
    Price-minded as the rule judges it (``discount_care``) on ``price_care`` (M,), the game's final care
    for price-kind benefits; a colleague's relay (inside_view.py) is not replayed here, so a discount it
    made count may still be listed."""
    minded = st.present[0] & (price_care >= tb.params.discount_care)
    if not minded.any():
        return 0, -1
    names = {tb.member_ids[m] for m in np.flatnonzero(minded)}
    asked: set[str] = set()
    count = 0
    for plan in history[: tb.decision + 1]:
        for a in plan:
            if a.kind == "ask":
                asked.add(a.member)
            elif a.kind == "discount" and not (names & asked):
                count += 1
    return count, int(np.argmax(np.where(minded, tb.weight, -1.0)))


def worked(st: BatchState) -> np.ndarray:
    """(M,) members the player worked before the decision (service after the sale is in st.engaged too)."""
    return (st.asks[0] > 0) | (st.pitch_count[0].sum(axis=1) > 0) | (st.shown[0] > 0) | st.referred[0]


def in_game(st: BatchState, tb: Tables, history: Sequence[Sequence[Action]]) -> list[tuple[float, Message]]:
    """Every mistake of a finished game with its weight (from ``CAUSE`` up: a cause, above any symptom; the
    larger, the more decisive; a single blind pitch or a lesser member missed weigh less), for the advice."""
    p = tb.params
    ids, bids = tb.member_ids, tb.benefit_ids
    present = st.present[0]
    engaged = worked(st)
    out: list[tuple[float, Message]] = []
    gate = st.gate[0]
    keeper_cold = np.where(gate >= 0, ~engaged[np.maximum(gate, 0)], False)     # the gatekeeper never worked
    gated = present & (gate >= 0) & ~engaged & (st.locked[0] | keeper_cold)
    for m in np.flatnonzero(gated).tolist()[:1]:
        out.append((CAUSE + 1.0 + float(tb.weight[m]), msg("advice.gatekeeper", member=ids[m],
                                                             gatekeeper=ids[int(gate[m])])))
    vetoer = can_veto(tb.decider, tb.influence, p)
    heavy = present & ~engaged & ~gated & (vetoer | can_stall(tb.weight, p))
    if heavy.any():
        m = int(np.argmax(np.where(heavy, tb.weight * (1 + vetoer), -1.0)))
        key = "advice.missed_veto" if vetoer[m] else "advice.missed_stall"
        out.append((CAUSE + 1.0 + float(tb.weight[m]), msg(key, member=ids[m])))
    light = present & ~engaged & ~gated & ~heavy & (tb.influence >= p.coverage_influence)
    if light.any():                 # a lesser cause: someone who counts, though not alone
        m = int(np.argmax(np.where(light, tb.influence, -1.0)))
        out.append((0.8 + float(tb.influence[m]), msg("advice.missed_member", member=ids[m])))
    blind = st.blind[0]
    if blind.sum() > 0:             # one blind pitch is a slip, two or more a habit
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
    if steps and not (present & cares(price_care, p)).any():
        out.append((CAUSE + 0.6 + 0.2 * steps, msg("advice.discount_unneeded", count=steps)))
    elif steps:
        count, m = unasked_discounts(st, tb, history, price_care)
        if count:
            out.append((CAUSE + 0.6 + 0.2 * count, msg("advice.discount_unasked", member=ids[m], count=count)))
    if st.outcome[0] == WON and tb.post_sale_rounds > 0 and st.rung[0] <= CUSTOMER_RUNG:
        out.append((CAUSE + 0.5, msg("advice.neglected_service", rung=int(st.rung[0]))))
    return out
