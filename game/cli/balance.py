"""``b2bsim balance SCENARIO [--games N] [--seed N] [--json]``: is the scenario winnable, fair, teaching?

Plays N seeded games per baseline strategy on the batch engine and prints a
table (or one JSON object keyed by strategy name with ``--json``); warnings
about the scenario go to stderr.  A progress bar shows on stderr when it is
a terminal.  Never imports pygame.
"""
from __future__ import annotations

import sys
import time

from game.scenario.loader import validate_file


class Progress:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total = max(total, 1)
        self.done = 0
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.last = 0.0

    def __call__(self, n: int) -> None:
        self.done += n
        if not self.on:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        frac = self.done / self.total
        bar = "#" * int(30 * frac)
        self.stream.write(f"\rsimulating [{bar:<30}] {frac:4.0%}  {self.done}/{self.total} games")
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()


def run(args) -> int:
    err = sys.stderr
    games = args.games
    if games is None or games < 1:
        print(f"b2bsim balance: --games must be a positive number of games per strategy, got {games}; "
              f"try --games 2000", file=err)
        return 1
    try:
        scenario, diagnostics = validate_file(args.scenario)
    except Exception as exc:  # the loader should not raise, but a bug must never look like a crash
        print(f"{args.scenario}: could not read the scenario ({type(exc).__name__}: {exc})", file=err)
        return 1
    for d in diagnostics:
        if d.is_error:
            print(d, file=err)
    if scenario is None:
        print(f"b2bsim balance: fix the errors above in {args.scenario} and run the command again "
              f"('b2bsim validate {args.scenario}' lists them too)", file=err)
        return 1
    from game.balance import run_balance, to_json, to_table, warnings_for
    from game.engine.strategies import STRATEGIES
    bar = Progress(games * len(STRATEGIES))
    try:
        result = run_balance(scenario, games, seed=args.seed, tick=bar)
    finally:
        bar.close()
    print(to_json(result) if args.json else to_table(result))
    for w in warnings_for(result):
        print(f"warning: {w}", file=err)
    return 0
