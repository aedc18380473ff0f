"""The attachments each alliance's self-evaluation names (round step 9,
``selfeval_attachment``): replaced whole by each import of a workbook that lists them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from alliance_review.core.attachments import Named
from alliance_review.storage import audit


def has_table(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'selfeval_attachment'"
        ).fetchone()
        is not None
    )


def named(conn: sqlite3.Connection, alliance_uid: str | None = None) -> dict[str, list[Named]]:
    """Alliance uid -> the attachments its self-evaluation names, in their order (nothing
    in a file of a format before them)."""
    if not has_table(conn):
        return {}
    where, args = ("WHERE alliance_uid = ?", (alliance_uid,)) if alliance_uid else ("", ())
    found: dict[str, list[Named]] = {}
    for uid, position, name, codes in conn.execute(
        "SELECT alliance_uid, position, name, indicator_codes FROM selfeval_attachment"
        f" {where} ORDER BY alliance_uid, position",
        args,
    ):
        found.setdefault(uid, []).append(
            Named(int(position), str(name), tuple(c for c in str(codes).split(",") if c))
        )
    return found


def replace(conn: sqlite3.Connection, alliance_uid: str, items: Sequence[Named]) -> None:
    """An alliance's named attachments become exactly ``items`` (in the caller's
    transaction), recorded in the trail."""
    conn.execute("DELETE FROM selfeval_attachment WHERE alliance_uid = ?", (alliance_uid,))
    conn.executemany(
        "INSERT INTO selfeval_attachment (alliance_uid, position, name, indicator_codes)"
        " VALUES (?, ?, ?, ?)",
        [(alliance_uid, i.position, i.name, ",".join(i.codes)) for i in items],
    )
    audit.append(conn, "self_attachments", {"alliance": alliance_uid, "named": len(items)})
