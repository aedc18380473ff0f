"""Sealing a reviewer file: an Ed25519 signature over its canonical content.

The signed message is a label, the file's key id and the canonical digest
(``storage.canonical``) of every table but ``signing``: meta (round id, reviewer id and
name, revision, sealed time, note rules), the rubric, the alliances, self-evaluations,
every score and note, and the done marks, each value with its SQLite type. So any change
to what the file says after sealing, down to a score's type, breaks the signature.
Whether the key is the reviewer's is for the round to say: it keeps the public half of
the key it issued with the file (``reviewer_key``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from alliance_review.storage import canonical, keys

LABEL = "alliance-review reviewer seal v1"
SIGNED, UNSIGNED, NO_KEY, INVALID, OLDER = "signed", "unsigned", "no-key", "invalid", "older"


def message(conn: sqlite3.Connection, key_id: str) -> bytes:
    digest = canonical.digest(conn, LABEL, leave_out=("signing",))
    return f"{LABEL}\n{key_id}\n{digest}".encode()


def has_signing(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signing'")
    return row.fetchone() is not None


@dataclass(frozen=True)
class Seal:
    """A file's key and signature as the file states them (not yet trusted)."""

    status: str  # SIGNED (self-consistent) | UNSIGNED | NO_KEY | INVALID | OLDER
    key_id: str = ""
    public_key: bytes = b""
    signature: bytes = b""
    has_private_key: bool = False


def read_seal(conn: sqlite3.Connection) -> Seal:
    """The file's own view: is its signature valid under the public key it carries?"""
    return _read_seal(conn, False)[0]


def read_seal_signed(conn: sqlite3.Connection) -> tuple[Seal, bytes]:
    """``read_seal`` and the signed message (b"" for a file of a format before keys),
    the canonical digest computed once: the merge verifies the same message again with
    the key the round issued, and a digest is most of the cost of reading a file."""
    return _read_seal(conn, True)


def _read_seal(conn: sqlite3.Connection, want_message: bool) -> tuple[Seal, bytes]:
    if not has_signing(conn):
        return Seal(OLDER), b""
    row = conn.execute(
        "SELECT key_id, public_key, private_key IS NOT NULL, signature FROM signing"
    ).fetchone()
    key_id = row[0] if row is not None and isinstance(row[0], str) else ""
    signed = message(conn, key_id) if want_message else b""
    if row is None:
        return Seal(NO_KEY), signed
    _, public, has_private, signature = row
    if not (isinstance(row[0], str) and isinstance(public, bytes)):
        return Seal(INVALID), signed
    if signature is None:
        return Seal(UNSIGNED, key_id, public, b"", bool(has_private)), signed
    if not isinstance(signature, bytes):
        return Seal(INVALID, key_id, public), signed
    ok = keys.verify(public, signature, signed or message(conn, key_id))
    return Seal(SIGNED if ok else INVALID, key_id, public, signature, bool(has_private)), signed


def sign_file(conn: sqlite3.Connection) -> None:
    """Sign the file's current content with its own key (in the caller's transaction)."""
    row = conn.execute("SELECT key_id, private_key FROM signing").fetchone()
    if row is None or row[1] is None:
        raise LookupError("no signing key")
    key_id, private = row
    signature = keys.sign(private, message(conn, key_id))
    conn.execute("UPDATE signing SET signature = ?", (signature,))


def strip_private_key(conn: sqlite3.Connection) -> None:
    """Remove the private key from a written submission, leaving no trace in free pages."""
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("UPDATE signing SET private_key = NULL")
    conn.execute("VACUUM")
