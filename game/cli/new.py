"""``b2bsim new [--lang en|ko] [--out FILE] [--force]``: a commented starter."""
from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from game.cli.terminal import safe
from game.files import write_atomic
from game.scenario.starter import id_from_filename, starter_text

#: most file systems allow 255 bytes; the temporary file beside it adds 14
MAX_NAME_BYTES = 240


def _fail(message: str) -> int:
    print(f"b2bsim new: {safe(message)}", file=sys.stderr)
    return 1


def _problem(out: str, path: Path, force: bool) -> str | None:
    """Why ``path`` cannot be written, or None."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return f"the file name {out[:40]}… is too long for this system — use a shorter name"
        if exc.errno != errno.ENOTDIR:
            return f"cannot use {out}: {exc.strerror or exc} — check the path"
        return f"{path.parent} is not a folder — check the path"
    except ValueError:
        return f"{out}: the name contains a character no file name can hold (e.g. NUL)"
    if info is not None and stat.S_ISDIR(info.st_mode):
        return f"{out} is a folder — give a file name, e.g. {out.rstrip('/')}/my_scenario.yaml"
    if info is not None and not stat.S_ISREG(info.st_mode):
        return f"{out} is not a regular file — give the name of a new .yaml file"
    if info is not None and not force:
        return f"{out} already exists — choose another name, or add --force to overwrite it"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist — create it first"
    if len(path.name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"the file name {out[:40]}… is too long — use a name of at most {MAX_NAME_BYTES} bytes"
    return None


def run(args) -> int:
    lang = getattr(args, "lang", None) or "en"
    out = getattr(args, "out", None)
    if not out:
        sys.stdout.buffer.write(starter_text(lang).encode("utf-8"))
        sys.stdout.flush()
        return 0
    path = Path(out)
    problem = _problem(out, path, getattr(args, "force", False))
    if problem:
        return _fail(problem)
    try:
        write_atomic(path, starter_text(lang, id_from_filename(path)))
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return _fail(f"the file name {out[:40]}… is too long for this system — use a shorter name")
        return _fail(f"cannot write {out}: {exc.strerror or exc} — check the path and permissions")
    print(f"wrote {safe(out)} — edit it, then run: b2bsim validate {safe(out)}", file=sys.stderr)
    return 0
