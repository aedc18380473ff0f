"""Issue reviewer files: one self-contained file per reviewer into a chosen folder."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui import i18n, messages
from alliance_review.gui.contrast import tone
from alliance_review.gui.notice import Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import last_folder
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services import assigning
from alliance_review.services.reviewer_files import reviewer_file_name


class IssuePage(QWidget):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.readiness = QLabel()
        self.readiness.setWordWrap(True)
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(lambda: self.issue())
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # rows in view
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setOpenExternalLinks(True)  # the folder opens in the file manager
        self.written: list[Path] = []
        row = QHBoxLayout()
        row.addWidget(self.issue_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.readiness)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Reviewer files to issue"))
        self.intro.setText(
            self.tr(
                "Each reviewer gets one file holding the rubric, the alliances assigned to "
                "them and those alliances' self-evaluations; nothing about other reviewers "
                "or their assignments. Reviewers score in the app, offline, and send the "
                "file back for the panel to merge."
            )
        )
        self.issue_button.setText(self.tr("Issue reviewer files…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Reviewer"),
                self.tr("Alliances"),
                self.tr("With self-evaluation"),
                self.tr("File name"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        store = self.context.store
        assignment = store.assignments()
        evaluated = {a for a, _ in store.self_scores()}
        year = store.settings().year
        reviewers = store.reviewers()
        self.table.setRowCount(len(reviewers))
        for r, reviewer in enumerate(reviewers):
            mine = [a for a, rs in assignment.items() if reviewer.uid in rs]
            values = (
                reviewer.name,
                str(len(mine)),
                str(sum(1 for a in mine if a in evaluated)),
                reviewer_file_name(year, reviewer) if mine else "—",
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        reasons = assigning.readiness(store)
        english = i18n.chosen_language() == "en"
        if reasons:
            self.readiness.setStyleSheet(f"color: {tone('#a40000', '#ff8080')};")
            self.readiness.setText(
                self.tr("Not ready: ") + " ".join(en if english else zh for zh, en in reasons)
            )
        else:
            self.readiness.setStyleSheet(f"color: {tone('#2e7d32', '#3ff23f')};")
            self.readiness.setText(
                self.tr("Ready: the rubric is complete and every alliance has its reviewers.")
            )
        self.issue_button.setEnabled(not reasons)

    def issue(self, folder: Path | None = None) -> Task | None:
        if folder is None:
            start = last_folder()
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the reviewer files"), start
            )
            if not name:
                return None
            folder = Path(name)
        round_path = self.context.path
        chosen = folder
        in_the_way = assigning.files_in_the_way(round_path, chosen)
        if in_the_way:
            question = self.tr(
                "%n reviewer file(s) of this round are already in this folder. Replace "
                "them? Scores a reviewer entered in one of them would be lost.",
                "",
                len(in_the_way),
            )
            if not messages.ask(self, question):
                return None
        replace = bool(in_the_way)

        def written(paths: list[Path]) -> None:
            self.written = paths
            # The round file does not record issuing; the rubric editor warns from this.
            self.context.setProperty("issued_folder", str(chosen))
            self.context.announce(Change(issued=True))
            link = QUrl.fromLocalFile(str(chosen)).toString()
            self.result.setText(
                html.escape(self.tr("%n reviewer file(s) written to %1", "", len(paths))).replace(
                    "%1", f'<a href="{link}">{html.escape(str(chosen))}</a>'
                )
            )

        return run_task(
            self,
            self.tr("Writing reviewer files…"),
            lambda progress: assigning.issue_files(round_path, chosen, progress, replace),
            written,
        )
