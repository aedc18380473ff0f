"""The window never freezes: during a 30-file merge, a 10,000-row appendix export and the
statistics of that round, a timer on the GUI thread shows no gap in which the GUI thread
ran our code for over 100 ms, nor one in which a worker of ours held it up for over 0.5 s
(see ``gap_meter``); a cancel leaves every file byte-identical.

Figures (longest gap, gaps and their cause) are printed: ``pytest -s`` shows them.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from tests.file_checks import digest

from .big_rounds import ranked_round, returned_files
from .gap_meter import GapMeter
from .gui_support import settle


@pytest.fixture(scope="module")
def thirty_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    return returned_files(tmp_path_factory.mktemp("thirty"))


@pytest.fixture(scope="module")
def ten_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ranked_round(tmp_path_factory.mktemp("ten-thousand") / "round.sqlite")


def content(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def open_window(qtbot, path: Path, tab: str) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path)
    window.view.tabs.setCurrentWidget(window.view.tab_by_name[tab])
    settle(qtbot, 120_000)
    return window


def press_cancel_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    def shown() -> QProgressDialog | None:
        return next(
            (
                w
                for w in QApplication.allWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()
            ),
            None,
        )

    qtbot.waitUntil(lambda: shown() is not None, timeout=20_000)
    dialog = shown()
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)


def test_a_thirty_file_merge_keeps_the_window_turning(qtbot, thirty_files, tmp_path):  # type: ignore[no-untyped-def]
    source, files = thirty_files
    round_path = shutil.copyfile(source, tmp_path / "round.sqlite")
    window = open_window(qtbot, round_path, "panel")
    panel = window.view.tab_by_name["panel"]
    dialog = panel.merge_files()
    qtbot.addWidget(dialog)
    with GapMeter() as meter:
        dialog.add_paths([files[0].parent])  # the preview reads all 30 files
        settle(qtbot, 120_000)
        assert dialog.summary.text() == "30 file(s): 30 ready to merge, 0 refused."
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        settle(qtbot, 120_000)  # the merge, then the panel's recomputation
    print("\n30-file merge:", meter.report())
    assert dialog.summary.text() == "30 merged, 0 refused."
    assert panel.overview.table.model().rowCount() == 600
    assert meter.ours() == [], meter.report()


def test_cancelling_the_merge_leaves_every_file_byte_identical(qtbot, thirty_files, tmp_path):  # type: ignore[no-untyped-def]
    source, files = thirty_files
    round_path = shutil.copyfile(source, tmp_path / "round.sqlite")
    window = open_window(qtbot, round_path, "panel")
    dialog = window.view.tab_by_name["panel"].merge_files()
    qtbot.addWidget(dialog)
    dialog.add_paths([files[0].parent])
    settle(qtbot, 120_000)
    before = {p: digest(p) for p in [round_path, *files]}
    rows = content(round_path)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    press_cancel_when_shown(qtbot)
    settle(qtbot, 120_000)
    assert "Cancelled: no file was merged" in dialog.summary.text()
    assert {p: digest(p) for p in before} == before
    assert content(round_path) == rows


def test_a_ten_thousand_row_appendix_and_the_statistics_keep_the_window_turning(  # type: ignore[no-untyped-def]
    qtbot, ten_thousand, tmp_path, monkeypatch
):
    round_path = shutil.copyfile(ten_thousand, tmp_path / "round.sqlite")
    window = open_window(qtbot, round_path, "setup")
    tab = window.view.tab_by_name["publish"]
    with GapMeter() as meter:
        window.view.tabs.setCurrentWidget(tab)  # the statistics are computed when shown
        settle(qtbot, 120_000)
        assert "10000 took part" in tab.statistics_view.text.toPlainText()
        out = tmp_path / "appendix.pdf"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
        )
        tab.export_pdf_button.click()
        settle(qtbot, 300_000)
    print("\n10,000-row appendix and statistics:", meter.report())
    assert out.exists() and str(out) in tab.status.text()
    assert meter.ours() == [], meter.report()


def test_cancelling_the_big_export_writes_nothing_and_leaves_the_round(
    qtbot, ten_thousand, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    round_path = shutil.copyfile(ten_thousand, tmp_path / "round.sqlite")
    window = open_window(qtbot, round_path, "publish")
    tab = window.view.tab_by_name["publish"]
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "appendix.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    before = digest(round_path)
    tab.export_pdf_button.click()
    press_cancel_when_shown(qtbot)
    settle(qtbot, 300_000)
    assert list(folder.iterdir()) == [] and "Cancelled" in tab.status.text()
    assert digest(round_path) == before
