"""``b2bsim session new SCENARIO [--seed N] [--title T] [--lang L] [--out FILE]``:
one session file for the whole class, and the par of its deal."""
from __future__ import annotations

import re
import secrets
import sys
from pathlib import Path

from game.scenario import validate_text
from game.scenario.bundled import UnknownScenario, scenario_path
from game.scenario.file_text import read_text
from game.session import new_session, write_json


def _fail(message: str) -> int:
    print(f"b2bsim session: {message}", file=sys.stderr)
    return 1


def _load(name: str):
    """(yaml text, scenario) or (None, error lines)."""
    try:
        path = scenario_path(name)
    except UnknownScenario as exc:
        return None, [str(exc)]
    text, problems = read_text(path)
    if text is None:
        return None, [str(d) for d in problems]
    scenario, diags = validate_text(text, str(path))
    errors = [str(d) for d in diags if d.is_error]
    if scenario is None or errors:
        return None, errors or [f"{path}: could not be read"]
    return text, scenario


def default_out(scenario_id: str, seed: int) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", scenario_id).strip("-") or "scenario"
    return Path(f"{safe}-seed{seed}.session.json")


def run(args) -> int:
    if getattr(args, "action", None) != "new":
        return _fail("say what to do: 'b2bsim session new SCENARIO' writes a session file")
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)   # short: read out to a class
    if seed < 0:
        return _fail(f"--seed {seed}: use a whole number of 0 or more")
    if args.title is not None and not (0 < len(args.title.strip()) <= 200):
        return _fail("--title: give a title of 1 to 200 characters")
    loaded, scenario = _load(args.scenario)
    if loaded is None:
        for line in scenario:
            print(line, file=sys.stderr)
        return _fail(f"{args.scenario} has errors; fix them (see above), 'b2bsim validate FILE' checks a file")
    out = Path(args.out) if args.out else default_out(scenario.id, seed)
    if out.is_dir():
        return _fail(f"--out {out} is a folder; give a file name, e.g. {out / 'class.session.json'}")
    if out.exists() and not args.force:
        return _fail(f"{out} already exists; choose another name with --out, or add --force to overwrite it")
    if not out.parent.exists():
        return _fail(f"the folder {out.parent} does not exist; create it first")
    session = new_session(loaded, scenario, seed=seed, title=args.title and args.title.strip(),
                          lang=args.lang or "en", show_matrix=not args.hide_matrix)
    try:
        write_json(out, session)
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}; check the path and permissions")
    par = session["par"]
    print(f"session {session['session_id']}  \"{session['title']}\"  scenario {scenario.id}  seed {seed}")
    print("par on this deal: " + ", ".join(f"{name} {p['score']} ({p['outcome'].replace('_', ' ')})"
                                           for name, p in par.items()))
    print(f"wrote {out}; each learner runs: b2bsim play {out} --player NAME [--team TEAM]")
    return 0
