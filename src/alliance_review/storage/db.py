"""Connections, the nesting ``atomic()`` transaction, and opening untrusted files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from alliance_review.core.errors import FileRefused, RoundLocked
from alliance_review.storage.schema import ROUND_LOCKED

SQLITE_HEADER = b"SQLite format 3\x00"
_savepoint_ids = count(1)


def connect(path: Path | str, *, wal: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode; transactions are opened by ``atomic()``."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL can lose the last commits on power loss; FULL syncs every commit
        # so that "every keystroke is safe on disk" holds.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _refusal(error: BaseException) -> BaseException:
    """A locked round's own refusal (its triggers) as the sentence a user can act on."""
    if isinstance(error, sqlite3.IntegrityError) and ROUND_LOCKED in str(error):
        locked = RoundLocked()
        locked.__cause__ = error
        return locked
    return error


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction; nested calls become savepoints. Any exception rolls back.

    A write refused because the round is locked comes out as ``RoundLocked``.
    """
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException as error:
            conn.execute("ROLLBACK")
            refusal = _refusal(error)
            if refusal is error:
                raise
            raise refusal from error
        else:
            conn.execute("COMMIT")
        return
    name = f"sp{next(_savepoint_ids)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException as error:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        refusal = _refusal(error)
        if refusal is error:
            raise
        raise refusal from error
    else:
        conn.execute(f"RELEASE {name}")


def harden(conn: sqlite3.Connection) -> None:
    """SQLite's "Defense Against the Dark Arts" settings for a file from elsewhere."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    setconfig = getattr(conn, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def open_checked(path: Path | str, *, readonly: bool) -> sqlite3.Connection:
    """Open a file that should be one of ours; refuse anything that is not a sound SQLite file.

    The caller then checks ``application_id`` and the schema. Nothing is written when
    ``readonly``; the check itself never changes the file.
    """
    path = Path(path)
    if not path.is_file():
        raise FileRefused(f"找不到文件「{path.name}」。", f"The file {path.name} does not exist.")
    if path.stat().st_size == 0:
        raise FileRefused(f"文件「{path.name}」是空的。", f"The file {path.name} is empty.")
    if not looks_like_sqlite(path):
        raise FileRefused(
            f"文件「{path.name}」不是本软件的评价文件。",
            f"{path.name} is not a file of this application.",
        )
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        harden(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        result = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise FileRefused(
            f"文件「{path.name}」已损坏或不完整，无法读取。",
            f"{path.name} is damaged or incomplete ({error}).",
        ) from error
    if result is None or result[0] != "ok":
        conn.close()
        raise FileRefused(
            f"文件「{path.name}」已损坏或不完整，无法读取。",
            f"{path.name} is damaged or incomplete.",
        )
    return conn


def vacuum_into(
    conn: sqlite3.Connection,
    target: Path,
    finish: Callable[[sqlite3.Connection], object] | None = None,
) -> None:
    """Write a self-contained copy (no -wal companion) atomically: temp file, then rename.

    ``finish`` may change the copy (in one transaction) before it is moved into place.
    """
    temporary = target.with_name(target.name + ".part")
    temporary.unlink(missing_ok=True)
    try:
        conn.execute("VACUUM INTO ?", (str(temporary),))
        with sqlite3.connect(str(temporary)) as copy:
            copy.execute("PRAGMA journal_mode = DELETE")
            if finish is not None:
                finish(copy)
        copy.close()
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
