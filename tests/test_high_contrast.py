"""High contrast (View > High contrast, or the system's setting): white on black, and no
text of the main screens is left in a colour that vanishes on its background.

Contrast is measured as WCAG does (relative luminance); 4.5:1 is the least for text.
The pictures: python packaging/screenshots.py --high-contrast --out DIR.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget

from alliance_review.gui import contrast, i18n
from alliance_review.gui.main_window import MainWindow
from tests.reviewer_support import issue_one


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def high_contrast(qapp):
    i18n.set_language("zh_CN")
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    contrast.apply(False)
    i18n.install()


def faint(root: QWidget, where: str) -> list[str]:
    """Texts whose colour is too close to their background's (palette colours)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.styleSheet():
            continue
        palette = widget.palette()
        if isinstance(widget, QLabel) and widget.text().strip():
            ink = palette.color(widget.foregroundRole())
            paper = palette.color(
                QPalette.ColorRole.Window
                if not widget.autoFillBackground()
                else widget.backgroundRole()
            )
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            ink = palette.color(QPalette.ColorRole.Text)
            paper = palette.color(QPalette.ColorRole.Base)
        else:
            continue
        if ratio(ink, paper) < 4.5:
            text = widget.text() if isinstance(widget, QLabel) else type(widget).__name__
            found.append(f"{where}: {text[:30]!r} {ink.name()} on {paper.name()}")
    return found


def test_high_contrast_is_white_on_black_and_hides_no_text(
    qtbot, high_contrast, demo_round: Path, tmp_path: Path
):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    window.action_registry["high_contrast"].trigger()  # View > High contrast
    assert QSettings().value("ui/high_contrast") in (True, "true")
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    # the file was shown afresh, so the reviewer's own colours follow the new palette
    workspace = window.view
    assert workspace is not None and window.role == "reviewer"
    workspace.next_unfinished()
    qtbot.waitUntil(lambda: workspace.form.uid is not None)
    problems = faint(window, "reviewer")
    window.open_path(demo_round)
    view = window.view
    panel = view.tab_by_name["panel"]
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=20_000)
    problems += faint(window, "panel")
    # cells the panel should look at keep a light fill: their text is black on it
    model = panel.overview.table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            fill = index.data(Qt.ItemDataRole.BackgroundRole)
            if fill is not None:
                ink = index.data(Qt.ItemDataRole.ForegroundRole)
                assert ink is not None and ratio(ink.color(), fill.color()) >= 4.5
    for name in ("setup", "results", "publish"):
        view.tabs.setCurrentWidget(view.tab_by_name[name])
        qtbot.wait(50)
        problems += faint(window, name)
    assert problems == [], "\n".join(problems)
    window.action_registry["high_contrast"].trigger()  # and back
    assert QApplication.palette().color(QPalette.ColorRole.Window) != QColor("#000000")


def test_evidence_item_boxes_show_in_high_contrast_ticked_or_not(
    qtbot, high_contrast, demo_round: Path, tmp_path: Path
):
    """The evidence items' check boxes were black on black in high contrast."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    window.action_registry["high_contrast"].trigger()
    workspace = window.view
    row = workspace.form.rows["1.1"]
    box = next(iter(row.item_boxes.values()))
    qtbot.waitUntil(box.isVisible)
    style = box.style()
    from PySide6.QtWidgets import QStyle

    side = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)

    def indicator_pixels() -> list[QColor]:
        image = box.grab().toImage()
        return [
            image.pixelColor(x, y)
            for x in range(min(side + 4, image.width()))
            for y in range(min(side + 4, image.height()))
        ]

    def bright(pixels: list[QColor]) -> int:
        return sum(1 for c in pixels if luminance(c) > 0.5)

    unticked = indicator_pixels()
    assert bright(unticked) >= side  # its frame shows on black
    box.setChecked(True)
    ticked = indicator_pixels()
    assert bright(ticked) > bright(unticked) + side  # and a tick shows more
    window.close_file()
    window.action_registry["high_contrast"].trigger()
