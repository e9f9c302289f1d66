"""Batch vs single-game speed: the default scenario played by ``pusher`` to the end, one process.

The pusher is the fixed workload (it was the ladder's ``greedy`` until issue 12; same code, same results).

Batch: what ``b2bsim balance`` runs — ``play_strategy``, which plays the
games on the batch engine in chunks of ``CHUNK`` (10,000) games, each in ``PARTS``
parts, ``WORKERS`` pieces at a time (the caller and forked worker processes, see
``game.balance.workers``; the pusher splits its chunks), and gathers
the report's statistics; one single ``play_batch`` of all games at once is
printed too (bigger arrays fall out of the CPU caches, so it is slower).  Single: the same strategy through
``plan_round`` + ``Game.step`` one game at a time (what the UI's autoplay
does).  Prints both side by side; the last line is one JSON object:
    {"batch_games_per_s": ..., "single_games_per_s": ..., "ratio": ..., "scenario": ..., "strategy": "pusher", ...}
``batch_games_per_s`` is the best of ``--repeats`` runs (each a fresh seed, the same work);
``batch_runs_games_per_s`` lists every run, so that a noisy shared machine shows as a spread.
Usage: python benchmarks/engine_bench.py [--batch-games N] [--single-games N] [--scenario FILE]
("default scenario" = the first bundled scenario, data_platform_hanbit.yaml.)
"""
from __future__ import annotations

import argparse
import json
import time

from game.engine import compile_tables
from game.balance.simulate import CHUNK, PARTS, WORKERS, play_strategy
from game.engine.strategies import play_batch, play_single
from game.scenario import bundled_scenarios, load_scenario


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch-games", type=int, default=50_000)
    ap.add_argument("--single-games", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3, help="batch runs; the best one counts")
    ap.add_argument("--scenario", default=None)
    ap.add_argument("--workers", type=int, default=None, help="pieces played at once (default: WORKERS)")
    args = ap.parse_args()
    path = args.scenario or bundled_scenarios()[0]
    sc = load_scenario(path)
    tb = compile_tables(sc)
    play_batch(tb, "pusher", 0, 500)                   # warm-up (imports, caches)
    best = one = float("inf")
    runs = []
    for r in range(args.repeats):
        t0 = time.perf_counter()
        play_strategy(tb, "pusher", 1 + r, args.batch_games, workers=args.workers)
        runs.append(time.perf_counter() - t0)
        best = min(best, runs[-1])
        t0 = time.perf_counter()
        play_batch(tb, "pusher", 1 + r, args.batch_games)
        one = min(one, time.perf_counter() - t0)
    batch = args.batch_games / best
    one_batch = args.batch_games / one
    t0 = time.perf_counter()
    for seed in range(args.single_games):
        play_single(sc, "pusher", seed)
    single = args.single_games / (time.perf_counter() - t0)
    result = {"batch_games_per_s": round(batch), "single_games_per_s": round(single, 1),
              "ratio": round(batch / single, 1), "scenario": sc.id, "strategy": "pusher",
              "batch_games": args.batch_games, "chunk": CHUNK,
              "parts": PARTS, "workers": WORKERS if args.workers is None else args.workers,
              "one_batch_games_per_s": round(one_batch), "single_games": args.single_games,
              "batch_runs_games_per_s": [round(args.batch_games / t) for t in runs]}
    print(f"scenario {sc.id}, strategy pusher")
    print(f"{'path':<8}{'games':>10}{'games/s':>12}")
    print(f"{'batch':<8}{args.batch_games:>10}{batch:>12.0f}   (b2bsim balance: chunks of {CHUNK} in {PARTS} parts, "
          f"{WORKERS if args.workers is None else args.workers} workers; best of "
          f"{args.repeats}: {', '.join(str(round(args.batch_games / t)) for t in runs)})")
    print(f"{'1 batch':<8}{args.batch_games:>10}{one_batch:>12.0f}   (all games in one array)")
    print(f"{'single':<8}{args.single_games:>10}{single:>12.1f}")
    print(f"batch / single = {batch / single:.0f}x  (targets: batch >= 100000 games/s, >= 50x single)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
