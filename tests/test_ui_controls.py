"""Input -> action mapping on the round board: keys and mouse make exactly the
planned actions a player means; illegal ones are refused with a reason."""
import numpy as np
import pygame
import pytest

from game.engine import Action
from game.scenario import bundled_scenarios, load_scenario, load_scenario_text
from game.ui import controls
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.settings import Settings
from game.ui.widgets import key_event
from test_ui_unseen import UNSEEN


@pytest.fixture(scope="module")
def app():
    a = App(Settings(), fps=0, persist_settings=False)
    yield a


def board_for(app, scenario, seed=1):
    app.stack.clear()
    app.deal = Deal(scenario, seed)
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.draw()                     # lay out the cards so mouse input has targets
    return board


def press(app, *keys):
    for k in keys:
        key, mod = k if isinstance(k, tuple) else (k, 0)
        app.handle(key_event(key, mod))


@pytest.fixture
def k12(app):
    return board_for(app, load_scenario_text(UNSEEN["korean_12"], "k12.yaml"))


def test_kind_keys_select_the_action(app, k12):
    for kind, key in controls.PRE_KEYS.items():
        press(app, key)
        assert k12.kind == kind


def test_tab_and_arrows_move_the_member_focus(app, k12):
    n = len(k12.obs.members)
    start = k12.focus
    press(app, pygame.K_TAB, pygame.K_TAB)
    assert k12.focus == (start + 2) % n
    press(app, (pygame.K_TAB, pygame.KMOD_SHIFT))
    assert k12.focus == (start + 1) % n
    press(app, pygame.K_DOWN)
    assert k12.focus == (start + 1 + k12.cols) % n


@pytest.mark.parametrize("keys, expected", [
    ([pygame.K_a, pygame.K_RETURN], lambda obs, f: Action("ask", obs.members[f].id)),
    ([pygame.K_3, pygame.K_RETURN], lambda obs, f: Action("pitch", obs.members[f].id, obs.benefits[2].id)),
    ([pygame.K_0, pygame.K_RETURN], lambda obs, f: Action("pitch", obs.members[f].id, obs.benefits[9].id)),
    ([pygame.K_c, pygame.K_RETURN], lambda obs, f: Action("discount")),
])
def test_keys_plan_the_meant_action(app, k12, keys, expected):
    want = expected(k12.obs, k12.focus)
    press(app, *keys)
    assert k12.plan == [want]
    press(app, pygame.K_BACKSPACE)
    assert k12.plan == []


def test_a_locked_member_is_refused_with_the_gatekeepers_name(app, k12):
    locked = next(i for i, m in enumerate(k12.obs.members) if m.locked)
    k12.focus = locked
    press(app, pygame.K_a, pygame.K_RETURN)
    assert k12.plan == []
    gatekeeper = app.deal.names.member(k12.obs.members[locked].gated_by)
    assert gatekeeper in k12.status and k12.status.startswith("×")


def test_points_run_out(app, k12):
    k12.focus = next(i for i, m in enumerate(k12.obs.members) if not m.locked)
    press(app, *[pygame.K_a, pygame.K_RETURN] + [pygame.K_1, pygame.K_RETURN] * 6)
    assert sum(a.cost for a in k12.plan) == k12.obs.points
    assert k12.status.startswith("×")


def test_dragging_a_benefit_onto_a_member_pitches_it(app, k12):
    target = next(i for i, m in enumerate(k12.obs.members) if not m.locked)
    src = k12.benefit_rects[4].center
    dst = k12.card_rects[target].center
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=src))
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=dst, rel=(0, 0), buttons=(1, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=dst))
    assert k12.plan == [Action("pitch", k12.obs.members[target].id, k12.obs.benefits[4].id)]
    app.draw()                                   # the planned action now shows as a chip
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=k12.chip_rects[0].center))
    assert k12.plan == []                        # clicking the planned chip takes it back


def test_end_round_goes_to_the_round_outcome(app, k12):
    press(app, pygame.K_e)
    assert app.stack.top is k12                  # nothing planned: asks to confirm
    press(app, pygame.K_e)
    assert app.stack.top.name == "round" and len(app.deal.game.history) == 1


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_autoplay_keys_reproduce_every_kind_of_legal_action(app, path):
    """keys_to_plan (what autoplay presses) plans exactly the intended action,
    from wherever the focus happens to be."""
    board = board_for(app, load_scenario(path))
    rng = np.random.default_rng(0)
    legal = list(board.obs.legal_actions)
    sample = [legal[int(i)] for i in rng.choice(len(legal), size=min(40, len(legal)), replace=False)]
    sample += [next(a for a in legal if a.kind == k) for k in {a.kind for a in legal}]
    ids = [m.id for m in board.obs.members]
    bids = [b.id for b in board.obs.benefits]
    for action in sample:
        board.plan.clear()
        board.focus = int(rng.integers(len(ids)))
        keys = controls.keys_to_plan(action, phase=board.obs.phase, focus=board.focus,
                                     member_index=ids.index(action.member) if action.member else None,
                                     benefit=board.benefit,
                                     benefit_index=bids.index(action.benefit) if action.benefit else None,
                                     members=len(ids), benefits=len(bids))
        press(app, *keys)
        assert board.plan == [action], board.status


@pytest.mark.parametrize("key, same", [(pygame.K_r, True), (pygame.K_n, False)])
def test_debrief_plays_again_with_the_same_or_a_new_seed(app, key, same):
    from game.ui.scenes.debrief import DebriefScene
    deal = Deal(load_scenario_text(UNSEEN["english_tiny"], "tiny.yaml"), 77)
    while not deal.done:
        deal.step([])
    app.deal = deal
    app.stack.clear(DebriefScene(app, deal))
    press(app, pygame.K_2, pygame.K_3)
    assert app.stack.top.tab == 2
    press(app, key)
    top = app.stack.top
    assert top.name == "board" and top.obs.round == 0 and not app.deal.game.history
    assert (app.deal.seed == 77) == same
