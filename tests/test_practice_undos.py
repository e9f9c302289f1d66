"""A solo game with a round taken back (pause menu undo) says so in its kept result,
and `b2bsim verify` still replays it; a game without undo keeps no such mark."""
import json

import pytest

from game.engine import Game
from game.practice.history import game_result, record_game
from game.scenario import bundled_scenarios, load_scenario
from game.session import check_file


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(bundled_scenarios()[0])


def finished(scenario, undo: bool) -> Game:
    game = Game(scenario)
    game.reset(seed=11)
    game.step([])
    if undo:
        game.step(list(game.observation.legal_actions[:1]))
        game.undo_round()
    while not game.done:
        game.step(list(game.observation.legal_actions[:1]))
    return game


def test_an_undone_game_is_marked_and_still_verifies(tmp_path, scenario):
    game = finished(scenario, undo=True)
    path = record_game(tmp_path, game_result(scenario, game, "Kim"))
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["practice"]["undos"] == 1
    assert check_file(str(path)).ok                  # verify replays the rounds that were kept


def test_a_game_without_undo_has_no_mark(tmp_path, scenario):
    game = finished(scenario, undo=False)
    kept = json.loads(record_game(tmp_path, game_result(scenario, game, "Kim")).read_text(encoding="utf-8"))
    assert "undos" not in kept["practice"] and check_file(str(record_game(tmp_path / "b", kept))).ok
