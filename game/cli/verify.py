"""``b2bsim verify RESULT... [--session FILE]``: replay every result; one line per file."""
from __future__ import annotations

import sys

from game.practice.history import check_drill_file, is_drill
from game.session import SessionFileError, check_file, read_session


def run(args) -> int:
    try:
        session = read_session(args.session) if args.session else None
    except SessionFileError as exc:
        print(f"b2bsim verify: {exc}", file=sys.stderr)
        return 1
    if session is None:
        print("b2bsim verify: no --session given: each result is replayed on the scenario it carries; "
              "add --session FILE to check that it belongs to your session", file=sys.stderr)
    all_ok = True
    for path in args.results:
        checked = check_drill_file(path) if is_drill(path) else check_file(path, session)   # a learner's drill too
        all_ok &= checked.ok
        print(checked.line())
    return 0 if all_ok else 1
