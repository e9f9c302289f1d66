"""The pause menu's safety: quitting a deal in progress asks first (Cancel is the default)."""
import pygame
import pytest

from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.settings import Settings
from game.ui.widgets import key_event


def make_app(lang="en", size=(1280, 720)):
    app = App(Settings(language=lang, width=size[0], height=size[1]), fps=0, persist_settings=False)
    app.running = True
    return app


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(bundled_scenarios()[0])


def on_board(app, scenario, seed=3):
    app.flow.begin_deal(scenario, seed)
    app.draw()
    return app.stack.top


def press(app, key, mod=0):
    app.handle(key_event(key, mod))
    app.draw()


def click(app, rect):
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=rect.center, button=1))
    app.draw()


def close_window(app):
    app.handle(pygame.event.Event(pygame.QUIT))
    if app.running:
        app.draw()


def test_quit_from_the_pause_menu_asks_and_enter_cancels(scenario):
    app = make_app()
    board = on_board(app, scenario)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.name == "menu"
    press(app, pygame.K_q)
    assert app.running and app.stack.top.name == "confirm"        # asked, not gone
    app.draw()
    press(app, pygame.K_RETURN)                                    # Enter: the default is Cancel
    assert app.running and app.stack.top.name == "menu"
    assert board in app.stack.scenes and app.deal is board.deal    # the deal is untouched
    press(app, pygame.K_q)
    press(app, pygame.K_RIGHT)                                     # to "Quit the deal", then Enter
    press(app, pygame.K_RETURN)
    assert not app.running and app.exit_code == 0


def test_esc_on_the_question_keeps_playing(scenario):
    app = make_app()
    on_board(app, scenario)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_t)                                         # back to the title: asks too
    assert app.stack.top.name == "confirm"
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.name == "menu" and app.running


def test_to_title_after_confirming_by_mouse(scenario):
    app = make_app()
    on_board(app, scenario)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_t)
    confirm = app.stack.top
    cancel, go = confirm.menu.buttons
    assert not cancel.rect.colliderect(go.rect) and confirm.box.contains(go.rect)
    click(app, go.rect)
    assert [s.name for s in app.stack.scenes] == ["title"] and app.running


def test_window_close_during_a_deal_asks_and_a_click_on_cancel_stays(scenario):
    app = make_app()
    board = on_board(app, scenario)
    close_window(app)
    confirm = app.stack.top
    assert app.running and confirm.name == "confirm"
    click(app, confirm.menu.buttons[0].rect)
    assert app.running and app.stack.top is board
    close_window(app)                                              # closed again: asks again
    assert app.stack.top.name == "confirm"
    close_window(app)                                              # and a second close while asked: goes
    assert not app.running


def test_no_question_without_a_deal():
    app = make_app()
    app.flow.to_title()
    app.draw()
    close_window(app)
    assert not app.running


def test_no_question_once_the_deal_is_over(scenario):
    app = make_app()
    board = on_board(app, scenario)
    deal = board.deal
    while not deal.done:
        deal.step([])
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_q)
    assert not app.running


# ---------------------------------------------------------------- undo of the last round
def played_rounds(app, scenario, n, seed=3):
    board = on_board(app, scenario, seed)
    for _ in range(n):
        plan = list(board.obs.legal_actions[:1])
        app.deal.step(plan)
    app.stack.replace(BoardScene(app, app.deal))
    app.draw()
    return app.stack.top


def test_undo_from_the_pause_menu_gives_the_state_of_a_fresh_replay(scenario):
    from game.engine import replay
    app = make_app()
    played_rounds(app, scenario, 2)
    history = app.deal.game.history
    assert app.deal.observation.outcome is None
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    undo = next(b for b in pause.menu.buttons if b.key == "U")
    assert undo.enabled and not pause.undo_reason
    press(app, pygame.K_u)
    board = app.stack.top
    assert isinstance(board, BoardScene) and board.obs.round == 1 and board.plan == []
    assert [s.name for s in app.stack.scenes].count("menu") == 0
    fresh = replay(scenario, 3, history[:-1])
    assert app.deal.observation == fresh.observation and board.obs == fresh.observation
    assert app.deal.game.history == history[:-1] and len(app.deal.results) == 1
    assert app.deal.game.undos == 1


@pytest.mark.parametrize("case, words", [
    ("first round", "nothing to undo"),
    ("decided", "decided"),
    ("session", "class session"),
    ("tutorial", "guided first deal"),
])
def test_undo_is_greyed_with_the_reason_shown(scenario, case, words):
    from game.ui.launch import Launch
    app = make_app()
    if case == "tutorial":
        app.flow.tutorial_deal()
        while app.stack.top.name != "board":
            app.stack.pop()
        app.deal.step([])
        app.draw()
    else:
        played_rounds(app, scenario, 0 if case == "first round" else 1)
    if case == "decided":
        while app.deal.observation.outcome is None:
            app.deal.step([])
    if case == "session":
        app.launch = Launch(on_deal_end=lambda app, game: None)
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    undo = next(b for b in pause.menu.buttons if b.key == "U")
    assert not undo.enabled and words in pause.undo_reason
    assert pause.box.contains(pause.note_rect) and not pause.note_rect.colliderect(pause.menu.buttons[-1].rect)
    before = app.deal.game.history
    press(app, pygame.K_u)                                      # the hotkey does nothing
    assert app.stack.top is pause and app.deal.game.history == before


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_the_pause_menu_with_its_undo_note_fits_at_1024x640(scenario, lang):
    app = make_app(lang, (1024, 640))
    on_board(app, scenario)
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    screen = pygame.Rect(0, 0, 1024, 640)
    assert screen.contains(pause.box) and pause.undo_reason
    rects = [b.rect for b in pause.menu.buttons] + [pause.note_rect]
    assert all(pause.box.contains(r) for r in rects)
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert len(app.text.wrap(pause.undo_reason, app.metrics.small, pause.note_rect.width)) * \
        app.text.line_height(app.metrics.small) <= pause.note_rect.height
