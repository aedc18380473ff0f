"""Dialogs of the reviewer workspace: the preview of a workbook import, what "done" lacks."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.core.rubric import Rubric
from alliance_review.gui import fit
from alliance_review.gui.i18n import fill_in, service_language
from alliance_review.gui.reviewer import look
from alliance_review.services.reviewer_workflow import Missing

translate = QCoreApplication.translate
ERASE_FILL = "#fdecec"

if TYPE_CHECKING:
    from alliance_review.services.reviewer_sheet import SheetChange, SheetImport
    from alliance_review.services.sheet_items import TickChange


def _points(value: Fraction | None) -> str:
    return "—" if value is None else format_points(value)


class ImportPreviewDialog(QDialog):
    """What a workbook would change, row by row, before anything is written.

    Cells the workbook leaves blank where the file holds a score or note are a group of
    their own, highlighted ("5 → —"): they are kept unless the reviewer ticks the box.
    """

    def __init__(self, sheet: SheetImport, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.sheet = sheet
        self.file_name = file_name
        self.setWindowTitle(self.tr("Import scoring workbook"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = self._changes_model(sheet.changes, sheet.tick_changes, erasing=False)
        self.table = self._table(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        self.erase_box = QCheckBox()
        self.erase_model = self._changes_model(sheet.erasures, sheet.tick_erasures, erasing=True)
        self.erase_table = self._table(self.erase_model)
        self.erase_group = QFrame()
        self.erase_group.setObjectName("erasures")
        look.set_colour(self.erase_group, look.INVALID_TEXT, ERASE_FILL)
        self.erase_heading = QLabel()
        self.erase_heading.setWordWrap(True)
        look.set_font(self.erase_heading, bold=True)
        group_layout = QVBoxLayout(self.erase_group)
        group_layout.addWidget(self.erase_heading)
        group_layout.addWidget(self.erase_table, 1)
        group_layout.addWidget(self.erase_box)
        self.erase_group.setVisible(bool(sheet.erasure_count))
        layout.addWidget(self.erase_group, 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.erase_box.toggled.connect(lambda _checked: self._update())
        self._update()
        fit.size_within_screen(self, 900, 560 if sheet.erasure_count else 480)

    def erase_chosen(self) -> bool:
        """Whether the blank cells erase the file's scores and notes (the reviewer's choice)."""
        return bool(self.sheet.erasure_count) and self.erase_box.isChecked()

    def _update(self) -> None:
        erase = self.erase_chosen()
        no_longer_done = self.sheet.chosen(erase)[1]
        count = self.sheet.count(erase)
        summary = fill_in(
            self.tr("%1: %2 rows read, %3 change(s) to import."),
            self.file_name,
            self.sheet.rows,
            count,
        )
        if no_longer_done:
            summary += " " + fill_in(
                self.tr("%1 alliance(s) will no longer be marked done."), len(no_longer_done)
            )
        marks = self.sheet.chosen_done(erase)  # the workbook's 完成情况 sheet
        marked = sum(marks.values())
        if marked:
            summary += " " + fill_in(self.tr("%1 alliance(s) will be marked done."), marked)
        if len(marks) > marked:
            cleared = self.tr("%1 alliance(s) will have their done mark cleared.")
            summary += " " + fill_in(cleared, len(marks) - marked)
        # citations of documents the notes bring, and those naming no document or page
        cited = self.sheet.citation_lines(service_language())
        self.summary.setText("\n".join([summary, *cited]))
        count = self.sheet.erasure_count
        self.erase_heading.setText(
            fill_in(
                self.tr(
                    "%1 cell(s) are blank in the workbook where this file holds a score, "
                    "note or ticked evidence item (work done after the workbook was exported?). "
                    "They are kept as they are."
                ),
                count,
            )
            if not self.erase_chosen()
            else fill_in(
                self.tr(
                    "%1 cell(s) are blank in the workbook: importing erases these scores, "
                    "notes and ticks."
                ),
                count,
            )
        )
        self.erase_box.setText(
            fill_in(self.tr("Erase these %1 entries as the workbook has them"), count)
        )
        self.ok.setEnabled(bool(count))

    def _changes_model(
        self, changes: list[SheetChange], ticks: list[TickChange], erasing: bool
    ) -> QStandardItemModel:
        """One row per indicator of an alliance: its score, note and ticked items."""
        model = QStandardItemModel(0, 6, self)
        model.setHorizontalHeaderLabels(
            [self.tr("Cell"), self.tr("Alliance"), self.tr("Indicator"), self.tr("Score"),
             self.tr("Evidence note"), self.tr("Evidence items")]
        )  # fmt: skip
        rows: dict[tuple[str, str], list[str]] = {}
        for change in changes:
            score = _points(change.new_points)
            if change.old_points != change.new_points:
                score = f"{_points(change.old_points)} → {score}"
            note = ""
            if change.old_note != change.new_note:
                note = change.new_note or fill_in(self.tr("%1 → —"), change.old_note)
            rows[(change.alliance_uid, change.code)] = [
                change.cell, change.alliance_name, change.code, score, note, ""
            ]  # fmt: skip
        for tick in ticks:
            texts = rows.setdefault(
                (tick.alliance_uid, tick.code),
                [tick.cells, tick.alliance_name, tick.code, "", "", ""],
            )
            texts[5] = self.sheet.items_text(tick)
        for texts in rows.values():
            items = [QStandardItem(text) for text in texts]
            for item in items:
                item.setEditable(False)
                if erasing:
                    item.setForeground(QBrush(QColor(look.INVALID_TEXT)))
            items[1].setToolTip(texts[1])
            items[4].setToolTip(texts[4])
            items[5].setToolTip(texts[5])
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            model.appendRow(items)
        return model

    def _table(self, model: QStandardItemModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(72)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return table


def missing_text(alliance_name: str, missing: list[Missing], rubric: Rubric) -> str:
    """The refusal of "mark done": what is missing, grouped (unscored, notes needed)."""

    unscored = [m for m in missing if m.reason == "unscored"]
    notes = [m for m in missing if m.reason != "unscored"]
    parts = [fill_in(translate("MissingText", "%1 cannot be marked done yet."), alliance_name)]
    if unscored:
        lines = [f"   {m.code}  {m.name}" for m in unscored]
        parts.append(
            fill_in(translate("MissingText", "Not scored (%1):"), len(unscored))
            + "\n"
            + "\n".join(lines)
        )
    if notes:
        lines = []
        for m in notes:
            top = format_points(rubric.indicator(m.code).max_points)
            given = format_points(m.points or Fraction(0))
            if m.reason == "note_below_full":
                why = fill_in(translate("MissingText", "%1 of %2, below full marks"), given, top)
            elif m.reason == "override_reason":
                why = fill_in(
                    translate("MissingText", "%1, the rule suggests %2: give a reason"),
                    given,
                    format_points(m.self_points or Fraction(0)),
                )
            else:
                why = fill_in(
                    translate("MissingText", "%1, self-score %2"),
                    given,
                    format_points(m.self_points or Fraction(0)),
                )
            item = fill_in(translate("MissingText", "%1 (%2)"), m.name, why)
            lines.append(f"   {m.code}  {item}")
        parts.append(
            fill_in(translate("MissingText", "Evidence note needed (%1):"), len(notes))
            + "\n"
            + "\n".join(lines)
        )
    return "\n\n".join(parts)
