"""One window per file: a reviewer file open in one window (in this process or another, on
this computer or another one over a shared folder) opens read-only in a second one, after
saying who has it open; a lock left by a killed process is recognised and taken over.

The same file open in two windows ended up a mix of both (each window kept its own values).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.file_lock import LockedBanner
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.system import locks
from tests.gui_support import type_text
from tests.reviewer_gui import stored
from tests.reviewer_support import issue_one

ROOT = Path(__file__).parents[1]

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from alliance_review.system import locks
    got = locks.acquire(Path(sys.argv[1]))
    print("held" if isinstance(got, locks.FileLock) else "refused", flush=True)
    time.sleep(600)
    """
)


@pytest.fixture
def reviewer_file(demo_round: Path, tmp_path: Path) -> Path:
    return issue_one(demo_round, tmp_path / "issued")


def holding_process(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


def test_a_second_process_is_told_who_holds_the_file_and_a_killed_holder_is_stale(
    reviewer_file: Path,
):
    process = holding_process(reviewer_file)
    try:
        got = locks.acquire(reviewer_file)
        assert isinstance(got, locks.Holder)
        assert got.pid == process.pid and got.here and not got.this_process
        assert got.host == locks.host_name() and got.user == locks.user_name()
        assert locks.holder_of(reviewer_file) == got
    finally:
        kill(process)
    # killed with -9: its lock file is still there, but recognised as stale
    assert locks.lock_path(reviewer_file).exists()
    assert locks.holder_of(reviewer_file) is None
    mine = locks.acquire(reviewer_file)
    assert isinstance(mine, locks.FileLock)
    assert json.loads(locks.lock_path(reviewer_file).read_text())["pid"] == os.getpid()
    mine.release()
    assert not locks.lock_path(reviewer_file).exists()


def write_lock(target: Path, **fields: object) -> None:
    data = {"pid": 4242, "host": "PC-07", "user": "zhang", "started": "", "opened_at": ""}
    data.update(fields)
    locks.lock_path(target).write_text(json.dumps(data), encoding="utf-8")


def test_a_lock_from_another_computer_or_a_reused_process_id(reviewer_file: Path):
    # another computer (a shared folder): cannot be checked, so it holds
    write_lock(reviewer_file, opened_at="2026-12-06T01:12:00+00:00")
    holder = locks.acquire(reviewer_file)
    assert isinstance(holder, locks.Holder) and not holder.here and holder.host == "PC-07"
    taken = locks.acquire(reviewer_file, take_over=True)  # the user says it is switched off
    assert isinstance(taken, locks.FileLock)
    taken.release()
    # this computer, a running process id, another start time: the id was reused
    write_lock(reviewer_file, pid=os.getppid(), host=locks.host_name(), started="0:0")
    assert locks.holder_of(reviewer_file) is None
    # something that is no lock of ours: held by someone unknown, never removed by us
    locks.lock_path(reviewer_file).write_bytes(b"\x00\xff" * 10)
    unknown = locks.acquire(reviewer_file)
    assert isinstance(unknown, locks.Holder) and unknown.pid == 0
    assert locks.lock_path(reviewer_file).read_bytes() == b"\x00\xff" * 10


class Answer:
    """Stands in for the question: records its text and clicks the named button."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, button: str) -> None:
        self.texts: list[str] = []
        self.button = button

        def exec_(box: QMessageBox) -> int:
            self.texts.append(box.text())
            for candidate in box.buttons():
                if self.button in candidate.text() or (
                    self.button == "Cancel"
                    and box.buttonRole(candidate) == QMessageBox.ButtonRole.RejectRole
                ):
                    candidate.click()
                    return 0
            raise AssertionError(f"no button {self.button}")

        monkeypatch.setattr(QMessageBox, "exec", exec_)


def scoring_window_process(path: Path, tmp_path: Path) -> subprocess.Popen[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path / "other-config"),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.scoring_child", str(path), "1.2"],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None
    while not process.stdout.readline().startswith("focus"):
        assert process.poll() is None
    return process


def test_a_file_open_in_another_process_opens_read_only_and_after_a_kill_editable(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    process = scoring_window_process(reviewer_file, tmp_path)
    before = stored(reviewer_file)
    answer = Answer(monkeypatch, "只读")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(reviewer_file)
        ws = window.view
        assert isinstance(ws, ReviewerWorkspace)
        # said who has it open, and opened read-only under a banner
        assert len(answer.texts) == 1 and reviewer_file.name in answer.texts[0]
        assert "本机" in answer.texts[0] and locks.user_name() in answer.texts[0]
        assert ws.read_only and isinstance(ws.banner, LockedBanner)
        assert ws.banner.isVisibleTo(window) and "只读" in ws.banner.text.text()
        edit = ws.form.rows["1.2"].score_edit
        assert edit.isReadOnly()
        type_text(edit, "5")
        assert not ws.actions_by_name["mark_done"].isEnabled()
        window.close_file()
        assert stored(reviewer_file) == before
        # "Cancel": nothing opens
        answer.button = "Cancel"
        assert not window.open_path(reviewer_file) and window.view is None
    finally:
        kill(process)
    # the other window was killed: its lock is stale, the file opens for editing at once
    assert window.open_path(reviewer_file)
    ws = window.view
    assert isinstance(ws, ReviewerWorkspace) and not ws.read_only and ws.banner is None
    assert len(answer.texts) == 2
    window.close_file()
    assert not locks.lock_path(reviewer_file).exists()


def test_two_windows_of_one_process(qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch):
    answer = Answer(monkeypatch, "只读")
    first, second = MainWindow(), MainWindow()
    for window in (first, second):
        qtbot.addWidget(window)
        window.show()
    assert first.open_path(reviewer_file) and not answer.texts
    assert second.open_path(reviewer_file)
    assert len(answer.texts) == 1 and "本程序的另一个窗口" in answer.texts[0]
    assert isinstance(second.view, ReviewerWorkspace) and second.view.read_only
    # opening it again in the window that has it: no question, the same file editable
    assert first.open_path(reviewer_file) and len(answer.texts) == 1
    assert isinstance(first.view, ReviewerWorkspace) and not first.view.read_only
    second.close_file()
    first.close_file()
    assert not locks.lock_path(reviewer_file).exists()
