"""Where ``play_strategy``'s pieces of work run: worker processes, threads, or the calling thread.

A piece is a call ``fn(tables, *args)`` whose result depends only on its
arguments (the balance tool's chunks and parts have their own seeds and
state), so where a piece runs never changes a result; ``ordered`` hands the
results back in the order of the pieces.

- **processes** (where the ``fork`` start method exists, macOS aside): numpy
  holds the GIL for the Python-level dispatch between its loops, so threads
  share one core much of the time; processes do not (games/s measured:
  ``simulate.WORKERS``).
  ``workers`` = the calling process and ``workers - 1`` forked processes: the
  caller plays pieces too (one process fewer to fork; after a fork, each side
  pays a page fault for every page it first writes: about 45 ms for the pusher's
  pieces of 5,000 games, a pool kept from run to run would not, but would
  hold the code and tables of its fork).  The pieces are taken in
  order by whoever is free: each process has one piece at a time, handed
  to it by a feeder thread of the caller.  The tables reach each process
  once, inherited through the fork (kept by the pool's initializer); a piece
  sends a few small arguments and gets back its per-game arrays.  Worker
  processes ignore Ctrl-C: the caller stops the pool (nothing new starts,
  the pieces in play finish), also when a piece raises or the caller stops
  reading results.
- **threads**, where processes are not available: no ``fork``, or a pool that
  cannot start (no semaphores, no processes allowed); a pool that loses a
  process has the caller play the rest.
- **the calling thread**, for one worker or one piece.
"""
from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, Sequence

_TABLES = None        # a worker process's tables, set once by its initializer


def can_fork() -> bool:
    """Worker processes are used only where they start by ``fork`` (cheap, nothing re-imported)."""
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def _keep(tables) -> None:
    """A worker process's initializer: keep the tables; Ctrl-C is for the parent (it stops the pool)."""
    global _TABLES
    _TABLES = tables
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call(fn: Callable, args: tuple):
    return fn(_TABLES, *args)


def ordered(fn: Callable, tables, pieces: Sequence[tuple], workers: int, processes: bool = True) -> Iterator:
    """``fn(tables, *args)`` for every ``args`` of ``pieces``, in that order, up to ``workers`` at a time
    (with processes when ``processes`` and the platform allows, else in threads; 1 worker: here).

    A generator: close it (``contextlib.closing``) to stop the work early; the pool always shuts down."""
    pieces = list(pieces)
    if workers <= 1 or len(pieces) <= 1:
        for args in pieces:
            yield fn(tables, *args)
        return
    pool = _processes(tables, workers - 1) if processes and can_fork() else None
    if pool is not None:
        yield from _shared(fn, tables, pieces, pool, workers - 1)
        return
    pool = ThreadPoolExecutor(min(workers, len(pieces)))
    try:
        yield from pool.map(lambda args: fn(tables, *args), pieces)
    finally:
        pool.shutdown(cancel_futures=True)


def _processes(tables, n: int) -> ProcessPoolExecutor | None:
    """A pool of ``n`` forked processes that keep ``tables``, started from this thread (so that no other
    thread of ours runs at the fork); None where processes cannot start."""
    pool = None
    try:
        pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_keep, initargs=(tables,))
        pool.submit(int).result()           # (the first submit forks every process)
        return pool
    except (OSError, NotImplementedError, ImportError, BrokenProcessPool):
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        return None


class _Board:
    """Which pieces are taken, and the results (or errors) of those played by the worker processes."""

    def __init__(self, n: int):
        self.lock = threading.Lock()
        self.next = 0                         # the first piece nobody has taken
        self.stop = False                     # no piece is taken any more (an error, or the caller stopped)
        self.result: list = [None] * n
        self.error: list = [None] * n
        self.ready = [threading.Event() for _ in range(n)]

    def take(self) -> int | None:
        with self.lock:
            if self.stop or self.next >= len(self.result):
                return None
            self.next += 1
            return self.next - 1


def _feed(fn: Callable, pieces: list, pool: ProcessPoolExecutor, board: _Board) -> None:
    """A feeder thread: hands one piece at a time to the pool (one process's share) until none is left."""
    while (i := board.take()) is not None:
        try:
            board.result[i] = pool.submit(_call, fn, pieces[i]).result()
        except BaseException as exc:          # the piece's error (or a lost process): the caller sees it
            board.error[i] = exc
            board.stop = True
        board.ready[i].set()


def _shared(fn: Callable, tables, pieces: list, pool: ProcessPoolExecutor, procs: int) -> Iterator:
    """``ordered`` on the caller and ``procs`` worker processes of ``pool``."""
    n = len(pieces)
    board = _Board(n)
    feeders = [threading.Thread(target=_feed, args=(fn, pieces, pool, board), daemon=True) for _ in range(procs)]
    try:
        for t in feeders:
            t.start()
        for i in range(n):
            while not board.ready[i].is_set():
                j = board.take()
                if j is not None:                    # a piece nobody has taken: play it here
                    board.result[j] = fn(tables, *pieces[j])
                    board.ready[j].set()
                elif i >= board.next:                # stopped before anyone took it (a lost process)
                    board.result[i] = fn(tables, *pieces[i])
                    board.ready[i].set()
                else:                                # a worker process plays it
                    board.ready[i].wait()
            if isinstance(board.error[i], BrokenProcessPool):     # a process died: play it here (same result)
                board.error[i] = None
                board.result[i] = fn(tables, *pieces[i])
            elif board.error[i] is not None:
                raise board.error[i]
            result, board.result[i] = board.result[i], None
            yield result
    finally:
        board.stop = True
        pool.shutdown(wait=True, cancel_futures=True)
        for t in feeders:
            t.join()
