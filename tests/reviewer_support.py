"""Helpers shared by the reviewer tests: an issued reviewer file from the demo round."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage.reviewer_store import ReviewerStore


def issue_one(round_path: Path, folder: Path) -> Path:
    """Issue every reviewer's file into ``folder`` and return the first one."""
    folder.mkdir(parents=True, exist_ok=True)
    return issue_reviewer_files(round_path, folder)[0]


def score_fully(store: ReviewerStore, uid: str, note: str = "材料齐全") -> None:
    """Full marks on every indicator of one alliance, each with a note."""
    for indicator in store.rubric().indicators():
        store.set_score(uid, indicator.code, indicator.max_points, note)


def points(store: ReviewerStore, uid: str, code: str) -> tuple[Fraction | None, str] | None:
    return store.scores().get((uid, code))
