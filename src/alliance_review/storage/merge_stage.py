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

from alliance_review.storage.db import harden, readonly_uri, storage_error
from alliance_review.system.permissions import make_private

# a file's rows are consecutive rowids of each table (copied in one statement): ``file``
# keeps their ranges, which every query scans (no index to maintain or look up)
SCHEMA = """
CREATE TABLE file (f INTEGER PRIMARY KEY, s0, s1, t0, t1, d0, d1);
CREATE TABLE score (alliance_uid, indicator_code, points_centi, note, override_reason);
CREATE TABLE tick (alliance_uid, indicator_code, key);
CREATE TABLE document (alliance_uid, sha256, view_sha256);
"""
NAME = "incoming"  # the stage's name on the round's connection


def _of(column: str, first: str) -> str:
    """``column`` (a rowid) within the file ``:f``'s range of a table (``first``: s0, t0
    or d0)."""
    last = first[0] + "1"
    return (
        f"{column} BETWEEN (SELECT {first} FROM {NAME}.file WHERE f = :f)"
        f" AND (SELECT {last} FROM {NAME}.file WHERE f = :f)"
    )


SCORES, TICKS, DOCUMENTS = _of("rowid", "s0"), _of("rowid", "t0"), _of("rowid", "d0")
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
FROM {NAME}.score WHERE {SCORES} AND problem IS NOT NULL ORDER BY rowid LIMIT 1
"""
_BAD_TICK = f"""
SELECT 1 FROM {NAME}.tick WHERE {TICKS} AND NOT (
    typeof(alliance_uid) = 'text' AND length(alliance_uid) <= {TICK_CHARS}
    AND length(CAST(alliance_uid AS BLOB)) <= {4 * TICK_CHARS}
    AND typeof(indicator_code) = 'text' AND length(indicator_code) <= {TICK_CHARS}
    AND length(CAST(indicator_code AS BLOB)) <= {4 * TICK_CHARS}
    AND typeof(key) = 'text' AND length(key) <= {TICK_CHARS}
    AND length(CAST(key AS BLOB)) <= {4 * TICK_CHARS}) LIMIT 1
"""
# the alliances a file scores (a score given) or ticks
_ALLIANCES_OF = f"""
SELECT alliance_uid FROM {NAME}.score WHERE {SCORES} AND points_centi IS NOT NULL
UNION SELECT alliance_uid FROM {NAME}.tick WHERE {TICKS}
"""


class Stage:
    """A private staging database for one batch (a context manager: removed after)."""

    def __init__(self) -> None:
        self.files = 0
        folder = None
        try:
            folder = tempfile.TemporaryDirectory(
                prefix="alliance-review-merge-", ignore_cleanup_errors=True
            )
            make_private(folder.name)
            self.path = Path(folder.name) / "stage.sqlite"
            self.conn = sqlite3.connect(self.path.as_uri(), uri=True, isolation_level=None)
            harden(self.conn)  # it attaches files from elsewhere
            # a file that cannot be staged (a full disk) is rolled back: the journal in memory
            # holds only the pages a file changes, not its rows (new pages)
            self.conn.execute("PRAGMA journal_mode = MEMORY")
            self.conn.execute("PRAGMA synchronous = OFF")
            self.conn.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as error:  # a full disk, said as what it is
            if folder is not None:
                folder.cleanup()
            said = storage_error(error)
            if said is None:
                raise
            raise said from error
        self._folder = folder

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
                ranges = [number]
                for table, source in (
                    (
                        "score",
                        "SELECT alliance_uid, indicator_code, points_centi, note,"
                        " override_reason FROM f.score",
                    ),
                    ("tick", "SELECT alliance_uid, indicator_code, key FROM f.item_tick"),
                    (
                        "document",
                        "SELECT alliance_uid, sha256, view_sha256 FROM f.document"
                        if with_documents
                        else "",
                    ),
                ):
                    (last,) = self.conn.execute(f"SELECT max(rowid) FROM main.{table}").fetchone()
                    if source:
                        self.conn.execute(f"INSERT INTO main.{table} {source} ORDER BY rowid")
                    (now,) = self.conn.execute(f"SELECT max(rowid) FROM main.{table}").fetchone()
                    ranges += [(last or 0) + 1, now or 0]
                self.conn.execute("INSERT INTO main.file VALUES (?, ?, ?, ?, ?, ?, ?)", ranges)
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


def first_not_for(
    conn: sqlite3.Connection, number: int, reviewer_uid: str
) -> tuple[str | None, str | None]:
    """The first alliance (code point order) the file scores with which the reviewer has
    a conflict of interest (their own, or declared), and the first not assigned to the
    reviewer (None for none), in one pass over the file's alliances."""
    conflicted = unassigned = None
    for uid, conflict in conn.execute(
        "SELECT uid, uid IN (SELECT alliance_uid FROM main.conflict WHERE reviewer_uid = :r)"
        f" AS conflict FROM (SELECT alliance_uid AS uid FROM ({_ALLIANCES_OF})) WHERE conflict"
        " OR uid NOT IN (SELECT alliance_uid FROM main.assignment WHERE reviewer_uid = :r)"
        " ORDER BY uid",
        {"f": number, "r": reviewer_uid},
    ):
        if conflict and conflicted is None:
            conflicted = str(uid)
        elif not conflict and unassigned is None:
            unassigned = str(uid)
        if conflicted is not None:
            break
    return conflicted, unassigned


def first_unknown_item(conn: sqlite3.Connection, number: int) -> tuple[str, str] | None:
    """The first tick (alliance, indicator, key order) of an item the rubric lacks."""
    row = conn.execute(
        f"SELECT indicator_code, key FROM {NAME}.tick t WHERE {TICKS} AND NOT EXISTS"
        " (SELECT 1 FROM main.evidence_item e WHERE e.indicator_code = t.indicator_code"
        " AND e.key = t.key) ORDER BY alliance_uid, indicator_code, key LIMIT 1",
        {"f": number},
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def first_out_of_rubric(conn: sqlite3.Connection, number: int) -> tuple[str, int | None] | None:
    """The first score (file order) of an indicator the rubric lacks (points None) or
    whose points are out of the indicator's range or off its step."""
    row = conn.execute(
        f"SELECT s.indicator_code, CASE WHEN i.code IS NULL THEN NULL ELSE s.points_centi END"
        f" FROM {NAME}.score s LEFT JOIN main.indicator i ON i.code = s.indicator_code"
        f" WHERE {_of('s.rowid', 's0')} AND s.points_centi IS NOT NULL AND (i.code IS NULL"
        " OR s.points_centi < 0 OR s.points_centi > i.max_centi"
        " OR s.points_centi % i.step_centi != 0) ORDER BY s.rowid LIMIT 1",
        {"f": number},
    ).fetchone()
    return None if row is None else (str(row[0]), row[1])


def documents(conn: sqlite3.Connection, number: int) -> list[tuple[object, ...]]:
    """The documents a file lists (alliance, sha256, view): a few per alliance."""
    return conn.execute(
        f"SELECT alliance_uid, sha256, view_sha256 FROM {NAME}.document WHERE {DOCUMENTS}",
        {"f": number},
    ).fetchall()


_SAME = (
    "o.points_centi IS n.points_centi AND o.note IS n.note"
    " AND o.override_reason IS n.override_reason"
)
# each new score beside the merged one of its key (the round's primary key: a lookup)
_SCORE_PAIRS = f"""
SELECT n.alliance_uid AS a, o.alliance_uid IS NOT NULL AS matched,
    o.alliance_uid IS NOT NULL AND ({_SAME}) AS same
FROM {NAME}.score n LEFT JOIN main.score o ON o.reviewer_uid = :r
    AND o.alliance_uid = n.alliance_uid AND o.indicator_code = n.indicator_code
WHERE {_of("n.rowid", "s0")} AND n.points_centi IS NOT NULL
"""
# per alliance of the file: its new scores and ticks matched in the merged revision and
# those not matched or differing; per alliance merged: its scores and ticks
_BY_ALLIANCE = f"""
ns(a, matched, differ) AS (SELECT a, sum(matched), sum(NOT same) FROM ({_SCORE_PAIRS})
    GROUP BY a),
nt(a, matched, differ) AS (SELECT n.alliance_uid, count(o.alliance_uid),
    sum(o.alliance_uid IS NULL)
    FROM (SELECT DISTINCT alliance_uid, indicator_code, key FROM {NAME}.tick
        WHERE {TICKS}) n
    LEFT JOIN main.item_tick o ON o.reviewer_uid = :r AND o.alliance_uid = n.alliance_uid
        AND o.indicator_code = n.indicator_code AND o.key = n.key
    GROUP BY n.alliance_uid),
os(a, c) AS (SELECT alliance_uid, count(*) FROM main.score WHERE reviewer_uid = :r
    GROUP BY alliance_uid),
ot(a, c) AS (SELECT alliance_uid, count(*) FROM main.item_tick WHERE reviewer_uid = :r
    GROUP BY alliance_uid),
new_a(a) AS (SELECT a FROM ns UNION SELECT a FROM nt),
old_a(a) AS (SELECT a FROM os UNION SELECT a FROM ot)
"""


def compare(
    conn: sqlite3.Connection, number: int, reviewer_uid: str
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """A file against the reviewer's merged scores: alliances new / changed / unchanged /
    removed (a tick counts as a change; code point order) and the scores' counts. Every
    new row is looked up in the round by its key; the merged rows are only counted."""
    names = {"f": number, "r": reviewer_uid}
    groups: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": [], "removed": []}
    (merged,) = conn.execute(
        "SELECT count(*) FROM main.score WHERE reviewer_uid = ?", (reviewer_uid,)
    ).fetchone()
    (ticked,) = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM main.item_tick WHERE reviewer_uid = ?)", (reviewer_uid,)
    ).fetchone()
    if not merged and not ticked:  # the reviewer's first merge: everything is new
        groups["new"] = [uid for (uid,) in conn.execute(f"{_ALLIANCES_OF} ORDER BY 1", names)]
        (new,) = conn.execute(
            f"SELECT count(*) FROM {NAME}.score WHERE {SCORES} AND points_centi IS NOT NULL",
            names,
        ).fetchone()
        return groups, {"new": new, "changed": 0, "unchanged": 0, "removed": 0}
    for uid, group in conn.execute(
        f"""WITH {_BY_ALLIANCE}
        SELECT new_a.a, CASE
            WHEN coalesce(os.c, 0) + coalesce(ot.c, 0) = 0 THEN 'new'
            WHEN coalesce(ns.differ, 0) > 0 OR coalesce(nt.differ, 0) > 0
                OR coalesce(ns.matched, 0) < coalesce(os.c, 0)
                OR coalesce(nt.matched, 0) < coalesce(ot.c, 0) THEN 'changed'
            ELSE 'unchanged' END
        FROM new_a LEFT JOIN ns ON ns.a = new_a.a LEFT JOIN nt ON nt.a = new_a.a
            LEFT JOIN os ON os.a = new_a.a LEFT JOIN ot ON ot.a = new_a.a
        UNION ALL SELECT a, 'removed' FROM (SELECT a FROM old_a EXCEPT SELECT a FROM new_a)
        ORDER BY 1""",
        names,
    ):
        groups[group].append(uid)
    new, changed, unchanged = conn.execute(
        f"SELECT count(*) FILTER (WHERE NOT matched), count(*) FILTER (WHERE matched AND NOT"
        f" same), count(*) FILTER (WHERE same) FROM ({_SCORE_PAIRS})",
        names,
    ).fetchone()
    counts = {
        "new": new,
        "changed": changed,
        "unchanged": unchanged,
        "removed": merged - changed - unchanged,
    }
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
        " note, override_reason) SELECT :r, alliance_uid, indicator_code, points_centi, note,"
        f" override_reason FROM {NAME}.score WHERE {SCORES} AND points_centi IS NOT NULL",
        {"r": reviewer_uid, "f": number},
    )
    conn.execute(
        "INSERT INTO main.item_tick (reviewer_uid, alliance_uid, indicator_code, key)"
        f" SELECT DISTINCT :r, alliance_uid, indicator_code, key FROM {NAME}.tick WHERE {TICKS}",
        {"r": reviewer_uid, "f": number},
    )
    conn.execute(
        "INSERT INTO main.merged_revision (reviewer_uid, revision, content_hash, merged_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (reviewer_uid) DO UPDATE SET"
        " revision = excluded.revision, content_hash = excluded.content_hash,"
        " merged_at = excluded.merged_at",
        (reviewer_uid, revision, content_hash, at),
    )
