"""Controlled comparison: a mobilizer inside the account (DOMAIN 8), one link changed, the rest held.

For the bundled jit_parts_korean (whose SCM head speaks to the gated COO) and three unseen-style fixtures
(tests/fixtures/calibration/mobilizer/: the second decider speaks to the gated one), plays the ladder's
novice, expert and oracle with the link and without it (the same scenario with the links to gated members
removed), on the same seeds, and prints win rates with 95% intervals.  The novice ignores gatekeepers, so
without a mobilizer a gated decider is out of its reach for the whole deal.

    python benchmarks/mobilizer.py [--games 2000] [--seed 0]

Last line: one JSON object {scenario: {strategy: [win without, win with]}}.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import compile_tables  # noqa: E402
from game.engine.strategies import play_batch  # noqa: E402
from game.scenario import load_scenario, scenario_from_data  # noqa: E402

SCENARIOS = [ROOT / "game" / "content" / "scenarios" / "jit_parts_korean.yaml",
             *sorted((ROOT / "tests" / "fixtures" / "calibration" / "mobilizer").glob("*.yaml"))]
STRATEGIES = ("novice", "expert", "oracle")


def without_mobilizer(sc):
    """The same scenario without the links to gated members: each ``influences:`` list loses the members
    who have a gatekeeper (a list left empty is dropped; these scenarios write ``champions: listed``, so a
    member without a list speaks to nobody, as before the link was written).  Every other link stays."""
    data = sc.model_dump(mode="python", exclude_none=True)
    gated = {m["id"] for m in data["members"] if m.get("gated_by")}
    for m in data["members"]:
        kept = [x for x in m.get("influences", []) if x not in gated]
        if kept:
            m["influences"] = kept
        else:
            m.pop("influences", None)
    return scenario_from_data(data)


def interval(p: float, n: int) -> float:
    return 1.96 * math.sqrt(max(p * (1 - p), 1e-9) / n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    out: dict = {}
    for path in SCENARIOS:
        sc = load_scenario(path)
        pair = (compile_tables(without_mobilizer(sc)), compile_tables(sc))
        print(f"\n{sc.id} ({sc.difficulty}), {args.games} games: win rate without -> with the mobilizer")
        out[sc.id] = {}
        for name in STRATEGIES:
            rates = [float((play_batch(tb, name, args.seed, args.games).state.outcome == 0).mean()) for tb in pair]
            out[sc.id][name] = [round(r, 3) for r in rates]
            print(f"  {name:<8} {rates[0]:.3f} ± {interval(rates[0], args.games):.3f} -> "
                  f"{rates[1]:.3f} ± {interval(rates[1], args.games):.3f}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
