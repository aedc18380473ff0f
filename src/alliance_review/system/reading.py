"""Opening a file from elsewhere for reading: a regular file only, never blocking.

A file a user picks (a returned reviewer file, a roster, a workbook) may be crafted: a
FIFO would hang a plain ``open`` until someone writes to it, and a device never ends.
``open_for_reading`` opens without blocking where the platform can (``O_NONBLOCK`` on
POSIX, where it changes nothing for a regular file), never makes a terminal the
controlling one (``O_NOCTTY``), reads bytes untranslated on Windows (``O_BINARY``) and is
not inherited by child processes; then it checks what was opened (``fstat``: the file
itself, after any symlink) and refuses anything but a regular file before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(OSError):
    """A folder, FIFO, socket or device was named where a file was expected."""


def _flag(name: str) -> int:
    return int(getattr(os, name, 0))


def read_flags() -> int:
    """O_RDONLY plus whatever this platform offers to open a foreign file safely."""
    names = ("O_NONBLOCK", "O_NOCTTY", "O_BINARY", "O_CLOEXEC", "O_NOINHERIT")
    flags = os.O_RDONLY
    for name in names:
        flags |= _flag(name)
    return flags


def open_for_reading(path: Path | str) -> BinaryIO:
    """An open binary file on ``path``, which must be a regular file (symlinks followed).

    Raises ``FileNotFoundError``, ``IsADirectoryError`` (also on Windows, which says
    "access denied" for a folder), ``NotRegularFile`` for a FIFO or device, or the
    ``OSError`` of the open. The caller reads, bounds and closes (``with``).
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, read_flags())
    except PermissionError:
        if os.path.isdir(name):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", name) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", name)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, "Not a regular file", name)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: Path | str, limit: int) -> bytes | None:
    """The whole file, or None when it holds more than ``limit`` bytes (never more than
    ``limit + 1`` bytes are read). Raises as ``open_for_reading``."""
    with open_for_reading(path) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            return None
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def file_identity(path: Path | str) -> tuple[int, int] | None:
    """The file ``path`` names, as (device, inode), symlinks followed; None if absent."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino
