"""A submitted (sealed) reviewer copy in the window: read-only, with a banner that says
which revision it is and how to go on (open the working file, or continue in a new one).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from alliance_review.core.errors import UserError
from alliance_review.gui import messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer import look
from alliance_review.services.reviewer_workflow import (
    can_continue,
    continue_from,
    suggested_working_name,
    working_file_for,
)

if TYPE_CHECKING:
    from alliance_review.gui.reviewer.workspace import ReviewerWorkspace

translate = QCoreApplication.translate
BANNER_FILL = "#fff7e0"
BANNER_TEXT = "#7a4b00"


def local_time(stamp: str) -> str:
    """A stored time (ISO 8601, UTC) as the reviewer's clock shows it: "2026-11-30 16:48"."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp.replace("T", " ")[:16]


class SealedBanner(look.Banner):
    """Across the top of a sealed copy: what it is, and the ways to go on scoring."""

    def __init__(self, ws: ReviewerWorkspace, parent: QWidget | None = None) -> None:
        super().__init__("sealed_banner", BANNER_TEXT, BANNER_FILL, parent)
        self.ws = ws
        self.working = working_file_for(ws.path)
        self.open_working = QPushButton()
        self.open_working.setVisible(self.working is not None)
        self.open_working.clicked.connect(self._open_working)
        #: a file continued from this copy could be submitted (this computer keeps the
        #: reviewer's signing key); else the banner says so before any work starts
        self.continuable = can_continue(ws.path)
        self.continue_button = QPushButton()
        self.continue_button.setVisible(self.continuable)
        self.continue_button.clicked.connect(lambda: continue_in_new_file(ws))
        self.add_button(self.open_working)
        self.add_button(self.continue_button)
        self.retranslate()

    def retranslate(self) -> None:
        meta = self.ws.session.meta
        when = local_time(meta.sealed_at or "")
        if self.continuable:
            text = translate(
                "SealedBanner",
                "Submitted copy, revision %1 (sealed %2): read-only. To go on "
                "scoring, open your working file, or continue from this copy as revision "
                "%3.",
            )
        elif self.working is not None:
            text = translate(
                "SealedBanner",
                "Submitted copy, revision %1 (sealed %2): read-only. To go on "
                "scoring, open your working file. A file continued from this copy could not "
                "be submitted: the copy carries no signing key, and this computer does not "
                "keep it.",
            )
        else:
            text = translate(
                "SealedBanner",
                "Submitted copy, revision %1 (sealed %2): read-only. A file "
                "continued from this copy could not be submitted: the copy carries no signing "
                "key, and this computer does not keep it. Go on in the reviewer file you "
                "were issued and submitted from (on the computer where you scored), or ask "
                "the secretary for a new file.",
            )
        self.text.setText(fill_in(text, meta.revision, when, meta.revision + 1))
        if self.working is not None:
            self.open_working.setText(
                fill_in(translate("SealedBanner", "Open %1"), self.working.name)
            )
        self.continue_button.setText(
            fill_in(translate("SealedBanner", "Continue as revision %1…"), meta.revision + 1)
        )

    def _open_working(self) -> None:
        if self.working is not None:
            self.ws.open_requested.emit(self.working)


def continue_in_new_file(ws: ReviewerWorkspace) -> Path | None:
    """Write a working file from the sealed copy (the reviewer picks where) and open it."""
    suggested = suggested_working_name(ws.path, ws.session.meta.revision)
    name, _ = QFileDialog.getSaveFileName(
        ws,
        translate("SealedBanner", "New working file"),
        str(suggested),
        translate("SealedBanner", "Reviewer file (*.sqlite)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused
    )
    if not name:
        return None
    out = Path(name)
    try:
        continue_from(ws.path, out)
    except (UserError, OSError) as error:
        messages.refuse(ws, error)
        return None
    ws.open_requested.emit(out)
    return out


class UnsignedBanner(look.Banner):
    """Across the top of a working file that carries no signing key (continued from a
    submitted copy on a computer that does not keep the key, or issued by an older
    version): said before any work starts that it cannot be submitted, and what works."""

    def __init__(self, ws: ReviewerWorkspace, parent: QWidget | None = None) -> None:
        super().__init__("unsigned_banner", BANNER_TEXT, BANNER_FILL, parent)
        self.ws = ws
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(
            translate(
                "SealedBanner",
                "This file carries no signing key, so it cannot be submitted. Go on in the "
                "reviewer file you were issued (on the computer where you scored), or ask the "
                "secretary for a new file; scores can be carried over with the scoring "
                "workbook (Export / Import scoring workbook).",
            )
        )
