"""B2B sales simulation game: sell to a buying center, stage by stage.

Bundled content ships inside the package and is found through
:mod:`importlib.resources`, so an installed wheel finds it wherever it lives:
scenarios and fonts under ``game/content``, the message catalogs in
``game/i18n`` and the ``b2bsim new`` starters in ``game/templates``.
"""
from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"

#: The package's bundled content: ``scenarios/`` and ``fonts/``.
CONTENT_DIR = Path(str(files("game") / "content"))
SCENARIO_DIR = CONTENT_DIR / "scenarios"
FONT_DIR = CONTENT_DIR / "fonts"
#: The interface's message catalogs, ``<lang>.json``.
I18N_DIR = Path(str(files("game") / "i18n"))
#: The commented starter scenarios written by ``b2bsim new``.
TEMPLATE_DIR = Path(str(files("game") / "templates"))
#: The checkout's root (docs, tools, tests); meaningful only in a source tree.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
