"""An idle window costs nothing: the loop draws only when something changed,
the board repaints only the regions that changed, and the picture is the
same as a full redraw."""
from pathlib import Path

import pygame
import pytest

from game.scenario import load_scenario
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.settings import Settings
from game.ui.widgets import key_event

FIXTURES = Path(__file__).parent / "fixtures"


def board_app(size=(1280, 720), fps=0):
    app = App(Settings(width=size[0], height=size[1], motion="reduced"), fps=fps, persist_settings=False)
    app.deal = Deal(load_scenario(FIXTURES / "en_generated_20_members.yaml"), 1)
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.running = True
    return app, board


def test_an_idle_board_is_not_redrawn():
    app, board = board_app()
    for _ in range(5):
        app.frame()
    drawn = app.redraws
    for _ in range(30):
        app.frame()                      # no input, no animation
    assert app.redraws == drawn
    pygame.event.post(key_event(pygame.K_TAB))
    app.frame()
    assert app.redraws == drawn + 1


def test_a_key_press_repaints_only_what_changed():
    app, board = board_app()
    app.frame()
    app.frame()
    pygame.event.post(key_event(pygame.K_TAB))          # the focus moves from one card to the next
    app.frame()
    rects = app.update_rects
    assert rects is not None and 2 <= len(rects) <= 12       # two cards, the plan line, under the tooltip
    area = sum(r.width * r.height for r in rects)
    assert area < 0.5 * app.size[0] * app.size[1]


@pytest.mark.parametrize("keys", [
    [pygame.K_TAB, pygame.K_a, pygame.K_RETURN, pygame.K_TAB, pygame.K_2, pygame.K_RETURN],
    [pygame.K_RIGHT, pygame.K_p, pygame.K_RETURN, pygame.K_BACKSPACE, pygame.K_DOWN, pygame.K_e],
])
def test_partial_repaints_equal_a_full_redraw(keys):
    app, board = board_app()
    app.frame()
    for key in keys:
        pygame.event.post(key_event(key))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=board.card_rects[3].center, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        app.frame()
        app.frame()
    partial = app.surface.copy()
    board._drawn = {}
    app.stack.draw(app.surface)                           # everything from scratch
    full = app.surface
    diff = [(x, y) for x in range(0, full.get_width(), 3) for y in range(0, full.get_height(), 3)
            if partial.get_at((x, y)) != full.get_at((x, y))]
    assert not diff, f"{len(diff)} pixels differ, e.g. {diff[:5]}"


def test_a_tooltip_that_moves_leaves_no_trace():
    """Keyboard focus moves the tooltip over gaps between cards and to the window's edge."""
    app, board = board_app()
    app.frame()
    for key in [pygame.K_TAB] * 7 + [pygame.K_a, pygame.K_3, pygame.K_TAB, pygame.K_LEFT]:
        pygame.event.post(key_event(key))
        app.frame()
    partial = app.surface.copy()
    board._drawn = {}
    app.stack.draw(app.surface)
    full = app.surface
    diff = [(x, y) for x in range(0, full.get_width(), 2) for y in range(0, full.get_height(), 2)
            if partial.get_at((x, y)) != full.get_at((x, y))]
    assert not diff, f"{len(diff)} pixels differ, e.g. {diff[:5]}"
