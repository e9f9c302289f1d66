"""Layout adapts to the window (down to 1024x640), the language and the text
size; every scene draws; settings apply at once."""
import itertools

import pygame
import pytest

from game.scenario import bundled_scenarios, load_scenario, load_scenario_text
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.settings import Settings
from game.ui.widgets import key_event
from test_ui_unseen import UNSEEN

SIZES = [(1024, 640), (1280, 720), (1920, 1080)]


def make_app(size=(1280, 720), lang="en", text_size="medium"):
    return App(Settings(language=lang, width=size[0], height=size[1], text_size=text_size), fps=0,
               persist_settings=False)


def k12():
    return load_scenario_text(UNSEEN["korean_12"], "k12.yaml")


@pytest.mark.parametrize("size, lang, text_size", list(itertools.product(SIZES, ["en", "ko"], ["medium", "large"])))
def test_board_fits_the_window(size, lang, text_size):
    from game.ui.scenes.board import BoardScene
    app = make_app(size, lang, text_size)
    app.deal = Deal(k12(), 1)
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.draw()
    window = pygame.Rect((0, 0), size)
    cards = board.card_rects
    assert len(cards) == 12
    for a, b in itertools.combinations(cards, 2):
        assert not a.colliderect(b), "member cards overlap"
    for r in cards + board.benefit_rects + [b.rect for b in board.kind_buttons] + [board.end_rect]:
        assert window.contains(r), f"{r} is outside the {size} window"
    assert min(r.width for r in cards) >= 140 and min(r.height for r in cards) >= 100
    bottom = min(b.rect.top for b in board.kind_buttons)
    assert max(r.bottom for r in cards) < bottom, "cards run into the action bar"


def test_window_resize_relays_out():
    from game.ui.scenes.board import BoardScene
    app = make_app((1280, 720))
    app.deal = Deal(k12(), 1)
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.draw()
    before = board.card_rects[0].size
    pygame.display.set_mode((1600, 900), pygame.RESIZABLE)
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, size=(1600, 900), w=1600, h=900))
    app.draw()
    assert app.metrics.width == 1600 and board.card_rects[0].size != before
    assert app.settings.size == (1600, 900)


def every_scene(app, scenario):
    """Each scene of the game, in a plausible state."""
    from game.ui.scenes import (board, briefing, debrief, decision, drill, howto, outcome, pause, picker,
                                settings, title)
    app.deal = Deal(scenario, 2)
    deal = app.deal
    yield title.TitleScene(app)
    yield picker.PickerScene(app, "play")
    yield briefing.BriefingScene(app, scenario, 2)
    yield settings.SettingsScene(app)
    h = howto.HowtoScene(app)
    for page in range(4):
        h.enter = lambda page=page: setattr(h, "page", page)
        yield h
    yield drill.DrillScene(app, scenario, 2)
    yield board.BoardScene(app, deal)
    yield pause.PauseScene(app)
    while not deal.done:
        previous = deal.observation
        acts = [a for a in previous.legal_actions if a.kind == "ask"][:2]
        result = deal.step(acts)
        yield outcome.OutcomeScene(app, deal, previous, acts, result)
        if previous.outcome is None and result.observation.outcome is not None:
            yield decision.DecisionScene(app, deal, result)
        if not deal.done:
            yield board.BoardScene(app, deal)
    d = debrief.DebriefScene(app, deal)
    for tab in range(3):
        d.enter = lambda tab=tab: (debrief.DebriefScene.enter(d), setattr(d, "tab", tab))
        yield d


@pytest.mark.parametrize("size, lang, text_size", [((1024, 640), "ko", "large"), ((1920, 1080), "en", "small")])
@pytest.mark.parametrize("which", ["k12", "bundled"])
def test_every_scene_draws(size, lang, text_size, which):
    app = make_app(size, lang, text_size)
    scenario = k12() if which == "k12" else load_scenario(bundled_scenarios()[-1])
    count = 0
    for scene in every_scene(app, scenario):
        app.stack.clear(scene)
        for _ in range(3):
            app.stack.update(0.5)
            app.draw(0.5)
        count += 1
    assert count > 15


def test_settings_apply_at_once():
    from game.ui.scenes.settings import SettingsScene
    app = make_app()
    scene = SettingsScene(app)
    app.stack.push(scene)
    app.handle(key_event(pygame.K_RIGHT))                 # language row: en -> ko
    assert app.settings.language == "ko" and app.i18n.t("menu.quit") == "끝내기"
    app.handle(key_event(pygame.K_DOWN))
    app.handle(key_event(pygame.K_DOWN))                  # text size row
    app.handle(key_event(pygame.K_RIGHT))
    assert app.settings.text_size == "large" and app.metrics.body > make_app().metrics.body
    app.handle(key_event(pygame.K_UP))                    # window row
    app.handle(key_event(pygame.K_LEFT))
    assert app.surface.get_size() == (1024, 640)
    app.handle(key_event(pygame.K_ESCAPE))
    assert not app.stack


def test_settings_are_saved_for_next_time(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_CONFIG_DIR", str(tmp_path))
    from game.ui.scenes.settings import SettingsScene
    from game.ui.settings import load_settings
    app = App(Settings(), fps=0)
    app.stack.push(SettingsScene(app))
    app.handle(key_event(pygame.K_RIGHT))
    assert load_settings()[0].language == "ko"
