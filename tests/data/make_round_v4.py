"""How ``round-v4.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 4 (participation, evidence items and their ticks, a reason
for departing from the points rule), as the release before signed submissions and the
audit chain wrote it: the version-3 fixture (``make_round_v3.py``: rubric, alliances,
reviewers, scores, a merge, a decision, threshold 8, locked), then version 4's
statements, one evidence item on indicator 1.1 ticked by reviewer r2 for 甲联盟 with a
reason beside that score, and locked again. Re-running this script is not part of the
tests: the point of the fixture is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_round_v3 import main as make_round_v3

from alliance_review.storage.schema import ROUND_FILE

V4 = ROUND_FILE.ladder[3]


def main(out: Path) -> None:
    make_round_v3(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    for statement in V4:
        conn.execute(statement)
    conn.execute("UPDATE round SET uid = 'round-v4-fixture'")
    conn.execute("INSERT INTO evidence_item VALUES ('1.1', 'plan', 0, '年度工作计划')")
    conn.execute("INSERT INTO item_tick VALUES ('r2', 'a1', '1.1', 'plan')")
    conn.execute(
        "UPDATE score SET override_reason = '计划不完整' WHERE reviewer_uid = 'r2'"
        " AND alliance_uid = 'a1' AND indicator_code = '1.1'"
    )
    conn.execute("UPDATE round SET locked = 1")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
