"""Embedding the game's own fonts in the report page, cut down to the
characters the page uses, so it shows Korean or Japanese on a machine (or a
projector laptop) with no such font installed, without fetching anything."""
from __future__ import annotations

import base64
import io
import logging

from fontTools import subset
from fontTools.ttLib import TTFont

from game import FONT_DIR

__all__ = ["font_css"]

FAMILY = "B2bsim Report"


def _faces() -> list[tuple[str, str]]:
    """(file, css weight) of the bundled fonts, Latin before the fallbacks."""
    out = []
    for path in sorted(FONT_DIR.glob("*.[ot]tf"), key=lambda p: ("CJK" in p.name, "Thai" in p.name, p.name)):
        bold = "Bold" in path.name
        if bold and ("CJK" in path.name or "Thai" in path.name):
            continue        # the browser thickens the regular face; cutting a 4 MB bold one costs seconds
        out.append((str(path), "700" if bold else "400"))
    return out


def _cmap(path: str) -> set[int]:
    try:
        return set((TTFont(path, lazy=True).getBestCmap() or {}).keys())
    except Exception:       # a damaged or missing font: the page falls back to the system's fonts
        return set()


def _subset(path: str, codepoints: set[int]) -> bytes | None:
    """The font at ``path`` cut to ``codepoints`` as WOFF bytes (None if that fails)."""
    try:
        font = TTFont(path)
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        buf = io.BytesIO()
        font.flavor = "woff"
        font.save(buf)
        return buf.getvalue()
    except Exception:       # a damaged font: the page falls back to the system's fonts
        return None


def font_css(text: str) -> str:
    """``@font-face`` rules (data: URLs) for family ``B2bsim Report`` covering ``text``."""
    wanted = {ord(c) for c in set(text) | set("0123456789") if not c.isspace()}
    rules, covered = [], {"400": set(), "700": set()}
    for path, weight in _faces():
        need = (wanted - covered[weight] - covered["400"]) & _cmap(path)
        if not need:
            continue
        data = _subset(path, need)
        if data is None:
            continue
        covered[weight] |= need
        weights = weight if "CJK" not in path and "Thai" not in path else "100 900"   # one face for any weight
        rules.append(f"@font-face {{ font-family: \"{FAMILY}\"; font-weight: {weights}; "
                     f"unicode-range: {_ranges(need)}; "
                     f"src: url(data:font/woff;base64,{base64.b64encode(data).decode()}) format(\"woff\"); }}")
    return "\n".join(rules)


def _ranges(codepoints: set[int]) -> str:
    """CSS ``unicode-range`` text for ``codepoints`` (runs merged: U+41-5A)."""
    runs: list[list[int]] = []
    for cp in sorted(codepoints):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)
