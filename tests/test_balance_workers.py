"""play_strategy plays its chunks in threads: the run is the same bit for bit with 1 or more workers."""
import numpy as np
import pytest

from game.balance import simulate
from game.engine import compile_tables
from game.scenario import bundled_scenarios, load_scenario

FIELDS = ("outcome", "score", "pitches", "pivotal", "present", "engaged", "actions", "account")


@pytest.mark.parametrize("strategy", ["greedy", "random", "expert"])
def test_workers_give_the_same_run(monkeypatch, strategy):
    monkeypatch.setattr(simulate, "CHUNK", 170)          # 5 chunks, the last one short
    tb = compile_tables(load_scenario(bundled_scenarios()[1]))
    runs, ticks = {}, {}
    for workers in (1, 2, 3):
        ticks[workers] = []
        runs[workers] = simulate.play_strategy(tb, strategy, 11, 770, tick=ticks[workers].append, workers=workers)
    for workers in (2, 3):
        assert ticks[workers] == [170, 170, 170, 170, 90]
        for f in FIELDS:
            assert np.array_equal(getattr(runs[1], f), getattr(runs[workers], f)), (strategy, workers, f)
    # the chunks differ from each other (each its own seeds): equal runs are not equal by accident
    assert not np.array_equal(runs[1].score[:170], runs[1].score[170:340])


def test_unknown_strategy_fails_before_any_thread():
    tb = compile_tables(load_scenario(bundled_scenarios()[0]))
    with pytest.raises(KeyError, match="unknown strategy"):
        simulate.play_strategy(tb, "nobody", 0, 25_000, workers=2)
