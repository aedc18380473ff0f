"""Restoring a round from one of its rotated backups (``storage.backups``).

The round as it stands is backed up first, so a restore can itself be undone by
restoring that newer backup. The restore follows the lock's rule: a locked backup whose
content, trail or signature no longer agree with its signed lock is refused (it was
altered), and an older backup is upgraded in a scratch copy whose upgrade entry records
the content before it. The restored content and the restore's entry in its trail (what
it replaced: the backup taken, the chain head; whether the round was locked before and
is after) reach the round file in one write (``RoundStore.restore_content``). The
restore says when it unlocks a locked round: ``preview`` before, ``Restored`` after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.storage import backup_documents, backups
from alliance_review.storage.files import identify, is_locked_file
from alliance_review.storage.round_store import RoundStore

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Restored:
    replaced_backup: Path  # the backup taken of what the round held
    locked_before: bool
    locked_after: bool

    @property
    def unlocked(self) -> bool:
        return self.locked_before and not self.locked_after

    def sentence(self, language: str = "zh") -> str:
        """What the restore did to the lock, in one sentence ("" when nothing)."""
        if self.unlocked:
            return (
                "The round was locked as final; the restored backup is from before the lock, "
                "so the round is now unlocked."
                if language.startswith("en")
                else "恢复前评价轮次已锁定为最终结果；所恢复的备份早于锁定，轮次现已解除锁定。"
            )
        if self.locked_after and not self.locked_before:
            return (
                "The restored backup is locked as final, so the round is now locked."
                if language.startswith("en")
                else "所恢复的备份已锁定为最终结果，轮次现已锁定。"
            )
        return ""


def backups_of(store: RoundStore) -> list[backups.Backup]:
    """The round's backups, newest first."""
    return backups.listing(store.settings().uid)


def documents_kept(store: RoundStore) -> tuple[int, int]:
    """(files, bytes) of the documents' contents kept once for all the round's backups."""
    return backup_documents.stored_bytes(backups.folder_of(store.settings().uid))


def _require_same_round(store: RoundStore, backup: Path) -> None:
    info = identify(backup)
    if info.kind.name != "round" or info.round_uid != store.settings().uid:
        raise UserError(
            f"「{backup.name}」是另一个评价轮次的文件，不能用来恢复本轮次。",
            f"{backup.name} belongs to another round; it cannot restore this one.",
        )


def unlocks(store: RoundStore, backup: Path | str) -> bool:
    """Whether restoring ``backup`` would unlock the round (asked before restoring)."""
    backup = Path(backup)
    _require_same_round(store, backup)
    return store.is_locked() and not is_locked_file(backup)


def restore_backup(
    store: RoundStore, backup: Path | str, progress: Progress | None = None
) -> Restored:
    """Make the round what ``backup`` holds; what it replaced is backed up first.
    ``progress(done, total)`` follows the documents put back; False cancels (nothing
    changed)."""
    backup = Path(backup)
    _require_same_round(store, backup)
    return Restored(*store.restore_content(backup, progress))


def restore_round(
    round_path: Path | str, backup: Path | str, progress: Progress | None = None
) -> Restored:
    """``restore_backup`` on a connection of its own (the window's worker thread)."""
    with RoundStore.open(round_path) as store:
        return restore_backup(store, backup, progress)
