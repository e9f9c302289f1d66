"""``b2bsim xapi RESULT... [--session FILE] (--out FILE | --lrs URL --auth USER:PASS)``:
xAPI 1.0.3 statements for verified games, written to a file or posted to an LRS."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from game.files import write_atomic
from game.session import SessionFileError, check_file, read_session
from game.session.xapi import LrsError, post_statements, statements_for, validate_statement


def _fail(message: str) -> int:
    print(f"b2bsim xapi: {message}", file=sys.stderr)
    return 1


def run(args) -> int:
    if args.lrs and not args.auth:
        return _fail("--lrs needs --auth USER:PASS (the LRS's basic-auth key and secret)")
    if args.out and Path(args.out).is_dir():
        return _fail(f"--out {args.out} is a folder; give a file name, e.g. {Path(args.out) / 'statements.json'}")
    try:
        session = read_session(args.session) if args.session else None
    except SessionFileError as exc:
        return _fail(str(exc))
    statements, skipped = [], 0
    for path in args.results:
        checked = check_file(path, session)
        if not checked.ok:
            skipped += 1
            print(f"b2bsim xapi: skipped (not verified): {checked.line()}", file=sys.stderr)
            continue
        statements += statements_for(checked.result, session.title if session is not None else None)
    for st in statements:
        problems = validate_statement(st)
        if problems:      # a b2bsim bug, never the learner's fault: say so rather than send it
            return _fail(f"statement {st.get('id')} is not valid xAPI: {problems[0]}")
    if not statements:
        return _fail("no verified result, so no statement to send")
    if args.out:
        try:
            write_atomic(args.out, json.dumps(statements, ensure_ascii=False, indent=1) + "\n")
        except OSError as exc:
            return _fail(f"cannot write {args.out}: {exc.strerror or exc}; check the path and permissions")
        print(f"wrote {len(statements)} statements to {args.out}")
    else:
        try:
            post_statements(args.lrs, args.auth, statements)
        except LrsError as exc:
            return _fail(f"{exc}; nothing was lost: run the same command again (it never duplicates)")
        print(f"the LRS accepted {len(statements)} statements ({len(statements) // 2} games)")
    return 1 if skipped else 0
