"""Preview of a roster import: map the columns, see every problem, then import.

Nothing is written until the secretary presses Import; rows with a blocking problem
(blank, duplicate, already on the roster, unknown batch) are left out and listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.roster import Alliance
from alliance_review.gui import i18n, messages
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.setup.commands import ok_cancel
from alliance_review.services import roster_io

BLOCKED = QColor("#f8d7da")
WARNED = QColor("#fff3cd")


class RosterImportDialog(QDialog):
    def __init__(
        self, table: roster_io.Table, existing: Sequence[Alliance], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.existing = list(existing)
        self.plan: roster_io.ImportPlan | None = None
        self.setWindowTitle(self.tr("Import roster: %1").replace("%1", table.source.name))
        self.resize(1000, 640)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        labels = {
            "name": self.tr("Alliance name"),
            "batch": self.tr("Batch"),
            "contact": self.tr("Contact"),
            "phone": self.tr("Telephone"),
        }
        mapping = roster_io.guess_mapping(table.header)
        for field in roster_io.FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(none)"), None)
            for column, title in enumerate(table.header):
                letter = chr(ord("A") + column) if column < 26 else str(column + 1)
                combo.addItem(f"{letter}: {title}", column)
            combo.setCurrentIndex(max(0, combo.findData(mapping[field])))
            combo.currentIndexChanged.connect(self.update_preview)
            self.combos[field] = combo
            form.addRow(labels[field], combo)
        self.preview = QTableWidget(0, 5)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Alliance name"),
                self.tr("Batch"),
                self.tr("Contact"),
                self.tr("Problem"),
            ]
        )
        self.preview.verticalHeader().setVisible(False)
        self.preview.setWordWrap(True)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        where = self.tr("Table found in sheet “%1”, header in row %2.")
        self.found = QLabel(
            where.replace("%1", table.sheet or table.source.name).replace(
                "%2", str(table.header_row)
            )
        )
        self.buttons = ok_cancel()
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.update_preview()

    def mapping(self) -> dict[str, int | None]:
        return {field: combo.currentData() for field, combo in self.combos.items()}

    def showEvent(self, event: QShowEvent) -> None:
        """Row heights follow the columns' widths as laid out on screen (before the dialog
        is shown the problem column is narrow, and wrapped rows would be far too tall)."""
        super().showEvent(event)
        self.preview.resizeRowsToContents()

    def update_preview(self) -> None:
        try:
            self.plan = roster_io.plan_import(self.table, self.mapping(), self.existing)
        except UserError as error:
            self.plan = None
            self.preview.setRowCount(0)
            self.summary.setText(messages.sentence(error))
            self.import_button.setEnabled(False)
            return
        problems: dict[int, list[tuple[str, bool]]] = {}
        zh = i18n.chosen_language() != "en"
        for p in self.plan.problems:
            problems.setdefault(p.row, []).append((p.zh if zh else p.en, p.blocking))
        self.preview.setRowCount(len(self.plan.entries))
        for r, entry in enumerate(self.plan.entries):
            found = problems.get(entry.row, [])
            values = (
                str(entry.row),
                entry.name,
                entry.batch,
                entry.contact,
                " ".join(text for text, _ in found),
            )
            colour = BLOCKED if any(b for _, b in found) else WARNED if found else None
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                    item.setForeground(ink_on(colour))
                self.preview.setItem(r, c, item)
        self.preview.resizeRowsToContents()
        accepted = len(self.plan.accepted())
        skipped = len(self.plan.entries) - accepted
        warned = len(
            {p.row for p in self.plan.problems if not p.blocking} - self.plan.blocked_rows()
        )
        self.notes.setText(
            "\n".join((f"{n.row}: " + (n.zh if zh else n.en)) for n in self.plan.notes)
        )
        self.notes.setVisible(bool(self.plan.notes))
        self.summary.setText(
            self.tr(
                "%1 row(s) will be imported; %2 left out because of a problem (red); "
                "%3 imported with a remark to check (yellow)."
            )
            .replace("%1", str(accepted))
            .replace("%2", str(skipped))
            .replace("%3", str(warned))
        )
        self.import_button.setText(self.tr("Import %n row(s)", "", accepted))
        self.import_button.setEnabled(accepted > 0)

    def rows(self) -> list[tuple[str, str | None, str]]:
        return roster_io.plan_rows(self.plan) if self.plan else []

    def problem_texts(self) -> list[str]:
        return [
            item.text() if (item := self.preview.item(r, 4)) else ""
            for r in range(self.preview.rowCount())
        ]
