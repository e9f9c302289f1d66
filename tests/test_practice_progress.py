"""Progress: ten autoplayed games of rising skill (random → greedy → expert)
through the real scenes under one profile; the progress data and the progress
screen show the rise, and each score part equals the result files' parts."""
import json

import pygame
import pytest

from game.practice.history import load_history
from game.practice.plan import difficulty_for, suggest
from game.practice.profiles import load_profiles, use_profile
from game.practice.progress import build_progress, slope
from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.autoplay import AutoplayDriver
from game.ui.launch import Launch
from game.ui.scenes.progress import ProgressScene
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings

STRATEGIES = ["random"] * 3 + ["greedy"] * 3 + ["expert"] * 4


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    mp = pytest.MonkeyPatch()
    mp.setenv("B2BSIM_DATA_DIR", str(data))
    use_profile("Mina")
    scenario = load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))
    for n, strategy in enumerate(STRATEGIES):
        app = App(Settings(), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver(strategy, 40 + n),
                  launch=Launch(scenario=scenario, seed=40 + n, exit_at_end=True),
                  persist_settings=False, max_frames=6000)
        assert app.run(TitleScene(app)) == 0
    yield data
    mp.undo()


def test_every_autoplayed_game_is_kept_under_the_profile(played):
    folder = load_profiles().folder()
    history = load_history(folder)
    assert len(history.games) == 10 and not history.skipped
    assert {g.player for g in history.games} == {"Mina"}


def test_progress_shows_the_rise(played):
    history = load_history(load_profiles().folder())
    progress = build_progress(history)
    assert progress.trend("score") > 0
    assert sum(progress.scores[-4:]) / 4 > sum(progress.scores[:3]) / 3
    assert progress.win_rate[-1] >= progress.win_rate[0]
    # each part over time is exactly what the result files hold
    for name in progress.part_names:
        from_files = [json.loads(p.read_text())["score"]["parts"][name] for p in history.paths]
        assert progress.part(name) == from_files
    assert progress.scores == [json.loads(p.read_text())["score"]["total"] for p in history.paths]
    best = progress.per_scenario[0]
    assert best.played == 10 and best.best == max(progress.scores) and best.last == progress.scores[-1]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_progress_screen_draws_the_rise(played, lang):
    app = App(Settings(language=lang), fps=0, persist_settings=False)
    scene = ProgressScene(app)
    app.stack.push(scene)
    scene.draw(app.surface)
    pts = scene.score_points
    assert len(pts) == 10
    heights = [-y for _, y in pts]               # screen y grows downwards
    assert slope(heights) > 0
    assert scene.trend_key == "progress.trend.up"
    assert app.i18n.t("progress.trend.up", per_game=1) not in ("", "progress.trend.up")
    pygame.display.quit()


def test_plan_and_difficulty_follow_the_record(played):
    progress = build_progress(load_history(load_profiles().folder()))
    step = suggest(progress)
    assert step.key.startswith("plan.")
    early = build_progress(load_history(load_profiles().folder()))
    early.games = early.games[:3]
    assert difficulty_for(early) == "easy"
    assert difficulty_for(progress) in ("normal", "hard")


def test_after_each_game_the_plan_suggests_the_next_step(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    use_profile("Ara")
    scenario = load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))
    app = App(Settings(language="ko"), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver("random", 9),
              launch=Launch(scenario=scenario, seed=9, exit_at_end=True), persist_settings=False,
              max_frames=8000)
    debriefs = []
    replace = app.stack.replace
    app.stack.replace = lambda scene, *a, **k: (debriefs.append(scene) if scene.name == "debrief" else None,
                                               replace(scene, *a, **k))[1]
    assert app.run(TitleScene(app)) == 0
    assert debriefs and debriefs[0].plan is not None and debriefs[0].plan == app.flow.plan   # shown on the debrief
    words = debriefs[0].plan_text()
    assert len(words) > 5 and "{" not in words          # every placeholder filled, in Korean too
