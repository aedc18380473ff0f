"""Keys that retire (issue 19, defect 2; round step 8).

Re-issuing a reviewer file added a key each time and the merge took any key ever
issued: holding B's first file, an attacker signed revision 1000 with B's scores set to
0, it merged, and B's genuine submission from the new file was refused as stale. Now each
reviewer has one current key: a re-issue retires the earlier ones (recorded, audited),
``reviewers ROUND revoke NAME`` retires without re-issuing, and a file signed with a
retired key is refused, naming the date.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import RoundLocked
from alliance_review.services.merge import MERGED, merge_into
from alliance_review.services.reviewer_keys import revoke
from alliance_review.storage import audit
from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.schema import ROUND_FILE

from . import panel_rounds as pr
from .conftest import DATA, run_cli


@pytest.fixture
def round_path(tmp_path: Path) -> Path:
    return pr.build_round(tmp_path / "round.sqlite", uid="round-keys-test")


def issued_twice(round_path: Path, tmp_path: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    first = pr.issue(round_path, tmp_path / "first")
    again = pr.issue(round_path, tmp_path / "again")
    return first, again


def test_a_file_signed_with_a_key_retired_by_a_reissue_is_refused(round_path: Path, tmp_path: Path):
    """Defect 2, the attack as it was run."""
    first, again = issued_twice(round_path, tmp_path)
    with ReviewerStore.open(first["r2"]) as file:
        key_id = file.seal_state().key_id
    with RoundStore.open(round_path) as store:
        retired = store.reviewer_key(key_id)
        assert retired is not None and retired.retired_at is not None
        reissued = retired.retired_at
    # the attacker holds B's (r2's) first file: every score 0, revision 1000, sealed
    stolen = first["r2"]
    pr.fill(stolen, lambda *_: Fraction(0))
    with closing(sqlite3.connect(stolen)) as conn:
        conn.execute("UPDATE meta SET revision = 999")
        conn.commit()
    forged = pr.seal(stolen, tmp_path / "r2-forged.sqlite")
    before = pr.dump(round_path, skip=("merge_log", "audit"))
    done = run_cli("merge", round_path, forged)
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if x.startswith("[拒绝]"))
    assert "已作废的密钥" in line and "重新发放" in line
    assert reissued.replace("T", " ")[:16] in line  # the date of the re-issue
    assert pr.dump(round_path, skip=("merge_log", "audit")) == before
    # B's genuine submission from the file issued again merges (not refused as stale)
    pr.fill(again["r2"])
    genuine = pr.seal(again["r2"], tmp_path / "r2-genuine.sqlite")
    assert merge_into(round_path, [genuine])[0].outcome == MERGED
    # check against the round says the same as the merge
    against = run_cli("check", forged, "--round", round_path)
    assert against.returncode == 1 and "已作废的密钥" in against.stdout


def test_reissuing_retires_the_key_before_and_the_trail_records_it(
    round_path: Path, tmp_path: Path
):
    first, again = issued_twice(round_path, tmp_path)
    key_of = {}
    for name, files in (("first", first), ("again", again)):
        with ReviewerStore.open(files["r1"]) as file:
            key_of[name] = file.seal_state().key_id
    with RoundStore.open(round_path) as store:
        old, new = store.reviewer_key(key_of["first"]), store.reviewer_key(key_of["again"])
        assert old is not None and new is not None
        assert old.retired_at == new.issued_at and old.retired_why == "reissued"
        assert new.retired_at is None
        retired = [e.data() for e in store.audit_entries() if e.action == "key_retired"]
        assert {"reviewer": "r1", "key": key_of["first"], "why": "reissued",
                "replaced_by": key_of["again"]} in retired  # fmt: skip
    with closing(sqlite3.connect(round_path)) as conn:  # one current key per reviewer
        current = conn.execute(
            "SELECT reviewer_uid, count(*) FROM reviewer_key WHERE retired_at IS NULL"
            " GROUP BY reviewer_uid"
        ).fetchall()
        assert {count for _, count in current} == {1} and len(current) == 5
        with pytest.raises(sqlite3.IntegrityError, match="stays retired"):
            conn.execute(
                "UPDATE reviewer_key SET retired_at = NULL, retired_why = NULL WHERE key_id = ?",
                (key_of["first"],),
            )
    assert run_cli("check", round_path).returncode == 0


def test_revoking_a_key_refuses_its_files_until_a_file_is_issued_again(
    round_path: Path, tmp_path: Path
):
    working = pr.issue(round_path, tmp_path / "issued")
    pr.fill(working["r3"])
    lost = pr.seal(working["r3"], tmp_path / "r3-lost.sqlite")
    done = run_cli("reviewers", round_path, "revoke", "评审专家3")
    assert done.returncode == 0 and "已撤销评审专家3的签名密钥" in done.stdout, done.stderr
    again = run_cli("reviewers", round_path, "revoke", "评审专家3")
    assert again.returncode == 1 and "没有有效的签名密钥" in again.stderr
    refused = run_cli("merge", round_path, lost)
    assert refused.returncode == 1 and "被撤销" in refused.stdout, refused.stdout
    with RoundStore.open(round_path) as store:
        (entry,) = [e for e in store.audit_entries() if e.action == "key_retired"]
        assert entry.data()["why"] == "revoked" and entry.data()["reviewer"] == "r3"
    reissued = pr.issue(round_path, tmp_path / "reissued")
    pr.fill(reissued["r3"])
    assert (
        merge_into(round_path, [pr.seal(reissued["r3"], tmp_path / "r3.sqlite")])[0].outcome
        == MERGED
    )
    # a locked round keeps its keys as they are
    assert run_cli("lock", round_path).returncode == 0
    with RoundStore.open(round_path) as store, pytest.raises(RoundLocked):
        revoke(store, "评审专家1")


def test_a_key_made_current_again_with_sqlite3_is_reported_by_check(
    round_path: Path, tmp_path: Path
):
    pr.issue(round_path, tmp_path / "issued")
    assert run_cli("reviewers", round_path, "revoke", "评审专家4").returncode == 0
    with closing(sqlite3.connect(round_path)) as conn:
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'reviewer_key_stays_retired'"
        ).fetchone()
        conn.execute("DROP TRIGGER reviewer_key_stays_retired")
        conn.execute("UPDATE reviewer_key SET retired_at = NULL, retired_why = NULL"
                     " WHERE reviewer_uid = 'r4'")  # fmt: skip
        conn.execute(sql)
        conn.commit()
    done = run_cli("check", round_path, "--json")
    record = json.loads(done.stdout)
    assert done.returncode == 1 and record["valid"] is False
    assert any("审计记录中已作废的签名密钥在文件中却仍然有效" in p for p in record["problems"])


def test_a_locked_round_of_version_7_upgrades_still_signed_its_reissued_keys_retired(
    tmp_path: Path,
):
    """The fixture (``make_round_v7.py``) holds two keys of r1 (a file issued again, as
    the release before wrote it) and locks with a signed lock. The upgrade retires the
    first key as of the second's issue and keeps the lock signed."""
    old = shutil.copyfile(DATA / "round-v7.sqlite", tmp_path / "round-2017.sqlite")
    assert identify(old).version == 7
    with closing(sqlite3.connect(old)) as conn:
        (lock_at,) = conn.execute(
            "SELECT at FROM audit WHERE action = 'lock' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        assert store.lock_state().state == audit.LOCKED_SIGNED
        assert store.locked_at() == lock_at
        upgrade = store.audit_entries()[-1]
        assert upgrade.action == "upgrade" and upgrade.data()["from"] == 7
        first, again, other = (store.reviewer_key(k) for k in
                               ("k-r1-first", "k-r1-again", "k-r2-first"))  # fmt: skip
        assert first is not None and again is not None and other is not None
        assert (first.retired_at, first.retired_why) == ("2017-03-02T15:30:00+08:00", "reissued")
        assert again.retired_at is None and other.retired_at is None
        with pytest.raises(RoundLocked):
            revoke(store, "乙联盟秘书长")
    code = run_cli("check", old)
    assert code.returncode == 0 and "已锁定，签名有效" in code.stdout, code.stdout
    # a key edited behind the app's back after the upgrade: altered after locking
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("UPDATE round SET locked = 0")
        conn.execute("UPDATE reviewer_key SET retired_at = '2017-03-09T00:00:00+08:00',"
                     " retired_why = 'revoked' WHERE key_id = 'k-r2-first'")  # fmt: skip
        conn.execute("UPDATE round SET locked = 1")
        conn.commit()
    with RoundStore.open_readonly(old) as store:
        assert store.lock_state().state == audit.ALTERED


def test_an_unlocked_round_of_version_7_upgrades_and_reissues_retire_from_then_on(
    tmp_path: Path,
):
    from alliance_review.storage import keys

    old = shutil.copyfile(DATA / "round-v7.sqlite", tmp_path / "round-2017.sqlite")
    with closing(sqlite3.connect(old)) as conn:  # unlocked as the app does: signed
        secretary = keys.new_private_key()
        conn.execute("UPDATE round SET locked = 0")
        audit.append(conn, audit.UNLOCK, {"reason": ""}, secretary)
        conn.commit()
    with RoundStore.open(old) as store:
        assert store.lock_state().state == audit.UNLOCKED
        assert store.reviewer_key("k-r1-first").retired_at is not None  # type: ignore[union-attr]
        done = revoke(store, "甲联盟秘书长")
        assert done.key_id == "k-r1-again"
        assert store.reviewer_key("k-r1-again").retired_why == "revoked"  # type: ignore[union-attr]
    assert run_cli("check", old).returncode == 0
