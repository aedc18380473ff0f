"""Issuing reviewer files: one self-contained file per reviewer, nothing about the others."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.file_names import REVIEWER_SUFFIX
from alliance_review.core.roster import Reviewer
from alliance_review.services.output import guard
from alliance_review.storage import keys
from alliance_review.storage.reviewer_store import ReviewerMeta, building_reviewer_file
from alliance_review.storage.round_store import RoundStore, now_text
from alliance_review.system.names import file_name

Progress = Callable[[int, int], bool]
_SPACE = re.compile(r"\s+")


def reviewer_file_name(year: int, reviewer: Reviewer, folder: Path | None = None) -> str:
    """A file name a reviewer recognises: "2015-农机装备联盟秘书长.alr-review" (spaces
    become "_"; a long name is cut to what every platform takes)."""
    name = _SPACE.sub("_", reviewer.name).strip("_")
    return file_name(str(year), name, suffix=REVIEWER_SUFFIX, folder=folder, fallback=reviewer.uid)


def issue_reviewer_file(store: RoundStore, reviewer: Reviewer, out: Path) -> Path:
    """Write ``reviewer``'s file: the round's rubric, their alliances and self-evaluations,
    and a fresh signing key whose public half the round records."""
    settings = store.settings()
    assigned = {a for a, reviewers in store.assignments().items() if reviewer.uid in reviewers}
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
        with building_reviewer_file(out) as file:
            file.write_issue(
                meta,
                store.rubric(),
                alliances,
                self_scores,
                {t for t in store.self_ticks() if t[0] in assigned},
                key_id,
                private,
            )
    return out


def issue_reviewer_files(
    round_path: Path | str, out_dir: Path | str, progress: Progress | None = None
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
        try:
            for number, reviewer in enumerate(reviewers, start=1):
                target = out_dir / reviewer_file_name(year, reviewer, out_dir)
                written.append(issue_reviewer_file(store, reviewer, target))
                if progress is not None and not progress(number, len(reviewers)):
                    raise UserError("已取消，未发放任何文件。", "Cancelled; no file was issued.")
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return written
