"""Documents in a round or reviewer file: rows, contents stored once by hash, page texts.

Three tables, the same in both kinds of file (ladder steps: round 9, reviewer 5):
``document_blob`` (sha256, size, content; content NULL when the file does not carry it:
a submitted copy, or a reviewer file whose documents travel in a separate package),
``document`` (one alliance's document: title, file name, kind, the original's sha256,
the sha256 of the PDF shown, pages) and ``document_page`` (the text of each page, for
searching). Contents are written and read in chunks (``blobopen``): a document is never
held whole, let alone as hex, in memory, and every read checks the SHA-256 as it goes.
Digests (a reviewer's seal, a round's lock) cover the rows and the sha256 of each
content, not the content itself (``canonical.UNSIGNED_COLUMNS``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from alliance_review.core.documents import MAX_DOCUMENT_BYTES, Document
from alliance_review.core.errors import FileRefused
from alliance_review.system.reading import NotRegularFile, open_for_reading
from alliance_review.system.writing import atomic_file

CHUNK = 1024 * 1024
_COLUMNS = (
    "d.id, d.alliance_uid, d.position, d.title, d.file_name, d.kind, d.sha256, b.size,"
    " d.view_sha256, d.pages, d.added_at"
)


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class ContentAltered(FileRefused):
    """A stored document's bytes do not hash to the sha256 they are stored under."""


def has_documents_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document'"
        ).fetchone()
        is not None
    )


def _document(row: tuple[object, ...]) -> Document:
    return Document(*row)  # type: ignore[arg-type]


def documents(conn: sqlite3.Connection, alliance_uid: str | None = None) -> list[Document]:
    """The documents of one alliance (or of every alliance), in their order (none in a
    file of a format before documents)."""
    if not has_documents_tables(conn):
        return []
    where, args = ("WHERE d.alliance_uid = ?", (alliance_uid,)) if alliance_uid else ("", ())
    return [
        _document(row)
        for row in conn.execute(
            f"SELECT {_COLUMNS} FROM document d JOIN document_blob b ON b.sha256 = d.sha256"
            f" {where} ORDER BY d.alliance_uid, d.position, d.id",
            args,
        )
    ]


def document(conn: sqlite3.Connection, document_id: int) -> Document | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM document d JOIN document_blob b ON b.sha256 = d.sha256"
        " WHERE d.id = ?",
        (document_id,),
    ).fetchone()
    return None if row is None else _document(row)


def counts(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Alliance uid -> (documents, bytes of their originals)."""
    return {
        uid: (count, size)
        for uid, count, size in conn.execute(
            "SELECT d.alliance_uid, count(*), coalesce(sum(b.size), 0) FROM document d"
            " JOIN document_blob b ON b.sha256 = d.sha256 GROUP BY d.alliance_uid"
        )
    }


def hashes_by_alliance(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Alliance uid -> the sha256 of its documents' originals and of the PDFs shown."""
    found: dict[str, set[str]] = {}
    if not has_documents_tables(conn):
        return found
    for uid, sha, view in conn.execute("SELECT alliance_uid, sha256, view_sha256 FROM document"):
        found.setdefault(uid, set()).add(sha)
        if view is not None:
            found[uid].add(view)
    return found


def content_sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """sha256 -> size of every content the file names (carried or not)."""
    return {sha: int(size) for sha, size in conn.execute("SELECT sha256, size FROM document_blob")}


def bytes_of(conn: sqlite3.Connection, alliance_uids: Iterable[str]) -> int:
    """Bytes of the contents the documents of these alliances need (each content once)."""
    if not has_documents_tables(conn):
        return 0
    wanted = sorted(set(alliance_uids))
    if not wanted:
        return 0
    marks = ", ".join("?" for _ in wanted)
    row = conn.execute(
        f"SELECT coalesce(sum(size), 0) FROM document_blob WHERE content IS NOT NULL AND sha256"
        f" IN (SELECT sha256 FROM document WHERE alliance_uid IN ({marks}) UNION SELECT"
        f" view_sha256 FROM document WHERE alliance_uid IN ({marks}))",
        wanted + wanted,
    ).fetchone()
    return int(row[0])


def stored_bytes(conn: sqlite3.Connection) -> int:
    """Bytes of every content the file holds (originals and the PDFs made of them)."""
    row = conn.execute(
        "SELECT coalesce(sum(size), 0) FROM document_blob WHERE content IS NOT NULL"
    ).fetchone()
    return int(row[0])


def has_content(conn: sqlite3.Connection, sha256: str) -> bool:
    row = conn.execute(
        "SELECT content IS NOT NULL FROM document_blob WHERE sha256 = ?", (sha256,)
    ).fetchone()
    return bool(row and row[0])


def missing_contents(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(sha256, size) of the contents the documents need that this file does not carry."""
    return [
        (sha, size)
        for sha, size in conn.execute(
            "SELECT DISTINCT b.sha256, b.size FROM document_blob b JOIN document d"
            " ON b.sha256 IN (d.sha256, d.view_sha256) WHERE b.content IS NULL ORDER BY b.sha256"
        )
    ]


def text_keys(conn: sqlite3.Connection) -> list[str]:
    """The sha256 page texts are kept under: each document's PDF shown, or its original
    when only its text can be shown."""
    return [
        sha
        for (sha,) in conn.execute(
            "SELECT DISTINCT coalesce(view_sha256, sha256) FROM document ORDER BY 1"
        )
    ]


def page_texts(conn: sqlite3.Connection, sha256: str) -> list[str]:
    return [
        text
        for (text,) in conn.execute(
            "SELECT text FROM document_page WHERE sha256 = ? ORDER BY page", (sha256,)
        )
    ]


# files in, contents out -----------------------------------------------------------------------
@dataclass(frozen=True)
class Staged:
    """A private copy of a file from elsewhere, hashed as it was copied."""

    path: Path
    sha256: str
    size: int


def _refuse(name: str, zh: str, en: str) -> FileRefused:
    return FileRefused(f"「{name}」{zh}", f"{name} {en}")


def too_large(name: str, size: int) -> FileRefused:
    megabytes = MAX_DOCUMENT_BYTES // (1024 * 1024)
    return _refuse(
        name,
        f"过大（{size / (1024 * 1024):.1f} MB，单个文档上限 {megabytes} MB），未收录。",
        f"is too large ({size / (1024 * 1024):.1f} MB; a document may have at most "
        f"{megabytes} MB); it was not added.",
    )


def stage(source: Path, target: Path, limit: int = MAX_DOCUMENT_BYTES) -> Staged:
    """Copy ``source`` to ``target`` (a private folder), hashing it on the way. Only a
    regular file is read (``system.reading``: no FIFO or device, opened without
    blocking), and never more than ``limit`` bytes."""
    name = source.name
    try:
        handle = open_for_reading(source)
    except NotRegularFile as error:
        raise _refuse(
            name, "不是普通文件（可能是管道或设备），未读取。", "is not a regular file; not read."
        ) from error
    except OSError as error:
        raise _refuse(name, "无法读取。", f"cannot be read ({error.strerror}).") from error
    with handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise too_large(name, os.fstat(handle.fileno()).st_size)
        hasher = hashlib.sha256()
        size = 0
        with target.open("wb") as out:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise too_large(name, size)
                hasher.update(chunk)
                out.write(chunk)
    if size == 0:
        raise _refuse(name, "是空文件，未收录。", "is empty; it was not added.")
    return Staged(target, hasher.hexdigest(), size)


def hash_file(path: Path) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            size += len(chunk)
            hasher.update(chunk)
    return hasher.hexdigest(), size


def put_content(conn: sqlite3.Connection, sha256: str, size: int, source: Readable) -> None:
    """Store a content read from ``source`` under ``sha256`` (once: a content stored
    already is kept), checking the hash as it is written; in the caller's transaction."""
    row = conn.execute(
        "SELECT rowid, content IS NOT NULL FROM document_blob WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if row is not None and row[1]:
        return
    if row is None:
        conn.execute(
            "INSERT INTO document_blob (sha256, size, content) VALUES (?, ?, zeroblob(?))",
            (sha256, size, size),
        )
        rowid = conn.execute(
            "SELECT rowid FROM document_blob WHERE sha256 = ?", (sha256,)
        ).fetchone()[0]
    else:
        conn.execute("UPDATE document_blob SET content = zeroblob(size) WHERE rowid = ?", (row[0],))
        rowid = row[0]
    hasher = hashlib.sha256()
    written = 0
    with conn.blobopen("document_blob", "content", rowid) as blob:
        while written < size and (chunk := source.read(min(CHUNK, size - written))):
            blob.write(chunk)
            hasher.update(chunk)
            written += len(chunk)
    if written != size or hasher.hexdigest() != sha256:
        raise ContentAltered(
            "文档内容与其指纹（SHA-256）不符，未收录。",
            "A document's content does not match its fingerprint (SHA-256); it was not taken.",
        )


def put_file(conn: sqlite3.Connection, staged: Staged) -> None:
    with staged.path.open("rb") as source:
        put_content(conn, staged.sha256, staged.size, source)


def chunks(conn: sqlite3.Connection, sha256: str) -> Iterator[bytes]:
    """A stored content in chunks, checked against its sha256 once read whole
    (``ContentAltered`` then; ``LookupError`` when the file does not carry it)."""
    row = conn.execute(
        "SELECT rowid, size, content IS NOT NULL FROM document_blob WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if row is None or not row[2]:
        raise LookupError(sha256)
    hasher = hashlib.sha256()
    with conn.blobopen("document_blob", "content", row[0], readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            hasher.update(chunk)
            yield chunk
    if hasher.hexdigest() != sha256:
        raise ContentAltered(
            "文档内容与其指纹（SHA-256）不符：文件可能被改动过，未显示。",
            "A document's content does not match its fingerprint (SHA-256): the file may have "
            "been altered; it is not shown.",
        )


def extract(conn: sqlite3.Connection, sha256: str, target: Path) -> Path:
    """Write a stored content to ``target`` (whole and checked, or not at all)."""
    with atomic_file(target, private=True) as temporary, temporary.open("wb") as out:
        for chunk in chunks(conn, sha256):
            out.write(chunk)
    return target


def altered_contents(conn: sqlite3.Connection) -> list[str]:
    """The sha256 of every stored content whose bytes hash to something else."""
    bad = []
    for (sha,) in conn.execute(
        "SELECT sha256 FROM document_blob WHERE content IS NOT NULL ORDER BY sha256"
    ).fetchall():
        try:
            for _ in chunks(conn, sha):
                pass
        except ContentAltered:
            bad.append(sha)
    return bad


# rows ------------------------------------------------------------------------------------------
def insert_document(
    conn: sqlite3.Connection,
    alliance_uid: str,
    title: str,
    file_name: str,
    kind: str,
    sha256: str,
    view_sha256: str | None,
    pages: int,
    added_at: str,
) -> int:
    """Add a document row (its contents are stored already); returns its id."""
    position = conn.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM document WHERE alliance_uid = ?",
        (alliance_uid,),
    ).fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO document (alliance_uid, position, title, file_name, kind, sha256,"
        " view_sha256, pages, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (alliance_uid, position, title, file_name, kind, sha256, view_sha256, pages, added_at),
    )
    return int(cursor.lastrowid or 0)


def put_page_texts(conn: sqlite3.Connection, sha256: str, texts: Iterable[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO document_page (sha256, page, text) VALUES (?, ?, ?)",
        [(sha256, number, text) for number, text in enumerate(texts, start=1)],
    )


def delete_document(conn: sqlite3.Connection, document_id: int) -> None:
    """Remove a document row and every content no document needs any more."""
    conn.execute("DELETE FROM document WHERE id = ?", (document_id,))
    drop_unused(conn)


def drop_unused(conn: sqlite3.Connection) -> None:
    conn.execute(
        "DELETE FROM document_page WHERE sha256 NOT IN (SELECT sha256 FROM document"
        " UNION SELECT view_sha256 FROM document WHERE view_sha256 IS NOT NULL)"
    )
    conn.execute(
        "DELETE FROM document_blob WHERE sha256 NOT IN (SELECT sha256 FROM document"
        " UNION SELECT view_sha256 FROM document WHERE view_sha256 IS NOT NULL)"
    )


def strip_contents(conn: sqlite3.Connection) -> None:
    """Drop the contents and page texts (a submitted copy: the round has them); the rows,
    with each content's sha256 and size, stay and are signed."""
    if has_documents_tables(conn):
        conn.execute("UPDATE document_blob SET content = NULL WHERE content IS NOT NULL")
        conn.execute("DELETE FROM document_page")


@contextmanager
def attached(conn: sqlite3.Connection, path: Path, name: str = "source") -> Iterator[str]:
    """``path`` attached to ``conn`` as ``name`` for the time of the block (outside any
    transaction, as SQLite requires)."""
    conn.execute("ATTACH DATABASE ? AS " + name, (str(path),))
    try:
        yield name
    finally:
        conn.execute("DETACH DATABASE " + name)


def copy_documents(
    conn: sqlite3.Connection, source: str, alliance_uids: Iterable[str], *, contents: bool
) -> int:
    """Copy the documents of ``alliance_uids`` from the attached database ``source`` into
    ``conn``'s main database (rows, page texts, and the contents when ``contents``);
    returns the bytes of content copied. In the caller's transaction."""
    wanted = sorted(set(alliance_uids))
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_alliance (uid TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.wanted_alliance")
    conn.executemany("INSERT INTO temp.wanted_alliance VALUES (?)", [(u,) for u in wanted])
    needed = (
        f"SELECT sha256 FROM {source}.document WHERE alliance_uid IN"
        " (SELECT uid FROM temp.wanted_alliance)"
        f" UNION SELECT view_sha256 FROM {source}.document WHERE view_sha256 IS NOT NULL"
        " AND alliance_uid IN (SELECT uid FROM temp.wanted_alliance)"
    )
    content = "content" if contents else "NULL"
    conn.execute(
        f"INSERT INTO main.document_blob (sha256, size, content) SELECT sha256, size, {content}"
        f" FROM {source}.document_blob WHERE sha256 IN ({needed})"
    )
    conn.execute(
        "INSERT INTO main.document (id, alliance_uid, position, title, file_name, kind, sha256,"
        " view_sha256, pages, added_at) SELECT id, alliance_uid, position, title, file_name,"
        f" kind, sha256, view_sha256, pages, added_at FROM {source}.document"
        " WHERE alliance_uid IN (SELECT uid FROM temp.wanted_alliance)"
    )
    conn.execute(
        f"INSERT INTO main.document_page (sha256, page, text) SELECT sha256, page, text"
        f" FROM {source}.document_page WHERE sha256 IN ({needed})"
    )
    conn.execute("DELETE FROM temp.wanted_alliance")
    return stored_bytes(conn) if contents else 0


@dataclass(frozen=True)
class Removed:
    """A document taken out of a file, kept to be put back (undo): its row, its contents
    (copied into a folder) and its page texts."""

    row: tuple[object, ...]  # every column of ``document``, in order
    contents: tuple[tuple[str, int, Path], ...]  # (sha256, size, copy)
    texts: tuple[tuple[str, tuple[str, ...]], ...]


def take_out(conn: sqlite3.Connection, document_ids: Iterable[int], folder: Path) -> list[Removed]:
    """Remove documents, keeping what ``put_back`` needs (in the caller's transaction)."""
    removed = []
    for document_id in document_ids:
        row = conn.execute("SELECT * FROM document WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            continue
        found = document(conn, document_id)
        assert found is not None
        kept = []
        texts = []
        for sha in dict.fromkeys(s for s in (found.sha256, found.view_sha256) if s):
            size = int(conn.execute("SELECT size FROM document_blob WHERE sha256 = ?", (sha,))
                       .fetchone()[0])  # fmt: skip
            if has_content(conn, sha):
                copy = folder / f"{sha}.kept"
                if not copy.exists():
                    extract(conn, sha, copy)
                kept.append((sha, size, copy))
            texts.append((sha, tuple(page_texts(conn, sha))))
        removed.append(Removed(tuple(row), tuple(kept), tuple(texts)))
        delete_document(conn, document_id)
    return removed


def put_back(conn: sqlite3.Connection, removed: Iterable[Removed]) -> None:
    """Put taken-out documents back as they were, ids included (in the caller's
    transaction)."""
    for item in removed:
        for sha, size, copy in item.contents:
            with copy.open("rb") as source:
                put_content(conn, sha, size, source)
        for sha, texts in item.texts:
            put_page_texts(conn, sha, texts)
        marks = ", ".join("?" for _ in item.row)
        conn.execute(f"INSERT INTO document VALUES ({marks})", item.row)
