"""The window opens at a size that fits the screen, on the tab that fits the round's state,
and remembers the widths the user gives the reviewer list's columns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.alliance_list import AllianceListModel
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.services.panel import set_locked
from alliance_review.storage.round_store import RoundStore
from tests.reviewer_support import issue_one


def opened(qtbot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    return window


def current_tab(window: MainWindow) -> str:
    view = window.view
    return next(n for n, t in view.tab_by_name.items() if view.tabs.currentWidget() is t)


def test_a_round_opens_on_the_tab_for_its_state(qtbot, demo_round: Path, tmp_path: Path):
    window = opened(qtbot, demo_round)  # reviewer files merged: the panel's meeting
    assert current_tab(window) == "panel"
    window.close_file()

    fresh = tmp_path / "new-round.sqlite"
    fresh.write_bytes(demo_round.read_bytes())
    conn = sqlite3.connect(fresh)
    conn.execute("DELETE FROM decision")
    conn.execute("DELETE FROM score")
    conn.commit()
    conn.close()
    window = opened(qtbot, fresh)  # nothing merged yet: setting up
    assert current_tab(window) == "setup"
    window.close_file()

    with RoundStore.open(demo_round) as store:
        set_locked(store, True)
    window = opened(qtbot, demo_round)  # locked as final: publishing
    assert current_tab(window) == "publish"
    window.close_file()


def test_the_first_window_fits_the_screen(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.width() >= min(1024, int(room.width() * 0.9))


def test_the_reviewer_lists_column_widths_are_remembered(qtbot, demo_round: Path, tmp_path: Path):
    path = issue_one(demo_round, tmp_path / "issued")
    window = opened(qtbot, path)
    ws = window.view
    assert isinstance(ws, ReviewerWorkspace)
    header = ws.table.horizontalHeader()
    assert header.isSectionHidden(AllianceListModel.BATCH)  # shown on request (header menu)
    header.setSectionHidden(AllianceListModel.BATCH, False)
    header.resizeSection(AllianceListModel.STATUS, 133)
    window.close_file()
    assert window.open_path(path)
    again = window.view
    assert isinstance(again, ReviewerWorkspace)
    header = again.table.horizontalHeader()
    assert header.sectionSize(AllianceListModel.STATUS) == 133
    assert not header.isSectionHidden(AllianceListModel.BATCH)
    window.close_file()
