"""Hover and keyboard focus explain the board: actions (cost, effect, the
engine's reason when not possible), benefits (the scenario's description),
members (roles, what is known, lock reason), and a warning before a blind pitch."""
import pygame
import pytest

from game.engine import Action
from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.settings import Settings
from game.ui.tooltips import pitch_warning, tip_lines
from game.ui.widgets import key_event


@pytest.fixture(params=["en", "ko"])
def board(request):
    app = App(Settings(language=request.param), fps=0, persist_settings=False)
    app.deal = Deal(load_scenario(next(p for p in bundled_scenarios() if p.stem == "data_platform_hanbit")), 1)
    b = BoardScene(app, app.deal)
    app.stack.clear(b)
    app.draw()
    return b


def hover(board, rect):
    board.app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    return [text for text, _ in tip_lines(board, board.tip)]


def test_a_disabled_action_says_why_in_the_engines_words(board):
    disabled = [k for k, b in zip(board.kinds, board.kind_buttons) if not b.enabled]
    assert disabled, "every action is possible in round 1?"
    kind = disabled[0]
    lines = hover(board, board.kind_rects[board.kinds.index(kind)])
    assert board.tip == ("kind", kind)
    t = board.t
    assert lines[1] == t(f"action.{kind}.help")
    assert any(str(board.obs.points) in line or "AP" in line or "점" in line for line in lines[:1])
    mv = board.obs.members[board.focus]
    member = mv.id if kind != "pilot" else None
    refused = board.deal.refusal([Action(kind, member, None)]) or board.deal.refusal([Action(kind)])
    assert refused is not None and board.reason(refused) in lines


def test_a_benefit_shows_the_scenarios_description(board):
    j = next(j for j, b in enumerate(board.deal.scenario.benefits) if b.description.strip())
    lines = hover(board, board.benefit_rects[j])
    description = " ".join(board.deal.scenario.benefits[j].description.split())
    assert description in lines


def test_keyboard_focus_shows_the_member_explanation(board):
    board.app.handle(key_event(pygame.K_TAB))
    assert board.tip == ("member", board.focus)
    mv = board.obs.members[board.focus]
    lines = [text for text, _ in tip_lines(board, board.tip)]
    assert lines[0].startswith(mv.name)
    assert any(board.t(f"role.{mv.roles[0]}.help") in line for line in lines)
    board.app.draw()                                        # the tooltip is drawn over the board
    assert board._tip_placed is not None and pygame.Rect((0, 0), board.app.size).contains(board._tip_placed[0])


def test_a_locked_member_explains_who_stands_in_the_way(board):
    i = next(i for i, mv in enumerate(board.obs.members) if mv.locked)
    lines = hover(board, board.card_rects[i])
    gatekeeper = board.deal.names.member(board.obs.members[i].gated_by)
    assert any(gatekeeper in line for line in lines)


def test_a_blind_pitch_is_warned_before_it_is_planned(board):
    mv = next(mv for mv in board.obs.members if mv.revealed == 0 and not mv.locked)
    warning = pitch_warning(board, Action("pitch", mv.id, board.obs.benefits[0].id))
    assert warning and mv.name in warning
    board.focus = board.obs.members.index(mv)
    board.app.handle(key_event(pygame.K_p))
    board.app.draw()                                        # drawn beside the status line without error
    assert pitch_warning(board, board.action_now()) == warning
