"""A learner's history: one result file per finished game or drill, under
``<data dir>/history/<profile folder>/``.

* A game is kept as a session result file (:mod:`game.session.formats`),
  written by the session's own writer, so ``b2bsim verify`` replays it.  A
  solo game has ``"session_id": "solo"``; the optional ``practice`` block holds
  the coach flag and the debrief's advice keys.
* A drill is kept as ``{"b2bsim_drill": 1, ...}``: the scenario, seed, links
  and time left, so its score can be recomputed, plus what each link meant
  (role, benefit, hit / miss / missed) for the progress screen.

Every write is atomic (temporary file, fsync, rename): killing the game during
or right after a write never leaves a half-written file or loses an earlier
one.  File names start with the time in nanoseconds so a folder lists in
playing order.  Nothing is ever sent anywhere.
"""
from __future__ import annotations

import time

import numpy as np
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game import __version__
from game import drill as rules
from game.drill import DrillScore, DrillSetup
from game.files import read_start
from game.session.formats import (
    Result, ScenarioBlock, SessionFileError, now_text, read_json, read_result, result_filename,
    scenario_sha256, write_json,
)
from game.session.record import practice_block, result_from_game, scenario_of
from game.session.verify import Checked

SOLO = "solo"
DRILL_MARKER = "b2bsim_drill"
MAX_DRILL_BYTES = 2_000_000

__all__ = ["DrillRecord", "History", "SOLO", "drill_result", "game_result", "load_history",
           "record_drill", "record_game", "scenario_block"]


def scenario_block(scenario) -> dict:
    """The scenario as a result carries it (YAML text + sha256), so the result replays on its own."""
    data = scenario.model_dump(mode="json", exclude_defaults=True)      # as a writer would: defaults left out
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return {"id": scenario.id, "title": scenario.title, "sha256": scenario_sha256(text), "yaml": text}


@dataclass(frozen=True)
class _Source:
    """What :func:`result_from_game` reads from a session: its id and scenario block."""
    session_id: str
    scenario: ScenarioBlock


def game_result(scenario, game, player: str, *, session=None, coach: bool = False,
                mode: str | None = None) -> dict:
    """The history result of a finished ``game``: a session's own block when played in one, else solo."""
    source = session if session is not None else _Source(SOLO, ScenarioBlock(**scenario_block(scenario)))
    result = result_from_game(source, game, player=player)
    result["practice"] = practice_block(game, mode or ("session" if session is not None else "solo"), coach)
    return result


def _write(folder: Path, name: str, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.time_ns():020d}-{name}"
    write_json(path, data)
    return path


def record_game(folder: str | Path, result: dict) -> Path:
    """Write a game's result atomically into the profile's ``folder``; returns its path (OSError if it cannot)."""
    return _write(Path(folder), result_filename(result), result)


# ---------------------------------------------------------------- drills
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DrillCell(_Strict):
    role: str
    benefit: str
    result: Literal["hit", "miss", "missed"]
    benefit_name: str = ""


class DrillScoreRecord(_Strict):
    total: int = Field(ge=0, le=1000)
    grade: str
    accuracy: float = Field(ge=0.0, le=1.0)
    hits: int = Field(ge=0)
    misses: int = Field(ge=0)


class DrillRecord(_Strict):
    b2bsim_drill: Literal[1]
    player: str = Field(min_length=1, max_length=80)
    program_version: str
    created: str
    seed: int = Field(ge=0, lt=2**63)
    scenario_id: str
    scenario_sha256: str
    links: list[tuple[str, str]] = Field(max_length=400)
    time_left: float = Field(ge=0.0)
    score: DrillScoreRecord
    cells: list[DrillCell] = Field(max_length=2000)
    scenario: ScenarioBlock
    coach: Optional[bool] = None


def drill_cells(scenario, setup: DrillSetup, links) -> list[dict]:
    """Each link made (hit or miss) and each answer left out (missed), by the member's role."""
    roles = {m.id: m.roles for m in scenario.members}        # a member with two roles counts for both
    names = {b.id: b.name for b in scenario.benefits}
    made = set(links)
    cells = [{"role": r, "benefit": b, "benefit_name": names.get(b, b),
              "result": "hit" if setup.care_of(m, b) > 0 else "miss"} for m, b in links for r in roles[m]]
    for m in setup.members:
        cells += [{"role": r, "benefit": b, "benefit_name": names.get(b, b), "result": "missed"}
                  for b in setup.answer(m) if (m, b) not in made for r in roles[m]]
    return cells


def drill_result(scenario, seed: int, setup: DrillSetup, links, time_left: float, score: DrillScore,
                 player: str) -> dict:
    block = scenario_block(scenario)
    return {
        DRILL_MARKER: 1, "player": player, "program_version": __version__, "created": now_text(),
        "seed": int(seed), "scenario_id": scenario.id, "scenario_sha256": block["sha256"],
        "links": [[m, b] for m, b in links], "time_left": round(float(max(0.0, time_left)), 3),
        "score": {"total": int(score.total), "grade": score.grade, "accuracy": round(float(score.accuracy), 6),
                  "hits": int(score.hits), "misses": int(score.misses)},
        "cells": drill_cells(scenario, setup, links), "scenario": block,
    }


def record_drill(folder: str | Path, result: dict) -> Path:
    return _write(Path(folder), f"drill-{result['scenario_id'][:30]}-{int(result['seed'])}.json", result)


def read_drill(path: str | Path) -> DrillRecord:
    data = read_json(path, MAX_DRILL_BYTES, "drill result")
    if data.get(DRILL_MARKER) != 1:
        raise SessionFileError(f"{path}: not a b2bsim drill result")
    try:
        return DrillRecord.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err.get("loc", ())) or "(top)"
        raise SessionFileError(f"{path}: {where}: {err.get('msg', 'invalid')}; the drill file was changed") from None


def is_drill(path: str | Path) -> bool:
    """Whether ``path`` starts like a drill result (a special or unreadable file is not one)."""
    try:
        return f'"{DRILL_MARKER}"'.encode() in read_start(path, 200)
    except (OSError, ValueError):
        return False


def check_drill_file(path: str | Path) -> Checked:
    """Recompute a drill result from its scenario, seed, links and time left (``b2bsim verify``)."""
    name = str(path)
    try:
        drill = read_drill(path)
    except SessionFileError as exc:
        text = str(exc)
        return Checked(name, None, [("file", text[len(name) + 2:] if text.startswith(name + ": ") else text)])
    problems: list[tuple[str, str]] = []
    if drill.program_version != __version__:
        problems.append(("version", f"written by b2bsim {drill.program_version}, this is {__version__}"))
    if not (drill.scenario_sha256 == drill.scenario.sha256 == scenario_sha256(drill.scenario.yaml)):
        return Checked(name, None, problems + [("scenario", "the scenario text does not match its hash")])
    try:
        scenario = scenario_of(drill.scenario, name)
    except SessionFileError as exc:
        return Checked(name, None, problems + [("scenario", str(exc))])
    setup = rules.make_drill(scenario, np.random.default_rng(np.random.SeedSequence(drill.seed)))
    links: list[tuple[str, str]] = []
    for member, benefit in drill.links:
        if member not in setup.members or benefit not in setup.benefits or \
                not rules.judge(setup, set(links), member, benefit).accepted:
            return Checked(name, None, problems + [("actions", f"the link {member} → {benefit} cannot be made")])
        links.append((member, benefit))
    score = rules.score(setup, links, drill.time_left)
    kept = drill.score
    if (score.total, score.grade, score.hits, score.misses) != (kept.total, kept.grade, kept.hits, kept.misses) \
            or abs(score.accuracy - kept.accuracy) > 1e-6:
        problems.append(("score", f"the file says {kept.total}, the links give {score.total}"))
    if [c.model_dump() for c in drill.cells] != drill_cells(scenario, setup, links):
        problems.append(("parts", "the role × benefit cells differ from the links"))
    return Checked(name, None, problems)


# ---------------------------------------------------------------- reading back
@dataclass
class History:
    games: list[Result] = field(default_factory=list)           # oldest first
    drills: list[DrillRecord] = field(default_factory=list)     # oldest first
    paths: list[Path] = field(default_factory=list)             # the games' files, same order
    skipped: list[str] = field(default_factory=list)            # one line per file that could not be read


def load_history(folder: str | Path) -> History:
    """Every result in ``folder``, oldest first; a damaged file is skipped and named, never fatal.

    Temporary files of an interrupted write (``.name.xxx.tmp``) are not results and are ignored."""
    history = History()
    folder = Path(folder)
    if not folder.is_dir():
        return history
    for path in sorted(p for p in folder.glob("*.json") if not p.name.startswith(".")):
        try:
            head = read_start(path, 200)
            if DRILL_MARKER.encode() in head:
                history.drills.append(read_drill(path))
            else:
                history.games.append(read_result(path))
                history.paths.append(path)
        except (SessionFileError, OSError) as exc:
            history.skipped.append(str(exc))
    return history


def games_played(folder: str | Path) -> int:
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.glob("*.json") if not p.name.startswith(".") and "-drill-" not in p.name)
