"""How ``round-v2.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 2 (merge bookkeeping, panel decisions, locking), as the
release with the panel wrote it: the version-1 fixture's rubric, alliances, reviewers,
assignments and scores (made by ``make_round_v1.py``), relabelled 2015, then version 2's
statements, a merged revision with its log line, one panel decision with its log line,
the median as consensus method, and the round locked as final. Re-running this script
is not part of the tests: the point of the fixture is that it stays as old releases
wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_round_v1 import main as make_round_v1

from alliance_review.storage.schema import ROUND_FILE

V2 = ROUND_FILE.ladder[1]


def main(out: Path) -> None:
    make_round_v1(out)
    conn = sqlite3.connect(out)
    for statement in V2:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "UPDATE round SET uid = 'round-v2-fixture', title = '2015年度联盟活跃度评价',"
        " year = 2015, consensus_method = 'median', created_at = '2016-03-01T09:00:00+08:00'"
    )
    conn.execute(
        "INSERT INTO merged_revision VALUES ('r2', 2, 'ab12', '2016-03-02T10:00:00+08:00')"
    )
    conn.execute(
        "INSERT INTO merge_log (file_name, content_hash, reviewer_uid, revision, at, outcome,"
        " detail) VALUES ('2015-乙联盟秘书长.sqlite', 'ab12', 'r2', 2,"
        " '2016-03-02T10:00:00+08:00', 'merged', '')"
    )
    decision = ("a2", "", 6000, "集中讨论后上调", "2016-03-03T15:00:00+08:00")
    conn.execute("INSERT INTO decision VALUES (?, ?, ?, ?, ?)", decision)
    conn.execute(
        "INSERT INTO decision_log (alliance_uid, indicator_code, points_centi, rationale, at,"
        " action) VALUES (?, ?, ?, ?, ?, 'set')",
        decision,
    )
    conn.execute("UPDATE round SET locked = 1")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
