"""Safe file writing and bounded reading, shared by every part that saves or
reads a user's file (settings, scenarios, starter scenarios)."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, fsync, ``os.replace``.

    Either the whole new text is in place or the old file is untouched.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class NotARegularFile(OSError):
    """The path names a folder, a named pipe, a device or a socket: reading
    it could block forever or never end, so it is refused before opening."""

    def __init__(self, path: str | Path, kind: str):
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind


class FileTooLarge(OSError):
    """The file holds more bytes than the reader accepts."""

    def __init__(self, path: str | Path, limit: int):
        super().__init__(f"{path} is larger than {limit} bytes")
        self.limit = limit


def file_kind(mode: int) -> str:
    """What a ``st_mode`` describes, in words a user knows."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check_regular(path: str | Path) -> None:
    """Raise :class:`NotARegularFile` when ``path`` exists but is a folder,
    FIFO, device or socket (``OSError`` as the system gives it otherwise)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(path, file_kind(info.st_mode))


def read_start(path: str | Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file (special files refused, as in :func:`read_limited`)."""
    try:
        return read_limited(path, size)
    except FileTooLarge:
        pass
    check_regular(path)
    with open(path, "rb") as handle:
        return handle.read(size)


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, reading at most ``limit + 1``.

    Special files (FIFOs, devices such as /dev/zero, sockets, folders — also
    through symbolic links) are refused before they are opened, so a read can
    neither block nor run forever.  Raises :class:`NotARegularFile`,
    :class:`FileTooLarge`, or the ``OSError`` the system gave (missing file,
    permission denied, name too long...)."""
    check_regular(path)
    # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it does not wait
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path, file_kind(info.st_mode))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLarge(path, limit)
    return data
