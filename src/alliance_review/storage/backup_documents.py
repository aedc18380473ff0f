"""Documents kept once for all the backups of a round.

A round with 750 MB of documents backed up twenty times would take 15 GB if every backup
copied them. Documents never change (each content is named by its SHA-256), so a backup
(``storage.backups``) is the round file without the contents (``document_blob.content``
NULL; the rows, sizes and sha256 stay, and the page texts: ``snapshot``), and the
contents live once beside the backups, in ``<data>/backups/<round>/documents/<sha256>``:

- ``keep_contents``: each content of the round is written there unless it is there
  already (whole or not at all: ``atomic_file``, checked against its SHA-256 as it is
  read out of the round), before the backup that names it is in place. A content whose
  bytes no longer match its SHA-256 stays inside that backup, as the round has it.
- ``fill_in``: a restore puts the contents back into its scratch copy from there, each
  checked against its SHA-256; one missing or altered refuses the restore (the round is
  left as it was). A backup taken before this change carries its contents and restores
  as it is.
- ``prune``: after each backup is taken or discarded, a content no backup of the folder
  names is removed, unless it was written or used in the last hour (a backup being taken
  by another process may need it; a backup kept once it is complete always finds its
  contents, written before it). When a backup cannot be read, nothing is removed.

Killed at any moment, the backups already kept and the contents they name are untouched;
what is left is at most a temporary file or a content no backup names, both removed by a
later prune once an hour old.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alliance_review.core.errors import FileRefused, UserError
from alliance_review.storage import documents
from alliance_review.storage.db import atomic
from alliance_review.system.permissions import private_folder
from alliance_review.system.reading import open_for_reading

STORE = "documents"
#: a content or temporary file younger than this is never pruned (a backup in progress)
GRACE_SECONDS = 3600.0


def store_of(folder: Path) -> Path:
    """The contents kept for the backups in ``folder`` (the folder made by the first
    backup of a round with documents)."""
    return folder / STORE


@contextmanager
def _triggers_aside(conn: sqlite3.Connection) -> Iterator[None]:
    """The triggers of ``document_blob`` (a locked round refuses every change of it) set
    aside for the block and made again from their own text, in the caller's transaction
    (a restore of a locked round's backup fills its contents in): the schema compared on
    opening (by name) is the same afterwards."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'document_blob'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in triggers:
        conn.execute(sql)


def _refresh(path: Path, size: int) -> bool:
    """Whether ``path`` holds a content of ``size`` bytes; if so it is marked as used now,
    so that a prune running meanwhile in another process leaves it."""
    try:
        if path.stat().st_size != size:
            return False
        os.utime(path)
    except OSError:
        return False
    return True


def keep_contents(source: sqlite3.Connection, store: Path) -> set[str]:
    """Write into ``store`` each content ``source`` carries that is not there already
    (read in the caller's read transaction); returns the sha256 of the contents whose
    bytes no longer match it, which the backup keeps inside, as the round has them."""
    if not documents.has_documents_tables(source):
        return set()
    carried = source.execute(
        "SELECT sha256, size FROM main.document_blob WHERE content IS NOT NULL ORDER BY sha256"
    ).fetchall()
    altered: set[str] = set()
    if carried:
        private_folder(store)
    for sha, size in carried:
        if not _refresh(store / sha, size):
            try:
                documents.extract(source, sha, store / sha)
            except documents.ContentAltered:
                altered.add(sha)
    return altered


def needed(backup: Path) -> set[str]:
    """The sha256 of the contents ``backup`` leaves to the store (none in a backup of a
    format before documents, or taken before the store existed)."""
    conn = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if not documents.has_documents_tables(conn):
            return set()
        return {
            sha for (sha,) in conn.execute("SELECT sha256 FROM document_blob WHERE content IS NULL")
        }
    finally:
        conn.close()


def fill_in(
    copy: sqlite3.Connection,
    store: Path,
    backup_name: str,
    progress: Callable[[int, int], bool] | None = None,
) -> None:
    """Put back into ``copy`` (a scratch copy of a backup being restored) every content it
    leaves to ``store``, each checked against its SHA-256; ``FileRefused`` when one is
    missing or altered, ``UserError`` when ``progress(bytes done, bytes in all)`` says
    the user cancelled (``copy`` then as it was)."""
    if not documents.has_documents_tables(copy):
        return
    missing = copy.execute(
        "SELECT sha256, size FROM document_blob WHERE content IS NULL ORDER BY sha256"
    ).fetchall()
    if not missing:
        return
    total, done = sum(size for _, size in missing), 0
    with atomic(copy), _triggers_aside(copy):
        for sha, size in missing:
            if progress is not None and not progress(done, total):
                raise UserError(
                    "已取消恢复，评价轮次保持原样。",
                    "Restore cancelled; the round was left as it was.",
                )
            done += size
            try:
                with open_for_reading(store / sha) as source:
                    documents.put_content(copy, sha, size, source)
            except (OSError, documents.ContentAltered) as error:
                raise FileRefused(
                    f"备份「{backup_name}」所需的一份文档（SHA-256 {sha[:12]}…）在备份文件夹中"
                    "缺失或已被改动，无法恢复；评价轮次保持原样。",
                    f"A document the backup {backup_name} needs (SHA-256 {sha[:12]}…) is missing "
                    "from the backups folder or altered; the round was left as it was.",
                ) from error


def prune(folder: Path) -> None:
    """Remove the contents no backup in ``folder`` names, and temporary files left by a
    backup killed midway, each once over an hour old (see the module's text)."""
    store = folder / STORE
    wanted: set[str] = set()
    for backup in folder.glob("*.sqlite") if store.is_dir() else ():
        try:
            wanted |= needed(backup)
        except (sqlite3.Error, OSError):
            if not backup.exists():
                continue  # rotated away meanwhile by another process
            return  # a backup not read: keep every content it might name
    now = time.time()
    leftovers = list(folder.glob(".*.part*"))
    if store.is_dir():
        leftovers += [entry for entry in store.iterdir() if entry.name not in wanted]
    for entry in leftovers:
        try:
            if now - entry.stat().st_mtime > GRACE_SECONDS:
                entry.unlink()
        except OSError:
            continue  # gone meanwhile, or held open (Windows): tried again next time


def stored_bytes(folder: Path) -> tuple[int, int]:
    """(files, bytes) of the contents kept for the backups in ``folder``."""
    count = total = 0
    store = folder / STORE
    if store.is_dir():
        for entry in store.iterdir():
            try:
                total += entry.stat().st_size
            except OSError:
                continue
            count += 1
    return count, total
