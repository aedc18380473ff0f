"""One window per reviewer file: opening a file another window has open (in this process
or another, on this computer or another one over a shared folder) says who has it open and
offers to open it read-only; a lock left by a window that was killed is taken over.

The lock itself is ``system.locks`` (what differs by platform); this module asks the
reviewer and shows the banner of a read-only view.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer import look
from alliance_review.gui.views import Declined
from alliance_review.system import locks

if TYPE_CHECKING:
    from alliance_review.gui.reviewer.workspace import ReviewerWorkspace

translate = QCoreApplication.translate
BANNER_FILL = "#e8f0fb"
BANNER_TEXT = "#1f3f6b"


def since(holder: locks.Holder) -> str:
    try:
        return datetime.fromisoformat(holder.opened_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return holder.opened_at.replace("T", " ")[:16]


def who(holder: locks.Holder) -> str:
    """ "another window of this program" / "zhang on PC-07 (since 2026-12-06 09:12)"."""
    if holder.pid <= 0:
        return translate("FileLock", "another program (its lock file cannot be read)")
    if holder.this_process:
        return translate("FileLock", "another window of this program")
    person = holder.user or translate("FileLock", "someone")
    where = (
        translate("FileLock", "this computer")
        if holder.here
        else fill_in(translate("FileLock", "the computer %1"), holder.host)
    )
    return fill_in(translate("FileLock", "%1 on %2, since %3"), person, where, since(holder))


def claim(parent: QWidget | None, path: Path) -> tuple[locks.FileLock | None, locks.Holder | None]:
    """Lock ``path`` for this window, or ask: (lock, None) to edit; (None, holder) to show
    it read-only; ``views.Declined`` when the reviewer chose not to open it."""
    got = locks.acquire(path)
    if isinstance(got, locks.FileLock):
        return got, None
    holder = got
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("FileLock", "The file is open elsewhere"))
    box.setText(
        fill_in(
            translate(
                "FileLock",
                "%1 is open in %2. Two windows on one file would each keep their own "
                "values. Open it read-only here?",
            ),
            path.name,
            who(holder),
        )
    )
    read_only = box.addButton(
        translate("FileLock", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    take_over = None
    if not holder.here or holder.pid <= 0:
        # another computer cannot be asked whether it still has the file open
        box.setInformativeText(
            translate(
                "FileLock",
                "If that computer no longer has it open (it was switched off), you can take "
                "the file over.",
            )
        )
        take_over = box.addButton(
            translate("FileLock", "Take over and edit"), QMessageBox.ButtonRole.DestructiveRole
        )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.exec()
    chosen = box.clickedButton()
    if chosen is read_only:
        return None, holder
    if take_over is not None and chosen is take_over:
        again = locks.acquire(path, take_over=True)
        if isinstance(again, locks.FileLock):
            return again, None
        return None, again
    raise Declined()


class LockedBanner(look.Banner):
    """Across the top of a file shown read-only because another window has it open."""

    def __init__(self, ws: ReviewerWorkspace, holder: locks.Holder) -> None:
        super().__init__("locked_banner", BANNER_TEXT, BANNER_FILL)
        self.ws = ws
        self.holder = holder
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(
            fill_in(
                translate(
                    "FileLock",
                    "Read-only: this file is open in %1. What you see is the file as it was "
                    "when you opened it; close it there to edit it here.",
                ),
                who(self.holder),
            )
        )
