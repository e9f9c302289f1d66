"""Full-size calibration check: every bundled scenario x every strategy, plus the stakeholder curve.

For each bundled scenario: N games per strategy (default 10,000) and the
issue-4 targets (game/balance/targets.py); the same for the unseen-style
scenarios in tests/fixtures/calibration/ (reported apart: they check that
the calibration is not fitted to the bundled four).  Then scenario families
with 1..6 members: generated ones (game/balance/families.py) and hand-written
ones (tests/fixtures/calibration/families/): the greedy purchase rate
(1 - no-decision rate) per group size.  Prints tables; the last line is one
JSON object with every figure:
    {"scenarios": {id: {"difficulty", "strategies": {name: summary}, "targets": {target: [met, figure]}}},
     "unseen": {same for the unseen-style scenarios},
     "families": {"industry/profile/seed" or "file:name": [purchase rate for 1..6 members]},
     "all_targets_met": bool (bundled scenarios and every family), "unseen_targets_met": bool}
Usage: python benchmarks/calibration.py [--games N] [--family-games N] [--seed N] [--families all|bundled]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


from game.balance.families import INDUSTRIES, PROFILES, family, family_from_file
from game.balance.simulate import run_balance
from game.balance.targets import PURCHASE_ONE, PURCHASE_SIX, check_targets
from game.engine import compile_tables
from game.engine.strategies import play_batch
from game.scenario import bundled_scenarios, load_scenario


def curve_ok(curve: list[float]) -> bool:
    """About 0.8 with one member, about 0.3 with six, falling on the whole."""
    return (abs(curve[0] - PURCHASE_ONE) <= 0.12 and abs(curve[-1] - PURCHASE_SIX) <= 0.12
            and all(b <= a + 0.05 for a, b in zip(curve, curve[1:])))


CALIBRATION = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "calibration"


def scenario_block(sc, args, into: dict) -> bool:
    """Run one scenario, print its table and targets, store the figures in ``into``; True if all targets met."""
    summary = run_balance(sc, args.games, seed=args.seed).summary()
    targets = check_targets(summary, sc.difficulty)
    into[sc.id] = {"difficulty": sc.difficulty, "strategies": summary,
                   "targets": {t: [ok, f] for t, ok, f in targets}}
    print(f"\n{sc.id} ({sc.difficulty}), {args.games} games per strategy")
    print(f"  {'strategy':<11}{'win':>7}{'lost':>7}{'no dec':>8}{'score':>7}")
    for name, r in summary.items():
        print(f"  {name:<11}{r['win_rate']:>7.3f}{r['loss_rate']:>7.3f}{r['no_decision_rate']:>8.3f}"
              f"{r['mean_score']:>7.0f}")
    for t, ok, f in targets:
        print(f"  [{'ok' if ok else 'FAIL'}] {t}: {f}")
    return all(ok for _, ok, _ in targets)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=10_000)
    ap.add_argument("--family-games", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--family-seeds", type=int, default=2, help="seeds per industry/profile family")
    args = ap.parse_args()
    t0 = time.perf_counter()
    out: dict = {"scenarios": {}, "families": {}}
    all_ok = True
    for path in bundled_scenarios():
        ok = scenario_block(load_scenario(path), args, out["scenarios"])
        all_ok &= ok
    unseen_ok = True
    out["unseen"] = {}
    print("\n--- unseen-style scenarios (tests/fixtures/calibration/) ---")
    for path in sorted((CALIBRATION).glob("*.yaml")):
        unseen_ok &= scenario_block(load_scenario(path), args, out["unseen"])
    print(f"\nstakeholder curve: greedy purchase rate (1 - no decision) with 1..6 members, "
          f"{args.family_games} games each; target about {PURCHASE_ONE} -> {PURCHASE_SIX}")
    for industry in INDUSTRIES:
        for profile in PROFILES:
            for seed in range(args.family_seeds):
                curve = []
                for n, sc in family(industry, profile, seed).items():
                    o = play_batch(compile_tables(sc), "greedy", args.seed, args.family_games).state.outcome
                    curve.append(round(float(1 - (o == 2).mean()), 4))
                ok = curve_ok(curve)
                all_ok &= ok
                key = f"{industry}/{profile}/{seed}"
                out["families"][key] = curve
                print(f"  [{'ok' if ok else 'FAIL'}] {key:<26}" + " ".join(f"{c:.2f}" for c in curve))
    for path in sorted((CALIBRATION / "families").glob("*.yaml")):
        curve = [round(float(1 - (play_batch(compile_tables(sc), "greedy", args.seed, args.family_games)
                                   .state.outcome == 2).mean()), 4) for sc in family_from_file(path).values()]
        ok = curve_ok(curve)
        all_ok &= ok
        key = f"file:{path.stem}"
        out["families"][key] = curve
        print(f"  [{'ok' if ok else 'FAIL'}] {key:<26}" + " ".join(f"{c:.2f}" for c in curve))
    out["all_targets_met"] = bool(all_ok)
    out["unseen_targets_met"] = bool(unseen_ok)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    print(f"\nall targets met (bundled + families): {all_ok}; unseen-style scenarios: {unseen_ok}  "
          f"({out['seconds']} s)")
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()
