"""How ``reviewer-v1.sqlite`` was made (kept for the record; the file itself is committed).

A reviewer file at schema version 1, as releases before signed submissions wrote it: the
round-v1 fixture's small rubric, one alliance assigned to reviewer r1, both indicators
scored with notes, marked done and sealed as revision 1 (what a reviewer sent back).
Re-running this script is not part of the tests: the point of the fixture is that it
stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alliance_review.storage.schema import REVIEWER_FILE

V1 = REVIEWER_FILE.ladder[0]


def main(out: Path) -> None:
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    for statement in V1:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {REVIEWER_FILE.application_id}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO meta (id, round_uid, round_title, round_year, reviewer_uid, reviewer_name,"
        " issued_at, revision, sealed_at) VALUES (1, 'round-v3-fixture', '2015年度联盟活跃度评价',"
        " 2015, 'r1', '甲联盟秘书长', '2016-02-01T09:00:00+08:00', 1,"
        " '2016-02-20T17:00:00+08:00')"
    )
    conn.execute("INSERT INTO category VALUES ('1', 0, '组织')")
    conn.execute("INSERT INTO indicator VALUES ('1.1', '1', 0, '总结', '', 6000, 100)")
    conn.execute("INSERT INTO indicator VALUES ('1.2', '1', 1, '理事会', '', 4000, 100)")
    conn.execute("INSERT INTO alliance VALUES ('a2', 1, '乙联盟', NULL, '')")
    conn.executemany(
        "INSERT INTO score VALUES (?, ?, ?, ?)",
        [("a2", "1.1", 3000, "缺计划"), ("a2", "1.2", 2000, "未按章程召开")],
    )
    conn.execute("INSERT INTO alliance_status VALUES ('a2', 1)")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
