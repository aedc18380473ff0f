"""Keyboard first: the cursor starts where the work is, resumes where the reviewer left off,
a one-line hint says how to move, and Tab never walks the list into another alliance."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.reviewer_gui import open_window
from tests.reviewer_support import score_fully


def shown(qtbot, path: Path) -> tuple[MainWindow, ReviewerWorkspace]:
    window, ws = open_window(qtbot, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, ws


def test_opening_puts_the_cursor_in_the_first_unscored_indicator_of_the_first_unfinished(
    qtbot, reviewer_file: Path
):
    with ReviewerStore.open(reviewer_file) as store:
        alliances = store.alliances()
        score_fully(store, alliances[0].uid)
        store.set_done(alliances[0].uid, True)
        for code in ("1.1", "1.2"):
            store.set_score(alliances[1].uid, code, Fraction(2), "部分材料")
    window, ws = shown(qtbot, reviewer_file)
    target = ws.form.rows["1.3"].score_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    assert ws.form.uid == alliances[1].uid
    assert ws.table.currentIndex().row() == ws.proxy.row_of(alliances[1].uid)
    window.close_file()


def test_reopening_resumes_in_the_field_the_reviewer_left(qtbot, reviewer_file: Path):
    window, ws = shown(qtbot, reviewer_file)
    later = ws.session.alliances[4].uid
    ws.select_alliance(later)
    ws.form.focus_indicator("2.3", note=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.form.rows["2.3"].note_edit)
    window.close_file()
    assert window.open_path(reviewer_file)
    again = window.view
    assert isinstance(again, ReviewerWorkspace)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is again.form.rows["2.3"].note_edit)
    assert again.form.uid == later
    window.close_file()


def test_tab_never_changes_the_selected_alliance(qtbot, reviewer_file: Path):
    window, ws = shown(qtbot, reviewer_file)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    chosen = ws.session.alliances[3].uid
    ws.select_alliance(chosen)
    ws.table.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.table)
    qtbot.keyClick(ws.table, Qt.Key.Key_Tab)
    # from the list, Tab goes into the form: the first field of the shown alliance
    assert QApplication.focusWidget() is ws.form.rows["1.1"].score_edit
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert ws.form.uid == chosen
    # back to the list and Tab/Shift+Tab again: still the same alliance
    ws.table.setFocus(Qt.FocusReason.MouseFocusReason)
    for _ in range(6):
        qtbot.keyClick(ws.table, Qt.Key.Key_Tab)
        ws.table.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(ws.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert ws.form.uid == chosen
    assert ws.table.currentIndex().row() == ws.proxy.row_of(chosen)
    window.close_file()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_one_line_hint_says_how_to_move(qtbot, reviewer_file: Path, language: str):
    from PySide6.QtCore import QSettings

    from alliance_review.gui import i18n

    i18n.set_language(language)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        assert window.open_path(reviewer_file)
        ws = window.view
        assert isinstance(ws, ReviewerWorkspace)
        qtbot.waitUntil(lambda: ws.key_hint.width() > 0)
        hint = ws.key_hint.text()
        assert "Tab" in hint and "Ctrl+PgDown" in hint
        assert "Ctrl+Return" in hint or "Ctrl+回车" in hint  # Qt names the key in Chinese
        assert ws.key_hint.isVisibleTo(window)
        lines = (
            ws.key_hint.heightForWidth(ws.key_hint.width())
            / ws.key_hint.fontMetrics().lineSpacing()
        )
        assert lines < 2, (language, ws.key_hint.width(), hint)
        window.close_file()
    finally:
        QSettings().remove("ui/language")
        i18n.install()
