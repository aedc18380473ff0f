"""A read-only table model over compact rows that filters and sorts itself.

One tuple per row (made in a worker), never an object per cell: each column says how to
show a row (``Column``: text, sort key, tooltip, background, alignment), and the model
computes a cell only when the view asks for it (the rows in view). Filtering and sorting
happen here, in Python over plain lists (a name filter is one substring test per row; a
sort is one ``list.sort`` with the column's keys, made once per column), instead of a
``QSortFilterProxyModel`` calling ``data()`` for every row and every comparison: at
10,000 rows a keystroke in the filter takes a few milliseconds, a sort some tens.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from alliance_review.gui.contrast import ink_on

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

Row = tuple[Any, ...]

#: rows measured to size a column to its contents: the rows in view (Qt measures 1,000
#: by default, which froze the window for a second after every refresh of a large list)
MEASURED_ROWS = 0

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT, _KEY = int(SORT_ROLE), int(KEY_ROLE)
# the roles a cell answers; the view asks each visible cell for a dozen more (font,
# colours, check state, size hint...), answered at once with nothing
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _ALIGNMENT, _SORT, _KEY})
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def _none(row: Row) -> Any:
    return None


@dataclass(frozen=True)
class Column:
    """How one column shows a row (each a function of the row tuple)."""

    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None  # None: by the text
    tooltip: Callable[[Row], str] = _none
    background: Callable[[Row], QColor | None] = _none
    left: bool = False  # aligned left (names), else centred


class LabelledModel(QAbstractTableModel):
    """A flat table model with translated column labels (``labels``) and
    ``row_total()`` rows."""

    labels: list[str]

    def row_total(self) -> int:
        return 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.labels)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.labels[section] if section < len(self.labels) else None
        return None


class RowsModel(LabelledModel):
    """``rows`` in the order and with the filter chosen; ``key(row)`` identifies a row.

    ``headers`` is a callable so the labels retranslate; ``filter_text(row)`` is the text
    the filter searches (lower-cased once per row when the rows are set).
    """

    def __init__(
        self,
        headers: Callable[[], Sequence[str]],
        columns: Callable[[], Sequence[Column]],
        key: Callable[[Row], object],
        filter_text: Callable[[Row], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = headers
        self.columns_of = columns
        self.key = key
        self.filter_text = filter_text
        self.labels: list[str] = list(headers())
        self.columns: list[Column] = list(columns())
        self.rows: list[Row] = []
        self.searchable: list[str] = []
        self.shown: list[int] = []  # indices into rows, in the order shown
        self.needle = ""
        self.accept: Callable[[Row], bool] | None = None
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._keys: dict[int, list[Any]] = {}

    # the rows -------------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> None:
        """New rows (the filter and the order chosen stay)."""
        self.beginResetModel()
        self.rows = rows
        self.searchable = [self.filter_text(r).casefold() for r in rows]
        self.labels = list(self.headers())
        self.columns = list(self.columns_of())
        self._keys = {}
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str, accept: Callable[[Row], bool] | None = None) -> None:
        """Show the rows whose filter text holds ``text`` (any case) and that ``accept``."""
        self.needle, self.accept = text.casefold(), accept
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the view's header calls this), keeping the selection."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self.shown[i.row()], i.column()) for i in persistent]
        self._arrange()
        place = {row: n for n, row in enumerate(self.shown)}
        self.changePersistentIndexList(
            persistent, [self.index(place.get(row, -1), column) for row, column in before]
        )
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        indices: Sequence[int] = range(len(self.rows))
        if 0 <= self.sort_column < len(self.columns):
            keys = self._keys.get(self.sort_column)
            if keys is None:
                column = self.columns[self.sort_column]
                make = column.sort or column.text
                keys = self._keys[self.sort_column] = [make(r) for r in self.rows]
            indices = sorted(
                indices,
                key=keys.__getitem__,
                reverse=self.sort_order == Qt.SortOrder.DescendingOrder,
            )
        needle, accept, rows, searchable = self.needle, self.accept, self.rows, self.searchable
        self.shown = [
            i
            for i in indices
            if (not needle or needle in searchable[i]) and (accept is None or accept(rows[i]))
        ]

    def row_at(self, shown_row: int) -> Row:
        return self.rows[self.shown[shown_row]]

    def shown_row_of(self, key: object) -> int:
        """Where the row with that key is shown (-1: filtered out or absent)."""
        return next((n for n, i in enumerate(self.shown) if self.key(self.rows[i]) == key), -1)

    def retranslate(self) -> None:
        """Headers and texts in the language now chosen (the view asks again for the
        rows in view only)."""
        self.beginResetModel()
        self.labels = list(self.headers())
        self.columns = list(self.columns_of())
        self._keys = {}
        self.endResetModel()

    # QAbstractTableModel -----------------------------------------------------------------
    def row_total(self) -> int:
        return len(self.shown)

    def data(self, index: AnyIndex, role: int = 0) -> object:
        role = int(role)
        if role not in _ANSWERED:
            return None
        at, column_at = index.row(), index.column()
        if not 0 <= at < len(self.shown) or not index.isValid():
            return None
        row = self.rows[self.shown[at]]
        if role == _KEY:
            return self.key(row)
        if column_at >= len(self.columns):
            return None
        column = self.columns[column_at]
        if role == _DISPLAY:
            return column.text(row)
        if role == _ALIGNMENT:
            return _LEFT if column.left else _CENTRE
        if role == _BACKGROUND:
            colour = column.background(row)
            return QBrush(colour) if colour is not None else None
        if role == _FOREGROUND:  # text readable on a fill (high contrast: white on dark)
            colour = column.background(row)
            return ink_on(colour) if colour is not None else None
        if role == _SORT:
            return (column.sort or column.text)(row)
        tip = column.tooltip(row)
        # text from reviewer files: always shown escaped (and wrapped)
        return f"<p>{html.escape(tip)}</p>" if tip else None
