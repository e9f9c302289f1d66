"""Coach mode on the board: ending a round with a planted mistake shows the
coach first (once a round); ending again plays the round; the result keeps
that the coach was on."""
import json

import pygame

from game.engine.types import Action
from game.practice.history import load_history
from game.practice.profiles import load_profiles, use_profile
from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.autoplay import AutoplayDriver
from game.ui.launch import Launch
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings


def scenario():
    return load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))


def test_the_coach_speaks_before_a_mistaken_round_ends(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app = App(Settings(language="ko"), fps=0, persist_settings=False)
    app.stack.push(TitleScene(app))
    app.flow.begin_deal(scenario(), 3)
    app.flow.coach = True
    board = app.stack.top
    member = next(m for m in board.obs.members if not m.locked and not m.known_priorities)
    board.plan = [Action("pitch", member.id, board.obs.benefits[0].id)]
    assert board.deal.refusal(board.plan) is None
    board.end_round()
    coach = app.stack.top
    assert coach.name == "coach"
    keys = {f.key for f in coach.flags}
    assert "coach.pitch_unasked" in keys and "coach.points_left" in keys
    coach.draw(app.surface)                       # Korean text renders (no missing key)
    assert all(app.i18n.has(k) for k in keys)
    app.stack.pop()
    board.end_round()                             # the coach spoke this round: the plan is played
    assert app.stack.top.name != "coach" and len(app.flow.deal.game.history) == 1
    pygame.display.quit()


def test_coach_off_never_holds_a_round(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app = App(Settings(), fps=0, persist_settings=False)
    app.stack.push(TitleScene(app))
    app.flow.begin_deal(scenario(), 3)
    assert app.flow.coach is False                # no profile: no coach
    board = app.stack.top
    board.plan = []
    board.confirm_empty = True
    board.end_round()
    assert len(app.flow.deal.game.history) == 1
    pygame.display.quit()


def test_a_coached_autoplayed_game_is_kept_with_the_coach_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    use_profile("Jun")
    app = App(Settings(), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver("random", 5),
              launch=Launch(scenario=scenario(), seed=5, exit_at_end=True), persist_settings=False,
              max_frames=8000)
    assert app.run(TitleScene(app)) == 0
    entered = [scene for event, scene in app.stack.log if event == "enter"]
    assert "coach" in entered                     # random play makes mistakes the coach names
    history = load_history(load_profiles().folder())
    assert len(history.games) == 1 and history.games[0].practice.coach is True
    assert json.loads(history.paths[0].read_text())["practice"]["coach"] is True


def test_the_coach_setting_is_kept_with_the_profile(tmp_path, monkeypatch):
    from game.ui.scenes.settings import ROWS, SettingsScene
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app = App(Settings(), fps=0, persist_settings=False)
    scene = SettingsScene(app)
    app.stack.push(scene)
    scene.row = ROWS.index("coach")
    scene.change(1)                                   # no profile yet: a notice, nothing saved
    assert app.notices and load_profiles().current is None
    use_profile("Jun")
    assert scene.options("coach")[scene.current("coach")][0] == "auto"
    scene.change(1)
    assert load_profiles().coach_mode() == "on"
    scene.change(1)
    assert load_profiles().coach_mode() == "off"
    scene.draw(app.surface)
    pygame.display.quit()
