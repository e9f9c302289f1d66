"""The product as a user installs it: sdist and wheel carry the game's content,
bundled scenarios are named by id, ``--version``, and ``run.py`` works on the
caller's files.

The tests marked ``install`` build the sdist and the wheel and install the
wheel into a fresh virtual environment (dependencies as constraints.txt pins
them, from the configured package index), then play it from another folder.
Run just them with ``pytest -m install``.
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import game
from game import SCENARIO_DIR
from game.cli import main
from game.scenario import load_scenario
from game.scenario.bundled import UnknownScenario, bundled_ids, bundled_scenarios, scenario_path

from installs import BIN, CONSTRAINTS, ROOT, build_sdist, build_wheel, checked, clean_env, fresh_venv, run

#: the package's files that are not Python code: what the wheel must carry
CONTENT_KINDS = {
    "scenarios": "game/content/scenarios/",
    "fonts": "game/content/fonts/",
    "translations": "game/i18n/",
    "templates": "game/templates/",
}


def package_files() -> set[str]:
    """Every file of the ``game`` package in the checkout, as wheel paths."""
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / "game").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def korean_id() -> str:
    return next(i for i, p in bundled_ids().items() if load_scenario(p).language == "ko")


# --------------------------------------------------------------- bundled ids

def test_every_bundled_file_is_listed_under_the_id_the_loader_reads():
    ids = bundled_ids()
    assert sorted(ids.values()) == bundled_scenarios() and len(ids) >= 4
    for scenario_id, path in ids.items():
        assert load_scenario(path).id == scenario_id


@pytest.mark.parametrize("name", ["data-platform-hanbit", "data_platform_hanbit", "data_platform_hanbit.yaml"])
def test_a_bundled_scenario_is_found_by_id_stem_or_file_name(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert scenario_path(name) == SCENARIO_DIR / "data_platform_hanbit.yaml"


def test_an_existing_path_wins_over_a_bundled_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data-platform-hanbit").write_text("id: mine\n", encoding="utf-8")
    assert scenario_path("data-platform-hanbit") == Path("data-platform-hanbit")


@pytest.mark.parametrize("name", ["missing.yaml", "sub/dir/x.yml", "scen*.yaml"])
def test_a_missing_path_is_left_for_the_command_to_report(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert scenario_path(name) == Path(name)


def test_an_unknown_name_lists_the_bundled_ids():
    with pytest.raises(UnknownScenario) as info:
        scenario_path("hanbit")
    assert "\n" not in str(info.value)
    for scenario_id in bundled_ids():
        assert scenario_id in str(info.value)


@pytest.mark.parametrize("argv", [
    ["validate", "electronics-support", "nope"],
    ["balance", "nope", "--games", "5"],
    ["play", "nope"],
    ["drill", "nope"],
])
def test_every_scenario_command_refuses_an_unknown_name_in_one_line(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'nope' is neither a file nor a bundled scenario" in err
    assert "data-platform-hanbit" in err and "Traceback" not in err


def test_validate_and_balance_take_bundled_ids(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["validate", *bundled_ids()]) == 0
    assert f"{len(bundled_ids())} files checked: {len(bundled_ids())} valid" in capsys.readouterr().err
    assert main(["balance", "robot-cell-japanese", "--games", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["expert"]["games"] == 5


def test_version_flag_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"b2bsim {game.__version__}\n"


# --------------------------------------------------------------- run.py

def test_run_py_runs_game_commands_in_the_callers_folder(tmp_path, monkeypatch):
    """``python3 run.py b2bsim new --out mine.yaml`` from another folder writes there.

    run.py's own set-up step (creating .venv, reinstalling when pyproject or
    constraints change) is skipped; its command runs with this interpreter."""
    spec = importlib.util.spec_from_file_location("run_py", ROOT / "run.py")
    run_py = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_py)
    monkeypatch.setattr(run_py, "ensure_venv", lambda: None)
    monkeypatch.setattr(run_py, "PYTHON", Path(sys.executable))
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run_py.main(["b2bsim", "new", "--out", "mine.yaml"]) == 0
    assert run_py.main(["b2bsim", "new", "--lang", "ko", "--out", "sub/theirs.yaml"]) == 0
    assert (tmp_path / "mine.yaml").is_file() and (tmp_path / "sub" / "theirs.yaml").is_file()
    assert not (ROOT / "mine.yaml").exists() and not (ROOT / "sub").exists()
    assert run_py.main(["b2bsim", "validate", "mine.yaml", "sub/theirs.yaml"]) == 0


# --------------------------------------------------------------- sdist and wheel, installed

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("build")
    sdist = build_sdist(work)
    return sdist, build_wheel(sdist, work)


@pytest.mark.install
def test_the_sdist_is_a_complete_source_release(built):
    sdist, _ = built
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    missing = package_files() - names
    assert not missing, f"the sdist lacks package files: {sorted(missing)}"
    tests = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    docs = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert not tests - names and not docs - names
    for name in ("README.md", "LICENSE", "pyproject.toml", "MANIFEST.in", "constraints.txt", "run.py", ".ci/run"):
        assert name in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


@pytest.mark.install
def test_the_wheel_carries_scenarios_fonts_translations_and_templates(built):
    _, wheel = built
    assert wheel.name == f"b2bsim-{game.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
    for kind, folder in CONTENT_KINDS.items():
        assert any(n.startswith(folder) for n in names), f"the wheel has no {kind} ({folder})"
    missing = package_files() - names
    assert not missing, f"the wheel lacks package files: {sorted(missing)}"
    assert not [n for n in names if not n.startswith(("game/", "b2bsim-"))], "the wheel holds files outside game/"


@pytest.mark.install
def test_the_installed_wheel_plays_from_another_folder(built, tmp_path):
    """The issue's acceptance: fresh venv, wheel + pinned dependencies, then
    --version, validate, balance and a Korean autoplay with screenshots."""
    _, wheel = built
    scripts = fresh_venv(tmp_path / "venv", wheel, CONSTRAINTS)
    b2bsim = scripts / ("b2bsim.exe" if os.name == "nt" else "b2bsim")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = clean_env(tmp_path / "home")

    where = checked([scripts / "python", "-c", "import game; print(game.__file__)"], cwd=elsewhere, env=env)
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv"), "game was imported from the checkout"

    version = checked([b2bsim, "--version"], cwd=elsewhere, env=env)
    assert version.stdout == f"b2bsim {game.__version__}\n"

    ids = list(bundled_ids())
    validated = checked([b2bsim, "validate", *ids], cwd=elsewhere, env=env)
    assert f"{len(ids)} files checked: {len(ids)} valid, 0 with errors" in validated.stderr

    balance = checked([b2bsim, "balance", ids[0], "--games", "20", "--json"], cwd=elsewhere, env=env)
    result = json.loads(balance.stdout)
    assert {"random", "expert"} <= set(result) and all(r["games"] == 20 for r in result.values())

    written = checked([b2bsim, "new", "--lang", "ko", "--out", "mine.yaml"], cwd=elsewhere, env=env)
    assert (elsewhere / "mine.yaml").is_file(), written.stderr
    checked([b2bsim, "validate", "mine.yaml"], cwd=elsewhere, env=env)

    if sys.platform.startswith("linux"):     # no screen and no driver: a hint, not a hidden window
        no_screen = run([b2bsim, "play", korean_id()], cwd=elsewhere, timeout=120,
                        env={k: v for k, v in env.items() if k != "SDL_VIDEODRIVER"})
        assert no_screen.returncode == 1 and "SDL_VIDEODRIVER=dummy" in no_screen.stderr, no_screen.stderr

    shots = elsewhere / "shots"
    play = run([b2bsim, "play", korean_id(), "--autoplay", "expert", "--exit-at-end", "--screenshots", "shots"],
               cwd=elsewhere, env=env, timeout=600)
    assert play.returncode == 0, play.stderr[-3000:]
    pngs = sorted(p.name for p in shots.glob("*.png"))
    assert any("briefing" in n for n in pngs) and any("debrief" in n for n in pngs), pngs
    assert all((shots / n).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for n in pngs)
    assert "not found" not in play.stderr and "Traceback" not in play.stderr, play.stderr

    # the picker (play without a scenario) lists every bundled scenario, all loadable
    picker = checked([scripts / "python", "-c", "from game.ui.scenes.picker import scan; "
                      "print(sum(e.source == 'bundled' and e.scenario is not None for e in scan()))"],
                     cwd=elsewhere, env=env)
    assert int(picker.stdout) == len(ids)

