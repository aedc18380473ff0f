"""The files this process holds a SQLite connection to, so that it never opens them itself.

POSIX drops every lock a process holds on a file when *any* descriptor of that file is
closed, SQLite's own included. Reading a round's header with ``open()`` while the window
has the round open would release the window's locks; another process closing its own
connection then takes the file for nobody's, folds the log into it and removes the log
under the window, whose next statement fails with "disk I/O error". So every connection
made by ``storage.db`` counts itself here (by device and inode) until it is closed, and
the checks that read a file's bytes ask ``is_held`` first: a file open in this process is
a database SQLite is reading already, and nothing more is learnt by opening it again.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from alliance_review.system.reading import file_identity

_counts: dict[tuple[int, int], int] = {}
_guard = threading.RLock()  # a connection collected mid-update releases under the guard


def is_held(path: Path | str) -> bool:
    """Whether a connection of this process has ``path`` open."""
    identity = file_identity(path)
    with _guard:
        return identity is not None and _counts.get(identity, 0) > 0


class HeldConnection(sqlite3.Connection):
    """A connection counted among the holders of its file until it is closed."""

    _held: tuple[int, int] | None = None

    def hold(self, path: Path | str) -> None:
        identity = file_identity(path)
        if identity is None or self._held is not None:
            return
        with _guard:
            _counts[identity] = _counts.get(identity, 0) + 1
        self._held = identity

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._release()

    def _release(self) -> None:
        identity, self._held = self._held, None
        if identity is None:
            return
        with _guard:
            left = _counts.get(identity, 0) - 1
            if left > 0:
                _counts[identity] = left
            else:
                _counts.pop(identity, None)

    def __del__(self) -> None:  # a connection never closed explicitly
        self._release()
