"""Read a scenario file's bytes into text, or say clearly why not: missing
paths, folders, files over the size limit, UTF-16 and non-UTF-8 bytes."""
from __future__ import annotations

from pathlib import Path

from game.scenario.diagnostics import Diagnostic
from game.scenario.yaml_source import MAX_BYTES

def read_text(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, or None with one diagnostic saying what is wrong."""
    name = str(path)

    def fail(message: str, hint: str = "", line: int = 0, col: int = 0):
        return None, [Diagnostic(name, line, col, "", message, hint)]

    p = Path(path)
    try:
        if p.is_dir():
            return fail("this is a folder, not a file",
                        f"give the path of a .yaml file, e.g. {name.rstrip('/')}/*.yaml")
        if not p.exists():
            return fail("no such file", "check the spelling of the path and the current folder")
        with open(p, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        return fail("cannot be read: permission denied", "check the file's permissions")
    except OSError as exc:
        return fail(f"cannot be read: {exc.strerror or exc}", "check the path")
    if len(raw) > MAX_BYTES:
        return fail(f"the file is larger than {MAX_BYTES // 1_000_000} MB",
                    "a scenario is a few kilobytes; check that this is the right file")
    return decode(raw, name)


def decode(raw: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Diagnostic(name, 0, 0, "", "the file is saved as UTF-16",
                                 "save it as UTF-8 (in most editors: Save with Encoding → UTF-8)")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        start = exc.start
        line = raw.count(b"\n", 0, start) + 1
        line_start = raw.rfind(b"\n", 0, start) + 1
        col = len(raw[line_start:start].decode("utf-8", "replace")) + 1
        return None, [Diagnostic(
            name, line, col, "", f"the file is not UTF-8 text (byte 0x{raw[start]:02X})",
            "save it as UTF-8 (in most editors: Save with Encoding → UTF-8)")]
