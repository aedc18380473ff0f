"""A locked round refuses every change in the file itself: each round table but the logs
has its three lock triggers, and each refuses an insert, an update and a delete made with
sqlite3 behind the app's back. A table a later ladder step adds without them fails here."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from alliance_review.storage.schema import ROUND_FILE, ROUND_LOCKED, apply_ladder

# append-only, hash-chained or logged refusals: written while locked on purpose
LOGS = {"audit", "merge_log"}
# the lock itself: only unlocking passes (its own trigger)
LOCK = "round"
LOCK_TRIGGER = re.compile(
    r"CREATE TRIGGER (\w+) BEFORE (INSERT|UPDATE|DELETE) ON (\w+) WHEN \(SELECT locked FROM"
    r" round WHERE id = 1\) = 1 BEGIN SELECT RAISE\(ABORT, '" + ROUND_LOCKED + r"'\); END"
)


def tables(conn: sqlite3.Connection) -> list[str]:
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def lock_triggers(conn: sqlite3.Connection) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'"):
        match = LOCK_TRIGGER.fullmatch(" ".join(sql.split()))
        if match:
            found.setdefault(match.group(3), set()).add(match.group(2))
    return found


def test_every_round_table_but_the_logs_has_its_three_lock_triggers():
    conn = sqlite3.connect(":memory:")
    apply_ladder(conn, ROUND_FILE, 0, ROUND_FILE.version)
    every = set(tables(conn))
    assert LOGS | {LOCK} <= every
    triggers = lock_triggers(conn)
    missing = {
        table: sorted({"INSERT", "UPDATE", "DELETE"} - triggers.get(table, set()))
        for table in sorted(every - LOGS - {LOCK})
    }
    assert {t: m for t, m in missing.items() if m} == {}
    assert not (set(triggers) & (LOGS | {LOCK}))
    assert len(every - LOGS - {LOCK}) >= 28  # the round's content: settings to evidence


def filler(declared: str) -> object:
    kind = declared.upper()
    if "INT" in kind:
        return 1
    if "REAL" in kind or "FLOA" in kind:
        return 1.0
    if "BLOB" in kind:
        return b"x"
    return "x"


def one_row_everywhere(conn: sqlite3.Connection, names: list[str]) -> None:
    """A row in each table that the demo leaves empty (decisions, history...), so its
    update and delete triggers have a row to refuse. The other rules of those tables
    (their own triggers, checks, foreign keys) are set aside in this copy: the lock
    triggers are what is tested."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    others = [
        name
        for name, table, sql in conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
        if table in names and not LOCK_TRIGGER.fullmatch(" ".join(sql.split()))
    ]
    for name in others:
        conn.execute(f'DROP TRIGGER "{name}"')
    for table in names:
        if conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]:
            continue
        columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        values = [filler(declared) for _, _, declared, *_ in columns]
        marks = ", ".join("?" * len(columns))
        conn.execute(f'INSERT INTO "{table}" VALUES ({marks})', values)


def test_a_locked_round_refuses_insert_update_and_delete_in_every_table(
    demo_round: Path,
):
    conn = sqlite3.connect(demo_round, isolation_level=None)
    content = [t for t in tables(conn) if t not in LOGS | {LOCK}]
    one_row_everywhere(conn, content)
    conn.execute("UPDATE round SET locked = 1 WHERE id = 1")
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in content}
    assert all(counts.values())
    for table in content:
        column = conn.execute(f'PRAGMA table_info("{table}")').fetchone()[1]
        for statement in (
            f'INSERT INTO "{table}" DEFAULT VALUES',
            f'UPDATE "{table}" SET "{column}" = "{column}"',
            f'DELETE FROM "{table}"',
        ):
            with pytest.raises(sqlite3.IntegrityError, match=ROUND_LOCKED):
                conn.execute(statement)
        assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == counts[table]
    # the lock itself: a change that keeps it locked is refused; unlocking passes
    with pytest.raises(sqlite3.IntegrityError, match=ROUND_LOCKED):
        conn.execute("UPDATE round SET title = 'changed' WHERE id = 1")
    conn.execute("UPDATE round SET locked = 0 WHERE id = 1")
    conn.execute(f'DELETE FROM "{content[0]}"')  # unlocked: writable again
    conn.close()
