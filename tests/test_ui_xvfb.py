"""The real window under an X server (Xvfb): autoplay a whole deal and drive
the game with real X key presses (xdotool).  Skipped with a reason when Xvfb
is missing; .ci/run installs it."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_ui_unseen import UNSEEN

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None,
                                reason="Xvfb is not installed (apt-get install xvfb xdotool; .ci/run does it)")


@pytest.fixture(scope="module")
def display():
    from pyvirtualdisplay import Display
    disp = Display(backend="xvfb", size=(1600, 1000), color_depth=24)
    disp.start()
    try:
        yield f":{disp.display}"
    finally:
        disp.stop()


def env_for(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy",
               B2BSIM_CONFIG_DIR=str(tmp_path / "config"), PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


def not_blank(path: Path) -> bool:
    import pygame
    surf = pygame.image.load(str(path))
    colours = {tuple(surf.get_at((x, y)))[:3] for x in range(0, surf.get_width(), 37)
               for y in range(0, surf.get_height(), 29)}
    return len(colours) > 8


from game.scenario import bundled_scenarios  # noqa: E402


@pytest.mark.parametrize("scenario, extra", [
    ("korean_12", ["--lang", "ko", "--size", "1024x640"]),
    *((path.name, []) for path in bundled_scenarios()),
])
def test_real_window_autoplay_to_the_end(display, tmp_path, scenario, extra):
    if scenario.endswith(".yaml"):
        file = next(p for p in bundled_scenarios() if p.name == scenario)
    else:
        file = tmp_path / "scenario.yaml"
        file.write_text(UNSEEN[scenario], encoding="utf-8")
    shots = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", str(file), "--seed", "2", "--autoplay", "greedy",
         "--screenshots", str(shots), "--exit-at-end", *extra],
        env=env_for(display, tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    pngs = sorted(shots.glob("*.png"))
    assert len({p.read_bytes() for p in pngs}) >= 5
    assert any("debrief" in p.name for p in pngs)
    assert all(not_blank(p) for p in pngs[:3])


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed")
def test_real_key_presses_play_a_round(display, tmp_path):
    """A person's path: briefing -> board -> plan with keys -> round result -> next round -> quit."""
    file = tmp_path / "tiny.yaml"
    file.write_text(UNSEEN["english_tiny"], encoding="utf-8")
    shots = tmp_path / "shots"
    env = env_for(display, tmp_path)
    game = subprocess.Popen([sys.executable, "-m", "game", "play", str(file), "--seed", "1",
                             "--screenshots", str(shots)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        wid = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(game.pid)], env=env,
                             capture_output=True, text=True, timeout=60).stdout.split()[0]

        def press(*keys, expect: str | None = None):
            subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=env, timeout=10)
            subprocess.run(["xdotool", "key", "--delay", "120", *keys], env=env, timeout=30)
            if expect is None:
                return
            deadline = time.time() + 30
            while time.time() < deadline:
                if any(expect in p.name for p in shots.glob("*.png")):
                    return
                time.sleep(0.1)
            raise AssertionError(f"no '{expect}' screen after {keys}; have {sorted(p.name for p in shots.glob('*'))}")

        deadline = time.time() + 30
        while not any(shots.glob("01_briefing.png")) and time.time() < deadline:
            time.sleep(0.1)
        press("Return", expect="board")
        press("a", "Return", "2", "Return", "e", "e", expect="round")      # points left: E asks, E again ends
        press("Return", expect="04_board")
        press("Escape", "q")                # a deal in progress: "Quit this deal?" (Cancel is the default)
        time.sleep(1.0)
        assert game.poll() is None, "quit a deal in progress without asking"
        press("Right", "Return")            # "Quit the deal"
        assert game.wait(timeout=30) == 0
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[:4] == ["01_briefing.png", "02_board.png", "03_round.png", "04_board.png"]
