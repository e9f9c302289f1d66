"""play_strategy in worker processes (balance.workers): the same run bit for bit as in this thread, with the
fallbacks (no processes, a pool that will not start, a process that dies) and a clean stop on errors."""
import os
import threading
from contextlib import closing

import numpy as np
import pytest

from game.balance import simulate, workers
from game.engine import compile_tables
from game.scenario import bundled_scenarios, load_scenario

FIELDS = ("outcome", "score", "pitches", "pivotal", "present", "engaged", "actions", "account")
needs_fork = pytest.mark.skipif(not workers.can_fork(), reason="worker processes start by fork only")


@pytest.fixture(scope="module")
def tb():
    return compile_tables(load_scenario(bundled_scenarios()[0]))


def _same(a, b):
    for f in FIELDS:
        assert np.array_equal(getattr(a, f), getattr(b, f)), f
        assert getattr(a, f).dtype == getattr(b, f).dtype, f


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(simulate, "CHUNK", 170)          # 5 chunks, the last one short (10 parts for greedy)
    monkeypatch.setattr(simulate, "PROCESSES_FROM", 0)   # processes whatever the size


@needs_fork
@pytest.mark.parametrize("strategy", ["greedy", "random"])
def test_processes_give_the_same_run(tb, small_chunks, strategy):
    ticks = {}
    runs = {}
    for w in (1, 2, 3):
        ticks[w] = []
        runs[w] = simulate.play_strategy(tb, strategy, 11, 770, tick=ticks[w].append, workers=w)
    for w in (2, 3):
        assert ticks[w] == [170, 170, 170, 170, 90]
        _same(runs[1], runs[w])


def test_no_processes_plays_in_threads(tb, small_chunks, monkeypatch):
    one = simulate.play_strategy(tb, "greedy", 4, 700, workers=1)
    monkeypatch.setattr(workers, "can_fork", lambda: False)
    monkeypatch.setattr(workers, "_processes", lambda *a: pytest.fail("no process pool without fork"))
    _same(one, simulate.play_strategy(tb, "greedy", 4, 700, workers=2))


@needs_fork
def test_a_pool_that_cannot_start_falls_back_to_threads(tb, small_chunks, monkeypatch):
    one = simulate.play_strategy(tb, "greedy", 4, 700, workers=1)

    class NoPool:
        def __init__(self, *a, **k):
            raise OSError("no semaphores here")
    monkeypatch.setattr(workers, "ProcessPoolExecutor", NoPool)
    _same(one, simulate.play_strategy(tb, "greedy", 4, 700, workers=2))


def _die_in_worker(tables, i):
    if os.getpid() != _PARENT:
        os._exit(3)                                   # a worker process dies (as if killed)
    return i * 10


def _fail_at(tables, i):
    if i == 3:
        raise ValueError("piece 3 failed")
    return i


_PARENT = os.getpid()


@needs_fork
def test_a_dead_process_leaves_the_work_to_the_caller(tb):
    out = list(workers.ordered(_die_in_worker, tb, [(i,) for i in range(8)], 2))
    assert out == [i * 10 for i in range(8)]


@needs_fork
def test_an_error_in_a_piece_reaches_the_caller_and_the_pool_stops(tb):
    before = threading.active_count()
    with pytest.raises(ValueError, match="piece 3 failed"):
        list(workers.ordered(_fail_at, tb, [(i,) for i in range(8)], 3))
    assert threading.active_count() == before          # the feeders and the pool's threads are gone
    assert not __import__("multiprocessing").active_children()


@needs_fork
def test_stopping_early_shuts_the_pool_down(tb):
    before = threading.active_count()
    with closing(workers.ordered(_fail_at, tb, [(i,) for i in range(3)], 2)) as it:
        assert next(it) == 0
    assert threading.active_count() == before
    assert not __import__("multiprocessing").active_children()


@needs_fork
def test_ctrl_c_in_the_caller_stops_the_pool(tb, small_chunks):
    def tick(n):
        raise KeyboardInterrupt
    before = threading.active_count()
    with pytest.raises(KeyboardInterrupt):
        simulate.play_strategy(tb, "greedy", 4, 700, tick=tick, workers=2)
    assert threading.active_count() == before
    assert not __import__("multiprocessing").active_children()
