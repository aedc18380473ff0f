"""Round version 7 and reviewer version 4 (issue 17, the register): batches as data, names
over time, status per year, earlier years' results; older files upgrade, a locked and
signed round stays locked and signed, a reviewer file issued before the upgrade still
merges."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import RoundLocked
from alliance_review.core.ranking import DEFAULT_TIERS
from alliance_review.core.register import (
    WITHDRAWN,
    Batch,
    HistoryRound,
    PilotStatus,
    YearResult,
)
from alliance_review.core.roster import BATCHES, Alliance
from alliance_review.services.merge import MERGED, merge_into
from alliance_review.services.resources import default_rubric
from alliance_review.services.results import compute
from alliance_review.storage import audit, sealing
from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.schema import REVIEWER_FILE, ROUND_FILE

from .conftest import DATA

HISTORY_2015 = HistoryRound(
    2015, "round-2015", "2015年度联盟活跃度评价", Fraction(100), DEFAULT_TIERS
)


def raw(path: Path, *statements: str) -> None:
    """Edit a file behind the app's back (foreign keys off, as sqlite3 opens it)."""
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def test_a_round_locked_and_signed_at_version_6_upgrades_still_locked_and_signed(
    tmp_path: Path,
):
    old = tmp_path / "round-2016.sqlite"
    shutil.copyfile(DATA / "round-v6.sqlite", old)
    assert identify(old).version == 6
    with closing(sqlite3.connect(old)) as conn:
        (lock_at,) = conn.execute(
            "SELECT at FROM audit WHERE action = 'lock' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        assert store.lock_state().state == audit.LOCKED_SIGNED
        assert store.locked_at() == lock_at  # the lock's time, not the upgrade's
        upgrade = store.audit_entries()[-1]
        assert upgrade.action == "upgrade" and upgrade.data()["from"] == 6
        # every alliance keeps its batch (unknown stays unknown); the three batches are data
        assert [(a.uid, a.name, a.batch) for a in store.alliances()] == [
            ("a1", "甲联盟", "第一批"),
            ("a2", "乙联盟", None),
            ("a3", "丙联盟", "第三批"),
        ]
        assert store.batches() == [Batch(n, i) for i, n in enumerate(BATCHES)]
        assert all(e.active and e.former_names == () for e in store.register())
        assert store.history_rounds() == [] and store.history() == []
        # what the round held is untouched: participation, the item decision, the ranking
        assert store.non_participants() == {"a3": ("联系不畅", "")}
        assert store.item_decisions() == {("a1", "1.1", "plan"): (False, "计划未附")}
        assert [(r.alliance.name, r.total) for r in compute(store).ranking] == [
            ("甲联盟", Fraction(95)),
            ("乙联盟", Fraction(60)),
        ]
        # the new tables refuse every write while the round is locked
        writes = [
            lambda: store.insert_batch(Batch("第四批", 3, 2016)),
            lambda: store.set_pilot_status("a2", PilotStatus(WITHDRAWN, 2016, "退出")),
            lambda: store.rename_alliance("a1", "甲产业联盟", 2016),
            lambda: store.write_history([HISTORY_2015], []),
        ]
        for write in writes:
            with pytest.raises(RoundLocked):
                with store.atomic():
                    write()
        assert store.batch_names() == list(BATCHES)
    raw(old, "UPDATE round SET locked = 0", "UPDATE alliance SET batch = NULL WHERE uid = 'a1'",
        "UPDATE round SET locked = 1")  # fmt: skip
    with RoundStore.open(old) as store:
        assert store.lock_state().state == audit.ALTERED


def unlocked_v6(tmp_path: Path) -> Path:
    old = tmp_path / "round-2016.sqlite"
    shutil.copyfile(DATA / "round-v6.sqlite", old)
    raw(old, "UPDATE round SET locked = 0")
    return old


def test_an_upgraded_round_takes_later_batches_and_keeps_its_rules_in_the_file(tmp_path: Path):
    old = unlocked_v6(tmp_path)
    with RoundStore.open(old) as store:
        with store.atomic():
            store.insert_batch(Batch("第四批", 3, 2016))
            store.update_alliance(Alliance("a2", "乙联盟", 1, "第四批"))
        assert store.alliances()[1].batch == "第四批"
        # renaming a batch renames it on its alliances too
        with store.atomic():
            store.update_batch("第四批", Batch("第四批（2016年）", 0, 2016))
        assert store.batch_names() == ["第四批（2016年）", *BATCHES]
        assert store.alliances()[1].batch == "第四批（2016年）"
        # a batch with alliances, or a batch the round does not have, is refused by the file
        with pytest.raises(sqlite3.IntegrityError):
            with store.atomic():
                store.delete_batch("第四批（2016年）")
        with pytest.raises(sqlite3.IntegrityError):
            with store.atomic():
                store.update_alliance(Alliance("a2", "乙联盟", 1, "第九批"))
        # an assigned alliance, or one marked as not taking part, cannot be withdrawn
        for uid in ("a1", "a3"):
            with pytest.raises(sqlite3.IntegrityError):
                with store.atomic():
                    store.set_pilot_status(uid, PilotStatus(WITHDRAWN, 2016, "退出"))
        # a withdrawn alliance stays in the register but is no pilot: not assigned, not
        # marked as not taking part
        with store.atomic():
            store.insert_alliance(Alliance("a4", "丁联盟", 3, "第一批", "", "丁联盟"))
            store.set_pilot_status("a4", PilotStatus(WITHDRAWN, 2016, "主动申请退出"))
        assert [a.uid for a in store.alliances()] == ["a1", "a2", "a3"]
        entry = store.register_entry("a4")
        assert entry is not None and not entry.active
        assert entry.status == PilotStatus(WITHDRAWN, 2016, "主动申请退出")
        assert entry.alliance.short_name == "丁联盟"
        with pytest.raises(sqlite3.IntegrityError):
            with store.atomic():
                store.add_pair("a4", "r1")
        with pytest.raises(sqlite3.IntegrityError):
            store.mark_not_taking_part("a4", "联系不畅", "")
        # a rename keeps the identity and the old name; an alliance with history cannot be
        # deleted from the file
        with store.atomic():
            store.rename_alliance("a4", "丁产业技术创新战略联盟", 2016)
            store.write_history(
                [HISTORY_2015],
                [
                    YearResult("a4", 2015, "丁联盟", "第一批", "ranked", "", Fraction(254, 3),
                               Decimal(85), "活跃度较高", 7),
                    YearResult("a1", 2015, "甲联盟", "第一批", "not_taking_part", "联系不畅"),
                ],
            )  # fmt: skip
        entry = store.register_entry("a4")
        assert entry is not None and entry.alliance.name == "丁产业技术创新战略联盟"
        assert [(f.name, f.renamed_in) for f in entry.former_names] == [("丁联盟", 2016)]
        assert store.history("a4") == [
            YearResult("a4", 2015, "丁联盟", "第一批", "ranked", "", Fraction(254, 3),
                       Decimal(85), "活跃度较高", 7)
        ]  # fmt: skip
        assert store.history_rounds() == [HISTORY_2015]
        with pytest.raises(sqlite3.IntegrityError):
            with store.atomic():
                store.remove_alliance("a4")
        # a result that says "ranked" without a total is refused
        with pytest.raises(sqlite3.IntegrityError):
            with store.atomic():
                store.write_history(
                    [HistoryRound(2014, "r14", "2014", Fraction(100), DEFAULT_TIERS)],
                    [YearResult("a2", 2014, "乙联盟", None, "ranked")],
                )
        actions = [e.action for e in store.audit_entries()]
        assert actions.count("batches") == 2 and "history" in actions
    assert identify(old).version == ROUND_FILE.version  # the exact schema of version 7
    with closing(sqlite3.connect(old)) as conn:  # what sqlite3 reads is what was written
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # no dangling reference but the one the version-5 fixture was written with (its
        # second tick names a reviewer not assigned to the alliance)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [
            ("item_tick", 2, "assignment", 1)
        ]
        assert conn.execute(
            "SELECT status, since, reason FROM pilot_status WHERE alliance_uid = 'a4'"
        ).fetchone() == ("withdrawn", 2016, "主动申请退出")
        assert conn.execute(
            "SELECT total_num, total_den, printed_centi FROM history WHERE alliance_uid = 'a4'"
        ).fetchone() == (254, 3, 8500)


def test_a_new_round_starts_with_the_three_batches_of_the_programme(tmp_path: Path):
    from alliance_review.services.setup import new_round

    path = new_round(tmp_path / "2016.sqlite", "2016年度", 2016)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT name, designated FROM batch ORDER BY position").fetchall() == [
            ("第一批", None),
            ("第二批", None),
            ("第三批", None),
        ]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == ROUND_FILE.version


def sealed_by_the_previous_release(working: Path, out: Path, revision: int) -> Path:
    """A submitted copy as version 3 of the reviewer file was sealed (the sealing of that
    release: signed over the file's tables, private key stripped)."""
    shutil.copyfile(working, out)
    with closing(sqlite3.connect(out, isolation_level=None)) as conn:
        conn.execute(
            "UPDATE meta SET revision = ?, sealed_at = '2016-03-10T17:00:00+08:00'", (revision,)
        )
        sealing.sign_file(conn)
        sealing.strip_private_key(conn)
    return out


def round_knowing(tmp_path: Path, reviewer_file: Path, name: str) -> Path:
    """The version-6 round fixture, unlocked, holding the public key of the reviewer file
    (as the round recorded it when it issued the file)."""
    path = tmp_path / name
    shutil.copyfile(DATA / "round-v6.sqlite", path)
    with closing(sqlite3.connect(reviewer_file)) as conn:
        key_id, public = conn.execute("SELECT key_id, public_key FROM signing").fetchone()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE round SET locked = 0")
        # the version-5 fixture's tick of r1 on a1, an alliance r1 is not assigned
        conn.execute("DELETE FROM item_tick WHERE reviewer_uid = 'r1'")
        conn.execute(
            "INSERT INTO reviewer_key VALUES (?, 'r1', ?, '2016-03-01T09:00:00+08:00')",
            (key_id, public),
        )
        conn.commit()
    return path


def test_a_reviewer_file_of_version_3_upgrades_keeps_its_key_and_both_its_submissions_merge(
    tmp_path: Path,
):
    working = tmp_path / "2016-甲联盟秘书长.sqlite"
    shutil.copyfile(DATA / "reviewer-v3.sqlite", working)
    assert identify(working).version == 3
    # a copy submitted with the previous release merges into the upgraded round
    submitted = sealed_by_the_previous_release(working, tmp_path / "submitted-v3.sqlite", 2)
    before = submitted.read_bytes()
    round_a = round_knowing(tmp_path, working, "round-a.sqlite")
    (report,) = merge_into(round_a, [submitted])
    assert report.outcome == MERGED, report.detail("zh")
    assert submitted.read_bytes() == before
    with RoundStore.open(round_a) as store:
        assert {(s.alliance_uid, s.indicator_code, s.points) for s in store.scores()
                if s.reviewer_uid == "r1"} == {("a2", "1.1", 30), ("a2", "1.2", 20)}  # fmt: skip
    # the working file upgrades to version 4 with its work, batches and key; its next
    # submission is signed by the same key and merges
    with ReviewerStore.open(working) as file:
        assert file.info is not None and file.info.version == REVIEWER_FILE.version
        assert [(a.name, a.batch) for a in file.alliances()] == [
            ("乙联盟", None),
            ("丙联盟", "第二批"),
        ]
        assert file.scores()[("a2", "1.1")] == (Fraction(30), "缺计划")
        assert file.ticks() == {("a2", "1.1", "plan")}
        assert file.history_rounds() == [] and file.history() == []
        assert file.seal_state().has_private_key
        file.seal(tmp_path / "submitted-v4.sqlite")
    round_b = round_knowing(tmp_path, working, "round-b.sqlite")
    (report,) = merge_into(round_b, [tmp_path / "submitted-v4.sqlite"])
    assert report.outcome == MERGED, report.detail("zh")


def test_a_reviewer_file_carries_the_history_of_its_own_alliances_only(tmp_path: Path):
    from alliance_review.storage.reviewer_store import ReviewerMeta, building_reviewer_file

    results = [
        YearResult("a2", 2015, "乙联盟", "第二批", "ranked", "", Fraction(60), Decimal(60),
                   "活跃度较差", 2),
        YearResult("a9", 2015, "别的联盟", "第一批", "ranked", "", Fraction(95), Decimal(95),
                   "活跃度高", 1),
    ]  # fmt: skip
    meta = ReviewerMeta("round", "2016", 2016, "r1", "甲", "now", True, Fraction(2), 0, None)
    out = tmp_path / "r1.sqlite"
    with building_reviewer_file(out) as file:
        file.write_issue(
            meta,
            default_rubric(),
            [Alliance("a2", "乙联盟", 0, "第四批")],
            {},
            history=([HISTORY_2015], results),
        )
    with ReviewerStore.open(out) as file:
        assert file.alliances()[0].batch == "第四批"
        assert file.history() == [results[0]]
        (year,) = file.history_rounds()
        assert (year.year, year.full, year.tiers) == (2015, Fraction(100), DEFAULT_TIERS)
    with closing(sqlite3.connect(out)) as conn:
        assert "别的联盟" not in str(conn.execute("SELECT * FROM history").fetchall())
