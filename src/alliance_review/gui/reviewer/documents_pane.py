"""The documents beside the scoring form: the selected alliance's documents, and notes
that cite their pages.

``attach(workspace)`` puts the form and the pane side by side (a splitter; the pane
collapses), follows the alliance shown, and adds to the Scoring menu: F6 moves between
the form and the document, Ctrl+Shift+C writes the citation of the page in view into the
evidence note (〔工作总结 p.12〕, one undo step), Ctrl+Shift+D shows or hides the pane.
Citations in notes are drawn as links; putting the cursor in one (a click, or the arrow
keys) shows its page.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QShowEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core import citations
from alliance_review.gui.contrast import tone
from alliance_review.gui.documents.renderer import Renderer
from alliance_review.gui.documents.sources import Library, extractor, packages_beside
from alliance_review.gui.documents.viewer import DocumentViewer
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.tasks import Progress, Task, run_task
from alliance_review.services.document_package import (
    AttachReport,
    attach_from_file,
    attach_package,
)
from alliance_review.storage.reviewer_store import ReviewerStore

if TYPE_CHECKING:
    from alliance_review.gui.reviewer.fields import NoteEdit
    from alliance_review.gui.reviewer.workspace import ReviewerWorkspace

translate = QCoreApplication.translate
SPLITTER_KEY = "reviewer/documents-splitter"
SHOWN_KEY = "reviewer/documents-shown"
#: the form's columns fit from this width on; the pane is of use from this one
FORM_MIN, PANE_MIN = 460, 380
#: a window at least this wide shows the documents beside the form from the start
WIDE = 1280


class CitationMarks(QSyntaxHighlighter):
    """Citations in a note drawn as links (the note's text is never changed)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.look = QTextCharFormat()
        self.look.setForeground(QColor(tone("#1a5fb4", "#8cc4ff")))
        self.look.setFontUnderline(True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for citation in citations.find(text):
            self.setFormat(citation.start, citation.end - citation.start, self.look)


class DocumentsPane(QWidget):
    def __init__(self, workspace: ReviewerWorkspace) -> None:
        super().__init__()
        self.workspace = workspace
        session = workspace.session
        self.library = Library(session.store.conn)
        # contents are read from the file itself, on the renderer's own read-only
        # connection: also when it is shown read-only because another window has it open
        files = [session.path]
        if session.sealed:  # a submitted copy carries none: the working file beside may
            from alliance_review.services.reviewer_workflow import working_file_for

            working = working_file_for(session.path)
            files += [working] if working is not None else []
        meta = session.meta
        packages = packages_beside(session.path, meta.round_uid, meta.reviewer_uid)
        self.renderer = Renderer(extractor(files, packages, self.library.sizes()), self)
        self.viewer = DocumentViewer(self.library, self.renderer)
        self.viewer.cite_requested.connect(self.cite)
        if session.read_only:  # nothing is written into a file shown read-only
            self.viewer.cite_button.hide()
        else:  # a file without its documents' contents can take them
            self.viewer.message_action.clicked.connect(lambda _=False: self.take_documents())
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold")
        self.hide_button = QToolButton()
        self.hide_button.setAutoRaise(True)
        self.hide_button.setText("»")
        self.hide_button.clicked.connect(lambda _=False: self.set_shown(False))
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 6, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.viewer, 1)
        self.uid: str | None = None
        self.splitter: QSplitter | None = None
        self.chosen: dict[str, int] = {}  # alliance uid -> document id last shown
        self.viewer.page_shown.connect(self._page_shown)
        self.closed = False
        # first use with documents: the list narrower, so form and document both fit
        self.first_use = not QSettings().contains(SPLITTER_KEY) and self.library.any()
        self.list_hidden = False  # a narrow window hid the alliance list for the pane
        self.retranslate()
        if self.library.any():
            self.renderer.warm()

    def retranslate(self) -> None:
        self.hide_button.setToolTip(translate("DocumentsPane", "Hide the documents (Ctrl+Shift+D)"))
        self.hide_button.setAccessibleName(translate("DocumentsPane", "Hide the documents"))
        self.viewer.missing_note = translate(
            "DocumentsPane",
            "This document is not in this file. If the secretary sent the documents as a "
            "separate package (a .zip beside the reviewer file), put it in the same folder "
            "and open the file again, or take them from the package here.",
        )
        if not self.workspace.session.read_only:
            self.viewer.message_action.setText(
                translate("DocumentsPane", "Take the documents from a package or file…")
            )
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if "cite_page" in self.workspace.actions_by_name:
                retranslate_actions(self.workspace)
        super().changeEvent(event)

    def _show_title(self) -> None:
        count = len(self.viewer.documents)
        self.title.setText(
            fill_in(translate("DocumentsPane", "Documents (%1)"), count)
            if self.uid is not None
            else translate("DocumentsPane", "Documents")
        )

    def show_alliance(self, uid: str | None) -> None:
        if uid == self.uid or self.closed:
            return
        self.uid = uid
        documents = self.library.documents(uid) if uid else []
        self.viewer.show_documents(documents, self.chosen.get(uid or ""))
        self._show_title()
        self._hint()

    def _hint(self) -> None:
        """With the pane hidden, the status bar says the alliance has documents."""
        count = len(self.viewer.documents)
        ws = self.workspace
        if count and not self.shown() and self.splitter is not None and not ws.notice:
            ws.set_notice(
                fill_in(
                    translate("DocumentsPane", "%1 document(s): %2 shows them"),
                    count,
                    "Ctrl+Shift+D",
                )
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first_use:
            self.first_use = False
            QTimer.singleShot(0, self._first_sizes)  # after the workspace sized its list

    def _first_sizes(self) -> None:
        if self.closed or self.splitter is None:
            return
        outer = self.workspace.splitter
        width = sum(outer.sizes())
        if self.window().width() < WIDE:  # a small screen: the form first, documents on demand
            self.hide()
            self._hint()
            return
        left = max(self.workspace.pane.minimum_list_width(), int(width * 0.22))
        outer.setSizes([left, width - left])
        rest = width - left
        self.splitter.setSizes([rest - rest * 9 // 20, rest * 9 // 20])

    def _page_shown(self, document_id: int, _page: int) -> None:
        if self.uid is not None:
            self.chosen[self.uid] = document_id

    # showing and hiding -------------------------------------------------------------------
    def shown(self) -> bool:
        return self.splitter is not None and not self.isHidden()

    def set_shown(self, show: bool) -> None:
        """Show the documents beside the form (in a narrow window the list of alliances
        makes room: Ctrl+PgDown / Ctrl+PgUp still move between alliances), or hide them
        (and show the list again)."""
        if self.splitter is None:
            return
        ws = self.workspace
        if not show:
            self.hide()
            if self.list_hidden:
                ws.pane.show()
                self.list_hidden = False
            ws.form.focus_indicator(*(ws.last_field or ("", False)))
            return
        sizes = ws.splitter.sizes()
        room = sizes[1] if not ws.pane.isHidden() else sum(sizes)
        if not ws.pane.isHidden() and room < FORM_MIN + PANE_MIN:
            ws.pane.hide()
            self.list_hidden = True
            room = sum(sizes)
        self.show()
        pane = max(PANE_MIN, min(room - FORM_MIN, room * 9 // 20))
        self.splitter.setSizes([room - pane, pane])

    def _moved(self) -> None:
        """The reviewer dragged the pane shut: it is hidden, as by its key."""
        if self.splitter is not None and self.splitter.sizes()[1] == 0 and not self.isHidden():
            self.set_shown(False)

    def toggle(self) -> None:
        self.set_shown(not self.shown())

    def switch_focus(self) -> None:
        """F6: from the form to the document, and back to the field the reviewer was in."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self or self.isAncestorOf(focus)):
            code, note = self.workspace.last_field or (
                self.workspace.session.indicators[0].code,
                False,
            )
            self.workspace.form.focus_indicator(code, note)
            return
        if not self.shown():
            self.set_shown(True)
        self.viewer.focus_view()

    # citing -------------------------------------------------------------------------------
    def note_for_citing(self) -> tuple[str, NoteEdit] | None:
        ws = self.workspace
        if ws.read_only or ws.form.uid is None:
            return None
        code, _ = ws.last_field or (ws.session.indicators[0].code, True)
        row = ws.form.rows.get(code)
        return None if row is None else (code, row.note_edit)

    def cite(self, text: str | None = None) -> bool:
        """Write the citation of the page in view into the note of the indicator the
        reviewer is at (at the cursor when the note has it, else at its end): one edit."""
        text = text or self.viewer.citation()
        target = self.note_for_citing()
        if not text or target is None:
            return False
        code, note = target
        ws = self.workspace
        ws._new_edit()  # a citation is an undo step of its own
        cursor = note.textCursor()
        if not note.hasFocus():
            cursor.movePosition(cursor.MoveOperation.End)
            if note.toPlainText() and not note.toPlainText().endswith((" ", "\n", "，", "。")):
                text = " " + text
        before = note.toPlainText()
        cursor.insertText(text)
        note.setTextCursor(cursor)
        ws._new_edit()
        if note.toPlainText() == before:  # refused at the note's length limit
            return False
        ws.set_notice(
            fill_in(translate("DocumentsPane", "Cited %1 in the note of %2"), text.strip(), code)
        )
        return True

    def take_documents(self, source: Path | None = None) -> Task | None:
        """Take the documents' contents from a package (.zip) or another file that carries
        them (the file first issued): each checked by its SHA-256, off the GUI thread."""
        ws = self.workspace
        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                translate("DocumentsPane", "Document package or reviewer file"),
                str(ws.path.parent),
                fill_in(
                    translate(
                        "DocumentsPane", "Document package or reviewer file (%1);;All files (*)"
                    ),
                    "*.zip *.alr-review *.sqlite",
                ),
            )
            if not name:
                return None
            source = Path(name)
        chosen, file = source, ws.path

        def work(_progress: Progress) -> AttachReport:
            with ReviewerStore.open(file) as store:  # a connection of the worker's own
                if zipfile.is_zipfile(chosen):
                    return attach_package(store.conn, chosen)
                return attach_from_file(store.conn, chosen)

        def done(report: AttachReport) -> None:
            self.library.reload()
            uid, self.uid = self.uid, None
            self.show_alliance(uid)
            text = fill_in(
                translate("DocumentsPane", "%1 document(s) taken from %2"),
                report.taken,
                chosen.name,
            )
            if report.altered:
                text += fill_in(
                    translate(
                        "DocumentsPane", "; %1 did not match their fingerprint and were left out"
                    ),
                    len(report.altered),
                )
            ws.set_notice(text)

        return run_task(
            self, translate("DocumentsPane", "Checking and taking the documents…"), work, done
        )

    def follow(self, note: NoteEdit) -> None:
        """The cursor stands in a citation of a note: show its page."""
        if self.closed or not self.viewer.documents:
            return
        text = note.toPlainText()
        position = note.textCursor().position()
        if citations.at(text, position) is not None and not self.shown():
            self.set_shown(True)
        self.viewer.open_citation(text, position)

    def release(self) -> None:
        if not self.closed:
            self.closed = True
            self.viewer.save_state()
            if self.splitter is not None:
                QSettings().setValue(SPLITTER_KEY, self.splitter.saveState())
                QSettings().setValue(SHOWN_KEY, self.shown())
            self.renderer.close()


class _NoteFollower(QObject):
    """Follows the cursor of every note into citations (not while the note is typed in)."""

    def __init__(self, pane: DocumentsPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.texts: dict[int, str] = {}
        self.marks: list[CitationMarks] = []

    def watch(self, note: NoteEdit) -> None:
        self.marks.append(CitationMarks(note.document()))
        self.texts[id(note)] = note.toPlainText()
        note.cursorPositionChanged.connect(lambda n=note: self._moved(n))

    def _moved(self, note: NoteEdit) -> None:
        text = note.toPlainText()
        if self.texts.get(id(note)) != text:  # typing moves the cursor too: not a click
            self.texts[id(note)] = text
            return
        if note.hasFocus():
            self.pane.follow(note)


def attach(ws: ReviewerWorkspace) -> DocumentsPane:
    """Put the documents pane beside the form (after the workspace built its actions)."""
    pane = DocumentsPane(ws)
    inner = QSplitter(Qt.Orientation.Horizontal)
    ws.splitter.replaceWidget(ws.splitter.indexOf(ws.form), inner)
    inner.addWidget(ws.form)
    inner.addWidget(pane)
    # a widget that moves to another parent leaves its place in the Tab chain: the list
    # leads into the form again, the form's done button into the documents
    ws.form.chain_tab_order(before=ws.table)
    QWidget.setTabOrder(ws.form.done_button, pane.viewer.tabs)
    inner.setStretchFactor(0, 1)
    inner.setStretchFactor(1, 1)
    inner.setCollapsible(0, False)
    inner.setCollapsible(1, True)
    ws.form.setMinimumWidth(FORM_MIN)
    pane.splitter = inner
    state = QSettings().value(SPLITTER_KEY)
    if isinstance(state, QByteArray) and not state.isEmpty():
        inner.restoreState(state)
        if str(QSettings().value(SHOWN_KEY, "true")).lower() == "false":
            pane.hide()
    elif not pane.library.any():
        pane.hide()
    else:
        inner.setSizes([55, 45])
    inner.splitterMoved.connect(lambda *_: pane._moved())
    ws.form.alliance_shown.connect(pane.show_alliance)
    pane.show_alliance(ws.form.uid)
    follower = _NoteFollower(pane)
    for row in ws.form.rows.values():
        follower.watch(row.note_edit)
    _actions(ws, pane)
    return pane


def _actions(ws: ReviewerWorkspace, pane: DocumentsPane) -> None:
    menu = ws.scoring_menu
    menu.addSeparator()
    specs = (
        ("documents_focus", pane.switch_focus, (QKeySequence(Qt.Key.Key_F6),)),
        ("cite_page", pane.cite, (QKeySequence("Ctrl+Shift+C"),)),
        ("documents_toggle", pane.toggle, (QKeySequence("Ctrl+Shift+D"),)),
    )
    for name, slot, keys in specs:
        action = QAction(ws)
        action.setShortcuts(list(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        ws.actions_by_name[name] = action
        menu.addAction(action)
    ws.actions_by_name["cite_page"].setEnabled(not ws.read_only)
    retranslate_actions(ws)


def retranslate_actions(ws: ReviewerWorkspace) -> None:
    a = ws.actions_by_name
    a["documents_focus"].setText(translate("DocumentsPane", "Switch between form and &document"))
    a["cite_page"].setText(translate("DocumentsPane", "&Cite the page in view in the note"))
    a["documents_toggle"].setText(translate("DocumentsPane", "Show or hide the d&ocuments"))
