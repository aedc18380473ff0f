"""Reading a returned reviewer file, which may have been crafted by anyone.

Only a regular file is read (a symlink is followed only to a regular file; a FIFO,
device or folder is refused before it is opened, and it is opened non-blocking so one
swapped in meanwhile cannot hang the read), up to ``MAX_BYTES``. A ``-wal`` or
``-journal`` beside it is refused: its content would not be what was read and hashed,
and SQLite must never replay a foreign log. The bytes read are hashed (the hash the
round records) and copied into a private folder, where SQLite opens them read-only and
hardened; nothing of the original path is opened by SQLite at all.

``read_submission`` returns what the file says of itself (its meta, as stated, and its
seal with the signed message: the canonical digest is computed once); its rows are not
read into memory: the merge copies them, raw, into its stage (``storage.merge_stage``)
from the private copy, verifies the signature, then checks every value's type and range
in SQL.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alliance_review.core.errors import FileRefused
from alliance_review.storage import sealing
from alliance_review.storage.db import open_checked
from alliance_review.storage.documents import has_documents_tables
from alliance_review.storage.files import FileInfo, inspect
from alliance_review.storage.schema import REVIEWER_FILE
from alliance_review.system.permissions import make_private
from alliance_review.system.reading import NotRegularFile, open_for_reading

MAX_BYTES = 256 * 1024 * 1024
SIGNED_SINCE = 3  # the reviewer file's version that brought its signing key
COMPANIONS = ("-wal", "-journal")


@dataclass(frozen=True)
class RawSubmission:
    path: Path
    content_hash: str
    info: FileInfo
    seal: sealing.Seal
    signed_message: bytes
    meta: tuple[object, ...]  # round_uid, reviewer_uid, reviewer_name, revision


def _refuse(path: Path, zh: str, en: str) -> FileRefused:
    return FileRefused(f"「{path.name}」{zh}", f"{path.name} {en}")


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, if it is a regular file of at most ``limit`` bytes."""
    try:
        status = os.stat(path)  # follows a symlink: what it points to is what counts
    except FileNotFoundError:
        raise FileRefused(
            f"找不到文件「{path.name}」。", f"The file {path.name} does not exist."
        ) from None
    except OSError as error:
        raise _refuse(path, "无法读取。", f"cannot be read ({error.strerror}).") from error
    if not stat.S_ISREG(status.st_mode):
        raise _refuse(
            path,
            "不是普通文件（而是文件夹、管道或设备），未读取。",
            "is not a regular file (a folder, pipe or device); it was not read.",
        )
    if status.st_size > limit:
        raise _refuse(
            path,
            f"过大（{status.st_size // (1024 * 1024)} MB），不是评审专家文件，未读取。",
            f"is too large ({status.st_size // (1024 * 1024)} MB) for a reviewer file; "
            "it was not read.",
        )
    for suffix in COMPANIONS:
        companion = Path(str(path) + suffix)
        try:
            beside = os.lstat(companion)
        except FileNotFoundError:
            continue
        if stat.S_ISREG(beside.st_mode) and beside.st_size == 0:
            continue  # an empty log holds nothing that could differ from the file
        raise _refuse(
            path,
            f"旁边有「{companion.name}」：文件可能仍在评审专家的软件中打开，或未完整复制，"
            "读到的内容不一定是提交的内容，未合并。请评审专家关闭软件后重新提交。",
            f"has {companion.name} beside it: it may still be open in the reviewer's app or "
            "was copied while open, so what would be read may not be what was submitted; it "
            "was not merged. Ask the reviewer to close the app and submit again.",
        )
    try:
        handle = open_for_reading(path)
    except NotRegularFile as error:  # swapped for a pipe or device since the stat above
        raise _refuse(
            path, "不是普通文件，未读取。", "is not a regular file; it was not read."
        ) from error
    except OSError as error:
        raise _refuse(path, "无法读取。", f"cannot be read ({error.strerror}).") from error
    with handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _refuse(path, "过大，未读取。", "is too large; it was not read.")
    return data


def _require_current_reviewer_file(path: Path, info: FileInfo) -> None:
    if info.kind is not REVIEWER_FILE:
        raise _refuse(
            path,
            f"是{info.kind.label_zh}，不是评审专家文件。",
            f"is a {info.kind.name} file, not a reviewer file.",
        )
    if info.version < SIGNED_SINCE:  # a signed file of any later version is verified
        raise _refuse(
            path,
            "由旧版软件发放，没有签名，无法核验是谁提交的，不予合并。请给该评审专家重新发放"
            "文件；评审专家可用离线评分表（导出/导入评分表）把已有评分带到新文件。",
            "was issued by an older version and carries no signature, so who submitted it "
            "cannot be verified; it is refused. Issue the reviewer a new file; the scores can be "
            "carried over with the scoring workbook (export-sheet / import-sheet).",
        )


def read_submission(
    path: Path | str, rows: Callable[[Path, bool], None] | None = None
) -> RawSubmission:
    """Read, hash and open a private copy of a returned reviewer file: what it says of
    itself. ``rows``, if given, is called with the private copy (checked: a reviewer file
    of the exact schema) and whether it has the documents tables, before the copy is
    removed: the merge copies the rows from it by SQL."""
    path = Path(path)
    data = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    with tempfile.TemporaryDirectory(prefix="alliance-review-merge-") as scratch:
        make_private(scratch)
        copy = Path(scratch) / (path.name or "submission.sqlite")
        header = bytearray(data[:100])
        if len(header) == 100 and header[18] == 2 and header[19] == 2:
            header[18] = header[19] = 1  # WAL mode: read the copy as the one file it is
        with copy.open("wb") as handle:  # no second copy of the bytes in memory
            handle.write(header)
            handle.write(memoryview(data)[100:])
        del data  # a large file is not held while its rows are read
        try:
            conn = open_checked(copy, readonly=True)
            try:
                info = inspect(conn, path)
                _require_current_reviewer_file(path, info)
                seal, signed = sealing.read_seal_signed(conn)
                meta = conn.execute(
                    "SELECT round_uid, reviewer_uid, reviewer_name, revision FROM meta"
                ).fetchone()
                with_documents = has_documents_tables(conn)
            finally:
                conn.close()
        except (sqlite3.DatabaseError, TypeError, ValueError) as error:
            raise _refuse(
                path, "已损坏或不完整，无法读取。", "is damaged or incomplete."
            ) from error
        if meta is not None and rows is not None:  # checked above: a failure here is the
            rows(copy, with_documents)  # reader's (a full disk), named by the caller
    if meta is None:
        raise _refuse(path, "缺少评审专家信息，不能使用。", "lacks its reviewer information.")
    return RawSubmission(path, digest, info, seal, signed, tuple(meta))
