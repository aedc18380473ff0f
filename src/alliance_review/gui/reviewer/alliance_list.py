"""The list of the reviewer's alliances: name, batch, status, own total, self total."""

from __future__ import annotations

import re
from fractions import Fraction

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from alliance_review.core.points import format_points
from alliance_review.core.roster import BATCHES, batch_order
from alliance_review.gui import contrast, i18n
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer.session import ReviewerSession
from alliance_review.services.reviewer_workflow import Status

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_COLOURS = {
    Status.NOT_STARTED: QColor("#b0b4ba"),
    Status.IN_PROGRESS: QColor("#e0a030"),
    Status.DONE: QColor("#2e9d5b"),
}
_icons: dict[Status, QIcon] = {}


def status_icon(status: Status) -> QIcon:
    """A small filled dot in the status colour (made once; needs a QGuiApplication)."""
    if status not in _icons:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS_COLOURS[status])
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _icons[status] = QIcon(pixmap)
    return _icons[status]


_NUMERALS = "一二三四五六七八九"
_BATCH = re.compile(r"^第([一二三四五六七八九十]{1,3}|[0-9]{1,3})批$")


def batch_words(batch: str) -> str:
    """A batch named in the roster's words ("第一批") in the interface language: "Batch 1"
    in English; a name of another shape is shown as it is."""
    match = _BATCH.match(batch.strip())
    if match is None or i18n.service_language() != "en":
        return batch
    numeral = match[1]
    if numeral.isdigit():
        return f"Batch {int(numeral)}"
    tens, _, units = numeral.rpartition("十")
    if "十" in numeral:
        number = (_NUMERALS.index(tens) + 1 if tens else 1) * 10
        number += _NUMERALS.index(units) + 1 if units else 0
    else:
        number = _NUMERALS.index(numeral) + 1 if len(numeral) == 1 else 0
    return f"Batch {number}" if number else batch


class AllianceListModel(QAbstractTableModel):
    NAME, BATCH, STATUS, TOTAL, SELF_TOTAL = range(5)
    COLUMNS = 5

    def __init__(self, session: ReviewerSession) -> None:
        super().__init__()
        self.session = session
        self.rows = list(session.alliances)
        self.row_of = {a.uid: number for number, a in enumerate(self.rows)}
        session.alliance_changed.connect(self.refresh_alliance)

    def status_text(self, status: Status) -> str:
        return {
            Status.NOT_STARTED: self.tr("Not started"),
            Status.IN_PROGRESS: self.tr("In progress"),
            Status.DONE: self.tr("Done"),
        }[status]

    def batch_text(self, batch: str | None) -> str:
        """The pilot batch as every screen shows it ("第一批"…, "Batch 1" in English, or
        "批次不详")."""
        return batch_words(batch) if batch else self.tr("Batch unknown")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Alliance"),
            self.tr("Batch"),
            self.tr("Status"),
            self.tr("My total"),
            self.tr("Self total"),
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def uid_at(self, row: int) -> str:
        return self.rows[row].uid

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        alliance = self.rows[index.row()]
        column = index.column()
        session = self.session
        if role == UID_ROLE:
            return alliance.uid
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return alliance.name
            if column == self.BATCH:
                return self.batch_text(alliance.batch)
            if column == self.STATUS:
                return self.status_text(session.status(alliance.uid))
            value = (
                session.total(alliance.uid)
                if column == self.TOTAL
                else session.self_total(alliance.uid)
            )
            return "" if value is None else format_points(value)
        if role == SORT_ROLE:
            return self._sort_key(alliance.uid, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return status_icon(session.status(alliance.uid))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return f"{alliance.name}\n" + fill_in(
                self.tr("%1 / %2 indicators scored"),
                session.scored(alliance.uid),
                len(session.indicators),
            )
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SELF_TOTAL:
            return QBrush(QColor(contrast.tone("#6b7280", "#c8c8c8")))
        return None

    def _sort_key(self, uid: str, column: int) -> object:
        alliance = self.session.by_uid[uid]
        if column == self.NAME:
            return alliance.position
        if column == self.BATCH:
            return batch_order(alliance.batch) * 10_000 + alliance.position
        if column == self.STATUS:
            order = list(Status).index(self.session.status(uid))
            return order * 10_000 + alliance.position
        value: Fraction | None = (
            self.session.total(uid) if column == self.TOTAL else self.session.self_total(uid)
        )
        return -1.0 if value is None else float(value)

    def refresh_alliance(self, uid: str) -> None:
        row = self.row_of.get(uid)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))


class AllianceFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys; the filter matches any part of the name."""

    def __init__(self, model: AllianceListModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(AllianceListModel.NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(False)

    def uid_at(self, row: int) -> str:
        return str(self.index(row, 0).data(UID_ROLE))

    def row_of(self, uid: str) -> int:
        source: AllianceListModel = self.sourceModel()  # type: ignore[assignment]
        row = source.row_of.get(uid)
        if row is None:
            return -1
        return self.mapFromSource(source.index(row, 0)).row()


__all__ = ["AllianceFilterProxy", "AllianceListModel", "BATCHES", "status_icon"]
