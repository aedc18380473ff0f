"""How the workspace looks, set through fonts and palettes rather than a style sheet.

A style sheet on the whole tree made opening a file about 100 ms slower (every widget
is polished through it); fonts and palette colours cost nothing at start-up. Only the
primary button keeps a style sheet of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from alliance_review.gui import contrast

TEXT = "#1f2937"
MUTED = "#6b7280"
SOFT = "#4b5563"
ACCENT = "#1d4ed8"
HEADER_FILL = "#f5f7fa"
CATEGORY_FILL = "#e8eef6"
SELF_FILL = "#eef4ff"
SELF_TEXT = "#1e3a8a"
RULE = "#e5e7eb"
REQUIRED_FILL = "#fff4dc"
INVALID_FILL = "#fde8e8"
INVALID_TEXT = "#b91c1c"
CLEARING_FILL = "#fef3c7"
CLEARING_TEXT = "#92400e"

DONE_BUTTON = """
QPushButton { background: #2563eb; color: white; border: none; border-radius: 4px;
    padding: 6px 16px; font-weight: 600; }
QPushButton:hover { background: #1d4ed8; }
QPushButton:focus { border: 2px solid #93c5fd; }
"""
REOPEN_BUTTON = """
QPushButton { background: white; color: #2e7d4f; border: 1px solid #9ccfb0;
    border-radius: 4px; padding: 6px 16px; font-weight: 600; }
QPushButton:hover { background: #f0faf4; }
"""


def set_font(widget: QWidget, *, bold: bool = False, pixels: int | None = None) -> None:
    font = QFont(widget.font())
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    if pixels is not None:
        font.setPixelSize(pixels)
    widget.setFont(font)


def set_colour(widget: QWidget, text: str | None = None, fill: str | None = None) -> None:
    if contrast.active():  # the high-contrast palette's own colours, fills left out
        return
    palette = widget.palette()
    if text is not None:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        palette.setColor(QPalette.ColorRole.Text, QColor(text))
    if fill is not None:
        palette.setColor(QPalette.ColorRole.Window, QColor(fill))
    widget.setPalette(palette)
    widget.setAutoFillBackground(fill is not None)


def label(
    text: str = "",
    *,
    colour: str | None = None,
    fill: str | None = None,
    bold: bool = False,
    pixels: int | None = None,
    wrap: bool = False,
) -> QLabel:
    widget = QLabel(text)
    if bold or pixels is not None:
        set_font(widget, bold=bold, pixels=pixels)
    if colour is not None or fill is not None:
        set_colour(widget, colour, fill)
    widget.setWordWrap(wrap)
    return widget


def rule(colour: str = RULE) -> QFrame:
    """A one-pixel horizontal line."""
    line = QFrame()
    line.setFixedHeight(1)
    set_colour(line, fill=colour)
    return line


def set_required(widget: QWidget, required: bool) -> None:
    """Tint an input that must still be filled in."""
    palette = widget.palette()
    usual = QApplication.palette()  # the application's (high contrast: white on black)
    base = QColor(REQUIRED_FILL) if required else usual.color(QPalette.ColorRole.Base)
    palette.setColor(QPalette.ColorRole.Base, base)
    text = contrast.ink_on(base).color() if required else usual.color(QPalette.ColorRole.Text)
    palette.setColor(QPalette.ColorRole.Text, text)
    widget.setPalette(palette)


def tint_field(widget: QWidget, fill: str | None, text: str | None) -> None:
    """Colour an input that holds an unsaved entry; (None, None) gives it its own colours."""
    palette = widget.palette()
    standard = widget.style().standardPalette()
    palette.setColor(
        QPalette.ColorRole.Base,
        QColor(fill) if fill else standard.color(QPalette.ColorRole.Base),
    )
    palette.setColor(
        QPalette.ColorRole.Text,
        QColor(text) if text else standard.color(QPalette.ColorRole.Text),
    )
    widget.setPalette(palette)


def style_done_button(button: QPushButton, done: bool) -> None:
    button.setStyleSheet(REOPEN_BUTTON if done else DONE_BUTTON)


class Banner(QFrame):
    """A coloured strip across the top of the reviewer window: a text the reviewer can
    select and copy, then any buttons (``add_button``)."""

    def __init__(self, name: str, text: str, fill: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_colour(self, text, fill)
        self.text = label(colour=text, wrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(14, 8, 14, 8)
        self.row.setSpacing(10)
        self.row.addWidget(self.text, 1)

    def add_button(self, button: QPushButton) -> None:
        self.row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
