"""Merge 30 reviewer files (150 alliances x 18 indicators each) and print the time.

Target: under 1.5 s on the development machine. Printed beside it, the floor: a bare
``ATTACH`` + ``INSERT ... SELECT`` of the same rows, one transaction per file, with no
checks at all. Run: ``.venv/bin/python bench/bench_merge.py``.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.services.merge import merge_into
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import building_round

REVIEWERS, PER_REVIEWER, INDICATORS, PER_ALLIANCE = 30, 150, 18, 3
ALLIANCES = REVIEWERS * PER_REVIEWER // PER_ALLIANCE  # 1500


def rubric() -> Rubric:
    maxima = [6, 5, 6, 6, 5, 6] + [5, 6, 5, 6, 5, 6] * 2  # 18 indicators, 100 points
    categories = []
    for c in range(3):
        indicators = tuple(
            Indicator(f"{c + 1}.{i + 1}", f"指标{c + 1}.{i + 1}", "", Fraction(maxima[c * 6 + i]))
            for i in range(6)
        )
        categories.append(Category(str(c + 1), f"一级指标{c + 1}", indicators))
    return Rubric(tuple(categories))


def build(folder: Path) -> tuple[Path, list[Path]]:
    round_path = folder / "round.sqlite"
    alliances = [Alliance(f"a{n:04d}", f"联盟{n:04d}", n) for n in range(ALLIANCES)]
    reviewers = [Reviewer(f"r{n:02d}", f"评审专家{n:02d}") for n in range(REVIEWERS)]
    assignment = {
        a.uid: [f"r{(n + k * 10) % REVIEWERS:02d}" for k in range(PER_ALLIANCE)]
        for n, a in enumerate(alliances)
    }
    with building_round(round_path) as store:
        store.write_settings(RoundSettings(uid="bench-round", title="基准测试", year=2016))
        store.write_rubric(rubric())
        store.add_alliances(alliances)
        store.add_reviewers(reviewers)
        store.set_assignments(assignment)
    issued = folder / "issued"
    issued.mkdir()
    returned = folder / "returned"
    returned.mkdir()
    rng = random.Random(1)
    sealed = []
    for path in issue_reviewer_files(round_path, issued):
        with ReviewerStore.open(path) as file:
            codes = [(i.code, int(i.max_points)) for i in file.rubric().indicators()]
            rows = [
                (a.uid, code, rng.randint(0, top) * 100, f"评分依据 {code}")
                for a in file.alliances()
                for code, top in codes
            ]
            assert len(rows) == PER_REVIEWER * INDICATORS
            with file.conn:
                file.conn.executemany(
                    "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
                    " VALUES (?, ?, ?, ?)",
                    rows,
                )
            target = returned / path.name
            file.seal(target)
            sealed.append(target)
    return round_path, sealed


def floor(round_path: Path, files: list[Path]) -> float:
    conn = sqlite3.connect(round_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    start = time.perf_counter()
    for path in files:
        conn.execute("ATTACH DATABASE ? AS rf", (str(path),))
        conn.execute("BEGIN IMMEDIATE")
        reviewer = conn.execute("SELECT reviewer_uid FROM rf.meta").fetchone()[0]
        conn.execute(
            "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi, note)"
            " SELECT ?, alliance_uid, indicator_code, points_centi, note FROM rf.score"
            " WHERE true ON CONFLICT DO UPDATE SET points_centi = excluded.points_centi",
            (reviewer,),
        )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE rf")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main(repeats: int = 3) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        round_path, files = build(folder)
        merges, floors = [], []
        for number in range(repeats):
            target = folder / f"merge-{number}.sqlite"
            shutil.copyfile(round_path, target)
            start = time.perf_counter()
            reports = merge_into(target, files)
            merges.append(time.perf_counter() - start)
            assert all(r.outcome == "merged" for r in reports), [r.detail() for r in reports]
            bare = folder / f"floor-{number}.sqlite"
            shutil.copyfile(round_path, bare)
            floors.append(floor(bare, files))
        rows = REVIEWERS * PER_REVIEWER * INDICATORS
        print(f"{REVIEWERS} reviewer files, {rows} scores; median of {repeats} runs")
        print(
            f"merge (checked, one transaction per file): {statistics.median(merges):.3f} s"
            "  (target < 1.5 s)"
        )
        print(f"floor (bare ATTACH + INSERT ... SELECT):   {statistics.median(floors):.3f} s")


if __name__ == "__main__":
    main()
