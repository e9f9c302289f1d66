"""Controlled what-if runs: why is a scenario harder than its label?

Each lever changes one thing in the scenario and replays the expert on the same seeded games (common random
numbers, as in ``simulate``), so the change in its win rate is the effect of that one thing alone:

* ``points``       enough action points before the decision for about ``POINTS_PER_MEMBER_MIN`` per member
                   (every stage up to the decision scaled alike; only where the scenario has fewer);
* ``gates``        every gatekeeper starts open to you (at the unlock stance, pinned), so whoever they guard can
                   be reached; the rivals still meet the gate as before (the unreachable decider);
* ``rivals``       no rival starts ahead: each rival's starting stance with a member at most the member's own;
* ``capabilities`` the vendor at least as capable as the best rival on every benefit.

Each lever brings the scenario up to what a fair deal has in that respect, so a lever that changes nothing
(enough points already, no gates, no rival ahead, no better rival) is not tried.

``lever_effects(tables, games, seed)`` returns ``[(lever, base rate, what-if rate), ...]`` for the levers that
would change something in this scenario, the largest effect first.  Nothing here does I/O.
"""
from __future__ import annotations

import math
from typing import Callable

from game.balance.simulate import play_strategy
from game.balance.targets import POINTS_PER_MEMBER_MIN
from game.engine.tables import Tables, compile_tables

#: games per what-if run (at most the run's own number of games)
WHAT_IF_GAMES = 1000
#: a lever whose what-if lifts the expert's win rate by less than this is not named as a cause
MIN_EFFECT = 0.05
MAX_STAGE_POINTS = 20          # the scenario format's ceiling for a stage's actions


def _people(d: dict) -> list[dict]:
    """Every member row of a scenario dict: the members and the successors events bring in."""
    return d["members"] + [e["successor"] for e in d.get("events", []) if e.get("successor")]


def more_points(d: dict, unlock: float) -> bool:
    decision = next((i for i, s in enumerate(d["stages"]) if s.get("decision")), len(d["stages"]) - 1)
    pre = d["stages"][: decision + 1]
    have = sum(s.get("actions", 4) for s in pre)
    need = POINTS_PER_MEMBER_MIN * len(d["members"])
    if have >= need:
        return False
    changed = False
    for s in pre:
        before = s.get("actions", 4)
        s["actions"] = min(MAX_STAGE_POINTS, math.ceil(before * need / have))
        changed |= s["actions"] != before
    return changed


def open_gates(d: dict, unlock: float) -> bool:
    people = _people(d)
    keepers = {m["gated_by"] for m in people if m.get("gated_by")}
    changed = False
    for m in people:
        if m["id"] in keepers and m.get("stance", 0.0) < unlock:
            m["stance"] = unlock
            m["pin"] = sorted(set(m.get("pin", ())) | {"stance"})
            changed = True
    return changed


def level_rivals(d: dict, unlock: float) -> bool:
    own = {m["id"]: m.get("stance", 0.0) for m in _people(d)}
    changed = False
    for c in d.get("competitors", []):
        stance = c.get("stance", {})
        for mid, v in stance.items():
            if v > own.get(mid, 0.0):
                stance[mid] = own.get(mid, 0.0)
                changed = True
    return changed


def match_capabilities(d: dict, unlock: float) -> bool:
    caps = d["vendor"].setdefault("capabilities", {})
    changed = False
    for c in d.get("competitors", []):
        for b, v in c.get("capabilities", {}).items():
            if v > caps.get(b, 0.0):
                caps[b] = v
                changed = True
    return changed


LEVERS: dict[str, Callable[[dict, float], bool]] = {
    "points": more_points, "gates": open_gates, "rivals": level_rivals, "capabilities": match_capabilities,
}


def changed_tables(tb: Tables, lever: str) -> Tables | None:
    """The tables of the scenario with one lever pulled, or None when the lever changes nothing here."""
    from game.scenario import scenario_from_data
    d = tb.scenario.model_dump(mode="json", exclude_none=True)
    if not LEVERS[lever](d, tb.params.unlock_threshold):
        return None
    return compile_tables(scenario_from_data(d), tb.params)


def lever_effects(tb: Tables, games: int, seed: int, strategy: str = "expert") -> list[tuple[str, float, float]]:
    """``(lever, base win rate, what-if win rate)`` for each lever that changes this scenario, largest lift
    first; all runs play the same ``min(games, WHAT_IF_GAMES)`` seeded games."""
    n = max(1, min(games, WHAT_IF_GAMES))
    base = play_strategy(tb, strategy, seed, n).rate(0)
    out = []
    for lever in LEVERS:
        changed = changed_tables(tb, lever)
        if changed is not None:
            out.append((lever, base, play_strategy(changed, strategy, seed, n).rate(0)))
    return sorted(out, key=lambda e: -(e[2] - e[1]))
