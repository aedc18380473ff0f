"""A round the window holds open keeps SQLite's locks while the same process reads it
again (a worker's read-only connection, identifying the file): POSIX drops every lock a
process holds on a file when any descriptor of it is closed, and another process closing
its connection would then take the file for nobody's, fold the log into it and remove the
log under the window, whose next read fails with "disk I/O error"."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from alliance_review.storage.files import identify
from alliance_review.storage.round_store import RoundStore


def another_process_looks(path: Path) -> None:
    """A separate process opens the round, reads, and closes (as a command does)."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        " c.execute('SELECT count(*) FROM alliance').fetchone(); c.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


def test_the_window_keeps_its_round_while_a_worker_and_another_process_read_it(
    demo_round: Path,
):
    with RoundStore.open(demo_round) as window:
        count = len(window.alliances())
        with window.atomic():  # an edit the window made: it sits in the -wal
            window.conn.execute("UPDATE round SET title = title || '（修订）' WHERE id = 1")
        for _ in range(2):  # a worker reads, the file is identified again (open recent)
            with closing(RoundStore.reading(demo_round)) as worker:
                assert len(worker.alliances()) == count
            identify(demo_round)
        another_process_looks(demo_round)
        assert Path(f"{demo_round}-wal").exists()  # still the window's log
        assert len(window.alliances()) == count  # no "disk I/O error"
        with window.atomic():
            window.conn.execute("UPDATE round SET title = title || '2' WHERE id = 1")
    with closing(sqlite3.connect(demo_round)) as conn:
        (title,) = conn.execute("SELECT title FROM round WHERE id = 1").fetchone()
    assert title.endswith("（修订）2")
