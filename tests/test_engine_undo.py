"""Game.undo_round: the last round taken back gives exactly the game a fresh replay gives."""
import dataclasses

import numpy as np
import pytest

from game.engine import Game, IllegalAction, replay
from game.scenario import bundled_scenarios, load_scenario


def same_state(a, b) -> None:
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            assert x.dtype == y.dtype and np.array_equal(x, y, equal_nan=True), f.name
        elif isinstance(x, list) and x and isinstance(x[0], np.random.SeedSequence):
            assert [(s.entropy, s.spawn_key) for s in x] == [(s.entropy, s.spawn_key) for s in y], f.name
        else:
            assert x == y, f.name


@pytest.mark.parametrize("path", bundled_scenarios()[:3], ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", [0, 7])
def test_undo_equals_a_fresh_replay_without_the_last_round(path, seed):
    scenario = load_scenario(path)
    game = Game(scenario)
    game.reset(seed=seed)
    rounds = []
    while game.undo_refusal() is None or not rounds:
        plan = [a for a in game.observation.legal_actions[:2]]
        if game.refusal(plan) is not None:
            plan = []
        game.step(plan)
        rounds.append(tuple(plan))
        if len(rounds) == 2:
            break
    if game.undo_refusal() is not None:
        pytest.skip("the customer decided within two rounds")
    news_before = game.news_log[:-1]
    obs = game.undo_round()
    fresh = replay(scenario, seed, rounds[:-1])
    same_state(game.state, fresh.state)
    assert obs == fresh.observation
    assert game.history == fresh.history == tuple(rounds[:-1])
    assert game.undos == 1 and fresh.undos == 0
    assert game.news_log == fresh.news_log == news_before
    # and the game goes on exactly as the fresh one does
    again = [a for a in obs.legal_actions[:1]]
    assert game.step(again) == fresh.step(again)
    same_state(game.state, fresh.state)


def test_undo_is_refused_before_the_first_round_and_after_the_decision():
    scenario = load_scenario(bundled_scenarios()[0])
    game = Game(scenario)
    game.reset(seed=5)
    assert game.undo_refusal().key == "refusal.undo_nothing"
    with pytest.raises(IllegalAction, match="nothing to undo"):
        game.undo_round()
    while game.observation.outcome is None:
        game.step([])
    assert game.undo_refusal().key == "refusal.undo_decided"
    history = game.history
    with pytest.raises(IllegalAction, match="decided"):
        game.undo_round()
    assert game.history == history                  # a refused undo changes nothing
