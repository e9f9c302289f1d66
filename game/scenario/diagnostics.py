"""One finding about a scenario file, and the exception that carries them."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

#: A path into the scenario data: keys (str) and list indices (int).
DataPath = tuple


@dataclass(frozen=True)
class Diagnostic:
    """``FILE:LINE:COL: path: message — hint``; line 0 means "the whole file"."""

    file: str
    line: int
    col: int
    path: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: " if self.line > 0 else f"{self.file}: "
        tag = "warning: " if self.severity == "warning" else ""
        text = f"{where}{tag}{self.path}: {self.message}" if self.path else f"{where}{tag}{self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ScenarioError(Exception):
    """Raised by the loaders; ``diagnostics`` holds every error found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(path: DataPath) -> str:
    """``('members', 2, 'priorities', 'x')`` → ``members[2].priorities.x``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            quoted = part.replace("\\", "\\\\").replace('"', '\\"')
            out += f'["{quoted}"]'
    return out


def did_you_mean(word: object, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, or None when nothing is close."""
    if not isinstance(word, str) or not word:
        return None
    choices = [c for c in choices if isinstance(c, str)]
    lowered = {c.lower(): c for c in choices}
    simple = word.strip().lower().replace(" ", "_").replace("-", "_")
    if simple in lowered and lowered[simple] != word:
        return lowered[simple]
    found = difflib.get_close_matches(simple, list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found and lowered[found[0]] != word else None


def short_repr(value: object, limit: int = 40) -> str:
    """A value as an author would recognise it from their file."""
    if value is None:
        return "an empty value"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return "'" + text.replace("\n", "\\n") + "'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggestion(guess: str | None, rest: str) -> str:
    """``did you mean 'x'? Rest…`` or just ``rest…`` (lower-case start)."""
    if guess:
        return f"did you mean '{guess}'?" + (f" {rest[:1].upper()}{rest[1:]}" if rest else "")
    return rest[:1].lower() + rest[1:]


def listing(choices, limit: int = 12) -> str:
    """``a, b, c, …`` without repeats."""
    unique = list(dict.fromkeys(c for c in choices if isinstance(c, str)))
    return ", ".join(unique[:limit]) + (", …" if len(unique) > limit else "")
