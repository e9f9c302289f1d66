"""The two files of a training session, as JSON: the session file a trainer
hands out and the result file each finished game writes.

Session file (``b2bsim session new``)::

    {"b2bsim_session": 1, "session_id": "<uuid4>", "title": "...", "lang": "en",
     "seed": 42, "created": "2026-12-02T11:30:00+00:00", "program_version": "0.1.0",
     "scenario": {"id": "...", "title": "...", "sha256": "<hex>", "yaml": "<the YAML text>"},
     "options": {"show_matrix": true},
     "par": {"expert": {"score": 487, "outcome": "no_decision"}, "oracle": {...}}}

Result file (one per finished game)::

    {"b2bsim_result": 1, "session_id": "...", "scenario_id": "...", "scenario_sha256": "...",
     "seed": 42, "player": "Kim", "team": "Blue", "program_version": "0.1.0",
     "created": "...", "rounds": [[{"kind": "ask", "member": "cfo"}, ...], ...],
     "outcome": "won", "winner": "player", "account_type": "key_account",
     "score": {"total": 640, "grade": "B", "parts": {"outcome": 0.7, ...}},
     "scenario": {... the session's scenario block, so a result replays on its own ...},
     "practice": {"mode": "solo", "coach": true, "advice": ["advice.ask_first", ...]}}

A solo game (the learner's history, :mod:`game.practice`) has ``"session_id": "solo"``
and the optional ``practice`` block; ``verify`` checks it like any other result.

Reading never raises for bad input: :class:`SessionFileError` carries one
line ``FILE: what is wrong, and how to fix it``.  Reads are bounded.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.engine.types import ACTION_KINDS, OUTCOMES, SCORE_PARTS, Action
from game.files import read_start, write_atomic

SESSION_MARKER = "b2bsim_session"
RESULT_MARKER = "b2bsim_result"
FORMAT = 1
MAX_SESSION_BYTES = 2_000_000     # the scenario (≤ 1 MB) plus a little
MAX_RESULT_BYTES = 4_000_000      # a result is a few kilobytes; this bounds a bad file

__all__ = [
    "FORMAT", "RESULT_MARKER", "SESSION_MARKER", "Result", "ScenarioBlock", "Session", "SessionFileError",
    "actions_from_rounds", "now_text", "read_json", "read_result", "read_session", "result_filename",
    "rounds_from_history", "scenario_sha256", "sniff", "write_json",
]


class SessionFileError(ValueError):
    """A session or result file that cannot be used; the message is one line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScenarioBlock(_Strict):
    id: str
    title: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    yaml: str = Field(max_length=1_000_000)


class Par(_Strict):
    score: int = Field(ge=0, le=1000)
    outcome: Literal["won", "lost", "no_decision"]


class Options(_Strict):
    show_matrix: bool = True


class Session(_Strict):
    b2bsim_session: Literal[1]
    session_id: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    title: str = Field(max_length=200)
    lang: Literal["en", "ko"] = "en"
    seed: int = Field(ge=0, lt=2**63)
    created: str
    program_version: str
    scenario: ScenarioBlock
    options: Options = Options()
    par: dict[str, Par] = {}


class ActionRecord(_Strict):
    kind: str
    member: Optional[str] = None
    benefit: Optional[str] = None


class ScoreRecord(_Strict):
    total: int = Field(ge=0, le=1000)
    grade: str
    parts: dict[str, float]


class PracticeRecord(_Strict):
    """Optional (older results have none: coach off): where the game was played, whether
    the coach was on (the class report marks it), the debrief's advice keys."""
    mode: Literal["solo", "session", "tutorial"] = "solo"
    coach: bool = False
    advice: list[str] = Field(default=[], max_length=20)
    undos: int = Field(default=0, ge=0)     # rounds taken back from the pause menu (absent: none)


class Result(_Strict):
    b2bsim_result: Literal[1]
    session_id: str
    scenario_id: str
    scenario_sha256: str
    seed: int = Field(ge=0, lt=2**63)
    player: str = Field(min_length=1, max_length=80)
    team: Optional[str] = Field(default=None, max_length=80)
    program_version: str
    created: str
    rounds: list[list[ActionRecord]] = Field(max_length=64)
    outcome: Literal["won", "lost", "no_decision"]
    winner: Optional[str] = None
    account_type: Optional[str] = None
    score: ScoreRecord
    scenario: ScenarioBlock
    practice: Optional[PracticeRecord] = None     # only in a learner's history (game.practice)


# ---------------------------------------------------------------- helpers
def scenario_sha256(yaml_text: str) -> str:
    return hashlib.sha256(yaml_text.encode("utf-8")).hexdigest()


def now_text() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def rounds_from_history(history) -> list[list[dict]]:
    """``Game.history`` as JSON-ready lists (``None`` member/benefit left out)."""
    out = []
    for acts in history:
        row = []
        for a in acts:
            item = {"kind": a.kind}
            if a.member is not None:
                item["member"] = a.member
            if a.benefit is not None:
                item["benefit"] = a.benefit
            row.append(item)
        out.append(row)
    return out


def actions_from_rounds(rounds: list[list[ActionRecord]]) -> list[list[Action]]:
    return [[Action(a.kind, a.member, a.benefit) for a in acts] for acts in rounds]


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w-]+", "-", text.strip(), flags=re.UNICODE).strip("-_").lower()
    return slug[:40] or "player"


def result_filename(result: dict) -> str:
    """``<session8>-<player>[-<team>]-<YYYYmmddTHHMMSS>-<hash6>.json``, unique per game."""
    stamp = re.sub(r"[^0-9T]", "", result["created"].split("+")[0])
    digest = hashlib.sha256(json.dumps(result, sort_keys=True).encode()).hexdigest()[:6]
    team = f"-{_slug(result['team'])}" if result.get("team") else ""
    return f"{result['session_id'][:8]}-{_slug(result['player'])}{team}-{stamp}-{digest}.json"


def write_json(path: str | Path, data: dict) -> None:
    """Pretty JSON, written atomically (the whole file or the old one)."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


# ---------------------------------------------------------------- reading
def read_json(path: str | Path, limit: int, what: str) -> dict:
    """The JSON object in ``path``; :class:`SessionFileError` (one line) otherwise."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise SessionFileError(f"{name}: this is a folder; give the path of a {what} file (.json)")
        with open(p, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise SessionFileError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise SessionFileError(f"{name}: cannot be read (permission denied); check the file's permissions") from None
    except OSError as exc:
        raise SessionFileError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > limit:
        raise SessionFileError(f"{name}: larger than {limit // 1_000_000} MB, so not a {what} file")
    if not raw.strip():
        raise SessionFileError(f"{name}: the file is empty; it may have been cut off while copying")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SessionFileError(f"{name}: not UTF-8 text, so not a {what} file") from None
    except json.JSONDecodeError as exc:
        hint = "the file is cut off (truncated)" if exc.pos >= len(raw.rstrip()) - 1 else "the JSON is broken"
        raise SessionFileError(f"{name}:{exc.lineno}:{exc.colno}: {hint} ({exc.msg}); "
                               f"copy the {what} file again") from None
    except RecursionError:
        raise SessionFileError(f"{name}: nested too deeply to be a {what} file") from None
    if not isinstance(data, dict):
        raise SessionFileError(f"{name}: expected a JSON object, not a {what} file")
    return data


def sniff(path: str | Path) -> str | None:
    """``"session"``, ``"result"`` or None: what kind of b2bsim file ``path`` is (reads its start)."""
    try:
        head = read_start(path, 4096)       # a FIFO or a device is refused, never waited on
    except (OSError, ValueError):
        return None
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("{"):
        return None
    if f'"{SESSION_MARKER}"' in text:
        return "session"
    if f'"{RESULT_MARKER}"' in text:
        return "result"
    return None


def _explain(name: str, exc: ValidationError, what: str) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "(top)"
    msg = err.get("msg", "invalid")
    if err.get("type") == "missing":
        msg = "missing"
    elif err.get("type") == "extra_forbidden":
        msg = "unknown key"
    more = f" (and {len(exc.errors()) - 1} more problems)" if len(exc.errors()) > 1 else ""
    return f"{name}: {where}: {msg}{more}; this {what} file was changed or damaged, use the original"


def _check_block(name: str, block: ScenarioBlock, what: str) -> None:
    if scenario_sha256(block.yaml) != block.sha256:
        raise SessionFileError(f"{name}: scenario: the scenario text does not match its sha256; "
                               f"the {what} file was edited, use the original")


def read_session(path: str | Path) -> Session:
    data = read_json(path, MAX_SESSION_BYTES, "session")
    if SESSION_MARKER not in data:
        hint = " (it is a result file)" if RESULT_MARKER in data else ""
        raise SessionFileError(f"{path}: not a b2bsim session file{hint}; "
                               "make one with 'b2bsim session new SCENARIO'")
    if data.get(SESSION_MARKER) != FORMAT:
        raise SessionFileError(f"{path}: session format {data.get(SESSION_MARKER)!r} is not supported by this "
                               f"version (format {FORMAT}); update b2bsim")
    try:
        session = Session.model_validate(data)
    except ValidationError as exc:
        raise SessionFileError(_explain(str(path), exc, "session")) from None
    _check_block(str(path), session.scenario, "session")
    return session


def read_result(path: str | Path) -> Result:
    data = read_json(path, MAX_RESULT_BYTES, "result")
    if RESULT_MARKER not in data:
        hint = " (it is the session file: pass it with --session)" if SESSION_MARKER in data else ""
        raise SessionFileError(f"{path}: not a b2bsim result file{hint}")
    if data.get(RESULT_MARKER) != FORMAT:
        raise SessionFileError(f"{path}: result format {data.get(RESULT_MARKER)!r} is not supported by this "
                               f"version (format {FORMAT}); update b2bsim")
    try:
        result = Result.model_validate(data)
    except ValidationError as exc:
        raise SessionFileError(_explain(str(path), exc, "result")) from None
    for n, acts in enumerate(result.rounds):
        for a in acts:
            if a.kind not in ACTION_KINDS:
                raise SessionFileError(f"{path}: rounds.{n}: unknown action kind {a.kind!r}; "
                                       "the result file was edited, use the original")
    unknown = set(result.score.parts) - set(SCORE_PARTS)
    if unknown:
        raise SessionFileError(f"{path}: score.parts: unknown part {sorted(unknown)[0]!r}; "
                               "the result file was edited, use the original")
    if result.outcome not in OUTCOMES:       # Literal already checks; kept for clarity of the contract
        raise SessionFileError(f"{path}: outcome: unknown outcome {result.outcome!r}")
    _check_block(str(path), result.scenario, "result")
    return result
