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
    from game.ui.scenes.title import TitleScene
    from game.ui.settings import Settings

    joined = join(str(session_file), "Han", results=str(tmp_path))
    app = App(Settings(), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver("greedy", 4), exit_at_end=True,
              persist_settings=False, max_frames=6000)
    app.scenario, app.seed, app.on_deal_end = joined.scenario, joined.session.seed, joined.recorder
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
