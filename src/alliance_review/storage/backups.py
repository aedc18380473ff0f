"""Rotated backups of round files in the user data folder (the last 20 per round).

Taken before every merge batch, upgrade, lock and restore with SQLite's backup API (a
consistent copy even while the round is open in WAL mode), into
``<data>/backups/<round uid>/``. A restore first backs up what it replaces.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
    """Copy the database behind ``conn`` into the round's backup folder; keep the last 20."""
    folder = folder_of(round_uid)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / file_name(stamp, reason, source.stem, suffix=".sqlite", folder=folder)
    # a temporary name of its own (two merges into one round may back it up at once)
    with atomic_file(target, private=True) as temporary:
        copy = sqlite3.connect(str(temporary))
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    for old in listing(round_uid)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


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
