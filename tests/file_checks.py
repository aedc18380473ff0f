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
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
