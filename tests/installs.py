"""Helpers for the tests that build b2bsim's sdist and wheel and install them
into fresh virtual environments (tests/test_packaging.py, tests/test_lower_bounds.py).

Builds run on a copy of the checkout, so they never write ``build/`` or
``*.egg-info`` into the working tree.  The wheel is built from the unpacked
sdist, as ``python -m build`` does, so a file missing from the sdist is
missing from the wheel too.  Dependencies come from the package index that
pip is configured with.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
BIN = "Scripts" if os.name == "nt" else "bin"

#: what a fresh clone does not have: caches, virtual environments, build output
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "*-venv", ".tox", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
    ".pytest_cache", ".hypothesis", "screenshots-out",
)


def run(cmd: list, *, cwd: Path | None = None, env: dict | None = None,
        timeout: float = 900) -> subprocess.CompletedProcess:
    """Run ``cmd``; the result carries text stdout/stderr (never raises on a non-zero exit)."""
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def checked(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    result = run(cmd, **kwargs)
    assert result.returncode == 0, (f"{' '.join(map(str, cmd))} exited with {result.returncode}\n"
                                    f"stdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}")
    return result


def copy_source(dest: Path) -> None:
    """Copy what a fresh clone holds (plus new files git does not ignore) to ``dest``;
    outside a git checkout (e.g. an unpacked sdist), everything but caches."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT) \
        if (ROOT / ".git").exists() and shutil.which("git") else None
    if listed is None or listed.returncode != 0:
        shutil.copytree(ROOT, dest, ignore=NOT_SOURCE, symlinks=True)
        return
    for name in filter(None, listed.stdout.split("\0")):
        src = ROOT / name
        if src.is_file():                     # listed but deleted in the working tree: skip
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def build_sdist(work: Path) -> Path:
    """Build the sdist from a copy of the checkout; returns the .tar.gz."""
    source = work / "source"
    copy_source(source)
    out = work / "dist"
    checked([sys.executable, "-c",
             "import sys, setuptools.build_meta as backend; backend.build_sdist(sys.argv[1])", out],
            cwd=source)
    (sdist,) = out.glob("b2bsim-*.tar.gz")
    return sdist


def build_wheel(sdist: Path, work: Path) -> Path:
    """Unpack ``sdist`` and build the wheel from it with the running
    interpreter's (pinned) setuptools; returns the .whl."""
    unpacked = work / "unpacked"
    with tarfile.open(sdist) as tar:
        tar.extractall(unpacked, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    (tree,) = unpacked.iterdir()
    out = work / "wheel"
    checked([sys.executable, "-m", "pip", "wheel", tree, "--no-deps", "--no-build-isolation",
             "--disable-pip-version-check", "-q", "-w", out], cwd=work)
    (wheel,) = out.glob("b2bsim-*.whl")
    return wheel


def fresh_venv(where: Path, wheel: Path, constraints: Path) -> Path:
    """A new virtual environment at ``where`` holding ``wheel`` and its
    dependencies as ``constraints`` pins them; returns its scripts folder.

    The environment gets no pip of its own: the running pip installs into it
    (``pip --python``), which saves the few seconds of ``ensurepip``."""
    checked([sys.executable, "-m", "venv", "--without-pip", where])
    python = where / BIN / ("python.exe" if os.name == "nt" else "python")
    checked([sys.executable, "-m", "pip", "--python", python, "install", "-q",
             "--disable-pip-version-check", "-c", constraints, wheel], cwd=where.parent)
    return where / BIN


def clean_env(home: Path) -> dict:
    """The environment for running the installed game: no checkout on the
    path, settings and user scenarios in ``home``, the dummy video driver."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("B2BSIM_", "PYTHON", "VIRTUAL_ENV")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1", PYTHONIOENCODING="utf-8")
    return env
