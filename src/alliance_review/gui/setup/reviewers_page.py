"""Reviewers (评审专家) with their own alliance(s) and declared conflicts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.gui import fit, messages
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import (
    apply_edit,
    button_row,
    last_folder,
    ok_cancel,
)
from alliance_review.gui.setup.page import SetupPage
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import run_task
from alliance_review.services import reviewers_io, roster
from alliance_review.services.assigning import assignment_summary

AnyIndex = QModelIndex | QPersistentModelIndex


class ReviewersModel(QAbstractTableModel):
    NAME, OWN, DECLARED, LOAD = range(4)

    def __init__(self) -> None:
        super().__init__()
        self.reviewers: list[Reviewer] = []
        self.names: dict[str, str] = {}
        self.loads: dict[str, int] = {}

    def set_data(
        self, reviewers: list[Reviewer], alliances: list[Alliance], loads: dict[str, int]
    ) -> None:
        self.beginResetModel()
        self.reviewers = reviewers
        self.names = {a.uid: a.name for a in alliances}
        self.loads = loads
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.reviewers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("Reviewer"),
                self.tr("Own alliance(s)"),
                self.tr("Declared conflicts"),
                self.tr("Assigned"),
            )[section]
        return None

    def _names(self, uids: frozenset[str]) -> str:
        return "；".join(sorted(self.names.get(u, u) for u in uids))

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        reviewer = self.reviewers[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                reviewer.name,
                self._names(reviewer.own_alliances),
                self._names(reviewer.declared_conflicts),
                str(self.loads.get(reviewer.uid, 0)),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LOAD:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ReviewerDialog(QDialog):
    """Name, own alliance(s), declared conflicts: two filterable check lists."""

    def __init__(
        self, alliances: list[Alliance], reviewer: Reviewer | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reviewer"))
        fit.size_within_screen(self, 820, 560)
        self.name = QLineEdit(reviewer.name if reviewer else "")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.filter.setClearButtonEnabled(True)
        self.own = self._list(alliances, reviewer.own_alliances if reviewer else frozenset())
        self.declared = self._list(
            alliances, reviewer.declared_conflicts if reviewer else frozenset()
        )
        self.filter.textChanged.connect(self._filter)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Find alliance"), self.filter)
        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("Own alliance(s): never assigned"), self.own),
            (self.tr("Declared conflicts: never assigned"), self.declared),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            lists.addLayout(column)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _list(alliances: list[Alliance], checked: frozenset[str]) -> QListWidget:
        widget = QListWidget()
        for alliance in alliances:
            item = QListWidgetItem(alliance.name)
            item.setData(Qt.ItemDataRole.UserRole, alliance.uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if alliance.uid in checked else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        return widget

    def _filter(self, text: str) -> None:
        for widget in (self.own, self.declared):
            for row in range(widget.count()):
                item = widget.item(row)
                item.setHidden(text.casefold() not in item.text().casefold())

    @staticmethod
    def checked(widget: QListWidget) -> frozenset[str]:
        return frozenset(
            str(widget.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked
        )

    def check(self, widget: QListWidget, name: str) -> None:
        for row in range(widget.count()):
            if widget.item(row).text() == name:
                widget.item(row).setCheckState(Qt.CheckState.Checked)

    def value(self, uid: str) -> Reviewer:
        own = self.checked(self.own)
        return Reviewer(uid, self.name.text(), own, self.checked(self.declared) - own)


class ReviewersPage(SetupPage):
    name = "reviewers"
    label = QT_TRANSLATE_NOOP("SetupTab", "Reviewers")
    depends_on = frozenset({Aspect.REVIEWERS, Aspect.ROSTER, Aspect.ASSIGNMENTS, Aspect.LOCK})
    refresh_on_language = False

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ReviewersModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # rows in view
        header.setSectionResizeMode(ReviewersModel.OWN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReviewersModel.DECLARED, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        row, self.buttons = button_row(
            [
                ("add", self.add_reviewer),
                ("edit", self.edit_selected),
                ("remove", self.remove_selected),
                ("import", self.import_reviewers),
            ],
            stretch_after="remove",
        )
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.dialog: ReviewerDialog | None = None
        self.import_dialog: QDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Reviewers"))
        self.buttons["add"].setText(self.tr("Add reviewer…"))
        self.buttons["edit"].setText(self.tr("Edit…"))
        self.buttons["remove"].setText(self.tr("Remove"))
        self.buttons["import"].setText(self.tr("Import…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def refresh(self) -> None:
        store = self.context.store
        loads, _ = assignment_summary(store)
        # every alliance of the register: a reviewer's own may have withdrawn this year
        register = [e.alliance for e in store.register()]
        self.model.set_data(store.reviewers(), register, loads)
        self.summary.setText(
            self.tr(
                "%n reviewer(s). A reviewer is never assigned an alliance listed here.",
                "",
                len(self.model.reviewers),
            )
        )

    def selected(self) -> Reviewer | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.reviewers[self.proxy.mapToSource(rows[0]).row()]

    def open_dialog(self, reviewer: Reviewer | None) -> ReviewerDialog:
        # every alliance of the register: a reviewer's own may have withdrawn this year
        register = [e.alliance for e in self.context.store.register()]
        dialog = ReviewerDialog(register, reviewer, self)
        self.dialog = dialog
        return dialog

    def add_reviewer(self) -> None:
        dialog = self.open_dialog(None)
        dialog.accepted.connect(lambda: self.save_new(dialog))
        dialog.open()

    def edit_selected(self) -> None:
        reviewer = self.selected()
        if reviewer is None:
            return
        dialog = self.open_dialog(reviewer)
        dialog.accepted.connect(lambda: self.save_edit(dialog.value(reviewer.uid)))
        dialog.open()

    def save_new(self, dialog: ReviewerDialog) -> bool:
        store = self.context.store
        value = dialog.value("")
        holder: dict[str, object] = {}

        def undo_pair(added: Reviewer):  # type: ignore[no-untyped-def]
            def undo() -> None:
                holder["removed"] = roster.remove_reviewer(store, added.uid)

            def redo() -> None:
                roster.restore_reviewer(store, *holder["removed"])  # type: ignore[misc]

            return redo, undo

        return apply_edit(
            self,
            self.context,
            self.tr("Add reviewer"),
            lambda: roster.add_reviewer(
                store, value.name, value.own_alliances, value.declared_conflicts
            ),
            undo_pair,
            Change(reviewers=True),
        )

    def save_edit(self, changed: Reviewer) -> bool:
        store = self.context.store
        return apply_edit(
            self,
            self.context,
            self.tr("Edit reviewer"),
            lambda: roster.update_reviewer(store, changed),
            lambda before: (
                lambda: roster.update_reviewer(store, changed),
                lambda: roster.update_reviewer(store, before),
            ),
            Change(reviewers=True),
        )

    def remove_selected(self) -> bool:
        reviewer = self.selected()
        if reviewer is None:
            return False
        store = self.context.store
        holder: dict[str, object] = {}

        def undo_pair(removed: tuple[Reviewer, int, tuple[str, ...]]):  # type: ignore[no-untyped-def]
            holder["removed"] = removed

            def redo() -> None:
                holder["removed"] = roster.remove_reviewer(store, reviewer.uid)

            def undo() -> None:
                roster.restore_reviewer(store, *holder["removed"])  # type: ignore[misc]

            return redo, undo

        return apply_edit(
            self,
            self.context,
            self.tr("Remove reviewer"),
            lambda: roster.remove_reviewer(store, reviewer.uid),
            undo_pair,
            Change(reviewers=True, assignments=True),
        )

    def import_reviewers(self, path: Path | None = None) -> None:
        """A reviewer list from a workbook or CSV: previewed, then added as one edit."""
        from alliance_review.gui.setup.reviewers_import import ReviewerImportDialog

        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import reviewers"),
                last_folder(),
                self.tr("Tables (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        store, chosen = self.context.store, path
        alliances, reviewers = store.register(), store.reviewers()

        def planned(plan: reviewers_io.ReviewerPlan) -> None:
            names = {e.alliance.uid: e.alliance.name for e in alliances}
            dialog = ReviewerImportDialog(plan, names, chosen.name, self)
            self.import_dialog = dialog
            dialog.accepted.connect(lambda: self.apply_import(plan))
            dialog.open()

        run_task(
            self,
            self.tr("Reading the reviewers…"),
            lambda _progress: reviewers_io.plan_import(
                reviewers_io.read_table(chosen), alliances, reviewers
            ),
            planned,
            on_error=lambda error: messages.refuse(self, error),
            reads_only=True,
        )

    def apply_import(self, plan: reviewers_io.ReviewerPlan) -> bool:
        store = self.context.store
        holder: dict[str, object] = {}

        def undo_pair(added: list[Reviewer]):  # type: ignore[no-untyped-def]
            def undo() -> None:
                with store.atomic():
                    holder["removed"] = [roster.remove_reviewer(store, r.uid) for r in added]

            def redo() -> None:
                with store.atomic():
                    for removed in reversed(holder["removed"]):  # type: ignore[call-overload]
                        roster.restore_reviewer(store, *removed)

            return redo, undo

        return apply_edit(
            self,
            self.context,
            self.tr("Import %n reviewer(s)", "", len(plan.accepted())),
            lambda: reviewers_io.apply_import(store, plan),
            undo_pair,
            Change(reviewers=True),
        )
