"""New round…: title, year, period, and where the set-up comes from.

Starting from last year's round carries its register, reviewers with their conflicts,
rules and results (``services.carry``); a roster file chosen here is this year's list,
which updates the carried register. What the new round will hold (and what it will not)
is shown before it is created, read off the GUI thread whenever a file is chosen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
from alliance_review.core.roster import BATCHES
from alliance_review.gui import file_kinds, fit, i18n, messages
from alliance_review.gui.setup.commands import last_folder, ok_cancel
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services import carry, roster_io
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
        self.chosen: list[object] = []  # callbacks run when a path is chosen or typed
        self.edit.editingFinished.connect(self._changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def choose(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.filter_text)
        if name:
            self.edit.setText(name)
            self._changed()

    def set_path(self, path: Path | str) -> None:
        self.edit.setText(str(path))
        self._changed()

    def _changed(self) -> None:
        for callback in self.chosen:
            callback()  # type: ignore[operator]

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class NewRoundDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, last_round: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New round"))
        fit.size_within_screen(self, 760, 560)
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
        self.skip_bad = QCheckBox(self.tr("Leave out the rows of the list that have a problem"))
        self.skip_bad.setVisible(False)
        hint = QLabel(
            self.tr(
                "Starting from last year's round carries its register (every alliance with "
                "its identity, batch and status), reviewers with their conflicts, rubric, "
                "tiers, rules and results; never its assignments or scores. A roster file "
                "chosen here is this year's list: it updates the carried register. A rubric "
                "file replaces the carried rubric."
            )
        )
        hint.setWordWrap(True)
        self.carried = QLabel()
        self.carried.setWordWrap(True)
        self.carried.setAccessibleName(self.tr("What the new round will hold"))
        self.carried.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = ok_cancel(self.tr("Create"))
        self.create_button = buttons.buttons()[0]
        buttons.accepted.connect(self.create_round)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.carried, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(buttons)
        self.created: Path | None = None
        self.task: Task | None = None
        self.preview_task: Task | None = None
        self.shown: carry.CarryPreview | None = None
        self.from_round.chosen.append(self.update_preview)
        self.roster.chosen.append(self.update_preview)
        self.year.valueChanged.connect(lambda _value: self.update_preview())
        self.update_preview()

    def choose_out(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the new round as"),
            str(Path(start) / round_file_name(self.year.value(), i18n.service_language())),
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
        skip_bad = self.skip_bad.isChecked()

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
                skip_bad=skip_bad,
                hint=roster_io.WINDOW_HINT,
            ),
            created,
            on_error=lambda error: messages.refuse(self, error),
        )

    # what the new round will hold ---------------------------------------------------
    def update_preview(self) -> None:
        """Read last year's round and this year's list (never writing them) off the GUI
        thread and say what the new round will hold and what it will not."""
        from_round, roster_file, year = (
            self.from_round.path(),
            self.roster.path(),
            self.year.value(),
        )
        if from_round is None and roster_file is None:
            self.shown = None
            self.skip_bad.setVisible(False)
            self.carried.setText(
                self.tr(
                    "A new round starts with the 2015 rubric, the three pilot batches and no "
                    "alliances; choose last year's round or this year's list to start from."
                )
            )
            return

        def read(_progress: object) -> carry.CarryPreview:
            last = carry.read_last(from_round, year) if from_round is not None else None
            batches = [b.name for b in last.batches] if last is not None else None
            plan = (
                roster_io.roster_plan(roster_file, None, batches or BATCHES)
                if roster_file is not None
                else None
            )
            return carry.preview(last, plan)

        self.carried.setText(self.tr("Reading…"))
        self.preview_task = run_task(
            self,
            self.tr("Reading…"),
            read,
            self.show_preview,
            on_error=self._preview_refused,
            reads_only=True,
            background=True,  # the secretary goes on typing the title meanwhile
        )

    def show_preview(self, shown: carry.CarryPreview) -> None:
        self.shown = shown
        english = i18n.service_language() == "en"
        lines = [en if english else zh for zh, en in shown.messages]
        plan = shown.plan
        if plan is not None:
            blocked = len(plan.blocked_rows())
            hidden = len(plan.hidden())
            if blocked:
                lines.append(
                    self.tr(
                        "%n row(s) of the list have a problem (see Import… on the roster "
                        "page, or the command line's --dry-run).",
                        "",
                        blocked,
                    )
                )
            if hidden:
                lines.append(
                    self.tr("%n row(s) the sheet hides or filters out are left out.", "", hidden)
                )
            self.skip_bad.setVisible(blocked > 0)
        else:
            self.skip_bad.setVisible(False)
        self.carried.setText("\n".join(lines))

    def _preview_refused(self, error: BaseException) -> None:
        if messages.refusal_of(error) is None:
            messages.refuse(self, error)  # a bug: the last resort
            return
        self.shown = None
        self.carried.setText(messages.sentence(error))
