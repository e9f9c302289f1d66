"""Making session and result files from the engine's objects (no file I/O here
beyond what :mod:`game.session.formats` does when asked to write).

    session = new_session(yaml_text, seed=42, title="Monday class", lang="en")
    result = result_from_game(session_scenario_block, session_id, game, player="Kim", team=None)
"""
from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from game import __version__
from game.engine import Game
from game.engine.strategies import play_single
from game.scenario import validate_text
from game.scenario.model import Scenario
from game.session.formats import (
    FORMAT, RESULT_MARKER, SESSION_MARKER, ScenarioBlock, Session, SessionFileError, now_text,
    result_filename, rounds_from_history, scenario_sha256, write_json,
)

#: the strategies whose score on the session's seed is the par
PAR_STRATEGIES = ("expert", "oracle")

__all__ = ["PAR_STRATEGIES", "Recorder", "coached", "new_session", "par_for", "practice_block", "result_from_game",
           "scenario_of", "write_result"]


def scenario_of(block: ScenarioBlock, where: str) -> Scenario:
    """The scenario a session or result carries; one-line SessionFileError when it does not load."""
    scenario, diags = validate_text(block.yaml, f"{where}#scenario")
    errors = [d for d in diags if d.is_error]
    if scenario is None or errors:
        first = str((errors or diags)[0]) if (errors or diags) else "does not load"
        raise SessionFileError(f"{where}: scenario: {first}")
    return scenario


def par_for(scenario: Scenario, seed: int) -> dict[str, dict]:
    """What each par strategy scores when it plays this very deal (same seed)."""
    out = {}
    for name in PAR_STRATEGIES:
        debrief = play_single(scenario, name, seed).debrief()
        out[name] = {"score": int(debrief.score.total), "outcome": debrief.outcome}
    return out


def new_session(yaml_text: str, scenario: Scenario, *, seed: int, title: str | None = None,
                lang: str = "en", show_matrix: bool = True) -> dict:
    """A session file's content (par included), ready for ``write_json``."""
    return {
        SESSION_MARKER: FORMAT,
        "session_id": str(uuid.uuid4()),
        "title": title or scenario.title,
        "lang": lang,
        "seed": int(seed),
        "created": now_text(),
        "program_version": __version__,
        "scenario": {"id": scenario.id, "title": scenario.title,
                     "sha256": scenario_sha256(yaml_text), "yaml": yaml_text},
        "options": {"show_matrix": bool(show_matrix)},
        "par": par_for(scenario, seed),
    }


def result_from_game(session: Session, game: Game, *, player: str, team: str | None = None) -> dict:
    """The result file's content for a finished ``game`` of ``session``."""
    debrief = game.debrief()
    score = debrief.score
    return {
        RESULT_MARKER: FORMAT,
        "session_id": session.session_id,
        "scenario_id": session.scenario.id,
        "scenario_sha256": session.scenario.sha256,
        "seed": int(game.seed),
        "player": player,
        "team": team or None,
        "program_version": __version__,
        "created": now_text(),
        "rounds": rounds_from_history(game.history),
        "outcome": debrief.outcome,
        "winner": debrief.winner,
        "account_type": debrief.account_type,
        "score": {"total": int(score.total), "grade": score.grade, "parts": dict(score.parts)},
        "scenario": session.scenario.model_dump(),
    }


def practice_block(game: Game, mode: str, coach: bool) -> dict:
    """The result's optional ``practice`` block: where it was played, whether the coach was on
    (shown on the leaderboard and the class report), the debrief's advice keys."""
    advice = [m.key for m in game.debrief().advice]
    block = {"mode": mode, "coach": bool(coach), "advice": advice[:20]}
    if getattr(game, "undos", 0):           # rounds taken back (Game.undo_round): the result says so
        block["undos"] = int(game.undos)
    return block


def coached(result) -> bool:
    """Whether the coach was on in a result's game (a result without the block: no)."""
    practice = getattr(result, "practice", None)
    return bool(practice is not None and practice.coach)


def write_result(folder: str | Path, result: dict) -> Path:
    """Write ``result`` atomically into ``folder`` (created if needed); returns the file's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / result_filename(result)
    write_json(path, result)
    return path


class Recorder:
    """Writes a session's result file the moment a played deal ends (the UI calls it).

    ``recorder(app, game)``: a game on another seed or scenario (e.g. "new
    deal" from the debrief) is not part of the session and is not recorded.
    Every file written is in :attr:`written`, every failure in :attr:`errors`.
    """

    def __init__(self, session: Session, scenario: Scenario, player: str, team: str | None, folder: Path):
        self.session, self.scenario = session, scenario
        self.player, self.team, self.folder = player, team, Path(folder)
        self.fallback = Path(tempfile.gettempdir()) / "b2bsim-results"
        self.written: list[Path] = []
        self.errors: list[str] = []
        self.skipped = 0

    def __call__(self, app, game: Game) -> Path | None:
        if game.scenario is not self.scenario or game.seed != self.session.seed:
            self.skipped += 1
            self._tell(app, "not recorded: this deal is not the session's deal (different seed)")
            return None
        result = result_from_game(self.session, game, player=self.player, team=self.team)
        coach = bool(getattr(getattr(app, "flow", None), "coach", False))     # the coach helped in this deal
        result["practice"] = practice_block(game, "session", coach)
        try:
            path = write_result(self.folder, result)
        except OSError as exc:
            problem = f"could not write the result into {self.folder}: {exc.strerror or exc}"
            try:        # nothing lost: keep it where it can be written, and say where
                path = write_result(self.fallback, result)
            except OSError:
                self.errors.append(problem)
                self._tell(app, problem)
                return None
            self.errors.append(f"{problem}; it was saved as {path} instead: hand that file to your trainer")
            self._tell(app, self.errors[-1])
            self.written.append(path)
            return path
        self.written.append(path)
        self._tell(app, f"result saved: {path.name}")
        return path

    @staticmethod
    def _tell(app, text: str) -> None:
        notify = getattr(app, "notify", None)
        if notify is not None:
            notify(text, 5.0)
