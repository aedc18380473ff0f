"""The roster (联盟名单): a table edited in place with undo, import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.register import HistoryRound, PilotStatus, RegisterEntry
from alliance_review.core.roster import Alliance
from alliance_review.core.roster_update import Comparison
from alliance_review.gui import file_kinds, messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Alliances, Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import (
    apply_edit,
    button_row,
    last_folder,
)
from alliance_review.gui.setup.page import SetupPage
from alliance_review.gui.setup.register_dialogs import (
    BatchesDialog,
    HistoryDialog,
    RenameDialog,
    WithdrawDialog,
    edit_batches,
)
from alliance_review.gui.setup.roster_model import RosterModel
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import Progress, Task, run_task
from alliance_review.services import history, register, roster, roster_io, roster_update
from alliance_review.services.participation import Participation, participation_of
from alliance_review.services.roster_plan import ImportPlan
from alliance_review.storage.round_store import RoundStore

AnyIndex = QModelIndex | QPersistentModelIndex
WARN = QColor("#fff3cd")


class RosterPage(SetupPage):
    name = "roster"
    label = QT_TRANSLATE_NOOP("SetupTab", "Roster")
    depends_on = frozenset({Aspect.ROSTER, Aspect.LOCK})

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
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
                ("rename", self.rename_selected),
                ("withdraw", self.withdraw_selected),
                ("reinstate", self.reinstate_selected),
                ("remove", self.remove_selected),
                ("up", lambda: self.move_selected(-1)),
                ("down", lambda: self.move_selected(1)),
            ]
        )
        second, more = button_row(
            [
                ("participation", self.edit_participation),
                ("reasons", self.edit_reasons),
                ("batches", self.edit_batches),
                ("history", self.show_history),
                ("import", lambda: self.import_roster()),
                ("export", self.export_roster),
            ]
        )
        self.buttons.update(more)
        self.show_all = QCheckBox()
        self.show_all.toggled.connect(lambda _on: self.refresh())
        second.insertWidget(0, self.show_all)
        second.insertStretch(1, 1)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        row.insertWidget(0, self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setAccessibleName(self.tr("Filter the roster"))
        self.table.setAccessibleName(self.tr("Roster: alliances"))
        labels = {
            "add": self.tr("Add"),
            "rename": self.tr("Rename…"),
            "withdraw": self.tr("Withdraw…"),
            "reinstate": self.tr("Reinstate"),
            "remove": self.tr("Remove"),
            "up": self.tr("Move up"),
            "down": self.tr("Move down"),
            "participation": self.tr("Takes part?…"),
            "reasons": self.tr("Reasons…"),
            "batches": self.tr("Batches…"),
            "history": self.tr("History…"),
            "import": self.tr("Import…"),
            "export": self.tr("Export…"),
        }
        for name, text in labels.items():
            self.buttons[name].setText(text)
        self.show_all.setText(self.tr("Show withdrawn and suspended"))
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.buttons["participation"].setToolTip(
            self.tr("Mark the selected alliance as taking part or not, with a reason")
        )
        self.buttons["withdraw"].setToolTip(
            self.tr("The alliance left the programme (or is suspended) this year")
        )
        self.buttons["rename"].setToolTip(
            self.tr("A new name; the alliance keeps its history and the old name is kept")
        )

    def refresh(self) -> None:
        selected = self.selected_uid()
        store = self.context.store
        register = store.register()
        shown = register if self.show_all.isChecked() else [e for e in register if e.active]
        self.model.set_alliances(shown, store.non_participants())
        if selected:
            self.select_uid(selected)
        pilots = sum(1 for e in register if e.active)
        near = len(self.model.near)
        text = self.tr("%n pilot alliance(s)", "", pilots)
        if self.model.absent:
            text += "  ·  " + self.tr("%n not taking part", "", len(self.model.absent))
        if len(register) > pilots:
            text += "  ·  " + self.tr("%n withdrawn or suspended", "", len(register) - pilots)
        if near:
            text += "  ·  " + self.tr("%n near-duplicate name(s) marked", "", near)
        years = store.history_rounds()
        if years:
            text += "  ·  " + fill_in(
                self.tr("results of %1 carried"), ", ".join(str(r.year) for r in years)
            )
        self.summary.setText(text)
        self._enable()

    def _enable(self) -> None:
        entry = self.selected_entry()
        chosen = entry is not None
        for name in ("rename", "remove", "up", "down", "history"):
            self.buttons[name].setEnabled(chosen)
        self.buttons["withdraw"].setEnabled(chosen and entry is not None and entry.active)
        self.buttons["reinstate"].setEnabled(entry is not None and not entry.active)
        self.buttons["participation"].setEnabled(entry is not None and entry.active)

    def selected_entry(self) -> RegisterEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entries[self.proxy.mapToSource(rows[0]).row()]

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
        existing = {e.alliance.name for e in store.register()}
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
        shown = self.model.alliances
        at = next(i for i, a in enumerate(shown) if a.uid == uid)
        if not 0 <= at + step < len(shown):
            return
        new = shown[at + step].position  # the neighbour's place (withdrawn ones may be hidden)
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

    def rename_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        dialog = RenameDialog(entry, self)
        self.rename_dialog = dialog
        dialog.accepted.connect(lambda: self.rename(entry.alliance.uid, dialog.name.text()))
        dialog.open()

    def rename(self, uid: str, name: str) -> bool:
        """Rename an alliance (its old name kept as a former name), as one undo step."""
        store = self.context.store

        def undo_pair(before: register.Names):  # type: ignore[no-untyped-def]
            return (
                lambda: register.rename(store, uid, name),
                lambda: register.restore_names(store, before),
            )

        return apply_edit(
            self,
            self.context,
            self.tr("Rename alliance"),
            lambda: register.rename(store, uid, name),
            undo_pair,
            Change(roster=True),
        )

    def withdraw_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        dialog = WithdrawDialog(entry.alliance.name, self.context.store.settings().year, self)
        self.withdraw_dialog = dialog
        dialog.accepted.connect(lambda: self.set_status(entry.alliance.uid, dialog.status()))
        dialog.open()

    def reinstate_selected(self) -> bool:
        entry = self.selected_entry()
        return entry is not None and self.set_status(entry.alliance.uid, None)

    def set_status(self, uid: str, status: PilotStatus | None) -> bool:
        """Withdraw, suspend or reinstate an alliance, as one undo step."""
        store = self.context.store
        text = self.tr("Reinstate alliance") if status is None else self.tr("Withdraw alliance")

        def undo_pair(before: register.StatusChange):  # type: ignore[no-untyped-def]
            return (
                lambda: register.set_status(store, uid, status),
                lambda: register.restore_status(store, before),
            )

        done = apply_edit(
            self,
            self.context,
            text,
            lambda: register.set_status(store, uid, status),
            undo_pair,
            Change(roster=True),
        )
        if done and status is not None and not self.show_all.isChecked():
            self.show_all.setChecked(True)  # the withdrawn alliance stays in sight
            self.select_uid(uid)
        return done

    def edit_batches(self) -> None:
        dialog = BatchesDialog(self.context.store.batches(), self)
        self.batches_dialog = dialog
        dialog.accepted.connect(lambda: edit_batches(self, self.context, dialog))
        dialog.open()

    def show_history(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        store = self.context.store
        years = history.alliance_years(store, entry.alliance.uid)
        rounds = store.history_rounds()
        settings = store.settings()
        now = HistoryRound(
            settings.year, settings.uid, settings.title, store.rubric().max_points, settings.tiers
        )
        dialog = HistoryDialog(entry.alliance.name, years, [*rounds, now], self)
        self.history_dialog = dialog
        dialog.open()

    def apply_import(
        self,
        plan: ImportPlan,
        comparison: Comparison,
        choices: roster_update.Choices,
        include_hidden: bool,
        source: str = "",
    ) -> Task:
        """Apply the ticked groups of an import as one undo step. The import is written
        off the GUI thread, on a connection of its own, with the progress dialog: Cancel
        (or a refusal) leaves the file as it was. Undo and redo replay it in the window."""
        path, store = self.context.path, self.context.store
        text = fill_in(self.tr("Import roster: %1"), source or plan.sheet)

        def write(progress: Progress) -> roster_update.Applied:
            with RoundStore.open(path) as own, own.atomic():
                done = roster_update.apply(
                    own, plan, comparison, choices, include_hidden, progress=progress
                )
                roster_update.refuse_empty(done)  # (in the transaction: nothing is written)
                return done

        def written(done: roster_update.Applied) -> None:
            holder = {"done": done}

            def redo() -> None:
                holder["done"] = roster_update.apply(
                    store, plan, comparison, choices, include_hidden, again=holder["done"]
                )

            def undo() -> None:
                roster_update.undo(store, holder["done"])

            # pushed done: the first run only hands over what the worker wrote
            apply_edit(
                self,
                self.context,
                text,
                lambda: done,
                lambda _done: (redo, undo),
                Change(roster=True),
            )

        return run_task(
            self,
            self.tr("Importing the roster…"),
            write,
            written,
            on_error=lambda error: messages.refuse(self, error),
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
            dialog = RosterImportDialog(table, self.context.store, self)
            self.import_dialog = dialog
            dialog.accepted.connect(
                lambda: (
                    dialog.plan is not None
                    and dialog.comparison is not None
                    and self.apply_import(
                        dialog.plan, dialog.comparison, dialog.choices(), dialog.including_hidden()
                    )
                )
            )
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
