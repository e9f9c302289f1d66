"""Is the score a valid leaderboard?  Every bundled scenario x every strategy of the ladder.

For each bundled scenario: N seeded games per strategy (default 2,000) through ``run_balance``, then
the checks of game/balance/validity.py: the order of mean scores matches the order of win rates
(Spearman >= 0.9), the oracle's mean score >= the expert's, and any two strategies whose win rates
differ by >= 10 points rank the same by score.  Prints a table per scenario; the last line is one
JSON object:
    {"scenarios": {id: {"difficulty", "strategies": {name: {win_rate, mean_score, ...}},
                        "checks": {check: [met, figure]}}}, "all_met": bool, "games": N, "seconds": s}
Usage: python benchmarks/score_validity.py [--games N] [--seed N]
"""
from __future__ import annotations

import argparse
import json
import time

from game.balance.simulate import run_balance
from game.balance.validity import leaderboard_checks
from game.scenario import bundled_scenarios, load_scenario

KEEP = ("win_rate", "loss_rate", "no_decision_rate", "mean_score")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    t0 = time.perf_counter()
    out: dict = {"scenarios": {}}
    all_met = True
    for path in bundled_scenarios():
        sc = load_scenario(path)
        summary = run_balance(sc, args.games, seed=args.seed).summary()
        checks = leaderboard_checks(summary)
        all_met &= all(ok for _, ok, _ in checks)
        out["scenarios"][sc.id] = {"difficulty": sc.difficulty,
                                   "strategies": {n: {k: r[k] for k in KEEP} for n, r in summary.items()},
                                   "checks": {c: [ok, f] for c, ok, f in checks}}
        print(f"\n{sc.id} ({sc.difficulty}), {args.games} games per strategy")
        print(f"  {'strategy':<11}{'win':>7}{'lost':>7}{'no dec':>8}{'score':>7}")
        for name, r in summary.items():
            print(f"  {name:<11}{r['win_rate']:>7.3f}{r['loss_rate']:>7.3f}{r['no_decision_rate']:>8.3f}"
                  f"{r['mean_score']:>7.0f}")
        for c, ok, f in checks:
            print(f"  [{'ok' if ok else 'FAIL'}] {c}: {f}")
    out["all_met"] = bool(all_met)
    out["games"] = args.games
    out["seconds"] = round(time.perf_counter() - t0, 1)
    print(f"\nall leaderboard checks met: {all_met}  ({out['seconds']} s)")
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()
