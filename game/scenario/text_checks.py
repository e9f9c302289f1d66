"""Text that cannot be shown: control characters and names that show as nothing.

A YAML escape can put a NUL (``"\\0"``), a terminal escape (``"\\e[31m"``) or a
bell into a name; a name made only of zero-width characters (``"\\u200b"``)
draws as nothing, so the player sees an empty card.  Both are errors with the
position of the value, before the model is built.
"""
from __future__ import annotations

import unicodedata
from typing import Any

from game.scenario.diagnostics import DataPath
from game.scenario.yaml_source import Source

#: letters that draw as blank space although Unicode calls them letters
_BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800")
#: control characters a multi-line text may hold
_ALLOWED_CONTROLS = set("\n\t")


def _char_name(ch: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC (a terminal escape code)", "\x07": "BEL", "\r": "carriage return",
             "\x7f": "DEL"}
    return f"U+{ord(ch):04X}" + (f" {names[ch]}" if ch in names else "")


def _invisible(ch: str) -> bool:
    return ch in _BLANK_LETTERS or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp", "Cc", "Mn", "Me")


def text_problem(text: str) -> tuple[str, str] | None:
    """``(message, hint)`` when ``text`` cannot be shown as written, else None."""
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in _ALLOWED_CONTROLS:
            return (f"the text holds the control character {_char_name(ch)} at character {i + 1}, "
                    "which cannot be shown", "remove it (often a YAML escape such as \\0 or \\e, or a paste)")
        if category == "Cs":
            return (f"the text holds half of a surrogate pair (U+{ord(ch):04X}) at character {i + 1}",
                    "write the character itself, or its \\U00XXXXXX escape")
    if text and not text.isspace() and all(_invisible(ch) for ch in text):
        return ("the text shows as nothing: it holds only zero-width or blank characters",
                "write visible text, or remove the value")
    return None


def check_text(source: Source) -> None:
    """Add an error to ``source`` for every text value that cannot be shown."""
    stack: list[tuple[DataPath, Any]] = [((), source.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, (list, tuple)):
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            problem = text_problem(value)
            if problem:
                source.add(path, problem[0], problem[1], value=True)
