"""Long rival names are shortened after a whole word (with "…"), keep the numbers beside them
in view, and show in full in the member's tooltip: a 60-character name at 1024x640."""
import pygame
import pytest

from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from game.ui.app import App
from game.ui.cards import card_layout, stance_line
from game.ui.deal import Deal
from game.ui.names import short_name, with_name
from game.ui.scenes.board import BoardScene
from game.ui.scenes.decision import DecisionScene
from game.ui.settings import Settings
from game.ui.tooltips import member_tip
from game.ui.widgets import signed

LONG = "Consolidated Northern Industrial Automation Partners Holdings"      # 61 characters
SIZE = (1024, 640)


def long_named(scenario):
    data = scenario.model_dump(mode="json", exclude_defaults=False)
    for c in data["competitors"]:
        c["name"] = (LONG + " " + c["id"])[:60].rstrip()
    return scenario_from_data(data)


@pytest.fixture(scope="module")
def scenario():
    return long_named(load_scenario(bundled_scenarios()[0]))


def make_app(lang="en"):
    return App(Settings(language=lang, width=SIZE[0], height=SIZE[1]), fps=0, persist_settings=False)


def whole_words(shown: str, full: str) -> bool:
    """``shown`` is ``full`` or a start of it that ends after a whole word, then "…"."""
    if shown == full:
        return True
    start = shown.removesuffix("…")
    return shown.endswith("…") and full.startswith(start) and full[len(start)] in " ,.-"


def test_short_name_cuts_after_a_word_and_fits():
    app = make_app()
    tr, size = app.text, app.metrics.small
    for width in (120, 200, 300):
        short = short_name(tr, LONG, size, width)
        assert tr.width(short, size) <= width and whole_words(short, LONG), (width, short)
    short = short_name(tr, LONG, size, 60)             # not even the first word fits: cut inside it
    assert tr.width(short, size) <= 60 and short.endswith("…") and LONG.startswith(short[:-1])
    assert short_name(tr, "Acme", size, 300) == "Acme"
    cjk = "株式会社北日本産業オートメーション統合パートナーズ"       # no spaces: a cut between characters
    short = short_name(tr, cjk, size, 120)
    assert short.endswith("…") and cjk.startswith(short[:-1]) and tr.width(short, size) <= 120
    line = with_name(tr, lambda n: f"backed {n}", LONG, size, 220, True)
    assert line.startswith("backed ") and tr.width(line, size, True) <= 220 and whole_words(line[7:], LONG)


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_board_cards_shorten_the_rival_and_keep_its_number(scenario, lang):
    app = make_app(lang)
    app.deal = Deal(scenario, 2)
    while not any(mv.leading_rival for mv in app.deal.observation.members):
        app.deal.step([])
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    board.ensure_layout()
    app.draw()
    checked = 0
    for i, (mv, r) in enumerate(zip(board.obs.members, board.card_rects)):
        if mv.leading_rival is None:
            continue
        parts = card_layout(app, r, mv)
        if "line" not in parts:
            continue
        full = app.names_rival(mv.leading_rival)
        assert len(full) == 60
        width = parts["line"].width
        line = stance_line(app, mv.stance, mv.rival_stance, full, app.metrics.small, width)
        assert app.text.width(line, app.metrics.small) <= width
        assert line.endswith(signed(mv.rival_stance)), "the rival's number is cut off"
        name = line.split("◇ ", 1)[1].rsplit(" ", 1)[0]
        assert name != full and whole_words(name, full)
        assert any(full in text for text, _ in member_tip(board, i)), "the tooltip lacks the full name"
        checked += 1
    assert checked


def test_decision_screen_badges_and_headline_fit(scenario):
    app = make_app()
    app.deal = deal = Deal(scenario, 5)          # the rival wins: the headline names it
    while True:
        previous = deal.observation
        result = deal.step([])
        if previous.outcome is None and result.observation.outcome is not None:
            break
    scene = DecisionScene(app, deal, result)
    app.stack.clear(scene)
    scene.time = 99.0
    app.draw()
    m, tr = app.metrics, app.text
    rows = scene.table_layout(scene.table_rect)
    rivals = [(mv, cols) for mv, cols in rows if scene.support.get(mv.id) not in (None, "player", "status_quo")]
    for mv, cols in rivals:
        label, _ = scene.backing_label(scene.support[mv.id], cols["badge"].width - m.small)
        assert tr.width(label, m.small, True) <= cols["badge"].width - m.small
        full = app.names_rival(scene.support[mv.id])
        template = scene.t("decision.backs_rival", rival="\x00")
        before, after = template.split("\x00")
        assert label.startswith(before) and label.endswith(after)
        assert whole_words(label[len(before):len(label) - len(after)], full)
    banner_w = SIZE[0] - 2 * m.pad - m.title * 3
    text, _ = scene.headline(banner_w)
    assert tr.width(text, m.heading, True) <= banner_w
    assert rivals and result.observation.outcome == "lost"
    assert scene.deal.scenario.customer.name in text and "Consolidated Northern" in text
    narrow, _ = scene.headline(400)                    # a narrower banner: the name is cut, the sentence kept
    assert tr.width(narrow, m.heading, True) <= 400 and "…" in narrow and narrow.startswith(text[:10])


def test_the_forecast_panel_shortens_the_leading_rival_after_a_word(scenario):
    from game.ui.cards import forecast_lines
    app = make_app()
    app.deal = deal = Deal(scenario, 5)
    board = BoardScene(app, deal)
    app.stack.clear(board)
    board.ensure_layout()
    fc = board.forecast
    assert fc is not None and fc.leader != "player"
    full = app.names_rival(fc.leader)
    width = board.forecast_rect.width - 8
    text = next(t for t, _ in forecast_lines(app, fc, False, width) if "…" in t)
    assert full not in text
    start = text[text.index("Consolidated"):].split("…")[0] + "…"
    assert whole_words(start, full) and app.text.width(start, app.metrics.small) <= width // 2
