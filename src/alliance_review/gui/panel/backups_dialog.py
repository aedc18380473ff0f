"""Panel > Backups: the round's rotated backups (user data folder), and restoring one.

A backup is taken before every merge batch, upgrade, lock, unlock and restore. Restoring
backs up what the round holds first and records the restore in the audit trail, so a
restore can itself be undone by restoring that newer backup. The documents' contents are
kept once for all the backups (``storage.backup_documents``): the dialog says how much.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.gui import fit, i18n, messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import EVERYTHING
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services import restore
from alliance_review.storage.backups import Backup


class BackupsDialog(QDialog):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backups: list[Backup] = []
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Backups of this round"))
        fit.size_within_screen(self, 760, 460)
        self.hint = QLabel(
            self.tr(
                "The round is backed up before every merge, upgrade, lock, unlock and "
                "restore (the last 20 are kept). Restoring one first backs up what the "
                "round holds now, and is recorded in the audit trail."
            )
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("When"), self.tr("Size"), self.tr("File")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.update_state)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.empty = QLabel(self.tr("No backup of this round yet."))
        self.documents_note = QLabel()
        self.documents_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.documents_note)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        language = i18n.service_language()
        self.backups = restore.backups_of(self.context.store)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = [
                backup.reason_text(language),
                backup.at.strftime("%Y-%m-%d %H:%M:%S"),
                f"{max(1, backup.size // 1024)} KB",
                backup.path.name,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.backups)
        count, size = restore.documents_kept(self.context.store)
        self.documents_note.setText(
            fill_in(
                self.tr(
                    "The documents' contents are kept once for all these backups, beside "
                    "them: %1 file(s), %2 MB."
                ),
                count,
                f"{size / (1024 * 1024):.1f}",
            )
        )
        self.documents_note.setVisible(count > 0)
        if self.backups:
            self.table.selectRow(0)
        self.update_state()

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def update_state(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        language = i18n.service_language()
        question = fill_in(
            self.tr("Restore the round as it was %1 (%2)? What it holds now is backed up first."),
            backup.at.strftime("%Y-%m-%d %H:%M:%S"),
            backup.reason_text(language),
        )
        try:
            unlocking = restore.unlocks(self.context.store, backup.path)
        except (UserError, OSError) as error:
            messages.refuse(self, error)
            return
        if unlocking:
            question += " " + self.tr(
                "The round is locked as final and this backup is from before the lock: "
                "restoring it unlocks the round."
            )
        if not messages.ask(self, question):
            return
        # off the GUI thread, on a connection of its own: the documents are put back from
        # beside the backups, hundreds of MB for some rounds; a cancel changes nothing
        round_path, chosen = self.context.store.path, backup.path
        self.restore_button.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Restoring the backup…"),
            lambda progress: restore.restore_round(round_path, chosen, progress),
            lambda restored: self._restored(restored, language),
            on_error=self._failed,
            on_cancel=self.update_state,
        )

    def _restored(self, restored: restore.Restored, language: str) -> None:
        self.context.announce(EVERYTHING)
        self.reload()
        said = restored.sentence(language)
        if said:
            messages.inform(self, said)

    def _failed(self, error: BaseException) -> None:
        messages.refuse(self, error)  # one sentence, or a bug to the last resort
        self.update_state()
