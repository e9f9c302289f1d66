"""Playing a session through the real game window (dummy video driver): the
result file is written when the deal ends, and `verify` accepts it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).parent / "fixtures" / "tiny.yaml"


def b2bsim(*argv, cwd=None):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *argv], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


@pytest.fixture(scope="module")
def session_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("session") / "class.session.json"
    assert main(["session", "new", str(TINY), "--seed", "4", "--out", str(out)]) == 0
    return out


def test_autoplayed_session_game_writes_a_result_that_verifies(session_file, tmp_path):
    results = tmp_path / "results"
    run = b2bsim("play", str(session_file), "--player", "Choi Yuna", "--team", "Team 3",
                 "--results", str(results), "--autoplay", "expert", "--exit-at-end", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    files = list(results.glob("*.json"))
    assert len(files) == 1 and "result saved" in run.stderr
    data = json.loads(files[0].read_text(encoding="utf-8"))
    session = json.loads(session_file.read_text(encoding="utf-8"))
    assert data["player"] == "Choi Yuna" and data["team"] == "Team 3"
    assert data["session_id"] == session["session_id"] and data["seed"] == 4 and data["rounds"]
    check = b2bsim("verify", str(files[0]), "--session", str(session_file))
    assert check.returncode == 0 and check.stdout.strip() == f"{files[0]}: ok"


def test_the_result_is_written_before_the_debrief_shows(session_file, tmp_path):
    """The window closing on the debrief loses nothing: the file exists when the debrief is entered."""
    from game.session.join import join
    from game.ui.app import App
    from game.ui.autoplay import AutoplayDriver
    from game.ui.launch import Launch
    from game.ui.scenes.title import TitleScene
    from game.ui.settings import Settings

    joined = join(str(session_file), "Han", results=str(tmp_path))
    launch = Launch(scenario=joined.scenario, exit_at_end=True).joined(joined.session.seed, joined.recorder,
                                                                        hide_matrix=False)
    app = App(Settings(), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver("greedy", 4), launch=launch,
              persist_settings=False, max_frames=6000)
    seen = []
    push = app.stack.replace

    def spy(scene, *a, **k):
        if type(scene).__name__ == "DebriefScene":
            seen.append(list(tmp_path.glob("*.json")))
        return push(scene, *a, **k)

    app.stack.replace = spy
    assert app.run(TitleScene(app)) == 0
    assert seen and len(seen[0]) == 1, "no result file existed when the debrief appeared"


@pytest.mark.parametrize("extra, words", [
    ([], "--player"),
    (["--player", "Kim", "--seed", "5"], "own seed"),
    (["--player", "Kim", "--results", "/proc/nope"], "cannot be written"),
])
def test_session_play_problems_are_one_line_before_any_window(session_file, extra, words, capsys):
    assert main(["play", str(session_file), *extra]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_player_without_a_session_file_is_explained(capsys):
    assert main(["play", str(TINY), "--player", "Kim"]) == 1
    assert "session file" in capsys.readouterr().err


def test_a_session_can_keep_the_matrix_for_the_class_debrief(tmp_path):
    """`session new --hide-matrix`: the learner's debrief matrix tab shows a note instead of the priorities."""
    import pygame

    from game.engine.strategies import play_single
    from game.session.join import join
    from game.ui.app import App
    from game.ui.deal import Deal
    from game.ui.launch import Launch
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.settings import Settings

    hidden_file = tmp_path / "hidden.session.json"
    assert main(["session", "new", str(TINY), "--seed", "4", "--hide-matrix", "--out", str(hidden_file)]) == 0
    joined = join(str(hidden_file), "Han", results=str(tmp_path / "r"))
    assert joined.session.options.show_matrix is False
    app = App(Settings(), fps=0, persist_settings=False)
    deal = Deal(joined.scenario, 4)
    for acts in play_single(joined.scenario, "expert", 4).history:
        deal.step(acts)
    scene = DebriefScene(app, deal)
    scene.enter()

    def inked(hide: bool) -> int:
        app.launch = Launch(hide_matrix=hide)
        surface = pygame.Surface((1000, 600))
        surface.fill((255, 255, 255))
        scene.draw_matrix(surface, surface.get_rect())
        return sum(1 for x in range(0, 1000, 4) for y in range(0, 600, 4) if surface.get_at((x, y))[:3] != (255, 255, 255))

    shown, hidden = inked(False), inked(True)
    assert hidden > 0 and hidden < shown / 3


def test_a_result_that_cannot_be_written_where_asked_is_kept_elsewhere(session_file, tmp_path):
    """The results folder vanished during the game (a USB stick pulled): the result goes to the
    temporary folder, the player is told where, and nothing is lost."""
    import shutil

    from game.engine.strategies import play_single
    from game.session.join import join
    from game.session.verify import check_file
    from game.session.formats import read_session

    folder = tmp_path / "stick"
    joined = join(str(session_file), "Yoon", results=str(folder))
    joined.recorder.fallback = tmp_path / "fallback"
    shutil.rmtree(folder)
    folder.write_text("not a folder any more")
    told = []

    class App:
        def notify(self, text, seconds):
            told.append(text)

    path = joined.recorder(App(), play_single(joined.scenario, "greedy", joined.session.seed))
    assert path is not None and path.parent == tmp_path / "fallback"
    assert joined.recorder.errors and str(path) in joined.recorder.errors[0] and told
    assert check_file(str(path), read_session(session_file)).ok


def test_a_new_deal_on_another_seed_is_not_recorded_as_the_session(session_file, tmp_path):
    from game.engine.strategies import play_single
    from game.session.join import join

    joined = join(str(session_file), "Yoon", results=str(tmp_path))
    told = []
    app = type("App", (), {"notify": lambda self, text, seconds: told.append(text)})()
    assert joined.recorder(app, play_single(joined.scenario, "greedy", joined.session.seed + 1)) is None
    assert joined.recorder.skipped == 1 and not list(tmp_path.glob("*.json")) and "not recorded" in told[0]


def test_join_a_session_from_the_picker(session_file, tmp_path, monkeypatch):
    """Picker → open a file → a session file asks for the name → the briefing of the session's deal,
    with its result recorded when the deal ends."""
    import pygame

    from game.session.record import Recorder
    from game.ui.app import App
    from game.ui.scenes.picker import PickerScene
    from game.ui.settings import Settings

    monkeypatch.setenv("B2BSIM_RESULTS_DIR", str(tmp_path / "results"))
    app = App(Settings(), fps=0, persist_settings=False)
    picker = PickerScene(app, "play")
    app.stack.push(picker)
    picker.index = len(picker.entries)
    picker.choose()                                 # the "open a file" row
    picker.path_text = str(session_file)
    picker.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
    assert picker.typing and picker.session_path == session_file
    for ch in "Jung Ha-eun":
        picker.handle(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    picker.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
    recorder = app.launch.on_deal_end
    assert isinstance(recorder, Recorder) and recorder.player == "Jung Ha-eun"
    assert recorder.folder == tmp_path / "results" and app.launch.seed == 4
    assert type(app.stack.top).__name__ == "BriefingScene"
    # Esc, then an empty name keeps asking rather than failing
    picker2 = PickerScene(app, "play")
    app.stack.push(picker2)
    picker2.index = len(picker2.entries)
    picker2.choose()
    picker2.path_text = str(session_file)
    picker2.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
    picker2.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
    assert picker2.typing and picker2.session_path == session_file
