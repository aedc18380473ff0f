"""The roster page's dialogs for the register: rename an alliance (its identity and
history kept), withdraw or suspend it this year, edit the pilot batches, and see its
results of earlier years. Each change they make is one undoable edit (``apply_edit``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.register import (
    RESULT_STATUSES,
    SUSPENDED,
    WITHDRAWN,
    Batch,
    HistoryRound,
    PilotStatus,
    RegisterEntry,
    YearResult,
)
from alliance_review.gui import fit, i18n
from alliance_review.gui.history_chart import HistoryChart
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import apply_edit, list_editing_row, ok_cancel
from alliance_review.services import register


class RenameDialog(QDialog):
    """A new name; the old one is kept as a former name (next year's lists find it)."""

    def __init__(self, entry: RegisterEntry, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill_in(self.tr("Rename %1"), entry.alliance.name))
        self.name = QLineEdit(entry.alliance.name)
        self.name.setAccessibleName(self.tr("New name"))
        form = QFormLayout()
        form.addRow(self.tr("New name"), self.name)
        explain = QLabel(
            self.tr(
                "A rename keeps the alliance: its results of earlier years, its reviewers' "
                "conflicts and its place. The old name is kept as a former name, so a list "
                "that still uses it finds the alliance. To correct a typing mistake, edit "
                "the name in the table instead."
            )
        )
        explain.setWordWrap(True)
        buttons = ok_cancel(self.tr("Rename"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        fit.size_within_screen(self, 620, 200)


class WithdrawDialog(QDialog):
    """Withdrawn (退出) or suspended (暂停) since a year, with a reason."""

    def __init__(self, name: str, year: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill_in(self.tr("Withdraw %1"), name))
        self.withdrawn = QRadioButton(self.tr("Withdrawn from the programme (退出、撤销)"))
        self.suspended = QRadioButton(self.tr("Suspended this year (暂停)"))
        self.withdrawn.setChecked(True)
        self.since = QSpinBox()
        self.since.setRange(1990, 2200)
        self.since.setValue(year)
        self.since.setAccessibleName(self.tr("Since the year"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. 主动申请退出, 撤销试点资格"))
        form = QFormLayout()
        form.addRow(self.tr("Since the year"), self.since)
        form.addRow(self.tr("Reason"), self.reason)
        explain = QLabel(
            self.tr(
                "A withdrawn or suspended alliance stays in the register with its history, "
                "but is no pilot this year: it gets no reviewers and no workbook, and the "
                "report does not count it among the pilots."
            )
        )
        explain.setWordWrap(True)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.withdrawn)
        layout.addWidget(self.suspended)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(buttons)

    def status(self) -> PilotStatus:
        kind = SUSPENDED if self.suspended.isChecked() else WITHDRAWN
        return PilotStatus(kind, self.since.value(), self.reason.text())


class BatchesDialog(QDialog):
    """The pilot batches: name and the year designated, in order; add, rename, remove."""

    NAME, YEAR = range(2)

    def __init__(self, batches: list[Batch], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pilot batches"))
        self.original = [b.name for b in batches]
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Pilot batches"))
        self.table.setHorizontalHeaderLabels([self.tr("Batch"), self.tr("Year designated")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for batch in batches:
            self._append(batch.name, batch.designated, batch.name)
        row, self.buttons = list_editing_row(self.add, self.rename, self.remove, self.move_batch)
        explain = QLabel(
            self.tr(
                "Renaming a batch renames it on its alliances. A batch with alliances cannot "
                "be removed. The statistics and the report list the batches in this order."
            )
        )
        explain.setWordWrap(True)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        fit.size_within_screen(self, 520, 420)

    def _append(self, name: str, year: int | None, original: str | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(256, original)  # Qt.UserRole: the batch's name when the dialog opened
        self.table.setItem(row, self.NAME, item)
        self.table.setItem(row, self.YEAR, QTableWidgetItem("" if year is None else str(year)))
        return row

    def add(self) -> None:
        number = self.table.rowCount() + 1
        from alliance_review.core.batch_names import batch_of_number

        name = batch_of_number(number) if number < 100 else self.tr("New batch")
        row = self._append(name, None, None)
        self._edit(row)

    def rename(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self._edit(row)

    def _edit(self, row: int) -> None:
        self.table.setCurrentCell(row, self.NAME)
        item = self.table.item(row, self.NAME)
        if item is not None:
            self.table.editItem(item)

    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_batch(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        taken = [self.table.takeItem(row, c) for c in range(2)]
        for c in range(2):
            self.table.setItem(row, c, self.table.takeItem(target, c))
            self.table.setItem(target, c, taken[c])
        self.table.setCurrentCell(target, 0)

    def wanted(self) -> tuple[list[Batch], dict[str, str]]:
        """The batches as edited, and the renames (old name -> new name)."""
        batches, renames = [], {}
        for row in range(self.table.rowCount()):
            name_item, year_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text() if name_item else ""
            year_text = (year_item.text() if year_item else "").strip()
            year = int(year_text) if year_text.isdigit() else None
            batches.append(Batch(name, row, year))
            original = name_item.data(256) if name_item else None
            if original and original != name:
                renames[str(original)] = name
        return batches, renames

    def year_problem(self) -> str | None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            text = (item.text() if item else "").strip()
            if text and not text.isdigit():
                return text
        return None


def edit_batches(parent: QWidget, context: RoundContext, dialog: BatchesDialog) -> bool:
    """Apply the dialog's batches as one undoable edit."""
    store = context.store
    bad = dialog.year_problem()
    if bad is not None:
        from alliance_review.core.errors import UserError
        from alliance_review.gui import messages

        return messages.refuse(
            parent, UserError(f"年度「{bad}」不是数字。", f"The year {bad!r} is not a number.")
        )
    wanted, renames = dialog.wanted()

    def undo_pair(result: tuple[list[Batch], dict[str, str]]):  # type: ignore[no-untyped-def]
        before, reverse = result

        def redo() -> None:
            register.set_batches(store, wanted, renames)

        def undo() -> None:
            register.set_batches(store, before, reverse)

        return redo, undo

    return apply_edit(
        parent,
        context,
        QCoreApplication.translate("setup", "Edit pilot batches"),
        lambda: register.set_batches(store, wanted, renames),
        undo_pair,
        Change(roster=True),
    )


class HistoryDialog(QDialog):
    """One alliance's years: a table and a small chart of total and tier by year."""

    def __init__(
        self,
        name: str,
        years: list[YearResult],
        rounds: list[HistoryRound],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill_in(self.tr("Results by year: %1"), name))
        self.chart = HistoryChart()
        self.chart.show_years(
            years,
            {r.year: r.full for r in rounds},
            {r.year: [t.name for t in r.tiers] for r in rounds},
        )
        self.table = QTableWidget(len(years), 5)
        self.table.setAccessibleName(self.tr("Results by year"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Year"),
                self.tr("Score"),
                self.tr("Tier"),
                self.tr("Rank"),
                self.tr("Name then"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        english = i18n.service_language() == "en"
        for row, y in enumerate(years):
            zh, en = RESULT_STATUSES.get(y.status, (y.status, y.status))
            word = en if english else zh
            ranked = y.status == "ranked"
            values = (
                str(y.year),
                str(y.printed) if ranked else word + (f"（{y.reason}）" if y.reason else ""),
                y.tier or "",
                str(y.rank) if y.rank else "",
                y.name,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit.size_within_screen(self, 640, 420)
