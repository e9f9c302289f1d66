"""Printing to the terminal: text taken from a user's file is shown, never obeyed.

A scenario can hold escape codes (``\\x1b[2J`` clears the screen), a bell, a
carriage return that hides the start of a line, or bidirectional controls that
reorder what is shown.  Every command prints file-derived text through
:func:`safe` (or :func:`say`), which writes such characters as visible escapes
(``\\x1b``, ``\\u202e``).  :func:`guard_output` turns a closed pipe or a full
disk into a quiet exit or one line instead of a traceback.
"""
from __future__ import annotations

import errno
import os
import sys
import unicodedata

#: format characters that change what the terminal shows (bidi overrides and isolates, marks)
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object, keep_newlines: bool = False) -> str:
    """``text`` with every control character written as a visible escape.

    ``keep_newlines`` keeps line feeds and tabs (for tables of several lines);
    otherwise the result is always one line."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if keep_newlines and ch in "\n\t":
            out.append(ch)
        elif ch == " " or (ch.isprintable() and ch not in _BIDI):
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI:
            out.append(_escape(ch))
        else:                       # other format characters (e.g. zero-width joiner) are harmless
            out.append(ch)
    return "".join(out)


def say(*parts: object, file=None, keep_newlines: bool = False) -> None:
    """``print`` for file-derived text: each part through :func:`safe`."""
    print(*(safe(p, keep_newlines) for p in parts), file=file if file is not None else sys.stderr)


def prepare_streams() -> None:
    """Characters the terminal's encoding cannot show become ``\\uXXXX``
    instead of a UnicodeEncodeError (e.g. Korean text under LANG=C)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit
    cannot fail a second time (and print "Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def output_failed(exc: OSError, command: str) -> int:
    """The exit code (and at most one message) for output that could not be written."""
    _silence_stdout()
    if isinstance(exc, BrokenPipeError) or exc.errno in (errno.EPIPE, errno.EINVAL):
        return 1                    # the reader left (e.g. '| head'): nothing more to say
    reason = exc.strerror or str(exc)
    try:
        print(f"b2bsim {command}: could not write the output: {reason} — "
              "check the disk space or where the output is redirected", file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return 1
