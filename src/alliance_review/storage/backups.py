"""Rotated backups of round files in the user data folder (the last 20 per round).

Taken before every merge batch, upgrade, lock and restore (one read transaction: a
consistent copy even while the round is open in WAL mode), into
``<data>/backups/<round uid>/``. A restore first backs up what it replaces. The contents
of the round's documents are kept once for all its backups, beside them
(``storage.backup_documents``); a backup holds everything else (``storage.snapshot``).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alliance_review.storage import backup_documents
from alliance_review.storage.snapshot import copy_without_contents
from alliance_review.system.names import file_name
from alliance_review.system.places import private_dir
from alliance_review.system.writing import atomic_file

KEEP = 20
REASONS = {
    "merge": ("合并前", "before merging"),
    "upgrade": ("升级格式前", "before upgrading"),
    "lock": ("锁定前", "before locking"),
    "unlock": ("解除锁定前", "before unlocking"),
    "restore": ("恢复前", "before restoring"),
}
_NAME = re.compile(r"^(\d{8}-\d{6}-\d{6})-([a-z]+)-(.*)\.sqlite$")
_SAFE = re.compile(r"[^0-9A-Za-z_.-]+")


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime
    reason: str
    source_name: str
    size: int

    def reason_text(self, language: str = "zh") -> str:
        zh, en = REASONS.get(self.reason, (self.reason, self.reason))
        return en if language.startswith("en") else zh


def folder_of(round_uid: str) -> Path:
    return private_dir("backups", _SAFE.sub("_", round_uid) or "round")


def take(conn: sqlite3.Connection, round_uid: str, source: Path, reason: str) -> Path:
    """Copy the database behind ``conn`` into the round's backup folder, its documents'
    contents kept once beside it (``backup_documents``), then ``rotate``. What is copied
    is one state of the round (one read transaction, the caller's if it has one)."""
    folder = folder_of(round_uid)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / file_name(stamp, reason, source.stem, suffix=".sqlite", folder=folder)
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        altered = backup_documents.keep_contents(conn, backup_documents.store_of(folder))
        # a temporary name of its own (two merges into one round may back it up at once)
        with atomic_file(target, private=True) as temporary:
            copy = sqlite3.connect(str(temporary), isolation_level=None)
            try:
                copy_without_contents(conn, copy, keep=altered)
            finally:
                copy.close()
    finally:
        if began:
            conn.execute("COMMIT")
    rotate(round_uid)
    return target


def documents_store(round_uid: str) -> Path:
    """Where the contents of the round's documents are kept for its backups."""
    return backup_documents.store_of(folder_of(round_uid))


def rotate(round_uid: str) -> None:
    """Keep the last ``KEEP`` backups, and beyond them the newest of each kind (before a
    lock, a merge, an upgrade, ...): twenty merges never push out the backup taken before
    the lock, nor the one before the upgrade."""
    found = listing(round_uid)
    newest_of_kind: dict[str, Path] = {}
    for backup in found:  # newest first
        newest_of_kind.setdefault(backup.reason, backup.path)
    for old in found[KEEP:]:
        if newest_of_kind[old.reason] != old.path:
            old.path.unlink(missing_ok=True)
    backup_documents.prune(folder_of(round_uid))


def discard(path: Path) -> None:
    """Remove a backup that turned out to keep nothing worth keeping (a merge that merged
    nothing: the round is as the backup before it has it, its merge log aside)."""
    path.unlink(missing_ok=True)
    backup_documents.prune(path.parent)


def take_of_file(path: Path, round_uid: str, reason: str) -> Path:
    source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return take(source, round_uid, path, reason)
    finally:
        source.close()


def listing(round_uid: str) -> list[Backup]:
    """The round's backups, newest first."""
    found: list[Backup] = []
    for path in folder_of(round_uid).glob("*.sqlite"):
        match = _NAME.match(path.name)
        if match is None:
            continue
        at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
        try:
            size = path.stat().st_size
        except FileNotFoundError:  # rotated away meanwhile by another process
            continue
        found.append(Backup(path, at, match.group(2), match.group(3), size))
    return sorted(found, key=lambda b: b.path.name, reverse=True)
