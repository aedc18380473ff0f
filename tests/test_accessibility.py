"""Accessibility: every input of every screen and dialog has a name a screen reader reads
(its own accessible name, its text, or its label's), in both languages; forms are
walked by Tab in the order they read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
)

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from tests.accessibility_support import unnamed
from tests.reviewer_support import issue_one


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    i18n.set_language(request.param)
    yield request.param
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.set_language("zh_CN")
    i18n.install()


def settle(qtbot, ms: int = 50) -> None:
    qtbot.wait(ms)


def test_every_input_of_every_screen_has_an_accessible_name(
    qtbot, language, demo_round: Path, tmp_path: Path
):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    problems = unnamed(window, "start page")
    window.new_round()
    problems += unnamed(window.new_round_dialog, "new round")
    window.new_round_dialog.reject()
    problems += unnamed(window.show_about(), "about")
    problems += unnamed(window.show_shortcuts(), "shortcuts")
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    workspace = window.view
    workspace.next_unfinished()
    qtbot.waitUntil(lambda: workspace.form.uid is not None)
    problems += unnamed(window, "reviewer")
    window.close_file()
    window.open_path(demo_round)
    view = window.view
    for name, tab in view.tab_by_name.items():
        view.tabs.setCurrentWidget(tab)
        settle(qtbot)
        if name == "setup":
            for page in tab.pages:
                tab.show_page(page)
                problems += unnamed(window, f"set-up/{page}")
        elif name == "panel":
            qtbot.waitUntil(lambda t=tab: t.analysis is not None, timeout=20_000)
            for index in range(tab.pages.count()):
                tab.pages.setCurrentIndex(index)
                settle(qtbot)
                problems += unnamed(window, f"panel/{tab.pages.tabText(index)}")
            uid = tab.analysis.result.ranking[0].alliance.uid
            tab.open_alliance(uid)
            problems += unnamed(window, "panel/alliance detail")
            decision = tab.decide(uid, "1.1")
            problems += unnamed(decision, "decision dialog")
            decision.reject()
            method = tab.change_method()
            problems += unnamed(method, "consensus method")
            method.reject()
            merge = tab.merge_files()
            problems += unnamed(merge, "merge")
            merge.close()
        else:
            problems += unnamed(window, name)
    assert problems == [], "\n".join(problems)


def test_the_scoring_form_is_walked_by_tab_in_reading_order(
    qtbot, demo_round: Path, tmp_path: Path
):
    """Tab goes score → note → next indicator's score, top to bottom, as the form reads;
    the accessible names say which indicator each field belongs to."""
    i18n.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    form = window.view.form
    window.view.start_scoring()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    rows = list(form.rows.values())
    expected = [f for row in rows for f in (row.score_edit, row.note_edit)]
    visited = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected
    tops = [f.mapTo(form, f.rect().topLeft()).y() for f in visited[::2]]
    assert tops == sorted(tops)
    first = rows[0]
    label = f"{first.indicator.code} {first.indicator.name}"
    assert first.score_edit.accessibleName() == f"评分：{label}"
    assert first.note_edit.accessibleName().startswith("评分依据：")
