"""Long names shortened sensibly: cut after a whole word, with an ellipsis.

A rival, a member or a benefit may have a long name (60 characters is
allowed).  Where a name must share one line with other text, it is cut at
the last word boundary that fits; a single long word, or a script written
without spaces (Japanese, Chinese), is cut between characters, never
inside one (``TextRenderer.fit`` keeps combining marks with their letter).
The full name stays in the tooltip or the table that has room for it.
"""
from __future__ import annotations

#: characters a cut never leaves at the end, before the ellipsis
TRAILING = " ,.;:-–—&/·("
#: a cut at a word boundary is kept when it keeps at least this share of what a character cut keeps
WORD_CUT_SHARE = 0.5


def short_name(tr, name: str, size: int, width: int, bold: bool = False) -> str:
    """``name`` when it fits in ``width`` pixels, else its longest start that
    ends at a word boundary and fits with "…" (a character cut when no
    sensible word cut exists)."""
    if tr.width(name, size, bold) <= width:
        return name
    by_char = tr.fit(name, size, width, bold)
    words = name.split(" ")
    for k in range(len(words) - 1, 0, -1):
        start = " ".join(words[:k]).rstrip(TRAILING)
        if start and tr.width(start + "…", size, bold) <= width:
            return start + "…" if len(start) >= WORD_CUT_SHARE * (len(by_char) - 1) else by_char
    return by_char


def with_name(tr, make, name: str, size: int, width: int, bold: bool = False) -> str:
    """``make(name)`` (a line holding the name, e.g. ``lambda n: t("decision.backs_rival", rival=n)``)
    with ``name`` shortened so that the whole line fits in ``width``: the other words stay whole."""
    full = make(name)
    if tr.width(full, size, bold) <= width:
        return full
    room = width - tr.width(make(""), size, bold)
    return make(short_name(tr, name, size, max(room, tr.width("…", size, bold)), bold))
