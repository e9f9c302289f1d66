"""The scenarios shipped inside the package, and naming them on the command line.

Every command that takes a SCENARIO (``play``, ``drill``, ``balance``,
``validate``) passes it through :func:`scenario_path`: a file that exists is
used as given; otherwise a bundled scenario can be named by its ``id`` (the
``id:`` key inside the file, e.g. ``data-platform-hanbit``) or by its file
name with or without ``.yaml`` (``data_platform_hanbit``).
"""
from __future__ import annotations

import re
from pathlib import Path

from game import SCENARIO_DIR

__all__ = ["UnknownScenario", "bundled_ids", "bundled_scenarios", "scenario_path"]

# A bundled file's id is a top-level ``id:`` line; tests check that this agrees
# with the id the loader reads, so no YAML parsing is needed to list them.
_ID_LINE = re.compile(r"""^id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9_.-]*)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


class UnknownScenario(ValueError):
    """A scenario name that is neither an existing file nor a bundled scenario;
    the message is one line and lists the bundled ids."""


def bundled_scenarios() -> list[Path]:
    """The scenario files shipped in ``game/content/scenarios/``, sorted by name."""
    return sorted(SCENARIO_DIR.glob("*.yaml"))


def _id_of(path: Path) -> str | None:
    try:
        match = _ID_LINE.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return match.group(1) if match else None


def bundled_ids() -> dict[str, Path]:
    """``{id: file}`` for every bundled scenario, in file-name order."""
    found: dict[str, Path] = {}
    for path in bundled_scenarios():
        scenario_id = _id_of(path)
        if scenario_id:
            found.setdefault(scenario_id, path)
    return found


def _looks_like_a_path(name: str) -> bool:
    return ("/" in name or "\\" in name or Path(name).suffix.lower() in (".yaml", ".yml")
            or any(ch in name for ch in "*?["))


def scenario_path(name: str | Path) -> Path:
    """The file a SCENARIO argument means.

    An existing file (or anything else on disk) wins; then a bundled id, then a
    bundled file name with or without ``.yaml``.  A name that looks like a path
    (a folder part, a ``.yaml``/``.yml`` suffix or a wildcard) comes back
    unchanged, so the command reports the missing file in its own words.  Any
    other name raises :class:`UnknownScenario`."""
    text = str(name)
    path = Path(text)
    try:
        on_disk = path.exists() or path.is_symlink()
    except (OSError, ValueError):     # a name too long for the file system, a NUL byte
        on_disk = False
    if on_disk:
        return path
    ids = bundled_ids()
    if text in ids:
        return ids[text]
    if "/" not in text and "\\" not in text:
        for bundled in bundled_scenarios():
            if text in (bundled.name, bundled.stem):
                return bundled
    if _looks_like_a_path(text):
        return path
    if not ids:
        raise UnknownScenario(f"{text!r} is not a file, and no bundled scenarios were found in "
                              f"{SCENARIO_DIR} to look it up in")
    raise UnknownScenario(f"{text!r} is neither a file nor a bundled scenario; "
                          f"bundled ids: {', '.join(ids)}")
