"""Reviewer workspace speed: start to painted window, alliance switch, one durable edit.

Builds the demo round, gives its first reviewer 42 alliances and issues that reviewer's
file, then measures (medians, offscreen platform):

- start: from launching a fresh process to the workspace painted with that file
  (target < 0.8 s);
- switch: selecting the next alliance until the window is repainted (target < 30 ms);
- edit: one keystroke in a score or note until it is committed to disk, fsync included
  (target < 10 ms).

    .venv/bin/python bench/bench_reviewer.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from alliance_review.gui.app import make_application
app = make_application(["bench"])
from alliance_review.gui.main_window import MainWindow

class Painted(QObject):
    # the first paint of a widget of the scoring form (the alliance is on screen), or of
    # the view of a round file (bench/cases_window.py)
    def eventFilter(self, watched, event):
        shown = getattr(window.view, "form", window.view)
        if event.type() == QEvent.Type.Paint and shown.isAncestorOf(watched):
            print("painted", flush=True)
            os._exit(0)  # at once: the figure is start to first paint
        return False

window = MainWindow()
window.resize(1280, 800)
window.open_path(Path(sys.argv[1]))
painted = Painted()
app.installEventFilter(painted)
window.show()
app.exec()
"""


def make_reviewer_file(folder: Path, alliances: int = 42) -> Path:
    from alliance_review.services.demo import build_demo
    from alliance_review.services.reviewer_files import issue_reviewer_file
    from alliance_review.storage.round_store import RoundStore

    round_path = build_demo(folder / "demo-2015.sqlite")
    with RoundStore.open(round_path) as store:
        reviewer = store.reviewers()[0]
        assignment = store.assignments()
        mine = [a.uid for a in store.alliances() if a.uid not in reviewer.conflicts][:alliances]
        for uid, reviewers in assignment.items():
            others = [r for r in reviewers if r != reviewer.uid]
            assignment[uid] = [reviewer.uid, *others[1:]] if uid in mine else others
        store.set_assignments(assignment)
        return issue_reviewer_file(store, reviewer, folder / "reviewer-42.sqlite")


def bench_start(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall time to the first paint, and the CPU time the process used (less load-bound)."""
    times = []
    cpu = []
    env = dict(os.environ, ALLIANCE_REVIEW_CONFIG_DIR=str(path.parent / "config"))
    # as an installed app: bytecode cached (the first, warming run is not counted)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(path.parent / "pycache")
    for number in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if "painted" not in done.stdout:
            raise SystemExit(f"the window did not paint: {done.stderr}")
        if number:
            times.append(elapsed)
            cpu.append(used)
    return times, cpu


def bench_in_process(path: Path) -> tuple[list[float], list[float], int]:
    os.environ["ALLIANCE_REVIEW_CONFIG_DIR"] = str(path.parent / "config")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from alliance_review.gui.app import make_application

    app = make_application(["bench"])
    from alliance_review.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.open_path(path)
    app.processEvents()
    workspace = window.view
    count = workspace.proxy.rowCount()
    switches = []
    for _ in range(count - 1):
        start = time.perf_counter()
        workspace.actions_by_name["next"].trigger()
        window.repaint()
        switches.append(time.perf_counter() - start)
    edits = []
    note = workspace.form.rows["2.2"].note_edit
    for ch in "材料显示联盟承担国家科技计划项目两项并自设科研项目三项成效明显" * 2:
        start = time.perf_counter()
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, note, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
        edits.append(time.perf_counter() - start)
    window.close_file()
    return switches, edits, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = make_reviewer_file(Path(folder))
        starts, start_cpu = bench_start(path, args.runs)
        switches, edits, count = bench_in_process(path)

    def show(label: str, values: list[float], target: float) -> None:
        median = statistics.median(values)
        verdict = "ok" if median < target else "SLOW"
        print(
            f"{label:<34} median {median * 1000:7.1f} ms  "
            f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})  "
            f"target < {target * 1000:.0f} ms  {verdict}"
        )

    load = os.getloadavg()[0]
    print(f"reviewer file with {count} alliances x 18 indicators; load average {load:.1f}")
    show("start to window painted", starts, 0.8)
    show("  its CPU time (user+sys)", start_cpu, 0.8)
    show("switch alliance (repainted)", switches, 0.030)
    show("one edit durable (keystroke->disk)", edits, 0.010)


if __name__ == "__main__":
    main()
