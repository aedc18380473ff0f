"""A round's documents in a window of their own: the panel opens a cited page from the
drill-down, the secretary looks at what an alliance sent from the set-up page.

One dialog per open round (``open_documents`` reuses it); it renders in the background
like the reviewer's pane, reading the round file on connections of its own, and is
released when the round is closed (``release_for``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from alliance_review.gui import fit
from alliance_review.gui.documents.renderer import Renderer
from alliance_review.gui.documents.sources import Library, extractor
from alliance_review.gui.documents.viewer import DocumentViewer

if TYPE_CHECKING:  # round_view releases this dialog when the round closes
    from alliance_review.gui.round_view import RoundContext

_dialogs: dict[int, DocumentDialog] = {}
GEOMETRY_KEY, SCREEN_KEY = "documents/geometry", "documents/screen"
#: a remembered size smaller than this (or six tenths of a smaller screen) is not restored
SMALLEST_RESTORED = QSize(600, 480)


class DocumentDialog(QDialog):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.library = Library(context.store.conn)
        self.renderer = Renderer(extractor([context.path], [], self.library.sizes()), self)
        self.viewer = DocumentViewer(self.library, self.renderer)
        self.viewer.cite_button.hide()  # the panel reads; it does not write notes
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.viewer, 1)
        self.alliance_uid = ""
        self.released = False
        self.restore_geometry()
        self.retranslate()

    def restore_geometry(self) -> None:
        """The size it had when last closed on a screen of this size and scale, if it fits;
        else 900 x 760 or what the screen has room for."""
        fit.size_within_screen(self, 900, 760)
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if (
            isinstance(geometry, QByteArray)
            and not geometry.isEmpty()
            and settings.value(SCREEN_KEY, "") == fit.screen_signature(self)
        ):
            before = self.geometry()
            if not (
                self.restoreGeometry(geometry)
                and fit.fits(self.geometry(), self, SMALLEST_RESTORED)
            ):
                self.setGeometry(before)

    def remember_geometry(self) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        QSettings().setValue(SCREEN_KEY, fit.screen_signature(self))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Documents"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_alliance(self, uid: str, document_id: int | None = None, page: int = 1) -> None:
        if uid != self.alliance_uid:
            self.library.reload()
            self.alliance_uid = uid
            name = next((a.name for a in self.context.store.alliances() if a.uid == uid), "")
            self.heading.setText(name)
            self.viewer.show_documents(self.library.documents(uid), document_id)
        if document_id is not None:
            self.viewer.open_document(document_id, page)
        self.show()
        self.raise_()
        self.activateWindow()

    def release(self) -> None:
        if not self.released:
            self.released = True
            self.viewer.save_state()
            if self.isVisible():
                self.remember_geometry()
            self.renderer.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.viewer.save_state()
        self.remember_geometry()
        super().closeEvent(event)


def open_documents(
    parent: QWidget, context: RoundContext, uid: str, document_id: int | None = None, page: int = 1
) -> DocumentDialog:
    """Show an alliance's documents (at a document's page) in the round's dialog."""
    dialog = _dialogs.get(id(context))
    if dialog is None or dialog.released:
        dialog = DocumentDialog(context, parent.window())
        _dialogs[id(context)] = dialog
    dialog.show_alliance(uid, document_id, page)
    return dialog


def release_for(context: RoundContext) -> None:
    """The round is being closed: end its dialog's background work."""
    dialog = _dialogs.pop(id(context), None)
    if dialog is not None:
        dialog.release()
        dialog.close()
        dialog.deleteLater()
