"""The matrix drill's rules: pure Python + numpy, no pygame, no I/O.

The source material's own game idea: benefits in one column, buying-center
members in the other, and the player connects each member to what that member
cares about, against the clock.  The answer key is the (hidden) priorities of
the drill's own customer: drawn from the drill's seed around the scenario's
priorities with the engine's rule (``game.engine.customer``, the scenario's
``variation``), so a drill never gives away the next game's matrix:

* ``care(m, b)`` = the member's weight on benefit ``b`` divided by their
  largest weight (0..1); 0 when they do not care at all.
* every member takes at most ``picks(m) = min(3, number of benefits they care
  about)`` links; a link scores ``round(100 * care)`` points, a link to a
  benefit they do not care about costs ``MISS_POINTS``.
* ``possible`` = the points of the best possible links (each member's top
  ``picks(m)`` benefits).  ``accuracy = max(0, points) / possible``.
* the score out of 1000 is ``1000 * accuracy * (BASE + TIME_SHARE * time_left
  / time_limit)`` with BASE + TIME_SHARE = 1: speed only counts for answers
  that are right.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.customer import draw_customer
from game.engine.tables import compile_tables

MAX_PICKS = 3
MISS_POINTS = -30
STRONG = 0.75          # care at or above this is a top priority
SECONDS_PER_MEMBER = 12.0
MIN_SECONDS = 45.0
BASE = 0.85
TIME_SHARE = 0.15
GRADES = ((900, "S"), (800, "A"), (650, "B"), (500, "C"), (350, "D"), (0, "F"))


@dataclass(frozen=True)
class DrillSetup:
    members: tuple[str, ...]                  # member ids, in display order (shuffled)
    benefits: tuple[str, ...]                 # benefit ids, in display order (shuffled)
    care: tuple[tuple[float, ...], ...]       # member x benefit (display orders), 0..1
    picks: tuple[int, ...]                    # links each member may take
    time_limit: float                         # seconds

    def care_of(self, member: str, benefit: str) -> float:
        return self.care[self.members.index(member)][self.benefits.index(benefit)]

    def picks_of(self, member: str) -> int:
        return self.picks[self.members.index(member)]

    def answer(self, member: str) -> tuple[str, ...]:
        """The member's best ``picks`` benefits, most important first."""
        row = self.care[self.members.index(member)]
        order = sorted(range(len(row)), key=lambda j: (-row[j], j))
        return tuple(self.benefits[j] for j in order[: self.picks_of(member)] if row[j] > 0)

    @property
    def possible(self) -> int:
        return sum(sum(points_for(self.care_of(m, b)) for b in self.answer(m)) for m in self.members)


@dataclass(frozen=True)
class Feedback:
    member: str
    benefit: str
    verdict: str          # "strong" | "some" | "miss" | "repeat" | "full"
    care: float
    points: int

    @property
    def accepted(self) -> bool:
        """False when the link was refused (already made, or no picks left)."""
        return self.verdict in ("strong", "some", "miss")


@dataclass(frozen=True)
class DrillScore:
    total: int            # 0..1000
    grade: str
    points: int
    possible: int
    accuracy: float       # 0..1
    hits: int
    misses: int


def points_for(care: float) -> int:
    return round(100 * care) if care > 0 else MISS_POINTS


def customer_priorities(scenario, seed: int) -> dict[str, dict[str, float]]:
    """member id -> benefit id -> weight of the customer drawn with ``seed`` (the engine's rule)."""
    tb = compile_tables(scenario)
    prio = draw_customer(tb, seed, 1)[0][0]
    return {m.id: {b: float(prio[i, j]) for j, b in enumerate(tb.benefit_ids)}
            for i, m in enumerate(scenario.members)}


def make_drill(scenario, rng: np.random.Generator) -> DrillSetup:
    """Shuffle both columns with ``rng``, draw the drill's customer from it and compute the answer key."""
    members = list(scenario.members)
    benefits = [b.id for b in scenario.benefits]
    m_order = rng.permutation(len(members))
    b_order = rng.permutation(len(benefits))
    members = [members[i] for i in m_order]
    benefits = [benefits[i] for i in b_order]
    weights = customer_priorities(scenario, int(rng.integers(0, 2**63 - 1)))
    care, picks = [], []
    for m in members:
        mine = weights[m.id]
        top = max((mine.get(b, 0.0) for b in benefits), default=0.0)
        row = tuple((mine.get(b, 0.0) / top) if top > 0 else 0.0 for b in benefits)
        care.append(row)
        picks.append(min(MAX_PICKS, sum(1 for v in row if v > 0)))
    limit = max(MIN_SECONDS, SECONDS_PER_MEMBER * len(members))
    return DrillSetup(tuple(m.id for m in members), tuple(benefits), tuple(care), tuple(picks), limit)


def judge(setup: DrillSetup, links: frozenset | set, member: str, benefit: str) -> Feedback:
    """The instant verdict on linking ``member`` to ``benefit`` given ``links``."""
    care = setup.care_of(member, benefit)
    if (member, benefit) in links:
        return Feedback(member, benefit, "repeat", care, 0)
    if sum(1 for m, _ in links if m == member) >= setup.picks_of(member):
        return Feedback(member, benefit, "full", care, 0)
    if care <= 0:
        return Feedback(member, benefit, "miss", care, MISS_POINTS)
    return Feedback(member, benefit, "strong" if care >= STRONG else "some", care, points_for(care))


def is_complete(setup: DrillSetup, links) -> bool:
    """Every member has used all their picks."""
    counts = {m: 0 for m in setup.members}
    for m, _ in links:
        counts[m] += 1
    return all(counts[m] >= setup.picks_of(m) for m in setup.members)


def score(setup: DrillSetup, links, time_left: float) -> DrillScore:
    points = sum(points_for(setup.care_of(m, b)) for m, b in links)
    hits = sum(1 for m, b in links if setup.care_of(m, b) > 0)
    possible = setup.possible
    accuracy = max(0, points) / possible if possible > 0 else 0.0
    accuracy = min(1.0, accuracy)
    speed = max(0.0, min(1.0, time_left / setup.time_limit)) if setup.time_limit > 0 else 0.0
    total = round(1000 * accuracy * (BASE + TIME_SHARE * speed))
    grade = next(g for floor, g in GRADES if total >= floor)
    return DrillScore(total, grade, points, possible, accuracy, hits, len(links) - hits)
