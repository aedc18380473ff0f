"""How ``round-v6.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 6 (panel decisions on evidence items), as the release
before the register (batches as data, names over time, status per year, history) wrote
it: the version-5 fixture (``make_round_v5.py``: rubric, two alliances of which one of
unknown batch, reviewers, scores, a merge, a decision, evidence ticks, the audit trail),
unlocked, then version 6's statements, the upgrade entry, a third alliance of 第三批 that
did not take part (联系不畅), a panel decision on an evidence item, and locked again with a
lock entry signed by a secretary key made for the fixture (its content digest recorded as
version 6 computed it). Re-running this script is not part of the tests: the point of the
fixture is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_round_v5 import main as make_round_v5

from alliance_review.storage import audit, keys
from alliance_review.storage.schema import ROUND_FILE

V6 = ROUND_FILE.ladder[5]


def main(out: Path) -> None:
    make_round_v5(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    for statement in V6:
        conn.execute(statement)
    conn.execute("UPDATE round SET uid = 'round-v6-fixture'")
    audit.append(conn, audit.UPGRADE, {"from": 5, "to": 6, "locked": False})
    conn.execute("INSERT INTO alliance VALUES ('a3', 2, '丙联盟', '第三批', '联系人丙')")
    conn.execute("INSERT INTO non_participant VALUES ('a3', '联系不畅', '')")
    audit.append(conn, "roster", {"add": "a3", "name": "丙联盟"})
    conn.execute(
        "INSERT INTO item_decision VALUES ('a1', '1.1', 'plan', 0, '计划未附', "
        "'2016-03-05T10:00:00+08:00')"
    )
    conn.execute(
        "INSERT INTO item_decision_log (alliance_uid, indicator_code, key, done, rationale,"
        " at, action) VALUES ('a1', '1.1', 'plan', 0, '计划未附', '2016-03-05T10:00:00+08:00',"
        " 'set')"
    )
    audit.append(conn, "item_decision", {"alliance": "a1", "item": "plan", "done": False})
    secretary = keys.new_private_key()
    conn.execute("UPDATE round SET locked = 1")
    audit.append(
        conn,
        audit.LOCK,
        {
            "fingerprint": keys.fingerprint(keys.public_of(secretary)),
            "reason": "",
            "content_sha256": audit.content_digest(conn),
        },
        secretary,
    )
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
