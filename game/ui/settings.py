"""User settings: a small JSON file under the user's config folder.

Written atomically (temp file, fsync, os.replace).  A corrupt or unreadable
file never stops the game: it is reported, and the defaults are used and
written back.  ``B2BSIM_CONFIG_DIR`` overrides the folder (tests use it).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from game.files import write_atomic

LANGUAGES = ("en", "ko")
TEXT_SIZES = ("small", "medium", "large")
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1024, 640), (1280, 720), (1600, 900), (1920, 1080))
MOTIONS = ("full", "reduced")


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    text_size: str = "medium"
    motion: str = "full"

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
    }
    for key, value in data.items():
        if key not in checks:
            problems.append(f"unknown setting '{key}' ignored")
        elif not checks[key](value):
            problems.append(f"'{key}': {value!r} is not allowed, using {getattr(base, key)!r}")
        else:
            values[key] = value
    return replace(base, **values), problems


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings; returns them and a list of problems found (for a
    warning).  A broken file is replaced by one with the defaults."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        settings = Settings()
        msg = (f"{path}: could not read the settings ({exc.__class__.__name__}: {exc}); "
               "the defaults are used and the file was rewritten")
        try:
            save_settings(settings, path)
        except OSError:
            msg = msg.replace("and the file was rewritten", "(the file could not be rewritten)")
        return settings, [msg]
    settings, problems = _clean(data)
    return settings, [f"{path}: {p}" for p in problems]


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n"
    write_atomic(path, text)
    return path
