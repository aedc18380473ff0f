"""The expected schema of a file kind and version, remembered across processes.

Before a row of a file is read, its schema is compared with the one the ladder makes
(``schema.expected_signature``): SQLite builds that in memory from every step of the
ladder, a hundred statements, which is most of what a read-only command such as
``ranking`` spends on opening a small round. The result depends only on the ladder's
statements and on SQLite, so it is kept in the data folder under the SHA-256 of both:
a changed ladder or another SQLite has another key and is built afresh. The record is
the app's own (like the signing key beside it); a record that is missing, too large or
not as written is ignored.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from alliance_review.storage import remembered

Signature = list[tuple[str, str, str]]
_RECORD, _MOST_BYTES, _MOST_ENTRIES = "schema-signatures.json", 1024 * 1024, 16


def key_of(application_id: int, steps: list[list[str]]) -> str:
    text = json.dumps([application_id, sqlite3.sqlite_version, steps], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recalled(key: str) -> Signature | None:
    """The signature kept under ``key``, if it is there and well formed."""
    found = remembered.read(_RECORD, _MOST_BYTES).get(key)
    if not isinstance(found, list) or not all(
        isinstance(row, list) and len(row) == 3 and all(isinstance(x, str) for x in row)
        for row in found
    ):
        return None
    return [(row[0], row[1], row[2]) for row in found]


def remember(key: str, signature: Signature) -> None:
    """Keep ``signature`` under ``key`` (best effort: without it, it is built again)."""
    rows = [list(row) for row in signature]
    remembered.keep(_RECORD, key, rows, _MOST_BYTES, _MOST_ENTRIES)
