"""``b2bsim report RESULT... [--session FILE] --out DIR [--lang L]``: the class debrief page and CSV files."""
from __future__ import annotations

import sys
from pathlib import Path

from game.session import SessionFileError, check_file, read_session
from game.session.report import class_report, write_report


def _fail(message: str) -> int:
    print(f"b2bsim report: {message}", file=sys.stderr)
    return 1


def run(args) -> int:
    try:
        session = read_session(args.session) if args.session else None
    except SessionFileError as exc:
        return _fail(str(exc))
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _fail(f"--out {out} is a file; give a folder for index.html and results.csv")
    checked = [check_file(path, session) for path in args.results]
    for c in checked:
        if not c.ok:
            print(f"b2bsim report: not ranked: {c.line()}", file=sys.stderr)
    lang = args.lang or (session.lang if session is not None else "en")
    try:
        report = class_report(checked, session, lang)
        written = write_report(report, out)
    except SessionFileError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write into {out}: {exc.strerror or exc}; check the folder and its permissions")
    ranked = len(report["ranked"])
    print(f"wrote {written[0]} ({ranked} ranked, {len(checked) - ranked} unverified), "
          f"{written[1].name} and {written[2].name}")
    return 0
