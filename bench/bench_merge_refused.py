"""Memory and time of a merge that refuses large hostile files (issue 19, defect 6).

    .venv/bin/python bench/bench_merge_refused.py [--files 4] [--megabytes 234]

Makes the demo round before its merge and, from one of its genuine submitted reviewer
files, ``--files`` hostile copies of about ``--megabytes`` each (every evidence note
swollen, so the signature no longer holds: each is refused as altered after sealing,
after it has been read whole). Then ``alliance-review merge ROUND FILES...`` runs in a
process of its own; its peak resident memory (the child's ``ru_maxrss``) and wall time
are printed, with the largest single file for comparison: each refused file should be
released as it is refused, so the peak stays near what one file costs, not the sum.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from alliance_review.services.demo import build_demo


def hostile_copy(source: Path, out: Path, megabytes: int) -> Path:
    shutil.copyfile(source, out)
    with closing(sqlite3.connect(out)) as conn:
        (rows,) = conn.execute("SELECT count(*) FROM score").fetchone()
        per_row = megabytes * 1024 * 1024 // max(1, rows) // 2  # hex doubles the bytes
        conn.execute("UPDATE score SET note = hex(randomblob(?))", (per_row,))
        conn.commit()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--megabytes", type=int, default=234)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-merge-refused-") as scratch:
        folder = Path(scratch)
        round_path = build_demo(folder / "round.alr-round", reviewer_files=folder / "returned")
        genuine = sorted((folder / "returned").iterdir())[0]
        hostile = [
            hostile_copy(genuine, folder / f"hostile-{n}.alr-review", args.megabytes)
            for n in range(args.files)
        ]
        largest = max(p.stat().st_size for p in hostile) / 1024 / 1024
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "alliance_review", "merge", str(round_path), *map(str, hostile)],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB -> MiB
        refused = done.stdout.count("[拒绝]") + done.stdout.count("[refused]")
        print(
            f"merge of {args.files} hostile file(s) of {largest:.0f} MB each: "
            f"{refused} refused, exit {done.returncode}; peak {peak:.0f} MB, {seconds:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
