"""The roster (联盟名单): a table edited in place with undo, import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.roster import Alliance
from alliance_review.core.roster_checks import near_duplicates
from alliance_review.gui import file_kinds, messages
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.notice import Alliances, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import (
    apply_edit,
    button_row,
    last_folder,
)
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import run_task
from alliance_review.services import roster, roster_io
from alliance_review.services.participation import Participation, participation_of

AnyIndex = QModelIndex | QPersistentModelIndex
WARN = QColor("#fff3cd")


class RosterModel(QAbstractTableModel):
    SEQ, NAME, BATCH, CONTACT, PART, CHECK = range(6)

    def __init__(self, page: RosterPage) -> None:
        super().__init__()
        self.page = page
        self.alliances: list[Alliance] = []
        self.near: dict[str, str] = {}
        self.self_counts: dict[str, int] = {}
        self.absent: dict[str, tuple[str, str]] = {}  # uid -> (reason, note)

    def set_alliances(
        self, alliances: list[Alliance], absent: dict[str, tuple[str, str]] | None = None
    ) -> None:
        self.beginResetModel()
        self.alliances = alliances
        self.absent = absent or {}
        self.near = near_duplicates(alliances)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.alliances)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("No."),
                self.tr("Alliance"),
                self.tr("Batch"),
                self.tr("Contact"),
                self.tr("Takes part"),
                self.tr("Check"),
            )[section]
        return None

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        alliance = self.alliances[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.SEQ:
                return alliance.position + 1
            if column == self.NAME:
                return alliance.name
            if column == self.BATCH:
                if role == Qt.ItemDataRole.EditRole:
                    return alliance.batch or ""
                return alliance.batch or self.tr("Batch unknown")
            if column == self.CONTACT:
                return alliance.contact
            if column == self.PART:
                if alliance.uid in self.absent:
                    return self.tr("No: %1").replace("%1", self.absent[alliance.uid][0])
                return self.tr("Yes")
            if alliance.uid in self.near:
                return self.tr("like “%1”").replace("%1", self.near[alliance.uid])
            return ""
        if role == Qt.ItemDataRole.BackgroundRole and alliance.uid in self.near:
            return QBrush(WARN)
        if role == Qt.ItemDataRole.ForegroundRole and alliance.uid in self.near:
            return ink_on(WARN)
        if role == Qt.ItemDataRole.ForegroundRole and alliance.uid in self.absent:
            return QBrush(QColor("#777777"))
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == self.PART
            and alliance.uid in self.absent
        ):
            return self.absent[alliance.uid][1] or None
        if role == Qt.ItemDataRole.ToolTipRole and alliance.uid in self.near:
            return self.tr(
                "Differs from “%1” only in spacing, width or brackets: the same alliance?"
            ).replace("%1", self.near[alliance.uid])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.SEQ,
            self.BATCH,
            self.PART,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() in (self.NAME, self.BATCH, self.CONTACT):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        alliance = self.alliances[index.row()]
        text = str(value)
        field = {self.NAME: "name", self.BATCH: "batch", self.CONTACT: "contact"}[index.column()]
        current = {
            "name": alliance.name,
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
        )
        return self.page.edit_alliance(changed)


class RosterPage(QWidget):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RosterModel(self)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(RosterModel.NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # rows in view
        header.setSectionResizeMode(RosterModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        row, self.buttons = button_row(
            [
                ("add", self.add_alliance),
                ("remove", self.remove_selected),
                ("up", lambda: self.move_selected(-1)),
                ("down", lambda: self.move_selected(1)),
                ("participation", self.edit_participation),
                ("reasons", self.edit_reasons),
                ("import", lambda: self.import_roster()),
                ("export", self.export_roster),
            ]
        )
        self.table.doubleClicked.connect(self._double_clicked)
        row.insertWidget(0, self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setAccessibleName(self.tr("Filter the roster"))
        self.table.setAccessibleName(self.tr("Roster: alliances"))
        labels = {
            "add": self.tr("Add"),
            "remove": self.tr("Remove"),
            "up": self.tr("Move up"),
            "down": self.tr("Move down"),
            "participation": self.tr("Takes part?…"),
            "reasons": self.tr("Reasons…"),
            "import": self.tr("Import…"),
            "export": self.tr("Export…"),
        }
        for name, text in labels.items():
            self.buttons[name].setText(text)
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self.buttons["participation"].setToolTip(
            self.tr("Mark the selected alliance as taking part or not, with a reason")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        selected = self.selected_uid()
        store = self.context.store
        self.model.set_alliances(store.alliances(), store.non_participants())
        if selected:
            self.select_uid(selected)
        near = len(self.model.near)
        text = self.tr("%n alliance(s)", "", len(self.model.alliances))
        if self.model.absent:
            text += "  ·  " + self.tr("%n not taking part", "", len(self.model.absent))
        if near:
            text += "  ·  " + self.tr("%n near-duplicate name(s) marked", "", near)
        self.summary.setText(text)

    def selected_uid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.alliances[self.proxy.mapToSource(rows[0]).row()].uid

    def select_uid(self, uid: str) -> None:
        for row, alliance in enumerate(self.model.alliances):
            if alliance.uid == uid:
                index = self.proxy.mapFromSource(self.model.index(row, RosterModel.NAME))
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return

    # edits -------------------------------------------------------------------------
    def edit_alliance(self, changed: Alliance) -> bool:
        store = self.context.store
        return apply_edit(
            self,
            self.context,
            self.tr("Edit alliance"),
            lambda: roster.update_alliance(store, changed),
            lambda before: (
                lambda: roster.update_alliance(store, changed),
                lambda: roster.update_alliance(store, before),
            ),
            Change(roster=True),
        )

    def add_alliance(self, name: str = "") -> bool:
        store = self.context.store
        name = name or self.tr("New alliance")
        base, number = name, 2
        existing = {a.name for a in store.alliances()}
        while name in existing:
            name, number = f"{base} {number}", number + 1
        holder: dict[str, object] = {}

        def undo_pair(added: Alliance):  # type: ignore[no-untyped-def]
            holder["uid"] = added.uid

            def undo() -> None:
                holder["removed"] = roster.remove_alliance(store, added.uid)

            def redo() -> None:
                roster.restore_alliance(store, holder["removed"])  # type: ignore[arg-type]

            return redo, undo

        done = apply_edit(
            self,
            self.context,
            self.tr("Add alliance"),
            lambda: roster.add_alliance(store, name),
            undo_pair,
            Change(roster=True),
        )
        if done:
            self.select_uid(str(holder["uid"]))
            index = self.table.currentIndex().siblingAtColumn(RosterModel.NAME)
            self.table.setCurrentIndex(index)
        return done

    def remove_selected(self) -> bool:
        uid = self.selected_uid()
        if uid is None:
            return False
        store = self.context.store
        holder: dict[str, object] = {}

        def undo_pair(removed: object):  # type: ignore[no-untyped-def]
            holder["removed"] = removed

            def redo() -> None:
                holder["removed"] = roster.remove_alliance(store, uid)

            def undo() -> None:
                roster.restore_alliance(store, holder["removed"])  # type: ignore[arg-type]

            return redo, undo

        return apply_edit(
            self,
            self.context,
            self.tr("Remove alliance"),
            lambda: roster.remove_alliance(store, uid),
            undo_pair,
            Change(
                roster=True,
                assignments=True,
                scores=Alliances.of([uid]),
                decisions=Alliances.of([uid]),
                self_evaluations=Alliances.of([uid]),
            ),
        )

    def move_selected(self, step: int) -> None:
        uid = self.selected_uid()
        if uid is None:
            return
        store = self.context.store
        old = next(a.position for a in self.model.alliances if a.uid == uid)
        new = old + step
        if not 0 <= new < len(self.model.alliances):
            return
        apply_edit(
            self,
            self.context,
            self.tr("Move alliance"),
            lambda: roster.move_alliance(store, uid, new),
            lambda before: (
                lambda: roster.move_alliance(store, uid, new),
                lambda: roster.move_alliance(store, uid, before),
            ),
            Change(roster=True),
        )

    def import_rows(self, rows: list[tuple[str, str | None, str]]) -> bool:
        store = self.context.store
        holder: dict[str, object] = {}

        def undo_pair(uids: list[str]):  # type: ignore[no-untyped-def]
            def undo() -> None:
                holder["removed"] = roster.remove_alliances(store, uids)

            def redo() -> None:
                for removed in reversed(holder["removed"]):  # type: ignore[call-overload]
                    roster.restore_alliance(store, removed)

            return redo, undo

        return apply_edit(
            self,
            self.context,
            self.tr("Import %n alliance(s)", "", len(rows)),
            lambda: roster.add_alliances(store, rows),
            undo_pair,
            Change(roster=True),
        )

    # participation ------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        if self.proxy.mapToSource(index).column() == RosterModel.PART:
            self.edit_participation()

    def edit_participation(self) -> None:
        from alliance_review.gui.setup.participation import ParticipationDialog

        uid = self.selected_uid()
        if uid is None:
            return
        store = self.context.store
        name = next(a.name for a in self.model.alliances if a.uid == uid)
        dialog = ParticipationDialog(
            name,
            participation_of(store, uid),
            store.participation_reasons(),
            self,
        )
        self.participation_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_participation(dialog.chosen(uid), name))
        dialog.open()

    def apply_participation(self, wanted: Participation, name: str) -> bool:
        from alliance_review.gui.setup.participation import set_participation

        return set_participation(self, self.context, wanted, name)

    def edit_reasons(self) -> None:
        from alliance_review.gui.setup.participation import ReasonsDialog, edit_reasons

        dialog = ReasonsDialog(self.context.store.participation_reasons(), self)
        self.reasons_dialog = dialog
        dialog.accepted.connect(
            lambda: edit_reasons(self, self.context, dialog.names(), dialog.renames)
        )
        dialog.open()

    # files -------------------------------------------------------------------------
    def import_roster(self, path: Path | None = None) -> None:
        from alliance_review.gui.setup.roster_import import RosterImportDialog

        if path is None:
            start = last_folder()
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import roster"),
                start,
                self.tr("Tables (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        chosen = path

        def read(table: roster_io.Table) -> None:
            dialog = RosterImportDialog(table, self.context.store.alliances(), self)
            self.import_dialog = dialog
            dialog.accepted.connect(lambda: self.import_rows(dialog.rows()))
            dialog.open()

        run_task(
            self,
            self.tr("Reading the roster…"),
            lambda _progress: roster_io.read_table(chosen),
            read,
            on_error=lambda error: messages.refuse(self, error),
            reads_only=True,
        )

    def export_roster(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export roster"),
            str(Path(start) / f"{file_kinds.word('roster')}.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return
        alliances, out, inputs = self.context.store.alliances(), Path(name), [self.context.path]
        run_task(
            self,
            self.tr("Writing the roster…"),
            lambda _progress: roster_io.export_roster(alliances, out, inputs=inputs),
            lambda _path: None,
            on_error=lambda error: messages.refuse(self, error),
        )
