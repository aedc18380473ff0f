"""The reviewer's files in and out: the offline scoring workbook and the submission.

Functions of the workspace, kept apart so the workspace stays small; their texts keep
the workspace's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from alliance_review.core.errors import UserError
from alliance_review.gui import file_kinds, i18n, messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer.commands import ImportSheetCommand, SetDoneCommand
from alliance_review.gui.reviewer.sealed import local_time
from alliance_review.gui.tasks import Progress, Task, run_task
from alliance_review.gui.undo import Bulk
from alliance_review.services.reviewer_workflow import submit_store
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.system.names import file_name

if TYPE_CHECKING:
    from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
    from alliance_review.services.reviewer_sheet import SheetImport


translate = QCoreApplication.translate


def export_workbook(ws: ReviewerWorkspace) -> Task | None:
    from alliance_review.services.reviewer_sheet import export_sheet  # slow import

    words = (ws.path.stem, file_kinds.word("scoring_workbook"))
    default = ws.path.with_name(file_name(*words, suffix=".xlsx", folder=ws.path.parent))
    name, _ = QFileDialog.getSaveFileName(
        ws,
        translate("ReviewerWorkspace", "Export scoring workbook"),
        str(default),
        translate("ReviewerWorkspace", "Excel workbook (*.xlsx)"),
    )
    if not name:
        return None
    out, path = Path(name), ws.path

    def export(_progress: Progress) -> int:
        with ReviewerStore.reading(path) as store:  # the worker's own connection
            return export_sheet(store, out)

    def written(rows: int) -> None:
        ws.set_notice(
            fill_in(translate("ReviewerWorkspace", "Workbook written (%1 rows): %2"), rows, out)
        )

    return run_task(
        ws,
        translate("ReviewerWorkspace", "Writing the workbook…"),
        export,
        written,
        on_error=lambda error: messages.refuse(ws, error),
    )


def import_workbook(ws: ReviewerWorkspace, path: Path | None = None) -> Task | None:
    """Read the workbook off the GUI thread, then show what it changes; the reviewer's
    choice (keep or erase blank cells) is imported as one undo step."""
    from alliance_review.gui.reviewer.dialogs import ImportPreviewDialog
    from alliance_review.services.reviewer_sheet import read_sheet  # slow import

    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            ws,
            translate("ReviewerWorkspace", "Import scoring workbook"),
            str(ws.path.parent),
            translate("ReviewerWorkspace", "Excel workbook (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
    chosen, file = path, ws.path

    def read(_progress: Progress) -> SheetImport:
        with ReviewerStore.reading(file) as store:  # the worker's own connection
            return read_sheet(store, chosen)

    def checked(sheet: SheetImport) -> None:
        dialog = ImportPreviewDialog(sheet, chosen.name, ws)
        ws.import_dialog = dialog

        def accepted() -> None:
            erase = dialog.erase_chosen()
            count = sheet.count(erase)
            if not count:
                return
            ws._new_edit()
            if ws._push(ImportSheetCommand(ws.session, sheet, erase)):
                ws.set_notice(
                    fill_in(
                        translate("ReviewerWorkspace", "%1 change(s) imported from %2"),
                        count,
                        chosen.name,
                    )
                )
                offer_done(ws, {c.alliance_uid for c in sheet.changes + sheet.erasures})

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    return run_task(
        ws,
        translate("ReviewerWorkspace", "Reading the workbook…"),
        read,
        checked,
        on_error=lambda error: messages.refuse(ws, error),
        reads_only=True,
    )


def offer_done(ws: ReviewerWorkspace, touched: set[str]) -> None:
    """After an import: the alliances it completed are offered to be marked done, as one
    undo step (the workbook left them 否, and submit counts them as not done)."""
    session = ws.session
    ready = [
        a.uid
        for a in session.alliances
        if a.uid in touched and a.uid not in session.done and not session.missing(a.uid)
    ]
    if not ready:
        return
    first = session.by_uid[ready[0]].name
    text = fill_in(
        translate(
            "ReviewerWorkspace",
            "The workbook completes %1 alliance(s) (such as %2). Mark them done?",
        ),
        len(ready),
        first,
    )
    if not messages.ask(ws, text, default_yes=True):
        return
    ws._new_edit()
    ws._push(
        Bulk(
            session,
            fill_in(translate("ReviewerWorkspace", "Mark %1 alliance(s) done"), len(ready)),
            [SetDoneCommand(session, ws.reveal, uid, True) for uid in ready],
        )
    )


def submit(ws: ReviewerWorkspace) -> Path | None:
    session = ws.session
    not_done = [a for a in session.alliances if a.uid not in session.done]
    if not_done:
        question = fill_in(
            translate(
                "ReviewerWorkspace",
                "%1 of %2 alliances are not marked done yet. Submit anyway? "
                "You can go on scoring and submit again later.",
            ),
            len(not_done),
            len(session.alliances),
        )
        if not messages.ask(ws, question):
            return None
    try:
        done = submit_store(session.store, language=i18n.service_language())
    except (UserError, OSError) as error:
        messages.refuse(ws, error)
        return None
    session.meta = session.store.meta()
    text = fill_in(
        translate(
            "ReviewerWorkspace",
            "Revision %1 is sealed (%2, %3); %4 of %5 "
            "alliances are done.\n\nSend this file back to the liaison group:\n%6",
        ),
        done.revision,
        done.reviewer_name,
        local_time(done.sealed_at),
        done.progress.done,
        done.progress.alliances,
        done.path,
    )
    tell_submitted(ws, text, done.path.parent)
    ws.set_notice(
        fill_in(
            translate("ReviewerWorkspace", "Revision %1 submitted: %2"),
            done.revision,
            done.path.name,
        )
    )
    return done.path


def tell_submitted(ws: ReviewerWorkspace, text: str, folder: Path) -> QMessageBox:
    """Where the submitted copy is, with a button that opens its folder (window-modal,
    so the caller does not wait on it)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("ReviewerWorkspace", "Submitted"),
        text,
        QMessageBox.StandardButton.Ok,
        ws,
    )
    box.setObjectName("submitted")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    open_folder = box.addButton(
        translate("ReviewerWorkspace", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: QAbstractButton) -> None:
        if button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    box.buttonClicked.connect(clicked)
    box.open()
    return box
