"""A read-only table model over prepared rows: display text, sort key, tooltip, colour."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from alliance_review.gui.contrast import ink_on
from alliance_review.gui.table_rows import MEASURED_ROWS, LabelledModel

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

ATTENTION = QColor("#fde2e1")  # a cell the panel should look at
DECIDED = QColor("#e3effd")  # a value the panel decided


@dataclass
class Cell:
    text: str
    sort: object = None
    tooltip: str = ""
    background: QColor | None = None
    align_center: bool = True


@dataclass
class Record:
    key: object
    cells: list[Cell] = field(default_factory=list)


class RecordsModel(LabelledModel):
    """Rows are built by the view from service results; headers come from a callable so
    they retranslate."""

    def __init__(self, headers: Callable[[], Sequence[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.labels: list[str] = list(headers())
        self.records: list[Record] = []

    def set_records(self, records: list[Record]) -> None:
        self.beginResetModel()
        self.records = records
        self.labels = list(self.headers())
        self.endResetModel()

    def retranslate(self) -> None:
        labels = list(self.headers())
        if len(labels) != len(self.labels):
            self.set_records(self.records)
            return
        self.labels = labels
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(labels) - 1))

    def row_total(self) -> int:
        return len(self.records)

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == KEY_ROLE:
            return record.key
        if index.column() >= len(record.cells):
            return None
        cell = record.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return cell.text if cell.sort is None else cell.sort
        if role == Qt.ItemDataRole.ToolTipRole:
            # notes come from reviewer files: always shown as escaped text (and wrapped)
            return f"<p>{html.escape(cell.tooltip)}</p>" if cell.tooltip else None
        if role == Qt.ItemDataRole.BackgroundRole and cell.background is not None:
            return QBrush(cell.background)
        if role == Qt.ItemDataRole.ForegroundRole and cell.background is not None:
            return ink_on(cell.background)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.align_center:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None




def compact_rows(view: QTableView) -> None:
    """Rows as tall as one line of text, not the platform's roomy default; columns sized
    from the first rows only."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
