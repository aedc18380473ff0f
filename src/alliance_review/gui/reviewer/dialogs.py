"""Dialogs of the reviewer workspace: the preview of a workbook import."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.core.rubric import Rubric
from alliance_review.services.reviewer_workflow import Missing

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from alliance_review.services.reviewer_sheet import SheetImport


def _points(value: Fraction | None) -> str:
    return "—" if value is None else format_points(value)


class ImportPreviewDialog(QDialog):
    """What a workbook would change, row by row, before anything is written."""

    def __init__(self, sheet: SheetImport, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.sheet = sheet
        self.setWindowTitle(self.tr("Import scoring workbook"))
        summary = self.tr("{file}: {rows} rows read, {changes} change(s) to import.").format(
            file=file_name, rows=sheet.rows, changes=len(sheet.changes)
        )
        if sheet.no_longer_done:
            summary += " " + self.tr("{count} alliance(s) will no longer be marked done.").format(
                count=len(sheet.no_longer_done)
            )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Cell"), self.tr("Alliance"), self.tr("Indicator"), self.tr("Score"),
             self.tr("Evidence note")]
        )  # fmt: skip
        for change in sheet.changes:
            score = _points(change.new_points)
            if change.old_points != change.new_points:
                score = f"{_points(change.old_points)} → {score}"
            note = change.new_note if change.old_note != change.new_note else ""
            items = [
                QStandardItem(text)
                for text in (change.cell, change.alliance_name, change.code, score, note)
            ]
            for item in items:
                item.setEditable(False)
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.model.appendRow(items)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setMinimumSectionSize(72)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        ok.setEnabled(bool(sheet.changes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)


def missing_text(alliance_name: str, missing: list[Missing], rubric: Rubric) -> str:
    """The refusal of "mark done": what is missing, grouped (unscored, notes needed)."""

    unscored = [m for m in missing if m.reason == "unscored"]
    notes = [m for m in missing if m.reason != "unscored"]
    parts = [
        translate("MissingText", "{alliance} cannot be marked done yet.").format(
            alliance=alliance_name
        )
    ]
    if unscored:
        lines = [f"   {m.code}  {m.name}" for m in unscored]
        parts.append(
            translate("MissingText", "Not scored ({count}):").format(count=len(unscored))
            + "\n"
            + "\n".join(lines)
        )
    if notes:
        lines = []
        for m in notes:
            top = format_points(rubric.indicator(m.code).max_points)
            given = format_points(m.points or Fraction(0))
            if m.reason == "note_below_full":
                why = translate("MissingText", "{points} of {max}, below full marks").format(
                    points=given, max=top
                )
            elif m.reason == "override_reason":
                why = translate(
                    "MissingText", "{points}, the rule suggests {suggested}: give a reason"
                ).format(points=given, suggested=format_points(m.self_points or Fraction(0)))
            else:
                why = translate("MissingText", "{points}, self-score {self}").format(
                    points=given, self=format_points(m.self_points or Fraction(0))
                )
            item = translate("MissingText", "{name} ({why})").format(name=m.name, why=why)
            lines.append(f"   {m.code}  {item}")
        parts.append(
            translate("MissingText", "Evidence note needed ({count}):").format(count=len(notes))
            + "\n"
            + "\n".join(lines)
        )
    return "\n\n".join(parts)
