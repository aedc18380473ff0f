"""The one way the window tells the user something in a dialog.

Four kinds, each with one title (translated once, in the ``messages`` context), a
matching icon, and the text in the interface language:

- ``refuse(parent, error)``: something was not possible. ``error`` is a refusal
  (``UserError``), an error of SQLite or of the disk (a full disk, no permission, a
  read-only place, a path too long, a file another program holds open: each named as
  what it is, ``storage.db.storage_error``), told in one sentence; anything else is a bug
  and goes to the last resort (``gui.last_resort``: a sentence, the details, the log).
- ``warn(parent, text)``: something the user should know before going on.
- ``ask(parent, text)``: a yes-or-no question; True when the user said yes.
- ``inform(parent, text)``: something was done.

``sentence(error)`` is the refusal's text alone, for a dialog that shows it inline.
Every "not possible" of the window goes through here, so the same situation always
reads the same; the title says the kind, the sentence says what and why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alliance_review.core.errors import UserError
from alliance_review.gui.i18n import service_language

translate = QCoreApplication.translate


def titles() -> dict[str, str]:
    """The title of each kind of message, in the interface language (context
    ``messages``)."""
    return {
        "refusal": translate("messages", "Not possible"),
        "warning": translate("messages", "Please note"),
        "question": translate("messages", "Please confirm"),
        "information": translate("messages", "Done"),
    }


def refusal_of(error: BaseException) -> UserError | None:
    """The refusal ``error`` stands for (one sentence), or None when it is a bug."""
    from alliance_review.storage.db import storage_error

    return storage_error(error)


def sentence(error: BaseException) -> str:
    """The sentence a user reads for ``error`` (a bug: the last resort's sentence)."""
    refusal = refusal_of(error)
    if refusal is None:
        from alliance_review.gui.last_resort import sentence_of

        return sentence_of(error)
    return refusal.message(service_language())


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def refuse(parent: QWidget | None, error: BaseException) -> bool:
    """Say that something was not possible, and why, in one sentence. A bug (an error no
    sentence exists for) goes to the last resort instead. Returns False, so that a
    handler can ``return messages.refuse(self, error)``."""
    refusal = refusal_of(error)
    if refusal is None:
        from alliance_review.gui import last_resort

        last_resort.report(type(error), error, error.__traceback__)
        return False
    QMessageBox.warning(_parent(parent), titles()["refusal"], refusal.message(service_language()))
    return False


def warn(parent: QWidget | None, text: str) -> None:
    """Something the user should know (nothing was refused)."""
    QMessageBox.warning(_parent(parent), titles()["warning"], text)


def inform(parent: QWidget | None, text: str) -> None:
    """Something was done."""
    QMessageBox.information(_parent(parent), titles()["information"], text)


def ask(parent: QWidget | None, text: str, default_yes: bool = False) -> bool:
    """A yes-or-no question; True when the user said yes (Escape says no)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        _parent(parent), titles()["question"], text, yes | no, yes if default_yes else no
    )
    return answer == yes
