"""The deal being played: a thin holder around ``game.engine.Game``.

It keeps what the scenes share (scenario, seed, names, the last step result)
and never decides a rule: legality and its reason come from ``Game.refusal``
(a message key with parameters, translated by the catalog) and every effect
from ``Game.step``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.engine import Game
from game.ui.i18n import Names


def fresh_seed() -> int:
    """A new, short seed that a trainer can read out to a class."""
    return int(np.random.SeedSequence().entropy % 1_000_000)


@dataclass
class Deal:
    scenario: object
    seed: int
    game: object = None
    names: Names = None
    results: list = field(default_factory=list)
    observation: object = None

    def __post_init__(self) -> None:
        self.game = Game(self.scenario)
        self.observation = self.game.reset(seed=self.seed)
        self.names = Names(self.scenario)
        for m in self.observation.members:
            self.names.members.setdefault(m.id, m.name)
            self.names.titles.setdefault(m.id, m.title)
        for r in self.observation.rivals:
            self.names.rivals.setdefault(r.id, r.name)

    def check(self, actions) -> str | None:
        """The engine's reason in English (for logs and autoplay); the board translates ``refusal``."""
        return self.game.check(list(actions))

    def refusal(self, actions):
        """None if ``actions`` are a legal plan for this round, else the engine's Refusal (key + params)."""
        return self.game.refusal(list(actions))

    def step(self, actions):
        previous = self.observation
        result = self.game.step(list(actions))
        self.results.append((previous, tuple(actions), result))
        self.observation = result.observation
        for m in self.observation.members:      # successors arrive during the game
            self.names.members.setdefault(m.id, m.name)
            self.names.titles.setdefault(m.id, m.title)
        return result

    def undo_refusal(self):
        """None if the last round can be taken back, else the engine's Refusal (``Game.undo_refusal``)."""
        return self.game.undo_refusal()

    def undo_round(self):
        """Take back the last round (``Game.undo_round``: the state a fresh replay gives)."""
        self.observation = self.game.undo_round()
        del self.results[len(self.game.history):]
        return self.observation

    @property
    def done(self) -> bool:
        return self.game.done

    def debrief(self):
        return self.game.debrief()

    def again(self, same_seed: bool) -> "Deal":
        return Deal(self.scenario, self.seed if same_seed else fresh_seed())
