import atexit
import itertools
import os
import shutil
import tempfile

import pytest

# Unit tests never open a real window or audio device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Games finished by tests are kept in a throw-away history, never in the user's data folder;
# the folder is removed when the test run ends.
_DATA_ROOT = None
if "B2BSIM_DATA_DIR" not in os.environ:
    _DATA_ROOT = os.environ["B2BSIM_DATA_DIR"] = tempfile.mkdtemp(prefix="b2bsim-test-data-")
    atexit.register(shutil.rmtree, _DATA_ROOT, ignore_errors=True)
_TESTS = itertools.count()


@pytest.fixture(autouse=True)
def _own_history(monkeypatch):
    """Each test starts with no profile and no history: a game one test finishes is kept under a
    profile made silently, which must not turn the coach on in the next test (or in the game a
    subprocess opens).  A module that chose its own folder keeps it."""
    if _DATA_ROOT is not None and os.environ.get("B2BSIM_DATA_DIR") == _DATA_ROOT:
        monkeypatch.setenv("B2BSIM_DATA_DIR", os.path.join(_DATA_ROOT, f"test-{next(_TESTS)}"))
    yield
