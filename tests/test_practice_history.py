"""A learner's history: profiles, every finished game and drill kept as a result
file that `b2bsim verify` replays, and nothing lost when the game is killed
during or right after a write."""
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from game import drill as rules
from game.engine.strategies import play_single
from game.practice.history import (
    drill_result, game_result, games_played, load_history, record_drill, record_game,
)
from game.practice.profiles import (
    ProfileError, coach_on, load_profiles, profile_folder, set_coach, use_profile,
)
from game.scenario import bundled_scenarios, load_scenario
from game.session import check_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))


def test_profiles_are_set_once_and_several_live_on_one_computer(data):
    assert load_profiles().current is None
    use_profile("  Kim   Min-ji ")
    use_profile("이서연")
    profiles = load_profiles()
    assert profiles.current == "이서연" and profiles.names == ["Kim Min-ji", "이서연"]
    assert profiles.folder("Kim Min-ji") != profiles.folder("이서연")
    assert profile_folder("kim") != profile_folder("Kim")        # distinct names never share a history
    use_profile("Kim Min-ji")
    assert load_profiles().current == "Kim Min-ji"
    for bad in ("", "   ", "x" * 41, "a\x1bb"):
        with pytest.raises(ProfileError):
            use_profile(bad)
    set_coach("off")
    assert load_profiles().coach_mode() == "off" and load_profiles().coach_mode("이서연") == "auto"


def test_a_damaged_profiles_file_is_set_aside_not_fatal(data):
    data.mkdir(parents=True)
    (data / "profiles.json").write_text("{not json")
    profiles = load_profiles()
    assert profiles.current is None and "could not be read" in profiles.problem
    assert list(data.glob("profiles.json.broken-*"))        # the user's file is kept aside, not lost
    use_profile("Kim")
    assert load_profiles().current == "Kim"


def test_coach_is_on_for_the_first_games_by_default():
    assert coach_on("auto", 0) and not coach_on("auto", 50)
    assert coach_on("on", 50) and not coach_on("off", 0)


def test_a_solo_game_is_kept_as_a_result_that_verify_replays(data, scenario):
    folder = data / "history" / "kim"
    game = play_single(scenario, "expert", 7)
    path = record_game(folder, game_result(scenario, game, "Kim", coach=True))
    kept = json.loads(path.read_text())
    assert kept["session_id"] == "solo" and kept["practice"]["coach"] is True
    assert kept["score"]["total"] == game.debrief().score.total
    assert check_file(str(path)).ok
    run = subprocess.run([sys.executable, "-m", "game", "verify", str(path)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().endswith(": ok")
    kept["score"]["total"] = min(1000, kept["score"]["total"] + 50)      # a hand-edited score is caught
    path.write_text(json.dumps(kept))
    assert not check_file(str(path)).ok


def test_a_drill_is_kept_with_what_each_link_meant(data, scenario):
    folder = data / "history" / "kim"
    setup = rules.make_drill(scenario, np.random.default_rng(np.random.SeedSequence(5)))
    links = [(m, setup.answer(m)[0]) for m in setup.members]
    score = rules.score(setup, links, 12.0)
    record_drill(folder, drill_result(scenario, 5, setup, links, 12.0, score, "Kim"))
    history = load_history(folder)
    assert len(history.drills) == 1 and not history.games and games_played(folder) == 0
    drill = history.drills[0]
    assert drill.score.total == score.total
    hits = [c for c in drill.cells if c.result == "hit"]
    roles = {m.id: m.roles for m in scenario.members}
    assert len(hits) == sum(len(roles[m]) for m, _ in links)
    # the recorded links replay to the same score
    again = rules.make_drill(scenario, np.random.default_rng(np.random.SeedSequence(drill.seed)))
    assert rules.score(again, [tuple(x) for x in drill.links], drill.time_left).total == score.total


def test_a_damaged_file_is_skipped_and_named(data, scenario):
    folder = data / "history" / "kim"
    record_game(folder, game_result(scenario, play_single(scenario, "greedy", 1), "Kim"))
    (folder / "zz-broken.json").write_text('{"b2bsim_result": 1, "seed": ')
    history = load_history(folder)
    assert len(history.games) == 1
    assert len(history.skipped) == 1 and "zz-broken.json" in history.skipped[0]


WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import game.files
    from game.engine.strategies import play_single
    from game.practice.history import game_result, record_game
    from game.scenario import bundled_scenarios, load_scenario
    folder, when = Path(sys.argv[1]), sys.argv[2]
    scenario = load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))
    first = game_result(scenario, play_single(scenario, "expert", 1), "Kim")
    second = game_result(scenario, play_single(scenario, "expert", 2), "Kim")
    record_game(folder, first)
    real_fsync = os.fsync
    def stall(fd):                 # the second write has started: its bytes are in the temporary file
        if when == "during":
            print("writing", flush=True)
            time.sleep(60)
        real_fsync(fd)
    game.files.os.fsync = stall
    record_game(folder, second)
    print("written", flush=True)
    time.sleep(60)
""")


@pytest.mark.parametrize("when", ["during", "after"])
def test_killing_the_game_during_or_after_a_write_loses_nothing(tmp_path, when):
    folder = tmp_path / "history"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), when], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline().strip()
        assert line == ("writing" if when == "during" else "written")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    results = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    assert len(results) == (1 if when == "during" else 2)      # the earlier result is never lost
    for path in results:                                       # and no kept file is half-written
        assert check_file(str(path)).ok, check_file(str(path)).line()
    history = load_history(folder)
    assert len(history.games) == len(results) and not history.skipped


def test_a_person_is_asked_for_a_profile_once_on_first_play(data, tmp_path, monkeypatch):
    import pygame
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene
    from game.ui.settings import Settings
    monkeypatch.setenv("B2BSIM_CONFIG_DIR", str(tmp_path / "config"))
    app = App(Settings(), fps=0)
    app.stack.push(TitleScene(app))
    app.flow.start_play()
    assert app.stack.top.name == "profile"
    for ch in "Kim":
        app.stack.top.handle(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    app.stack.top.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
    assert app.stack.top.name == "picker" and load_profiles().current == "Kim"
    app.stack.clear(TitleScene(app))
    app.flow.start_play()
    assert app.stack.top.name == "picker"           # asked once only
    assert [s.name for s in app.flow.first_scenes(drill=False, person=True)] == ["title", "picker"]
    pygame.display.quit()


def test_every_bundled_scenario_travels_in_a_result_unchanged():
    """A solo result carries its scenario as YAML; loading it back gives the very same scenario."""
    from game.practice.history import scenario_block
    from game.practice.tutorial import tutorial_scenario
    from game.scenario import validate_text
    for scenario in [load_scenario(p) for p in bundled_scenarios()] + [tutorial_scenario()]:
        again, diags = validate_text(scenario_block(scenario)["yaml"])
        assert again == scenario, [str(d) for d in diags if d.is_error]


def test_verify_recomputes_a_kept_drill_and_catches_an_edit(data, scenario):
    folder = data / "history" / "kim"
    setup = rules.make_drill(scenario, np.random.default_rng(np.random.SeedSequence(8)))
    links = [(m, setup.answer(m)[0]) for m in setup.members[:3]] + [(setup.members[3], setup.benefits[0])]
    links = list(dict.fromkeys(links))
    score = rules.score(setup, links, 20.0)
    path = record_drill(folder, drill_result(scenario, 8, setup, links, 20.0, score, "Kim"))
    run = subprocess.run([sys.executable, "-m", "game", "verify", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().endswith(": ok"), run.stdout + run.stderr
    kept = json.loads(path.read_text())
    kept["score"]["total"] = min(1000, kept["score"]["total"] + 100)
    path.write_text(json.dumps(kept, ensure_ascii=False))
    run = subprocess.run([sys.executable, "-m", "game", "verify", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1 and "score" in run.stdout and "Traceback" not in run.stderr


def test_plain_b2bsim_asks_for_the_profile_over_the_picker(data, tmp_path, monkeypatch):
    import pygame
    from game.ui.app import App
    from game.ui.settings import Settings
    monkeypatch.setenv("B2BSIM_CONFIG_DIR", str(tmp_path / "config"))
    app = App(Settings(), fps=0)
    assert [s.name for s in app.flow.first_scenes(drill=False, person=True)] == ["title", "picker", "profile"]
    assert [s.name for s in app.flow.first_scenes(drill=False, person=False)] == ["title"]
    pygame.display.quit()
