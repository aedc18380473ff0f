"""How ``round-v7.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 7 (the register: batches as data, names over time, status
per year, history), as the release before keys retire wrote it: the version-6 fixture
(``make_round_v6.py``), unlocked, then version 7's statements with the upgrade entry
recording the content before it, reviewer files issued as that release issued them (a
key per issue, none retired): 甲联盟秘书长 twice (the file issued again a day later, both
keys still in the file), 乙联盟秘书长 once (the older fixtures' tick of r1 on an alliance
not assigned to r1 removed, so the file passes check); and locked again with a lock entry
signed by a secretary key made for the fixture (its content digest recorded as version 7
computed it). Re-running this script is not part of the tests: the point of the fixture is that it
stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_round_v6 import main as make_round_v6

from alliance_review.storage import audit, keys
from alliance_review.storage.schema import ROUND_FILE

V7 = ROUND_FILE.ladder[6]
ISSUES = (
    ("k-r1-first", "r1", "2017-03-01T09:00:00+08:00"),
    ("k-r1-again", "r1", "2017-03-02T15:30:00+08:00"),
    ("k-r2-first", "r2", "2017-03-01T09:00:05+08:00"),
)


def main(out: Path) -> None:
    make_round_v6(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    before = audit.content_digest(conn)
    for statement in V7:
        conn.execute(statement)
    conn.execute("UPDATE round SET uid = 'round-v7-fixture'")
    # the version-5 fixture's tick of r1 on a1, an alliance r1 is not assigned: gone, so
    # the file passes check's foreign-key check as a round the app wrote would
    conn.execute("DELETE FROM item_tick WHERE reviewer_uid = 'r1' AND alliance_uid = 'a1'")
    audit.append(conn, audit.UPGRADE, {"from": 6, "to": 7, "locked": False,
                                       "content_sha256_before": before})  # fmt: skip
    for key_id, reviewer, at in ISSUES:
        public = keys.public_of(keys.new_private_key())
        conn.execute(
            "INSERT INTO reviewer_key (key_id, reviewer_uid, public_key, issued_at)"
            " VALUES (?, ?, ?, ?)",
            (key_id, reviewer, public, at),
        )
        audit.append(conn, "issue", {"reviewer": reviewer, "key": key_id})
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
