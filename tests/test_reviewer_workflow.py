"""The rules of a reviewer's work: what "done" needs, progress, and submitting."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import UserError
from alliance_review.services.reviewer_workflow import (
    NoteRule,
    Status,
    mark_done,
    missing_for_done,
    progress_of,
    status_of,
    submission_path,
    submit,
)
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.reviewer_support import score_fully


def test_nothing_scored_means_every_indicator_is_missing(reviewer_file: Path):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        rubric = store.rubric()
        missing = missing_for_done(rubric, uid, store.scores(), store.self_scores(), NoteRule())
        assert [m.code for m in missing] == [i.code for i in rubric.indicators()]
        assert {m.reason for m in missing} == {"unscored"}
        assert status_of(rubric, uid, store.scores(), store.done()) is Status.NOT_STARTED


def test_a_score_below_full_marks_needs_a_note_unless_the_round_says_otherwise(
    reviewer_file: Path,
):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        rubric = store.rubric()
        score_fully(store, uid)
        self_scores = {k: (None, "") for k in store.self_scores()}  # no self-evaluation
        store.set_score(uid, "2.2", Fraction(9), "")
        scores = store.scores()
        found = missing_for_done(rubric, uid, scores, self_scores, NoteRule(True, Fraction(2)))
        assert [(m.code, m.reason) for m in found] == [("2.2", "note_below_full")]
        assert "2.2" in found[0].text("zh") and "评分依据" in found[0].text("zh")
        assert (
            missing_for_done(rubric, uid, scores, self_scores, NoteRule(False, Fraction(2))) == []
        )
        assert status_of(rubric, uid, scores, set()) is Status.IN_PROGRESS


def test_a_score_far_from_the_self_score_needs_a_note(reviewer_file: Path):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        rubric = store.rubric()
        score_fully(store, uid)
        store.set_score(uid, "2.2", Fraction(12), "")  # full marks, no note
        self_scores = {(uid, "2.2"): (Fraction(9), "自评")}
        rule = NoteRule(False, Fraction(2))
        found = missing_for_done(rubric, uid, store.scores(), self_scores, rule)
        assert [(m.code, m.reason, m.self_points) for m in found] == [
            ("2.2", "note_self_margin", Fraction(9))
        ]
        self_scores = {(uid, "2.2"): (Fraction(10), "自评")}  # exactly the margin: fine
        assert missing_for_done(rubric, uid, store.scores(), self_scores, rule) == []


def test_mark_done_refuses_with_the_list_and_changes_nothing(reviewer_file: Path):
    with ReviewerStore.open(reviewer_file) as store:
        alliance = store.alliances()[0]
        store.set_score(alliance.uid, "1.1", Fraction(3), "")
        with pytest.raises(UserError) as refused:
            mark_done(store, alliance.uid)
        text = str(refused.value)
        assert alliance.name in text and "1.1" in text and "4.4" in text and "尚未评分" in text
        assert "1.1" in refused.value.en and "not scored" in refused.value.en
        assert store.done() == set()
        score_fully(store, alliance.uid)
        mark_done(store, alliance.uid)
        assert store.done() == {alliance.uid}
        assert progress_of(store).done == 1 and progress_of(store).scored == 1


def test_submit_seals_a_new_revision_next_to_the_file_each_time(reviewer_file: Path):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        score_fully(store, uid, "总结计划齐全")
        start = store.meta().revision  # a re-issued file continues the merged revision
    first = submit(reviewer_file)
    assert first.revision == start + 1
    assert first.path == submission_path(reviewer_file, start + 1)
    assert first.path.parent == reviewer_file.parent and f"-提交-r{start + 1}" in first.path.name
    second = submit(reviewer_file)
    assert second.revision == start + 2
    assert second.path.name.endswith(f"-提交-r{start + 2}.alr-review")
    for number, sub in ((start + 1, first), (start + 2, second)):
        conn = sqlite3.connect(sub.path)
        assert conn.execute("SELECT revision, sealed_at IS NOT NULL FROM meta").fetchone() == (
            number,
            1,
        )
        assert conn.execute(
            "SELECT count(*) FROM score WHERE note = '总结计划齐全'"
        ).fetchone() == (18,)
        conn.close()


def test_submit_refuses_to_overwrite_the_file_being_scored(reviewer_file: Path):
    with ReviewerStore.open(reviewer_file) as store:
        start = store.meta().revision
    before = reviewer_file.read_bytes()
    with pytest.raises(UserError):
        submit(reviewer_file, reviewer_file)
    with ReviewerStore.open(reviewer_file) as store:
        assert store.meta().revision == start
    assert len(reviewer_file.read_bytes()) == len(before)
