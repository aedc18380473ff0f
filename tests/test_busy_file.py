"""Readers never fail because another process reads or writes the same file (issue 23).

A round is open in the window while other processes (the command line, as a user runs
it) merge reviewer files into it and export it, and the panel's analysis and the ranking
are recomputed after edits meanwhile: nothing fails, no dialog interrupts, and at the end
the window shows what the file holds. A reader waits for a writer that holds the file
(a busy timeout) and a background read that finds the file busy is tried again, a few
times; one that still fails says so in the panel's status line, not in a dialog.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.conftest import run_cli
from tests.gui_support import open_in_window, settle

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
if sys.argv[3] == "readers too":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE round SET title = title")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
conn.close()
"""


def hold(path: Path, seconds: float, readers_too: bool = False) -> subprocess.Popen[str]:
    """Another program writing the file for ``seconds``: other writers wait, and with
    ``readers_too`` (SQLite's exclusive locking) every reader waits as well."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds),
         "readers too" if readers_too else "writers"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def dialogs() -> list[QDialog]:
    return [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and w.objectName() != "task_progress"
    ]  # fmt: skip


def test_a_command_waits_for_a_program_that_holds_the_file(demo_round: Path) -> None:
    """A reader started while another program writes waits for it (it used to be told
    the file was damaged when the page check met the lock)."""
    holder = hold(demo_round, 1.5, readers_too=True)
    started = time.monotonic()
    done = run_cli("ranking", demo_round, "--json")
    holder.wait(30)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 1.0 and done.stdout.startswith("[")


def test_a_program_holding_the_file_too_long_is_named_not_called_damage(demo_round: Path) -> None:
    from alliance_review.storage import db

    holder = hold(demo_round, 4, readers_too=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn = sqlite3.connect(demo_round, timeout=0.2, isolation_level=None)
            conn.execute("SELECT COUNT(*) FROM score").fetchone()
        assert db.is_busy(caught.value)
        sentence = db.storage_error(caught.value)
        assert sentence is not None and "正被另一个程序" in sentence.message("zh")
    finally:
        holder.wait(30)


@pytest.fixture
def before_merge(tmp_path: Path) -> tuple[Path, list[Path]]:
    """The demo round with half its reviewer files merged, and the other half."""
    round_path, folder = tmp_path / "round.alr-round", tmp_path / "returned"
    done = run_cli("demo", round_path, "--reviewer-files", folder)
    assert done.returncode == 0, done.stderr
    files = sorted(folder.iterdir())
    done = run_cli("merge", round_path, *files[:7])
    assert done.returncode == 0, done.stderr
    return round_path, files[7:]


def test_the_window_keeps_working_while_other_processes_merge_and_export(
    qtbot, before_merge: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    round_path, remaining = before_merge
    window = open_in_window(qtbot, round_path)
    view = window.view
    panel = view.tab_by_name["panel"]
    view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    assert panel.analysis is not None
    failures: list[str] = []
    finished = threading.Event()

    def others() -> None:
        """Merges one file at a time while exports and rankings read the file."""
        try:
            for number, path in enumerate(remaining):
                readers = [
                    subprocess.Popen(
                        [sys.executable, "-m", "alliance_review", *args],
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        text=True,
                    )  # fmt: skip
                    for args in (
                        ["export-xlsx", str(round_path), str(tmp_path / f"r{number}.xlsx")],
                        ["export-pdf", str(round_path), str(tmp_path / f"a{number}.pdf")],
                        ["ranking", str(round_path), "--json"],
                    )
                ]
                merged = run_cli("merge", round_path, path)
                if merged.returncode != 0:
                    failures.append(f"merge {path.name}: {merged.stderr}")
                if number == 2:  # another program writes for a while: writers wait
                    hold(round_path, 2.0).wait(60)
                for reader in readers:
                    out, err = reader.communicate(timeout=300)
                    if reader.returncode != 0:
                        failures.append(f"{reader.args[3]}: {err}")
        finally:
            finished.set()

    worker = threading.Thread(target=others)
    worker.start()
    span = panel.overview.span
    edits = 0
    while not finished.is_set():  # the panel edits and recomputes meanwhile
        span.setValue(10 + edits % 7)
        edits += 1
        qtbot.wait(300)
        assert dialogs() == [], [d.windowTitle() for d in dialogs()]
        assert "could not" not in panel.state.text()
    worker.join()
    settle(qtbot)
    assert failures == []
    assert edits >= 3 and dialogs() == []
    # the window shows what the file holds now: reopened, the analysis covers every score
    window.open_path(round_path)
    settle(qtbot)
    panel = window.view.tab_by_name["panel"]
    window.view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    scored = (
        sqlite3.connect(round_path)
        .execute("SELECT COUNT(DISTINCT alliance_uid) FROM score")
        .fetchone()[0]
    )
    assert scored == 125
    shown = [(r.alliance.name, int(r.printed_score)) for r in panel.analysis.result.ranking]
    import json

    printed = json.loads(run_cli("ranking", round_path, "--json").stdout)
    assert shown == [(r["name"], r["printed_score"]) for r in printed]


def test_a_background_read_that_still_fails_says_so_in_the_status_line(
    qtbot, demo_round: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance_review.gui import tasks
    from alliance_review.gui.panel import tab as panel_tab

    window = open_in_window(qtbot, demo_round)
    panel = window.view.tab_by_name["panel"]
    window.view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    attempts: list[int] = []

    def busy(*args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(1)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(panel_tab, "analyse_file", busy)
    monkeypatch.setattr(tasks, "BUSY_WAITS", (0.01, 0.02, 0.03))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    panel.overview.span.setValue(panel.overview.span.value() + 2)
    settle(qtbot)
    assert len(attempts) == 1 + len(tasks.BUSY_WAITS)  # tried again, a few times
    assert shown == [] and dialogs() == []
    assert "正被另一个程序" in panel.state.text()  # said in the status line
    monkeypatch.undo()
    panel.overview.span.setValue(panel.overview.span.value() + 1)  # works again later
    settle(qtbot)
    assert "正被另一个程序" not in panel.state.text() and panel.analysis is not None
