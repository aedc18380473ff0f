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
from collections.abc import Iterable

Value = int | float | str | bytes | None


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
    """The table's columns then its rows, each one canonical JSON line, rows sorted."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
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
        for line in table_lines(conn, table):
            hasher.update(line.encode("utf-8") + b"\n")
    return hasher.hexdigest()
