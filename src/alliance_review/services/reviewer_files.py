"""Issuing reviewer files: one self-contained file per reviewer, nothing about the others."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.file_names import REVIEWER_SUFFIX
from alliance_review.core.roster import Reviewer
from alliance_review.services.document_package import package_name, write_package
from alliance_review.services.history import for_alliances
from alliance_review.services.output import guard
from alliance_review.storage import documents, keys
from alliance_review.storage.db import atomic
from alliance_review.storage.reviewer_store import (
    LARGE_PAGE_SIZE,
    ReviewerMeta,
    building_reviewer_file,
)
from alliance_review.storage.round_store import RoundStore, now_text
from alliance_review.system.names import file_name

Progress = Callable[[int, int], bool]
#: a reviewer file carrying more documents than this gets large pages (``reviewer_store``)
LARGE_FROM = 16 * 1024 * 1024
_SPACE = re.compile(r"\s+")


def reviewer_file_name(year: int, reviewer: Reviewer, folder: Path | None = None) -> str:
    """A file name a reviewer recognises: "2015-农机装备联盟秘书长.alr-review" (spaces
    become "_"; a long name is cut to what every platform takes)."""
    name = _SPACE.sub("_", reviewer.name).strip("_")
    return file_name(str(year), name, suffix=REVIEWER_SUFFIX, folder=folder, fallback=reviewer.uid)


def assigned_to(store: RoundStore, reviewer: Reviewer) -> set[str]:
    """The alliances whose data ``reviewer``'s file carries (never a conflicted one)."""
    assigned = {a for a, reviewers in store.assignments().items() if reviewer.uid in reviewers}
    return assigned - reviewer.conflicts


def packages_to_write(store: RoundStore, reviewers: list[Reviewer], out_dir: Path) -> list[Path]:
    """The document packages issuing ``reviewers`` apart would write into ``out_dir``
    (a reviewer whose alliances have no documents gets none)."""
    if not documents.has_documents_tables(store.conn):
        return []
    year = store.settings().year
    with_documents = {d.alliance_uid for d in documents.documents(store.conn)}
    return [
        package_name(out_dir / reviewer_file_name(year, r, out_dir))
        for r in reviewers
        if assigned_to(store, r) & with_documents
    ]


def issue_reviewer_file(
    store: RoundStore,
    reviewer: Reviewer,
    out: Path,
    documents_apart: bool = False,
    packages: list[Path] | None = None,
) -> Path:
    """Write ``reviewer``'s file: the round's rubric, their alliances with their
    self-evaluations and documents (never a conflicted alliance's), and a fresh signing key
    whose public half the round records. ``documents_apart``: the documents' contents go
    into a package beside the file (``document_package``) instead of into it; the package
    written is added to ``packages``."""
    settings = store.settings()
    assigned = assigned_to(store, reviewer)
    alliances = [a for a in store.alliances() if a.uid in assigned]
    self_scores = {k: v for k, v in store.self_scores().items() if k[0] in assigned}
    # A file issued again continues the reviewer's revisions, so its first submission is
    # newer than what the panel merged before and is not refused as stale.
    merged = store.merged_revision(reviewer.uid)
    meta = ReviewerMeta(
        round_uid=settings.uid,
        round_title=settings.title,
        round_year=settings.year,
        reviewer_uid=reviewer.uid,
        reviewer_name=reviewer.name,
        issued_at=now_text(),
        note_below_full=settings.note_below_full,
        note_margin=settings.note_margin,
        revision=merged[0] if merged else 0,
        sealed_at=None,
    )
    private = keys.new_private_key()
    key_id = str(uuid.UUID(bytes=hashlib.sha256(private).digest()[:16], version=4))
    with store.atomic():
        store.add_reviewer_key(key_id, reviewer.uid, keys.public_of(private), meta.issued_at)
        carried = 0 if documents_apart else documents.bytes_of(store.conn, assigned)
        large = LARGE_PAGE_SIZE if carried > LARGE_FROM else None
        with building_reviewer_file(out, large) as file:
            file.write_issue(
                meta,
                store.rubric(),
                alliances,
                self_scores,
                {t for t in store.self_ticks() if t[0] in assigned},
                key_id,
                private,
                for_alliances(store.history_rounds(), store.history(), assigned),
            )
            issued_documents(store, file.conn, assigned, out, documents_apart, packages)
    return out


def issued_documents(
    store: RoundStore,
    conn: sqlite3.Connection,
    assigned: set[str],
    out: Path,
    apart: bool,
    packages: list[Path] | None = None,
) -> None:
    """Copy the documents of the ``assigned`` alliances into the file being built
    (``conn``); with ``apart``, their contents go into a package beside ``out`` (added to
    ``packages`` once written)."""
    if not documents.has_documents_tables(store.conn):
        return
    # The file is built beside its target and renamed into place whole (or removed): no
    # journal needed, and a write-ahead log would write every document twice (the log,
    # then the file), half the speed on a 160 MB file.
    conn.execute("PRAGMA journal_mode = OFF")
    with documents.attached(conn, store.path) as source:
        with atomic(conn):
            documents.copy_documents(conn, source, assigned, contents=not apart)
    if apart and documents.documents(conn):
        meta = conn.execute("SELECT round_uid, reviewer_uid, reviewer_name FROM meta").fetchone()
        package = package_name(out)
        write_package(
            conn,
            store.conn,
            package,
            {"round_uid": meta[0], "reviewer_uid": meta[1], "reviewer": meta[2]},
        )
        if packages is not None:
            packages.append(package)


def issue_reviewer_files(
    round_path: Path | str,
    out_dir: Path | str,
    progress: Progress | None = None,
    documents_apart: bool = False,
) -> list[Path]:
    """One reviewer file per reviewer with assignments into ``out_dir``.

    All or nothing: if one fails or the user cancels, the files this call wrote are removed.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UserError(f"文件夹「{out_dir}」不存在。", f"The folder {out_dir} does not exist.")
    written: list[Path] = []
    with RoundStore.open(round_path) as store:
        assignment = store.assignments()
        reviewers = [r for r in store.reviewers() if any(r.uid in v for v in assignment.values())]
        if not reviewers:
            raise UserError(
                "尚未给评审专家分配联盟，没有可发放的评审专家文件。",
                "No reviewer has assigned alliances yet; there is nothing to issue.",
            )
        year = store.settings().year
        for reviewer in reviewers:  # all refused before any is written
            guard(out_dir / reviewer_file_name(year, reviewer, out_dir), [round_path])
        if documents_apart:  # and the packages (on the command line: any existing file)
            for package in packages_to_write(store, reviewers, out_dir):
                guard(package, [round_path])
        packages: list[Path] = []
        try:
            for number, reviewer in enumerate(reviewers, start=1):
                target = out_dir / reviewer_file_name(year, reviewer, out_dir)
                written.append(
                    issue_reviewer_file(store, reviewer, target, documents_apart, packages)
                )
                if progress is not None and not progress(number, len(reviewers)):
                    raise UserError("已取消，未发放任何文件。", "Cancelled; no file was issued.")
        except BaseException:
            for path in written + packages:  # only what this call wrote
                path.unlink(missing_ok=True)
            raise
    return written


def issued_sizes(paths: list[Path], apart: bool) -> list[tuple[Path, int, int]]:
    """(reviewer file, its size, the size of the document package issued beside it or 0;
    a package left there by an earlier issue is not this issue's)."""
    found = []
    for path in paths:
        package = package_name(path)
        size = package.stat().st_size if apart and package.exists() else 0
        found.append((path, path.stat().st_size, size))
    return found
