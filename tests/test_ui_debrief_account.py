"""The debrief explains the account after a won sale (issue 11 item 4): a fifth tab shows the engine's
account explanation (``Debrief.account``) translated, the account type on the loyalty x effort grid and the
ladder, all inside the window from 1024x640 to 1920x1080; a lost game has no such tab."""
import pygame
import pytest

from game import SCENARIO_DIR
from game.engine.strategies import get_strategy, plan_round, strategy_rng
from game.scenario import load_scenario
from game.ui.account_tab import GRID, account_layout, account_texts, draw_account, story_height, story_size
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.debrief import DebriefScene
from game.ui.settings import Settings
from game.ui.widgets import key_event

SCENARIO = SCENARIO_DIR / "data_platform_hanbit.yaml"


def played(seed: int, strategy: str) -> Deal:
    deal = Deal(load_scenario(SCENARIO), seed)
    plan, rng = get_strategy(strategy), strategy_rng(seed)
    while not deal.done:
        deal.step(plan_round(deal.game, plan, rng))
    return deal


@pytest.fixture(scope="module")
def won():
    deal = played(1, "expert")
    assert deal.debrief().outcome == "won" and deal.game.tables.post_sale_rounds > 0
    return deal


@pytest.fixture(scope="module")
def lost():
    for seed in range(40):
        deal = played(seed, "random")
        if deal.debrief().outcome != "won":
            return deal
    pytest.fail("no lost game in 40 random seeds")


def scene_for(deal, size, lang):
    app = App(Settings(language=lang, width=size[0], height=size[1]), fps=0, persist_settings=False)
    app.deal = deal
    scene = DebriefScene(app, deal)
    app.stack.clear(scene)
    app.draw()
    return app, scene


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_the_won_debrief_explains_the_account_and_it_fits(won, size, lang):
    app, scene = scene_for(won, size, lang)
    assert scene.tabs[-1] == "account"
    drawn: list[str] = []
    real = app.text.draw

    def record(surface, text, *args, **kwargs):
        drawn.append(text)
        return real(surface, text, *args, **kwargs)

    app.text.draw = record
    app.handle(key_event(pygame.K_5))
    assert scene.tabs[scene.tab] == "account"
    app.draw()
    texts = account_texts(scene)
    expected = [app.i18n.message(m, won.names) for m in won.debrief().account]
    assert texts == expected and len(texts) >= 3
    assert all(not t.startswith("why.") for t in texts), "an untranslated key"
    keys = [m.key for m in won.debrief().account]
    assert keys[0] == f"why.account_{won.debrief().account_type}"
    shown = squash("".join(drawn))
    for text in texts:                                   # every sentence drawn in full, none cut with "…"
        assert squash(text) in shown, text
    assert not any(s.endswith("…") for s in drawn if squash(s) in squash("".join(texts)))
    assert squash(app.i18n.t(f"account.{won.debrief().account_type}")) in shown
    # the rectangles: inside the content area, the grid inside the left panel above the ladder, no overlap
    _, area = scene.layout(size)
    rect = pygame.Rect((0, 0), area.size).inflate(-2 * app.metrics.pad, -2 * app.metrics.pad)
    parts = account_layout(scene, rect)
    for name, r in parts.items():
        assert rect.contains(r), f"{name} {r} outside {rect}"
    assert parts["left"].contains(parts["grid"]) and parts["left"].contains(parts["ladder"])
    assert parts["grid"].bottom + app.text.line_height(app.metrics.small) <= parts["ladder"].top
    assert not parts["left"].colliderect(parts["story"])
    assert parts["grid"].width >= 80
    surface = pygame.Surface(area.size)
    draw_account(scene, surface, rect)
    inner = parts["story"].inflate(-3 * app.metrics.pad, -2 * app.metrics.pad)
    assert story_height(scene, inner.width, story_size(scene, inner)) <= inner.height, "the explanation is cut"


def test_the_grid_outlines_the_customers_type(won):
    app, scene = scene_for(won, (1280, 720), "en")
    rect = pygame.Rect(0, 0, 1200, 560)
    surface = pygame.Surface(rect.size)
    draw_account(scene, surface, rect)
    grid = account_layout(scene, rect)["grid"]
    half = grid.width // 2
    colours = {}
    for name, (row, col) in GRID.items():
        cell = pygame.Rect(grid.x + col * half, grid.y + row * half, half, half)
        colours[name] = tuple(surface.get_at((cell.x + 10, cell.centery - half // 3)))[:3]
    mine = colours.pop(won.debrief().account_type)
    assert all(c != mine for c in colours.values()), "the customer's type is not marked"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_lost_game_has_no_account_explanation(lost, lang):
    app, scene = scene_for(lost, (1024, 640), lang)
    assert lost.debrief().account == () and "account" not in scene.tabs and len(scene.tabs) == 4
    app.handle(key_event(pygame.K_5))                   # no fifth tab to switch to
    assert scene.tab == 0
    app.draw()


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_the_explanation_names_the_type_as_the_grid_does(lang):
    """The explanation's first sentence starts with the same name the grid and the summary give the type."""
    from game.ui.i18n import Catalog
    i18n = Catalog(lang)
    for name in GRID:
        assert i18n.t(f"why.account_{name}").startswith(i18n.t(f"account.{name}")), (lang, name)


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_all_five_sentences_fit_with_large_text_at_1024x640(lang):
    """A sale with over-promises and a discount: all five sentences, large text, the smallest window."""
    deal = Deal(load_scenario(SCENARIO_DIR / "robot_cell_japanese.yaml"), 23)   # a seed whose sale has both
    plan, rng = get_strategy("expert"), strategy_rng(23)
    while not deal.done:
        deal.step(plan_round(deal.game, plan, rng))
    keys = [m.key for m in deal.debrief().account]
    assert "why.account_promises" in keys and "why.account_discounts" in keys and len(keys) == 5
    app = App(Settings(language=lang, width=1024, height=640, text_size="large"), fps=0, persist_settings=False)
    app.deal = deal
    scene = DebriefScene(app, deal)
    app.stack.clear(scene)
    _, area = scene.layout((1024, 640))
    rect = pygame.Rect((0, 0), area.size).inflate(-2 * app.metrics.pad, -2 * app.metrics.pad)
    draw_account(scene, pygame.Surface(area.size), rect)
    inner = account_layout(scene, rect)["story"].inflate(-3 * app.metrics.pad, -2 * app.metrics.pad)
    assert story_height(scene, inner.width, story_size(scene, inner)) <= inner.height, "the explanation is cut"
