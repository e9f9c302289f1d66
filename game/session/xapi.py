"""xAPI 1.0.3 statements for result files, and posting them to an LRS.

Each verified game gives two statements: ``completed`` (result with the score,
raw 0..1000 and scaled 0..1, success = the deal was won) and ``passed`` or
``failed``.  The actor is the player (an account), the object the scenario
(an activity), the context's ``registration`` the session id.  Statement ids
are UUID v5 values derived from the result's content, so posting the same
results twice stores nothing new.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid

from game.engine.types import SCORE_PARTS
from game.session.formats import Result

__all__ = ["XAPI_VERSION", "LrsError", "post_statements", "statement_ids", "statements_for", "validate_statement"]

XAPI_VERSION = "1.0.3"
#: b2bsim's own IRI space (the reserved .invalid domain: never a real site, never fetched)
BASE = "https://b2bsim.invalid/xapi"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)
VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
TIMEOUT = 20.0


class LrsError(Exception):
    """The LRS could not be reached or refused the statements; the message is one line."""


def _lang(result: Result) -> str:
    match = re.search(r"^language:\s*([A-Za-z-]+)", result.scenario.yaml, re.MULTILINE)
    return (match.group(1) if match else "en").lower()


def _account(name: str, kind: str) -> dict:
    return {"homePage": f"{BASE}/{kind}", "name": name}


def _identity(result: Result) -> str:
    """What makes a game unique: its session, player, team, time and every action."""
    data = result.model_dump(include={"session_id", "player", "team", "created", "seed", "rounds"})
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def statement_ids(result: Result) -> dict[str, str]:
    base = _identity(result)
    return {verb: str(uuid.uuid5(NAMESPACE, f"{base}/{verb}")) for verb in ("completed", "outcome")}


def statements_for(result: Result, session_title: str | None = None) -> list[dict]:
    """The statements of one verified game."""
    lang = _lang(result)
    won = result.outcome == "won"
    ids = statement_ids(result)
    actor = {"objectType": "Agent", "name": result.player, "account": _account(result.player, "players")}
    activity = {
        "objectType": "Activity",
        "id": f"{BASE}/scenarios/{urllib.parse.quote(result.scenario_id, safe='')}",
        "definition": {
            "type": SIMULATION,
            "name": {lang: result.scenario.title},
            "extensions": {f"{BASE}/ext/scenario-sha256": result.scenario_sha256},
        },
    }
    context = {
        "registration": result.session_id,
        "platform": f"b2bsim {result.program_version}",
        "language": lang,
        "contextActivities": {"parent": [{
            "objectType": "Activity", "id": f"{BASE}/sessions/{result.session_id}",
            "definition": {"name": {lang: session_title or result.scenario.title}},
        }]},
        "extensions": {f"{BASE}/ext/seed": result.seed},
    }
    if result.team:
        context["team"] = {"objectType": "Group", "name": result.team, "account": _account(result.team, "teams")}
    score = {"raw": result.score.total, "min": 0, "max": 1000, "scaled": round(result.score.total / 1000, 4)}
    extensions = {f"{BASE}/ext/outcome": result.outcome, f"{BASE}/ext/grade": result.score.grade}
    extensions.update({f"{BASE}/ext/part/{k}": result.score.parts[k] for k in SCORE_PARTS if k in result.score.parts})
    verb_name = "passed" if won else "failed"
    out = []
    for sid, verb in ((ids["completed"], "completed"), (ids["outcome"], verb_name)):
        out.append({
            "id": sid,
            "actor": actor,
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
            "object": activity,
            "result": {"score": score, "success": won, "completion": True, "extensions": extensions},
            "context": context,
            "timestamp": result.created,
        })
    return out


# ---------------------------------------------------------------- structure check
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def _lang_map(value, where: str) -> list[str]:
    if not isinstance(value, dict) or not value:
        return [f"{where}: a language map is required"]
    return [f"{where}: {k!r} is not a language tag" for k in value if not _LANG.match(str(k))]


def _agent(value, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: an Agent or Group object is required"]
    ifis = [k for k in ("mbox", "mbox_sha1sum", "openid", "account") if k in value]
    if len(ifis) != 1:
        return [f"{where}: exactly one inverse functional identifier is required"]
    acc = value.get("account")
    if acc is not None and not (isinstance(acc, dict) and _IRI.match(str(acc.get("homePage", "")))
                                and isinstance(acc.get("name"), str) and acc["name"]):
        return [f"{where}.account: homePage (IRL) and name are required"]
    return []


def validate_statement(st: dict) -> list[str]:
    """Problems with ``st`` as an xAPI 1.0.3 statement (the parts b2bsim writes); [] when valid."""
    problems: list[str] = []
    if not _UUID.match(str(st.get("id", ""))):
        problems.append("id: a UUID is required")
    problems += _agent(st.get("actor"), "actor")
    verb = st.get("verb") or {}
    if not _IRI.match(str(verb.get("id", ""))):
        problems.append("verb.id: an IRI is required")
    if "display" in verb:
        problems += _lang_map(verb["display"], "verb.display")
    obj = st.get("object") or {}
    if obj.get("objectType", "Activity") != "Activity" or not _IRI.match(str(obj.get("id", ""))):
        problems.append("object: an Activity with an IRI id is required")
    if "definition" in obj and "name" in obj["definition"]:
        problems += _lang_map(obj["definition"]["name"], "object.definition.name")
    score = (st.get("result") or {}).get("score")
    if score is not None:
        scaled, raw = score.get("scaled"), score.get("raw")
        if scaled is not None and not -1 <= scaled <= 1:
            problems.append("result.score.scaled: must be between -1 and 1")
        if raw is not None and not score.get("min", raw) <= raw <= score.get("max", raw):
            problems.append("result.score.raw: must be between min and max")
    ctx = st.get("context") or {}
    if "registration" in ctx and not _UUID.match(str(ctx["registration"])):
        problems.append("context.registration: a UUID is required")
    if "team" in ctx:
        problems += _agent(ctx["team"], "context.team")
    for group in (ctx.get("extensions") or {}), ((st.get("result") or {}).get("extensions") or {}):
        problems += [f"extension key {k!r}: an IRI is required" for k in group if not _IRI.match(k)]
    if "timestamp" in st and not _TIME.match(str(st["timestamp"])):
        problems.append("timestamp: an ISO 8601 time with a time zone is required")
    return problems


# ---------------------------------------------------------------- posting
def statements_url(lrs: str) -> str:
    """The statements resource of an LRS endpoint (``…/xAPI/`` or ``…/xAPI/statements``)."""
    parsed = urllib.parse.urlparse(lrs)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise LrsError(f"--lrs {lrs!r}: give the LRS endpoint as an http(s) URL, e.g. https://lrs.example.org/xAPI/")
    path = parsed.path.rstrip("/")
    if not path.endswith("/statements"):
        path += "/statements"
    return urllib.parse.urlunparse(parsed._replace(path=path))


def post_statements(lrs: str, auth: str, statements: list[dict], timeout: float = TIMEOUT) -> list[str]:
    """POST ``statements`` (one request); the ids the LRS stored (or already had). LrsError otherwise."""
    url = statements_url(lrs)
    if ":" not in auth:
        raise LrsError("--auth: write it as USER:PASS (the LRS's basic-auth key and secret)")
    token = base64.b64encode(auth.encode("utf-8")).decode("ascii")
    body = json.dumps(statements, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION,
        "Authorization": f"Basic {token}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read(1_000_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        hint = " (check --auth)" if exc.code in (401, 403) else ""
        raise LrsError(f"the LRS at {url} refused the statements: HTTP {exc.code}{hint} {detail}".rstrip()) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise LrsError(f"cannot reach the LRS at {url}: {reason}; check the URL and the network") from None
    try:
        stored = json.loads(text) if text.strip() else []
    except json.JSONDecodeError:
        stored = []
    return [str(s) for s in stored] if isinstance(stored, list) else []
