"""How ``round-v5.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 5 (reviewer keys, the hash-chained audit trail, a signed
lock), as the release before panel decisions on evidence items wrote it: the version-4
fixture (``make_round_v4.py``: rubric, alliances, reviewers, scores, a merge, a decision,
an evidence item ticked with a reason), unlocked, then version 5's statements, the trail's
first entry (the upgrade from 4), a second reviewer's tick of the item, and locked again
with a lock entry signed by a secretary key made for the fixture (its content digest
recorded as version 5 computed it). Re-running this script is not part of the tests: the
point of the fixture is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_round_v4 import main as make_round_v4

from alliance_review.storage import audit, keys
from alliance_review.storage.schema import ROUND_FILE

V5 = ROUND_FILE.ladder[4]


def main(out: Path) -> None:
    make_round_v4(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    for statement in V5:
        conn.execute(statement)
    conn.execute("UPDATE round SET uid = 'round-v5-fixture'")
    audit.append(conn, audit.UPGRADE, {"from": 4, "to": 5, "locked": False})
    conn.execute("INSERT INTO item_tick VALUES ('r1', 'a1', '1.1', 'plan')")
    audit.append(conn, "items", {"ticks": 1})
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
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
