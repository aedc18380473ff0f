"""A canonical digest of a file's rows: what a seal signs and a lock records.

Every row of every table named is encoded with its SQLite storage class (integer, real,
text, blob, null: a score stored as REAL or TEXT differs from the INTEGER it imitates),
rows are sorted by their encoding (independent of rowids and page layout, which VACUUM
may change), tables are taken in name order, and the whole is hashed with SHA-256 under
a label naming its purpose. Reading happens in the caller's read transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice

from alliance_review.storage.digest_rows import sqlite_json_matches_python

Value = int | float | str | bytes | None

#: columns a digest leaves out: a document's content is covered by its sha256 (the row
#: beside it), checked whenever the content is read (``storage.documents``); hashing it
#: here would put every document, as hex, in memory
UNSIGNED_COLUMNS = {"document_blob": ("content",)}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    skip = UNSIGNED_COLUMNS.get(table, ())
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")') if row[1] not in skip]


def encode_value(value: Value) -> list[str]:
    """One value with its storage class; Python's sqlite3 maps each class to one type."""
    if value is None:
        return ["n"]
    if isinstance(value, bool):  # never returned by sqlite3; guard against misuse
        raise TypeError("bool is not a SQLite value")
    if isinstance(value, int):
        return ["i", str(value)]
    if isinstance(value, float):
        return ["r", value.hex()]
    if isinstance(value, str):
        return ["t", value]
    if isinstance(value, bytes):
        return ["b", value.hex()]
    raise TypeError(f"not a SQLite value: {type(value).__name__}")


def _dumps(item: object) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def table_lines(conn: sqlite3.Connection, table: str) -> list[str]:
    """The table's columns then its rows, each one canonical JSON line, rows sorted.

    SQLite writes the lines itself (``json_array`` of each value's storage class and
    text, sorted by ``ORDER BY``: UTF-8 byte order is code point order, as Python sorts)
    where its JSON is Python's (``digest_rows.sqlite_json_matches_python``) and the table
    holds no REAL (whose ``float.hex`` SQLite cannot write): a merge checks thirty
    signatures over some 100,000 rows. ``reference_table_lines`` is the plain way.
    """
    return list(_table_lines(conn, table))


def _table_lines(conn: sqlite3.Connection, table: str) -> Iterator[str]:
    """``table_lines`` one line at a time (a large table is not held in memory)."""
    columns = _columns(conn, table)
    if not columns or not sqlite_json_matches_python(conn):
        yield from reference_table_lines(conn, table)
        return
    real = " OR ".join(f"typeof(\"{c}\") = 'real'" for c in columns)
    if conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE {real})').fetchone()[0]:
        yield from reference_table_lines(conn, table)
        return
    values = ", ".join(
        f"CASE typeof(\"{c}\") WHEN 'integer' THEN json_array('i', CAST(\"{c}\" AS TEXT))"
        f" WHEN 'text' THEN json_array('t', \"{c}\") WHEN 'null' THEN json_array('n')"
        f" WHEN 'blob' THEN json_array('b', lower(hex(\"{c}\"))) END"
        for c in columns
    )
    yield _dumps([table, columns])
    for (line,) in conn.execute(
        f'SELECT json_array({values}) AS line FROM "{table}" ORDER BY line'
    ):
        yield line


def reference_table_lines(conn: sqlite3.Connection, table: str) -> list[str]:
    """``table_lines`` the plain way: each value encoded and each row sorted in Python."""
    columns = _columns(conn, table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = sorted(
        _dumps([encode_value(v) for v in row])
        for row in conn.execute(f'SELECT {quoted} FROM "{table}"')
    )
    return [_dumps([table, columns]), *rows]


def tables_of(conn: sqlite3.Connection, leave_out: Iterable[str] = ()) -> list[str]:
    skip = set(leave_out)
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        if name not in skip
    ]


def digest(conn: sqlite3.Connection, label: str, leave_out: Iterable[str] = ()) -> str:
    """SHA-256 (hex) of every table but ``leave_out``, under ``label``."""
    hasher = hashlib.sha256(label.encode("utf-8") + b"\n")
    for table in tables_of(conn, leave_out):
        lines = _table_lines(conn, table)
        while chunk := list(islice(lines, 5000)):  # a few large updates, not one per row
            hasher.update(("\n".join(chunk) + "\n").encode("utf-8"))
    return hasher.hexdigest()
