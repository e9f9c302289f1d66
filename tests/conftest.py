import atexit
import os
import shutil
import tempfile

# Unit tests never open a real window or audio device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Games finished by tests are kept in a throw-away history, never in the user's data folder;
# the folder is removed when the test run ends.
if "B2BSIM_DATA_DIR" not in os.environ:
    os.environ["B2BSIM_DATA_DIR"] = tempfile.mkdtemp(prefix="b2bsim-test-data-")
    atexit.register(shutil.rmtree, os.environ["B2BSIM_DATA_DIR"], ignore_errors=True)
