"""What the game was started with: an immutable value, replaced as a whole.

The command line builds one ``Launch``; a scene never edits it. Joining a
training session from the picker makes a new ``Launch`` (``joined``), which
the flow installs in one step.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable


@dataclass(frozen=True)
class Launch:
    scenario: Any = None              # a Scenario chosen on the command line, else the picker asks
    seed: int | None = None           # a seed chosen on the command line (or a session's)
    exit_at_end: bool = False         # close the window after the debrief / drill result
    on_deal_end: Callable | None = None   # a session's recorder: called with (app, game) when the deal ends
    hide_matrix: bool = False         # a session keeps the debrief matrix for the class debrief

    @property
    def title(self) -> str:
        return self.scenario.title if self.scenario is not None else ""

    def joined(self, seed: int, recorder: Callable, hide_matrix: bool) -> "Launch":
        """This launch, playing a training session's deal (its seed, its recorder)."""
        return replace(self, seed=seed, on_deal_end=recorder, hide_matrix=hide_matrix)
