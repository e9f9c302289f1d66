"""Which characters the bundled fonts can draw, without pygame or fontTools.

``tools/make_font.py`` writes ``game/content/fonts/coverage.txt``: one line
per font file, ``WEIGHT FILE RANGES``, in the order the game tries the files
for a character.  This module reads it so that ``validate`` (and the picker)
can tell an author which characters would show as empty boxes, and so that
the text renderer knows which font to use for each character.

Right-to-left scripts (Arabic, Hebrew) and scripts that need shaping (for
example Devanagari) are not in the bundled fonts on purpose: the game draws
text left to right, one glyph after another, so they count as undrawable.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from game import FONT_DIR

COVERAGE_FILE = FONT_DIR / "coverage.txt"

#: Categories that are not drawn as glyphs (spaces, controls, format marks);
#: other checks deal with controls and invisible characters.
_NOT_DRAWN = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_RTL = {"R", "AL"}
#: Scripts whose letters combine into shapes (first word of the character name).
_SHAPED = {"DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA",
           "MALAYALAM", "SINHALA", "MYANMAR", "KHMER", "TIBETAN", "LAO", "JAVANESE", "BALINESE",
           "MONGOLIAN", "SYRIAC"}


@dataclass(frozen=True)
class FontCoverage:
    """The code points one font file maps, as sorted ranges."""

    weight: str
    file: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __contains__(self, codepoint: int) -> bool:
        i = bisect_right(self.starts, codepoint) - 1
        return i >= 0 and codepoint <= self.ends[i]

    def __len__(self) -> int:
        return sum(e - s + 1 for s, e in zip(self.starts, self.ends))


def parse_coverage(text: str) -> list[FontCoverage]:
    """Parse ``coverage.txt``; raises ValueError on a malformed line."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        weight, name, *spans = line.split()
        starts, ends = [], []
        for span in spans:
            lo, _, hi = span.partition("-")
            try:
                starts.append(int(lo, 16))
                ends.append(int(hi or lo, 16))
            except ValueError:
                raise ValueError(f"line {number}: '{span}' is not a hex code point range") from None
        if starts != sorted(starts):
            raise ValueError(f"line {number}: ranges are not in order")
        out.append(FontCoverage(weight, name, tuple(starts), tuple(ends)))
    return out


@lru_cache(maxsize=4)
def load_coverage(path: Path = COVERAGE_FILE) -> tuple[FontCoverage, ...]:
    """The bundled fonts' coverage, in fallback order; empty when the table is
    missing or unreadable (then nothing can be checked)."""
    try:
        return tuple(parse_coverage(Path(path).read_text(encoding="ascii")))
    except (OSError, UnicodeDecodeError, ValueError):
        return ()


def font_chain(weight: str = "Regular", path: Path = COVERAGE_FILE) -> tuple[FontCoverage, ...]:
    """The font files of one weight, in the order to try them."""
    return tuple(c for c in load_coverage(path) if c.weight == weight)


def drawable(char: str, path: Path = COVERAGE_FILE) -> bool:
    """True when some bundled font has ``char`` (or it is not drawn at all)."""
    if unicodedata.category(char) in _NOT_DRAWN:
        return True
    chain = font_chain("Regular", path)
    return not chain or any(ord(char) in c for c in chain)


def undrawable(text: str, path: Path = COVERAGE_FILE) -> list[str]:
    """The distinct characters of ``text`` no bundled font can draw, in order
    of first appearance (the text is NFC-normalised first, as when drawn)."""
    seen: dict[str, None] = {}
    if text.isascii():
        return []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in seen and not drawable(ch, path):
            seen[ch] = None
    return list(seen)


def undrawable_in(value, path: Path = COVERAGE_FILE) -> list[str]:
    """:func:`undrawable` over every text (keys too) in nested data."""
    found: dict[str, None] = {}
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.update(dict.fromkeys(undrawable(item, path)))
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return sorted(found)


def describe(char: str) -> str:
    """``U+0628 ARABIC LETTER BEH`` (no glyph, so no box in the message)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


def why(chars: list[str]) -> str:
    """A hint explaining why ``chars`` cannot be drawn and what to do."""
    if any(unicodedata.bidirectional(c) in _RTL for c in chars):
        return ("right-to-left scripts (Arabic, Hebrew, …) are not supported: the game draws text left "
                "to right; write this text in a supported script")
    if any(unicodedata.name(c, "").split(" ")[0] in _SHAPED for c in chars):
        return ("this script needs text shaping the game does not do (Devanagari and other Indic "
                "scripts, …); write this text in a supported script")
    return ("the bundled fonts (Latin, Greek, Cyrillic, Thai, Korean, Japanese kana and JIS/KS kanji) "
            "lack it; use another character, or add it with tools/make_font.py")
