"""The merge's stage: returned files' rows, raw, on disk, judged and copied by SQL.

A batch of reviewer files is read one file at a time (``storage.submission``: a private
copy of the bytes read) and each copy's rows are copied as they are, every value with
the type the file gave it, into one private staging database (``Stage``): columns
without a declared type keep INTEGER, REAL, TEXT and BLOB apart. Nothing of a file's
rows is held in memory, so a batch of thirty files at 50,000 alliances needs what one
file needs. The round's connection attaches the stage as ``incoming`` for the batch;
the checks (``first_bad_row`` and the others: types, bounds, the reviewer's assignment,
the round's rubric) and the comparison with the merged revision are queries on it, and a
file's rows reach the round with ``INSERT … SELECT`` (``write``), under the round's own
triggers and foreign keys. The stage is removed with its folder when the batch ends.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alliance_review.storage.db import harden, readonly_uri
from alliance_review.system.permissions import make_private

SCHEMA = """
CREATE TABLE score (f INTEGER NOT NULL, alliance_uid, indicator_code, points_centi, note,
    override_reason);
CREATE INDEX score_by_file ON score (f, alliance_uid, indicator_code);
CREATE TABLE tick (f INTEGER NOT NULL, alliance_uid, indicator_code, key);
CREATE INDEX tick_by_file ON tick (f, alliance_uid, indicator_code, key);
CREATE TABLE document (f INTEGER NOT NULL, alliance_uid, sha256, view_sha256);
CREATE INDEX document_by_file ON document (f);
"""
NAME = "incoming"  # the stage's name on the round's connection
TICK_CHARS = 200  # an evidence item tick's ids, at most (characters)

# the first row of a file that is not typed as the merge needs it, with what is wrong:
# 1 an id not text, 2 a note not text or too long, 3 a reason so, 4 points not INTEGER
# (NULL points: a score not given, skipped). Text length is counted by SQLite up to a NUL
# character; the bytes' bound (4 per character at most) catches text hidden after one.
_BAD_SCORE = f"""
SELECT indicator_code, typeof(points_centi), CASE
    WHEN typeof(alliance_uid) != 'text' OR typeof(indicator_code) != 'text' THEN 1
    WHEN typeof(note) != 'text' OR length(note) > :chars
        OR length(CAST(note AS BLOB)) > 4 * :chars THEN 2
    WHEN typeof(override_reason) != 'text' OR length(override_reason) > :chars
        OR length(CAST(override_reason AS BLOB)) > 4 * :chars THEN 3
    WHEN points_centi IS NOT NULL AND typeof(points_centi) != 'integer' THEN 4 END AS problem
FROM {NAME}.score WHERE f = :f AND problem IS NOT NULL ORDER BY rowid LIMIT 1
"""
_BAD_TICK = f"""
SELECT 1 FROM {NAME}.tick WHERE f = :f AND NOT (
    typeof(alliance_uid) = 'text' AND length(alliance_uid) <= {TICK_CHARS}
    AND length(CAST(alliance_uid AS BLOB)) <= {4 * TICK_CHARS}
    AND typeof(indicator_code) = 'text' AND length(indicator_code) <= {TICK_CHARS}
    AND length(CAST(indicator_code AS BLOB)) <= {4 * TICK_CHARS}
    AND typeof(key) = 'text' AND length(key) <= {TICK_CHARS}
    AND length(CAST(key AS BLOB)) <= {4 * TICK_CHARS}) LIMIT 1
"""
# the alliances a file scores (a score given) or ticks
_ALLIANCES = f"""
alliances(uid) AS (
    SELECT alliance_uid FROM {NAME}.score WHERE f = :f AND points_centi IS NOT NULL
    UNION SELECT alliance_uid FROM {NAME}.tick WHERE f = :f)
"""


class Stage:
    """A private staging database for one batch (a context manager: removed after)."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(
            prefix="alliance-review-merge-", ignore_cleanup_errors=True
        )
        make_private(self._folder.name)
        self.path = Path(self._folder.name) / "stage.sqlite"
        self.conn = sqlite3.connect(self.path.as_uri(), uri=True, isolation_level=None)
        harden(self.conn)  # it attaches files from elsewhere
        self.conn.execute("PRAGMA journal_mode = OFF")  # scratch: nothing to recover
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.executescript(SCHEMA)
        self.files = 0

    def __enter__(self) -> Stage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
        self._folder.cleanup()

    def add(self, copy: Path, with_documents: bool) -> int:
        """Copy a private copy's rows, raw, under a new file number (returned)."""
        number = self.files
        self.files += 1
        self.conn.execute("ATTACH DATABASE ? AS f", (readonly_uri(copy),))
        try:
            with self.conn:  # one transaction: the rows of a file or none
                self.conn.execute("BEGIN")
                self.conn.execute(
                    "INSERT INTO main.score SELECT ?, alliance_uid, indicator_code,"
                    " points_centi, note, override_reason FROM f.score",
                    (number,),
                )
                self.conn.execute(
                    "INSERT INTO main.tick SELECT ?, alliance_uid, indicator_code, key"
                    " FROM f.item_tick",
                    (number,),
                )
                if with_documents:
                    self.conn.execute(
                        "INSERT INTO main.document SELECT ?, alliance_uid, sha256, view_sha256"
                        " FROM f.document",
                        (number,),
                    )
        finally:
            self.conn.execute("DETACH DATABASE f")
        return number

    def attach(self, conn: sqlite3.Connection) -> None:
        """The stage readable on the round's connection as ``incoming`` (within the
        batch's transaction: ``BEGIN IMMEDIATE`` would lock the stage against ``add``)."""
        conn.execute(f"ATTACH DATABASE ? AS {NAME}", (str(self.path),))

    def detach(self, conn: sqlite3.Connection) -> None:
        """Once the batch's transaction has ended (within a caller's, it ends with it)."""
        attached = any(row[1] == NAME for row in conn.execute("PRAGMA database_list"))
        if attached and not conn.in_transaction:
            conn.execute(f"DETACH DATABASE {NAME}")

    @contextmanager
    def attached(self, conn: sqlite3.Connection) -> Iterator[None]:
        self.attach(conn)
        try:
            yield
        finally:
            self.detach(conn)


def first_bad_score(conn: sqlite3.Connection, number: int, chars: int) -> tuple[object, str, int]:
    """(indicator code, storage class of the points, problem 1-4) of a file's first score
    row not typed as the merge needs it, or ``(None, "", 0)``."""
    row = conn.execute(_BAD_SCORE, {"f": number, "chars": chars}).fetchone()
    return (row[0], str(row[1]), int(row[2])) if row is not None else (None, "", 0)


def has_bad_tick(conn: sqlite3.Connection, number: int) -> bool:
    return conn.execute(_BAD_TICK, {"f": number}).fetchone() is not None


def first_conflicted(conn: sqlite3.Connection, number: int, reviewer_uid: str) -> str | None:
    """The first alliance (code point order) the file scores with which the reviewer has
    a conflict of interest (their own, or declared)."""
    row = conn.execute(
        f"WITH {_ALLIANCES} SELECT uid FROM alliances WHERE uid IN"
        " (SELECT alliance_uid FROM main.conflict WHERE reviewer_uid = :r) ORDER BY uid LIMIT 1",
        {"f": number, "r": reviewer_uid},
    ).fetchone()
    return None if row is None else str(row[0])


def first_unassigned(conn: sqlite3.Connection, number: int, reviewer_uid: str) -> str | None:
    """The first alliance the file scores that is not assigned to the reviewer."""
    row = conn.execute(
        f"WITH {_ALLIANCES} SELECT uid FROM alliances WHERE uid NOT IN"
        " (SELECT alliance_uid FROM main.assignment WHERE reviewer_uid = :r)"
        " ORDER BY uid LIMIT 1",
        {"f": number, "r": reviewer_uid},
    ).fetchone()
    return None if row is None else str(row[0])


def first_unknown_item(conn: sqlite3.Connection, number: int) -> tuple[str, str] | None:
    """The first tick (alliance, indicator, key order) of an item the rubric lacks."""
    row = conn.execute(
        f"SELECT indicator_code, key FROM {NAME}.tick t WHERE f = ? AND NOT EXISTS"
        " (SELECT 1 FROM main.evidence_item e WHERE e.indicator_code = t.indicator_code"
        " AND e.key = t.key) ORDER BY alliance_uid, indicator_code, key LIMIT 1",
        (number,),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def first_out_of_rubric(conn: sqlite3.Connection, number: int) -> tuple[str, int | None] | None:
    """The first score (file order) of an indicator the rubric lacks (points None) or
    whose points are out of the indicator's range or off its step."""
    row = conn.execute(
        f"SELECT s.indicator_code, CASE WHEN i.code IS NULL THEN NULL ELSE s.points_centi END"
        f" FROM {NAME}.score s LEFT JOIN main.indicator i ON i.code = s.indicator_code"
        " WHERE s.f = ? AND s.points_centi IS NOT NULL AND (i.code IS NULL"
        " OR s.points_centi < 0 OR s.points_centi > i.max_centi"
        " OR s.points_centi % i.step_centi != 0) ORDER BY s.rowid LIMIT 1",
        (number,),
    ).fetchone()
    return None if row is None else (str(row[0]), row[1])


def documents(conn: sqlite3.Connection, number: int) -> list[tuple[object, ...]]:
    """The documents a file lists (alliance, sha256, view): a few per alliance."""
    return conn.execute(
        f"SELECT alliance_uid, sha256, view_sha256 FROM {NAME}.document WHERE f = ?", (number,)
    ).fetchall()


_SIDES = f"""
new_s(a, c, p, n, o) AS (SELECT alliance_uid, indicator_code, points_centi, note,
    override_reason FROM {NAME}.score WHERE f = :f AND points_centi IS NOT NULL),
old_s(a, c, p, n, o) AS (SELECT alliance_uid, indicator_code, points_centi, note,
    override_reason FROM main.score WHERE reviewer_uid = :r),
new_t(a, c, k) AS (SELECT DISTINCT alliance_uid, indicator_code, key FROM {NAME}.tick
    WHERE f = :f),
old_t(a, c, k) AS (SELECT alliance_uid, indicator_code, key FROM main.item_tick
    WHERE reviewer_uid = :r)
"""


def compare(
    conn: sqlite3.Connection, number: int, reviewer_uid: str
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """A file against the reviewer's merged scores: alliances new / changed / unchanged /
    removed (a tick counts as a change; code point order) and the scores' counts."""
    names = {"f": number, "r": reviewer_uid}
    groups: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": [], "removed": []}
    for uid, group in conn.execute(
        f"""WITH {_SIDES},
        new_a(a) AS (SELECT a FROM new_s UNION SELECT a FROM new_t),
        old_a(a) AS (SELECT a FROM old_s UNION SELECT a FROM old_t),
        differ(a) AS (
            SELECT n.a FROM new_s n LEFT JOIN old_s o ON o.a = n.a AND o.c = n.c
                WHERE o.a IS NULL OR NOT (o.p IS n.p AND o.n IS n.n AND o.o IS n.o)
            UNION SELECT o.a FROM old_s o LEFT JOIN new_s n ON n.a = o.a AND n.c = o.c
                WHERE n.a IS NULL
            UNION SELECT n.a FROM new_t n LEFT JOIN old_t o USING (a, c, k) WHERE o.a IS NULL
            UNION SELECT o.a FROM old_t o LEFT JOIN new_t n USING (a, c, k) WHERE n.a IS NULL)
        SELECT a, CASE WHEN a NOT IN old_a THEN 'new' WHEN a IN differ THEN 'changed'
            ELSE 'unchanged' END FROM new_a
        UNION ALL SELECT a, 'removed' FROM (SELECT a FROM old_a EXCEPT SELECT a FROM new_a)
        ORDER BY 1""",
        names,
    ):
        groups[group].append(uid)
    new, changed, unchanged = conn.execute(
        f"""WITH {_SIDES} SELECT count(*) FILTER (WHERE o.a IS NULL),
            count(*) FILTER (WHERE o.a IS NOT NULL
                AND NOT (o.p IS n.p AND o.n IS n.n AND o.o IS n.o)),
            count(*) FILTER (WHERE o.p IS n.p AND o.n IS n.n AND o.o IS n.o)
        FROM new_s n LEFT JOIN old_s o ON o.a = n.a AND o.c = n.c""",
        names,
    ).fetchone()
    (removed,) = conn.execute(
        f"""WITH {_SIDES} SELECT count(*) FROM old_s o
        WHERE NOT EXISTS (SELECT 1 FROM new_s n WHERE n.a = o.a AND n.c = o.c)""",
        names,
    ).fetchone()
    counts = {"new": new, "changed": changed, "unchanged": unchanged, "removed": removed}
    return groups, counts


def write(
    conn: sqlite3.Connection,
    number: int,
    reviewer_uid: str,
    revision: int,
    content_hash: str,
    at: str,
) -> None:
    """A newer revision replaces the reviewer's scores and evidence ticks as a whole, the
    file's rows copied from the stage (caller's transaction)."""
    conn.execute("DELETE FROM main.score WHERE reviewer_uid = ?", (reviewer_uid,))
    conn.execute("DELETE FROM main.item_tick WHERE reviewer_uid = ?", (reviewer_uid,))
    conn.execute(
        "INSERT INTO main.score (reviewer_uid, alliance_uid, indicator_code, points_centi,"
        " note, override_reason) SELECT ?, alliance_uid, indicator_code, points_centi, note,"
        f" override_reason FROM {NAME}.score WHERE f = ? AND points_centi IS NOT NULL"
        " ORDER BY rowid",
        (reviewer_uid, number),
    )
    conn.execute(
        "INSERT INTO main.item_tick (reviewer_uid, alliance_uid, indicator_code, key)"
        f" SELECT DISTINCT ?, alliance_uid, indicator_code, key FROM {NAME}.tick WHERE f = ?",
        (reviewer_uid, number),
    )
    conn.execute(
        "INSERT INTO main.merged_revision (reviewer_uid, revision, content_hash, merged_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (reviewer_uid) DO UPDATE SET"
        " revision = excluded.revision, content_hash = excluded.content_hash,"
        " merged_at = excluded.merged_at",
        (reviewer_uid, revision, content_hash, at),
    )
