"""Helpers for tests that drive the window: typing as a person does, waiting for its
background work."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from alliance_review.gui import tasks


def type_text(widget: QWidget | None, text: str) -> None:
    """Type like a user, one key per character, as an input method delivers Chinese
    (``qtbot.keyClicks`` aborts on non-ASCII text)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def settle(qtbot: Any, timeout: int = 30_000) -> None:
    """Wait until every task of the window (merges, exports, recomputations) has ended
    and its result has been shown; the event loop runs meanwhile, as for a user."""
    qtbot.waitUntil(tasks.idle, timeout=timeout)
    qtbot.wait(1)  # the callbacks' own follow-ups (a queued recomputation) start here
    qtbot.waitUntil(tasks.idle, timeout=timeout)


def open_in_window(qtbot: Any, path: Any) -> Any:
    """The main window, shown, with ``path`` opened as a user opens it and settled."""
    from alliance_review.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    settle(qtbot)
    return window


def make_window(qtbot: Any) -> Any:
    """The main window, shown, with no file open (the start page)."""
    from alliance_review.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def open_setup(qtbot: Any, path: Any) -> tuple[Any, Any]:
    """The main window on ``path``, and its set-up tab."""
    window = make_window(qtbot)
    assert window.open_path(path)
    return window, window.view.tab_by_name["setup"]


def answering_yes(monkeypatch: Any) -> list[str]:
    """Every question the window asks (``QMessageBox.question``) answered Yes; the list
    of their texts, filled as they are asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def open_roster_import(qtbot: Any, round_path: Any, monkeypatch: Any, table: Any) -> Any:
    """The window on ``round_path`` and its roster page's import preview of ``table``, as
    a person opens it: the Import… button, ``table`` chosen in the file dialog.
    Returns (window, page, preview dialog)."""
    from PySide6.QtWidgets import QFileDialog

    window, tab = open_setup(qtbot, round_path)
    page = tab.show_page("roster")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(table), ""))
    qtbot.mouseClick(page.buttons["import"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    return window, page, dialog
