"""What the main window shows for an opened file: a round view or a reviewer workspace.

A view is a QWidget with an undo stack, its own menus, and a title. The main window
installs the menus of the active view and the undo/redo actions of its stack.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget


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

    def close_file(self) -> None:
        """Release the file; called before the view is dropped."""

    def release(self) -> None:
        """Stop the view's background work, then release the file (``close_file``)."""
        from alliance_review.gui import tasks

        tasks.abandon(self)
        self.close_file()
