"""Merging reviewer files: every rule, and a refusal changes nothing but the audit trail."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.roster import Reviewer
from alliance_review.services import merge
from alliance_review.services.merge import MERGED, REFUSED, UNCHANGED, merge_into, preview
from alliance_review.services.panel import set_decision, set_locked
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(round_path: Path, file: Path, words: str) -> merge.FileReport:
    """Merge ``file``; it must be refused, the round's content unchanged, the refusal logged."""
    before = pr.dump(round_path)
    log_before = pr.merge_log_rows(round_path)
    (report,) = merge_into(round_path, [file])
    assert report.outcome == REFUSED
    assert words in report.detail("zh"), report.detail("zh")
    assert pr.dump(round_path) == before
    log = pr.merge_log_rows(round_path)
    assert log[: len(log_before)] == log_before and len(log) == len(log_before) + 1
    assert log[-1][0] == file.name and log[-1][4] == "refused" and words in log[-1][5]
    return report


def test_merging_all_returned_files_puts_every_score_into_the_round(
    round_path: Path, returned: dict[str, Path]
):
    reports = merge_into(round_path, returned.values())
    assert [r.outcome for r in reports] == [MERGED] * 5
    with RoundStore.open(round_path) as store:
        stored = {
            (s.reviewer_uid, s.alliance_uid, s.indicator_code): s.points for s in store.scores()
        }
        rubric = store.rubric()
    expected = {
        (r, a, i.code): pr.designed_points(r, a, i.code, i.max_points)
        for a, reviewers in pr.assignment().items()
        for r in reviewers
        for i in rubric.indicators()
    }
    assert stored == expected
    conn = sqlite3.connect(round_path)
    assert sorted(
        conn.execute("SELECT reviewer_uid, revision, content_hash FROM merged_revision")
    ) == sorted((r, 1, sha256(p)) for r, p in returned.items())
    conn.close()
    log = pr.merge_log_rows(round_path)
    assert {(row[0], row[1], row[2], row[3], row[4]) for row in log} == {
        (p.name, sha256(p), r, 1, "merged") for r, p in returned.items()
    }


def test_preview_counts_new_changed_unchanged_and_writes_nothing(round_path: Path, tmp_path: Path):
    working = pr.issue(round_path, tmp_path / "w")["r4"]
    pr.fill(working)
    first = pr.seal(working, tmp_path / "r4-r1.sqlite")
    before = pr.dump(round_path)
    with RoundStore.open(round_path) as store:
        (report,) = preview(store, [first])
    assert pr.dump(round_path) == before and pr.merge_log_rows(round_path) == []
    mine = sorted(a for a, rs in pr.assignment().items() if "r4" in rs)
    assert report.outcome == "merge" and report.reviewer_name == "评审专家4"
    assert list(report.alliances_new) == mine and report.scores_new == 18 * len(mine)
    merge_into(round_path, [first])
    # revision 2 changes one score of one alliance
    with ReviewerStore.open(working) as file:
        file.set_score(mine[0], "1.1", Fraction(0), "没有年度总结")
    second = pr.seal(working, tmp_path / "r4-r2.sqlite")
    before = pr.dump(round_path)
    with RoundStore.open(round_path) as store:
        (report,) = preview(store, [second])
    assert pr.dump(round_path) == before
    assert (report.revision, report.merged_revision) == (2, 1)
    assert report.alliances_changed == (mine[0],) and report.alliances_new == ()
    assert list(report.alliances_unchanged) == mine[1:]
    assert (report.scores_changed, report.scores_unchanged) == (1, 18 * len(mine) - 1)


def test_a_newer_revision_replaces_the_reviewers_scores_as_a_whole(
    round_path: Path, tmp_path: Path
):
    working = pr.issue(round_path, tmp_path / "w")["r4"]
    mine = sorted(a for a, rs in pr.assignment().items() if "r4" in rs)
    pr.fill(working)
    first = pr.seal(working, tmp_path / "r4-r1.sqlite")
    # revision 2: one alliance's scores are cleared (reviewer withdrew them), one changed
    with sqlite3.connect(working) as conn:
        conn.execute("UPDATE score SET points_centi = NULL WHERE alliance_uid = ?", (mine[0],))
    conn.close()
    with ReviewerStore.open(working) as file:
        file.set_score(mine[1], "2.2", Fraction(1), "项目很少")
    second = pr.seal(working, tmp_path / "r4-r2.sqlite")
    # given newest first: the batch still merges the older revision first; the newer one
    # drops a whole alliance, so it waits for the removal to be confirmed
    before = pr.dump(round_path)
    reports = merge_into(round_path, [second, first])
    assert [r.outcome for r in reports] == [REFUSED, MERGED]
    assert "撤下了已合并的第 1 版中的 18 条评分" in reports[0].detail("zh")
    assert "--accept-removals" in reports[0].detail("zh")
    merge_into(round_path, [first])  # unchanged now
    reports = merge_into(round_path, [second], accept_removals=True)
    assert [r.outcome for r in reports] == [MERGED]
    assert before != pr.dump(round_path)
    assert reports[0].alliances_removed == (mine[0],)
    assert mine[1] in reports[0].alliances_changed
    with RoundStore.open(round_path) as store:
        scored = {s.alliance_uid for s in store.scores() if s.reviewer_uid == "r4"}
        points = {
            (s.alliance_uid, s.indicator_code): s.points
            for s in store.scores()
            if s.reviewer_uid == "r4"
        }
    assert scored == set(mine[1:])
    assert points[(mine[1], "2.2")] == 1
    conn = sqlite3.connect(round_path)
    assert conn.execute(
        "SELECT revision FROM merged_revision WHERE reviewer_uid = 'r4'"
    ).fetchone() == (2,)
    conn.close()
    # now the older file is stale, and the same file again is a no-op that says so
    assert_refused(round_path, first, "过期")
    before = pr.dump(round_path)
    (again,) = merge_into(round_path, [second])
    assert again.outcome == UNCHANGED and "无需再合并" in again.detail("zh")
    assert pr.dump(round_path) == before
    assert pr.merge_log_rows(round_path)[-1][4] == "unchanged"


def test_same_revision_with_other_content_is_refused(round_path: Path, returned: dict[str, Path]):
    merge_into(round_path, [returned["r1"]])
    altered = returned["r1"].with_name("r1-altered.sqlite")
    shutil.copyfile(returned["r1"], altered)
    with sqlite3.connect(altered) as conn:
        conn.execute("UPDATE score SET note = '改过' WHERE rowid = 1")
    conn.close()
    assert_refused(round_path, altered, "提交（封存）之后被改动过")
    # the reviewer, holding their own key, signs the edit again: now it is merely stale
    assert_refused(round_path, pr.resign(altered), "过期")


def test_a_file_of_another_round_is_refused(round_path: Path, tmp_path: Path):
    other = pr.build_round(tmp_path / "other.sqlite", uid="another-round")
    files = pr.submitted(other, tmp_path / "o")
    set_decision_round(round_path)
    assert_refused(round_path, files["r2"], "签名密钥不是本轮次发放的")
    # a reviewer of this round who relabels their own file (and signs it again)
    mine = pr.submitted(round_path, tmp_path / "m")["r2"]
    with sqlite3.connect(mine) as conn:
        conn.execute("UPDATE meta SET round_uid = 'another-round'")
    conn.close()
    assert_refused(round_path, pr.resign(mine), "另一个评价轮次")


def set_decision_round(round_path: Path) -> None:
    """Give the round a decision and a merged file, so refusals are checked against them."""
    with RoundStore.open(round_path) as store:
        set_decision(store, "a7", "", Fraction(55), "集中讨论后调整")


def test_a_file_from_an_unknown_reviewer_is_refused(round_path: Path, tmp_path: Path):
    twin = tmp_path / "twin.sqlite"
    shutil.copyfile(round_path, twin)
    with RoundStore.open(twin) as store:
        store.add_reviewers([Reviewer("r9", "名单外的专家")])
        assignment = store.assignments()
        assignment["a7"].append("r9")
        store.set_assignments(assignment)
    stranger = pr.submitted(twin, tmp_path / "t")["r9"]
    assert_refused(round_path, stranger, "签名密钥不是本轮次发放的")


def test_scores_for_a_conflicted_or_unassigned_alliance_refuse_the_whole_file(
    round_path: Path, tmp_path: Path
):
    working = pr.issue(round_path, tmp_path / "w")["r0"]
    pr.fill(working)
    assert "a0" not in {a for a, rs in pr.assignment().items() if "r0" in rs}
    conflicted = tmp_path / "conflict.sqlite"
    pr.seal(working, conflicted)
    with sqlite3.connect(conflicted) as conn:  # r0 is the secretary of a0
        conn.execute("INSERT INTO alliance (uid, position, name) VALUES ('a0', 99, '联盟0号')")
        conn.execute(
            "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
            " VALUES ('a0', '1.1', 500, '自家联盟')"
        )
    conn.close()
    assert_refused(round_path, conflicted, "提交（封存）之后被改动过")
    assert_refused(round_path, pr.resign(conflicted, working), "利益冲突")
    unassigned = sorted(a for a, rs in pr.assignment().items() if "r0" not in rs and a != "a0")[0]
    foreign = tmp_path / "foreign.sqlite"
    pr.seal(working, foreign)
    with sqlite3.connect(foreign) as conn:
        conn.execute(
            "INSERT INTO alliance (uid, position, name) VALUES (?, 99, '别家')", (unassigned,)
        )
        conn.execute(
            "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
            " VALUES (?, '1.1', 300, '')",
            (unassigned,),
        )
    conn.close()
    assert_refused(round_path, pr.resign(foreign, working), "未分配给")


def test_unsealed_broken_and_wrong_kind_files_are_refused(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    working = pr.issue(round_path, tmp_path / "w")["r2"]
    pr.fill(working)
    merge_into(round_path, [returned["r3"]])
    assert_refused(round_path, working, "尚未提交")
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(returned["r2"].read_bytes()[:5000])
    assert_refused(round_path, broken, "损坏")
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    assert_refused(round_path, text, "不是本软件")
    assert_refused(round_path, pr.build_round(tmp_path / "r.sqlite", uid="x"), "不是评审专家文件")
    tampered = tmp_path / "tampered.sqlite"
    shutil.copyfile(returned["r2"], tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("CREATE TABLE extra (x)")
    conn.close()
    assert_refused(round_path, tampered, "结构已被改动")


def test_a_locked_round_refuses_merges(round_path: Path, returned: dict[str, Path]):
    with RoundStore.open(round_path) as store:
        set_locked(store, True)
    assert_refused(round_path, returned["r1"], "已锁定")
    with RoundStore.open(round_path) as store:
        set_locked(store, False)
    assert merge_into(round_path, [returned["r1"]])[0].outcome == MERGED


def test_a_failure_while_writing_leaves_the_round_as_it_was(
    round_path: Path, returned: dict[str, Path], monkeypatch: pytest.MonkeyPatch
):
    merge_into(round_path, [returned["r0"]])
    original = merge._write

    def write_then_fail(store, incoming):  # type: ignore[no-untyped-def]
        original(store, incoming)  # the reviewer's old scores are already deleted here
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(merge, "_write", write_then_fail)
    before = pr.dump(round_path)
    reports = merge_into(round_path, [returned["r1"], returned["r2"]])
    assert [r.outcome for r in reports] == [REFUSED, REFUSED]
    assert pr.dump(round_path) == before


def test_cancelling_leaves_the_round_byte_identical(round_path: Path, returned: dict[str, Path]):
    """A cancel after two of three files takes the two back too: one transaction."""
    from alliance_review.core.errors import UserError

    files = [returned[r] for r in ("r0", "r1", "r2")]
    before = {p: p.read_bytes() for p in [round_path, *files]}
    with pytest.raises(UserError, match="已取消"):
        merge_into(round_path, files, progress=lambda done, total: done < 2)
    assert {p: p.read_bytes() for p in before} == before
    conn = sqlite3.connect(round_path)
    merged = conn.execute("SELECT count(*) FROM merged_revision").fetchone()[0]
    logged = conn.execute("SELECT count(*) FROM merge_log").fetchone()[0]
    conn.close()
    assert merged == logged == 0


def test_cli_merge_reports_per_file_and_fails_when_one_is_refused(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    folder = returned["r0"].parent
    done = run_cli("merge", round_path, folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("[已合并]") == 5 and "合并 5 份" in done.stdout
    junk = tmp_path / "junk.sqlite"
    junk.write_text("x", encoding="utf-8")
    again = run_cli("merge", round_path, returned["r0"], junk)
    assert again.returncode == 1
    assert "[无变化] r0-r1.sqlite" in again.stdout and "[拒绝] junk.sqlite" in again.stdout


def test_scores_the_rounds_rubric_does_not_allow_are_refused(round_path: Path, tmp_path: Path):
    working = pr.issue(round_path, tmp_path / "w")["r1"]
    pr.fill(working)
    mine = sorted(a for a, rs in pr.assignment().items() if "r1" in rs)
    unknown = pr.seal(working, tmp_path / "unknown-indicator.sqlite")
    with sqlite3.connect(unknown) as conn:  # the file's own rubric grew an indicator
        conn.execute(
            "INSERT INTO indicator (code, category_code, position, name, max_centi)"
            " VALUES ('9.9', '1', 99, '自造指标', 500)"
        )
        conn.execute(
            "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
            " VALUES (?, '9.9', 500, '')",
            (mine[0],),
        )
    conn.close()
    assert_refused(round_path, pr.resign(unknown, working), "没有的指标 9.9")
    too_high = pr.seal(working, tmp_path / "too-high.sqlite")
    with sqlite3.connect(too_high) as conn:  # the file's max for 1.1 was raised to 50
        conn.execute("UPDATE indicator SET max_centi = 5000 WHERE code = '1.1'")
        conn.execute(
            "UPDATE score SET points_centi = 4000"
            " WHERE indicator_code = '1.1' AND alliance_uid = ?",
            (mine[0],),
        )
    conn.close()
    assert_refused(round_path, pr.resign(too_high, working), "0 到 5 分之间")
