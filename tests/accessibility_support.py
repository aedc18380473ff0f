"""What an assistive technology reads: every visible input of a screen has a name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

INPUTS = (
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QAbstractButton,
    QSlider,
)


def unnamed(root: QWidget, where: str) -> list[str]:
    """Visible inputs under ``root`` whose accessible name is empty."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QHeaderView):  # read as part of its table
            continue
        if widget.objectName().startswith("qt_") or isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox)
        ):  # Qt's own parts of a compound widget
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            parent = type(widget.parent()).__name__ if widget.parent() else ""
            found.append(f"{where}: {type(widget).__name__} in {parent}")
    return found
