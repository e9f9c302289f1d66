"""``b2bsim balance SCENARIO [--games N] [--seed N] [--json]``: is the scenario winnable, fair, teaching?

Plays N seeded games per baseline strategy on the batch engine and prints a
table (or one JSON object keyed by strategy name with ``--json``); warnings
about the scenario go to stderr.  A progress bar shows on stderr when it is
a terminal.  Never imports pygame.

A big run (``--games`` of :data:`ESTIMATE_FROM` or more) is first measured on a
small sample of games on this machine: the command prints how long it will take
and how much memory it needs, and past :data:`MAX_SECONDS` or :data:`MAX_BYTES`
it stops unless ``--yes`` is given.
"""
from __future__ import annotations

import sys
import time
import tracemalloc

try:
    import resource                 # POSIX: the memory this process already uses
except ImportError:                 # Windows
    resource = None

from game.cli.terminal import safe, say
from game.scenario.loader import validate_file

#: runs with at least this many games per strategy are measured before they start
ESTIMATE_FROM = 50_000
#: games per strategy in the measuring sample
SAMPLE_GAMES = 1_000
#: above these estimates the run needs --yes
MAX_SECONDS = 10 * 60
MAX_BYTES = 2 * 1024 ** 3


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


def duration_text(seconds: float) -> str:
    """``about 40 seconds`` … ``about 5 days``."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 1.5 * size:
            n = round(seconds / size)
            return f"about {n:,} {unit}s"
    n = max(1, round(seconds))
    return f"about {n} second" + ("" if n == 1 else "s")


def size_text(n_bytes: float) -> str:
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2)):
        if n_bytes >= size:
            return f"{n_bytes / size:,.0f} {unit}" if n_bytes >= 10 * size else f"{n_bytes / size:.1f} {unit}"
    return f"{max(1, round(n_bytes / 1024))} kB"


def estimate(scenario, games: int) -> tuple[float, float, float]:
    """``(seconds, bytes, games per second)`` for ``games`` games per strategy,
    measured on this machine: every strategy first plays a few games (loading
    what it needs once), then :data:`SAMPLE_GAMES` timed games.

    Memory: every strategy keeps an outcome and a score per game; the last one
    is joined (a second copy) and its scores sorted for percentiles (a third);
    a chunk of games on the batch engine needs a working set, measured with
    tracemalloc on a sample of the expert strategy (the hungriest in steady use);
    and the process itself (Python, numpy) holds what it holds already."""
    from game.balance.simulate import CHUNK, play_strategy
    from game.engine.strategies import STRATEGIES
    from game.engine.tables import compile_tables

    tables = compile_tables(scenario)
    sample = min(SAMPLE_GAMES, games)
    seconds_per_game = 0.0
    kept_per_game = last_per_game = 0
    for name in STRATEGIES:
        play_strategy(tables, name, seed=1, games=10)                 # first use: imports, caches
        start = time.perf_counter()
        run = play_strategy(tables, name, seed=0, games=sample)
        seconds_per_game += (time.perf_counter() - start) / sample
        kept_per_game += run.outcome.itemsize + run.score.itemsize
        last_per_game = run.outcome.itemsize + 2 * run.score.itemsize
    probe = min(200, games)
    tracemalloc.start()
    try:
        play_strategy(tables, "expert", seed=0, games=probe)
        work_per_game = tracemalloc.get_traced_memory()[1] / probe
    finally:
        tracemalloc.stop()
    n_bytes = games * (kept_per_game + last_per_game) + min(games, CHUNK) * work_per_game + _in_use()
    return games * seconds_per_game, n_bytes, len(STRATEGIES) / seconds_per_game


def _in_use() -> int:
    """Bytes this process holds already (interpreter, numpy, the scenario), or 0 when unknown."""
    if resource is None:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def run(args) -> int:
    err = sys.stderr
    games = args.games
    if games is None or games < 1:
        print(f"b2bsim balance: --games must be a positive number of games per strategy, got {games}; "
              f"try --games 2000", file=err)
        return 1
    seed = getattr(args, "seed", 0)
    if seed is None or seed < 0:
        print(f"b2bsim balance: --seed {seed}: use a whole number of 0 or more, e.g. --seed 0", file=err)
        return 1
    try:
        scenario, diagnostics = validate_file(args.scenario)
    except Exception as exc:  # the loader should not raise, but a bug must never look like a crash
        say(f"{args.scenario}: could not read the scenario ({type(exc).__name__}: {exc})", file=err)
        return 1
    for d in diagnostics:
        if d.is_error:
            say(d, file=err)
    if scenario is None:
        say(f"b2bsim balance: fix the errors above in {args.scenario} and run the command again "
            f"('b2bsim validate {args.scenario}' lists them too)", file=err)
        return 1
    if games >= ESTIMATE_FROM:
        seconds, n_bytes, rate = estimate(scenario, games)
        print(f"b2bsim balance: {games:,} games per strategy will take {duration_text(seconds)} and need "
              f"about {size_text(n_bytes)} of memory (measured here: {rate:,.0f} games per second)", file=err)
        if (seconds > MAX_SECONDS or n_bytes > MAX_BYTES) and not getattr(args, "yes", False):
            print(f"b2bsim balance: that is more than {MAX_SECONDS // 60} minutes or "
                  f"{MAX_BYTES // 1024 ** 3} GB; add --yes to run it anyway, or use fewer games "
                  f"(--games 20000 gives rates within about ±1%)", file=err)
            return 1
    from game.balance import run_balance, to_json, to_table, warnings_for
    from game.engine.strategies import STRATEGIES
    bar = Progress(games * len(STRATEGIES))
    try:
        result = run_balance(scenario, games, seed=seed, tick=bar)
    finally:
        bar.close()
    print(to_json(result) if args.json else safe(to_table(result), keep_newlines=True))
    for w in warnings_for(result):
        say(f"warning: {w}", file=err)
    return 0
