"""The board's layout is computed before drawing (``BoardScene.layout``) and
checked here on its rectangles: at 1024x640, 1280x720 and 1920x1080, with 1,
9, 12 and 20 members, in English and Korean, nothing overlaps, nothing leaves
the window or its card, and the texts fit their boxes (or are wrapped)."""
import itertools
from pathlib import Path

import pygame
import pytest
import yaml

from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from game.ui.app import App
from game.ui.cards import card_layout
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SIZES = [(1024, 640), (1280, 720), (1920, 1080)]


def scenario_with(n: int):
    if n == 20:
        return load_scenario(FIXTURES / "en_generated_20_members.yaml")
    if n == 12:
        return load_scenario(FIXTURES / "ja_custom_12_members.yaml")
    if n == 9:
        return load_scenario(next(p for p in bundled_scenarios() if p.stem == "jit_parts_korean"))
    data = yaml.safe_load((FIXTURES / "tiny.yaml").read_text(encoding="utf-8"))
    data["members"] = [dict(data["members"][0], gated_by=None)]
    data["members"][0].pop("gated_by", None)
    data["members"][0]["roles"] = ["decider"]
    return scenario_from_data(data)


_SCENARIOS = {}


def laid_out(size, lang, n):
    app = App(Settings(language=lang, width=size[0], height=size[1]), fps=0, persist_settings=False)
    if n not in _SCENARIOS:
        _SCENARIOS[n] = scenario_with(n)
    app.deal = Deal(_SCENARIOS[n], 1)
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    for a in [a for a in board.obs.legal_actions if a.kind == "ask"][:3]:
        board.try_plan(a)
    board.ensure_layout()
    return app, board


def no_overlap(rects, what):
    for (i, a), (j, b) in itertools.combinations(enumerate(rects), 2):
        assert not a.colliderect(b), f"{what} {i} {a} overlaps {what} {j} {b}"


@pytest.mark.parametrize("size, lang, n", list(itertools.product(SIZES, ["en", "ko"], [1, 9, 12, 20])))
def test_board_layout_has_no_overlap_and_fits(size, lang, n):
    app, board = laid_out(size, lang, n)
    window = pygame.Rect((0, 0), size)
    assert len(board.card_rects) == n
    no_overlap(board.card_rects, "card")
    no_overlap(board.benefit_rects + [board.news_rect], "side row")
    no_overlap([b.rect for b in board.kind_buttons] + [board.end_rect], "button")
    no_overlap(board.chip_rects, "plan chip")
    regions = [board.timeline_rect, board.info_rect, board.cards_rect, board.side_rect, board.actions_rect]
    no_overlap(regions, "region")
    for r in board.card_rects:
        assert board.cards_rect.contains(r)
    for r in board.benefit_rects + [board.news_rect]:
        assert board.side_rect.contains(r)
    for r in [b.rect for b in board.kind_buttons] + [board.end_rect, board.status_rect] + board.chip_rects:
        assert board.actions_rect.contains(r), f"{r} leaves the action bar"
    for r in regions:
        assert window.contains(r), f"{r} leaves the {size} window"
    assert board.news_rect.height >= app.text.line_height(app.metrics.small) * 3, "no room for news"
    # each card's parts stay inside the card, do not overlap, and the stance value fits
    for mv, r in zip(board.obs.members, board.card_rects):
        parts = card_layout(app, r, mv, planned=2)
        inside = {k: v for k, v in parts.items() if k != "card"}
        for k, v in inside.items():
            assert r.contains(v), f"card part {k} {v} leaves the card {r} ({n} members, {size})"
        no_overlap([v for k, v in inside.items() if k not in ("bar",) and v.width > 0], f"card part ({mv.id})")
        assert {"name", "bar", "value"} <= set(parts)
        assert parts["value"].width >= app.text.width("+0.00", app.metrics.small, True)
        assert parts["name"].width >= 4 * app.metrics.small, "the member's name has no room"
    # every hotkey button shows its label (cut only with an ellipsis, never lost)
    lh = app.text.line_height(app.metrics.small)
    assert board.status_rect.height >= lh and board.timeline_rect.height >= lh


@pytest.mark.parametrize("n", [9, 20])
def test_big_window_uses_the_space(n):
    _, small = laid_out((1280, 720), "en", n)
    app, big = laid_out((1920, 1080), "en", n)
    area = lambda rects: sum(r.width * r.height for r in rects)
    assert area(big.card_rects) >= 2.0 * area(small.card_rects)
    assert area(big.card_rects) + area(big.benefit_rects) >= 0.45 * 1920 * 1080
    assert app.metrics.small > 14


def test_mouse_hits_use_the_layout_before_any_draw():
    app, board = laid_out((1280, 720), "en", 9)
    target = 3
    board.focus = 0
    pos = board.card_rects[target].center
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))
    assert board.focus == target                   # no draw happened: the hit came from layout()
