"""The standalone bundle against the source install: size on disk and start-up time.

    bash packaging/build                      # dist/alliance-review (once)
    .venv/bin/python bench/bench_startup.py [--bundle dist/alliance-review] [--runs 5]

Start-up is the wall time of ``alliance-review gui FILE --self-test REPORT`` (process start
to the window painted once on the file, and quit), on the offscreen platform, median of
the runs; the demo round and a reviewer file are opened. The source install's size is the
installed files of the app and its run-time dependencies (importlib.metadata), what a
``pip install alliance-review`` adds to a Python that already exists.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def source_install_size() -> int:
    seen: set[str] = set()
    queue = ["alliance-review"]
    total = 0
    while queue:
        name = queue.pop()
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or []:
            located = Path(str(file.locate()))
            if located.is_file():
                total += located.stat().st_size
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                queue.append(
                    requirement.split(";")[0]
                    .split("[")[0]
                    .split(">")[0]
                    .split("<")[0]
                    .split("=")[0]
                    .split("!")[0]
                    .split("~")[0]
                    .strip()
                )
    # the editable install's own tree: the package and the resources it reads
    total += folder_size(ROOT / "src" / "alliance_review") + folder_size(ROOT / "resources")
    return total


def start(command: list[str], file: Path, work: Path) -> tuple[float, float]:
    report = work / "report.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ALLIANCE_REVIEW_CONFIG_DIR=str(work))
    began = time.perf_counter()
    subprocess.run(
        [*command, "gui", str(file), "--self-test", str(report)],
        env=env,
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - began
    return wall, json.loads(report.read_text(encoding="utf-8"))["painted_after_s"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "alliance-review")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = args.bundle / "alliance-review"
    if not frozen.is_file():
        print(f"no bundle at {args.bundle}: run bash packaging/build first", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    source = [str(Path(sys.executable).parent / "alliance-review")]
    subprocess.run(
        [*source, "demo", str(work / "demo.alr-round"), "--reviewer-files", str(work / "files")],
        check=True,
        capture_output=True,
    )
    files = {
        "round": work / "demo.alr-round",
        "reviewer file": sorted((work / "files").glob("*.alr-review"))[0],
    }
    archives = sorted(args.bundle.parent.glob("alliance-review-*.tar.gz"))
    print(f"bundle folder        {folder_size(args.bundle) / 2**20:7.1f} MB")
    if archives:
        print(f"bundle .tar.gz       {archives[-1].stat().st_size / 2**20:7.1f} MB")
    print(
        f"source install       {source_install_size() / 2**20:7.1f} MB"
        " (app + run-time packages, without Python itself)"
    )
    print(f"\nstart-up to the first paint, median of {args.runs} (wall s / in-app s):")
    for kind, file in files.items():
        for name, command in (("source", source), ("bundle", [str(frozen)])):
            start(command, file, work)  # warm the disk cache once
            runs = [start(command, file, work) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            inside = statistics.median(r[1] for r in runs)
            print(f"  {kind:<14} {name:<7} {wall:6.2f} s   ({inside:.2f} s after Python started)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
