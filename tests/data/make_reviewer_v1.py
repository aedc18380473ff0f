"""How ``reviewer-v1.sqlite`` was made (kept for the record; the file itself is committed).

A reviewer file at schema version 1, as the first release wrote it: meta, a small
rubric, two assigned alliances with a self-evaluation, two scores with notes, one
alliance marked done. Re-running this script is not part of the tests: the point of the
fixture is that it stays as old releases wrote it.
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
        " issued_at) VALUES (1, 'round-v1-fixture', '2014年度联盟活跃度评价', 2014, 'r1',"
        " '甲联盟秘书长', '2015-03-02T09:00:00+08:00')"
    )
    conn.execute("INSERT INTO category VALUES ('1', 0, '组织')")
    conn.execute("INSERT INTO indicator VALUES ('1.1', '1', 0, '总结', '', 6000, 100)")
    conn.execute("INSERT INTO indicator VALUES ('1.2', '1', 1, '理事会', '', 4000, 100)")
    conn.execute("INSERT INTO alliance VALUES ('a2', 0, '乙联盟', NULL, '')")
    conn.execute("INSERT INTO alliance VALUES ('a3', 1, '丙联盟', '第二批', '')")
    conn.execute("INSERT INTO self_score VALUES ('a2', '1.1', 4000, '已提交总结')")
    conn.execute("INSERT INTO score VALUES ('a2', '1.1', 3000, '缺计划')")
    conn.execute("INSERT INTO score VALUES ('a2', '1.2', 2000, '未按章程召开')")
    conn.execute("INSERT INTO alliance_status VALUES ('a2', 1)")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
