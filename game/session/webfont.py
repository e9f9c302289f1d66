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
        out.append((str(path), "700" if "Bold" in path.name else "400"))
    return out


def _subset(path: str, chars: set[str]) -> bytes | None:
    """The font at ``path`` cut to ``chars`` as WOFF bytes; None when it has none of them."""
    try:
        font = TTFont(path, lazy=True)
        cmap = font.getBestCmap() or {}
        wanted = {ord(c) for c in chars if ord(c) in cmap}
        if not wanted:
            return None
        font = TTFont(path)
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        buf = io.BytesIO()
        font.flavor = "woff"
        font.save(buf)
        return buf.getvalue()
    except Exception:       # a damaged or missing font: the page falls back to the system's fonts
        return None


def font_css(text: str) -> str:
    """``@font-face`` rules (data: URLs) for family ``B2bsim Report`` covering ``text``."""
    chars = set(text) | set("0123456789")
    chars = {c for c in chars if not c.isspace()}
    rules, covered = [], {"400": set(), "700": set()}
    for path, weight in _faces():
        need = chars - covered[weight]
        if not need:
            continue
        data = _subset(path, need)
        if data is None:
            continue
        covered[weight] |= {c for c in need if ord(c) in (TTFont(path, lazy=True).getBestCmap() or {})}
        rules.append(f"@font-face {{ font-family: \"{FAMILY}\"; font-weight: {weight}; "
                     f"src: url(data:font/woff;base64,{base64.b64encode(data).decode()}) format(\"woff\"); }}")
    return "\n".join(rules)
