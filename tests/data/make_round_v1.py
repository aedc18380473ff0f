"""How ``round-v1.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 1, as the first release wrote it, with a small rubric,
two alliances, two reviewers, assignments and scores. Re-running this script is not
part of the tests: the point of the fixture is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alliance_review.storage.schema import ROUND_FILE

V1 = ROUND_FILE.ladder[0]


def main(out: Path) -> None:
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    for statement in V1:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {ROUND_FILE.application_id}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO round (id, uid, title, year, created_at) VALUES"
        " (1, 'round-v1-fixture', '2014年度联盟活跃度评价', 2014, '2015-03-01T09:00:00+08:00')"
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
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
