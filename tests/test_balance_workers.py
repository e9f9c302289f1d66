"""play_strategy plays its chunks in threads: the run is the same bit for bit with 1 or more workers."""
import numpy as np
import pytest

from game.balance import simulate
from game.engine import compile_tables
from game.engine.strategies import STRATEGIES, get_strategy
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


SPLITTING = [name for name in STRATEGIES if get_strategy(name).splits_games]


def test_some_strategies_split_and_random_does_not():
    assert "greedy" in SPLITTING
    assert "random" not in SPLITTING           # it draws from its rng: parts would draw other numbers


@pytest.mark.parametrize("strategy", SPLITTING)
@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_parts_give_the_same_run(monkeypatch, strategy, path):
    """A chunk played in parts (BatchGame rows) gives the run of the whole chunk, bit for bit."""
    monkeypatch.setattr(simulate, "CHUNK", 300)
    tb = compile_tables(load_scenario(path))
    runs = {}
    for parts in (1, 3):
        monkeypatch.setattr(simulate, "PARTS", parts)
        ticks = []
        runs[parts] = simulate.play_strategy(tb, strategy, 5, 700, tick=ticks.append, workers=1 if parts == 1 else 2)
        assert ticks == [300, 300, 100]
    for f in FIELDS:
        assert np.array_equal(getattr(runs[1], f), getattr(runs[3], f)), (strategy, f)
        assert getattr(runs[1], f).dtype == getattr(runs[3], f).dtype


def test_rows_of_a_batch_play_as_in_the_whole_batch():
    """BatchGame(..., rows=(first, end)) holds exactly those games of the whole batch: every state array
    (but the round's random numbers, drawn only while some game of the part still plays, and asked_now,
    reset at a round's start) equals the whole batch's rows, for a strategy that splits and one that does not."""
    from game.engine.batch import BatchGame
    from game.engine.strategies.base import play_round
    tb = compile_tables(load_scenario(bundled_scenarios()[0]))

    def play(name, rows=None):
        bg = BatchGame(tb, np.random.SeedSequence([3, 1]), 401, rows)
        strat, rng = get_strategy(name), np.random.default_rng(5)
        while not bg.done:
            play_round(bg.state, tb, strat, rng)
            bg.end_round()
        return bg.state

    for name in ("greedy", "expert"):
        whole = play(name)
        parts = [play(name, r) for r in ((0, 150), (150, 151), (151, 401))]
        assert [p.G for p in parts] == [150, 1, 250]
        for f in whole.__slots__:
            a = getattr(whole, f)
            if not isinstance(a, np.ndarray) or f in ("u", "z", "asked_now"):
                continue
            axis = -1 if f in ("rival_known", "rival_best", "rival_pitch_base", "rival_pitch_fix",
                               "rival_ref_base", "rival_uses") else 0       # (the rivals' arrays: games last)
            b = np.concatenate([getattr(p, f) for p in parts], axis=axis)
            assert a.dtype == b.dtype and np.array_equal(a, b), (name, f)
    with pytest.raises(ValueError, match="rows"):
        BatchGame(tb, 1, 10, (5, 11))
