"""Measure how long the GUI thread's event loop goes without turning, and why.

A ``QTimer`` on the GUI thread ticks every few milliseconds; a gap between two ticks is a
time the window could not repaint or take a click. At each tick the GUI thread reads its
own scheduler statistics (``/proc/thread-self/schedstat``: time run, time waited
runnable for a CPU). The part of a gap that is *ours* is the gap less the time the GUI
thread waited for the operating system to give it a CPU, and less the time it was
blocked while no other thread of ours ran (a disk read of the machine's): time spent
running our code or Qt work our code asked for, or waiting for a worker that held the
GIL. An overloaded machine lengthens gaps without making them ours, so the test does not
time the machine.

What a test asserts (``ours()``) is in two parts, so that a loaded two-CPU machine does
not fail it: the GUI thread's *own* running time in a gap over ``threshold`` (work done on
the GUI thread: deterministic, whatever the load), or the time it was kept waiting while a
worker of ours held the GIL over ``held`` (a worker in a long C call; the exact share of a
gap the scheduler gives each thread varies with the load, so that bound is generous). The
report gives every gap with its causes; ``bench/`` prints the figures. A watchdog thread
samples the GUI thread's Python stack during a gap, to name the code responsible.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer

TICK_MS = 5
OURS = f"{os.sep}alliance_review{os.sep}"


Stat = tuple[float, float, dict[int, tuple[float, float]]]


def _schedstat() -> Stat:
    """(seconds run, seconds waited runnable) of the calling thread, and the same pair for
    each other thread of the process."""
    own = threading.get_native_id()
    run = wait = 0.0
    others: dict[int, tuple[float, float]] = {}
    try:
        for task in Path("/proc/self/task").iterdir():
            try:
                ran, waited, _ = (task / "schedstat").read_text().split()
            except (OSError, ValueError):
                continue
            if int(task.name) == own:
                run, wait = int(ran) / 1e9, int(waited) / 1e9
            else:
                others[int(task.name)] = (int(ran) / 1e9, int(waited) / 1e9)
    except OSError:
        return time.thread_time(), 0.0, {}  # no schedstat: count the whole gap as ours
    return run, wait, others


def _since(before: dict[int, tuple[float, float]], now: dict[int, tuple[float, float]]) -> float:
    """Seconds the other threads ran since ``before`` (threads come and go)."""
    return sum(max(0.0, r - before.get(tid, (0.0, 0.0))[0]) for tid, (r, _) in now.items())


@dataclass
class Gap:
    start: float
    length: float = 0.0
    ran: float = 0.0
    waited: float = 0.0  # runnable, but the machine gave the GUI thread no CPU
    others_ran: float = 0.0  # CPU time the process's other threads had meanwhile
    our_frames: set[str] = field(default_factory=set)

    @property
    def blocked(self) -> float:
        """Neither running nor runnable: waiting for the GIL, a lock, the disk."""
        return max(0.0, self.length - self.ran - self.waited)

    @property
    def ours(self) -> float:
        """Time the GUI thread ran, plus time it was blocked while another thread of ours
        ran (a worker holding the GIL); not the time the machine kept it waiting."""
        return self.ran + min(self.blocked, self.others_ran)

    def describe(self) -> str:
        frames = ", ".join(sorted(self.our_frames)) or "none"
        return (
            f"{self.length * 1000:.0f} ms gap: ours {self.ours * 1000:.0f} ms (ran "
            f"{self.ran * 1000:.0f} ms), waited for a CPU {self.waited * 1000:.0f} ms "
            f"blocked {self.blocked * 1000:.0f} ms while other threads ran "
            f"{self.others_ran * 1000:.0f} ms; "
            f"our frames: {frames}"
        )


class GapMeter:
    def __init__(self, threshold: float = 0.1, held: float | None = None) -> None:
        self.threshold = threshold
        self.held = max(0.5, threshold) if held is None else held
        self.gaps: list[Gap] = []
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._main = threading.main_thread()
        self._stop = threading.Event()
        self._open: Gap | None = None
        self._stat: Stat = (0.0, 0.0, {})
        self._watchdog = threading.Thread(target=self._watch, name="gap-watchdog", daemon=True)

    def __enter__(self) -> GapMeter:
        self._last = time.perf_counter()
        self._stat = _schedstat()
        self._timer.start()
        self._watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()
        self._stop.set()
        self._watchdog.join(2)

    # the GUI thread
    def _tick(self) -> None:
        now, stat = time.perf_counter(), _schedstat()
        length = now - self._last
        ran, waited = stat[0] - self._stat[0], stat[1] - self._stat[1]
        others = _since(self._stat[2], stat[2])
        self._last, self._stat = now, stat
        self.longest = max(self.longest, length)
        gap = self._open or Gap(now - length)
        self._open = None
        if length >= self.threshold:
            gap.length, gap.ran, gap.waited, gap.others_ran = length, ran, waited, others
            self.gaps.append(gap)

    # the watchdog thread
    def _watch(self) -> None:
        main_id = self._main.ident
        while not self._stop.wait(0.01):
            since = time.perf_counter() - self._last
            if since < self.threshold / 2:
                continue
            if self._open is None:
                self._open = Gap(self._last)
            frame = sys._current_frames().get(main_id or 0)
            while frame is not None:
                name = frame.f_code.co_filename
                if OURS in name and "gap_meter" not in name:
                    self._open.our_frames.add(f"{Path(name).name}:{frame.f_code.co_name}")
                frame = frame.f_back

    def ours(self) -> list[Gap]:
        """The gaps in which the GUI thread ran our code for more than ``threshold``, or
        was kept waiting by a worker of ours for more than ``held``."""
        return [g for g in self.gaps if g.ran > self.threshold or g.ours > self.held]

    def report(self) -> str:
        longest_ours = max((g.ours for g in self.gaps), default=0.0)
        lines = [
            f"longest gap {self.longest * 1000:.0f} ms, of it ours at most "
            f"{longest_ours * 1000:.0f} ms; gaps over {self.threshold * 1000:.0f} ms: "
            f"{len(self.gaps)}, ours (ran over {self.threshold * 1000:.0f} ms or held over "
            f"{self.held * 1000:.0f} ms): {len(self.ours())}"
        ]
        lines += [g.describe() for g in self.gaps]
        return "\n".join(lines)
