"""Read a scenario file's bytes into text, or say clearly why not: missing
paths, folders and other special files (refused before opening, so a FIFO or
a device never blocks), names too long, files over the size limit, UTF-16 and
non-UTF-8 bytes."""
from __future__ import annotations

import errno
from pathlib import Path

from game.files import FileTooLarge, NotARegularFile, read_limited
from game.scenario.diagnostics import Diagnostic
from game.scenario.yaml_source import MAX_BYTES


def read_text(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, or None with one diagnostic saying what is wrong."""
    name = str(path)

    def fail(message: str, hint: str = "", line: int = 0, col: int = 0):
        return None, [Diagnostic(name, line, col, "", message, hint)]

    try:
        raw = read_limited(path, MAX_BYTES)
    except NotARegularFile as exc:
        if exc.kind == "a folder":
            return fail("this is a folder, not a file",
                        f"give the path of a .yaml file, e.g. {name.rstrip('/')}/*.yaml")
        return fail(f"this is {exc.kind}, not a regular file", "give the path of a .yaml scenario file")
    except FileTooLarge:
        return fail(f"the file is larger than {MAX_BYTES // 1_000_000} MB",
                    "a scenario is a few kilobytes; check that this is the right file")
    except FileNotFoundError:
        return fail("no such file", "check the spelling of the path and the current folder")
    except PermissionError:
        return fail("cannot be read: permission denied", "check the file's permissions")
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return fail("the file name is too long for this system", "use a shorter file or folder name")
        return fail(f"cannot be read: {exc.strerror or exc}", "check the path")
    except ValueError:          # e.g. a NUL character in the path
        return fail("the path contains a character no file name can hold (e.g. NUL)", "check the path")
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
