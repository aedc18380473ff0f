"""The last resort: an unexpected error in a slot or in a worker shows one dialog with a
short sentence, a details section and the log file's path; the log holds the traceback;
the window keeps working. Storage errors read as one sentence."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from alliance_review.gui import i18n, last_resort, tasks
from alliance_review.gui.main_window import MainWindow

from .gui_support import settle

pytestmark = pytest.mark.qt_no_exception_capture  # the app's own hook is under test


@pytest.fixture
def hooked(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ALLIANCE_REVIEW_LOG_DIR", str(tmp_path / "logs"))
    saved = sys.excepthook, threading.excepthook, sys.unraisablehook
    i18n.set_language("en")
    last_resort.install()
    yield tmp_path / "logs" / "alliance-review.log"
    sys.excepthook, threading.excepthook, sys.unraisablehook = saved
    for box in QApplication.topLevelWidgets():
        if box.objectName() == "last_resort":
            box.close()


def the_dialog(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "last_resort" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    assert len(found) == 1
    return found[0]


def close(qtbot, box: QMessageBox) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            not any(
                w.objectName() == "last_resort" and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
    )


def test_an_error_in_a_slot_shows_one_dialog_logs_it_and_the_window_goes_on(qtbot, hooked):  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    button = QPushButton("break", window)

    def broken() -> None:
        raise ZeroDivisionError("division by zero in a slot")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = the_dialog(qtbot)
    assert box.text() == (
        "Something unexpected went wrong. What was saved before stays saved; you can go on working."
    )
    assert str(hooked) in box.informativeText()
    assert "ZeroDivisionError: division by zero in a slot" in box.detailedText()
    assert "Traceback" in box.detailedText() and "in broken" in box.detailedText()
    logged = hooked.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero in a slot" in logged and "in broken" in logged
    # a second error while the dialog is open: still one dialog, counted, logged
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 more error" in box.informativeText())
    assert hooked.read_text(encoding="utf-8").count("ZeroDivisionError") == 4  # 2 per entry
    close(qtbot, box)
    # the window still works: its actions still run
    window.action_registry["language_zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    window.action_registry["language_en"].trigger()


def test_an_error_in_a_worker_is_shown_on_the_gui_thread(qtbot, hooked):  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()

    def work(_progress):  # type: ignore[no-untyped-def]
        raise KeyError("a bug in the worker")

    tasks.run_task(window, "working", work, lambda _result: None)
    settle(qtbot)
    box = the_dialog(qtbot)
    assert box.text().startswith("Something unexpected went wrong.")
    assert "KeyError: 'a bug in the worker'" in box.detailedText()
    assert "in work" in hooked.read_text(encoding="utf-8")
    close(qtbot, box)
    # the next task runs as usual
    results: list[int] = []
    tasks.run_task(window, "working", lambda _progress: 42, results.append)
    settle(qtbot)
    assert results == [42]


def test_an_error_in_a_plain_thread_is_logged_and_shown(qtbot, hooked):  # type: ignore[no-untyped-def]
    def run() -> None:
        raise RuntimeError("a thread of a library failed")

    thread = threading.Thread(target=run, name="library-thread")
    thread.start()
    thread.join()
    box = the_dialog(qtbot)
    assert "RuntimeError: a thread of a library failed" in box.detailedText()
    assert "in thread library-thread" in hooked.read_text(encoding="utf-8")
    close(qtbot, box)


def test_a_locked_database_reads_as_one_sentence(qtbot, hooked):  # type: ignore[no-untyped-def]
    button = QPushButton("save")
    qtbot.addWidget(button)

    def save() -> None:
        raise sqlite3.OperationalError("database is locked")

    button.clicked.connect(save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = the_dialog(qtbot)
    assert box.text() == (
        "The file is in use by another program or window (database is locked); try again "
        "in a moment. Nothing was changed."
    )
    assert "sqlite3.OperationalError: database is locked" in box.detailedText()
    close(qtbot, box)


def test_the_log_folder_is_the_users_log_folder_unless_overridden(monkeypatch):  # type: ignore[no-untyped-def]
    import platformdirs

    monkeypatch.delenv("ALLIANCE_REVIEW_LOG_DIR", raising=False)
    assert last_resort.log_dir() == Path(platformdirs.user_log_dir("alliance-review", False))
