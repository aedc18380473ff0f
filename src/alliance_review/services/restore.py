"""Restoring a round from one of its rotated backups (``storage.backups``).

The round as it stands is backed up first, so a restore can itself be undone by
restoring that backup; the restore is recorded in the restored round's audit trail with
the digest and chain head of what it replaced.
"""

from __future__ import annotations

from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.storage import backups
from alliance_review.storage.files import identify
from alliance_review.storage.round_store import RoundStore


def backups_of(store: RoundStore) -> list[backups.Backup]:
    """The round's backups, newest first."""
    return backups.listing(store.settings().uid)


def restore_backup(store: RoundStore, backup: Path | str) -> Path:
    """Make the round what ``backup`` holds; returns the backup taken of what it replaced."""
    backup = Path(backup)
    info = identify(backup)
    uid = store.settings().uid
    if info.kind.name != "round" or info.round_uid != uid:
        raise UserError(
            f"「{backup.name}」是另一个评价轮次的文件，不能用来恢复本轮次。",
            f"{backup.name} belongs to another round; it cannot restore this one.",
        )
    replaced = store.backup("restore")
    state = store.lock_state()
    store.replace_content_from(backup)
    store.record(
        "restore",
        {"from": backup.name, "replaced_backup": replaced.name, "replaced_head": state.head},
    )
    return replaced
