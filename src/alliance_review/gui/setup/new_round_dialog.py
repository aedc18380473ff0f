"""New round…: title, year, period, and where the set-up comes from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.file_names import round_file_name
from alliance_review.gui import file_kinds, messages
from alliance_review.gui.setup.commands import last_folder, ok_cancel
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services.setup import new_round_from_files


class FileField(QWidget):
    """A path in a line edit with a Choose… button."""

    def __init__(self, caption: str, filter_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption, self.filter_text = caption, filter_text
        self.edit = QLineEdit()
        self.edit.setAccessibleName(caption)
        self.edit.setClearButtonEnabled(True)
        self.button = QPushButton(self.tr("Choose…"))
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def choose(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.filter_text)
        if name:
            self.edit.setText(name)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class NewRoundDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, last_round: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New round"))
        self.resize(720, 360)
        year = date.today().year
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.year.setValue(year)
        self.title = QLineEdit(f"{year}年度产业技术创新战略联盟活跃度评价")
        self.period = QLineEdit(f"{year}年1月1日至12月31日")
        self.from_round = FileField(self.tr("Last year's round"), file_kinds.round_filter())
        if last_round is not None:
            self.from_round.edit.setText(str(last_round))
        self.rubric = FileField(self.tr("Rubric file"), self.tr("Rubric files (*.json)"))
        self.roster = FileField(
            self.tr("Roster"),
            self.tr("Tables (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"),
        )
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Save the new round as"))
        self.out_button = QPushButton(self.tr("Choose…"))
        self.out_button.clicked.connect(self.choose_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.out_button)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Evaluation period"), self.period)
        form.addRow(self.tr("Start from last year's round"), self.from_round)
        form.addRow(self.tr("Rubric (empty: the 2015 rubric)"), self.rubric)
        form.addRow(self.tr("Roster (Excel, WPS, LibreOffice or CSV)"), self.roster)
        form.addRow(self.tr("Save the new round as"), out_row)
        hint = QLabel(
            self.tr(
                "Starting from last year's round copies its rubric, roster, reviewers with "
                "their conflicts, tiers and rules; never its assignments or scores. A rubric "
                "or roster file chosen here replaces the copied one."
            )
        )
        hint.setWordWrap(True)
        buttons = ok_cancel(self.tr("Create"))
        buttons.accepted.connect(self.create_round)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.created: Path | None = None
        self.task: Task | None = None

    def choose_out(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the new round as"),
            str(Path(start) / round_file_name(self.year.value(), file_kinds.language())),
            file_kinds.new_round_filter(),
        )
        if name:
            self.out.setText(name)

    def create_round(self) -> None:
        """Write the round file; on a refusal the dialog stays open and nothing is written."""
        if not self.out.text().strip():
            self.choose_out()
            if not self.out.text().strip():
                return
        out, title, year = (
            Path(self.out.text().strip()),
            self.title.text().strip(),
            self.year.value(),
        )
        period, rubric_file = self.period.text().strip(), self.rubric.path()
        roster_file, from_round = self.roster.path(), self.from_round.path()

        def created(path: Path) -> None:
            self.created = path
            self.accept()

        self.task = run_task(
            self,
            self.tr("Writing the new round…"),
            lambda _progress: new_round_from_files(
                out,
                title,
                year,
                period=period,
                rubric_file=rubric_file,
                roster_file=roster_file,
                from_round=from_round,
            ),
            created,
            on_error=lambda error: messages.refuse(self, error),
        )
