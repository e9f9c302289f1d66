"""Checking a result file: does it belong to the session, and does replaying
its actions with the engine give exactly the score it claims?

    problems = check_result(result, "r.json", session)      # [] when it is ok

A problem is ``(field, text)``; ``field`` is one of ``session``, ``scenario``,
``seed``, ``version``, ``actions``, ``outcome``, ``score``, ``parts``.
"""
from __future__ import annotations

from dataclasses import dataclass

from game import __version__
from game.engine import GameOver, IllegalAction, replay
from game.session.formats import Result, Session, SessionFileError, actions_from_rounds, read_result
from game.session.record import scenario_of

__all__ = ["Checked", "check_file", "check_result"]

#: two floats closer than this count as equal (the file keeps the engine's rounded parts)
TOLERANCE = 1e-6


@dataclass
class Checked:
    """One result file after checking: ``problems`` empty means ok."""

    path: str
    result: Result | None
    problems: list[tuple[str, str]]
    debrief: object = None        # the replayed game's Debrief (None when it could not replay)

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        if self.ok:
            return f"{self.path}: ok"
        return f"{self.path}: " + "; ".join(f"{field}: {text}" for field, text in self.problems)


def _belongs(result: Result, session: Session | None) -> list[tuple[str, str]]:
    problems = []
    if result.program_version != __version__:
        problems.append(("version", f"written by b2bsim {result.program_version}, this is {__version__}; "
                                    f"verify it with b2bsim {result.program_version}"))
    if result.scenario_sha256 != result.scenario.sha256:
        problems.append(("scenario", "the scenario hash does not match the scenario the result carries"))
    if session is None:
        return problems
    if result.session_id != session.session_id:
        problems.append(("session", f"from session {result.session_id}, not {session.session_id}"))
    if result.scenario_sha256 != session.scenario.sha256:
        problems.append(("scenario", "played on a different scenario than the session's"))
    if result.seed != session.seed:
        problems.append(("seed", f"played with seed {result.seed}, the session's seed is {session.seed}"))
    return problems


def check_result(result: Result, path: str, session: Session | None = None) -> Checked:
    """Replay ``result`` and compare; with ``session`` also check it belongs to it."""
    problems = _belongs(result, session)
    block = session.scenario if session is not None else result.scenario
    try:
        scenario = scenario_of(block, path)
    except SessionFileError as exc:
        return Checked(path, result, problems + [("scenario", str(exc))])
    try:
        game = replay(scenario, result.seed, actions_from_rounds(result.rounds))
    except (IllegalAction, GameOver) as exc:
        return Checked(path, result, problems + [("actions", f"do not replay ({exc})")])
    if not game.done:
        return Checked(path, result, problems + [("actions", f"the game is not finished after "
                                                             f"{len(result.rounds)} rounds")])
    debrief = game.debrief()
    if debrief.outcome != result.outcome:
        problems.append(("outcome", f"the file says {result.outcome}, the replay gives {debrief.outcome}"))
    if debrief.score.total != result.score.total:
        problems.append(("score", f"the file says {result.score.total}, the replay gives {debrief.score.total}"))
    replayed = dict(debrief.score.parts)
    if set(replayed) != set(result.score.parts) or any(
            abs(replayed[k] - result.score.parts[k]) > TOLERANCE for k in replayed):
        wrong = sorted(k for k in replayed if abs(replayed[k] - result.score.parts.get(k, -1.0)) > TOLERANCE)
        problems.append(("parts", f"{', '.join(wrong) or 'the list of parts'} differ from the replay"))
    if debrief.score.grade != result.score.grade:
        problems.append(("score", f"grade {result.score.grade} in the file, {debrief.score.grade} in the replay"))
    return Checked(path, result, problems, debrief)


def check_file(path: str, session: Session | None = None) -> Checked:
    """Read and check one result file; a file that cannot be read is one problem."""
    try:
        result = read_result(path)
    except SessionFileError as exc:
        text = str(exc)
        prefix = f"{path}: "
        return Checked(path, None, [("file", text[len(prefix):] if text.startswith(prefix) else text)])
    return check_result(result, path, session)
