"""High contrast: white text on black, yellow and cyan accents (like Windows' "High
Contrast Black"), chosen in View > High contrast or taken from the system's setting.

Widgets that colour themselves (warning fills, status words, the reviewer's muted texts)
ask here: ``ink_on(fill)`` gives the text colour readable on a fill, ``tone(normal,
bright)`` a status colour that stays readable on black, and ``active()`` tells whether
to leave the palette's own text colours alone.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_state: dict[str, object] = {"active": False, "style": None, "palette": None}

BLACK, WHITE = QColor("#000000"), QColor("#ffffff")
YELLOW, CYAN, GREEN = QColor("#ffff00"), QColor("#1aebff"), QColor("#3ff23f")


# Fields and buttons framed in white, the focused one in yellow: on black, the palette
# alone leaves an empty field invisible. Only while high contrast is on (a style sheet on
# the whole tree costs start-up time).
FRAMES = """
QLineEdit, QPlainTextEdit, QTextEdit { border: 1px solid #c8c8c8; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus { border: 2px solid #ffff00; }
QPushButton, QCommandLinkButton { border: 1px solid #ffffff; padding: 4px 10px; }
QPushButton:focus, QCommandLinkButton:focus { border: 2px solid #ffff00; }
QPushButton:disabled { border: 1px dashed #3ff23f; }
QCheckBox::indicator { width: 13px; height: 13px; border: 2px solid #ffffff; background: #000000; }
QCheckBox::indicator:checked { background: #ffff00; border: 2px solid #ffffff; }
QCheckBox::indicator:disabled { border: 2px dashed #3ff23f; }
QCheckBox:focus { outline: 1px solid #ffff00; }
"""


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, BLACK),
        (roles.WindowText, WHITE),
        (roles.Base, BLACK),
        (roles.AlternateBase, QColor("#1c1c1c")),
        (roles.Text, WHITE),
        (roles.Button, BLACK),
        (roles.ButtonText, WHITE),
        (roles.BrightText, YELLOW),
        (roles.Highlight, CYAN),
        (roles.HighlightedText, BLACK),
        (roles.ToolTipBase, BLACK),
        (roles.ToolTipText, YELLOW),
        (roles.PlaceholderText, QColor("#c8c8c8")),
        (roles.Link, YELLOW),
        (roles.LinkVisited, QColor("#ffb4ff")),
        (roles.Light, WHITE),
        (roles.Midlight, QColor("#d0d0d0")),
        (roles.Mid, QColor("#a0a0a0")),
        (roles.Dark, WHITE),
        (roles.Shadow, WHITE),
    ):
        palette.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, GREEN)  # Windows' high contrast marks disabled so
    return palette


def system_prefers() -> bool:
    """The platform's accessibility setting asks for high contrast (Qt 6.10 and later)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = getattr(Qt, "ContrastPreference", None)
    return bool(
        preference is not None and accessibility().contrastPreference() == preference.HighContrast
    )


def chosen() -> bool:
    value = QSettings().value("ui/high_contrast", None)
    if value is None:
        return system_prefers()
    return str(value).lower() in ("true", "1")


def active() -> bool:
    return bool(_state["active"])


def apply(on: bool) -> None:
    """Switch the whole application's palette (Fusion style, which follows it fully)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _state["palette"] is None:
        _state["palette"] = QPalette(app.palette())
        _state["style"] = app.style().name()
    if on:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(FRAMES)
    else:
        app.setStyleSheet("")
        app.setStyle(QStyleFactory.create(str(_state["style"])))
        app.setPalette(_state["palette"])  # type: ignore[arg-type]
    _state["active"] = on


def set_high_contrast(on: bool) -> None:
    QSettings().setValue("ui/high_contrast", on)
    apply(on)


def install() -> None:
    """At start-up: the saved choice, or the system's."""
    if chosen():
        apply(True)


def ink_on(fill: QColor) -> QBrush:
    """Text readable on ``fill``: black on light fills, white on dark ones."""
    return QBrush(BLACK if fill.lightnessF() > 0.5 else WHITE)


def tone(normal: str, bright: str) -> str:
    """A status colour: ``normal`` on the usual light window, ``bright`` on black."""
    return bright if active() else normal
