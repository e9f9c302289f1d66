"""Fonts, a cache of rendered text, and line wrapping that also works for CJK.

The bundled Noto Sans CJK subset renders Korean, Japanese and Latin; Noto Sans
and Noto Sans Thai subsets draw what it lacks (``game.ui.fonts``).  Text is
rendered once per (text, size, colour, bold) and kept in an LRU cache, so a
scene can draw the same labels every frame for free.  Wrapping breaks Latin
and Korean text at spaces and Japanese/Chinese text (which has no spaces)
between any two characters, never putting closing punctuation at the start of
a line; a word longer than the line is broken between characters.
"""
from __future__ import annotations

import sys
import unicodedata
from collections import OrderedDict
from pathlib import Path

import pygame

from game import FONT_DIR
from game.ui.fonts import FontChain, is_mark


REGULAR = FONT_DIR / "NotoSansCJK-Subset-Regular.otf"
BOLD = FONT_DIR / "NotoSansCJK-Subset-Bold.otf"

# characters that must not start a line (they stick to the character before)
_NO_LINE_START = set("、。，．・：；？！ー」』）】〕〉》”’%％,.;:!?)]}…・ゃゅょっャュョッぁぃぅぇぉァィゥェォ")
# characters that must not end a line (they stick to the character after)
_NO_LINE_END = set("「『（【〔〈《“‘([{")


def displayable(text: object) -> str:
    """``text`` made safe for the font engine, whatever it holds: control
    characters (NUL, escape codes, tabs) are dropped or turned into spaces and
    lone surrogates into U+FFFD; other characters are kept as they are."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc":
            if ch == "\t":
                out.append(" ")
        elif category == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def render_any(font: pygame.font.Font, text: object, colour) -> pygame.Surface:
    """``font.render`` that cannot fail: text that shows as nothing (e.g. only
    zero-width characters) or that SDL refuses gives an empty transparent line."""
    try:
        return font.render(displayable(text), True, colour)
    except (pygame.error, ValueError, UnicodeError):
        return pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)


def is_hangul(ch: str) -> bool:
    code = ord(ch)
    return (0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xA960 <= code <= 0xA97F
            or 0xAC00 <= code <= 0xD7AF)


def is_cjk(ch: str) -> bool:
    """True for characters a line may break before or after (Chinese and
    Japanese script, CJK punctuation, full-width forms).  Korean words keep
    together and break at spaces; a Korean run too long for a line is broken
    between syllables like any over-long word."""
    if is_hangul(ch):
        return False
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x3000 <= code <= 0x303F)


def tokens(text: str) -> list[str]:
    """Split into unbreakable pieces: Latin words (with their trailing space),
    single CJK characters, and runs of spaces."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            word += ch
            continue
        if word.endswith(" "):
            out.append(word)
            word = ""
        if is_cjk(ch):
            if ch in _NO_LINE_START and (word or out):
                # glue to the previous token
                if word:
                    word += ch
                else:
                    out[-1] += ch
                continue
            if word:
                out.append(word)
                word = ""
            out.append(ch)
            continue
        if ch in _NO_LINE_START and not word and out:
            out[-1] += ch
            continue
        if word and is_cjk(word[-1]):
            out.append(word)
            word = ""
        word += ch
    if word:
        out.append(word)
    # opening brackets stick to what follows
    merged: list[str] = []
    carry = ""
    for tok in out:
        if tok and tok[-1] in _NO_LINE_END and len(tok) == 1:
            carry += tok
            continue
        merged.append(carry + tok)
        carry = ""
    if carry:
        merged.append(carry)
    return merged


class TextRenderer:
    """Loads fonts once per size and caches rendered text surfaces."""

    def __init__(self, cache_size: int = 4000, regular: Path = REGULAR, bold: Path = BOLD,
                 warn=None):
        if not pygame.font.get_init():
            pygame.font.init()
        self.cache_size = cache_size
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()
        self._widths: dict[tuple, int] = {}
        self._fits: dict[tuple, str] = {}
        self.regular = regular if regular.exists() else None
        self.bold = bold if bold.exists() else None
        self.chain = FontChain(self.regular, self.bold)
        self.hits = 0
        self.misses = 0
        if self.regular is None:
            (warn or _warn)(f"the bundled font {regular.name} was not found in {regular.parent}; "
                            "using pygame's default font, which cannot show Korean or Japanese")

    # ------------------------------------------------------------ fonts
    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The first font of the chain (its line height is the text's)."""
        return self.chain.font(size, bold)

    def missing_glyphs(self, text: str, bold: bool = False) -> set[str]:
        """Characters of ``text`` no font of the chain draws (spaces excluded).

        A character is missing when no font lists it, or when the font chosen
        for it renders it exactly like a character no font has (U+10FFFD,
        private use): SDL_ttf draws a missing glyph as the font's box."""
        text = unicodedata.normalize("NFC", displayable(text))
        chars = sorted({c for c in text if not c.isspace() and unicodedata.category(c)[0] != "C"})
        boxes: dict[int, tuple] = {}
        missing = set()
        for c in chars:
            index = self.chain.face_of(c, bold)
            font = self.chain.font(16, bold, max(index, 0))
            if index not in boxes:
                box = font.render("\U0010FFFD", False, (0, 0, 0), (255, 255, 255))
                boxes[index] = (box.get_size(), pygame.image.tobytes(box, "RGB"))
            surf = font.render(c, False, (0, 0, 0), (255, 255, 255))
            if index < 0 or (surf.get_size(), pygame.image.tobytes(surf, "RGB")) == boxes[index]:
                missing.add(c)
        return missing

    # ------------------------------------------------------------ rendering
    def render(self, text: str, size: int, colour=(0, 0, 0), bold: bool = False) -> pygame.Surface:
        key = (text, size, tuple(colour), bold)
        surf = self._surfaces.get(key)
        if surf is not None:
            self.hits += 1
            self._surfaces.move_to_end(key)
            return surf
        self.misses += 1
        try:
            surf = self.chain.render(displayable(text), size, colour, bold)
        except (pygame.error, ValueError, UnicodeError):
            surf = render_any(self.font(size, bold), text, colour)
        self._surfaces[key] = surf
        if len(self._surfaces) > self.cache_size:
            self._surfaces.popitem(last=False)
        return surf

    def width(self, text: str, size: int, bold: bool = False) -> int:
        key = (text, size, bold)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > self.cache_size * 4:
                self._widths.clear()
            w = self._widths[key] = self.chain.width(displayable(text), size, bold)
        return w

    def line_height(self, size: int, bold: bool = False) -> int:
        return self.font(size, bold).get_linesize()

    def draw(self, surface: pygame.Surface, text: str, pos, size: int, colour=(0, 0, 0),
             bold: bool = False, anchor: str = "topleft", max_width: int | None = None) -> pygame.Rect:
        """Draw one line; ``anchor`` is any pygame.Rect attribute name."""
        if max_width is not None:
            text = self.fit(text, size, max_width, bold)
        surf = self.render(text, size, colour, bold)
        rect = surf.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
        surface.blit(surf, rect)
        return rect

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """``text`` cut with an ellipsis so that it fits in ``width`` pixels."""
        width = int(width)
        text = displayable(text)
        key = (text, size, width, bold)
        fitted = self._fits.get(key)
        if fitted is not None:
            return fitted
        if self.width(text, size, bold) <= width:
            fitted = text
        else:
            lo, hi = 0, len(text)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.chain.width(text[:mid].rstrip() + "…", size, bold) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            while 0 < lo < len(text) and is_mark(text[lo]):  # keep a mark with its letter
                lo -= 1
            fitted = text[:lo].rstrip() + "…"
        if len(self._fits) > self.cache_size * 4:
            self._fits.clear()
        self._fits[key] = fitted
        return fitted

    # ------------------------------------------------------------ wrapping
    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        key = (text, size, width, bold)
        lines = self._wraps.get(key)
        if lines is not None:
            self._wraps.move_to_end(key)
            return lines
        font = self.font(size, bold)
        lines = []
        for para in text.split("\n"):
            para = displayable(para)
            if self.chain.single_font(para, bold):
                lines.extend(wrap_line(para, lambda s: font.size(s)[0], width))
            else:
                lines.extend(wrap_line(para, lambda s: self.chain.width(s, size, bold), width))
        self._wraps[key] = lines
        if len(self._wraps) > self.cache_size:
            self._wraps.popitem(last=False)
        return lines

    def draw_wrapped(self, surface: pygame.Surface, text: str, rect: pygame.Rect, size: int,
                     colour=(0, 0, 0), bold: bool = False, max_lines: int | None = None,
                     align: str = "left", spacing: float = 1.0) -> int:
        """Draw ``text`` wrapped into ``rect``; returns the height used.  Lines
        that do not fit (or beyond ``max_lines``) are dropped, the last shown
        line ending with an ellipsis."""
        lines = self.wrap(text, size, rect.width, bold)
        step = round(self.line_height(size, bold) * spacing)
        room = max(1, rect.height // step) if rect.height > 0 else len(lines)
        limit = min(room, max_lines or room)
        if len(lines) > limit:
            lines = lines[:limit]
            lines[-1] = self.fit(lines[-1] + "…", size, rect.width, bold)
        y = rect.y
        for line in lines:
            if align == "center":
                self.draw(surface, line, (rect.centerx, y), size, colour, bold, "midtop")
            elif align == "right":
                self.draw(surface, line, (rect.right, y), size, colour, bold, "topright")
            else:
                self.draw(surface, line, (rect.x, y), size, colour, bold)
            y += step
        return y - rect.y

    def wrapped_height(self, text: str, size: int, width: int, bold: bool = False,
                       spacing: float = 1.0) -> int:
        return len(self.wrap(text, size, width, bold)) * round(self.line_height(size, bold) * spacing)


def wrap_line(text: str, measure, width: int) -> list[str]:
    """Greedy wrapping of one paragraph with a width function ``measure``."""
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    for tok in tokens(text):
        candidate = line + tok
        if measure(candidate.rstrip()) <= width or not line.strip():
            if measure(candidate.rstrip()) > width:
                # a single token wider than the line: break it by characters
                for ch in tok:
                    if line and not is_mark(ch) and measure((line + ch).rstrip()) > width:
                        lines.append(line.rstrip())
                        line = ""
                    line += ch
                continue
            line = candidate
        else:
            lines.append(line.rstrip())
            line = tok.lstrip() if tok.strip() else ""
            if measure(line.rstrip()) > width:
                chars, line = line, ""
                for ch in chars:
                    if line and not is_mark(ch) and measure((line + ch).rstrip()) > width:
                        lines.append(line.rstrip())
                        line = ""
                    line += ch
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _warn(message: str) -> None:
    print(f"b2bsim: warning: {message}", file=sys.stderr)
