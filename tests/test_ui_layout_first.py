"""Layout is computed before drawing: a click lands where the screen shows
it, even on a scene that has not been drawn yet (input reads the same
layout ``draw`` uses, never rectangles left over from the last frame)."""
import pygame
import pytest

from game.engine.strategies import play_single
from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.drill import DrillScene
from game.ui.scenes.picker import PickerScene
from game.ui.settings import Settings


@pytest.fixture(scope="module")
def app():
    return App(Settings(width=1280, height=720), fps=0, persist_settings=False)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(bundled_scenarios()[0])


def click(scene, pos, button_down=False):
    if button_down:
        scene.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    scene.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))


def test_picker_click_before_any_frame_selects_the_row(app):
    picker = PickerScene(app, "play")
    app.stack.clear()
    app.stack.push(picker)
    _, _, rows = picker.layout(app.size)
    index, rect = rows[1]
    click(picker, rect.center)
    assert picker.index == index == 1
    # drawing shows exactly those rows
    app.draw()
    assert picker.rows == rows


def test_drill_drag_before_any_frame_makes_the_link(app, scenario):
    drill = DrillScene(app, scenario, 3)
    app.stack.clear()
    app.stack.push(drill)
    lay = drill.layout(app.size)
    click(drill, lay["members"][1].center, button_down=True)
    assert drill.member == 1
    drill.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=lay["benefits"][2].center))
    assert drill.links == [(drill.setup.members[1], drill.setup.benefits[2])]
    app.draw()
    assert drill.member_rects == lay["members"] and drill.benefit_rects == lay["benefits"]


def test_debrief_tab_click_before_any_frame_switches_the_tab(app, scenario):
    game = play_single(scenario, "expert", 2)
    deal = Deal(scenario, 2)
    for actions in game.history:
        deal.step(actions)
    debrief = DebriefScene(app, deal)
    app.stack.clear()
    app.stack.push(debrief)
    tabs, _ = debrief.layout(app.size)
    click(debrief, tabs[2].center)
    assert debrief.tab == 2
    app.draw()
    assert debrief.tab_rects == tabs
