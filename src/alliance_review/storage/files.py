"""Create, identify, open and migrate the app's files."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alliance_review.core.errors import AlteredAfterLocking, FileRefused
from alliance_review.storage import anchor, audit, backups
from alliance_review.storage.db import (
    atomic,
    connect,
    open_checked,
    read_only_refusal,
    writable,
)
from alliance_review.storage.schema import (
    KINDS,
    ROUND_FILE,
    FileKind,
    apply_ladder,
    has_schema,
)
from alliance_review.storage.snapshot import copy_without_contents
from alliance_review.system.names import file_name
from alliance_review.system.writing import atomic_file


@dataclass(frozen=True)
class FileInfo:
    """What ``check`` reports about a file."""

    path: Path
    kind: FileKind
    version: int
    round_uid: str
    title: str
    year: int
    reviewer_name: str | None = None

    @property
    def needs_upgrade(self) -> bool:
        return self.version < self.kind.version


def kind_on_disk(path: Path) -> FileKind | None:
    """The kind of our file at ``path`` from its header alone (no SQLite, no FIFO opened)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return KINDS.get(int.from_bytes(header[68:72], "big"))


def _refuse_not_ours(path: Path) -> FileRefused:
    return FileRefused(
        f"文件「{path.name}」不是本软件的评价文件。",
        f"{path.name} is not a file of this application.",
    )


def inspect(conn: sqlite3.Connection, path: Path) -> FileInfo:
    """Check application id, version and exact schema before reading any row."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    kind = KINDS.get(application_id)
    if kind is None:
        raise _refuse_not_ours(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > kind.version:
        raise FileRefused(
            f"文件「{path.name}」由更新版本的软件创建（格式版本 {version}），请先升级本软件。",
            f"{path.name} was written by a newer version of this app (format {version}); "
            "please upgrade.",
        )
    if version < 1 or not has_schema(conn, kind, version):
        raise FileRefused(
            f"文件「{path.name}」的结构已被改动，不能使用。",
            f"The structure of {path.name} has been altered; it cannot be used.",
        )
    try:
        if kind.name == "round":
            uid, title, year = conn.execute("SELECT uid, title, year FROM round").fetchone()
            return FileInfo(path, kind, version, uid, title, year)
        uid, title, year, reviewer = conn.execute(
            "SELECT round_uid, round_title, round_year, reviewer_name FROM meta"
        ).fetchone()
        return FileInfo(path, kind, version, uid, title, year, reviewer)
    except (TypeError, sqlite3.DatabaseError) as error:
        raise FileRefused(
            f"文件「{path.name}」缺少评价轮次信息，不能使用。",
            f"{path.name} lacks its round information.",
        ) from error


def identify(path: Path | str) -> FileInfo:
    """Read-only identification of a file; never changes it."""
    path = Path(path)
    conn = open_checked(path, readonly=True)
    try:
        return inspect(conn, path)
    finally:
        conn.close()


def is_locked_file(path: Path | str) -> bool:
    """Whether a round file (read-only, never upgraded) is locked as final."""
    path = Path(path)
    conn = open_checked(path, readonly=True)
    try:
        info = inspect(conn, path)
        if info.kind is not ROUND_FILE or info.version < 2:
            return False
        return bool(conn.execute("SELECT locked FROM round").fetchone()[0])
    finally:
        conn.close()


def open_verified(path: Path | str) -> tuple[sqlite3.Connection, FileInfo]:
    """Open read-only after ``identify`` plus a full integrity and foreign-key check; the
    caller closes the connection. Never changes or upgrades the file."""
    path = Path(path)
    conn = open_checked(path, readonly=True)
    try:
        info = inspect(conn, path)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
    except BaseException:
        conn.close()
        raise
    if integrity != "ok" or dangling:
        conn.close()
        raise FileRefused(
            f"文件「{path.name}」内容不一致（完整性检查未通过），不能使用。",
            f"{path.name} failed its integrity check.",
        )
    return conn, info


def verify(path: Path | str) -> FileInfo:
    """``identify`` plus a full integrity and foreign-key check (for ``check``)."""
    conn, info = open_verified(path)
    conn.close()
    return info


def read_into_memory(
    path: Path | str, kind: FileKind, *, contents: bool = True
) -> tuple[sqlite3.Connection, FileInfo]:
    """A file of ``kind`` copied into memory (SQLite's backup), an older format upgraded
    there, read-only: the file itself is never written, not even a ``-wal`` beside it.
    Without ``contents``, the documents' contents stay in the file (``copy_without_contents``:
    whoever shows a document reads it from the file, by its SHA-256)."""
    path = Path(path)
    source = open_checked(path, readonly=True)
    try:
        info = inspect(source, path)
        if info.kind is not kind:
            raise FileRefused(
                f"「{path.name}」是{info.kind.label_zh}，这里需要{kind.label_zh}。",
                f"{path.name} is a {info.kind.name} file; a {kind.name} file is needed here.",
            )
        memory = sqlite3.connect(":memory:", isolation_level=None)
        if contents:
            source.backup(memory)
        else:
            copy_without_contents(source, memory)
    finally:
        source.close()
    memory.execute("PRAGMA foreign_keys = ON")
    if info.needs_upgrade:
        upgrade(memory, info)
    memory.execute("PRAGMA query_only = ON")
    return memory, info


def backup_before_upgrade(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = file_name(
        f"{path.stem}.v{version}", stamp, suffix=f".bak{path.suffix}", folder=path.parent
    )
    target = path.with_name(name)
    source = sqlite3.connect(str(path))
    try:
        with atomic_file(target) as temporary:
            copy = sqlite3.connect(str(temporary))
            try:
                source.backup(copy)
            finally:
                copy.close()
    finally:
        source.close()
    return target


def open_file(
    path: Path | str, expected: FileKind | None = None
) -> tuple[sqlite3.Connection, FileInfo]:
    """Open one of our files for editing, upgrading an older format after a backup."""
    path = Path(path)
    info = identify(path)
    if not writable(path):
        raise read_only_refusal(path)
    if expected is not None and info.kind is not expected:
        raise FileRefused(
            f"「{path.name}」是{info.kind.label_zh}，这里需要{expected.label_zh}。",
            f"{path.name} is a {info.kind.name} file; a {expected.name} file is needed here.",
        )
    if info.needs_upgrade:
        if info.kind is ROUND_FILE:
            refuse_if_altered(path)
            backups.take_of_file(path, info.round_uid, "upgrade")
        else:
            backup_before_upgrade(path, info.version)
    conn = connect(path)
    if info.needs_upgrade:
        try:
            upgrade(conn, info)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise FileRefused(
                f"文件「{path.name}」无法升级到当前格式，已保持原样。",
                f"{path.name} could not be upgraded; it was left as it was.",
            ) from error
        if info.kind is ROUND_FILE:
            anchor.record(conn, info.round_uid, audit.UPGRADE)
        info = inspect(conn, path)
    return conn, info


def upgrade(conn: sqlite3.Connection, info: FileInfo) -> None:
    """Bring the file behind ``conn`` (on disk, or a copy in memory) to the current format
    in one transaction; a round's trail records the upgrade with its content before."""
    with atomic(conn):
        # a round locked under the trail: its content as the lock recorded it
        before = audit.content_digest(conn) if audit.has_trail(conn) else None
        apply_ladder(conn, info.kind, info.version, info.kind.version)
        if info.kind is ROUND_FILE:
            record_upgrade(conn, info.version, before)


def altered_after_locking(path: Path, reason_zh: str, reason_en: str) -> AlteredAfterLocking:
    return AlteredAfterLocking(
        f"「{path.name}」锁定后被改动过（{reason_zh}），本软件不会升级或改写它；"
        "可用 check 查看，或从锁定前后的备份恢复。",
        f"{path.name} was altered after locking ({reason_en}); it is never upgraded or "
        "written. Look at it with check, or restore a backup.",
    )


def refuse_if_altered(path: Path) -> None:
    """Refuse (``AlteredAfterLocking``) a locked round whose content no longer matches its
    signed lock, before anything is written to it: an upgrade would append an unsigned
    entry recording the altered content, which must never pass as the lock."""
    conn = open_checked(path, readonly=True)
    try:
        if not audit.has_trail(conn):
            return
        conn.execute("BEGIN")
        state = audit.lock_state(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    if state.state == audit.ALTERED:
        raise altered_after_locking(path, state.reason_zh, state.reason)


def record_upgrade(conn: sqlite3.Connection, version: int, before: str | None = None) -> None:
    """The upgrade's entry in the round's trail (its first, for a file older than the
    trail). A locked round's content is recorded (unsigned: this is no lock) so that a
    later change still shows; ``before``, the content digest before the upgrade, lets a
    lock signed by an earlier release still be told as signed (``audit.lock_state``):
    the upgrade only added empty tables and columns to what that lock covered."""
    locked = bool(conn.execute("SELECT locked FROM round").fetchone()[0])
    detail: dict[str, object] = {"from": version, "to": ROUND_FILE.version, "locked": locked}
    if locked:
        detail["content_sha256"] = audit.content_digest(conn)
        if before is not None:
            detail["content_sha256_before"] = before
    audit.append(conn, audit.UPGRADE, detail)


def create_file(
    path: Path | str, kind: FileKind, *, building: bool = False, page_size: int | None = None
) -> sqlite3.Connection:
    """A new empty file of ``kind`` at the current version (the caller fills it).

    ``building``: a file being built beside its target needs no sync per commit; it is
    synced once by ``building_file`` before it is renamed into place. ``page_size``: the
    file's page size (SQLite's default, 4 KB, when not given).
    """
    path = Path(path)
    conn = connect(path, page_size=page_size)
    if building:
        conn.execute("PRAGMA synchronous = OFF")
    with atomic(conn):
        apply_ladder(conn, kind, 0, kind.version)
    return conn


@contextmanager
def building_file(
    path: Path, kind: FileKind, page_size: int | None = None
) -> Iterator[tuple[sqlite3.Connection, Path]]:
    """A new file of ``kind`` built beside ``path`` (``system.writing.atomic_file``): the
    connection and the temporary path. When the block ends the log is folded back into
    the file, the connection closed, and the file synced and renamed over ``path``; if it
    raises, the half-built file and its companions are removed and ``path`` is as it was."""
    with atomic_file(path) as temporary:
        conn = create_file(temporary, kind, building=True, page_size=page_size)
        try:
            yield conn, temporary
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
