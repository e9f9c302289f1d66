"""The bundled font can draw every character the bundled scenarios show.

Two independent checks per font file: the font's cmap (fontTools), and what
pygame actually renders.  This pygame-ce/SDL_ttf build returns the metrics of
the "missing glyph" box for characters the font lacks (never None), so the
pygame check compares each character's rendering with that box's rendering.
"""
from __future__ import annotations

import pygame
import pytest
import yaml
from fontTools.ttLib import TTFont

from game import FONT_DIR
from game.scenario import bundled_scenarios


FONT_FILES = ("NotoSansCJK-Subset-Regular.otf", "NotoSansCJK-Subset-Bold.otf")
NOT_IN_FONT = "\U0010fffd"  # a private-use code point no font maps
SCENARIOS = bundled_scenarios()


def strings_in(node) -> list[str]:
    """All keys and text values of a parsed YAML document."""
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings_in(v)]
    return [node] if isinstance(node, str) else []


def scenario_chars(path) -> str:
    text = "".join(strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return "".join(sorted({c for c in text if c.isprintable() and not c.isspace()}))


@pytest.fixture(scope="module")
def pygame_fonts():
    pygame.font.init()
    fonts = {name: pygame.font.Font(str(FONT_DIR / name), 20) for name in FONT_FILES}
    yield fonts
    pygame.font.quit()


def looks_missing(font: "pygame.font.Font", char: str) -> bool:
    def pixels(c: str) -> bytes:
        surface = font.render(c, True, (0, 0, 0), (255, 255, 255))
        return pygame.image.tobytes(surface, "RGB") + bytes(surface.get_size())
    return pixels(char) == pixels(NOT_IN_FONT)


def test_bundled_scenarios_exist():
    assert len(SCENARIOS) >= 3


@pytest.mark.parametrize("font_name", FONT_FILES)
def test_font_file_is_small_and_renamed(font_name):
    path = FONT_DIR / font_name
    assert path.stat().st_size < 4_000_000, "the subset should stay a few MB at most"
    names = {r.nameID: r.toUnicode() for r in TTFont(path)["name"].names if r.platformID == 3}
    # OFL: a modified font must not present the original (reserved) name.
    for name_id in (1, 4, 6):
        assert "Noto" not in names[name_id] and "Source" not in names[name_id]
    assert (FONT_DIR / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


@pytest.mark.parametrize("font_name", FONT_FILES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.name)
def test_cmap_covers_scenario(scenario, font_name):
    cmap = TTFont(FONT_DIR / font_name).getBestCmap()
    missing = [c for c in scenario_chars(scenario) if ord(c) not in cmap]
    assert not missing, (f"{scenario.name} uses {''.join(missing)!r}, absent from {font_name}; "
                         "run tools/make_font.py")


@pytest.mark.parametrize("font_name", FONT_FILES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.name)
def test_pygame_draws_scenario(scenario, font_name, pygame_fonts):
    font = pygame_fonts[font_name]
    chars = scenario_chars(scenario)
    assert all(m is not None for m in font.metrics(chars))
    missing = [c for c in chars if looks_missing(font, c)]
    assert not missing, f"pygame draws a missing-glyph box for {''.join(missing)!r} from {scenario.name}"


@pytest.mark.parametrize("sample, expect_drawn", [
    ("구매팀장 납기 연중무휴", True),      # KS X 1001 Hangul
    ("쀼 퀭 휑 꽹 갉", True),               # rarer syllables in KS X 1001
    ("ひらがな カタカナ", True),            # kana
    ("工場長 品質 管理 導入", True),         # JIS level-1 kanji
    ("▲▼◀▶●○■□★☆✓×…—·•※←→↑↓", True),    # UI symbols
    ("✗", False),                          # Noto Sans CJK has no ballot X: the check can fail
])
def test_pygame_draws_scripts(sample, expect_drawn, pygame_fonts):
    for font in pygame_fonts.values():
        drawn = [not looks_missing(font, c) for c in sample if not c.isspace()]
        assert all(d == expect_drawn for d in drawn), sample
