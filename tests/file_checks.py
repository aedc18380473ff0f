"""Helpers that read a file as another program would: its bytes' digest, its SQLite
application id (what the desktop and the app tell the kind of file by)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def digest(path: Path) -> str:
    """SHA-256 of the file's bytes: to show a file was not changed by a byte."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def application_id(path: Path) -> int:
    # read-only, by URI (file:///C:/... on Windows, as path.as_uri() spells it), and closed:
    # Windows keeps an open file from being removed
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()
