"""The engine as a library: the documented public names, and reset(seed=None) as Gymnasium seeds."""
from __future__ import annotations

import inspect

import pytest

import game.engine
from game.engine import Action, Game, Observation, replay
from game.engine.strategies import plan_round, strategy_rng
from game.scenario import bundled_scenarios, load_scenario

DOCUMENTED = {"Game": Game, "replay": replay, "Action": Action, "Observation": Observation,
              "plan_round": plan_round, "strategy_rng": strategy_rng, "load_scenario": load_scenario,
              "Game.reset": Game.reset, "Game.step": Game.step, "Game.check": Game.check,
              "Game.debrief": Game.debrief, "Game.history": Game.history}


def scenario():
    return load_scenario(bundled_scenarios()[0])


def test_every_name_in_all_exists_and_the_core_is_listed():
    missing = [n for n in game.engine.__all__ if not hasattr(game.engine, n)]
    assert missing == []
    assert {"Game", "replay", "Action", "Observation", "IllegalAction"} <= set(game.engine.__all__)
    assert len(set(game.engine.__all__)) == len(game.engine.__all__)


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_public_names_have_written_docstrings(name):
    doc = inspect.getdoc(DOCUMENTED[name]) or ""
    # a dataclass without a docstring gets its signature as __doc__; that does not count
    assert len(doc) > 20 and not doc.startswith(name.split(".")[-1] + "("), f"{name}: {doc!r}"


def test_the_module_docstring_example_runs():
    lines = game.engine.__doc__.split("::", 1)[1].splitlines()[2:]
    block = []
    for line in lines:                      # the indented block after "::"
        if line and not line.startswith("    "):
            break
        block.append(line)
    code = inspect.cleandoc("\n".join(block)).replace('load_scenario("deal.yaml")', "load_scenario(PATH)")
    namespace = {"PATH": bundled_scenarios()[0], "print": lambda *a: None}
    exec(compile(code, "<game.engine docstring>", "exec"), namespace)
    played, again = namespace["game"], namespace["again"]
    assert played.done and again.debrief().score == played.debrief().score


def test_reset_without_a_seed_draws_a_fresh_one_and_keeps_it_for_replay():
    sc = scenario()
    seeds = set()
    for _ in range(3):
        game = Game(sc)
        game.reset()
        assert isinstance(game.seed, int) and game.seed >= 0
        seeds.add(game.seed)
        rng = strategy_rng(game.seed)
        while not game.done:
            game.step(plan_round(game, "expert", rng))
        again = replay(sc, game.seed, game.history)
        assert again.debrief() == game.debrief()
    assert len(seeds) == 3            # OS entropy: three games, three seeds


def test_a_given_seed_still_fixes_the_game():
    sc = scenario()
    a, b = Game(sc), Game(sc)
    assert a.reset(seed=5) == b.reset(seed=5) and a.seed == b.seed == 5
    rng_a, rng_b = strategy_rng(5), strategy_rng(5)
    while not a.done:
        a.step(plan_round(a, "greedy", rng_a))
        b.step(plan_round(b, "greedy", rng_b))
    assert a.debrief() == b.debrief()
