"""Reviewer version 5: the documents of the reviewer's alliances (issue 21, evidence), as
in the round: contents NULL in a submitted copy, or when they travel in a separate
package (``services.document_package``)."""

from __future__ import annotations

STEP: list[str] = [
    """CREATE TABLE document_blob (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size INTEGER NOT NULL CHECK (typeof(size) = 'integer' AND size >= 0),
        content BLOB CHECK (content IS NULL OR (typeof(content) = 'blob' AND length(content) = size))
    )""",
    """CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 40 AND instr(title, '〔') = 0 AND instr(title, '〕') = 0),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'doc', 'wps', 'odt', 'xlsx', 'xls', 'et', 'ods', 'jpg', 'png')),
        sha256 TEXT NOT NULL REFERENCES document_blob(sha256),
        view_sha256 TEXT REFERENCES document_blob(sha256),
        pages INTEGER NOT NULL CHECK (typeof(pages) = 'integer' AND pages BETWEEN 0 AND 2000),
        added_at TEXT NOT NULL,
        UNIQUE (alliance_uid, title),
        UNIQUE (alliance_uid, sha256)
    )""",
    """CREATE TABLE document_page (
        sha256 TEXT NOT NULL REFERENCES document_blob(sha256) ON DELETE CASCADE,
        page INTEGER NOT NULL CHECK (typeof(page) = 'integer' AND page >= 1),
        text TEXT NOT NULL,
        PRIMARY KEY (sha256, page)
    )""",
]
