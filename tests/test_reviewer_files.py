"""Issuing reviewer files and scoring in them through the storage service."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import ScoreError, UserError
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore


def test_each_reviewer_gets_exactly_their_alliances_and_nothing_about_others(
    demo_round: Path, tmp_path: Path
):
    out = tmp_path / "issued"
    files = issue_reviewer_files(demo_round, out)
    with RoundStore.open(demo_round) as store:
        reviewers = store.reviewers()
        assignment = store.assignments()
        round_uid = store.settings().uid
        self_scores = store.self_scores()
    assert len(files) == 14
    for path in files:
        info = identify(path)
        assert info.kind.name == "reviewer" and info.round_uid == round_uid
        with ReviewerStore.open(path) as file:
            meta = file.meta()
            mine = {a for a, rs in assignment.items() if meta.reviewer_uid in rs}
            assert {a.uid for a in file.alliances()} == mine
            assert set(file.self_scores()) == {k for k in self_scores if k[0] in mine}
            assert file.scores() == {}
            assert len(list(file.rubric().indicators())) == 18
        data = path.read_bytes()
        others = [r.name for r in reviewers if r.name != info.reviewer_name]
        assert not any(name.encode() in data for name in others)
    assert {identify(p).reviewer_name for p in files} == {r.name for r in reviewers}


@pytest.fixture(autouse=True)
def issued_folder(tmp_path: Path) -> None:
    (tmp_path / "issued").mkdir()


def test_scores_are_stored_at_once_and_held_to_the_rubric(demo_round: Path, tmp_path: Path):
    (path, *_) = issue_reviewer_files(demo_round, tmp_path / "issued")
    with ReviewerStore.open(path) as file:
        alliance = file.alliances()[0]
        file.set_score(alliance.uid, "1.1", Fraction(4), "提交了总结，计划较简略")
        with pytest.raises(ScoreError):
            file.set_score(alliance.uid, "1.1", Fraction(6), "")
        file.set_done(alliance.uid, True)
    # another connection (another process would see the same) finds the committed edit
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT points_centi, note FROM score").fetchall() == [
        (400, "提交了总结，计划较简略")
    ]
    conn.close()


def test_sealing_writes_a_single_file_copy_with_a_growing_revision(
    demo_round: Path, tmp_path: Path
):
    (path, *_) = issue_reviewer_files(demo_round, tmp_path / "issued")
    with ReviewerStore.open(path) as file:
        alliance = file.alliances()[0]
        file.set_score(alliance.uid, "2.1", Fraction(7), "有具体活动")
        base = file.meta().revision
        assert file.seal(tmp_path / "back-1.sqlite") == base + 1
        assert file.seal(tmp_path / "back-2.sqlite") == base + 2
    for number in (1, 2):
        travel = tmp_path / f"back-{number}.sqlite"
        assert not Path(f"{travel}-wal").exists()
        conn = sqlite3.connect(travel)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT revision FROM meta").fetchone()[0] == base + number
        assert conn.execute("SELECT points_centi FROM score").fetchone()[0] == 700
        conn.close()


def test_a_cancelled_issue_leaves_no_file(demo_round: Path, tmp_path: Path):
    out = tmp_path / "issued"
    with pytest.raises(UserError):
        issue_reviewer_files(demo_round, out, progress=lambda done, total: done < 3)
    assert list(out.iterdir()) == []


def test_a_reissued_file_continues_the_merged_revision(demo_round: Path, tmp_path: Path):
    with RoundStore.open(demo_round) as store:
        reviewer = store.reviewers()[0]
        store.conn.execute(
            "UPDATE merged_revision SET revision = 3 WHERE reviewer_uid = ?", (reviewer.uid,)
        )
    files = issue_reviewer_files(demo_round, tmp_path / "issued")
    (mine,) = [p for p in files if identify(p).reviewer_name == reviewer.name]
    with ReviewerStore.open(mine) as file:
        assert file.meta().revision == 3
        assert file.seal(tmp_path / "back.sqlite") == 4
