"""The scores as the content hash serialises them, made by SQLite in the file's key order.

``services.round_digest.content_hash`` hashes every score as the JSON array
``[reviewer, alliance, indicator, exact points text]``, sorted. The score table's primary
key (reviewer, alliance, indicator) gives that order for free (SQLite compares text as
UTF-8 bytes, which is code point order, as Python compares strings), and SQLite's
``json_array`` writes the same text as Python's ``json.dumps(..., ensure_ascii=False)``
with compact separators, so hashing these chunks gives the same digest as serialising
every score in Python, without a Python object per score. ``sqlite_json_matches_python``
checks that promise on the SQLite in use; where it fails, or a row is not a plain
non-negative integer, the caller serialises in Python.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Generator

# exact_text(Fraction(c, 100)) for an integer c >= 0: "12", "12.5", "12.25"
_POINTS_TEXT = (
    "CASE WHEN points_centi % 100 = 0 THEN CAST(points_centi / 100 AS TEXT)"
    " WHEN points_centi % 10 = 0 THEN printf('%d.%d', points_centi / 100,"
    " points_centi % 100 / 10)"
    " ELSE printf('%d.%02d', points_centi / 100, points_centi % 100) END"
)
SCORE_JSON = (
    "SELECT CASE WHEN typeof(points_centi) = 'integer' AND points_centi >= 0"
    f" THEN json_array(reviewer_uid, alliance_uid, indicator_code, {_POINTS_TEXT}) END"
    " FROM score ORDER BY reviewer_uid, alliance_uid, indicator_code"
)
CHUNK = 20_000

_PROBE = "".join(chr(c) for c in range(0x20)) + '"\\/\x7f\u2028\u2029\ufeff中"'
_matches: dict[str, bool] = {}


def sqlite_json_matches_python(conn: sqlite3.Connection) -> bool:
    """Does this SQLite quote strings in JSON exactly as Python's json module does?"""
    if sqlite3.sqlite_version not in _matches:
        try:
            quoted = conn.execute("SELECT json_array(?, 1)", (_PROBE,)).fetchone()[0]
        except sqlite3.OperationalError:  # built without JSON
            quoted = None
        expected = json.dumps([_PROBE, 1], ensure_ascii=False, separators=(",", ":"))
        _matches[sqlite3.sqlite_version] = quoted == expected
    return _matches[sqlite3.sqlite_version]


class DigestRows:
    """Mixed into ``RoundStore``."""

    conn: sqlite3.Connection

    def score_json_chunks(self) -> Generator[str, None, None] | None:
        """The sorted scores' JSON arrays, comma-joined in chunks (None: not possible here).

        Raises ``ValueError`` mid-way when a row is not an integer >= 0 in hundredths (a
        damaged file): the caller then serialises in Python, which judges such a row.
        """
        if not sqlite_json_matches_python(self.conn):
            return None
        return self._chunks()

    def _chunks(self) -> Generator[str, None, None]:
        cursor = self.conn.execute(SCORE_JSON)
        try:
            while rows := cursor.fetchmany(CHUNK):
                texts = [text for (text,) in rows]
                if None in texts:
                    raise ValueError("a score that is not a whole number of hundredths")
                yield ",".join(texts)
        finally:
            cursor.close()
