"""How ``round-v7.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 7 (the register: batches as data, names over time, status
per year, history), as the release before documents wrote it: the version-6 fixture
(``make_round_v6.py``), unlocked, then version 7's statements, the trail's entry for that
upgrade, the key the reviewer file of ``make_reviewer_v4.py`` was issued with (reviewer
r1, 甲联盟秘书长), and locked again with a lock entry signed by a secretary key made for
the fixture (its content digest recorded as version 7 computed it). Re-running this
script is not part of the tests: the point of the fixture is that it stays as old
releases wrote it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

from make_round_v6 import main as make_round_v6

from alliance_review.storage import audit, keys
from alliance_review.storage.schema import ROUND_FILE

V7 = ROUND_FILE.ladder[6]
#: the reviewer file's key (``make_reviewer_v4.py`` makes its private half the same way)
REVIEWER_KEY = hashlib.sha256(b"reviewer-v4-fixture").digest()
REVIEWER_KEY_ID = "6f1c2a3e-0b7d-4c5e-9a21-3d4e5f607182"


def main(out: Path) -> None:
    make_round_v6(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    for statement in V7:
        conn.execute(statement)
    conn.execute("UPDATE round SET uid = 'round-v7-fixture'")
    audit.append(conn, audit.UPGRADE, {"from": 6, "to": 7, "locked": False})
    conn.execute(
        "INSERT INTO reviewer_key VALUES (?, 'r1', ?, '2016-03-01T09:00:00+08:00')",
        (REVIEWER_KEY_ID, keys.public_of(REVIEWER_KEY)),
    )
    audit.append(conn, "issue", {"reviewer": "r1", "key": REVIEWER_KEY_ID})
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
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
