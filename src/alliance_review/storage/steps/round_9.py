"""Round version 9: each alliance's documents (issue 21, evidence).

- ``document_blob``: a content stored once by its SHA-256 (``content`` NULL where the file
  does not carry it); ``document``: one alliance's document (title, the name a citation
  uses, unique per alliance; kind; the original's and the shown PDF's sha256; pages);
  ``document_page``: each page's text, for searching.
- ``selfeval_attachment``: the attachments an alliance's self-evaluation workbook names
  (its 附件清单: position, name, the indicators it supports as codes joined by commas),
  replaced whole by each import of a workbook that carries the list.
- Only new tables: a locked round upgrades as is (its signed lock stays signed through the
  upgrade entry), and refuses documents while locked (triggers).
"""

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
    "CREATE TRIGGER document_blob_locked_insert BEFORE INSERT ON document_blob WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_blob_locked_update BEFORE UPDATE ON document_blob WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_blob_locked_delete BEFORE DELETE ON document_blob WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_locked_insert BEFORE INSERT ON document WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_locked_update BEFORE UPDATE ON document WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_locked_delete BEFORE DELETE ON document WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_page_locked_insert BEFORE INSERT ON document_page WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_page_locked_update BEFORE UPDATE ON document_page WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER document_page_locked_delete BEFORE DELETE ON document_page WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    """CREATE TABLE selfeval_attachment (
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (typeof(position) = 'integer' AND position BETWEEN 1 AND 100),
        name TEXT NOT NULL CHECK (typeof(name) = 'text' AND length(trim(name)) BETWEEN 1 AND 120),
        indicator_codes TEXT NOT NULL DEFAULT '' CHECK (typeof(indicator_codes) = 'text' AND length(indicator_codes) <= 400),
        PRIMARY KEY (alliance_uid, position)
    )""",
    "CREATE TRIGGER selfeval_attachment_locked_insert BEFORE INSERT ON selfeval_attachment WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER selfeval_attachment_locked_update BEFORE UPDATE ON selfeval_attachment WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER selfeval_attachment_locked_delete BEFORE DELETE ON selfeval_attachment WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
]
