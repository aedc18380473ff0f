"""Documents beside a reviewer file: a separate read-only package, checked by hash.

A round whose reviewer files would be too large for e-mail issues them without the
documents' contents (the rows, titles, pages, texts and each content's SHA-256 stay in
the file) and writes beside each one a zip package of its documents (any tool opens it;
a reviewer can read the PDFs there too). The reviewer's app takes a content from a
package only if its bytes hash to the SHA-256 the reviewer file names: a package that
was altered, or belongs to another reviewer, adds nothing. The same check lets a file
take its documents from any other of our files that carries them (the file first issued,
when the reviewer continues from a submitted copy).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from alliance_review.core.documents import MAX_DOCUMENT_BYTES, Document
from alliance_review.core.errors import FileRefused, UserError
from alliance_review.core.file_names import word
from alliance_review.storage import documents as rows
from alliance_review.storage.db import atomic, open_checked
from alliance_review.storage.files import inspect
from alliance_review.system.names import file_name
from alliance_review.system.writing import atomic_file

MANIFEST = "manifest.json"
MANIFEST_LABEL = "alliance-review documents v1"
MAX_ENTRIES = 5000


def package_name(reviewer_file: Path, language: str = "zh") -> Path:
    """The package beside a reviewer file: 2015-张三.alr-review -> 2015-张三-佐证材料.zip."""
    name = file_name(
        reviewer_file.stem, word("documents", language), suffix=".zip", folder=reviewer_file.parent
    )
    return reviewer_file.with_name(name)


def _entry_name(document: Document, alliance_name: str, sha256: str) -> str:
    suffix = "pdf" if sha256 == document.view_sha256 else document.kind
    folder = file_name(alliance_name, fallback=document.alliance_uid)
    title = file_name(document.title, suffix=f".{suffix}", fallback=f"document-{document.id}")
    return f"{folder}/{title}"


def write_package(
    reviewer: sqlite3.Connection,
    source: sqlite3.Connection,
    target: Path,
    identity: dict[str, str],
) -> int:
    """Write the zip of the contents ``reviewer``'s documents need, read from ``source``
    (the round), built beside ``target`` and renamed into place; returns its size."""
    names = dict(reviewer.execute("SELECT uid, name FROM alliance").fetchall())
    manifest: list[dict[str, object]] = []
    with atomic_file(target) as temporary:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED, allowZip64=True) as package:
            taken: set[str] = set()
            for document in rows.documents(reviewer):
                for sha in dict.fromkeys(s for s in (document.view_sha256, document.sha256) if s):
                    if sha in taken:
                        continue
                    taken.add(sha)
                    name = _entry_name(document, names.get(document.alliance_uid, ""), sha)
                    if name in {m["name"] for m in manifest}:
                        name = name.replace("/", f"/{sha[:8]}-", 1)
                    with package.open(name, "w", force_zip64=True) as entry:
                        for chunk in rows.chunks(source, sha):
                            entry.write(chunk)
                    size = reviewer.execute(
                        "SELECT size FROM document_blob WHERE sha256 = ?", (sha,)
                    ).fetchone()[0]
                    manifest.append({"name": name, "sha256": sha, "size": size})
            package.writestr(
                MANIFEST,
                json.dumps(
                    {"label": MANIFEST_LABEL, **identity, "documents": manifest},
                    ensure_ascii=False,
                    indent=1,
                ),
            )
    return target.stat().st_size


@dataclass
class AttachReport:
    taken: int = 0  # contents added to the file
    altered: list[str] = field(default_factory=list)  # entries whose bytes did not match
    still_missing: int = 0


def _refuse(path: Path) -> FileRefused:
    return FileRefused(
        f"「{path.name}」不是本软件的佐证材料包（或已损坏），未读取。",
        f"{path.name} is not a document package of this app (or it is damaged); it was not read.",
    )


def _manifest(package: zipfile.ZipFile, path: Path) -> dict[str, object]:
    try:
        info = package.getinfo(MANIFEST)
        if info.file_size > 4 * 1024 * 1024 or len(package.infolist()) > MAX_ENTRIES:
            raise _refuse(path)
        data = json.loads(package.read(info).decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise _refuse(path) from error
    if not isinstance(data, dict) or data.get("label") != MANIFEST_LABEL:
        raise _refuse(path)
    return data


def package_identity(path: Path) -> tuple[str, str] | None:
    """(round uid, reviewer uid) a package says it is for, or None if it is none of ours."""
    try:
        with zipfile.ZipFile(path) as package:
            data = _manifest(package, path)
    except (OSError, zipfile.BadZipFile, UserError):
        return None
    round_uid, reviewer_uid = data.get("round_uid"), data.get("reviewer_uid")
    if isinstance(round_uid, str) and isinstance(reviewer_uid, str):
        return round_uid, reviewer_uid
    return None


def attach_package(conn: sqlite3.Connection, path: Path) -> AttachReport:
    """Take into the reviewer file (``conn``) every missing content the package holds
    with the right SHA-256; each content whole or not at all."""
    needed = dict(rows.missing_contents(conn))
    report = AttachReport()
    try:
        package = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise _refuse(path) from error
    with package:
        data = _manifest(package, path)
        entries = data.get("documents")
        if not isinstance(entries, list):
            raise _refuse(path)
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            name, sha = entry.get("name"), entry.get("sha256")
            if not (isinstance(name, str) and isinstance(sha, str)) or sha not in needed:
                continue
            try:
                info = package.getinfo(name)
            except KeyError:
                continue
            size = needed[sha]
            if info.file_size != size or size > MAX_DOCUMENT_BYTES:
                report.altered.append(name)
                continue
            try:
                with atomic(conn), package.open(info) as source:
                    rows.put_content(conn, sha, size, source)
                needed.pop(sha)
                report.taken += 1
            except (rows.ContentAltered, zipfile.BadZipFile, OSError):
                report.altered.append(name)
    report.still_missing = len(rows.missing_contents(conn))
    return report


def extract_from_package(path: Path, sha256: str, size: int, target: Path) -> bool:
    """Write the content ``sha256`` from the package at ``path`` to ``target`` if the
    package holds it with that hash (False otherwise; never a wrong or partial file)."""
    try:
        with zipfile.ZipFile(path) as package:
            data = _manifest(package, path)
            entries = data.get("documents")
            names = [
                e.get("name")
                for e in entries if isinstance(e, dict) and e.get("sha256") == sha256
            ] if isinstance(entries, list) else []  # fmt: skip
            for name in names:
                if not isinstance(name, str):
                    continue
                info = package.getinfo(name)
                if info.file_size != size or size > MAX_DOCUMENT_BYTES:
                    continue
                with package.open(info) as source:
                    if _copy_checked(source, sha256, size, target):
                        return True
    except (OSError, KeyError, zipfile.BadZipFile, UserError):
        return False
    return False


class _Mismatch(Exception):
    """The bytes read are not the content named: nothing is written."""


def _copy_checked(source: rows.Readable, sha256: str, size: int, target: Path) -> bool:
    hasher = hashlib.sha256()
    written = 0
    try:
        with atomic_file(target, private=True) as temporary, temporary.open("wb") as out:
            while written < size and (chunk := source.read(min(rows.CHUNK, size - written))):
                hasher.update(chunk)
                out.write(chunk)
                written += len(chunk)
            if written != size or hasher.hexdigest() != sha256:
                raise _Mismatch
    except _Mismatch:
        return False
    return True


def attach_from_file(conn: sqlite3.Connection, path: Path) -> AttachReport:
    """Take missing contents from another of our files that carries them (read-only,
    each content checked by its hash)."""
    needed = dict(rows.missing_contents(conn))
    report = AttachReport()
    source = open_checked(path, readonly=True)
    try:
        inspect(source, path)
        if not rows.has_documents_tables(source):
            raise _refuse(path)
        for sha, size in list(needed.items()):
            if not rows.has_content(source, sha):
                continue
            try:
                with atomic(conn):
                    rows.put_content(conn, sha, size, _ChunkReader(rows.chunks(source, sha)))
                report.taken += 1
            except rows.ContentAltered:
                report.altered.append(sha)
        with atomic(conn):  # page texts (for searching) the file lacks, of its documents
            for sha in rows.text_keys(conn):
                if not rows.page_texts(conn, sha):
                    rows.put_page_texts(conn, sha, rows.page_texts(source, sha))
    finally:
        source.close()
    report.still_missing = len(rows.missing_contents(conn))
    return report


class _ChunkReader:
    """``read(n)`` over an iterator of chunks (a content streamed from another file)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self.chunks = iter(chunks)
        self.buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self.buffer) < size:
            piece = next(self.chunks, None)
            if piece is None:
                break
            self.buffer += piece
        if size < 0:
            size = len(self.buffer)
        result, self.buffer = self.buffer[:size], self.buffer[size:]
        return result
