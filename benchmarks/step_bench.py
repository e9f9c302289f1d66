"""Time Game.step on the largest bundled scenario (or the default-stage fixture when none exist).

Plays full games with a fixed, legal action plan per round (ask + pitch the
top known benefit of the most influential reachable members) and times every
step() call.  Prints figures; the last line is one JSON object:
    {"step_us_p50": ..., "step_us_p95": ..., "games_per_s": ..., "scenario": ..., "members": ..., "steps": ...}
Usage: python benchmarks/step_bench.py [--games N]
"""
from __future__ import annotations

import argparse
import json
import time

import numpy as np

from game.engine import Action, Game
from game.scenario import bundled_scenarios, load_scenario


def plan(game: Game) -> list[Action]:
    obs = game.observation
    if obs.phase == "post_sale":
        return [Action("deliver"), Action("support")][: obs.points]
    out: list[Action] = []
    reach = sorted((m for m in obs.members if not m.locked), key=lambda m: -m.influence)
    for m in reach:
        nxt = [Action("ask", m.id)] if m.revealed < 2 else []
        if m.known_priorities:
            nxt.append(Action("pitch", m.id, m.known_priorities[0][0]))
        for a in nxt:
            if game.check(out + [a]) is None:
                out.append(a)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=300)
    args = ap.parse_args()
    paths = bundled_scenarios()
    scenarios = [load_scenario(p) for p in paths]
    sc = max(scenarios, key=lambda s: len(s.members))
    times: list[float] = []
    t_games = time.perf_counter()
    for seed in range(args.games):
        game = Game(sc)
        game.reset(seed=seed)
        while not game.done:
            actions = plan(game)
            t0 = time.perf_counter()
            game.step(actions)
            times.append(time.perf_counter() - t0)
    total = time.perf_counter() - t_games
    us = np.array(times) * 1e6
    result = {
        "step_us_p50": round(float(np.percentile(us, 50)), 1),
        "step_us_p95": round(float(np.percentile(us, 95)), 1),
        "games_per_s": round(args.games / total, 1),
        "scenario": sc.id, "members": len(sc.members), "steps": len(times),
    }
    print(f"scenario {sc.id} ({len(sc.members)} members), {args.games} games, {len(times)} steps")
    print(f"step p50 {result['step_us_p50']} us, p95 {result['step_us_p95']} us; "
          f"{result['games_per_s']} whole games/s including planning")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
