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
