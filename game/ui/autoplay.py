"""Autoplay: a baseline strategy plays through the real scenes.

The driver only decides *what* a player would do; each scene turns that into
the key presses a person would make (``Scene.autoplay``), and the app posts
them into pygame's event queue.  So autoplay exercises the very input path of
a human player.
"""
from __future__ import annotations

import numpy as np

from game.engine.strategies import get_strategy, plan_round, strategy_rng


class AutoplayError(RuntimeError):
    """The strategy asked for an action the engine refuses: a bug, said out loud."""


class AutoplayDriver:
    def __init__(self, strategy: str = "random", seed: int | None = None, mode: str = "play"):
        self.strategy_name = strategy
        self.strategy = get_strategy(strategy)      # KeyError for an unknown name: the CLI checks first
        self.rng = strategy_rng(seed or 0)
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
        """The strategy's actions for this round (``plan_round``). Strategies
        plan only legal actions; one the engine refuses is a bug and stops
        the autoplay with the engine's reason instead of playing on at random."""
        plan = plan_round(deal.game, self.strategy, self.rng)
        refusal = deal.check(plan)
        if refusal is not None:
            raise AutoplayError(f"the {self.strategy_name} strategy planned an action the engine "
                                f"refuses: {refusal}")
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
