"""What a learner's history says about their progress: plain numbers the
progress screen draws and tests check (no pygame, no file I/O beyond reading
the history through :mod:`game.practice.history`).

    progress = build_progress(load_history(folder))
    progress.scores            # each game's score, oldest first
    progress.trend("score")    # least-squares slope per game (> 0: getting better)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.engine.types import SCORE_PARTS
from game.practice.history import History

#: games in the rolling win rate
WIN_WINDOW = 5
#: advice that only says "keep going" is not a mistake to fix
GENERAL_ADVICE = frozenset({"advice.keep_listening", "advice.map_the_center", "advice.try_harder"})


@dataclass(frozen=True)
class GamePoint:
    number: int                 # 1 = the first game kept
    created: str
    scenario_id: str
    scenario_title: str
    score: int
    grade: str
    outcome: str
    parts: dict[str, float]
    coach: bool
    advice: tuple[str, ...]

    @property
    def won(self) -> bool:
        return self.outcome == "won"


@dataclass(frozen=True)
class ScenarioRecord:
    scenario_id: str
    title: str
    played: int
    best: int
    last: int
    wins: int


@dataclass(frozen=True)
class DrillCellStat:
    role: str
    benefit: str
    right: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Progress:
    games: list[GamePoint] = field(default_factory=list)
    drill_scores: list[int] = field(default_factory=list)
    drill_cells: dict[tuple[str, str], DrillCellStat] = field(default_factory=dict)
    benefit_names: dict[str, str] = field(default_factory=dict)     # benefit id -> its name in the drills
    skipped: list[str] = field(default_factory=list)

    # ------------------------------------------------------------ series
    @property
    def scores(self) -> list[int]:
        return [g.score for g in self.games]

    @property
    def win_rate(self) -> list[float]:
        """The share of games won among the last ``WIN_WINDOW`` up to each game (0..1)."""
        out = []
        for i in range(len(self.games)):
            window = self.games[max(0, i - WIN_WINDOW + 1): i + 1]
            out.append(sum(g.won for g in window) / len(window))
        return out

    @property
    def part_names(self) -> list[str]:
        seen = {k for g in self.games for k in g.parts}
        return [p for p in SCORE_PARTS if p in seen] + sorted(seen - set(SCORE_PARTS))

    def part(self, name: str) -> list[float]:
        """One score part over time (0..1), exactly as each result file holds it."""
        return [float(g.parts.get(name, 0.0)) for g in self.games]

    def series(self, name: str) -> list[float]:
        if name == "score":
            return [float(s) for s in self.scores]
        if name == "win_rate":
            return self.win_rate
        if name == "drill":
            return [float(s) for s in self.drill_scores]
        return self.part(name)

    def trend(self, name: str = "score") -> float:
        """Least-squares slope per game of a series (0 with fewer than two games)."""
        return slope(self.series(name))

    # ------------------------------------------------------------ summaries
    @property
    def per_scenario(self) -> list[ScenarioRecord]:
        """Best and last score per scenario, most played first."""
        groups: dict[str, list[GamePoint]] = {}
        for g in self.games:
            groups.setdefault(g.scenario_id, []).append(g)
        rows = [ScenarioRecord(sid, gs[-1].scenario_title, len(gs), max(x.score for x in gs), gs[-1].score,
                               sum(x.won for x in gs)) for sid, gs in groups.items()]
        return sorted(rows, key=lambda r: (-r.played, r.scenario_id))

    def recurring(self, recent: int = 10, at_least: int = 2) -> list[tuple[str, int]]:
        """Advice keys given in at least ``at_least`` of the last ``recent`` games, most frequent first."""
        counts = Counter(k for g in self.games[-recent:] for k in set(g.advice) if k not in GENERAL_ADVICE)
        return sorted(((k, n) for k, n in counts.items() if n >= at_least), key=lambda kn: (-kn[1], kn[0]))

    def weakest_parts(self, recent: int = 5) -> list[tuple[str, float]]:
        """Score parts by their mean over the last ``recent`` games, weakest first."""
        games = self.games[-recent:]
        if not games:
            return []
        means = [(p, sum(g.parts.get(p, 0.0) for g in games) / len(games)) for p in self.part_names]
        return sorted(means, key=lambda pm: (pm[1], pm[0]))

    @property
    def drill_roles(self) -> list[str]:
        return sorted({r for r, _ in self.drill_cells})

    @property
    def drill_benefits(self) -> list[str]:
        return sorted({b for _, b in self.drill_cells})


def slope(values: list[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    mx = (n - 1) / 2
    my = sum(values) / n
    num = sum((i - mx) * (v - my) for i, v in enumerate(values))
    den = sum((i - mx) ** 2 for i in range(n))
    return num / den


def build_progress(history: History) -> Progress:
    progress = Progress(skipped=list(history.skipped))
    games = [r for r in history.games if not (r.practice and r.practice.mode == "tutorial")]   # lessons, not practice
    for n, r in enumerate(games, 1):
        practice = r.practice
        progress.games.append(GamePoint(
            n, r.created, r.scenario_id, r.scenario.title, int(r.score.total), r.score.grade, r.outcome,
            dict(r.score.parts), bool(practice.coach) if practice else False,
            tuple(practice.advice) if practice else ()))
    right: Counter = Counter()
    total: Counter = Counter()
    for d in history.drills:
        progress.drill_scores.append(int(d.score.total))
        for cell in d.cells:
            key = (cell.role, cell.benefit)
            total[key] += 1
            right[key] += cell.result == "hit"
            progress.benefit_names.setdefault(cell.benefit, cell.benefit_name or cell.benefit)
    progress.drill_cells = {k: DrillCellStat(k[0], k[1], right[k], total[k]) for k in sorted(total)}
    return progress
