"""Pseudo-localisation: with every string accented and 40 % longer (packaging/pseudo.py),
no label or button of the main screens is cut off, no column title is squeezed below its
text, the windows still fit a 1280x800 screen, and every menu went through tr().

The pictures of the same run: python packaging/screenshots.py --pseudo --out DIR.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLabel, QPushButton, QRadioButton, QWidget

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow, menu_titles
from tests.reviewer_support import issue_one

ROOT = Path(__file__).parents[1]
SCREEN = (1280, 800)


@pytest.fixture
def pseudo_language(qapp, tmp_path_factory, monkeypatch):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import pseudo  # packaging/pseudo.py
    finally:
        sys.path.pop(0)
    folder = pseudo.build(tmp_path_factory.mktemp("pseudo"))
    monkeypatch.setenv("ALLIANCE_REVIEW_EXTRA_I18N", str(folder))
    i18n.install(pseudo.LANGUAGE)
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    os.environ.pop("ALLIANCE_REVIEW_EXTRA_I18N", None)
    i18n.install()


def cut_off(root: QWidget, where: str) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            if widget.textFormat() != Qt.TextFormat.RichText:
                if widget.width() + 1 < widget.sizeHint().width():
                    found.append(f"{where}: label {widget.text()[:30]!r}")
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
            if widget.width() + 1 < widget.sizeHint().width():
                found.append(f"{where}: {type(widget).__name__} {widget.text()[:30]!r}")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model, metrics = widget.model(), widget.fontMetrics()
            for column in range(widget.count() if model is not None else 0):
                mode = widget.sectionResizeMode(column)
                if widget.isSectionHidden(column) or mode == QHeaderView.ResizeMode.Interactive:
                    continue  # a column the user widens (and the table scrolls)
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                needed = max((metrics.horizontalAdvance(t) for t in title.split("\n")), default=0)
                if widget.sectionSize(column) + 3 < needed:
                    found.append(f"{where}: column {title[:30]!r}")
    return found


def test_long_strings_are_never_cut_off_on_the_main_screens(
    qtbot, pseudo_language, demo_round: Path, tmp_path: Path
):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    assert all(title.startswith("[") for title in menu_titles(window)), menu_titles(window)
    problems = cut_off(window, "start page")
    sizes = {"start page": window.minimumSizeHint()}
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    workspace = window.view
    workspace.next_unfinished()
    qtbot.waitUntil(lambda: workspace.form.uid is not None)
    qtbot.wait(50)
    problems += cut_off(window, "reviewer")
    sizes["reviewer"] = window.minimumSizeHint()
    assert all(title.startswith("[") for title in menu_titles(window)), menu_titles(window)
    window.close_file()
    window.open_path(demo_round)
    view = window.view
    for name, tab in view.tab_by_name.items():
        view.tabs.setCurrentWidget(tab)
        qtbot.wait(50)
        if name == "setup":
            for page in tab.pages:
                tab.show_page(page)
                problems += cut_off(window, f"set-up/{page}")
        elif name == "panel":
            qtbot.waitUntil(lambda t=tab: t.analysis is not None, timeout=20_000)
            for index in range(tab.pages.count()):
                tab.pages.setCurrentIndex(index)
                qtbot.wait(50)
                problems += cut_off(window, f"panel/{index}")
        else:
            problems += cut_off(window, name)
    sizes["round"] = window.minimumSizeHint()
    window.new_round()
    problems += cut_off(window.new_round_dialog, "new round")
    window.new_round_dialog.reject()
    assert problems == [], "\n".join(problems)
    for screen, size in sizes.items():
        assert size.width() <= SCREEN[0] and size.height() <= SCREEN[1], (screen, size)
