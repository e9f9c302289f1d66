#!/usr/bin/env python3
"""Set up and run b2bsim with nothing but python3.

    python3 run.py play [b2bsim play options]   # create .venv, install, open the game
    python3 run.py test [pytest options]        # create .venv, install test extras, run the tests
    python3 run.py b2bsim COMMAND ...           # any other b2bsim command inside the .venv

The first run creates ``.venv`` beside this file and installs the project
into it; later runs reinstall only when ``pyproject.toml`` or ``constraints.txt``
changed. Versions come from ``constraints.txt``, so a fresh machine gets what
the tests ran with. Paths given to ``play`` and ``b2bsim`` are relative to the
folder you run this from.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"
CONSTRAINTS = ROOT / "constraints.txt"


def fail(message: str) -> "NoReturn":  # type: ignore[name-defined]
    print(f"run.py: {message}", file=sys.stderr)
    raise SystemExit(1)


def ensure_venv() -> None:
    if sys.version_info < (3, 10):
        fail(f"Python 3.10 or newer is needed, this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print("run.py: creating .venv …", file=sys.stderr)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # ensurepip missing on Debian's bare python3
            fail(f"could not create .venv ({exc}). On Debian/Ubuntu run "
                 "'sudo apt-get install -y python3-venv' and try again.")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()
                          + CONSTRAINTS.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == want:
        return
    print("run.py: installing b2bsim and its dependencies into .venv …", file=sys.stderr)
    cmd = [str(PYTHON), "-m", "pip", "install", "-q", "--disable-pip-version-check",
           "-c", str(CONSTRAINTS), "-e", f"{ROOT}[dev]"]
    if subprocess.call(cmd, cwd=ROOT) != 0:
        fail("installing the dependencies failed (see pip's message above); "
             "check your network connection and run the command again")
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("play", "test", "b2bsim"):
        print(__doc__.strip())
        return 0 if not argv else 1
    ensure_venv()
    what, rest = argv[0], argv[1:]
    if what == "test":
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)
    # The game's own commands run in the folder the user ran run.py from, so
    # "new --out mine.yaml" or "validate mine.yaml" mean the user's files.
    command = ["play", *rest] if what == "play" else rest
    return subprocess.call([str(PYTHON), "-m", "game", *command])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
