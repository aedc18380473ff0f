"""What the main window shows for an opened file: a round view or a reviewer workspace.

A view is a QWidget with an undo stack, its own menus, and a title. The main window
installs the menus of the active view and the undo/redo actions of its stack.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

#: events after which a page re-reads its file: a view whose file is closed ignores them
_REREADING = (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)


class _Released(QObject):
    """Swallows the events that would make a released view read its closed file (a
    language switched in another window reaches every widget, hidden ones included,
    before a view dropped with ``deleteLater`` is gone)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        return event.type() in _REREADING


class Declined(Exception):
    """Raised by a view's constructor when the user chose not to open the file after all
    (it is open elsewhere): nothing to say, nothing opened."""


class FileView(QWidget):
    """Base of the views; subclasses fill ``menus`` and keep ``undo_stack`` for every edit."""

    #: emitted when the view's title or status text changes
    status_changed = Signal(str)
    #: a Path: the view asks the window to open another file in its place
    open_requested = Signal(object)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.undo_stack = QUndoStack(self)

    def title(self) -> str:
        return self.path.name

    def menus(self) -> list[QMenu]:
        return []

    def file_actions(self) -> list[QAction]:
        """Actions the view adds to the File menu (e.g. Merge reviewer files)."""
        return []

    def accept_files(self, paths: list[Path]) -> bool:
        """Take files dropped on the window (True) instead of opening them in its place."""
        return False

    def may_close(self) -> bool:
        """Whether the view may be closed now (it may ask the user first: an unfinished
        entry); False keeps the file open."""
        return True

    def close_file(self) -> None:
        """Release the file; called before the view is dropped."""

    def release(self) -> None:
        """Stop the view's background work, then release the file (``close_file``)."""
        from alliance_review.gui import tasks

        tasks.abandon(self)
        self.close_file()
        self._released = _Released(self)
        for widget in (self, *self.findChildren(QWidget)):
            widget.installEventFilter(self._released)
        tasks.thaw()
