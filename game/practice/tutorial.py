"""The guided first deal: the core loop taught step by step on a small bundled
scenario (``game/content/tutorial/first_deal.yaml``, not in the scenario list).

One step a round, each checked when the player ends the round — a plan that
makes the step's mistake is stopped with the explanation, so the step is
learnt before the next:

1. ``ask``        ask before you pitch (a pitch to someone not asked is stopped);
2. ``pitch``      listen, then pitch the benefit a person said they value, to that
                  person (the wrong benefit, or a benefit someone else wants, is stopped);
3. ``gatekeeper`` the owner is behind the office assistant: work on the gatekeeper
                  to open the door (or, once open, ask the owner);
4. ``decision``   the customer decides this round: reach the decider, spend every point.

The pitch rules (1-4) are the coach's (:mod:`game.engine.coach`).  No pygame and
no I/O beyond loading the bundled scenario.
"""
from __future__ import annotations

from collections.abc import Sequence

from game import CONTENT_DIR
from game.engine.coach import known_benefits, points_left
from game.engine.types import Action, Message, Observation
from game.scenario import load_scenario

TUTORIAL_PATH = CONTENT_DIR / "tutorial" / "first_deal.yaml"
TUTORIAL_SEED = 1
STEPS = ("ask", "pitch", "gatekeeper", "decision")


def _msg(key: str, **params) -> Message:
    return Message(key, tuple(sorted(params.items())))


def tutorial_scenario():
    return load_scenario(TUTORIAL_PATH)


def decider_and_gate(obs: Observation) -> tuple[str | None, str | None]:
    """The most influential decider and the gatekeeper guarding them (None if none)."""
    deciders = sorted((m for m in obs.members if "decider" in m.roles), key=lambda m: -m.influence)
    if not deciders:
        return None, None
    return deciders[0].id, deciders[0].gated_by


class Tutorial:
    """Where the learner is in the guided deal; ``check`` before a round, ``advance`` after it."""

    def __init__(self):
        self.step = 0
        self.heard: dict[str, list[str]] = {}      # what each member said they value, when last asked

    @property
    def current(self) -> str | None:
        return STEPS[self.step] if self.step < len(STEPS) else None

    @property
    def done(self) -> bool:
        return self.step >= len(STEPS)

    def goal(self, obs: Observation) -> Message:
        """What to do in this step (translated by the UI)."""
        decider, gate = decider_and_gate(obs)
        step = self.current or "done"
        if step == "gatekeeper" and decider and not obs.member(decider).locked:
            return _msg("tutorial.goal.gatekeeper_open", member=decider, gatekeeper=gate)
        return _msg(f"tutorial.goal.{step}", member=decider, gatekeeper=gate)

    def learn(self, obs: Observation) -> None:
        for m in obs.members:
            if known_benefits(m):
                self.heard[m.id] = [b for b, w in m.known_priorities if w > 0]

    # ------------------------------------------------------------ the checks
    def check(self, obs: Observation, actions: Sequence[Action]) -> Message | None:
        """The step's mistake in this plan (the explanation to show), or None when the step is done."""
        self.learn(obs)
        mistake = self.pitch_mistake(obs, actions)
        if mistake is not None:
            return mistake
        step = self.current
        aimed = {a.member for a in actions if a.member}
        decider, gate = decider_and_gate(obs)
        if step == "ask" and not any(a.kind == "ask" for a in actions):
            return _msg("tutorial.mistake.no_ask")
        if step == "pitch" and not any(a.kind == "pitch" for a in actions):
            return _msg("tutorial.mistake.no_pitch")
        if step == "gatekeeper" and decider:
            if obs.member(decider).locked and gate not in aimed and not any(a.kind == "refer" for a in actions):
                return _msg("tutorial.mistake.gatekeeper", member=decider, gatekeeper=gate)
            if not obs.member(decider).locked and decider not in aimed:
                return _msg("tutorial.mistake.decider_open", member=decider, gatekeeper=gate)
        if step == "decision":
            if decider and not obs.member(decider).locked and decider not in aimed:
                return _msg("tutorial.mistake.decider", member=decider)
            left = points_left(obs, actions)
            if left:
                return _msg("tutorial.mistake.points_left", points=left)
        return None

    @staticmethod
    def pitch_mistake(obs: Observation, actions: Sequence[Action]) -> Message | None:
        by_id = {m.id: m for m in obs.members}
        asked: set[str] = set()
        for a in actions:
            if a.kind == "ask":
                asked.add(a.member)
            if a.kind != "pitch" or a.member not in by_id or a.member in asked:
                continue
            member = by_id[a.member]
            if not known_benefits(member):
                return _msg("tutorial.mistake.pitch_unasked", member=a.member)
            if a.benefit not in known_benefits(member):
                other = next((m.id for m in obs.members if a.benefit in known_benefits(m)), None)
                if other is not None:
                    return _msg("tutorial.mistake.wrong_person", member=a.member, benefit=a.benefit)
                return _msg("tutorial.mistake.wrong_benefit", member=a.member, benefit=a.benefit)
        return None

    def advance(self) -> None:
        self.step += 1

    # ------------------------------------------------------------ a plan that passes (autoplay, "show me")
    def model_plan(self, obs: Observation) -> list[Action]:
        """A plan that does this step right (what the tutorial would do)."""
        self.learn(obs)
        decider, gate = decider_and_gate(obs)
        reachable = [m for m in sorted(obs.members, key=lambda m: -m.influence) if not m.locked]
        plan: list[Action] = []

        def ask_then_pitch(member_id: str) -> None:
            asked = Action("ask", member_id) in plan
            if len(plan) < obs.points and not known_benefits(obs.member(member_id)) and not asked:
                plan.append(Action("ask", member_id))
            wants = [b for b, w in obs.member(member_id).known_priorities if w > 0] or self.heard.get(member_id, [])
            if wants and len(plan) < obs.points:
                plan.append(Action("pitch", member_id, wants[0]))

        step = self.current
        if step == "ask":
            plan = [Action("ask", m.id) for m in reachable][: obs.points]
        elif step == "pitch":
            people = [m for m in reachable if known_benefits(m) and m.id != gate]
            for m in people * 2:
                if len(plan) < obs.points:
                    plan.append(Action("pitch", m.id, [b for b, w in m.known_priorities if w > 0][0]))
        else:
            first = decider if decider and not obs.member(decider).locked else gate
            for member_id in [first] + [m.id for m in reachable if m.id != first]:
                if member_id:
                    ask_then_pitch(member_id)
                    if member_id == first and member_id == gate:     # a gatekeeper takes two pitches
                        ask_then_pitch(member_id)
            for m in reachable:                          # points left: ask (always fine)
                if len(plan) < obs.points and not any(a.member == m.id for a in plan):
                    plan.append(Action("ask", m.id))
        return plan[: obs.points]
