"""The coach: what an expert would not do in the round about to be played.

The rules are the seller's mistakes of :mod:`game.engine.mistakes`, read before the round ends from what the
player can know (the :class:`Observation` at the start of the round, and the planned actions), never the
hidden priorities; the debrief's advice names the same mistakes after the game (``mistakes.mistake_of``
maps a flag and a piece of advice to the mistake they name).

    flags = check_round(observation, actions)      # tuple of Message, most important first

Each flag is a :class:`Message` whose key names the mistake (the UI translates it):

* ``coach.pitch_unasked``     pitching to someone never asked (nothing of theirs is known yet);
* ``coach.pitch_uncared``     pitching a benefit the member is not known to care about, when what they care
  about is known (their top three or all of it, or their top one and nobody is known to want this benefit);
* ``coach.gatekeeper``        from the third round, an influential member still locked behind a gatekeeper
  you never worked, and the plan works neither;
* ``coach.missed_veto`` / ``coach.missed_stall``   in the decision round, a reachable member who can veto or
  stall the deal alone, never worked, left out of the plan;
* ``coach.stage_timing``      two or more pitches to a member barely involved in this stage, before the decision;
* ``coach.discount_unneeded`` a discount when nobody is known to care about price or cost;
* ``coach.neglected_service`` a round after the sale with no delivery, support, training or review;
* ``coach.stalled_member``    an influential member, reachable, against you or undecided after you worked on
  them, left out of this round's plan;
* ``coach.points_left``       action points left unspent before the decision while an affordable action remains.
"""
from __future__ import annotations

from collections.abc import Sequence

from game.engine.mistakes import COACH_KEYS, in_plan, known_benefits, pitch_unasked, pitch_uncared
from game.engine.params import Params
from game.engine.types import Action, MemberView, Message, Observation

#: a member whose influence is at least this share of the most influential one counts as influential
INFLUENTIAL_SHARE = 0.6
#: the rules in the order the coach shows them
RULES = COACH_KEYS

__all__ = ["RULES", "check_round", "known_benefits", "pitch_unasked", "pitch_uncared", "points_left",
           "review_rounds", "stalled_members"]


def _msg(key: str, **params) -> Message:
    return Message(key, tuple(sorted(params.items())))


def stalled_members(obs: Observation, actions: Sequence[Action], params: Params | None = None) -> list[MemberView]:
    """Influential, reachable members you already worked on who would rather do nothing than back you or
    any rival (their stance and the leading rival's both at or below the status quo, as the vote counts
    them), and whom this plan leaves out (pre-sale rounds after the first only).

    A member merely behind a rival is not "stalled": measured over seeds 0-39 of the bundled scenarios,
    the expert's plan won 51 of 104 such rounds and the same plan with one point moved to that member 39,
    so the coach does not tell the player to chase them."""
    if obs.phase != "pre_sale" or obs.round == 0:
        return []
    line = (params or Params()).status_quo
    top = max((m.influence for m in obs.members), default=0.0)
    aimed = {a.member for a in actions if a.member}
    return [m for m in obs.members
            if m.influence >= INFLUENTIAL_SHARE * top and not m.locked and m.engaged > 0
            and max(m.stance, m.rival_stance) <= line and m.id not in aimed and not m.blocker]


def points_left(obs: Observation, actions: Sequence[Action]) -> int:
    """Action points this plan leaves unspent before the decision when some legal action still fits (else 0).
    After the sale service costs margin, so keeping points can be the right policy for a low-potential
    account; a round with no service at all is ``coach.neglected_service``."""
    left = obs.points - sum(a.cost for a in actions)
    if left <= 0 or obs.phase != "pre_sale":
        return 0
    return left if any(a.cost <= left for a in obs.legal_actions) else 0


def check_round(obs: Observation, actions: Sequence[Action], params: Params | None = None) -> tuple[Message, ...]:
    """What an expert would not do in this plan, most important first (empty when nothing)."""
    flags = in_plan(obs, actions, params)
    for m in stalled_members(obs, actions, params)[:1]:
        flags.append(_msg("coach.stalled_member", member=m.id, stance=round(m.stance, 2)))
    left = points_left(obs, actions)
    if left:
        flags.append(_msg("coach.points_left", points=left))
    seen, out = set(), []
    for f in sorted(flags, key=lambda f: RULES.index(f.key)):
        if f.key not in seen:           # one flag per rule: the first instance says it
            seen.add(f.key)
            out.append(f)
    return tuple(out)


def review_rounds(observations: Sequence[Observation], rounds: Sequence[Sequence[Action]]) -> list[tuple[int, Message]]:
    """Every flag of a played game: ``observations[n]`` is what the player saw before round ``n``."""
    return [(n, f) for n, (obs, acts) in enumerate(zip(observations, rounds)) for f in check_round(obs, acts)]
