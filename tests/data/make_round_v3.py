"""How ``round-v3.sqlite`` was made (kept for the record; the file itself is committed).

A round file at schema version 3 (the panel's disagreement threshold as a setting, the
locked round's triggers), as that release wrote it: the version-2 fixture (made by
``make_round_v2.py``: rubric, alliances, reviewers, scores, a merge, a decision, locked),
then version 3's statements and a threshold of 8 points. It stays locked, so the test
upgrading it proves that a later step upgrades a locked round. Re-running this script is
not part of the tests: the point of the fixture is that it stays as old releases wrote it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from make_round_v2 import main as make_round_v2

from alliance_review.storage.schema import ROUND_FILE

V3 = ROUND_FILE.ladder[2]


def main(out: Path) -> None:
    make_round_v2(out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE round SET locked = 0")
    for statement in V3:
        conn.execute(statement)
    conn.execute("UPDATE round SET uid = 'round-v3-fixture', disagreement_centi = 800")
    conn.execute("UPDATE round SET locked = 1")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
