"""A class of N results (default 40): how long ``b2bsim verify`` and ``b2bsim report``
take together, each as the trainer runs it (a fresh process, so imports count).

The results are games of the largest bundled scenario played to the end by a
mix of strategies (random, greedy, expert) on the session's seed.  Making
them is not timed.  The last line is one JSON object:
    {"results": 40, "verify_s": ..., "report_s": ..., "total_s": ..., "target_s": 10, "scenario": ...}
Usage: python benchmarks/session_bench.py [--results N] [--scenario FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game.engine.strategies import play_single
from game.scenario import bundled_scenarios
from game.session import new_session, read_session, result_from_game, scenario_of, write_json, write_result
from game.scenario import load_scenario_text

ROOT = Path(__file__).resolve().parent.parent
STRATEGIES = ("random", "greedy", "expert")


def timed(*argv: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "game", *argv], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"b2bsim {argv[0]} failed: {run.stdout[-500:]} {run.stderr[-500:]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", type=int, default=40)
    ap.add_argument("--scenario", default=None, help="default: the bundled scenario with the most members")
    args = ap.parse_args()
    if args.scenario:
        path = Path(args.scenario)
    else:
        path = max(bundled_scenarios(), key=lambda p: p.read_text(encoding="utf-8").count("\n  - id:"))
    text = path.read_text(encoding="utf-8")
    scenario = load_scenario_text(text, str(path))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        session_file = tmp / "class.session.json"
        write_json(session_file, new_session(text, scenario, seed=2026, title="benchmark class"))
        session = read_session(session_file)
        game_scenario = scenario_of(session.scenario, str(session_file))
        results = []
        for n in range(args.results):
            game = play_single(game_scenario, STRATEGIES[n % 3], session.seed)
            results.append(str(write_result(tmp / "results", result_from_game(
                session, game, player=f"Player {n + 1:02d}", team=f"Team {n % 8 + 1}"))))
        verify_s = timed("verify", *results, "--session", str(session_file))
        report_s = timed("report", *results, "--session", str(session_file), "--out", str(tmp / "report"))
    total = verify_s + report_s
    print(f"{args.results} results of {path.name}: verify {verify_s:.2f} s, report {report_s:.2f} s, "
          f"together {total:.2f} s (target 10 s)")
    print(json.dumps({"results": args.results, "verify_s": round(verify_s, 3), "report_s": round(report_s, 3),
                      "total_s": round(total, 3), "target_s": 10, "scenario": path.name}))


if __name__ == "__main__":
    main()
