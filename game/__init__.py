"""B2B sales simulation game: sell to a buying center, stage by stage.

Bundled content (scenarios, fonts) ships inside the package, under
``game/content``, and is found through :mod:`importlib.resources`, so an
installed wheel finds it wherever it lives.
"""
from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"

#: The package's bundled content: ``scenarios/`` and ``fonts/``.
CONTENT_DIR = Path(str(files("game") / "content"))
SCENARIO_DIR = CONTENT_DIR / "scenarios"
FONT_DIR = CONTENT_DIR / "fonts"
#: The checkout's root (docs, tools, tests); meaningful only in a source tree.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
