"""One meaning per symbol (issue 14): ★ means only "most active in this stage"; the benefits a
member cares about are marked ♥ and the decision stage ◎.  Checked over the catalogs and the UI code."""
import json
import re
from pathlib import Path

import pytest

from game.ui.i18n import CATALOG_DIR, LANGUAGES

UI_DIR = Path(__file__).resolve().parent.parent / "game" / "ui"

#: each symbol, and words of which one must stand near every use (code) or in every string (catalogs)
MEANINGS = {
    "★": ("activ", "board.focus"),             # the star: most active in the current stage
    "♥": ("care",),                             # the heart: the focused member cares about this benefit
    "◎": ("decision", "decid"),                 # the target: the stage in which the customer decides
}
CATALOG_KEYS = {"★": {"board.focus", "howto.legend.active"}, "♥": {"board.benefits"}, "◎": set()}


def code_uses(symbol: str):
    """(file, line number, the line with the 3 lines before it) for every drawing of ``symbol``."""
    pattern = re.compile(re.escape(symbol) + ("|star_icon\\(" if symbol == "★" else ""))
    for path in sorted(UI_DIR.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if pattern.search(line) and not line.lstrip().startswith(("def ", "from ", "import ", "#")) \
                    and '"""' not in line:
                yield path.name, n + 1, "\n".join(lines[max(0, n - 3):n + 1]).lower()


@pytest.mark.parametrize("symbol", list(MEANINGS))
def test_every_drawing_of_a_symbol_in_the_ui_code_has_its_one_meaning(symbol):
    uses = list(code_uses(symbol))
    assert uses or symbol == "◎" or symbol == "♥"
    wrong = [(f, n) for f, n, text in uses if not any(word in text for word in MEANINGS[symbol])]
    assert not wrong, f"{symbol} drawn for another meaning at {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("symbol", list(MEANINGS))
def test_catalog_strings_use_a_symbol_only_for_its_meaning(lang, symbol):
    catalog = json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    keys = {k for k, v in catalog.items() if symbol in v}
    assert keys <= CATALOG_KEYS[symbol], f"{symbol} in {sorted(keys - CATALOG_KEYS[symbol])}"


def test_the_benefit_heading_explains_the_heart_and_no_catalog_calls_it_a_star():
    for lang in LANGUAGES:
        catalog = json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))
        assert "♥" in catalog["board.benefits"] and "★" not in catalog["board.benefits"]
    assert not any("★" in v for v in json.loads((CATALOG_DIR / "en.json").read_text(encoding="utf-8")).values())


def test_the_check_catches_a_second_meaning(tmp_path, monkeypatch):
    """The scan fails on a star drawn beside a benefit the member cares about (the old second meaning)."""
    fake = tmp_path / "ui"
    fake.mkdir()
    (fake / "cards.py").write_text("    if care is not None:\n        star_icon(surface, c, r, ORANGE)\n",
                                   encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "UI_DIR", fake)
    with pytest.raises(AssertionError, match="another meaning"):
        test_every_drawing_of_a_symbol_in_the_ui_code_has_its_one_meaning("★")
