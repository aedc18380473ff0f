"""File > Merge reviewer files: pick many files or a folder (or drop them), preview, merge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui import file_kinds, fit, i18n, messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Alliances, Change
from alliance_review.gui.panel.records import ATTENTION, Cell, Record, RecordsModel, compact_rows
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services.merge import (
    MERGE,
    MERGED,
    REFUSED,
    UNCHANGED,
    FileReport,
    expand,
    merge_into,
    merge_log,
    preview,
)
from alliance_review.storage.round_store import RoundStore


def preview_files(round_path: Path, paths: list[Path]) -> list[FileReport]:
    """What each file would do, read on a connection of the worker's own."""
    with RoundStore.reading(round_path) as store:
        return preview(store, paths)


class MergeDialog(QDialog):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.paths: list[Path] = []
        self.reports: list[FileReport] = []
        self.merged = False
        self.task: Task | None = None
        self.notice = ""  # said after the summary until the next merge
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("Merge reviewer files"))
        fit.size_within_screen(self, 1000, 620)
        self.hint = QLabel(
            self.tr(
                "Add the reviewer files that came back (or drop them here). Each file is "
                "checked and previewed before anything is written; each is merged whole or "
                "not at all."
            )
        )
        self.hint.setWordWrap(True)
        self.model = RecordsModel(self.headers, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Reviewer files to merge"))
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.clear_button.clicked.connect(self.clear)
        self.merge_button.clicked.connect(self.merge)
        self.close_button.clicked.connect(self.accept)
        self.summary = QLabel()
        # a newer revision that drops merged scores is merged only when this is ticked
        self.accept_removals = QCheckBox(
            self.tr("Merge the highlighted revisions even though they remove merged scores")
        )
        self.accept_removals.setVisible(False)
        self.history_title = QLabel(self.tr("Merge history of this round (every attempt)"))
        self.history_title.setStyleSheet("font-weight: bold")
        self.history_model = RecordsModel(self.history_headers, self)
        self.history = QTableView()
        self.history.setAccessibleName(self.tr("Merge history of this round (every attempt)"))
        self.history.setModel(self.history_model)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        compact_rows(self.history)
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.accept_removals)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 2)
        layout.addLayout(buttons)
        self.update_state()

    def headers(self) -> list[str]:
        return [
            self.tr("File"),
            self.tr("Reviewer"),
            self.tr("Revision"),
            self.tr("Merged so far"),
            self.tr("New"),
            self.tr("Changed"),
            self.tr("Unchanged"),
            self.tr("Result"),
        ]

    def history_headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("File"),
            self.tr("Reviewer"),
            self.tr("Revision"),
            self.tr("Outcome"),
            self.tr("Detail"),
        ]

    def show_history(self) -> None:
        names = {r.uid: r.name for r in self.context.store.reviewers()}
        outcomes = {
            MERGED: self.tr("merged"),
            UNCHANGED: self.tr("unchanged"),
            REFUSED: self.tr("refused"),
        }
        records = [
            Record(
                number,
                [
                    Cell(at.replace("T", " ")[:19]),
                    Cell(file_name, tooltip=content_hash, align_center=False),
                    Cell(names.get(reviewer or "", reviewer or "—"), align_center=False),
                    Cell(str(revision or "—")),
                    Cell(
                        outcomes.get(outcome, outcome),
                        background=ATTENTION if outcome == REFUSED else None,
                    ),
                    Cell(detail, tooltip=detail, align_center=False),
                ],
            )
            for number, (
                file_name,
                content_hash,
                reviewer,
                revision,
                at,
                outcome,
                detail,
            ) in enumerate(merge_log(self.context.store))
        ]
        self.history_model.set_records(list(reversed(records)))
        self.history.resizeColumnsToContents()

    # choosing files ------------------------------------------------------------------
    def choose_files(self) -> None:
        start = str(QSettings().value("panel/merge_dir", "") or "")
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Reviewer files"),
            start,
            file_kinds.reviewer_filter(),
        )
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        start = str(QSettings().value("panel/merge_dir", "") or "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of reviewer files"), start)
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> None:
        if not paths:
            return
        QSettings().setValue("panel/merge_dir", str(paths[0].resolve().parent))
        known = {p.resolve() for p in self.paths}
        for path in expand(paths):
            if path.resolve() not in known:
                self.paths.append(path)
                known.add(path.resolve())
        self.merged = False
        self.refresh_preview()

    def clear(self) -> None:
        self.paths.clear()
        self.reports.clear()
        self.merged = False
        self.show_reports()

    # preview and merge -------------------------------------------------------------------
    def refresh_preview(self) -> None:
        round_path, paths = self.context.path, list(self.paths)
        self.merge_button.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Checking reviewer files…"),
            lambda _progress: preview_files(round_path, paths),
            self._previewed,
            on_error=self._failed,
            on_cancel=self.update_state,
            reads_only=True,
        )

    def _previewed(self, reports: list[FileReport]) -> None:
        self.reports = reports
        self.show_reports()

    def _failed(self, error: BaseException) -> None:
        messages.refuse(self, error)
        self.update_state()

    def merge(self) -> None:
        round_path, paths = self.context.path, list(self.paths)
        accept_removals = self.accept_removals.isChecked()
        if not paths or self.task is not None and not self.task.outcome:
            return
        self.merge_button.setEnabled(False)
        self.notice = ""
        self.task = run_task(
            self,
            self.tr("Merging reviewer files…"),
            lambda progress: merge_into(
                round_path, paths, progress, accept_removals=accept_removals
            ),
            self._merged,
            on_error=self._merge_failed,
            on_cancel=self._merge_cancelled,
        )

    def _merged(self, reports: list[FileReport]) -> None:
        self.reports = reports
        self.merged = True
        self.show_reports()
        touched = [
            uid
            for r in reports
            if r.outcome == MERGED
            for uid in (*r.alliances_new, *r.alliances_changed, *r.alliances_removed)
        ]
        self.context.announce(Change(scores=Alliances.of(touched), merge_log=True))

    def _merge_cancelled(self) -> None:
        self.notice = self.tr("Cancelled: no file was merged; the round is as it was.")
        self.refresh_preview()

    def _merge_failed(self, error: BaseException) -> None:
        self._failed(error)
        self.refresh_preview()
        self.context.announce(Change(merge_log=True))

    def outcome_text(self, report: FileReport) -> str:
        language = i18n.service_language()
        if report.outcome == MERGE and report.removes:
            names = {a.uid: a.name for a in self.context.store.alliances()}
            return fill_in(
                self.tr("merges only if you confirm the removal below: %1"),
                report.loss(language, names),
            )
        if report.outcome == MERGE:
            return fill_in(self.tr("will merge: %1"), report.detail(language))
        if report.outcome == MERGED:
            return fill_in(self.tr("merged: %1"), report.detail(language))
        if report.outcome == UNCHANGED:
            return fill_in(self.tr("unchanged: %1"), report.detail(language))
        return fill_in(self.tr("refused: %1"), report.detail(language))

    def show_reports(self) -> None:
        records = []
        for report in self.reports:
            refused = report.refused
            colour = ATTENTION if refused or (report.removes and not self.merged) else None
            records.append(
                Record(
                    str(report.path),
                    [
                        Cell(report.path.name, tooltip=str(report.path), align_center=False),
                        Cell(report.reviewer_name or "—", align_center=False),
                        Cell(str(report.revision or "—")),
                        Cell(str(report.merged_revision or "—")),
                        Cell("" if refused else str(len(report.alliances_new))),
                        Cell("" if refused else str(len(report.alliances_changed))),
                        Cell("" if refused else str(len(report.alliances_unchanged))),
                        Cell(
                            self.outcome_text(report),
                            background=colour,
                            align_center=False,
                            tooltip=self.outcome_text(report),
                        ),
                    ],
                )
            )
        self.model.set_records(records)
        self.table.resizeRowsToContents()
        self.update_state()

    def update_state(self) -> None:
        self.show_history()
        ready = sum(1 for r in self.reports if r.outcome == MERGE)
        refused = sum(1 for r in self.reports if r.refused)
        merged = sum(1 for r in self.reports if r.outcome == MERGED)
        self.merge_button.setEnabled(ready > 0 and not self.merged)
        removing = any(r.removes for r in self.reports if r.outcome == MERGE)
        self.accept_removals.setVisible(removing and not self.merged)
        if not removing:
            self.accept_removals.setChecked(False)
        if self.merged:
            text = self.tr("%1 merged, %2 refused.")
            self.summary.setText(fill_in(text, str(merged), str(refused)))
        else:
            text = self.tr("%1 file(s): %2 ready to merge, %3 refused.")
            self.summary.setText(fill_in(text, str(len(self.reports)), str(ready), str(refused)))
        if self.notice:
            self.summary.setText(self.summary.text() + "  " + self.notice)
