"""Autoplay: a baseline strategy plays through the real scenes.

The driver only decides *what* a player would do; each scene turns that into
the key presses a person would make (``Scene.autoplay``), and the app posts
them into pygame's event queue.  So autoplay exercises the very input path of
a human player.
"""
from __future__ import annotations

import numpy as np


class RandomStrategy:
    """Stand-in until ``game.engine.strategies`` exists: random legal actions
    within the points budget."""

    name = "random"

    def choose(self, observation, rng: np.random.Generator) -> list:
        legal = list(observation.legal_actions)
        plan, left = [], observation.points
        for i in rng.permutation(len(legal)):
            action = legal[int(i)]
            if action.cost <= left:
                plan.append(action)
                left -= action.cost
            if left <= 0:
                break
        return plan


class SensibleStrategy:
    """Stand-in for the stronger baselines until ``game.engine.strategies``
    exists: plays like a careful beginner, using only what the observation
    shows (ask first, then pitch what each member was seen to care about,
    most influential and most active members first)."""

    name = "sensible"

    def choose(self, observation, rng: np.random.Generator) -> list:
        legal = set(observation.legal_actions)
        left, plan = observation.points, []

        def add(action) -> bool:
            nonlocal left
            if action in legal and action.cost <= left and action not in plan:
                plan.append(action)
                left -= action.cost
                return True
            return False

        if observation.phase == "post_sale":
            kinds = ("deliver", "support", "train", "review")
            for a in sorted(legal, key=lambda a: (kinds.index(a.kind) if a.kind in kinds else 9,
                                                  a.member or "")):
                if left <= 0:
                    break
                if not any(p.kind == a.kind for p in plan) or len(plan) >= len(kinds):
                    add(a)
            return plan
        members = sorted(observation.members, key=lambda m: -(m.influence * (0.5 + m.activity)))
        caps = {b.id: b.capability for b in observation.benefits}
        for m in members:
            if m.locked:
                add(type(observation.legal_actions[0])("refer", m.id))
        for m in members:
            if left <= 0:
                break
            if m.revealed == 0 and not m.locked:
                add(type(observation.legal_actions[0])("ask", m.id))
        for m in members:
            if left <= 0:
                break
            if m.known_priorities and not m.locked:
                best = max(m.known_priorities, key=lambda kp: kp[1] * caps.get(kp[0], 0))
                add(type(observation.legal_actions[0])("pitch", m.id, best[0]))
        for a in sorted(legal, key=lambda a: (a.kind != "reference", a.kind != "demo")):
            if left <= 0:
                break
            if a.kind in ("reference", "demo"):
                add(a)
        return plan


def load_strategy(name: str):
    """The engine's baseline strategy ``name`` (``game.engine.strategies``);
    without that module, the random stand-in for "random" and the careful
    beginner for the others."""
    try:
        from game.engine.strategies import get_strategy
        return get_strategy(name)
    except (ImportError, KeyError):
        return RandomStrategy() if name == "random" else SensibleStrategy()


def strategy_rng(seed: int | None) -> np.random.Generator:
    """The strategy's random stream: the engine's own (so an autoplayed game
    equals ``play_single`` with the same seed) when it is available."""
    try:
        from game.engine.strategies import strategy_rng as engine_rng
        return engine_rng(seed or 0)
    except ImportError:
        return np.random.default_rng(np.random.SeedSequence([seed or 0, 0xA7]))


class AutoplayDriver:
    def __init__(self, strategy: str = "random", seed: int | None = None, mode: str = "play"):
        self.strategy_name = strategy
        self.strategy = load_strategy(strategy)
        self.rng = strategy_rng(seed)
        self.drill_rng = np.random.default_rng(np.random.SeedSequence([seed or 0, 0xD1]))
        self.mode = mode

    # ---------------------------------------------------------------- picker
    def pick_index(self, entries) -> int | None:
        for i, e in enumerate(entries):
            if e.scenario is not None:
                return i
        return None

    # ---------------------------------------------------------------- board
    def plan(self, deal) -> list:
        """The strategy's actions for this round, trimmed to a list the
        engine accepts (``Game.check``)."""
        obs = deal.observation
        planner = getattr(self.strategy, "plan_round", None)   # game.engine.strategies entry point
        try:
            wanted = list(planner(deal.game, self.rng) if planner else self.strategy.choose(obs, self.rng))
        except Exception:
            wanted = RandomStrategy().choose(obs, self.rng)
        plan: list = []
        for action in wanted:
            if deal.check(plan + [action]) is None:
                plan.append(action)
        return plan

    # ---------------------------------------------------------------- drill
    def drill_choice(self, setup, member: str, used: set) -> str:
        """Mostly right answers with some mistakes, so the demo shows both."""
        answer = [b for b in setup.answer(member) if b not in used]
        others = [b for b in setup.benefits if b not in used and b not in answer]
        if answer and (not others or self.drill_rng.random() < 0.75):
            return answer[0]
        return others[int(self.drill_rng.integers(len(others)))] if others else setup.benefits[0]

    def drill_rounds_done(self) -> bool:
        return True
