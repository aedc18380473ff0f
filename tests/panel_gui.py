"""Helpers for tests that drive the panel (the meeting screen) in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.panel.merge_dialog import MergeDialog
from alliance_review.gui.panel.tab import PanelTab
from tests.gui_support import settle


def open_panel(qtbot, path: Path) -> tuple[MainWindow, PanelTab]:  # type: ignore[no-untyped-def]
    i18n.set_language("en")  # the assertions read English texts, whatever the system or order
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path)
    panel = window.view.tab_by_name["panel"]
    window.view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    return window, panel


def merge_in_window(qtbot, panel: PanelTab, folder: Path) -> MergeDialog:  # type: ignore[no-untyped-def]
    dialog = panel.merge_files()
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    dialog.dropEvent(
        QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    settle(qtbot)
    return dialog


def open_drilldown(qtbot, panel: PanelTab, name: str) -> None:  # type: ignore[no-untyped-def]
    panel.overview.search.setText(name)
    table = panel.overview.table
    rect = table.visualRect(table.model().index(0, 1))
    # a double-click is a press, a release and a double-click event on the same cell
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.pages.currentWidget() is panel.drilldown
