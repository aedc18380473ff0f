"""The file never holds a number the reviewer did not finish.

Typing "2.5" on a whole-point indicator saved "2" (each valid keystroke was saved), "44"
saved 4 and "10" saved 1 on a 0-6 indicator; Ctrl+Q then closed without a question and the
wrong number went into the signed submission. Now a score is committed when it is a
complete valid entry and the reviewer leaves the field; an invalid one is put back. Each
case is typed and then left with Tab, Ctrl+Q or kill -9, and the file read with sqlite3:
offscreen, and in a real X server with a window manager (xdotool's keys).
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from alliance_review.gui.reviewer.fields import FieldState
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.reviewer_gui import open_window, type_text
from tests.reviewer_support import issue_one
from tests.xserver import type_keys, x_server, xdotool

CODE = "1.2"  # 0-6, whole points
UNFINISHED = ["2.5", "44", "10", "-"]  # "2", "4" and "1" were saved on the way
ROOT = Path(__file__).parents[1]


@pytest.fixture
def reviewer_file(demo_round: Path, tmp_path: Path) -> Path:
    return issue_one(demo_round, tmp_path / "issued")


def on_disk(path: Path, uid: str, code: str = CODE) -> int | None:
    """The score's hundredths as another program reads the file (None: no score)."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT points_centi FROM score WHERE alliance_uid = ? AND indicator_code = ?",
            (uid, code),
        ).fetchone()
    finally:
        conn.close()
    return None if row is None else row[0]


def first_alliance(path: Path) -> str:
    with ReviewerStore.open(path) as store:
        return store.alliances()[0].uid


def scored_before(path: Path, points: int | None) -> str:
    uid = first_alliance(path)
    if points is not None:
        with ReviewerStore.open(path) as store:
            store.set_score(uid, CODE, Fraction(points), "")
    return uid


def active(qtbot, path: Path):  # type: ignore[no-untyped-def]
    window, ws = open_window(qtbot, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, ws


@pytest.mark.parametrize("before", [None, 3], ids=["unscored", "scored-3"])
@pytest.mark.parametrize("typed", UNFINISHED)
def test_an_unfinished_entry_left_with_tab_is_put_back(
    qtbot, reviewer_file: Path, typed: str, before: int | None
):
    uid = scored_before(reviewer_file, before)
    window, ws = active(qtbot, reviewer_file)
    ws.select_alliance(uid)
    row = ws.form.rows[CODE]
    edit = row.score_edit
    ws.form.focus_indicator(CODE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    edit.selectAll()
    type_text(edit, typed)
    assert edit.text() == typed and edit.state == FieldState.INVALID
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.note_edit
    expected = None if before is None else before * 100
    assert on_disk(reviewer_file, uid) == expected
    assert edit.text() == ("" if before is None else str(before))
    # said under the field and in the status bar
    assert row.score_message.isVisibleTo(ws) and f"“{typed}”" in row.score_message.text()
    assert f"“{typed}”" in window.status_label.text()
    window.close_file()
    assert on_disk(reviewer_file, uid) == expected


def test_a_finished_entry_is_saved_on_tab_and_not_before(qtbot, reviewer_file: Path):
    uid = first_alliance(reviewer_file)
    window, ws = active(qtbot, reviewer_file)
    ws.select_alliance(uid)
    edit = ws.form.rows[CODE].score_edit
    ws.form.focus_indicator(CODE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    type_text(edit, "5")
    assert on_disk(reviewer_file, uid) is None  # typed, not yet finished
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert on_disk(reviewer_file, uid) == 500
    window.close_file()


def test_a_pause_on_a_valid_entry_saves_it(qtbot, reviewer_file: Path):
    uid = first_alliance(reviewer_file)
    window, ws = active(qtbot, reviewer_file)
    ws.select_alliance(uid)
    edit = ws.form.rows[CODE].score_edit
    ws.form.focus_indicator(CODE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    type_text(edit, "4")
    qtbot.waitUntil(lambda: on_disk(reviewer_file, uid) == 400, timeout=10_000)
    assert QApplication.focusWidget() is edit  # still in the field
    window.close_file()


def test_ctrl_q_over_an_unfinished_entry_asks_and_a_finished_one_is_saved(
    qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch
):
    uid = scored_before(reviewer_file, 3)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    window, ws = active(qtbot, reviewer_file)
    ws.select_alliance(uid)
    edit = ws.form.rows[CODE].score_edit
    ws.form.focus_indicator(CODE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    edit.selectAll()
    type_text(edit, "2.5")
    qtbot.keyClick(edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    # asked; "go back" keeps the window open with the cursor in the field
    assert len(asked) == 1 and CODE in asked[0] and "“2.5”" in asked[0]
    assert window.isVisible() and window.view is ws
    assert QApplication.focusWidget() is edit and edit.text() == "2.5"
    assert on_disk(reviewer_file, uid) == 300
    # asked again, "close": the window closes and the file keeps 3
    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.keyClick(edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and not window.isVisible()
    assert on_disk(reviewer_file, uid) == 300

    # a finished entry is saved by Ctrl+Q without a question
    window, ws = active(qtbot, reviewer_file)
    ws.select_alliance(uid)
    edit = ws.form.rows[CODE].score_edit
    ws.form.focus_indicator(CODE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    edit.selectAll()
    type_text(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and not window.isVisible()
    assert on_disk(reviewer_file, uid) == 500


def child(path: Path, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.scoring_child", str(path), CODE, *args],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
    )


def wait_for(process: subprocess.Popen[str], wanted: str, limit: float = 90) -> list[str]:
    """Read the child's lines until one starts with ``wanted`` (the window has seen the
    keys); fail if it ends first, or says nothing of it for ``limit`` seconds (a guard
    against a hang, not a measure of speed)."""
    assert process.stdout is not None
    if id(process) not in _lines:
        _lines[id(process)] = _reader(process)  # one reader per process, for its life
    lines = _lines[id(process)]
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=limit)
        except queue.Empty:
            raise AssertionError(f"the window never said {wanted!r}: {seen}") from None
        assert line is not None, f"the window ended before {wanted!r}: {seen}"
        seen.append(line)
        if line.startswith(wanted):
            return seen


_lines: dict[int, queue.Queue[str | None]] = {}


def _reader(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    found: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.put(line.rstrip("\n"))
        found.put(None)

    threading.Thread(target=read, daemon=True).start()
    return found


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return dict(
        os.environ,
        PYTHONIOENCODING="utf-8",
        ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path / "config"),
        **extra,
    )


@pytest.mark.parametrize("typed", UNFINISHED)
def test_kill_9_after_typing_leaves_the_score_the_file_had(
    reviewer_file: Path, tmp_path: Path, typed: str
):
    uid = scored_before(reviewer_file, 3)
    process = child(
        reviewer_file, "--type", typed, env=child_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    )
    try:
        lines = wait_for(process, "typed")
        assert lines[-1] == f"typed {typed} INVALID"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert on_disk(reviewer_file, uid) == 300


@pytest.fixture
def display() -> Iterator[str]:
    with x_server() as name:
        yield name


def x_child(path: Path, tmp_path: Path, display: str) -> subprocess.Popen[str]:
    return child(
        path, env=child_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=display, XDG_SESSION_TYPE="")
    )


@pytest.mark.slow
def test_in_a_real_x_server_tab_and_ctrl_q_never_save_an_unfinished_score(
    reviewer_file: Path, tmp_path: Path, display: str
):
    uid = first_alliance(reviewer_file)
    process = x_child(reviewer_file, tmp_path, display)
    try:
        wait_for(process, f"focus {CODE}")
        # the window's shortcuts work from a score field (the line edit took Ctrl+E, its
        # "end of line" under X11)
        xdotool(display, "key", "ctrl+e")
        wait_for(process, "export")
        for typed in UNFINISHED:
            type_keys(display, typed)
            wait_for(process, f"text {CODE} {typed}")
            xdotool(display, "key", "Tab")  # leave the field: put back
            lines = wait_for(process, f"text {CODE}")
            assert lines[-1].strip() == f"text {CODE}"
            assert on_disk(reviewer_file, uid) is None, typed
            xdotool(display, "key", "shift+Tab")  # back into the score field
            wait_for(process, f"focus {CODE}")
        # Ctrl+Q over an unfinished entry asks; Esc goes back to the field
        type_keys(display, "2.5")
        wait_for(process, f"text {CODE} 2.5")
        xdotool(display, "key", "ctrl+q")
        wait_for(process, "question")
        xdotool(display, "key", "Escape")
        wait_for(process, f"focus {CODE}")
        assert process.poll() is None and on_disk(reviewer_file, uid) is None
        # corrected and quit: the finished score is saved without a question
        xdotool(display, "key", "ctrl+a")
        type_keys(display, "5")
        wait_for(process, f"text {CODE} 5")
        xdotool(display, "key", "ctrl+q")
        rest = wait_for(process, "quit")
        assert "question" not in rest
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    assert process.returncode == 0
    assert on_disk(reviewer_file, uid) == 500


@pytest.mark.slow
def test_in_a_real_x_server_kill_9_after_typing_saves_nothing(
    reviewer_file: Path, tmp_path: Path, display: str
):
    uid = first_alliance(reviewer_file)
    process = x_child(reviewer_file, tmp_path, display)
    try:
        wait_for(process, f"focus {CODE}")
        for typed in UNFINISHED:
            xdotool(display, "key", "ctrl+a")
            type_keys(display, typed)
            wait_for(process, f"text {CODE} {typed}")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert on_disk(reviewer_file, uid) is None


def test_the_message_under_a_field_near_the_bottom_is_scrolled_into_view(
    qtbot, reviewer_file: Path
):
    window, ws = active(qtbot, reviewer_file)
    window.resize(1000, 520)  # a short window: the last indicators are below the fold
    row = ws.form.rows["4.4"]
    edit = row.score_edit
    ws.form.focus_indicator("4.4")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    type_text(edit, "9")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    viewport = ws.form.scroll_area.viewport()

    def message_shown() -> bool:
        top_left = row.score_message.mapTo(viewport, row.score_message.rect().topLeft())
        bottom = top_left.y() + row.score_message.height()
        return row.score_message.isVisible() and 0 <= top_left.y() and bottom <= viewport.height()

    qtbot.waitUntil(message_shown)
    assert "“9”" in row.score_message.text()
    window.close_file()


def test_a_file_issued_anew_does_not_open_where_the_old_one_was_left(
    qtbot, demo_round: Path, tmp_path: Path
):
    old = issue_one(demo_round, tmp_path / "first")
    window, ws = active(qtbot, old)
    later = ws.session.alliances[5].uid
    ws.select_alliance(later)
    ws.form.focus_indicator("3.2")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.form.rows["3.2"].score_edit)
    window.close_file()
    assert window.open_path(old)  # the same file resumes there
    qtbot.waitUntil(lambda: window.view.form.uid == later)
    window.close_file()
    issued_anew = issue_one(demo_round, tmp_path / "second")
    assert window.open_path(issued_anew)
    ws = window.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.form.rows["1.1"].score_edit)
    assert ws.form.uid == ws.session.alliances[0].uid
    window.close_file()
