"""Joining a session to play it: read the session file, check the player's
name and the results folder *before* the window opens, and hand back what the
game window needs (scenario, seed, a :class:`Recorder`)."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from game.scenario.model import Scenario
from game.session.formats import Session, SessionFileError, read_session
from game.session.record import Recorder, scenario_of

__all__ = ["Joined", "default_results_dir", "join", "writable_folder"]


def default_results_dir() -> Path:
    """Where result files go without ``--results``: ``B2BSIM_RESULTS_DIR`` (e.g. a class's shared
    folder), else the user data folder."""
    override = os.environ.get("B2BSIM_RESULTS_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("b2bsim")) / "results"


def writable_folder(folder: Path) -> str | None:
    """None when result files can be written into ``folder`` (created if needed), else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".b2bsim-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return (f"results folder {folder} cannot be written ({exc.strerror or exc}); "
                "choose another with --results DIR")
    return None


@dataclass
class Joined:
    session: Session
    scenario: Scenario
    recorder: Recorder


def clean_name(text: str | None, what: str, required: bool) -> str | None:
    name = " ".join((text or "").split())
    if not name:
        if required:
            raise SessionFileError(f"{what}: give your name, e.g. --player \"Kim Min-ji\" "
                                   "(it goes on your result and the class leaderboard)")
        return None
    if len(name) > 80 or any(ord(ch) < 32 for ch in name):
        raise SessionFileError(f"{what}: use a name of at most 80 printable characters")
    return name


def join(session_path: str, player: str | None, team: str | None = None, results: str | None = None,
         seed: int | None = None) -> Joined:
    """Everything needed to play ``session_path``; one-line SessionFileError when something is wrong."""
    session = read_session(session_path)
    if seed is not None and seed != session.seed:
        raise SessionFileError(f"--seed {seed}: a session is played on its own seed ({session.seed}); "
                               "leave --seed out")
    player_name = clean_name(player, "--player", required=True)
    team_name = clean_name(team, "--team", required=False)
    scenario = scenario_of(session.scenario, session_path)
    folder = Path(results) if results else default_results_dir()
    problem = writable_folder(folder)
    if problem:
        raise SessionFileError(problem)
    return Joined(session, scenario, Recorder(session, scenario, player_name, team_name, folder))
