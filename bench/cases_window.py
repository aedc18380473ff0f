"""Benchmark cases of the window (offscreen), each in its own process.

The GUI thread's blocking is measured with ``tests/gap_meter.py``: a timer ticking every
5 ms on the GUI thread; a gap between ticks is time the window could not repaint or take
a click. Its "ours" part leaves out the time the machine gave the GUI thread no CPU, so
a loaded machine does not count against the app.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_app = None


def application():  # type: ignore[no-untyped-def]
    global _app
    if _app is None:
        config = ROOT / "bench" / ".cache" / "config"
        os.environ.setdefault("ALLIANCE_REVIEW_CONFIG_DIR", str(config))
        from alliance_review.gui.app import make_application

        _app = make_application(["bench"])
    return _app


def settle(timeout: float = 300.0) -> None:
    """Turn the event loop until every background task has ended (and what it queued)."""
    from PySide6.QtCore import QCoreApplication

    from alliance_review.gui import tasks

    idle = getattr(tasks, "idle", lambda: True)
    deadline = time.perf_counter() + timeout
    quiet = 0
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        quiet = quiet + 1 if idle() else 0
        if quiet > 20:
            return
        time.sleep(0.002)
    raise TimeoutError("the window's background work did not end")


def open_window(round_path: str):  # type: ignore[no-untyped-def]
    application()
    from alliance_review.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    return window


def _tab(window, name: str):  # type: ignore[no-untyped-def]
    return window.view.tab_by_name[name]


# opening a round ----------------------------------------------------------------------------
def open_round(round_path: str) -> dict[str, object]:
    """Open the round, let every tab fill (panel, results, publish, set-up and each of
    its pages shown in turn): the GUI thread's longest gap (ours) and the time until
    everything is shown."""
    from tests.gap_meter import GapMeter

    window = open_window(round_path)
    settle()
    with GapMeter(threshold=0.05) as meter:
        start = time.perf_counter()
        window.open_path(Path(round_path))
        settle()
        for name in ("panel", "results", "publish", "setup"):
            if name in window.view.tab_by_name:
                window.view.tabs.setCurrentWidget(_tab(window, name))
                settle()
        setup = window.view.tab_by_name.get("setup")
        for page in list(getattr(setup, "pages", {})):
            setup.show_page(page)  # every set-up page: roster, assignment matrix ...
            settle()
        filled = time.perf_counter() - start
    longest = max((g.ours for g in meter.gaps), default=0.0)
    return {
        "seconds": [longest],
        "filled": filled,
        "raw_longest": meter.longest,
        "report": meter.report()[:2000],
    }


def filter_and_sort(round_path: str) -> dict[str, object]:
    """Type into the ranking's filter (each keystroke until the table shows it) and sort
    by each column of the ranking and of the panel's overview. Timed as the GUI thread's
    own CPU time: on a machine shared with other work the wall clock also counts the
    time the thread waited for a CPU."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    window = open_window(round_path)
    window.open_path(Path(round_path))
    settle()
    keystrokes: list[float] = []
    sorts: list[float] = []
    for name in ("results", "panel"):
        tab = _tab(window, name)
        window.view.tabs.setCurrentWidget(tab)
        settle()
        page = tab if name == "results" else tab.overview
        field = page.filter if name == "results" else page.search
        table = page.table
        for text in ("联盟", "0012", "智能制造"):
            field.clear()
            QCoreApplication.processEvents()
            for ch in text:
                start = time.thread_time()
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click,
                    field,
                    Qt.Key.Key_unknown,
                    ch,
                    Qt.KeyboardModifier.NoModifier,
                )
                QCoreApplication.processEvents()
                table.viewport().repaint()
                keystrokes.append(time.thread_time() - start)
        field.clear()
        QCoreApplication.processEvents()
        header = table.horizontalHeader()
        for column in range(min(header.count(), 8)):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                start = time.thread_time()
                table.sortByColumn(column, order)
                QCoreApplication.processEvents()
                table.viewport().repaint()
                sorts.append(time.thread_time() - start)
    return {"seconds": keystrokes, "max": max(keystrokes), "sorts": sorts}


def panel_edit(round_path: str) -> dict[str, object]:
    """One panel edit (the disagreement threshold) and its undo: the GUI thread's longest
    gap (ours) over each, until the panel shows the result again."""
    from tests.gap_meter import GapMeter

    window = open_window(round_path)
    window.open_path(Path(round_path))
    settle()
    tab = _tab(window, "panel")
    window.view.tabs.setCurrentWidget(tab)
    settle()
    gaps = []
    span = tab.overview.span
    for value in (span.value() + 3, None):
        with GapMeter(threshold=0.05) as meter:
            if value is None:
                window.view.undo_stack.undo()
            else:
                span.setValue(value)
                span.editingFinished.emit()
            settle()
        gaps.append(max((g.ours for g in meter.gaps), default=0.0))
    return {"seconds": gaps}


# start to painted -----------------------------------------------------------------------------
BARE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
app = QApplication(["bare"])
window = QMainWindow()
table = QTableWidget(125, 3)
for row in range(125):
    for column, text in enumerate((str(row + 1), f"联盟名称 {row}", str(100 - row // 2))):
        table.setItem(row, column, QTableWidgetItem(text))
window.setCentralWidget(table)
window.resize(1280, 800)

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and table.isAncestorOf(watched):
            print("painted", flush=True)
            os._exit(0)
        return False

painted = Painted()
app.installEventFilter(painted)
window.show()
app.exec()
"""


def start_to_painted(round_path: str, runs: int) -> dict[str, list[float]]:
    """A fresh process until the round's window is painted (``bench_reviewer``'s child),
    and a bare QMainWindow with a 125-row table (the floor), in turns."""
    import bench_reviewer

    env = dict(os.environ, ALLIANCE_REVIEW_CONFIG_DIR=str(Path(round_path).parent / "cfg"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as in an installed app
    app, bare = [], []
    for number in range(runs + 1):
        for script, out in ((bench_reviewer.CHILD, app), (BARE, bare)):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", script, round_path],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
            )
            elapsed = time.perf_counter() - start
            if "painted" not in done.stdout:
                raise RuntimeError(f"the window did not paint: {done.stderr[-2000:]}")
            if number:  # the first is a warm-up (bytecode, font cache)
                out.append(elapsed)
    return {"seconds": app, "peer_seconds": bare}


def reviewer(runs: int) -> dict[str, object]:
    """``bench_reviewer``: start to painted, alliance switch, one durable edit."""
    import tempfile

    import bench_reviewer

    with tempfile.TemporaryDirectory() as folder:
        path = bench_reviewer.make_reviewer_file(Path(folder))
        starts, _ = bench_reviewer.bench_start(path, runs)
        switches, edits, _ = bench_reviewer.bench_in_process(path)
    return {
        "seconds": starts,
        "switch": statistics.median(switches),
        "edit": statistics.median(edits),
    }


def panel_listed(round_path: str) -> dict[str, object]:
    """Open the round in a window that is up: the time until the panel lists every
    alliance (its overview holds a row for each scored alliance; wall time, and the CPU
    time all the process's threads used meanwhile, which a machine busy with other work
    does not lengthen), until every tab of the round is filled, and the GUI thread's
    gaps meanwhile (``tests/gap_meter.py``): the longest it ran our code, and the longest
    it was kept waiting by a worker of ours holding the GIL."""
    import sqlite3

    from PySide6.QtCore import QCoreApplication
    from tests.gap_meter import GapMeter

    conn = sqlite3.connect(round_path)
    (scored,) = conn.execute("SELECT COUNT(DISTINCT alliance_uid) FROM score").fetchone()
    conn.close()
    window = open_window(round_path)
    settle()
    listed = shown = cpu = 0.0
    with GapMeter(threshold=0.05) as meter:
        start, cpu_start = time.perf_counter(), time.process_time()
        window.open_path(Path(round_path))
        panel = None
        while time.perf_counter() - start < 300:
            QCoreApplication.processEvents()
            view = getattr(window, "view", None)
            if panel is None and view is not None and "panel" in view.tab_by_name:
                panel = view.tab_by_name["panel"]  # the user goes to the panel at once
                view.tabs.setCurrentWidget(panel)
                shown = time.perf_counter() - start
            if panel is not None and panel.overview.model.rowCount() >= scored:
                listed = time.perf_counter() - start
                cpu = time.process_time() - cpu_start
                break
            time.sleep(0.002)
        settle()
        filled = time.perf_counter() - start
    held = [min(g.blocked, g.others_ran) for g in meter.gaps]
    return {
        "seconds": [listed],
        "cpu": cpu,
        "view_shown": shown,
        "filled": filled,
        "longest_ran": max((g.ran for g in meter.gaps), default=0.0),
        "longest_held": max(held, default=0.0),
        "held_over_50ms": sum(h > 0.05 for h in held),
        "report": meter.report()[:4000],
    }
