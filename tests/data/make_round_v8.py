"""How ``round-v8.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 8 (keys that retire), as the release before documents
wrote it: the version-7 fixture (``make_round_v7.py``: two keys of 甲联盟秘书长, one of
乙联盟秘书长, locked and signed), unlocked, then version 8's statements with the upgrade
entry recording the content before it (the first key of r1 retires as of the second's
issue), 甲联盟秘书长's file issued a third time as that release issues (the key before
retired 'reissued' with its trail entry, the new key the one the reviewer file of
``make_reviewer_v4.py`` signs with), and locked again with a lock entry signed by a
secretary key made for the fixture (its content digest recorded as version 8 computed
it). Re-running this script is not part of the tests: the point of the fixture is that
it stays as old releases wrote it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

from make_round_v7 import main as make_round_v7

from alliance_review.storage import audit, keys
from alliance_review.storage.schema import ROUND_FILE

V8 = ROUND_FILE.ladder[7]
#: the reviewer file's key (``make_reviewer_v4.py`` makes its private half the same way)
REVIEWER_KEY = hashlib.sha256(b"reviewer-v4-fixture").digest()
REVIEWER_KEY_ID = "6f1c2a3e-0b7d-4c5e-9a21-3d4e5f607182"
ISSUED_AT = "2017-03-05T10:00:00+08:00"


def main(out: Path) -> None:
    make_round_v7(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    before = audit.content_digest(conn)
    for statement in V8:
        conn.execute(statement)
    audit.append(conn, audit.UPGRADE, {"from": 7, "to": 8, "locked": False,
                                       "content_sha256_before": before})  # fmt: skip
    # issued again: the current key retires ('reissued'), as panel_rows.add_reviewer_key
    conn.execute(
        "UPDATE reviewer_key SET retired_at = ?, retired_why = 'reissued'"
        " WHERE key_id = 'k-r1-again'",
        (ISSUED_AT,),
    )
    retired = {"reviewer": "r1", "key": "k-r1-again", "why": "reissued"}
    audit.append(conn, "key_retired", {**retired, "replaced_by": REVIEWER_KEY_ID})
    conn.execute(
        "INSERT INTO reviewer_key (key_id, reviewer_uid, public_key, issued_at)"
        " VALUES (?, 'r1', ?, ?)",
        (REVIEWER_KEY_ID, keys.public_of(REVIEWER_KEY), ISSUED_AT),
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
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
