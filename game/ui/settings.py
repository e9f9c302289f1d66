"""User settings: a small JSON file under the user's config folder.

Written atomically (temp file, fsync, os.replace), and merged: a save
changes only the keys this window changed, so two windows never undo each
other.  A corrupt, unreadable or special file never stops the game and is never
silently lost: it is moved aside as ``settings.json.broken-<time>`` and
reported.  ``B2BSIM_CONFIG_DIR`` overrides the folder (tests use it).
"""
from __future__ import annotations

import json
import os
import reprlib
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from game.files import FileTooLarge, NotARegularFile, read_limited, write_atomic

LANGUAGES = ("en", "ko", "ja")
TEXT_SIZES = ("small", "medium", "large")
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1024, 640), (1280, 720), (1600, 900), (1920, 1080))
MOTIONS = ("full", "reduced")
VOLUMES = (20, 40, 60, 80, 100)


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    text_size: str = "medium"
    motion: str = "full"
    confirm_end: bool = True          # ask before ending a round with action points left
    volume: int = 60                  # sounds (game.ui.sound), 0-100
    muted: bool = False               # no sounds at all

    @property
    def size(self) -> tuple[int, int]:
        return (self.width, self.height)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


def config_dir() -> Path:
    override = os.environ.get("B2BSIM_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_config_dir("b2bsim"))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _clean(data: object) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, dropping (and reporting) every bad value."""
    problems: list[str] = []
    base = Settings()
    if not isinstance(data, dict):
        return base, ["the file does not hold a JSON object"]
    values = {}
    checks = {
        "language": lambda v: v in LANGUAGES,
        "width": lambda v: isinstance(v, int) and not isinstance(v, bool) and 640 <= v <= 10000,
        "height": lambda v: isinstance(v, int) and not isinstance(v, bool) and 400 <= v <= 10000,
        "fullscreen": lambda v: isinstance(v, bool),
        "text_size": lambda v: v in TEXT_SIZES,
        "motion": lambda v: v in MOTIONS,
        "confirm_end": lambda v: isinstance(v, bool),
        "volume": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100,
        "muted": lambda v: isinstance(v, bool),
    }
    for key, value in data.items():
        if key not in checks:
            problems.append(f"unknown setting '{key}' ignored")
        elif not checks[key](value):
            problems.append(f"'{key}': {reprlib.repr(value)} is not allowed, using {getattr(base, key)!r}")
        else:
            values[key] = value
    return replace(base, **values), problems


#: a settings file is a few hundred bytes; anything bigger is not ours
MAX_SETTINGS_BYTES = 64_000

#: what this process last read from or wrote to each settings file (path → values);
#: a save writes only the keys changed since, so another window's change survives
_seen: dict[str, dict] = {}


def _read(path: Path) -> tuple[object, str | None]:
    """The parsed JSON in ``path`` (None when there is no file), or why it cannot be used.

    Special files (a FIFO, a link to /dev/zero) are refused before opening and
    the read is bounded, so a start can neither block nor eat memory."""
    try:
        raw = read_limited(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return None, None
    except NotARegularFile as exc:
        return None, f"it is {exc.kind}, not a regular file"
    except FileTooLarge:
        return None, f"it is larger than {MAX_SETTINGS_BYTES // 1000} kB"
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:
        return None, exc.strerror or str(exc)
    try:
        data = json.loads(raw.decode("utf-8-sig"))     # a BOM (some editors add one) is fine
    except UnicodeDecodeError:
        return None, "it is not UTF-8 text"
    except RecursionError:
        return None, "it is nested too deeply"
    except ValueError as exc:
        return None, f"it is not valid JSON: {exc}"
    if not isinstance(data, dict):
        return None, "it does not hold a JSON object"
    return data, None


def _set_aside(path: Path) -> Path | None:
    """Rename an unusable settings file to ``settings.json.broken-<time>`` (kept
    for the user, never overwritten); None when even that is impossible."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        target = path.with_name(f"{path.name}.broken-{stamp}" + (f"-{n}" if n else ""))
        if os.path.lexists(target):
            continue
        try:
            os.rename(path, target)
        except OSError:
            return None
        return target
    return None


class SettingsProblem(str):
    """One problem line; ``kept`` is where an unusable file was moved to (or None)."""

    kept: Path | None = None


def _unusable(path: Path, reason: str) -> SettingsProblem:
    """Set the file aside and say so, in one line for the terminal and the window."""
    kept = _set_aside(path)
    if kept is None:
        return SettingsProblem(f"{path}: the settings could not be read ({reason}) and the file could not be "
                               "moved aside; the defaults are used and the file is left as it is")
    problem = SettingsProblem(f"{path}: the settings could not be read ({reason}); the file was kept as "
                              f"{kept.name} and the defaults are used")
    problem.kept = kept
    return problem


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings; returns them and a list of problems found (for a
    warning).  A file that cannot be used is moved aside (``.broken-<time>``),
    never silently replaced; a bad value falls back to its default alone."""
    path = path or settings_path()
    data, reason = _read(path)
    if reason is not None:
        _seen[str(path)] = asdict(Settings())
        return Settings(), [_unusable(path, reason)]
    if data is None:
        _seen[str(path)] = asdict(Settings())
        return Settings(), []
    settings, problems = _clean(data)
    _seen[str(path)] = asdict(settings)
    return settings, [f"{path}: {p}" for p in problems]


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings this window changed, keeping everything else in the file.

    The file is read again first: a setting another window saved meanwhile
    stays, and only the keys that differ from what this window last read or
    wrote are replaced.  The write is atomic.  A file that has become unusable
    is moved aside before the new one is written."""
    path = path or settings_path()
    memory = str(path)
    try:
        if path.is_symlink() and path.resolve().is_file():
            path = path.resolve()          # e.g. a dotfiles manager's link: write through it
    except (OSError, RuntimeError):        # a loop of links: it is set aside below
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    mine = asdict(settings)
    before = _seen.get(memory, asdict(Settings()))
    changed = {name: value for name, value in mine.items() if before.get(name) != value}
    data, reason = _read(path)
    if reason is not None:
        if _set_aside(path) is None:
            raise OSError(f"{path} cannot be read ({reason}) nor moved aside; the settings were not saved")
        data = None
    merged = {**asdict(Settings()), **(data if isinstance(data, dict) else {}), **changed}
    write_atomic(path, json.dumps(merged, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    _seen[memory] = mine
    return path
