"""The alliances' documents (佐证材料): import a folder with a preview, add files to an
alliance (its button, or files dropped onto its row), look at one, remove one.

Reading, converting and checking the files runs off the GUI thread (a task with a
progress dialog and Cancel: nothing is added until all is read); adding and removing are
undoable like every set-up edit (undo keeps the removed contents aside to put them back).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.attachments import Named
from alliance_review.core.documents import MAX_DOCUMENT_BYTES, MAX_ROUND_DOCUMENT_BYTES, Document
from alliance_review.core.errors import UserError
from alliance_review.gui import messages
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import apply_edit, button_row, last_folder
from alliance_review.gui.setup.documents_preview import ImportPreview, report_text
from alliance_review.gui.setup.page import SetupPage
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services import documents as service
from alliance_review.storage import documents as rows
from alliance_review.storage.round_store import RoundStore

#: the fill of an alliance whose self-evaluation names attachments not received
NOT_ALL = QColor("#fff3cd")
FILTER = "*.pdf *.doc *.docx *.wps *.odt *.xls *.xlsx *.et *.ods *.jpg *.jpeg *.png"


def _plan_of(round_path: Path, folder: Path) -> service.ImportPlan:
    with RoundStore.reading(round_path) as store:
        return service.plan_import(store, folder)


class AllianceTable(QTableWidget):
    """The alliances; files dropped onto a row are added to that alliance, a folder
    dropped anywhere is imported (with the preview)."""

    files_dropped = Signal(int, object)  # row, list of paths
    folder_dropped = Signal(object)

    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QTableWidget.DragDropMode.DropOnly)

    def _paths(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        paths = self._paths(event)
        row = self.rowAt(event.position().toPoint().y())
        if paths and (row >= 0 or any(p.is_dir() for p in paths)):
            if row >= 0:
                self.selectRow(row)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        folders = [p for p in paths if p.is_dir()]
        if folders:
            self.folder_dropped.emit(folders[0])
            return
        row = self.rowAt(event.position().toPoint().y())
        if row >= 0:
            self.files_dropped.emit(row, paths)


class DocumentsPage(SetupPage):
    name = "documents"
    label = QT_TRANSLATE_NOOP("SetupTab", "Documents")
    depends_on = frozenset({Aspect.DOCUMENTS, Aspect.ROSTER, Aspect.LOCK, Aspect.SELF_EVALUATIONS})

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.scratch = Path(tempfile.mkdtemp(prefix="alliance-review-removed-"))
        self.destroyed.connect(lambda *_: shutil.rmtree(self.scratch, ignore_errors=True))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.alliances = AllianceTable()
        self.alliances.verticalHeader().setVisible(False)
        self.alliances.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.alliances.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.alliances.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.alliances.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.alliances.currentCellChanged.connect(lambda *_: self._show_documents())
        self.alliances.files_dropped.connect(self._files_dropped)
        self.alliances.folder_dropped.connect(lambda folder: self.import_folder(folder))
        self.documents = QTableWidget(0, 5)
        self.documents.verticalHeader().setVisible(False)
        self.documents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.documents.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.doubleClicked.connect(lambda _: self.view())
        self.documents.currentCellChanged.connect(lambda *_: self._enable())
        buttons, self.buttons = button_row(
            [
                ("import", lambda: self.import_folder()),
                ("add", lambda: self.add_files()),
                ("view", self.view),
                ("remove", self.remove),
            ],
            stretch_after="remove",
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.preview: ImportPreview | None = None
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.documents_title = QLabel()
        right_layout.addWidget(self.documents_title)
        right_layout.addWidget(self.documents, 1)
        self.named = QLabel()  # what the self-evaluation names and has not arrived
        self.named.setWordWrap(True)
        self.named.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.named)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.alliances)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.result)
        self.uids: list[str] = []
        self.listed: dict[str, list[tuple[Named, Document | None]]] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The documents each alliance sent beside its self-evaluation (work summary, "
                "plan, minutes, rules, project lists, screenshots): PDF, Word, Excel, WPS "
                "files and pictures. Import a folder (a sub-folder per alliance, or files "
                "named after their alliance) or drop files onto an alliance. Reviewers see "
                "the documents of their alliances beside the scoring form."
            )
        )
        texts = {
            "import": self.tr("Import folder…"),
            "add": self.tr("Add files…"),
            "view": self.tr("View…"),
            "remove": self.tr("Remove"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.alliances.setHorizontalHeaderLabels(
            [self.tr("Alliance"), self.tr("Documents"), self.tr("Size"), self.tr("Listed")]
        )
        header_item = self.alliances.horizontalHeaderItem(3)
        if header_item is not None:
            header_item.setToolTip(
                self.tr(
                    "Attachments the alliance's self-evaluation workbook names: received / named"
                )
            )
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Kind"), self.tr("Pages"), self.tr("Size"), self.tr("File")]
        )
        self.alliances.setAccessibleName(self.tr("Alliances and their documents"))
        self.documents.setAccessibleName(self.tr("Documents of the alliance"))

    # showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        counts = rows.counts(store.conn) if rows.has_documents_tables(store.conn) else {}
        self.listed = service.named_received(store)
        alliances = store.alliances()
        keep = self.current_uid()
        self.uids = [a.uid for a in alliances]
        self.alliances.setRowCount(len(alliances))
        for r, alliance in enumerate(alliances):
            count, size = counts.get(alliance.uid, (0, 0))
            named = self.listed.get(alliance.uid, [])
            got = sum(document is not None for _, document in named)
            values = (
                alliance.name,
                str(count) if count else "—",
                service.size_text(size) if count else "",
                f"{got}/{len(named)}" if named else "",
            )
            items = [QTableWidgetItem(value) for value in values]
            if got < len(named):  # not everything named has arrived
                items[3].setBackground(QBrush(NOT_ALL))
                items[3].setForeground(QBrush(ink_on(NOT_ALL)))
            for c, item in enumerate(items):
                self.alliances.setItem(r, c, item)
        if keep in self.uids:
            self.alliances.selectRow(self.uids.index(keep))
        elif alliances and self.alliances.currentRow() < 0:
            self.alliances.selectRow(0)
        stored = rows.stored_bytes(store.conn) if counts else 0
        self.summary.setText(
            fill_in(
                self.tr(
                    "%1 document(s) of %2 alliance(s), %3 stored (at most %4 per round, %5 per "
                    "document)."
                ),
                str(sum(c for c, _ in counts.values())),
                str(len(counts)),
                service.size_text(stored),
                service.size_text(MAX_ROUND_DOCUMENT_BYTES),
                service.size_text(MAX_DOCUMENT_BYTES),
            )
        )
        self._show_documents()

    def current_uid(self) -> str | None:
        row = self.alliances.currentRow()
        return self.uids[row] if 0 <= row < len(self.uids) else None

    def _show_documents(self) -> None:
        uid = self.current_uid()
        found = rows.documents(self.context.store.conn, uid) if uid else []
        self.shown = found
        name = self.alliances.item(self.alliances.currentRow(), 0)
        self.documents_title.setText(name.text() if name is not None else "")
        self.documents.setRowCount(len(found))
        for r, d in enumerate(found):
            kind = d.kind.upper() + (self.tr(" (text only)") if d.text_only else "")
            values = (d.title, kind, str(d.pages), service.size_text(d.size), d.file_name)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.documents.setItem(r, c, item)
        if found:
            self.documents.selectRow(0)
        self._show_named(uid)
        self._enable()

    def _show_named(self, uid: str | None) -> None:
        named = self.listed.get(uid or "", [])
        missing = [item.name for item, document in named if document is None]
        if not named:
            self.named.setText("")
        elif missing:
            self.named.setText(
                fill_in(
                    self.tr("Its self-evaluation names %1 attachment(s); not received: %2"),
                    str(len(named)),
                    "、".join(missing),
                )
            )
        else:
            self.named.setText(
                fill_in(
                    self.tr("Its self-evaluation names %1 attachment(s); all received."),
                    str(len(named)),
                )
            )

    def _enable(self) -> None:
        locked = self.context.store.is_locked()
        chosen = self.documents.currentRow() >= 0 and bool(self.shown)
        self.buttons["import"].setEnabled(not locked)
        self.buttons["add"].setEnabled(not locked and self.current_uid() is not None)
        self.buttons["remove"].setEnabled(not locked and chosen)
        self.buttons["view"].setEnabled(chosen)

    # adding ---------------------------------------------------------------------------------
    def import_folder(self, folder: Path | None = None) -> Task | None:
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Folder of the alliances' documents"), last_folder()
            )
            if not name:
                return None
            folder = Path(name)
        round_path, chosen = self.context.path, folder

        def planned(plan: service.ImportPlan) -> None:
            names = {a.uid: a.name for a in self.context.store.alliances()}
            dialog = ImportPreview(plan, names, self)
            self.preview = dialog
            dialog.accepted.connect(
                lambda: self._add([(c.alliance_uid, c.path) for c in dialog.chosen()])
            )
            dialog.open()

        return run_task(
            self,
            self.tr("Reading the folder…"),
            lambda _progress: _plan_of(round_path, chosen),
            planned,
            reads_only=True,
        )

    def add_files(self, paths: list[Path] | None = None, uid: str | None = None) -> Task | None:
        uid = uid or self.current_uid()
        if uid is None:
            return None
        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("Documents of the alliance"),
                last_folder(),
                fill_in(self.tr("Documents (%1);;All files (*)"), FILTER),
            )
            if not names:
                return None
            paths = [Path(n) for n in names]
        return self._add([(uid, p) for p in paths])

    def _files_dropped(self, row: int, paths: list[Path]) -> None:
        if 0 <= row < len(self.uids) and not self.context.store.is_locked():
            self.alliances.selectRow(row)
            self.add_files(paths, self.uids[row])

    def _add(self, items: list[tuple[str | None, Path]]) -> Task | None:
        wanted = [(uid, path) for uid, path in items if uid is not None]
        if not wanted:
            return None
        round_path = self.context.path

        def added(report: service.AddReport) -> None:
            self.result.setText(report_text(report))
            ids = [d.id for d in report.added]
            if ids:
                self._push_added(ids)

        return run_task(
            self,
            self.tr("Reading and converting documents…"),
            lambda progress: service.add_documents(round_path, wanted, progress),
            added,
        )

    def _push_added(self, ids: list[int]) -> None:
        """The documents are in the round (the task wrote them): an undoable step."""
        store = self.context.store
        kept: list[list[rows.Removed]] = []

        def undo_pair(_result: object):  # type: ignore[no-untyped-def]
            def undo() -> None:
                kept[:] = [service.take_out(store, ids, self.scratch)]

            def redo() -> None:
                service.put_back(store, kept[0])

            return redo, undo

        apply_edit(
            self,
            self.context,
            self.tr("Add documents"),
            lambda: None,
            undo_pair,
            Change(documents=True),
        )

    # looking, removing ---------------------------------------------------------------------
    def _chosen(self) -> list[int]:
        rows_chosen = sorted({i.row() for i in self.documents.selectedIndexes()})
        return [self.shown[r].id for r in rows_chosen if r < len(self.shown)]

    def view(self) -> None:
        chosen = self._chosen()
        uid = self.current_uid()
        if chosen and uid is not None:
            from alliance_review.gui.documents.dialog import open_documents

            open_documents(self, self.context, uid, chosen[0], 1)

    def remove(self) -> bool:
        ids = self._chosen()
        if not ids:
            return False
        store = self.context.store
        removed: list[list[rows.Removed]] = []

        def do() -> None:
            removed[:] = [service.take_out(store, ids, self.scratch)]

        def undo_pair(_result: object):  # type: ignore[no-untyped-def]
            return do, lambda: service.put_back(store, removed[0])

        try:
            return apply_edit(
                self,
                self.context,
                self.tr("Remove documents"),
                do,
                undo_pair,
                Change(documents=True),
            )
        except UserError as error:  # pragma: no cover - apply_edit tells refusals itself
            messages.refuse(self, error)
            return False

    def point_of(self, row: int) -> QPoint:
        """Where row ``row`` of the alliances is (tests drop files there)."""
        return self.alliances.visualRect(self.alliances.model().index(row, 0)).center()
