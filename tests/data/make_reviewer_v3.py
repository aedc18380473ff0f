"""How ``reviewer-v3.sqlite`` was made (kept for the record; the file itself is committed).

A reviewer file at schema version 3 (its own signing key), as the release before the
register (batch names as data, earlier years' results) wrote it: the version-2 fixture
(``make_reviewer_v2.py``: 乙联盟 of unknown batch and 丙联盟 of 第二批, scores and notes on
乙联盟, an evidence item ticked), then version 3's statements, issued for the version-6
round fixture (``round-v6-fixture``, reviewer r1), with a signing key made for the fixture
(the private half kept: this is the reviewer's working file, submitted once before as
revision 1 and not sealed now). Re-running this script is not part of the tests: the point
of the fixture is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_reviewer_v2 import main as make_reviewer_v2

from alliance_review.storage import keys
from alliance_review.storage.schema import REVIEWER_FILE

V3 = REVIEWER_FILE.ladder[2]


def main(out: Path) -> None:
    make_reviewer_v2(out)
    conn = sqlite3.connect(out)
    for statement in V3:
        conn.execute(statement)
    private = keys.new_private_key()
    conn.execute(
        "INSERT INTO signing (id, key_id, public_key, private_key) VALUES"
        " (1, 'fixture-key-v3', ?, ?)",
        (keys.public_of(private), private),
    )
    conn.execute(
        "UPDATE meta SET round_uid = 'round-v6-fixture', round_title = '2016年度联盟活跃度评价',"
        " round_year = 2016, sealed_at = NULL"
    )
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
