"""A scoring process killed in the middle of a burst of edits loses no committed edit."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.reviewer_support import issue_one

# Scores every indicator of every alliance over and over, printing each edit once
# set_score has returned (committed); the note carries the edit's number.
BURST = textwrap.dedent(
    """
    import sys
    from fractions import Fraction
    from alliance_review.storage.reviewer_store import ReviewerStore

    store = ReviewerStore.open(sys.argv[1])
    indicators = list(store.rubric().indicators())
    alliances = store.alliances()
    number = 0
    while True:
        for alliance in alliances:
            for indicator in indicators:
                number += 1
                points = Fraction(number % (int(indicator.max_points) + 1))
                store.set_score(alliance.uid, indicator.code, points, f"第{number}次评分")
                print(number, alliance.uid, indicator.code, int(points), flush=True)
    """
)


@pytest.mark.posix  # SIGKILL
def test_killing_the_scoring_process_keeps_every_committed_edit(demo_round: Path, tmp_path: Path):
    path = issue_one(demo_round, tmp_path / "issued")
    process = subprocess.Popen(
        [sys.executable, "-c", BURST, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )
    assert process.stdout is not None
    lines: list[str] = []
    try:
        while len(lines) < 300:
            line = process.stdout.readline()
            assert line, "the scoring process stopped by itself"
            lines.append(line)
    finally:
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate(timeout=30)
    lines += rest.splitlines(keepends=True)
    assert process.returncode == -signal.SIGKILL
    committed = {}
    for line in lines:
        if not line.endswith("\n"):
            continue  # cut by the kill: not known to be committed
        number, uid, code, points = line.split()
        committed[(uid, code)] = (int(number), int(points))
    assert len(committed) >= 300

    # the file is intact (the WAL is recovered on open) and holds the edits
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    identify(path)
    with ReviewerStore.open(path) as store:
        scores = store.scores()
    for (uid, code), (number, points) in committed.items():
        stored_points, note = scores[(uid, code)]
        stored_number = int(note.removeprefix("第").removesuffix("次评分"))
        # the last printed edit is in the file (or a later one that committed before
        # the kill but whose line was not printed yet)
        assert stored_number >= number, (uid, code)
        if stored_number == number:
            assert stored_points == points
