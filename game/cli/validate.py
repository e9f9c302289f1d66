"""``b2bsim validate FILE...``: check scenario files, one line per finding."""
from __future__ import annotations

import glob
import os
import sys

from game.cli.terminal import say
from game.scenario.diagnostics import Diagnostic
from game.scenario.loader import validate_file


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def check(name: str) -> list[Diagnostic]:
    """Diagnostics for one file; never raises."""
    try:
        return validate_file(name)[1]
    except Exception as exc:  # a bug in b2bsim must not look like a crash to the author
        return [Diagnostic(name, 0, 0, "", f"internal error while checking ({type(exc).__name__}: {exc})",
                           "please report this file to the b2bsim maintainers")]


def expand(names: list[str]) -> list[str]:
    """Expand wildcards the shell left alone (e.g. on Windows); a pattern
    that matches nothing stays as it is and is reported as missing."""
    out: list[str] = []
    for name in names:
        if any(ch in name for ch in "*?[") and not os.path.exists(name):
            out.extend(sorted(glob.glob(name)) or [name])
        else:
            out.append(name)
    return out


def run(args) -> int:
    err = sys.stderr
    valid = failed = warnings = 0
    for name in expand(list(args.files)):
        diagnostics = check(name)
        for diagnostic in diagnostics:
            say(diagnostic, file=err)        # escape codes from the file are shown, not obeyed
        if any(d.is_error for d in diagnostics):
            failed += 1
        else:
            valid += 1
        warnings += sum(1 for d in diagnostics if not d.is_error)
    print(f"{_plural(valid + failed, 'file')} checked: {valid} valid, {failed} with errors, "
          f"{_plural(warnings, 'warning')}", file=err)
    return 1 if failed else 0
