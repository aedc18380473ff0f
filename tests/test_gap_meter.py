"""The gap meter catches what it must: the GUI thread kept busy by our code, and a worker
holding the GIL; so the event-loop test can fail."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QTimer

from alliance_review.gui import tasks

from .gap_meter import GapMeter
from .gui_support import settle


def test_busy_gui_code_is_a_gap_of_ours(qtbot):  # type: ignore[no-untyped-def]
    def busy() -> None:  # 0.25 s of the GUI thread's own CPU, however loaded the machine
        end = time.thread_time() + 0.25
        while time.thread_time() < end:
            pass

    with GapMeter() as meter:
        QTimer.singleShot(20, busy)
        qtbot.wait(100)
        qtbot.waitUntil(lambda: bool(meter.gaps), timeout=10_000)
    assert len(meter.ours()) == 1, meter.report()
    assert meter.ours()[0].ran >= 0.2


def test_a_worker_holding_the_gil_is_a_gap_of_ours(qtbot):  # type: ignore[no-untyped-def]
    big = [[n, str(n), None] for n in range(1_500_000)]

    def hog(_progress):  # type: ignore[no-untyped-def]
        size = len(json.dumps(big))  # one C call: the GIL is not let go meanwhile
        time.sleep(0.3)  # still alive when the GUI thread next ticks: its CPU time is read
        return size

    with GapMeter(held=0.1) as meter:
        tasks.run_task(None, "hog", hog, lambda _r: None, background=True)
        settle(qtbot)
        qtbot.wait(50)
    assert meter.ours(), meter.report()


def test_an_idle_window_has_no_gap_of_ours(qtbot):  # type: ignore[no-untyped-def]
    with GapMeter() as meter:
        qtbot.wait(300)
    assert meter.ours() == [], meter.report()
