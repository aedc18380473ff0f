from __future__ import annotations

import hashlib
import shutil
import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import FileRefused, RoundLocked, UserError
from alliance_review.core.scoring import Score
from alliance_review.services.results import compute
from alliance_review.storage import backups
from alliance_review.storage.db import atomic, connect
from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.schema import REVIEWER_FILE, ROUND_FILE

from .conftest import DATA


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_file_carries_application_id_and_current_version(demo_round: Path):
    conn = sqlite3.connect(demo_round)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == ROUND_FILE.application_id
    assert conn.execute("PRAGMA user_version").fetchone()[0] == ROUND_FILE.version
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_every_older_version_upgrades_and_keeps_its_data(tmp_path: Path):
    old = tmp_path / "round-2014.sqlite"
    shutil.copyfile(DATA / "round-v1.sqlite", old)
    assert identify(old).version == 1
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        result = compute(store)
        assert [(r.alliance.name, r.total) for r in result.ranking] == [
            ("甲联盟", Fraction(95)),
            ("乙联盟", Fraction(50)),
        ]
        assert store.settings().locked is False
    taken = [b for b in backups.listing("round-v1-fixture") if b.reason == "upgrade"]
    assert len(taken) >= 1 and identify(taken[0].path).version == 1
    assert taken[0].source_name == "round-2014"


def test_a_version_2_round_upgrades_and_keeps_its_panel_data(tmp_path: Path):
    old = tmp_path / "round-2015.sqlite"
    shutil.copyfile(DATA / "round-v2.sqlite", old)
    assert identify(old).version == 2
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        settings = store.settings()
        assert (settings.consensus_method, settings.locked) == ("median", True)
        # the threshold the panel used before it was a setting
        assert settings.disagreement_span == Fraction(10)
        assert store.decisions() == {("a2", ""): (Fraction(60), "集中讨论后上调")}
        result = compute(store)
        assert [(r.alliance.name, r.total) for r in result.ranking] == [
            ("甲联盟", Fraction(95)),
            ("乙联盟", Fraction(60)),
        ]
        assert store.merged_revisions() == {"r2": (2, "ab12")}
        logged = [(row[0], row[5]) for row in store.merge_log()]
        assert logged == [("2015-乙联盟秘书长.sqlite", "merged")]
        assert len(store.decision_log_rows()) == 1
    taken = [b for b in backups.listing("round-v2-fixture") if b.reason == "upgrade"]
    assert len(taken) >= 1 and identify(taken[0].path).version == 2


def test_a_locked_version_3_round_upgrades_with_its_content_recorded(tmp_path: Path):
    """Steps 4 and 5 add tables only; a round locked by an older release stays locked, its
    content digest is recorded (unsigned) in the trail's first entry, and a later edit
    made with sqlite3 shows as "altered after locking"."""
    old = tmp_path / "round-2015.sqlite"
    shutil.copyfile(DATA / "round-v3.sqlite", old)
    assert identify(old).version == 3
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        settings = store.settings()
        assert (settings.locked, settings.disagreement_span) == (True, Fraction(8))
        assert store.decisions() == {("a2", ""): (Fraction(60), "集中讨论后上调")}
        (entry,) = store.audit_entries()
        assert entry.action == "upgrade" and entry.data()["from"] == 3
        assert store.lock_state().state == "locked-unsigned-older-format"
    conn = sqlite3.connect(old)
    conn.execute("UPDATE round SET locked = 0")
    conn.execute("UPDATE decision SET points_centi = 9000")
    conn.execute("UPDATE round SET locked = 1")
    conn.commit()
    conn.close()
    with RoundStore.open(old) as store:
        state = store.lock_state()
        assert state.state == "altered-after-locking" and "content" in state.reason


def test_a_locked_version_3_round_upgrades_to_participation_and_evidence_items(tmp_path: Path):
    old = tmp_path / "round-2015.sqlite"
    shutil.copyfile(DATA / "round-v3.sqlite", old)
    assert identify(old).version == 3
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        settings = store.settings()
        # the lock, the threshold and the result survive; the new settings take defaults
        assert settings.locked and settings.disagreement_span == Fraction(8)
        assert (settings.item_rule, settings.tier_by) == ("majority", "total")
        assert [(r.alliance.name, r.total) for r in compute(store).ranking] == [
            ("甲联盟", Fraction(95)),
            ("乙联盟", Fraction(60)),
        ]
        # everyone took part; the three reasons of 2015 are there to choose from
        assert store.non_participants() == {}
        assert store.participation_reasons() == ["联系不畅", "不愿提供", "延误提交"]
        assert store.item_ticks() == set() and all(s.override_reason == "" for s in store.scores())
        # the upgraded round is still locked: the new tables refuse writes too
        with pytest.raises(RoundLocked):
            with store.atomic():
                store.mark_not_taking_part("a1", "联系不畅", "")
    taken = [b for b in backups.listing("round-v3-fixture") if b.reason == "upgrade"]
    assert len(taken) >= 1 and identify(taken[0].path).version == 3


def test_a_version_1_reviewer_file_upgrades_and_keeps_the_reviewers_work(tmp_path: Path):
    old = tmp_path / "2014-甲联盟秘书长.sqlite"
    shutil.copyfile(DATA / "reviewer-v1.sqlite", old)
    assert identify(old).version == 1
    with ReviewerStore.open(old) as file:
        assert file.info is not None and file.info.version == REVIEWER_FILE.version
        assert file.scores() == {
            ("a2", "1.1"): (Fraction(30), "缺计划"),
            ("a2", "1.2"): (Fraction(20), "未按章程召开"),
        }
        assert file.done() == {"a2"} and file.ticks() == set()
        assert all(not i.items for i in file.rubric().indicators())


def test_a_newer_file_is_refused_and_left_as_it_was(demo_round: Path):
    conn = sqlite3.connect(demo_round)
    conn.execute(f"PRAGMA user_version = {ROUND_FILE.version + 1}")
    conn.commit()
    conn.close()
    before = digest(demo_round)
    with pytest.raises(FileRefused, match="更新版本"):
        RoundStore.open(demo_round)
    assert digest(demo_round) == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path):
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(FileRefused, match="不是本软件"):
        identify(foreign)


def test_an_altered_schema_is_refused(demo_round: Path):
    conn = sqlite3.connect(demo_round)
    conn.execute("DROP TRIGGER score_points_update")
    conn.commit()
    conn.close()
    with pytest.raises(FileRefused, match="结构已被改动"):
        identify(demo_round)


def test_points_above_max_or_off_step_never_reach_the_file(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        before = store.scores()
        rubric = store.rubric()
        one = next(s for s in before if rubric.indicator(s.indicator_code).step == 1)
        maximum = rubric.indicator(one.indicator_code).max_points
        for bad in (maximum + 1, Fraction(1, 2), Fraction(-1)):
            with pytest.raises(sqlite3.IntegrityError):
                store.put_scores(
                    [Score(one.reviewer_uid, one.alliance_uid, one.indicator_code, bad)]
                )
        assert store.scores() == before


def test_a_score_for_an_unassigned_reviewer_is_refused(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        assignment = store.assignments()
        alliance = store.alliances()[0]
        outsider = next(r for r in store.reviewers() if r.uid not in assignment[alliance.uid])
        with pytest.raises(sqlite3.IntegrityError):
            store.put_scores([Score(outsider.uid, alliance.uid, "1.1", Fraction(1))])


def test_nobody_can_be_assigned_their_own_alliance(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        reviewer = store.reviewers()[0]
        (own,) = reviewer.own_alliances
        with pytest.raises(sqlite3.IntegrityError):
            store.set_assignments({own: [reviewer.uid]})
        assert all(reviewer.uid not in rs for a, rs in store.assignments().items() if a == own)


def test_atomic_nests_with_savepoints_and_rolls_back(tmp_path: Path):
    conn = connect(tmp_path / "t.sqlite")
    conn.execute("CREATE TABLE t (v INTEGER)")
    with atomic(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError):
            with atomic(conn):
                conn.execute("INSERT INTO t VALUES (2)")
                raise RuntimeError("inner fails")
        conn.execute("INSERT INTO t VALUES (3)")
    assert [v for (v,) in conn.execute("SELECT v FROM t ORDER BY v")] == [1, 3]
    with pytest.raises(RuntimeError):
        with atomic(conn):
            conn.execute("INSERT INTO t VALUES (4)")
            raise RuntimeError("outer fails")
    assert [v for (v,) in conn.execute("SELECT v FROM t ORDER BY v")] == [1, 3]


@pytest.mark.parametrize("kind", ["empty", "truncated", "text", "missing"])
def test_broken_files_are_refused_with_one_sentence(tmp_path: Path, demo_round: Path, kind: str):
    target = tmp_path / f"{kind}.sqlite"
    if kind == "empty":
        target.write_bytes(b"")
    elif kind == "truncated":
        target.write_bytes(demo_round.read_bytes()[: 20 * 4096 + 100])
    elif kind == "text":
        target.write_text("序号,联盟名称,评分\n", encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        identify(target)
    assert "\n" not in str(refused.value) and str(refused.value).endswith("。")


def test_a_locked_version_4_round_upgrades_to_the_audit_chain(tmp_path: Path):
    """Step 5 (keys, audit trail) adds tables only: the locked version-4 round keeps its
    evidence ticks and reasons, stays locked, and its content is recorded in the first
    entry of the new trail, so an edit made afterwards with sqlite3 is detected."""
    old = tmp_path / "round-2015.sqlite"
    shutil.copyfile(DATA / "round-v4.sqlite", old)
    assert identify(old).version == 4
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        assert store.settings().locked and store.item_ticks() == {("r2", "a1", "1.1", "plan")}
        (entry,) = store.audit_entries()
        assert entry.action == "upgrade" and entry.data() == {
            "from": 4,
            "to": ROUND_FILE.version,
            "locked": True,
            "content_sha256": store.lock_state().content_sha256,
        }
        assert store.lock_state().state == "locked-unsigned-older-format"
        with pytest.raises(RoundLocked):
            with store.atomic():
                store.add_reviewer_key("k", "r1", b"\x00" * 32, "now")
    conn = sqlite3.connect(old)
    conn.execute("UPDATE round SET locked = 0")
    conn.execute("DELETE FROM item_tick")
    conn.execute("UPDATE round SET locked = 1")
    conn.commit()
    conn.close()
    with RoundStore.open(old) as store:
        assert store.lock_state().state == "altered-after-locking"


def test_a_version_2_reviewer_file_upgrades_keeps_its_ticks_and_says_it_cannot_be_signed(
    tmp_path: Path,
):
    from alliance_review.services.merge import REFUSED, merge_into

    old = tmp_path / "2014-甲联盟秘书长.sqlite"
    shutil.copyfile(DATA / "reviewer-v2.sqlite", old)
    sent_back = tmp_path / "sent-back.sqlite"
    shutil.copyfile(old, sent_back)
    round_file = tmp_path / "round.sqlite"
    shutil.copyfile(DATA / "round-v4.sqlite", round_file)
    conn = sqlite3.connect(round_file)
    conn.execute("UPDATE round SET locked = 0, uid = 'round-v1-fixture'")
    conn.commit()
    conn.close()
    before = sent_back.read_bytes()
    (report,) = merge_into(round_file, [sent_back])
    assert report.outcome == REFUSED and "由旧版软件发放，没有签名" in report.detail("zh")
    assert sent_back.read_bytes() == before  # the refused file is never written
    with ReviewerStore.open(old) as store:
        assert store.info is not None and store.info.version == REVIEWER_FILE.version
        assert store.ticks() == {("a2", "1.1", "plan")}
        assert store.seal_state().status == "no-key"
        with pytest.raises(UserError, match="旧版软件发放"):
            store.seal(tmp_path / "r2.sqlite")
    assert not (tmp_path / "r2.sqlite").exists()
