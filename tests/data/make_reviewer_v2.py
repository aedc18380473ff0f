"""How ``reviewer-v2.sqlite`` was made (kept for the record; the file itself is committed).

A reviewer file at schema version 2 (evidence items, ticks, a reason beside a score), as
the release before signed submissions wrote it: the version-1 fixture
(``make_reviewer_v1.py``), then version 2's statements, one evidence item on 1.1 ticked
for 乙联盟, and sealed as revision 1 (a submitted copy of that release, unsigned).
Re-running this script is not part of the tests: the point of the fixture is that it
stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_reviewer_v1 import main as make_reviewer_v1

from alliance_review.storage.schema import REVIEWER_FILE

V2 = REVIEWER_FILE.ladder[1]


def main(out: Path) -> None:
    make_reviewer_v1(out)
    conn = sqlite3.connect(out)
    for statement in V2:
        conn.execute(statement)
    conn.execute("INSERT INTO evidence_item VALUES ('1.1', 'plan', 0, '年度工作计划')")
    conn.execute("INSERT INTO item_tick VALUES ('a2', '1.1', 'plan')")
    conn.execute("UPDATE meta SET revision = 1, sealed_at = '2015-03-20T17:00:00+08:00'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
