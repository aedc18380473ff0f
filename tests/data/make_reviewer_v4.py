"""How ``reviewer-v4.sqlite`` was made (kept for the record; the file itself is committed).

A reviewer file at schema version 4 (the register's batches and history), as the release
before documents wrote it: a submitted copy. The version-3 fixture
(``make_reviewer_v3.py``: 甲联盟秘书长, r1, alliances 乙联盟 and 丙联盟, scores and a tick
of 乙联盟), then version 4's statements, issued for the round of ``make_round_v8.py`` with
that fixture's key (its public half is recorded there), a changed note, sealed as
revision 2, signed, and its private key stripped as a submission's is. Re-running this
script is not part of the tests: the point of the fixture is that it stays as old
releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_reviewer_v3 import main as make_reviewer_v3
from make_round_v8 import REVIEWER_KEY, REVIEWER_KEY_ID

from alliance_review.storage import keys, sealing
from alliance_review.storage.schema import REVIEWER_FILE

V4 = REVIEWER_FILE.ladder[3]


def main(out: Path) -> None:
    make_reviewer_v3(out)
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("BEGIN")
    for statement in V4:
        conn.execute(statement)
    conn.execute("UPDATE meta SET round_uid = 'round-v7-fixture'")
    conn.execute(
        "UPDATE signing SET key_id = ?, public_key = ?, private_key = ?",
        (REVIEWER_KEY_ID, keys.public_of(REVIEWER_KEY), REVIEWER_KEY),
    )
    conn.execute(
        "UPDATE score SET note = '缺下年度计划'"
        " WHERE alliance_uid = 'a2' AND indicator_code = '1.1'"
    )
    conn.execute("UPDATE meta SET revision = 2, sealed_at = '2016-03-20T17:00:00+08:00'")
    conn.execute("PRAGMA user_version = 4")
    sealing.sign_file(conn)
    conn.execute("COMMIT")
    sealing.strip_private_key(conn)
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
