"""The board asks the engine why an action cannot be planned and shows the translated reason."""
import re

import pygame
import pytest

from game.engine import Action
from game.scenario import scenario_from_data
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.settings import Settings
from test_engine_fixtures import with_gate


@pytest.fixture(scope="module")
def korean_board():
    app = App(Settings(language="ko"), fps=0, persist_settings=False)
    app.deal = Deal(scenario_from_data(with_gate()), 1)
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.draw()
    return board


def test_a_refused_action_reads_in_korean(korean_board):
    board = korean_board
    board.plan = []
    assert not board.try_plan(Action("pitch", "cfo", board.obs.benefits[0].id))
    gatekeeper = board.deal.names.member("assistant")
    assert board.status.startswith("×") and gatekeeper in board.status
    assert re.search("[가-힣]", board.status) and not re.search("[a-z]{4,} [a-z]{3,}", board.status)


def test_the_discount_cap_reads_in_korean(korean_board):
    board = korean_board
    board.plan = []
    board.obs = board.deal.observation
    for _ in range(board.deal.game.params.discount_max):
        assert board.try_plan(Action("discount"))
    assert not board.try_plan(Action("discount"))
    assert "at most" not in board.status and "discount" not in board.status
    assert re.search("[가-힣]", board.status)
    board.plan = []


def test_ending_a_round_with_a_stale_plan_is_refused_in_korean(korean_board):
    board = korean_board
    board.plan = [Action("ask", "eng")] * 9
    board.end_round()
    assert board.status.startswith("×") and re.search("[가-힣]", board.status)
    board.plan = []
