"""Where the window finds documents: the rows and texts (read on the GUI thread from the
file it holds open) and the contents (copied out by the renderer's thread, from the file
itself or another file or package that carries them, each checked by its SHA-256)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from alliance_review.core.documents import Document
from alliance_review.core.errors import UserError
from alliance_review.services.document_package import extract_from_package, package_identity
from alliance_review.storage import documents as rows
from alliance_review.storage.db import connect_readonly

Extractor = Callable[[str, Path], bool]


class Library:
    """The documents of an open file (round or reviewer), on the GUI thread's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.available = rows.has_documents_tables(conn)
        self._texts: dict[str, list[str]] = {}
        self._by_alliance: dict[str, list[Document]] | None = None

    def reload(self) -> None:
        self._by_alliance = None
        self._texts.clear()

    def _all(self) -> dict[str, list[Document]]:
        if self._by_alliance is None:
            found: dict[str, list[Document]] = {}
            if self.available:
                for document in rows.documents(self.conn):
                    found.setdefault(document.alliance_uid, []).append(document)
            self._by_alliance = found
        return self._by_alliance

    def any(self) -> bool:
        return bool(self._all())

    def documents(self, alliance_uid: str) -> list[Document]:
        return list(self._all().get(alliance_uid, []))

    def texts(self, sha: str) -> list[str]:
        if sha not in self._texts:
            self._texts[sha] = rows.page_texts(self.conn, sha) if self.available else []
        return self._texts[sha]

    def set_texts(self, sha: str, texts: list[str]) -> None:
        """Texts read from the PDF itself (a file that keeps none)."""
        self._texts[sha] = texts

    def missing(self) -> list[tuple[str, int]]:
        return rows.missing_contents(self.conn) if self.available else []

    def sizes(self) -> dict[str, int]:
        """sha256 -> size of every content the documents name (a snapshot the renderer's
        thread may read)."""
        return rows.content_sizes(self.conn) if self.available else {}


def packages_beside(path: Path, round_uid: str, reviewer_uid: str) -> list[Path]:
    """The document packages in ``path``'s folder that say they are this reviewer's."""
    try:
        candidates = sorted(path.parent.glob("*.zip"))
    except OSError:
        return []
    return [p for p in candidates[:50] if package_identity(p) == (round_uid, reviewer_uid)]


def extractor(files: list[Path], packages: list[Path], sizes: dict[str, int]) -> Extractor:
    """Copy a content out of the first of ``files`` (our SQLite files) or ``packages``
    that carries it; ``ContentAltered`` (a ``UserError``) when one holds it altered."""

    def extract(sha: str, target: Path) -> bool:
        for path in files:
            try:
                conn = connect_readonly(path)
            except sqlite3.Error:
                continue
            try:
                if rows.has_documents_tables(conn) and rows.has_content(conn, sha):
                    rows.extract(conn, sha, target)
                    return True
            except sqlite3.Error:
                continue
            except UserError:
                raise
            finally:
                conn.close()
        size = sizes.get(sha, -1)
        return any(extract_from_package(p, sha, size, target) for p in packages)

    return extract
