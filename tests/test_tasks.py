"""gui.tasks.run_task: no nested event loop, the garbage collector left on, results and
errors back on the GUI thread, a progress dialog after 0.3 s whose Cancel makes the work
raise, input held back until it shows, and each worker on a connection of its own."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QProgressDialog, QWidget

from alliance_review.core.errors import UserError
from alliance_review.gui import tasks

from .gui_support import settle


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    return widget


def progress_dialog() -> QProgressDialog | None:
    for widget in QApplication.allWidgets():
        if isinstance(widget, QProgressDialog) and widget.objectName() == "task_progress":
            if widget.isVisible():
                return widget
    return None


def test_run_task_returns_at_once_and_answers_on_the_gui_thread(qtbot, window):  # type: ignore[no-untyped-def]
    go = threading.Event()
    seen: dict[str, object] = {}

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.current_thread()
        seen["gc during work"] = gc.isenabled()
        assert go.wait(10)  # run_task must have returned for the test to set this
        return 7

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    task = tasks.run_task(window, "working", work, done)
    assert "result" not in seen  # returned while the work is still running
    assert gc.isenabled()  # the collector stays on in the GUI thread too
    go.set()
    settle(qtbot)
    assert seen["result"] == 7 and task.outcome == "done"
    assert seen["callback"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()
    assert seen["gc during work"] is True


def test_a_refusal_goes_to_on_error_on_the_gui_thread(qtbot, window):  # type: ignore[no-untyped-def]
    errors: list[tuple[BaseException, threading.Thread]] = []

    def work(progress):  # type: ignore[no-untyped-def]
        raise UserError("不行。", "No.")

    tasks.run_task(
        window,
        "working",
        work,
        lambda _r: None,
        on_error=lambda e: errors.append((e, threading.current_thread())),
    )
    settle(qtbot)
    assert [str(e) for e, _ in errors] == ["不行。"]
    assert errors[0][1] is threading.main_thread()


def test_no_dialog_for_short_work_a_dialog_after_300_ms_and_cancel_makes_the_work_raise(
    qtbot, window
):  # type: ignore[no-untyped-def]
    tasks.run_task(window, "quick", lambda progress: time.sleep(0.05), lambda _r: None)
    settle(qtbot)
    assert progress_dialog() is None
    steps: list[int] = []
    outcome: list[str] = []

    def long_work(progress):  # type: ignore[no-untyped-def]
        for step in range(1000):
            steps.append(step)
            if not progress(step, 1000):
                raise UserError("已取消。", "Cancelled.")
            time.sleep(0.01)
        return "finished"

    started = time.monotonic()
    task = tasks.run_task(
        window,
        "slow",
        long_work,
        lambda r: outcome.append(r),
        on_cancel=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(lambda: progress_dialog() is not None, timeout=5000)
    assert time.monotonic() - started >= 0.25
    dialog = progress_dialog()
    assert dialog is not None and dialog.labelText() == "slow"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: dialog.value() > 0)
    qtbot.mouseClick(task.cancel_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert outcome == ["cancelled"] and task.outcome == "cancelled"
    assert len(steps) < 1000  # the work stopped at its next progress report
    assert progress_dialog() is None


def test_cancelling_a_task_that_only_reads_ends_it_at_once(qtbot, window):  # type: ignore[no-untyped-def]
    release = threading.Event()
    outcome: list[str] = []
    task = tasks.run_task(
        window,
        "reading",
        lambda progress: release.wait(10),
        lambda _r: outcome.append("done"),
        on_cancel=lambda: outcome.append("cancelled"),
        reads_only=True,
    )
    qtbot.waitUntil(lambda: progress_dialog() is not None)
    qtbot.mouseClick(task.cancel_button, Qt.MouseButton.LeftButton)
    assert outcome == ["cancelled"] and progress_dialog() is None
    release.set()
    settle(qtbot)
    assert outcome == ["cancelled"]  # the late result is dropped


def test_input_to_the_window_is_held_back_until_the_dialog_shows(qtbot, window):  # type: ignore[no-untyped-def]
    field = QLineEdit(window)
    field.show()
    field.setFocus()
    release = threading.Event()
    tasks.run_task(window, "busy", lambda progress: release.wait(10), lambda _r: None)
    qtbot.keyClicks(field, "abc")  # typed while the work runs, before any dialog
    assert field.text() == ""
    release.set()
    settle(qtbot)
    qtbot.keyClicks(field, "abc")
    assert field.text() == "abc"


def test_a_background_task_shows_nothing_and_holds_nothing_back(qtbot, window):  # type: ignore[no-untyped-def]
    field = QLineEdit(window)
    field.show()
    release = threading.Event()
    tasks.run_task(
        window,
        "recomputing",
        lambda progress: release.wait(10),
        lambda _r: None,
        background=True,
    )
    qtbot.keyClicks(field, "abc")
    qtbot.wait(500)
    assert field.text() == "abc" and progress_dialog() is None
    release.set()
    settle(qtbot)


def test_a_closed_view_gets_no_callback(qtbot, window):  # type: ignore[no-untyped-def]
    release = threading.Event()
    called: list[object] = []
    task = tasks.run_task(
        window, "x", lambda progress: release.wait(10), called.append, background=True
    )
    tasks.abandon(window)
    release.set()
    settle(qtbot)
    assert called == [] and task.abandoned


def test_each_worker_reads_on_a_connection_of_its_own(qtbot, demo_round: Path, monkeypatch):  # type: ignore[no-untyped-def]
    import sqlite3

    from alliance_review.gui.main_window import MainWindow
    from alliance_review.gui.panel import tab as panel_tab

    seen: list[sqlite3.Connection] = []
    real = panel_tab.content_hash  # the first thing the panel's worker reads

    def watched(store):  # type: ignore[no-untyped-def]
        seen.append(store.conn)
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
            store.conn.execute("UPDATE round SET title = 'x'")
        return real(store)

    monkeypatch.setattr(panel_tab, "content_hash", watched)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_path(demo_round)
    window.view.tabs.setCurrentWidget(window.view.tab_by_name["panel"])
    settle(qtbot)
    assert seen and all(conn is not window.view.store.conn for conn in seen)


def test_the_windows_long_actions_run_in_workers(qtbot, demo_round: Path, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Reading and writing lists, ranking for a method preview, writing a new round: each
    in a worker thread, never on the GUI thread."""
    from PySide6.QtWidgets import QFileDialog

    from alliance_review.gui.main_window import MainWindow
    from alliance_review.gui.panel import method_dialog
    from alliance_review.gui.setup import new_round_dialog
    from alliance_review.services import roster_io

    threads: dict[str, str] = {}

    def watched(name, real):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            threads[name] = threading.current_thread().name
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(roster_io, "read_table", watched("read", roster_io.read_table))
    monkeypatch.setattr(roster_io, "export_roster", watched("export", roster_io.export_roster))
    monkeypatch.setattr(
        method_dialog, "preview_method", watched("method", method_dialog.preview_method)
    )
    monkeypatch.setattr(
        new_round_dialog,
        "new_round_from_files",
        watched("new", new_round_dialog.new_round_from_files),
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_path(demo_round)
    setup = window.view.tab_by_name["setup"]
    roster = setup.show_page("roster")
    out = tmp_path / "名单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    roster.export_roster()
    settle(qtbot)
    roster.import_roster(out)
    settle(qtbot)
    roster.import_dialog.reject()
    dialog = window.view.tab_by_name["panel"].change_method()
    dialog.combo.setCurrentIndex(dialog.combo.findData("median"))
    settle(qtbot)
    dialog.reject()
    setup.new_round()
    created = setup.new_round_dialog
    created.out.setText(str(tmp_path / "2016.sqlite"))
    created.create_round()
    settle(qtbot)
    assert set(threads) == {"read", "export", "method", "new"}
    assert threading.main_thread().name not in threads.values(), threads
