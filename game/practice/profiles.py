"""Learner profiles: a name set once, several on one computer.

Stored in ``<data dir>/profiles.json``::

    {"current": "Kim", "profiles": {"Kim": {"coach": "auto"}, "Lee": {"coach": "off"}}}

The data dir is ``B2BSIM_DATA_DIR`` (tests use it) or the user data folder
(``platformdirs.user_data_dir("b2bsim")``).  Each profile's history lives in
``<data dir>/history/<folder>/`` (:func:`profile_folder`).  A damaged
profiles file never stops the game: it is set aside and reported.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from game.files import FileTooLarge, NotARegularFile, read_limited, write_atomic

#: coach settings: "auto" = on for a profile's first COACH_AUTO_GAMES games, then off
COACH_MODES = ("auto", "on", "off")
COACH_AUTO_GAMES = 5
#: the profile made silently for a game played before any profile was chosen, when the login name is unusable
DEFAULT_NAME = "Player"
MAX_NAME = 40
MAX_PROFILES_BYTES = 200_000


class ProfileError(ValueError):
    """A profile name that cannot be used; the message is one line saying how to fix it."""


def data_dir() -> Path:
    override = os.environ.get("B2BSIM_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("b2bsim"))


def history_root() -> Path:
    return data_dir() / "history"


def profiles_path() -> Path:
    return data_dir() / "profiles.json"


def clean_name(text: str | None) -> str:
    """The profile name as it will be kept (spaces folded); ProfileError when unusable."""
    name = " ".join((text or "").split())
    if not name:
        raise ProfileError("type a name for your profile (it is kept on this computer only)")
    if len(name) > MAX_NAME:
        raise ProfileError(f"use a name of at most {MAX_NAME} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ProfileError("use printable characters only")
    return name


def profile_folder(name: str) -> str:
    """The history folder name of a profile: readable, and distinct for distinct names."""
    slug = re.sub(r"[^\w-]+", "-", name.strip(), flags=re.UNICODE).strip("-_").lower()[:30] or "profile"
    if slug == name:
        return slug
    return f"{slug}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:6]}"


@dataclass
class Profiles:
    current: str | None = None
    coach: dict[str, str] = field(default_factory=dict)      # name -> coach mode
    problem: str | None = None                               # what was wrong with the file, if anything

    @property
    def names(self) -> list[str]:
        return sorted(self.coach, key=str.casefold)

    def folder(self, name: str | None = None) -> Path:
        return history_root() / profile_folder(name or self.current or "")

    def coach_mode(self, name: str | None = None) -> str:
        return self.coach.get(name or self.current or "", "auto")

    def to_json(self) -> dict:
        return {"current": self.current, "profiles": {n: {"coach": self.coach[n]} for n in self.names}}


def load_profiles() -> Profiles:
    """The profiles on this computer; an unreadable or damaged file is set aside (never lost) and reported."""
    path = profiles_path()
    if not path.exists() and not path.is_symlink():
        return Profiles()
    try:
        data = json.loads(read_limited(path, MAX_PROFILES_BYTES).decode("utf-8"))
        current = data.get("current")
        coach = {}
        for name, info in (data.get("profiles") or {}).items():
            mode = info.get("coach", "auto") if isinstance(info, dict) else "auto"
            coach[clean_name(name)] = mode if mode in COACH_MODES else "auto"
        if current is not None and current not in coach:
            current = None
        return Profiles(current, coach)
    except (OSError, ValueError, AttributeError, TypeError, NotARegularFile, FileTooLarge) as exc:
        aside = path.with_name(f"{path.name}.broken-{int(time.time())}")
        try:
            os.replace(path, aside)
            where = f"it was moved to {aside}"
        except OSError:
            where = "it was left as it is"
        return Profiles(problem=f"{path}: could not be read ({exc}); {where}")


def save_profiles(profiles: Profiles) -> None:
    path = profiles_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(profiles.to_json(), ensure_ascii=False, indent=1) + "\n")


def use_profile(name: str) -> Profiles:
    """Make ``name`` the current profile (created if new) and save; ProfileError for a bad name."""
    name = clean_name(name)
    profiles = load_profiles()
    profiles.coach.setdefault(name, "auto")
    profiles.current = name
    profiles.problem = None
    save_profiles(profiles)
    return profiles


def default_name() -> str:
    """The name a profile made without asking gets: the computer's login name, else ``DEFAULT_NAME``."""
    try:
        return clean_name(getpass.getuser())
    except (ProfileError, OSError, KeyError, ImportError):
        return DEFAULT_NAME


def ensure_profile() -> tuple[Profiles, bool]:
    """The current profile; when none was chosen yet, one is made silently under :func:`default_name`
    (a game played straight from ``b2bsim play FILE`` is kept too).  (profiles, made now); OSError if it
    cannot be saved."""
    profiles = load_profiles()
    if profiles.current is not None:
        return profiles, False
    name = default_name()
    if name not in profiles.coach and any(n.casefold() == name.casefold() for n in profiles.coach):
        name = next(n for n in profiles.coach if n.casefold() == name.casefold())
    return use_profile(name), True


def set_coach(mode: str) -> Profiles:
    """Set the current profile's coach mode ("auto", "on", "off") and save."""
    if mode not in COACH_MODES:
        raise ProfileError(f"coach must be one of {', '.join(COACH_MODES)}")
    profiles = load_profiles()
    if profiles.current is None:
        raise ProfileError("choose a profile first")
    profiles.coach[profiles.current] = mode
    save_profiles(profiles)
    return profiles


def coach_on(mode: str, games_played: int) -> bool:
    """Whether the coach helps in the next game: "auto" keeps it on for the first games."""
    if mode == "on":
        return True
    if mode == "off":
        return False
    return games_played < COACH_AUTO_GAMES
