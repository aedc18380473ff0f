"""Connections, the nesting ``atomic()`` transaction, and opening untrusted files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from alliance_review.core.errors import FileRefused, RoundLocked, StorageError, UserError
from alliance_review.storage.schema import ROUND_LOCKED
from alliance_review.system.oserrors import os_error_sentence
from alliance_review.system.writing import atomic_file

SQLITE_HEADER = b"SQLite format 3\x00"
_savepoint_ids = count(1)
#: how long a statement waits for another connection (or process) holding the file
BUSY_TIMEOUT_MS = 5000
# SQLite's primary result codes of a file held by another connection: SQLITE_BUSY,
# SQLITE_LOCKED, SQLITE_PROTOCOL (a reader that could not get a stable view of the log
# after many tries, on a machine too loaded to let it in)
_BUSY_CODES = {5, 6, 15}
_BUSY_WORDS = ("database is locked", "database table is locked", "locking protocol")


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` says the file was held by another connection or process (the
    same work may well succeed a moment later), not that anything is wrong with it."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _BUSY_CODES:
        return True
    text = str(error).lower()
    return any(words in text for words in _BUSY_WORDS)


def connect(path: Path | str, *, wal: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode; transactions are opened by ``atomic()``."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL can lose the last commits on power loss; FULL syncs every commit
        # so that "every keystroke is safe on disk" holds.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def connect_readonly(path: Path | str) -> sqlite3.Connection:
    """A read-only connection for a worker thread reading a file the window has open.

    ``query_only`` makes any write a refusal; the file is never changed by it.
    """
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
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


# files this process checked (``PRAGMA quick_check``), with their size and time stamps
_checked: dict[str, tuple[int, ...]] = {}
# Checks are remembered across processes too (a read-only command run twice on an
# unchanged 100 MB round checks it once: ``quick_check`` reads every page, seconds at
# 10,000 alliances), in the data folder.
_RECORD, _RECORD_ENTRIES, _RECORD_BYTES = "checked-files.json", 64, 64 * 1024


def _stamp(path: Path) -> tuple[int, ...]:
    """Device, inode, size, modification and change times of the file, and inode, size and
    modification time of its write-ahead log (whose change time every reader's opening
    moves; an empty log counts as none): a write to either, or another file put in its
    place, changes it."""
    stamp: list[int] = []
    try:
        found = path.stat()
        stamp += [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns,
                  found.st_ctime_ns]  # fmt: skip
    except OSError:
        stamp += [-1, -1, -1, -1, -1]
    try:
        log = path.with_name(path.name + "-wal").stat()
    except OSError:
        log = None
    if log is None or log.st_size == 0:  # no log, or an empty one (a reader's opening
        stamp += [-1, 0, -1]  # makes one): nothing in it either way
    else:
        stamp += [log.st_ino, log.st_size, log.st_mtime_ns]
    return tuple(stamp)


def _recorded() -> dict[str, object]:
    from alliance_review.storage import remembered

    return remembered.read(_RECORD, _RECORD_BYTES)


def _remember(key: str, stamp: tuple[int, ...]) -> None:
    """Record a sound check (best effort: a failure means one more check later)."""
    from alliance_review.storage import remembered

    remembered.keep(_RECORD, key, list(stamp), _RECORD_BYTES, _RECORD_ENTRIES)


def _known_sound(key: str, stamp: tuple[int, ...]) -> bool:
    """This process, or another on this computer, checked these very bytes."""
    if _checked.get(key) == stamp:
        return True
    if _recorded().get(key) == list(stamp):
        _checked[key] = stamp
        return True
    return False


def open_checked(path: Path | str, *, readonly: bool) -> sqlite3.Connection:
    """Open a file that should be one of ours; refuse anything that is not a sound SQLite file.

    The caller then checks ``application_id`` and the schema. Nothing is written when
    ``readonly``; the check itself never changes the file. The page-by-page check
    (``quick_check``, half a second for a 40 MB round) is not repeated for a file this
    process checked and that has not changed since (same size and times, file and log):
    opening a file identifies it, then opens it for editing. Nor is a file checked again
    when another process on this computer checked it and it has not changed since (its
    ``_stamp``, kept in the data folder): the check finds damaged files (a broken disk, a
    truncated copy, junk), and those very bytes were found sound; a file from elsewhere,
    or one written since, is another file or has other times and is checked in full.
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
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        # first: the check waits for a writer in another process, as every read does
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        harden(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        key = str(path.resolve())
        stamp = _stamp(path)
        if _known_sound(key, stamp):
            result: tuple[object, ...] | None = ("ok",)
        else:
            result = conn.execute("PRAGMA quick_check").fetchone()
            if result is not None and result[0] == "ok":
                _checked[key] = stamp
                if _stamp(path) == stamp:
                    _remember(key, stamp)
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        if is_busy(error):  # held by another process for longer than the wait: not damaged
            raise
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
    """Write a self-contained copy (no -wal companion) atomically (``system.writing``).

    ``finish`` may change the copy (in one transaction) before it is moved into place.
    """
    with atomic_file(target) as temporary:
        conn.execute("VACUUM INTO ?", (str(temporary),))  # into the empty temporary file
        copy = sqlite3.connect(str(temporary), isolation_level=None)
        try:
            copy.execute("PRAGMA journal_mode = DELETE")
            if finish is not None:
                finish(copy)
        finally:
            copy.close()


# SQLite's primary result codes (the low byte of ``sqlite_errorcode``) a user can act on
_SQLITE_SENTENCES: dict[int, tuple[str, str]] = {
    5: (  # SQLITE_BUSY
        "文件正被另一个程序或窗口使用（数据库已锁定），请稍后再试；这次操作没有改动任何内容。",
        "The file is in use by another program or window (database is locked); try again "
        "in a moment. Nothing was changed.",
    ),
    6: (  # SQLITE_LOCKED
        "文件正被另一个操作使用，请稍后再试；这次操作没有改动任何内容。",
        "The file is busy with another operation; try again in a moment. Nothing was changed.",
    ),
    8: (  # SQLITE_READONLY
        "文件是只读的（或所在文件夹不允许写入），改动无法保存。",
        "The file is read-only (or its folder does not allow writing); the change could not "
        "be saved.",
    ),
    10: (  # SQLITE_IOERR
        "读写文件时出错（磁盘或网络驱动器错误），这次改动没有保存。",
        "The file could not be read or written (a disk or network drive error); the change "
        "was not saved.",
    ),
    11: (  # SQLITE_CORRUPT
        "文件已损坏，无法读取；请用备份或重新发放的文件。",
        "The file is damaged and cannot be read; use a backup or a newly issued file.",
    ),
    13: (  # SQLITE_FULL
        "磁盘已满，这次改动没有保存；请腾出空间后再试。",
        "The disk is full; the change was not saved. Free some space and try again.",
    ),
    14: (  # SQLITE_CANTOPEN
        "无法打开文件：它可能已被移动、删除，或没有访问权限。",
        "The file cannot be opened: it may have been moved or deleted, or access is denied.",
    ),
    26: (  # SQLITE_NOTADB
        "这不是本软件的评价文件，或文件已损坏。",
        "This is not a file of this application, or it is damaged.",
    ),
}
_SQLITE_MESSAGES = (
    ("database is locked", 5),
    ("database table is locked", 6),
    ("readonly database", 8),
    ("disk i/o error", 10),
    ("malformed", 11),
    ("database or disk is full", 13),
    ("unable to open database", 14),
    ("file is not a database", 26),
)


def storage_error(error: BaseException) -> UserError | None:
    """One sentence for an error of the disk or of SQLite (None for anything else).

    Errors a user can act on (a file in use, a full disk, a read-only file) must never
    reach a dialog as a traceback; the caller shows ``message(language)``.
    """
    if isinstance(error, UserError):
        return error
    if isinstance(error, sqlite3.Error):
        refusal = _refusal(error)
        if isinstance(refusal, UserError):
            return refusal
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary not in _SQLITE_SENTENCES:
            text = str(error).lower()
            primary = next((c for words, c in _SQLITE_MESSAGES if words in text), None)
        if primary is None:
            if type(error) in (sqlite3.OperationalError, sqlite3.DatabaseError):
                # a file that does not hold what it should (a table missing, a bad page)
                result = StorageError(
                    f"文件无法读取或已损坏（{error}）。",
                    f"The file cannot be read or is damaged ({error}).",
                )
                result.__cause__ = error
                return result
            return None  # a constraint or a misuse: a bug, for the last resort
        zh, en = _SQLITE_SENTENCES[primary]
        result = StorageError(zh, en)
        result.__cause__ = error
        return result
    if isinstance(error, OSError):
        zh, en = os_error_sentence(error)
        result = StorageError(zh, en)
        result.__cause__ = error
        return result
    return None
