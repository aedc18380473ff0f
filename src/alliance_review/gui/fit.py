"""Windows and dialogs that fit the screen they open on, at its current scale.

A dialog asks for a comfortable size, and gets it where the screen has room; on a small or
scaled screen (1024x700, or 200 % scaling, which halves the room in Qt's pixels) it is made
as large as the screen's available area allows, with its content scrolling inside, so its
buttons can always be reached. A saved window geometry is restored only when it was saved
on a screen of the same size and scale and still fits (``screen_signature``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

#: room kept free around a window: its frame and title bar, which Qt does not count
FRAME = QSize(16, 48)


def screen_of(widget: QWidget | None) -> QScreen | None:
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


def room(widget: QWidget | None) -> QRect:
    """The area a window of ``widget`` may take: the screen's, without panels and frame."""
    screen = screen_of(widget)
    if screen is None:
        return QRect(0, 0, 1280, 800)
    area = screen.availableGeometry()
    return QRect(area.x(), area.y(), area.width() - FRAME.width(), area.height() - FRAME.height())


def fitted(wanted: QSize, space: QRect) -> QSize:
    return QSize(min(wanted.width(), space.width()), min(wanted.height(), space.height()))


def size_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to width x height, or to what its screen has room for."""
    space = room(widget)
    widget.resize(fitted(QSize(width, height), space))
    # a layout's minimum larger than the screen would push the buttons out of it
    widget.setMaximumSize(max(space.width(), 200), max(space.height(), 150))


def keep_on_screen(widget: QWidget) -> None:
    """Move a shown window so that all of it is on its screen (its title bar first)."""
    space = room(widget)
    frame = widget.frameGeometry()
    x = max(space.left(), min(frame.x(), space.right() - frame.width()))
    y = max(space.top(), min(frame.y(), space.bottom() - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area (it scrolls when the dialog is made small)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def screen_signature(widget: QWidget | None) -> str:
    """The screen's available size and scale: a saved geometry belongs to one of them."""
    screen = screen_of(widget)
    if screen is None:
        return ""
    area = screen.availableGeometry()
    return f"{area.width()}x{area.height()}@{screen.devicePixelRatio():g}"


def fits(geometry: QRect, widget: QWidget | None, smallest: QSize) -> bool:
    """Whether a restored geometry is usable: on the screen, and not tiny (at least
    ``smallest``, or six tenths of a smaller screen)."""
    screen = screen_of(widget)
    if screen is None:
        return False
    area = screen.availableGeometry()
    return (
        geometry.width() >= min(smallest.width(), area.width() * 6 // 10)
        and geometry.height() >= min(smallest.height(), area.height() * 6 // 10)
        and geometry.width() <= area.width()
        and geometry.height() <= area.height()
        and area.intersects(geometry)
    )
