"""Helpers of the reviewer window tests: open the real window, type like a person, read the
file with sqlite3, and stand in for the modal message boxes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace


def stored(path: Path) -> dict[tuple[str, str], tuple[int | None, str]]:
    """What is on disk right now, read by another connection."""
    conn = sqlite3.connect(path)
    try:
        return {
            (a, c): (p, n)
            for a, c, p, n in conn.execute(
                "SELECT alliance_uid, indicator_code, points_centi, note FROM score"
            )
        }
    finally:
        conn.close()


def drop(window: MainWindow, path: Path) -> None:
    """Drop a file on the window as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def open_window(qtbot, path: Path) -> tuple[MainWindow, ReviewerWorkspace]:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    workspace = window.view
    assert isinstance(workspace, ReviewerWorkspace)
    return window, workspace


class Dialogs:
    """Stand-ins for the modal message boxes; they record what the reviewer was told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a: self.warnings.append(a[2]))
        monkeypatch.setattr(QMessageBox, "information", lambda *a: self.infos.append(a[2]))

        def question(*args: object) -> QMessageBox.StandardButton:
            self.questions.append(str(args[2]))
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", question)
