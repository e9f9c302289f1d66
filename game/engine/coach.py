"""The coach: what an expert would not do in the round about to be played.

One set of mistake rules, used by the coach before a round ends (the UI) and
available to the debrief after the game: every rule reads only what the player
can know (the :class:`Observation` at the start of the round, and the planned
actions), never the hidden priorities.

    flags = check_round(observation, actions)      # tuple of Message, most important first
    flags = review_game(game_factory_result...)    # see review_rounds

Each flag is a :class:`Message` whose key names the mistake (the UI and the
debrief translate it):

* ``coach.pitch_unasked``   pitching to someone never asked (nothing of theirs is known yet);
* ``coach.pitch_uncared``   pitching a benefit nobody is known to care about (all that
  member's priorities known and this one is not among them, or the benefit is in no
  one's known priorities while that member's are partly known);
* ``coach.stalled_member``  an influential member, reachable, against you or undecided
  after you worked on them, left out of this round's plan;
* ``coach.points_left``     action points left unspent while an affordable action remains.

The rules are plain functions of plain inputs so the debrief can call them on
its own records (``pitch_unasked(known)``, ``pitch_uncared(...)``, ...).
"""
from __future__ import annotations

from collections.abc import Sequence

from game.engine.types import Action, MemberView, Message, Observation

#: a member whose influence is at least this share of the most influential one counts as influential
INFLUENTIAL_SHARE = 0.6
#: stance at or below this is "not won yet" for the stalled-member rule
STALLED_STANCE = -0.1
#: the rules in the order the coach shows them
RULES = ("coach.pitch_unasked", "coach.pitch_uncared", "coach.stalled_member", "coach.points_left")

__all__ = ["RULES", "check_round", "pitch_unasked", "pitch_uncared", "points_left", "review_rounds",
           "stalled_members"]


def _msg(key: str, **params) -> Message:
    return Message(key, tuple(sorted(params.items())))


def known_benefits(member: MemberView) -> set[str]:
    return {b for b, w in member.known_priorities if w > 0}


def pitch_unasked(member: MemberView, asked_earlier: bool = False) -> bool:
    """A pitch to a member of whom nothing is known now (never asked, or what they said no longer
    holds), without asking them earlier in the same plan."""
    return not known_benefits(member) and not asked_earlier


def pitch_uncared(member: MemberView, benefit: str, everyone: Sequence[MemberView]) -> bool:
    """A pitch of a benefit the member is not known to care about, when what they care about is
    known: all of it (``revealed`` 3), or some of it and no one at all is known to want ``benefit``."""
    if member.revealed == 0 or benefit in known_benefits(member):
        return False
    if member.revealed >= 3:
        return True
    return not any(benefit in known_benefits(m) for m in everyone)


def stalled_members(obs: Observation, actions: Sequence[Action]) -> list[MemberView]:
    """Influential, reachable members you already worked on who are still not with you, and whom
    this plan leaves out (pre-sale rounds after the first only)."""
    if obs.phase != "pre_sale" or obs.round == 0:
        return []
    top = max((m.influence for m in obs.members), default=0.0)
    aimed = {a.member for a in actions if a.member}
    return [m for m in obs.members
            if m.influence >= INFLUENTIAL_SHARE * top and not m.locked and m.engaged > 0
            and m.stance <= STALLED_STANCE and m.id not in aimed and not m.blocker]


def points_left(obs: Observation, actions: Sequence[Action]) -> int:
    """Action points this plan leaves unspent when some legal action still fits (else 0)."""
    left = obs.points - sum(a.cost for a in actions)
    if left <= 0 or obs.phase == "over":
        return 0
    return left if any(a.cost <= left for a in obs.legal_actions) else 0


def check_round(obs: Observation, actions: Sequence[Action]) -> tuple[Message, ...]:
    """What an expert would not do in this plan, most important first (empty when nothing)."""
    by_id = {m.id: m for m in obs.members}
    flags: list[Message] = []
    asked: set[str] = set()
    for a in actions:
        if a.kind == "ask" and a.member:
            asked.add(a.member)
        if a.kind != "pitch" or a.member not in by_id:
            continue
        member = by_id[a.member]
        if a.member in asked:           # asked first in this very plan: the answer comes before the pitch
            continue
        if pitch_unasked(member):
            flags.append(_msg("coach.pitch_unasked", member=a.member, benefit=a.benefit))
        elif pitch_uncared(member, a.benefit, obs.members):
            flags.append(_msg("coach.pitch_uncared", member=a.member, benefit=a.benefit))
    for m in stalled_members(obs, actions)[:1]:
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
    """Every flag of a played game: ``observations[n]`` is what the player saw before round ``n``.

    The debrief can count these (e.g. how often ``coach.pitch_unasked`` came up) instead of
    keeping its own copy of the rules."""
    return [(n, f) for n, (obs, acts) in enumerate(zip(observations, rounds)) for f in check_round(obs, acts)]
