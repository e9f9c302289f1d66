"""Play N seeded games per baseline strategy and summarise them (no pygame, no I/O).

Games run in chunks of ``CHUNK`` on the batch engine; chunk c of a run with
seed s uses the game seed ``SeedSequence([s, c])`` for every strategy (common
random numbers: all strategies meet the same events and noise), so a result
depends only on (scenario, seed, games) and is identical in any process.
Chunks (and, for a strategy that ``splits_games``, parts of chunks: rows of
their games, each played exactly as in the whole chunk) are played ``WORKERS``
at a time, in worker processes for a run of ``PROCESSES_FROM`` games or more
(else, or where processes are not available, in threads; see ``workers``),
and gathered in order, so the number of workers and parts and where they run
never change a result.
"""
from __future__ import annotations

import os
from contextlib import closing
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from game.balance.workers import ordered
from game.engine.params import Params
from game.engine.postsale import account_type
from game.engine.state import LOST, NO_DECISION, WON
from game.engine.strategies import STRATEGIES, get_strategy
from game.engine.strategies.base import play_round
from game.engine.batch import BatchGame
from game.engine.tables import Tables, compile_tables
from game.engine.types import ACCOUNT_TYPES, ACTION_KINDS

CHUNK = 10_000


@dataclass
class StrategyRun:
    """What N games of one strategy produced (arrays over games)."""

    name: str
    outcome: np.ndarray            # (N,) 0 won, 1 lost, 2 no decision
    score: np.ndarray              # (N,) 0..1000
    pitches: np.ndarray            # (B,) player pitches per benefit, summed over games
    pivotal: np.ndarray            # (M,) games in which the member's vote decided the outcome
    present: np.ndarray            # (M,) games in which the member was present at the end
    engaged: np.ndarray            # (M,) games in which the player engaged the member
    actions: np.ndarray | None = None   # (N, len(ACTION_KINDS)) actions played per game and kind
    account: np.ndarray | None = None   # (N,) index into ACCOUNT_TYPES for won games, -1 otherwise

    @property
    def games(self) -> int:
        return len(self.outcome)

    def rate(self, code: int) -> float:
        return float((self.outcome == code).mean()) if self.games else 0.0

    def summary(self) -> dict:
        s = self.score
        return {
            "win_rate": round(self.rate(WON), 4),
            "loss_rate": round(self.rate(LOST), 4),
            "no_decision_rate": round(self.rate(NO_DECISION), 4),
            "mean_score": round(float(s.mean()), 1),
            "score_p10": int(np.percentile(s, 10)),
            "score_p50": int(np.percentile(s, 50)),
            "score_p90": int(np.percentile(s, 90)),
            "games": self.games,
            **self.action_mix(),
        }

    def action_mix(self) -> dict:
        """``action_use`` (share of games using each kind at least once), ``actions_per_game`` (mean count
        per kind) and ``account_types`` (share of won games ending in each account type)."""
        if self.actions is None or not self.games:
            return {}
        won = self.account[self.account >= 0] if self.account is not None else np.zeros(0, np.int64)
        return {
            "action_use": {k: round(float((self.actions[:, i] > 0).mean()), 4) for i, k in enumerate(ACTION_KINDS)},
            "actions_per_game": {k: round(float(self.actions[:, i].mean()), 3) for i, k in enumerate(ACTION_KINDS)},
            "account_types": {t: round(float((won == i).mean()), 4) if len(won) else 0.0
                              for i, t in enumerate(ACCOUNT_TYPES)},
        }


@dataclass
class BalanceRun:
    scenario_id: str
    difficulty: str
    seed: int
    tables: Tables
    runs: dict[str, StrategyRun] = field(default_factory=dict)

    def summary(self) -> dict:
        return {name: run.summary() for name, run in self.runs.items()}


def pivotal_votes(st, tb: Tables) -> np.ndarray:
    """(G,M) bool: the member's vote decided the outcome (moving it alone flips win / not win; vetoes aside)."""
    p = tb.params
    w = tb.weight * st.present
    total = np.maximum(w.sum(axis=1, keepdims=True), 1e-12)
    ours = st.backing == 0
    share = (w * ours).sum(axis=1, keepdims=True) / total
    won = (st.outcome == WON)[:, None]
    lose_it = won & ours & (share - w / total < p.consensus)
    win_it = ~won & ~ours & st.present & (share + w / total >= p.consensus) & (st.outcome >= 0)[:, None]
    return lose_it | win_it


def _play_chunk(tb: Tables, name: str, seed: int, chunk: int, n: int, rows: tuple | None = None) -> tuple:
    """Chunk ``chunk`` of a run: ``n`` games seeded ``SeedSequence([seed, chunk])`` played by a fresh
    ``name`` strategy with its own stream; returns what ``play_strategy`` gathers of it.  Chunks share
    nothing but the (read-only) tables, so they may run in any order or at the same time.

    ``rows`` = (first, end): only those games of the chunk (``BatchGame``'s rows), for a strategy that
    ``splits_games``: they play exactly as in the whole chunk."""
    strat = get_strategy(name)
    ss = np.random.SeedSequence([int(seed), chunk])
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), chunk, 0x5EED]))
    bg = BatchGame(tb, ss, n, rows)
    tally = np.zeros((bg.state.G, len(ACTION_KINDS)), np.int64)
    while not bg.done:
        play_round(bg.state, tb, strat, rng, tally=tally)
        bg.end_round()
    st = bg.state
    return (st.outcome.copy(), bg.scores(), tally, account_type(st, tb), st.pitch_count.sum(axis=(0, 1)),
            pivotal_votes(st, tb).sum(axis=0), st.present.sum(axis=0), (st.engaged > 0).sum(axis=0))


#: chunks (or parts of chunks, see PARTS) ``play_strategy`` plays at the same time by default: 2 on this
#: 2-core machine.  The pusher (the former greedy), hanbit, 50,000 games (benchmarks/engine_bench.py), quiet machine: one worker about
#: 70,000 games/s; 2 threads (numpy's Python-level dispatch holds the GIL) about 77,000-98,000; the caller and a
#: worker process (``workers.py``) about 112,000-127,000 (each run forks its process; both sides then pay a page
#: fault for every page they write, about 45 ms).  On a machine whose other core is busy neither helps
WORKERS = 2
#: a run of this many games or more plays its pieces with worker processes (10,000 pusher games: about 75,000
#: games/s against 63,000 in threads); a smaller one in threads
PROCESSES_FROM = 10_000
#: parts each chunk is played in (``BatchGame`` rows) when the strategy ``splits_games``: more pieces of work
#: than chunks, so that the workers stay busy to the end (5 chunks on 2 workers would leave one idle)
PARTS = 2


def _tasks(sizes: list[int], parts: int) -> list[tuple]:
    """(chunk, games, rows) of every piece of work, in chunk order; rows None = the whole chunk."""
    out = []
    for c, n in enumerate(sizes):
        k = max(1, min(parts, n))
        cuts = [n * i // k for i in range(k + 1)]
        out += [(c, n, None)] if k == 1 else [(c, n, (cuts[i], cuts[i + 1])) for i in range(k)]
    return out


def play_strategy(tb: Tables, name: str, seed: int, games: int,
                  tick: Callable[[int], None] | None = None, workers: int | None = None) -> StrategyRun:
    """``games`` games of strategy ``name`` in chunks of ``CHUNK`` (see the module's docstring).

    Up to ``workers`` (default ``WORKERS``) chunks are played at the same time (in processes from
    ``PROCESSES_FROM`` games, else in threads: ``workers.ordered``); every chunk has its own seeds, state and
    strategy and the results are gathered in chunk order, so the run is the same bit for bit with any number
    of workers, anywhere.  A strategy that ``splits_games`` has each chunk played in ``PARTS`` parts (rows of
    its games, each exactly as in the whole chunk), gathered in order too.  ``tick(n)`` is called in chunk
    order from the calling thread.
    """
    strat = get_strategy(name)                           # an unknown name fails here, before any worker
    sizes = [min(CHUNK, games - done) for done in range(0, games, CHUNK)]
    tasks = _tasks(sizes, PARTS if getattr(strat, "splits_games", False) else 1)
    if workers is None:                                  # (no more workers than the machine has cores)
        workers = min(WORKERS, os.cpu_count() or 1)
    workers = max(1, min(workers, len(tasks)))
    outs, scores, counts, accounts = [], [], [], []
    pitches = np.zeros(tb.B)
    pivotal = np.zeros(tb.M)
    present = np.zeros(tb.M)
    engaged = np.zeros(tb.M)
    pieces = [(name, seed, c, n, r) for c, n, r in tasks]
    with closing(ordered(_play_chunk, tb, pieces, workers, processes=games >= PROCESSES_FROM)) as parts:
        for (c, n, r), (outcome, score, tally, account, pitched, pivots, here, engaged_n) in zip(tasks, parts):
            outs.append(outcome)
            counts.append(tally)
            accounts.append(account)
            scores.append(score)
            pitches += pitched          # (whole counts, so adding a chunk's parts one by one gives the same sums)
            pivotal += pivots
            present += here
            engaged += engaged_n
            if tick is not None and (r is None or r[1] == n):      # a chunk's last part: the chunk is done
                tick(n)
    return StrategyRun(name, np.concatenate(outs), np.concatenate(scores), pitches, pivotal, present, engaged,
                       np.concatenate(counts), np.concatenate(accounts))


def run_balance(scenario, games: int, seed: int = 0, strategies: Sequence[str] | None = None,
                params: Params | None = None, tick: Callable[[int], None] | None = None) -> BalanceRun:
    """Every strategy (default: all, in STRATEGIES order) on ``games`` seeded games."""
    if games < 1:
        raise ValueError("games must be at least 1")
    tb = compile_tables(scenario, params)
    out = BalanceRun(scenario.id, scenario.difficulty, seed, tb)
    for name in strategies or tuple(STRATEGIES):
        out.runs[name] = play_strategy(tb, name, seed, games, tick)
    return out
