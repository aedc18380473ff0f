"""One alliance's documents: a tab each, the pages, text search, and citing the page.

A PDF (or the PDF made of an office document or a picture) is shown page by page
(``PageView``); a document kept as text only (no LibreOffice where it was added) shows
its text, one page (or sheet) at a time. Search (Ctrl+F in the viewer) finds the words in
the pages' texts at once and marks them on the page; Enter / Shift+Enter go to the next /
previous hit. The page and zoom of every document are remembered (per document, by its
SHA-256). Nothing in a document is run and no link in it is followed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core import citations
from alliance_review.core.documents import Document
from alliance_review.gui.documents.page_view import PageView
from alliance_review.gui.documents.renderer import Renderer
from alliance_review.gui.documents.sources import Library

STATE_KEY = "documents/view/"
MESSAGE, PAGES, TEXT = 0, 1, 2


class DocumentViewer(QWidget):
    view: PageView
    _search_timer: QTimer
    #: the citation of the page in view (the "Cite page" button or its shortcut)
    cite_requested = Signal(str)
    #: the document shown and the page in view changed (document id, page from 1)
    page_shown = Signal(int, int)

    def __init__(self, library: Library, renderer: Renderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.renderer = renderer
        self.documents: list[Document] = []
        self.document: Document | None = None
        self.hits: list[tuple[int, int]] = []  # (page index, hit number on that page)
        self.hit = -1
        self.query = ""
        self.pending: dict[str, int] = {}  # sha -> page to show once it is opened
        self.missing_note = ""  # why a document cannot be shown (set by the owner)

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.previous_button = self._tool("‹", self.previous_page)
        self.next_button = self._tool("›", self.next_page)
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.show_page(value - 1))
        self.pages_label = QLabel()
        self.zoom_out_button = self._tool("−", lambda: self.view.zoom_by(-1))
        self.zoom_label = QLabel()
        self.zoom_in_button = self._tool("+", lambda: self.view.zoom_by(1))
        self.fit_button = self._tool("", lambda: self.view.set_zoom(None))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.installEventFilter(self)
        self.hits_label = QLabel()
        self.previous_hit_button = self._tool("↑", self.previous_hit)
        self.next_hit_button = self._tool("↓", self.next_hit)
        self.cite_button = QPushButton()
        self.cite_button.clicked.connect(self.cite)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.run_search)

        self.view = PageView(renderer)
        self.view.page_changed.connect(self._page_changed)
        self.view.zoom_changed.connect(lambda *_: self._show_zoom())
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.message_action = QPushButton()
        self.message_action.hide()
        message_box = QWidget()
        message_layout = QVBoxLayout(message_box)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message)
        message_layout.addWidget(self.message_action, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(message_box)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.text)

        navigation = QHBoxLayout()
        navigation.setSpacing(4)
        for widget in (self.previous_button, self.page_box, self.pages_label, self.next_button):
            navigation.addWidget(widget)
        navigation.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            navigation.addWidget(widget)
        finding = QHBoxLayout()
        finding.setSpacing(4)
        finding.addWidget(self.search, 1)
        for widget in (self.hits_label, self.previous_hit_button, self.next_hit_button):
            finding.addWidget(widget)
        finding.addWidget(self.cite_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.tabs)
        layout.addLayout(navigation)
        layout.addLayout(finding)
        layout.addWidget(self.stack, 1)

        renderer.opened.connect(self._opened)
        renderer.open_failed.connect(self._open_failed)
        renderer.found.connect(self._found)
        renderer.texts_read.connect(self._texts_read)
        self.retranslate()
        self.show_documents([])

    def _tool(self, text: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
        return button

    def retranslate(self) -> None:
        self.previous_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.page_box.setAccessibleName(self.tr("Page"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+minus)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl+plus)"))
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Fit the page to the width (Ctrl+0)"))
        self.search.setPlaceholderText(self.tr("Search in the document (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search in the document"))
        self.previous_hit_button.setAccessibleName(self.tr("Previous hit"))
        self.next_hit_button.setAccessibleName(self.tr("Next hit"))
        self.previous_hit_button.setToolTip(self.tr("Previous hit (Shift+Enter)"))
        self.next_hit_button.setToolTip(self.tr("Next hit (Enter)"))
        self.cite_button.setText(self.tr("Cite page"))
        self.tabs.setAccessibleName(self.tr("Documents of the alliance"))
        self.view.setAccessibleName(self.tr("Pages of the document"))
        self.text.setAccessibleName(self.tr("Text of the document"))
        self._show_zoom()
        self._show_hits()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # documents -----------------------------------------------------------------------------
    def show_documents(self, documents: list[Document], select: int | None = None) -> None:
        """The tabs of an alliance's documents; ``select`` a document id to show."""
        self._remember()
        self.documents = documents
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for document in documents:
            index = self.tabs.addTab(document.title)
            self.tabs.setTabToolTip(index, f"{document.title}\n{document.file_name}")
        self.tabs.blockSignals(False)
        self.document = None
        if not documents:
            self.view.clear()
            self._show_state()
            return
        chosen = next((n for n, d in enumerate(documents) if d.id == select), 0)
        self.tabs.setCurrentIndex(chosen)
        self._tab_chosen(chosen)

    def _tab_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.documents):
            return
        if self.document is not None and self.document.id == self.documents[index].id:
            return
        self._remember()
        self.document = self.documents[index]
        self.hits, self.hit = [], -1
        page, zoom = self._remembered(self.document)
        self.view.fit_width = zoom is None
        if zoom is not None:
            self.view.factor = zoom
        self.pending[self._key(self.document)] = self.pending.get(self._key(self.document), page)
        self.view.clear()
        if self.document.text_only:
            self._show_text(self.document)
        else:
            self.stack.setCurrentIndex(MESSAGE)
            self.message.setText(self.tr("Opening…"))
            self.message_action.hide()
            self.renderer.open(self._key(self.document))
        self._show_state()

    @staticmethod
    def _key(document: Document) -> str:
        return document.view_sha256 or document.sha256

    def open_document(self, document_id: int, page: int = 1) -> bool:
        """Show a document of those listed at ``page`` (from 1); False if it is not one."""
        index = next((n for n, d in enumerate(self.documents) if d.id == document_id), -1)
        if index < 0:
            return False
        document = self.documents[index]
        self.pending[self._key(document)] = page - 1
        if self.document is not None and self.document.id == document_id:
            self.show_page(page - 1)
        else:
            self.tabs.setCurrentIndex(index)
        return True

    def open_citation(self, note_text: str, position: int) -> bool:
        """Open the page the citation at ``position`` of a note names (if it names one)."""
        citation = citations.at(note_text, position)
        if citation is None:
            return False
        resolved = citations.resolve(citation.text, self.documents)
        document = resolved[0].document if resolved else None
        if document is None:
            return False
        return self.open_document(document.id, min(citation.page, max(document.pages, 1)))

    def _opened(self, sha: str, sizes: object) -> None:
        if self.document is None or self._key(self.document) != sha:
            return
        pages = list(sizes)  # type: ignore[call-overload]
        self.view.show_document(sha, pages)
        self.stack.setCurrentIndex(PAGES)
        self.page_box.setMaximum(max(1, len(pages)))
        page = self.pending.pop(sha, 0)
        self.view.go_to(page)
        self._page_changed(self.view.current_page())
        self._show_state()
        if self.query:
            self.run_search(move=False)

    def _open_failed(self, sha: str, message: str) -> None:
        if self.document is None or self._key(self.document) != sha:
            return
        self.stack.setCurrentIndex(MESSAGE)
        self.message.setText(message or self.missing_note or self.tr(
            "This document's content is not in this file."))  # fmt: skip
        self.message_action.setVisible(not message and bool(self.message_action.text()))
        self._show_state()

    def _show_text(self, document: Document) -> None:
        self.stack.setCurrentIndex(TEXT)
        texts = self.library.texts(document.sha256)
        self.page_box.setMaximum(max(1, len(texts)))
        self.show_page(self.pending.pop(document.sha256, 0))

    # pages ---------------------------------------------------------------------------------
    def page_count(self) -> int:
        if self.document is None:
            return 0
        if self.document.text_only:
            return max(1, len(self.library.texts(self.document.sha256)))
        return len(self.view.sizes)

    def current_page(self) -> int:
        """The page in view, from 0."""
        if self.document is not None and self.document.text_only:
            return self.page_box.value() - 1
        return self.view.current_page()

    def show_page(self, index: int) -> None:
        if self.document is None:
            return
        index = max(0, min(self.page_count() - 1, index))
        if self.document.text_only:
            texts = self.library.texts(self.document.sha256) or [""]
            empty = self.tr("(This page holds no text.)")
            self.text.setPlainText(texts[index] or empty)
            self._mark_text_hits(index)
            self._page_changed(index)
        else:
            self.view.go_to(index)

    def next_page(self) -> None:
        self.show_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.show_page(self.current_page() - 1)

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.pages_label.setText(f"/ {self.page_count()}")
        if self.document is not None:
            self.page_shown.emit(self.document.id, index + 1)
            if self.hits and not self.document.text_only:
                self._find_visible()  # the hits of pages scrolled into view

    def _show_zoom(self) -> None:
        fitting = self.view.fit_width
        self.zoom_label.setText(f"{round(self.view.scale() * 100)} %")
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(fitting)

    def _show_state(self) -> None:
        """Enable what applies to the document shown."""
        has = self.document is not None
        showing_pages = has and self.stack.currentIndex() in (PAGES, TEXT)
        navigating: tuple[QWidget, ...] = (
            self.previous_button, self.next_button, self.page_box, self.search,
            self.cite_button, self.previous_hit_button, self.next_hit_button,
        )  # fmt: skip
        for widget in navigating:
            widget.setEnabled(showing_pages)
        pages = has and self.stack.currentIndex() == PAGES
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            widget.setEnabled(pages)
        if not has:
            self.stack.setCurrentIndex(MESSAGE)
            self.message.setText(self.tr("No documents for this alliance."))
            self.message_action.hide()
            self.pages_label.setText("")

    # remembering ---------------------------------------------------------------------------
    def _remembered(self, document: Document) -> tuple[int, float | None]:
        text = str(QSettings().value(STATE_KEY + document.sha256, "") or "")
        page_text, _, zoom_text = text.partition("|")
        try:
            page = max(0, int(page_text) - 1)
        except ValueError:
            page = 0
        try:
            zoom = None if zoom_text in ("", "fit") else float(zoom_text)
        except ValueError:
            zoom = None
        return page, zoom

    def _remember(self) -> None:
        if self.document is None or self.stack.currentIndex() not in (PAGES, TEXT):
            return
        zoom = "fit" if self.view.fit_width else f"{self.view.factor:.2f}"
        QSettings().setValue(STATE_KEY + self.document.sha256, f"{self.current_page() + 1}|{zoom}")

    def save_state(self) -> None:
        self._remember()

    # citing ----------------------------------------------------------------------------------
    def citation(self) -> str:
        """The citation of the page in view (empty when no document is shown)."""
        if self.document is None or self.stack.currentIndex() not in (PAGES, TEXT):
            return ""
        return citations.cite(self.document.title, self.current_page() + 1)

    def cite(self) -> None:
        text = self.citation()
        if text:
            self.cite_requested.emit(text)

    # search ------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _texts(self) -> list[str]:
        if self.document is None:
            return []
        key = self.document.sha256 if self.document.text_only else self._key(self.document)
        texts = self.library.texts(key)
        if not texts and not self.document.text_only and self.view.sizes:
            self.renderer.read_texts(key)  # a file that keeps no texts: read them from the PDF
        return texts

    def _texts_read(self, sha: str, texts: object) -> None:
        self.library.set_texts(sha, list(texts))  # type: ignore[call-overload]
        if self.document is not None and self._key(self.document) == sha and self.query:
            self.run_search(move=False)

    def run_search(self, move: bool = True) -> None:
        """Find the query in every page's text (at once), mark the hits near the page in
        view first; ``move``: go to the first hit from the page in view on (not when a
        document was just opened at a page, say a cited one)."""
        self.query = self.search.text().strip()
        self.view.clear_boxes()
        self.hits, self.hit = [], -1
        if self.query and self.document is not None:
            needle = self.query.casefold()
            for page, text in enumerate(self._texts()):
                found = " ".join(text.split()).casefold().count(needle)
                self.hits += [(page, n) for n in range(found)]
            here = self.current_page()
            self.hit = next((n for n, (page, _) in enumerate(self.hits) if page >= here), 0)
            if self.hits and move:
                self._go_to_hit()
            elif self.hits and not self.document.text_only:
                self._find_visible()
        self._show_hits()
        if self.document is not None and self.document.text_only:
            self._mark_text_hits(self.current_page())

    def next_hit(self) -> None:
        if self.hits:
            self.hit = (self.hit + 1) % len(self.hits)
            self._go_to_hit()
            self._show_hits()

    def previous_hit(self) -> None:
        if self.hits:
            self.hit = (self.hit - 1) % len(self.hits)
            self._go_to_hit()
            self._show_hits()

    def _go_to_hit(self) -> None:
        page, number = self.hits[self.hit]
        if self.document is None:
            return
        if self.document.text_only:
            self.show_page(page)
            return
        if page in self.view.boxes:
            self.view.show_box(page, number)
        else:
            self.view.current_box = (page, number)
            self.view.go_to(page)
            self.renderer.find(self._key(self.document), page, self.query)
        self._find_visible()

    def _find_visible(self) -> None:
        """Ask for the hit boxes of the pages in view that have hits."""
        if self.document is None:
            return
        for other in self.view.visible_pages():
            if other not in self.view.boxes and any(p == other for p, _ in self.hits):
                self.renderer.find(self._key(self.document), other, self.query)

    def _found(self, sha: str, page: int, query: str, boxes: object) -> None:
        if self.document is None or self._key(self.document) != sha or query != self.query:
            return
        self.view.set_boxes(page, list(boxes))  # type: ignore[call-overload]
        if self.view.current_box is not None and self.view.current_box[0] == page:
            self.view.show_box(*self.view.current_box)

    def _show_hits(self) -> None:
        if not self.query:
            self.hits_label.setText("")
        elif not self.hits:
            self.hits_label.setText(self.tr("no hits"))
        else:
            self.hits_label.setText(f"{self.hit + 1} / {len(self.hits)}")

    def _mark_text_hits(self, page: int) -> None:
        marks = []
        if self.query:
            colour = QTextCharFormat()
            colour.setBackground(QColor(255, 220, 0, 160))
            document = self.text.document()
            cursor = QTextCursor(document)
            while not (cursor := document.find(self.query, cursor)).isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor, mark.format = cursor, colour
                marks.append(mark)
        self.text.setExtraSelections(marks)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter / Shift+Enter in the search field: next / previous hit (at once, even
        before the typing pause ends the search); Esc: back to the pages."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive() or self.search.text().strip() != self.query:
                    self._search_timer.stop()
                    self.run_search()
                elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:  # type: ignore[attr-defined]
                    self.previous_hit()
                else:
                    self.next_hit()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                self.focus_view()
                return True
        return False

    def event(self, event: QEvent) -> bool:
        # Ctrl+F inside the viewer searches the document (elsewhere it finds an alliance)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Find):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)

    def focus_view(self) -> None:
        target = self.text if self.document is not None and self.document.text_only else self.view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
