"""``merge`` killed at random points (SIGKILL, 200 times): every file is merged whole or
not at all (the batch is one transaction, so in fact the whole batch or nothing), the
round stays sound and its audit chain intact."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alliance_review.services.demo import build_demo
from alliance_review.storage import audit

KILLS = 200


def _file_scores(path: Path) -> tuple[str, dict[tuple[str, str], tuple[int, str]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (reviewer,) = conn.execute("SELECT reviewer_uid FROM meta").fetchone()
        rows = conn.execute(
            "SELECT alliance_uid, indicator_code, points_centi, note FROM score"
            " WHERE points_centi IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return reviewer, {(a, i): (p, n) for a, i, p, n in rows}


def _state(path: Path) -> tuple[dict[str, dict[tuple[str, str], tuple[int, str]]], set[str], int]:
    """Scores per reviewer, reviewers with a merged revision, merged log lines; also checks
    integrity and the audit chain."""
    conn = sqlite3.connect(path)  # read-write: a hot WAL is recovered as the app would
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert audit.lock_state(conn).chain == audit.INTACT
        scores: dict[str, dict[tuple[str, str], tuple[int, str]]] = {}
        for r, a, i, p, n in conn.execute(
            "SELECT reviewer_uid, alliance_uid, indicator_code, points_centi, note FROM score"
        ):
            scores.setdefault(r, {})[(a, i)] = (p, n)
        merged = {r for (r,) in conn.execute("SELECT reviewer_uid FROM merged_revision")}
        logged = conn.execute("SELECT count(*) FROM merge_log WHERE outcome = 'merged'").fetchone()
        entries = conn.execute("SELECT count(*) FROM audit WHERE action = 'merge'").fetchone()
        assert logged[0] <= entries[0]
    finally:
        conn.close()
    return scores, merged, int(logged[0])


@pytest.mark.slow
@pytest.mark.posix  # SIGKILL
def test_merge_killed_at_random_points_merges_each_file_whole_or_not_at_all(tmp_path: Path):
    pristine, folder = tmp_path / "before.sqlite", tmp_path / "returned"
    build_demo(pristine, reviewer_files=folder)
    expected = dict(_file_scores(p) for p in sorted(folder.iterdir()))
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="zh")
    work = tmp_path / "round.sqlite"

    def start() -> subprocess.Popen[bytes]:
        for suffix in ("", "-wal", "-shm"):
            Path(str(work) + suffix).unlink(missing_ok=True)
        shutil.copyfile(pristine, work)
        return subprocess.Popen(
            [sys.executable, "-m", "alliance_review", "merge", str(work), str(folder)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    durations = []
    for _ in range(3):  # how long a whole merge takes on this machine now
        began = time.monotonic()
        assert start().wait(timeout=300) == 0
        durations.append(time.monotonic() - began)
    duration = sorted(durations)[1]
    scores, merged, _ = _state(work)
    assert scores == expected and merged == set(expected)

    rng = random.Random(10)
    outcomes = {"none": 0, "some": 0, "all": 0}
    for _ in range(KILLS):
        process = start()
        time.sleep(rng.uniform(0.0, duration * 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        scores, merged, logged = _state(work)
        assert set(scores) == merged, "scores without their merged revision, or the reverse"
        for reviewer in merged:
            assert scores[reviewer] == expected[reviewer], f"{reviewer} merged in part"
        assert logged == len(merged)
        key = "none" if not merged else "all" if merged == set(expected) else "some"
        outcomes[key] += 1
    # kills landed before and after the batch's commit; never one file in part, nor some
    # files of the batch without the others (the batch commits as one)
    assert outcomes["none"] >= 10 and outcomes["all"] >= 10 and outcomes["some"] == 0, outcomes
