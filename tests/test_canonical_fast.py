"""The canonical digest's rows written by SQLite equal the rows encoded in Python.

A reviewer file's seal and a locked round's record are SHA-256 over every row encoded
with its storage class and sorted (``storage.canonical``). SQLite now writes and sorts
those lines itself; ``reference_table_lines`` is the plain way. On tables of every
storage class (text JSON must escape, Chinese, blobs, nulls, negative integers, and
REALs, which send the table the plain way) both give the same lines, so a signature
made by an earlier version still verifies.
"""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_review.storage import canonical

values = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=6),
    st.binary(max_size=4),
    st.floats(allow_nan=False),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(values, values, values), max_size=12), st.booleans())
def test_sqlite_lines_equal_python_lines(rows, with_reals):
    if not with_reals:  # most tables hold no REAL: the SQLite way; with one, the plain way
        rows = [tuple(None if isinstance(v, float) else v for v in row) for row in rows]
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE TABLE "t x" (a, b, c)')
    conn.executemany('INSERT INTO "t x" VALUES (?, ?, ?)', rows)
    assert canonical.table_lines(conn, "t x") == canonical.reference_table_lines(conn, "t x")
    conn.close()


def test_a_seal_digest_is_unchanged_by_the_fast_way(tmp_path):
    """The same digest either way, on a file with scores (the merge's case)."""
    conn = sqlite3.connect(tmp_path / "f.sqlite")
    conn.execute("CREATE TABLE score (alliance_uid TEXT, indicator_code TEXT, points_centi)")
    conn.executemany(
        "INSERT INTO score VALUES (?, ?, ?)",
        [(f"联盟{n % 50}", f"{n % 18}.1", n * 50) for n in range(2_000)],
    )
    fast = canonical.digest(conn, "label")
    plain = canonical.hashlib.sha256(b"label\n")
    for table in canonical.tables_of(conn):
        for line in canonical.reference_table_lines(conn, table):
            plain.update(line.encode("utf-8") + b"\n")
    assert fast == plain.hexdigest()
