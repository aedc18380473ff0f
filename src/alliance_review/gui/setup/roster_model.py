"""The roster page's table model: every alliance of the register (this year's pilots,
and with a tick the withdrawn and suspended ones), edited in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from alliance_review.core.register import RegisterEntry
from alliance_review.core.roster import Alliance
from alliance_review.core.roster_checks import near_duplicates
from alliance_review.gui.contrast import ink_on, tone
from alliance_review.gui.i18n import fill_in

if TYPE_CHECKING:
    from alliance_review.gui.setup.roster_page import RosterPage

AnyIndex = QModelIndex | QPersistentModelIndex
WARN = QColor("#fff3cd")


class RosterModel(QAbstractTableModel):
    SEQ, NAME, SHORT, BATCH, CONTACT, PART, CHECK = range(7)

    def __init__(self, page: RosterPage) -> None:
        super().__init__()
        self.page = page
        self.entries: list[RegisterEntry] = []
        self.alliances: list[Alliance] = []  # the rows shown, in order
        self.near: dict[str, str] = {}
        self.self_counts: dict[str, int] = {}
        self.absent: dict[str, tuple[str, str]] = {}  # uid -> (reason, note)

    def set_alliances(
        self,
        alliances: list[Alliance] | list[RegisterEntry],
        absent: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.beginResetModel()
        self.entries = [e if isinstance(e, RegisterEntry) else RegisterEntry(e) for e in alliances]
        self.alliances = [e.alliance for e in self.entries]
        self.absent = absent or {}
        self.near = near_duplicates([e.alliance for e in self.entries if e.active])
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("No."),
                self.tr("Alliance"),
                self.tr("Short name"),
                self.tr("Batch"),
                self.tr("Contact"),
                self.tr("Takes part"),
                self.tr("Check"),
            )[section]
        return None

    def part_text(self, entry: RegisterEntry) -> str:
        status = entry.status
        if status is not None:
            word = self.tr("Withdrawn") if status.status == "withdrawn" else self.tr("Suspended")
            text = f"{word} ({status.since})"
            return text + (f": {status.reason}" if status.reason else "")
        uid = entry.alliance.uid
        if uid in self.absent:
            return fill_in(self.tr("No: %1"), self.absent[uid][0])
        return self.tr("Yes")

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        alliance = entry.alliance
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.SEQ:
                return alliance.position + 1
            if column == self.NAME:
                return alliance.name
            if column == self.SHORT:
                return alliance.short_name
            if column == self.BATCH:
                if role == Qt.ItemDataRole.EditRole:
                    return alliance.batch or ""
                return alliance.batch or self.tr("Batch unknown")
            if column == self.CONTACT:
                return alliance.contact
            if column == self.PART:
                return self.part_text(entry)
            if alliance.uid in self.near:
                return fill_in(self.tr("like “%1”"), self.near[alliance.uid])
            return ""
        if role == Qt.ItemDataRole.BackgroundRole and alliance.uid in self.near:
            return QBrush(WARN)
        if role == Qt.ItemDataRole.ForegroundRole and alliance.uid in self.near:
            return ink_on(WARN)
        if role == Qt.ItemDataRole.ForegroundRole and (
            alliance.uid in self.absent or not entry.active
        ):
            return QBrush(QColor(tone("#777777", "#00ff00")))
        if role == Qt.ItemDataRole.FontRole and not entry.active:
            font = QFont(self.page.font())
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.SEQ,
            self.BATCH,
            self.PART,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, entry: RegisterEntry, column: int) -> str | None:
        uid = entry.alliance.uid
        if column == self.PART and uid in self.absent:
            return self.absent[uid][1] or None
        if column == self.NAME and entry.former_names:
            return fill_in(
                self.tr("Formerly: %1"),
                "; ".join(f"{f.name} ({f.renamed_in})" for f in entry.former_names),
            )
        if uid in self.near:
            return fill_in(
                self.tr("Differs from “%1” only in spacing, width or brackets: the same alliance?"),
                self.near[uid],
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() in (
            self.NAME,
            self.SHORT,
            self.BATCH,
            self.CONTACT,
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        alliance = self.entries[index.row()].alliance
        text = str(value)
        field = {
            self.NAME: "name",
            self.SHORT: "short_name",
            self.BATCH: "batch",
            self.CONTACT: "contact",
        }[index.column()]
        current = {
            "name": alliance.name,
            "short_name": alliance.short_name,
            "batch": alliance.batch or "",
            "contact": alliance.contact,
        }
        if current[field] == text.strip():
            return False
        current[field] = text
        changed = Alliance(
            alliance.uid,
            current["name"],
            alliance.position,
            current["batch"] or None,
            current["contact"],
            current["short_name"],
        )
        return self.page.edit_alliance(changed)
