"""Every catalog string, every bundled scenario string and every symbol the UI
draws renders with the bundled font: no missing-glyph boxes."""
import json
import re
import unicodedata
from pathlib import Path

import pytest

from game import FONT_DIR
from game.scenario import bundled_scenarios, load_scenario
from game.scenario.glyphs import font_chain
from game.ui.i18n import CATALOG_DIR, LANGUAGES
from game.ui.text import BOLD, REGULAR, TextRenderer

UI_DIR = Path(__file__).resolve().parent.parent / "game" / "ui"


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings_of(k)
            yield from strings_of(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings_of(v)


def catalog_strings():
    for lang in LANGUAGES:
        yield from json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8")).values()


def scenario_strings():
    for path in bundled_scenarios():
        yield from strings_of(load_scenario(path).model_dump())


def ui_symbols():
    """Non-ASCII characters inside string literals of the UI code."""
    out = set()
    for path in UI_DIR.rglob("*.py"):
        for lit in re.findall(r'"([^"\n]*)"', path.read_text(encoding="utf-8")):
            out.update(c for c in lit if ord(c) > 127)
    return "".join(sorted(out))


def visible(chars):
    return {c for c in chars if not c.isspace() and unicodedata.category(c)[0] != "C"}


@pytest.fixture(scope="module")
def renderer():
    import pygame
    pygame.font.init()
    return TextRenderer()


@pytest.mark.parametrize("source", ["catalogs", "scenarios", "ui symbols"])
def test_font_has_every_glyph(source):
    fontTools = pytest.importorskip("fontTools.ttLib")
    text = {"catalogs": lambda: "".join(catalog_strings()),
            "scenarios": lambda: "".join(scenario_strings()),
            "ui symbols": ui_symbols}[source]()
    assert text
    for weight in ("Regular", "Bold"):   # the fallback chain: CJK, then Noto Sans, then Thai
        chain = font_chain(weight)
        assert chain and chain[0].file == (REGULAR if weight == "Regular" else BOLD).name
        cmap = set()
        for cov in chain:
            cmap |= set(fontTools.TTFont(str(FONT_DIR / cov.file)).getBestCmap())
        missing = sorted(c for c in visible(text) if ord(c) not in cmap)
        assert not missing, f"the {weight} fonts lack {''.join(missing)!r} used in {source}"


@pytest.mark.parametrize("bold", [False, True])
def test_every_string_renders_without_missing_boxes(renderer, bold):
    assert REGULAR.exists(), "the bundled font is missing"
    texts = list(catalog_strings()) + list(scenario_strings()) + [ui_symbols()]
    for text in texts:
        surf = renderer.render(text[:200], 16, (0, 0, 0), bold)
        assert surf.get_width() > 0 or not text.strip()
    missing = renderer.missing_glyphs("".join(texts), bold)
    assert not missing, f"no glyph for {''.join(sorted(missing))!r}"


def test_the_missing_glyph_check_can_fail(renderer):
    assert renderer.missing_glyphs("a\U00013000b") == {"\U00013000"}     # an Egyptian hieroglyph
