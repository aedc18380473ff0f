"""Preview of a roster import: choose the sheet and the columns, see every row as it will
be stored, and what the list changes in the round's register, then apply the ticked
groups as one undoable step.

Nothing is written until the secretary presses Apply. Rows with a blocking problem are
left out and listed in red; rows the sheet hides or filters out are their own group,
left out unless one tick includes them. Against a round that has alliances already, the
list is a comparison: changed (old -> new), new, pilots the list no longer has (offered
as withdrawn this year when the list is a full one), rows whose remarks say withdrawn.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.roster_update import Comparison, compare
from alliance_review.gui import fit, i18n, messages
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.setup.commands import ok_cancel
from alliance_review.gui.setup.roster_groups import RosterGroups
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services import roster_io, roster_update
from alliance_review.services.roster_plan import ImportPlan
from alliance_review.services.roster_update import Choices
from alliance_review.storage.round_store import RoundStore
from alliance_review.tabular.text import normal_name

BLOCKED = QColor("#f8d7da")
WARNED = QColor("#fff3cd")
HIDDEN = QColor("#e2e3e5")


class RosterImportDialog(QDialog):
    def __init__(
        self, table: roster_io.Table, store: RoundStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.path = Path(table.source)
        self.register = store.register()
        self.batches = store.batch_names()
        self.year = store.settings().year
        scored = store.scored_alliances()
        assigned = set(store.assignments())
        self.blocked = {
            e.alliance.uid: (self.tr("it has scores") if e.alliance.uid in scored
                             else self.tr("reviewers are assigned to it"))
            for e in self.register
            if e.alliance.uid in scored or e.alliance.uid in assigned
        }  # fmt: skip
        self.plan: ImportPlan | None = None
        self.comparison: Comparison | None = None
        self.task: Task | None = None
        self.setWindowTitle(fill_in(self.tr("Import roster: %1"), self.path.name))
        fit.size_within_screen(self, 980, 640)
        self.found = QLabel()
        self.sheet = QComboBox()
        self.sheet_label = QLabel(self.tr("Sheet"))
        self.sheet_label.setBuddy(self.sheet)
        self.sheet.setAccessibleName(self.tr("Sheet"))
        self.sheet.activated.connect(self.choose_sheet)
        top = QHBoxLayout()
        top.addWidget(self.found, 1)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        self.combos: dict[str, QComboBox] = {}
        self.grid = QGridLayout()
        labels = self._field_labels()
        for index, field in enumerate(roster_io.FIELDS):
            combo = QComboBox()
            combo.setAccessibleName(labels[field])
            combo.currentIndexChanged.connect(self.update_preview)
            self.combos[field] = combo
            label = QLabel(labels[field])
            label.setBuddy(combo)
            self.grid.addWidget(label, index // 3, (index % 3) * 2)
            self.grid.addWidget(combo, index // 3, (index % 3) * 2 + 1)
        self.include_hidden = QCheckBox()
        self.include_hidden.toggled.connect(self.update_preview)
        self.preview = QTableWidget(0, 5)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Alliance name (as stored)"),
                self.tr("Batch (as stored)"),
                self.tr("Contact"),
                self.tr("Problem"),
            ]
        )
        self.preview.setAccessibleName(self.tr("Rows of the list as they will be stored"))
        self.preview.verticalHeader().setVisible(False)
        self.preview.setWordWrap(True)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.groups = RosterGroups()
        self.groups.itemChanged.connect(lambda *_: self._update_button())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.groups, "")
        self.tabs.addTab(self.preview, "")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = ok_cancel()
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.grid)
        layout.addWidget(self.include_hidden)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.show_table(table)

    def _field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Alliance name"),
            "batch": self.tr("Batch"),
            "contact": self.tr("Contact"),
            "phone": self.tr("Telephone"),
            "short_name": self.tr("Short name"),
            "remark": self.tr("Remarks"),
        }

    # the table -----------------------------------------------------------------------
    def show_table(self, table: roster_io.Table) -> None:
        self.table = table
        self.found.setText(
            fill_in(
                self.tr("Table found in sheet “%1”, header in row %2."),
                table.sheet or table.source.name,
                str(table.header_row),
            )
        )
        many = len(table.sheets) > 1
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(table.sheets))
        self.sheet.setCurrentText(table.sheet)
        self.sheet.blockSignals(False)
        self.sheet.setVisible(many)
        self.sheet_label.setVisible(many)
        mapping = roster_io.guess_mapping(table.header)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for column, title in enumerate(table.header):
                letter = chr(ord("A") + column) if column < 26 else str(column + 1)
                combo.addItem(f"{letter}: {title}", column)
            combo.setCurrentIndex(max(0, combo.findData(mapping[field])))
            combo.blockSignals(False)
        self.update_preview()

    def choose_sheet(self, index: int) -> None:
        """Read another sheet of the same file (off the GUI thread)."""
        name = self.sheet.itemText(index)
        if name == self.table.sheet:
            return
        path = self.path
        self.task = run_task(
            self,
            self.tr("Reading the sheet…"),
            lambda _progress: roster_io.read_table(path, name),
            self.show_table,
            on_error=self._sheet_refused,
            reads_only=True,
        )

    def _sheet_refused(self, error: BaseException) -> None:
        self.sheet.blockSignals(True)
        self.sheet.setCurrentText(self.table.sheet)
        self.sheet.blockSignals(False)
        messages.refuse(self, error)

    def mapping(self) -> dict[str, int | None]:
        return {field: combo.currentData() for field, combo in self.combos.items()}

    def showEvent(self, event: QShowEvent) -> None:
        """Row heights follow the columns' widths as laid out on screen (before the dialog
        is shown the problem column is narrow, and wrapped rows would be far too tall)."""
        super().showEvent(event)
        self.preview.resizeRowsToContents()

    # the preview ---------------------------------------------------------------------
    def update_preview(self) -> None:
        try:
            self.plan = roster_io.plan_import(self.table, self.mapping(), batches=self.batches)
        except UserError as error:
            self.plan = None
            self.comparison = None
            self.preview.setRowCount(0)
            self.groups.clear()
            self.summary.setText(messages.sentence(error))
            self.import_button.setEnabled(False)
            return
        include = self.include_hidden.isChecked()
        hidden = len(self.plan.hidden())
        self.include_hidden.setText(
            self.tr("Include the %n row(s) the sheet hides or filters out", "", hidden)
        )
        self.include_hidden.setVisible(hidden > 0)
        self.comparison = compare(
            self.plan.listed(include),
            self.register,
            roster_update.given_fields(self.plan),
            normal_name,
        )
        pilots = sum(1 for e in self.register if e.active)
        matched = len(self.comparison.unchanged) + len(self.comparison.changed)
        self.full_list = pilots > 0 and matched * 2 >= pilots
        self.groups.show_comparison(self.comparison, self.blocked, self.full_list, self.year)
        self._fill_rows()
        self._update_button()

    def _fill_rows(self) -> None:
        assert self.plan is not None
        zh = i18n.service_language() == "zh"
        problems: dict[int, list[tuple[str, bool]]] = {}
        for p in self.plan.problems:
            problems.setdefault(p.row, []).append((p.zh if zh else p.en, p.blocking))
        include = self.include_hidden.isChecked()
        entries = sorted(self.plan.entries, key=lambda e: (bool(e.hidden), e.row))
        self.preview.setRowCount(len(entries))
        hidden_words = {"hidden": self.tr("hidden in the sheet"),
                        "filtered": self.tr("filtered out in the sheet")}  # fmt: skip
        for r, entry in enumerate(entries):
            found = problems.get(entry.row, [])
            texts = [text for text, _ in found]
            if entry.hidden:
                texts.insert(0, hidden_words.get(entry.hidden, entry.hidden))
            values = (
                str(entry.row),
                entry.name,
                self.plan.batch_shown(entry) if entry.name else entry.batch,
                entry.contact,
                " ".join(texts),
            )
            colour = (
                BLOCKED
                if any(b for _, b in found)
                else HIDDEN
                if entry.hidden and not include
                else WARNED
                if found
                else None
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                    item.setForeground(ink_on(colour))
                self.preview.setItem(r, c, item)
        self.preview.resizeRowsToContents()
        self.notes.setText(
            "\n".join((f"{n.row}: " + (n.zh if zh else n.en)) for n in self.plan.notes[:8])
            + (f"\n… (+{len(self.plan.notes) - 8})" if len(self.plan.notes) > 8 else "")
        )
        self.notes.setVisible(bool(self.plan.notes))

    def _update_button(self) -> None:
        if self.plan is None or self.comparison is None:
            return
        counts = self.groups.counts()
        refused = len(self.plan.blocked_rows())
        warned = len(self.plan.warned_rows())
        hidden = len(self.plan.hidden())
        self.summary.setText(
            fill_in(
                self.tr(
                    "%1 row(s) read; %2 left out because of a problem (red); %3 with a remark to "
                    "check (yellow); %4 hidden or filtered out in the sheet (grey). Ticked: %5 "
                    "change(s), %6 new, %7 withdrawn."
                ),
                str(len(self.plan.entries)),
                str(refused),
                str(warned),
                str(hidden),
                str(counts["changed"]),
                str(counts["new"]),
                str(counts["missing"] + counts["withdrawing"]),
            )
        )
        total = sum(counts.values())
        self.import_button.setText(self.tr("Apply %n change(s)", "", total))
        self.import_button.setEnabled(total > 0)
        assert self.comparison is not None
        self.tabs.setTabText(
            0,
            self.tr(
                "What changes (%n)", "", len(self.comparison.changed) + len(self.comparison.new)
            ),
        )
        self.tabs.setTabText(1, self.tr("Rows of the list (%n)", "", len(self.plan.entries)))

    # what the page applies -----------------------------------------------------------
    def choices(self) -> Choices:
        return self.groups.choices()

    def including_hidden(self) -> bool:
        return self.include_hidden.isChecked()

    def rows(self) -> list[tuple[str, str | None, str]]:
        """The rows to import as (name, batch, contact) as stored (hidden ones left out
        unless included)."""
        if self.plan is None:
            return []
        return [(a.name, a.batch, a.contact) for a in self.plan.listed(self.including_hidden())]

    def problem_texts(self) -> list[str]:
        return [
            item.text() if (item := self.preview.item(r, 4)) else ""
            for r in range(self.preview.rowCount())
        ]
