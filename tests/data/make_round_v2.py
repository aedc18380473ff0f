"""How ``round-v2.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 2 (merge bookkeeping, panel decisions, locking), as the
release with the panel wrote it: a small rubric, two alliances, two reviewers,
assignments, scores, a merged revision with its log line, and one panel decision with
its log line. Re-running this script is not part of the tests: the point of the fixture
is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alliance_review.storage.schema import ROUND_FILE

V1, V2 = ROUND_FILE.ladder[0], ROUND_FILE.ladder[1]


def main(out: Path) -> None:
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    for statement in [*V1, *V2]:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {ROUND_FILE.application_id}")
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO round (id, uid, title, year, consensus_method, created_at, locked) VALUES"
        " (1, 'round-v2-fixture', '2015年度联盟活跃度评价', 2015, 'median',"
        " '2016-03-01T09:00:00+08:00', 1)"
    )
    conn.executemany(
        "INSERT INTO tier VALUES (?, ?, ?)",
        [
            (0, "活跃度高", 8600),
            (1, "活跃度较高", 7500),
            (2, "活跃度一般", 6500),
            (3, "活跃度较差", None),
        ],
    )
    conn.execute("INSERT INTO category VALUES ('1', 0, '组织')")
    conn.execute("INSERT INTO indicator VALUES ('1.1', '1', 0, '总结', '', 6000, 100)")
    conn.execute("INSERT INTO indicator VALUES ('1.2', '1', 1, '理事会', '', 4000, 100)")
    conn.execute("INSERT INTO alliance VALUES ('a1', 0, '甲联盟', '第一批', '')")
    conn.execute("INSERT INTO alliance VALUES ('a2', 1, '乙联盟', NULL, '')")
    conn.execute("INSERT INTO reviewer VALUES ('r1', 0, '甲联盟秘书长')")
    conn.execute("INSERT INTO reviewer VALUES ('r2', 1, '乙联盟秘书长')")
    conn.execute("INSERT INTO conflict VALUES ('r1', 'a1', 'own')")
    conn.execute("INSERT INTO conflict VALUES ('r2', 'a2', 'own')")
    conn.execute("INSERT INTO assignment VALUES ('r2', 'a1')")
    conn.execute("INSERT INTO assignment VALUES ('r1', 'a2')")
    conn.executemany(
        "INSERT INTO score VALUES (?, ?, ?, ?, ?)",
        [
            ("r2", "a1", "1.1", 5500, "总结齐全"),
            ("r2", "a1", "1.2", 4000, "理事会规范"),
            ("r1", "a2", "1.1", 3000, "缺计划"),
            ("r1", "a2", "1.2", 2000, "未按章程召开"),
        ],
    )
    conn.execute(
        "INSERT INTO merged_revision VALUES ('r2', 2, 'ab12', '2016-03-02T10:00:00+08:00')"
    )
    conn.execute(
        "INSERT INTO merge_log (file_name, content_hash, reviewer_uid, revision, at, outcome,"
        " detail) VALUES ('2015-乙联盟秘书长.sqlite', 'ab12', 'r2', 2,"
        " '2016-03-02T10:00:00+08:00', 'merged', '')"
    )
    conn.execute(
        "INSERT INTO decision VALUES"
        " ('a2', '', 6000, '集中讨论后上调', '2016-03-03T15:00:00+08:00')"
    )
    conn.execute(
        "INSERT INTO decision_log (alliance_uid, indicator_code, points_centi, rationale, at,"
        " action) VALUES ('a2', '', 6000, '集中讨论后上调', '2016-03-03T15:00:00+08:00', 'set')"
    )
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
