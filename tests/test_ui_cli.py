"""``b2bsim play`` / ``drill`` from the command line: bad input gives a clear
message and exit code 1, never a traceback; a good run autoplays to the end."""
import os
import subprocess
import sys

import pytest

from test_ui_unseen import UNSEEN


def b2bsim(*args, tmp_path, timeout=120):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               B2BSIM_CONFIG_DIR=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


@pytest.mark.parametrize("content, args, expect", [
    (None, ["play", "no/such/file.yaml"], "no such file"),
    ("format: 1\nid: x\ntitle: [oops\n", ["play", "{file}"], "{file}"),
    ("format: 1\nid: bad id\ntitle: T\n", ["drill", "{file}"], "{file}"),
    (UNSEEN["english_tiny"], ["play", "{file}", "--size", "800x600"], "1024x640"),
    (UNSEEN["english_tiny"], ["play", "{file}", "--size", "big"], "WIDTHxHEIGHT"),
])
def test_bad_input_is_explained_without_a_traceback(tmp_path, content, args, expect):
    file = tmp_path / "scenario.yaml"
    if content is not None:
        file.write_text(content, encoding="utf-8")
    args = [a.replace("{file}", str(file)) for a in args]
    result = b2bsim(*args, tmp_path=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert expect.replace("{file}", str(file)) in result.stderr


def test_corrupt_settings_file_does_not_stop_the_game(tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text("{broken", encoding="utf-8")
    file = tmp_path / "tiny.yaml"
    file.write_text(UNSEEN["english_tiny"], encoding="utf-8")
    result = b2bsim("play", str(file), "--seed", "1", "--autoplay", "random", "--exit-at-end",
                    tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "settings.json" in result.stderr and "defaults" in result.stderr


def test_autoplay_from_the_command_line_saves_screenshots(tmp_path):
    shots = tmp_path / "shots"
    file = tmp_path / "k12.yaml"
    file.write_text(UNSEEN["korean_12"], encoding="utf-8")
    result = b2bsim("play", str(file), "--seed", "4", "--autoplay", "greedy", "--screenshots", str(shots),
                    "--exit-at-end", "--lang", "ko", "--size", "1024x640", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[0] == "01_title.png" and any("debrief" in n for n in names)


def test_no_screen_is_explained(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="x11", DISPLAY=":54321", B2BSIM_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "game", "play"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 1
    assert "could not open the game window" in result.stderr and "Traceback" not in result.stderr


def test_classic_pygame_is_refused_with_the_fix(monkeypatch):
    import pygame

    from game.ui import app
    monkeypatch.setattr(pygame, "IS_CE", False, raising=False)
    with pytest.raises(app.StartupError, match="pip uninstall pygame && pip install pygame-ce"):
        app.check_pygame()


def test_play_without_any_screen_says_how_to_get_one(tmp_path):
    """On a headless Linux box SDL would otherwise wait forever behind an invisible window."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["B2BSIM_CONFIG_DIR"] = str(tmp_path)
    if not sys.platform.startswith("linux"):
        import pytest
        pytest.skip("the missing-screen check is for Linux")
    result = subprocess.run([sys.executable, "-m", "game", "play", "--seed", "1"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no screen found" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


def test_drill_autoplay_flag_plays_to_the_result(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", B2BSIM_CONFIG_DIR=str(tmp_path / "cfg"))
    env.pop("B2BSIM_AUTOPLAY_DRILL", None)
    shots = tmp_path / "shots"
    result = subprocess.run([sys.executable, "-m", "game", "drill", "game/content/scenarios/robot_cell_japanese.yaml",
                             "--seed", "4", "--autoplay", "--screenshots", str(shots)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert any("drill_result" in p.name for p in shots.glob("*.png"))
