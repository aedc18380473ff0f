"""A database copied without its documents' contents (issue 21).

SQLite's backup API copies every page, the documents' contents too: hundreds of MB in a
round or a reviewer file with many documents. Two copies do not want them: a file shown
read-only is read into memory (``files.read_into_memory(contents=False)``: the pane
reads each content from the file itself), and a round's backup (``storage.backups``:
the contents are kept once beside the backups, ``storage.backup_documents``).

``copy_without_contents`` makes the database again in an empty one by the very
statements of its schema and copies every row, in one read transaction of the source:
the tables first, their rows, then indexes, triggers and views (so a locked round's
triggers, which refuse every change, do not fire on the copy). ``document_blob.content``
is NULL in the copy, its overflow pages never read, except for the contents the caller
asks to keep. The schema compared on opening (by name), ``application_id`` and
``user_version`` are the same; rowids of tables without an INTEGER PRIMARY KEY may differ
(no code reads them; digests sort rows by their encoding).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

_KEPT = "alliance_review_content_kept"


def copy_without_contents(
    source: sqlite3.Connection, target: sqlite3.Connection, keep: Collection[str] = ()
) -> None:
    """``source``'s main database made again in ``target`` (a new, empty database), the
    contents of the documents left out but those whose sha256 is in ``keep``. In the
    caller's read transaction of ``source`` if there is one, else in one of its own."""
    target.execute("PRAGMA foreign_keys = OFF")
    began = not source.in_transaction
    if began:
        source.execute("BEGIN")
    kept = frozenset(keep)
    source.create_function(_KEPT, 1, lambda sha: sha in kept, deterministic=True)
    try:
        for pragma in ("application_id", "user_version"):
            value = int(source.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            target.execute(f"PRAGMA {pragma} = {value}")
        schema = source.execute(
            "SELECT type, name, sql FROM main.sqlite_master"
            " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).fetchall()
        target.execute("BEGIN")
        tables = [name for kind, name, _ in schema if kind == "table"]
        for kind, _, sql in schema:
            if kind == "table":
                target.execute(sql)
        for name in tables:
            columns = [row[1] for row in source.execute(f'PRAGMA main.table_info("{name}")')]
            chosen = ", ".join(
                f"CASE WHEN {_KEPT}(sha256) THEN content END"
                if (name, column) == ("document_blob", "content")
                else f'"{column}"'
                for column in columns
            )
            marks = ", ".join("?" for _ in columns)
            target.executemany(
                f'INSERT INTO "{name}" VALUES ({marks})',
                source.execute(f'SELECT {chosen} FROM main."{name}"'),
            )
        for kind, _, sql in schema:
            if kind != "table":
                target.execute(sql)
        target.execute("COMMIT")
    finally:
        if target.in_transaction:
            target.execute("ROLLBACK")
        source.create_function(_KEPT, 1, None)
        if began:
            source.execute("COMMIT")
