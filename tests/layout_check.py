"""Find text that does not fit on screen: labels, buttons, tabs, headers and list items cut
off, and layouts squeezed below their minimum (where widgets overlap).

Used by the screenshot run (``tests/screens.py``); each problem is one line naming the
widget, its text and the room it has, so a failure says what to fix.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QScrollArea,
    QTabBar,
    QToolButton,
    QWidget,
)

TOLERANCE = 1  # pixels of rounding (scaled fonts)


def _name(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 3:
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(chain))


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"needs {needed}px of height, has {label.height()}"
        return None
    hint = label.sizeHint()
    if hint.width() > label.width() + TOLERANCE or hint.height() > label.height() + TOLERANCE:
        return f"needs {hint.width()}x{hint.height()}, has {room.width()}x{room.height()}"
    return None


def _button(button: QAbstractButton) -> str | None:
    if not button.text() or isinstance(button, QToolButton):
        return None
    hint = button.minimumSizeHint()
    if button.hasHeightForWidth():  # a wrapping text: the height its width needs
        needed = button.heightForWidth(button.width())
        if needed > button.height() + TOLERANCE:
            return f"needs {needed}px of height, has {button.height()}"
        return None
    if hint.width() > button.width() + TOLERANCE or hint.height() > button.height() + TOLERANCE:
        return f"needs {hint.width()}x{hint.height()}, has {button.width()}x{button.height()}"
    return None


def _tab_bar(bar: QTabBar) -> str | None:
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    if needed > bar.width() + TOLERANCE:
        return f"tabs need {needed}px, the bar has {bar.width()}"
    return None


def _header(header: QHeaderView) -> list[str]:
    if header.orientation() != Qt.Orientation.Horizontal:
        return []
    model = header.model()
    if model is None:
        return []
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        needed = header.sectionSizeFromContents(section).width()  # Qt's own measure
        if needed > header.sectionSize(section) + TOLERANCE:
            shown = text.replace("\n", " ")
            problems.append(f"column “{shown}” needs {needed}px, has {header.sectionSize(section)}")
    return problems


def _list(widget: QListWidget) -> list[str]:
    room = widget.viewport().width()
    metrics = widget.fontMetrics()
    problems = []
    for row in range(widget.count()):
        item = widget.item(row)
        needed = metrics.horizontalAdvance(item.text()) + 12
        if not item.icon().isNull():
            needed += widget.iconSize().width() + 4
        if needed > room + TOLERANCE:
            problems.append(f"item “{item.text()}” needs {needed}px, has {room}")
    return problems


def _squeezed(widget: QWidget) -> str | None:
    layout = widget.layout()
    if layout is None or isinstance(widget.parentWidget(), QScrollArea):
        return None
    minimum = layout.totalMinimumSize()
    if (
        minimum.width() > widget.width() + TOLERANCE
        or minimum.height() > widget.height() + TOLERANCE
    ):
        return (
            f"layout needs at least {minimum.width()}x{minimum.height()}, "
            f"has {widget.width()}x{widget.height()} (its children overlap or are cut)"
        )
    return None


def _scroll_area(area: QScrollArea) -> str | None:
    """Content wider than the view, with no horizontal scroll bar to reach it: cut off."""
    content = area.widget()
    if content is None or area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return None
    room = area.viewport().width()
    if content.width() > room + TOLERANCE:
        return f"content is {content.width()}px wide, the view {room}px (no horizontal scroll bar)"
    return None


def clipped(root: QWidget) -> list[str]:
    """Every text of ``root`` (as shown now) that is cut off, as one line each."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root) and widget is not root:
            continue
        found: list[str] = []
        if isinstance(widget, QLabel):
            found.append(_label(widget) or "")
        elif isinstance(widget, QAbstractButton):
            found.append(_button(widget) or "")
        elif isinstance(widget, QTabBar):
            found.append(_tab_bar(widget) or "")
        elif isinstance(widget, QHeaderView):
            found.extend(_header(widget))
        elif isinstance(widget, QListWidget):
            found.extend(_list(widget))
        elif isinstance(widget, QScrollArea):
            found.append(_scroll_area(widget) or "")
        elif isinstance(widget, QComboBox | QGroupBox):
            hint = widget.minimumSizeHint()
            if hint.width() > widget.width() + TOLERANCE:
                found.append(f"needs {hint.width()}px, has {widget.width()}")
        found.append(_squeezed(widget) or "")
        text = ""
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        for problem in filter(None, found):
            shown = f" “{text[:40]}”" if text else ""
            problems.append(f"{_name(widget)}{shown}: {problem}")
    return problems
