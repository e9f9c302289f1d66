"""The lower bounds in pyproject.toml are true: with every runtime dependency
at exactly its ``>=`` version, the installed game imports, validates, runs a
short balance and plays a Korean game with the dummy video driver.

Like the other ``install`` tests it builds the wheel and installs it into a
fresh virtual environment, from the configured package index.  When a bound
stops installing or working, raise it in pyproject.toml to the oldest version
that does.
"""
from __future__ import annotations

import json
import sys

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from game.scenario import load_scenario
from game.scenario.bundled import bundled_ids

from installs import ROOT, build_sdist, build_wheel, checked, clean_env, fresh_venv, run

tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11")


def lower_bounds() -> dict[str, str]:
    """``{name: version}`` from the ``>=`` of every runtime dependency."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        floors = [s.version for s in requirement.specifier if s.operator == ">="]
        assert len(floors) == 1, f"{line!r}: every dependency needs one '>=' lower bound"
        bounds[requirement.name] = floors[0]
    return bounds


def test_every_runtime_dependency_has_a_lower_bound():
    assert {"pygame-ce", "numpy", "PyYAML", "pydantic", "platformdirs"} <= set(lower_bounds())


@pytest.mark.install
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the oldest allowed numpy (1.24) has no build for "
                    "Python 3.12 or newer; the lower bounds are checked on 3.10-3.11")
def test_the_game_works_with_the_oldest_allowed_dependencies(tmp_path):
    bounds = lower_bounds()
    pins = tmp_path / "lower-bounds.txt"
    pins.write_text("".join(f"{name}=={version}\n" for name, version in bounds.items()), encoding="utf-8")
    sdist = build_sdist(tmp_path)
    scripts = fresh_venv(tmp_path / "venv", build_wheel(sdist, tmp_path), pins)
    python, b2bsim = scripts / "python", scripts / "b2bsim"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = clean_env(tmp_path / "home")

    versions = checked([python, "-c", "import json, sys, importlib.metadata as m; "
                        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))", *bounds],
                       cwd=elsewhere, env=env)
    installed = {name: Version(v) for name, v in json.loads(versions.stdout).items()}
    assert installed == {name: Version(v) for name, v in bounds.items()}, "pip did not install the lower bounds"
    # every module imports (game.gym needs the optional gymnasium, not installed here)
    checked([python, "-c", "import importlib, pkgutil, game\n"
             "for m in pkgutil.walk_packages(game.__path__, 'game.'):\n"
             "    if m.name != 'game.gym': importlib.import_module(m.name)"], cwd=elsewhere, env=env)

    ids = list(bundled_ids())
    validated = checked([b2bsim, "validate", *ids], cwd=elsewhere, env=env)
    assert f"{len(ids)} files checked: {len(ids)} valid, 0 with errors" in validated.stderr
    balance = checked([b2bsim, "balance", ids[0], "--games", "20", "--json"], cwd=elsewhere, env=env)
    assert all(r["games"] == 20 for r in json.loads(balance.stdout).values())

    korean = next(i for i, p in bundled_ids().items() if load_scenario(p).language == "ko")
    play = run([b2bsim, "play", korean, "--autoplay", "expert", "--exit-at-end", "--screenshots", "shots"],
               cwd=elsewhere, env=env, timeout=600)
    assert play.returncode == 0, play.stderr[-3000:]
    assert any("debrief" in p.name for p in (elsewhere / "shots").glob("*.png"))
    assert "Traceback" not in play.stderr, play.stderr
