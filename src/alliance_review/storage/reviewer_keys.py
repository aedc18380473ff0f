"""Each reviewer's signing key, kept also in the user's data folder on the reviewer's
computer, so that any copy of the reviewer's file on that computer can be continued and
submitted again.

A submitted copy carries no private key (nobody who handles it can sign in the reviewer's
name); a working file continued from it used to have none either, and could never be
submitted. The key is kept when the reviewer works in or submits the file they were
issued, in a file readable by its owner only (``private_dir``, mode 0600), named by the
round and the reviewer; it is given back to a working copy only when its public half is
the one the copy carries.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alliance_review.storage import keys, sealing
from alliance_review.system.places import private_dir
from alliance_review.system.writing import write_bytes

_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


def key_path(round_uid: str, reviewer_uid: str) -> Path | None:
    """Where the key of one reviewer of one round is kept (None for identifiers that could
    not be a file name: a crafted file)."""
    if not (_SAFE.match(round_uid) and _SAFE.match(reviewer_uid)):
        return None
    try:
        folder = private_dir("keys", "reviewers")
    except OSError:
        return None  # no data folder to write (a read-only profile)
    return folder / f"{round_uid}-{reviewer_uid}.key"


def keep(round_uid: str, reviewer_uid: str, private: bytes) -> bool:
    """Keep ``private`` for this round and reviewer (once; an existing key is left as it
    is); False when it could not be written (the file still works, only a continued copy
    could then not be signed)."""
    path = key_path(round_uid, reviewer_uid)
    if path is None or len(private) != 32:
        return False
    if kept(round_uid, reviewer_uid, keys.public_of(private)) is not None:
        return True
    try:
        write_bytes(path, private.hex().encode("ascii"), private=True)
    except OSError:
        return False
    return True


def kept(round_uid: str, reviewer_uid: str, public: bytes) -> bytes | None:
    """The kept private key whose public half is ``public``, or None."""
    path = key_path(round_uid, reviewer_uid)
    if path is None or not path.is_file():
        return None
    try:
        private = bytes.fromhex(path.read_text(encoding="ascii").strip()[:64])
        if len(private) == 32 and keys.public_of(private) == public:
            return private
    except (OSError, ValueError):
        return None
    return None


def _ids(conn: sqlite3.Connection) -> tuple[str, str] | None:
    row = conn.execute("SELECT round_uid, reviewer_uid FROM meta").fetchone()
    if row is None or not all(isinstance(v, str) for v in row):
        return None
    return str(row[0]), str(row[1])


def keep_from(conn: sqlite3.Connection) -> bool:
    """Keep the private key a working file carries (a file issued to the reviewer)."""
    ids = _ids(conn)
    if ids is None or not sealing.has_signing(conn):
        return False
    row = conn.execute("SELECT private_key FROM signing").fetchone()
    if row is None or not isinstance(row[0], bytes):
        return False
    return keep(*ids, row[0])


def key_for(conn: sqlite3.Connection) -> bytes | None:
    """The kept private key of a file that carries none (a submitted copy), when its
    public half is the file's own."""
    ids = _ids(conn)
    if ids is None or not sealing.has_signing(conn):
        return None
    row = conn.execute("SELECT public_key FROM signing").fetchone()
    if row is None or not isinstance(row[0], bytes):
        return None
    return kept(*ids, row[0])


def give_back(conn: sqlite3.Connection) -> bool:
    """Put the kept key into a working copy made from a submitted one (in the caller's
    transaction); False when this computer does not keep it."""
    private = key_for(conn)
    if private is None:
        return False
    conn.execute("UPDATE signing SET private_key = ?", (private,))
    return True
