"""The practice plan: after each game, the next step from the learner's weak parts.

    step = suggest(progress, scenarios)     # a PlanStep: message key + params
    step.key, step.params, step.kind

The rules, first that applies:

1. no game yet: play the guided first deal (the tutorial);
2. a mistake that keeps coming back (:meth:`Progress.recurring`):
   pitching what people do not value -> the matrix drill on the role they mismatch most;
   a gatekeeper keeping them out -> a scenario with a gatekeeper;
   pitching before asking -> a deal where they ask every member first;
3. the expert's level is in reach (mean of the last three scores ≥ ``EXPERT_REACH``)
   -> the next harder difficulty;
4. otherwise the weakest score part over the last games (the relationship,
   built after a sale, only when one of them was won).

``difficulty_for`` gives the difficulty that fits the learner's record: it rises
with their recent scores.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from game.practice.progress import Progress

DIFFICULTIES = ("easy", "normal", "hard")
#: a mean score this high over the last games is near what the expert strategy scores
EXPERT_REACH = 800
#: mean recent score from which each difficulty fits
LEVEL_FLOORS = {"easy": 0, "normal": 450, "hard": 700}
RECENT = 3
#: games whose score parts name the weakest one
PART_WINDOW = 5


@dataclass(frozen=True)
class PlanStep:
    kind: str                  # "tutorial" | "drill" | "scenario" | "harder" | "part"
    key: str                   # message key (i18n), e.g. "plan.drill"
    params: dict = field(default_factory=dict)
    scenario_id: str | None = None
    difficulty: str | None = None


    @property
    def startable(self) -> bool:
        """Whether the step names something the debrief can start with one key (a drill, a scenario, the tutorial)."""
        return self.kind in ("tutorial", "drill") or (self.kind == "scenario" and self.scenario_id is not None)


@functools.lru_cache(maxsize=1)
def bundled_playable() -> tuple:
    """The bundled scenarios, loaded once (a step may name one); one that does not load is left out."""
    from game.scenario import ScenarioError, bundled_scenarios, load_scenario
    out = []
    for path in bundled_scenarios():
        try:
            out.append(load_scenario(path))
        except (ScenarioError, OSError, ValueError):
            continue
    return tuple(out)


def recent_mean(progress: Progress, n: int = RECENT) -> float | None:
    scores = progress.scores[-n:]
    return sum(scores) / len(scores) if scores else None


def difficulty_for(progress: Progress) -> str:
    """The hardest difficulty whose floor the learner's recent mean score reaches."""
    mean = recent_mean(progress)
    if mean is None:
        return "easy"
    return max((d for d in DIFFICULTIES if mean >= LEVEL_FLOORS[d]), key=DIFFICULTIES.index)


def weakest_role(progress: Progress) -> str | None:
    """The role with the lowest drill accuracy (None without drills)."""
    by_role: dict[str, list[int]] = {}
    for (role, _), stat in progress.drill_cells.items():
        right, total = by_role.setdefault(role, [0, 0])
        by_role[role] = [right + stat.right, total + stat.total]
    rated = [(right / total, role) for role, (right, total) in by_role.items() if total]
    return min(rated)[1] if rated else None


def suggest(progress: Progress, scenarios: list | None = None) -> PlanStep:
    """The next step for this learner. ``scenarios``: the playable ones (to name a fitting one)."""
    scenarios = list(scenarios or [])
    if not progress.games:
        return PlanStep("tutorial", "plan.tutorial")
    recurring = [k for k, _ in progress.recurring()]
    level = difficulty_for(progress)
    if "advice.irrelevant_pitch" in recurring or "advice.repeat_pitch" in recurring:
        role = weakest_role(progress) or "decider"
        return PlanStep("drill", "plan.drill", {"role": role})
    if "advice.gatekeeper" in recurring:
        fitting = [s for s in scenarios if any("gatekeeper" in m.roles for m in s.members)]
        fitting.sort(key=lambda s: (s.difficulty != level, s.id))
        if fitting:
            return PlanStep("scenario", "plan.gatekeeper", {"title": fitting[0].title}, fitting[0].id)
        return PlanStep("scenario", "plan.gatekeeper_any")
    if "advice.ask_first" in recurring:
        return PlanStep("part", "plan.ask_first")
    mean = recent_mean(progress)
    if mean is not None and mean >= EXPERT_REACH and len(progress.scores) >= RECENT:
        current = DIFFICULTIES.index(level)
        harder = DIFFICULTIES[min(len(DIFFICULTIES) - 1, current + 1)]
        return PlanStep("harder", "plan.harder", {"difficulty": harder}, difficulty=harder)
    weakest = progress.weakest_parts(PART_WINDOW)
    if not any(g.won for g in progress.games[-PART_WINDOW:]):     # no sale lately: no after-sale to practise,
        weakest = [pm for pm in weakest if pm[0] != "relationship"]  # winning comes first
    part = weakest[0][0] if weakest else "alignment"
    return PlanStep("part", f"plan.part.{part}", {"difficulty": level}, difficulty=level)
