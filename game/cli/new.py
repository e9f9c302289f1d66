"""``b2bsim new [--lang en|ko] [--out FILE] [--force]``: a commented starter."""
from __future__ import annotations

import sys
from pathlib import Path

from game.files import write_atomic
from game.scenario.starter import id_from_filename, starter_text


def _fail(message: str) -> int:
    err = sys.stderr
    if hasattr(err, "reconfigure"):
        err.reconfigure(errors="backslashreplace")
    print(f"b2bsim new: {message}", file=err)
    return 1


def run(args) -> int:
    lang = getattr(args, "lang", None) or "en"
    out = getattr(args, "out", None)
    if not out:
        try:
            sys.stdout.buffer.write(starter_text(lang).encode("utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:
            sys.stderr.close()
        return 0
    path = Path(out)
    if path.is_dir():
        return _fail(f"{out} is a folder — give a file name, e.g. {out.rstrip('/')}/my_scenario.yaml")
    if path.exists() and not getattr(args, "force", False):
        return _fail(f"{out} already exists — choose another name, or add --force to overwrite it")
    if not path.parent.exists():
        return _fail(f"the folder {path.parent} does not exist — create it first")
    try:
        write_atomic(path, starter_text(lang, id_from_filename(path)))
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc} — check the path and permissions")
    print(f"wrote {out} — edit it, then run: b2bsim validate {out}", file=sys.stderr)
    return 0
