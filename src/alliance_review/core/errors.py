"""Errors a user can cause, each carrying one clear sentence in Chinese and English."""

from __future__ import annotations


class UserError(Exception):
    """A refusal the user can understand and act on; never shown as a traceback.

    ``str(error)`` is the Chinese sentence (the users' language); ``error.en`` the
    English one for an English interface.
    """

    def __init__(self, zh: str, en: str | None = None) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, language: str = "zh") -> str:
        return self.en if language.startswith("en") else self.zh


class RubricError(UserError):
    """The rubric is not valid (sum, codes, steps)."""


class ScoreError(UserError):
    """A score is out of range or off the rubric's step."""


class FileRefused(UserError):
    """A file is not ours, broken, too new, or does not belong where it is used."""


class AssignmentError(UserError):
    """No valid assignment of reviewers exists."""


class RoundLocked(UserError):
    """The round is locked as final: every edit is refused until it is unlocked."""

    def __init__(self, zh: str | None = None, en: str | None = None) -> None:
        super().__init__(
            zh or "评价轮次已锁定为最终结果，不能修改；如确需改动，请先解除锁定。",
            en or "The round is locked as final; unlock it before changing anything.",
        )


class StorageError(UserError):
    """A file could not be read or written (in use, disk full, read-only, damaged)."""


class AlteredAfterLocking(FileRefused):
    """A locked round whose content, trail or signature no longer agree with its signed
    lock: it is read (to be shown and checked) but never upgraded or written."""
