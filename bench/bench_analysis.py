"""Time what the panel and publish tabs compute on every change of the demo round.

    .venv/bin/python bench/bench_analysis.py

Prints the median of 5 runs of the panel's analysis (``services.panel.analyse``: flags,
alpha and ICC per indicator, tier stability, calibration) and of the report's statistics
(``round_statistics_of``). Both run in a worker thread in the window (``gui.tasks``), with
a progress dialog if they take longer than 0.3 s; the publish tab caches its statistics
per round state, and a hidden tab computes nothing until it is shown.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from alliance_review.services.demo import build_demo
from alliance_review.services.panel import analyse
from alliance_review.services.statistics_report import round_statistics_of
from alliance_review.storage.round_store import RoundStore


def median_seconds(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_demo(Path(folder) / "demo-2015.sqlite")
        with RoundStore.open(path) as store:
            panel = median_seconds(lambda: analyse(store))
        stats = median_seconds(lambda: round_statistics_of(path))
    print("demo round: 125 alliances, 14 reviewers, 3 per alliance, 18 indicators")
    print(f"panel analysis (analyse):        {panel:.3f} s  (worker thread; GUI budget 0.3 s)")
    print(f"report statistics (in the app):  {stats:.3f} s  (worker thread, cached per change)")


if __name__ == "__main__":
    main()
