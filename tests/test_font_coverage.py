"""The bundled fonts draw every character the bundled scenarios show, and the
scripts authors are likely to use (issue 8: no silent boxes).

Two independent checks: the fonts' cmaps (fontTools), and what pygame actually
renders through the game's fallback chain.  This pygame-ce/SDL_ttf build returns the metrics of
the "missing glyph" box for characters the font lacks (never None), so the
pygame check compares each character's rendering with that box's rendering.
"""
from __future__ import annotations

import unicodedata

import pygame
import pytest
import yaml
from fontTools.ttLib import TTFont

from game import FONT_DIR
from game.scenario import bundled_scenarios
from game.scenario.glyphs import font_chain, load_coverage
from game.ui.text import TextRenderer


FONT_FILES = ("NotoSansCJK-Subset-Regular.otf", "NotoSansCJK-Subset-Bold.otf")
ALL_FONT_FILES = tuple(c.file for c in load_coverage())
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


def test_fonts_folder_stays_small():
    assert len(ALL_FONT_FILES) == 6
    total = sum(p.stat().st_size for p in FONT_DIR.iterdir())
    assert total < 15_000_000, f"the fonts folder is {total / 1e6:.1f} MB"


@pytest.mark.parametrize("font_name", ALL_FONT_FILES)
def test_font_file_is_small_and_renamed(font_name):
    path = FONT_DIR / font_name
    assert path.stat().st_size < 5_000_000, "a subset should stay a few MB at most"
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


# ---------------------------------------------------------------- issue 8: the scripts authors use
def decode_two_byte(codec: str) -> set[str]:
    chars = set()
    for lead in range(0xA1, 0xFF):
        for trail in range(0xA1, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1 and not unicodedata.category(text).startswith("C"):
                chars.add(text)
    return chars


def assigned(lo: int, hi: int) -> set[str]:
    return {chr(cp) for cp in range(lo, hi + 1) if unicodedata.category(chr(cp)) not in ("Cn", "Co", "Cc")}


REQUIRED = {
    "Latin-1 Supplement": assigned(0xA0, 0xFF),
    "Latin Extended-A": assigned(0x100, 0x17F),
    "Latin Extended-B": assigned(0x180, 0x24F),
    "Latin Extended Additional (Vietnamese)": assigned(0x1E00, 0x1EFF),
    "Greek": assigned(0x370, 0x3FF) - assigned(0x3E2, 0x3EF),   # without the Coptic letters
    "Cyrillic": assigned(0x400, 0x4FF),
    "Hangul syllables": {chr(cp) for cp in range(0xAC00, 0xD7A4)},
    "Hangul Jamo": assigned(0x1100, 0x11FF),
    "Hangul compatibility jamo": assigned(0x3131, 0x318E),
    "JIS X 0208 (EUC-JP)": decode_two_byte("euc_jp"),
    "KS X 1001 (EUC-KR)": decode_two_byte("euc_kr"),
    "kana": assigned(0x3041, 0x3096) | assigned(0x30A1, 0x30FA),
    "CJK punctuation": assigned(0x3000, 0x303F),
    "full-width forms": assigned(0xFF01, 0xFF60) | assigned(0xFF61, 0xFF9F),
    "Thai": assigned(0xE01, 0xE3A) | assigned(0xE3F, 0xE5B),
    "names": set("ŁČŞế髙﨑똠"),
}


@pytest.fixture(scope="module")
def chain_cmaps():
    cmaps = {}
    for weight in ("Regular", "Bold"):
        union = set()
        for cov in font_chain(weight):
            union |= set(TTFont(FONT_DIR / cov.file).getBestCmap())
        cmaps[weight] = union
    return cmaps


#: Symbols of KS X 1001 / JIS X 0208 that no bundled font has (Noto Sans CJK
#: lacks them; only Noto Sans Math/Symbols2 do): validate warns about them.
KNOWN_GAPS = set("∼≒◈")


def test_required_sets_are_large():
    assert len(REQUIRED["Hangul syllables"]) == 11172
    assert len({c for c in REQUIRED["JIS X 0208 (EUC-JP)"] if "CJK" in unicodedata.name(c, "")}) >= 6355
    assert len({c for c in REQUIRED["KS X 1001 (EUC-KR)"] if "CJK" in unicodedata.name(c, "")}) >= 4888


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
@pytest.mark.parametrize("name", REQUIRED)
def test_bundled_fonts_cover_required_set(name, weight, chain_cmaps):
    missing = sorted(c for c in REQUIRED[name] - KNOWN_GAPS if ord(c) not in chain_cmaps[weight])
    assert not missing, f"{name}: {len(missing)} characters missing in {weight}: {''.join(missing[:40])!r}"


@pytest.mark.parametrize("font_name", ALL_FONT_FILES)
def test_coverage_table_matches_the_font(font_name):
    cov = next(c for c in load_coverage() if c.file == font_name)
    cmap = set(TTFont(FONT_DIR / font_name).getBestCmap())
    assert len(cov) == len(cmap) and all(cp in cov for cp in cmap), "run tools/make_font.py"


def test_unsupported_scripts_are_not_bundled(chain_cmaps):
    # right-to-left and shaped scripts are left out on purpose: validate warns about them
    for lo, hi in ((0x590, 0x5FF), (0x600, 0x6FF), (0x900, 0x97F)):
        assert not any(lo <= cp <= hi for cp in chain_cmaps["Regular"])


SAMPLES = {
    "thai": "ผู้จัดการฝ่ายจัดซื้อ น้ำ ที่นี่",
    "greek": "Γιώργος Παπαδόπουλος Ελληνικά",
    "cyrillic": "Ольга Щербакова Русский",
    "latin": "Łódź Čapek Şahin Ærøskøbing",
    "vietnamese": "Nguyễn Thị Hồng ế Trần Quốc Việt",
    "korean": "똠얌꿍 뷁 햏 쀍 구매팀장",
    "japanese": "髙橋 﨑山 工場長 みなと カタカナ",
    "mixed": "Deal 구매 Łódź ภาษา Ελλάδα 東京",
}


@pytest.fixture(scope="module")
def renderer():
    pygame.font.init()
    return TextRenderer()


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("script", SAMPLES)
def test_samples_render_without_boxes(renderer, script, bold):
    text = SAMPLES[script]
    assert renderer.missing_glyphs(text, bold) == set()
    box = renderer.render("\U0010FFFD", 20, (0, 0, 0), bold)
    box_pixels = pygame.image.tobytes(box, "RGBA")
    for ch in sorted(set(text) - {" "}):
        if unicodedata.category(ch).startswith("M"):
            continue
        surf = renderer.render(ch, 20, (0, 0, 0), bold)
        assert pygame.image.tobytes(surf, "RGBA") != box_pixels, f"{ch!r} ({script}) is drawn as a box"
    line = renderer.render(text, 20, (0, 0, 0), bold)
    assert line.get_width() == renderer.width(text, 20, bold) and line.get_height() >= renderer.line_height(20, bold)


def test_unsupported_scripts_are_found_missing(renderer):
    text = "\u0645\u062f\u064a\u0631 \u0939\u093f \U00013000"   # Arabic, Devanagari, a hieroglyph
    assert renderer.missing_glyphs(text) == set(text) - {" "}
