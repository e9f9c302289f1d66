"""Font fallback: each character is drawn with the first bundled font that has it.

The bundled fonts (see ``game/content/fonts/README.md``) are tried in the order
of ``coverage.txt``: Noto Sans CJK (Latin, Korean, Japanese, hanja), then Noto
Sans (Latin Extended, Vietnamese, Greek, Cyrillic), then Noto Sans Thai.  Text
is split into runs, one per font; a word that one font can draw whole is drawn
with that font, so "Łódź" does not mix two designs, and a combining mark stays
with the character before it.  The runs are rendered separately and put side by
side on a shared baseline.  Which font has which character comes from the
coverage table (``game.scenario.glyphs``), so nothing is probed at run time.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pygame

from game.scenario.glyphs import COVERAGE_FILE, FontCoverage, font_chain

_SPACES = re.compile(r"( +)")
_MARKS = {"Mn", "Mc", "Me"}


def is_mark(ch: str) -> bool:
    """True for a combining mark, which must stay with the character before it."""
    return unicodedata.category(ch) in _MARKS


class FontChain:
    """The fonts of both weights, loaded once per size, and the runs of text
    each one draws.  ``regular``/``bold`` are the first fonts of each chain
    (None: pygame's default font); the others come from the coverage table."""

    def __init__(self, regular: Path | None, bold: Path | None, coverage: Path = COVERAGE_FILE):
        self.fake_bold = bold is None
        self.faces: dict[bool, list[tuple[Path | None, FontCoverage | None]]] = {
            False: self._faces(regular, "Regular", coverage),
            True: self._faces(bold or regular, "Bold" if bold else "Regular", coverage),
        }
        self._fonts: dict[tuple[int, bool, int], pygame.font.Font] = {}
        self._picked: dict[bool, dict[str, int]] = {False: {}, True: {}}
        self._runs: dict[tuple[str, bool], list[tuple[int, str]]] = {}

    @staticmethod
    def _faces(first: Path | None, weight: str, coverage: Path):
        if first is None:
            return [(None, None)]
        chain = font_chain(weight, coverage)
        own = next((c for c in chain if c.file == first.name), None)
        faces = [(first, own)]
        if own is None:  # an unknown first font: assume it draws everything
            return faces
        folder = coverage.parent
        faces += [(folder / c.file, c) for c in chain
                  if c.file != first.name and (folder / c.file).is_file()]
        return faces

    def font(self, size: int, bold: bool = False, index: int = 0) -> pygame.font.Font:
        key = (size, bold, index)
        font = self._fonts.get(key)
        if font is None:
            path = self.faces[bold][index][0]
            font = pygame.font.Font(str(path) if path else None, size)
            if bold and self.fake_bold:
                font.bold = True
            self._fonts[key] = font
        return font

    def face_of(self, ch: str, bold: bool = False) -> int:
        """Index of the first font that has ``ch``; -1 when none has it."""
        picked = self._picked[bold]
        index = picked.get(ch)
        if index is None:
            code = ord(ch)
            index = next((i for i, (_, cov) in enumerate(self.faces[bold]) if cov is None or code in cov), -1)
            picked[ch] = index
        return index

    def single_font(self, text: str, bold: bool = False) -> bool:
        """True when the first font draws all of ``text`` (the common, fast case)."""
        return text.isascii() or all(self.face_of(c, bold) == 0 for c in text)

    def runs(self, text: str, bold: bool = False) -> list[tuple[int, str]]:
        """``text`` (NFC-normalised) cut into ``(font index, piece)`` runs."""
        if self.single_font(text, bold):
            return [(0, text)]
        key = (text, bold)
        found = self._runs.get(key)
        if found is not None:
            return found
        faces = self.faces[bold]
        out: list[list] = []
        for word in _SPACES.split(unicodedata.normalize("NFC", text)):
            if not word:
                continue
            if word[0] == " ":
                index = out[-1][0] if out and self.covers(out[-1][0], " ", bold) else 0
                pieces = [(index, word)]
            else:
                pieces = self._word_runs(word, bold, faces)
            for index, piece in pieces:
                if out and out[-1][0] == index:
                    out[-1][1] += piece
                else:
                    out.append([index, piece])
        found = [(i, s) for i, s in out]
        if len(self._runs) > 20000:
            self._runs.clear()
        self._runs[key] = found
        return found

    def covers(self, index: int, ch: str, bold: bool) -> bool:
        cov = self.faces[bold][index][1]
        return cov is None or ord(ch) in cov

    def _word_runs(self, word: str, bold: bool, faces) -> list[tuple[int, str]]:
        picks = [self.face_of(c, bold) for c in word]
        # the first font that has every character of the word draws it whole
        for index in range(len(faces)):
            if all(self.covers(index, c, bold) for c in word):
                return [(index, word)]
        out: list[tuple[int, str]] = []
        for ch, index in zip(word, picks):
            if out and is_mark(ch) and self.covers(out[-1][0], ch, bold):
                index = out[-1][0]
            index = max(index, 0)  # nothing has it: the first font draws its box
            if out and out[-1][0] == index:
                out[-1] = (index, out[-1][1] + ch)
            else:
                out.append((index, ch))
        return out

    def width(self, text: str, size: int, bold: bool = False) -> int:
        return sum(self.font(size, bold, i).size(piece)[0] for i, piece in self.runs(text, bold))

    def render(self, text: str, size: int, colour, bold: bool = False) -> pygame.Surface:
        """One surface; runs from several fonts share the first font's baseline
        (moved down only if another font's ink reaches higher)."""
        runs = self.runs(text, bold)
        if len(runs) == 1 and runs[0][0] == 0:
            return _render(self.font(size, bold), runs[0][1], colour)
        first = self.font(size, bold)
        ascent, below = first.get_ascent(), first.get_height() - first.get_ascent()
        parts = []
        for index, piece in runs:
            font = self.font(size, bold, index)
            surf = _render(font, piece, colour)
            a = font.get_ascent()
            ink = surf.get_bounding_rect()
            if ink.height:  # grow the line only where a run really inks beyond it
                ascent = max(ascent, a - ink.top)
                below = max(below, ink.bottom - a)
            parts.append((a, surf))
        out = pygame.Surface((max(1, sum(s.get_width() for _, s in parts)), ascent + below), pygame.SRCALPHA)
        out.fill((*tuple(colour)[:3], 0))  # blending onto the text's own colour keeps edges clean
        x = 0
        for a, surf in parts:
            out.blit(surf, (x, ascent - a))
            x += surf.get_width()
        return out


def _render(font: pygame.font.Font, text: str, colour) -> pygame.Surface:
    try:
        return font.render(text, True, colour)
    except (pygame.error, ValueError, UnicodeError):
        return pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)
