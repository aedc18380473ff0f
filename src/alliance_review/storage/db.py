"""Connections, the nesting ``atomic()`` transaction, and opening untrusted files."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from alliance_review.core.errors import FileRefused, RoundLocked, StorageError, UserError
from alliance_review.storage.held import HeldConnection, is_held
from alliance_review.storage.schema import ROUND_LOCKED
from alliance_review.system.oserrors import os_error_sentence
from alliance_review.system.reading import open_for_reading
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


def connect(
    path: Path | str, *, wal: bool = True, page_size: int | None = None
) -> sqlite3.Connection:
    """A connection in autocommit mode; transactions are opened by ``atomic()``.

    ``page_size``: for a new file, the size of its pages (before anything is written)."""
    conn = sqlite3.connect(str(path), isolation_level=None, factory=HeldConnection)
    conn.hold(path)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if page_size is not None:
        conn.execute(f"PRAGMA page_size = {int(page_size)}")
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
    conn = sqlite3.connect(
        readonly_uri(Path(path)), uri=True, isolation_level=None, factory=HeldConnection
    )
    conn.hold(path)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def writable(path: Path) -> bool:
    """Whether the file and its folder can be written (a read-only mount, a read-only
    file, a folder without write permission: no). SQLite writes a round's ``-wal`` and
    ``-shm`` beside it, so the folder counts as well."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _unsaved_log(path: Path) -> bool:
    try:
        return Path(str(path) + "-wal").stat().st_size > 0
    except OSError:
        return False


def readonly_uri(path: Path) -> str:
    """The URI that reads ``path`` without writing anything: ``mode=ro``; on read-only
    storage (where SQLite cannot make the ``-shm`` a file in WAL mode needs) also
    ``immutable=1``, which is safe there: nothing can change the file meanwhile. A file
    there with an unsaved ``-wal`` beside it cannot be read as it stands: refused."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if os.access(path.parent, os.W_OK):
        if _wal_mode_without_log(path):
            # the whole file is in the main file (nobody has it open: an open WAL file has
            # its -shm), and a look must leave nothing beside it (SQLite would make an
            # empty -wal and -shm and leave them)
            return uri + "&immutable=1"
        return uri
    if _unsaved_log(path):
        raise FileRefused(
            f"「{path.name}」位于只读的位置，旁边的「{path.name}-wal」中还有未写入文件的改动，"
            "无法照原样读取；请把两个文件一起复制到可写的文件夹后再打开。",
            f"{path.name} is on read-only storage with unsaved changes in {path.name}-wal "
            "beside it, so it cannot be read as it stands; copy both files to a folder "
            "you can write to and open it there.",
        )
    return uri + "&immutable=1"


def read_only_refusal(path: Path) -> StorageError:
    """One sentence for a write to a file on read-only storage (or without permission)."""
    return ReadOnlyFile(
        f"「{path.name}」是只读的（位于只读的位置，或没有写入权限），只能查看，不能修改；"
        "如需修改，请把它复制到可写的文件夹。",
        f"{path.name} is read-only (on read-only storage, or without permission to write): "
        "it can be read but not changed. To change it, copy it to a folder you can write to.",
    )


class ReadOnlyFile(StorageError):
    """The file (or its folder) cannot be written: it opens for reading only."""


def _refusal(error: BaseException) -> BaseException:
    """A locked round's own refusal (its triggers) as the sentence a user can act on."""
    if isinstance(error, sqlite3.IntegrityError) and ROUND_LOCKED in str(error):
        locked = RoundLocked()
        locked.__cause__ = error
        return locked
    return error


class TransactionLost(StorageError):
    """SQLite rolled the whole transaction back itself (a full disk, an I/O error): no
    savepoint of it can go on, and nothing of it was written."""


def _lost(error: BaseException) -> BaseException:
    if isinstance(error, TransactionLost):
        return error
    said = storage_error(error)
    lost = TransactionLost(
        said.zh if said is not None else "写入失败，这次改动没有保存。",
        said.en if said is not None else "Writing failed; the change was not saved.",
    )
    lost.__cause__ = error
    return lost


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction; nested calls become savepoints. Any exception rolls back.

    A write refused because the round is locked comes out as ``RoundLocked``. When SQLite
    rolls the whole transaction back itself (a full disk, an I/O error), a savepoint
    raises ``TransactionLost`` (one sentence: "the disk is full"), which no code that
    goes on after a failed savepoint mistakes for a refusal of its own, and the outer
    transaction ends without a COMMIT or ROLLBACK of a transaction that is gone.
    """
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            refusal = _refusal(error)
            if refusal is error:
                raise
            raise refusal from error
        else:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return
    name = f"sp{next(_savepoint_ids)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException as error:
        if not conn.in_transaction:
            raise _lost(error) from error
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


def require_regular_file(path: Path) -> None:
    """Refuse, naming what it is, anything but a regular file (a symlink is followed):
    a missing file, a folder, a FIFO or a device (never opened: a FIFO would hang)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise FileRefused(
            f"找不到文件「{path.name}」。", f"The file {path.name} does not exist."
        ) from None
    except OSError as error:
        raise FileRefused(
            f"无法读取「{path.name}」（{error.strerror}）。",
            f"{path.name} cannot be read ({error.strerror}).",
        ) from error
    if stat.S_ISDIR(mode):
        raise FileRefused(f"「{path.name}」是一个文件夹，不是文件。", f"{path.name} is a folder.")
    if not stat.S_ISREG(mode):
        raise FileRefused(
            f"「{path.name}」不是普通文件（而是管道或设备），未读取。",
            f"{path.name} is not a regular file (a pipe or a device); it was not read.",
        )


def looks_like_sqlite(path: Path) -> bool:
    if is_held(path):  # open in this process: SQLite reads it already (storage.held)
        return True
    try:  # a regular file only, never blocking (a FIFO swapped in since the stat above)
        with open_for_reading(path) as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


# SQLite's primary result codes that say nothing of the file's own soundness: busy,
# locked, out of memory, read-only, I/O error, disk full, cannot open
_NOT_THE_FILES_FAULT = frozenset({5, 6, 7, 8, 10, 13, 14})

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


def _wal_mode_without_log(path: Path) -> bool:
    """A file in WAL mode (header bytes 18-19) with no -wal or -shm beside it."""
    if is_held(path) or any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
        return False  # open here or elsewhere; and never opened by hand (storage.held)
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    if len(header) < 20 or header[18:20] != b"\x02\x02":
        return False
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


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
    require_regular_file(path)
    if path.stat().st_size == 0:
        raise FileRefused(f"文件「{path.name}」是空的。", f"The file {path.name} is empty.")
    if not looks_like_sqlite(path):
        raise FileRefused(
            f"文件「{path.name}」不是本软件的评价文件。",
            f"{path.name} is not a file of this application.",
        )
    uri = readonly_uri(path) if readonly else path.resolve().as_uri()
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, factory=HeldConnection)
        conn.hold(path)
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
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _NOT_THE_FILES_FAULT:
            said = storage_error(error)  # a full disk, no permission, busy: not damage
            if said is not None:
                raise FileRefused(
                    f"无法读取「{path.name}」：{said.zh}", f"{path.name} cannot be read: {said.en}"
                ) from error
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
