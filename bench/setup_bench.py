"""Set-up speed: automatic assignment and self-evaluation workbooks.

Targets: assigning 3 reviewers to each of the 2015 round's 125 alliances with 14 reviewers
feels instant (< 0.1 s); a ten times larger round (1,250 alliances, 140 reviewers) stays
under 2 s; the 125 workbooks of a round are written in well under a minute.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from alliance_review.core.assignment import assign
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.services.demo import build_demo
from alliance_review.services.selfeval import write_workbooks
from alliance_review.storage.round_store import RoundStore


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def instance(n: int, r: int) -> tuple[list[Alliance], list[Reviewer]]:
    alliances = [Alliance(f"a{i}", f"联盟{i}", i) for i in range(n)]
    reviewers = [Reviewer(f"r{j}", f"专家{j}", frozenset({f"a{j}"})) for j in range(r)]
    return alliances, reviewers


def main() -> None:
    for n, r, target in ((125, 14, 0.1), (1250, 140, 2.0)):
        alliances, reviewers = instance(n, r)
        seconds = timed(lambda a=alliances, v=reviewers: assign(a, v, 3, seed=1))
        print(f"assign {n} alliances x {r} reviewers, k=3: {seconds:.3f} s (target < {target} s)")
    with tempfile.TemporaryDirectory() as folder:
        demo = build_demo(Path(folder) / "demo.sqlite")
        with RoundStore.open(demo) as store:
            start = time.perf_counter()
            paths = write_workbooks(store, Path(folder) / "wb")
            seconds = time.perf_counter() - start
        print(f"{len(paths)} self-evaluation workbooks: {seconds:.2f} s (target < 60 s)")


if __name__ == "__main__":
    main()
