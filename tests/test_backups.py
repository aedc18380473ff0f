"""Rotated backups of the round in the user data folder, and restoring one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alliance_review.services import restore
from alliance_review.storage import backups
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli


def test_merge_lock_and_restore_take_backups_and_keep_the_last_20(tmp_path: Path):
    round_path = pr.build_round(tmp_path / "round.sqlite", uid="round-backup-test")
    files = pr.submitted(round_path, tmp_path)
    assert backups.listing("round-backup-test") == []
    assert run_cli("merge", round_path, files["r0"]).returncode == 0
    assert run_cli("lock", round_path).returncode == 0
    assert run_cli("unlock", round_path).returncode == 0
    taken = backups.listing("round-backup-test")
    assert [b.reason for b in taken] == ["unlock", "lock", "merge"]  # newest first
    # the merge backup is the round as it was before the merge: no scores
    conn = sqlite3.connect(taken[-1].path)
    assert conn.execute("SELECT count(*) FROM score").fetchone()[0] == 0
    conn.close()
    with RoundStore.open(round_path) as store:
        for _ in range(25):
            store.backup("merge")
    kept = backups.listing("round-backup-test")
    # the last 20, and beyond them the newest of each other kind (before lock, unlock)
    assert len(kept) == backups.KEEP + 2
    assert [b.reason for b in kept[backups.KEEP :]] == ["unlock", "lock"]


def test_merges_that_merge_nothing_never_push_out_a_useful_backup(tmp_path: Path):
    """Also seen: 21 refused merges pushed every useful backup out of the 20 kept. A merge
    that merges nothing (refused or unchanged files) keeps no backup; and beyond the last
    20 the newest backup of each kind stays."""
    round_path = pr.build_round(tmp_path / "round.sqlite", uid="round-no-op-test")
    files = pr.submitted(round_path, tmp_path)
    assert run_cli("merge", round_path, files["r0"]).returncode == 0
    assert run_cli("lock", round_path).returncode == 0
    assert run_cli("unlock", round_path).returncode == 0
    useful = [(b.reason, b.path.name) for b in backups.listing("round-no-op-test")]
    assert [reason for reason, _ in useful] == ["unlock", "lock", "merge"]
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(files["r1"].read_bytes()[:4096])
    for _ in range(21):
        refused = run_cli("merge", round_path, broken, files["r0"])  # refused, unchanged
        assert refused.returncode == 1 and "[无变化]" in refused.stdout
    assert [(b.reason, b.path.name) for b in backups.listing("round-no-op-test")] == useful
    # the one before the merge still undoes it
    (before_merge,) = [b for b in backups.listing("round-no-op-test") if b.reason == "merge"]
    conn = sqlite3.connect(before_merge.path)
    assert conn.execute("SELECT count(*) FROM score").fetchone()[0] == 0
    conn.close()


def test_restoring_a_backup_backs_up_first_and_is_logged(tmp_path: Path):
    round_path = pr.build_round(tmp_path / "round.sqlite", uid="round-restore-test")
    files = pr.submitted(round_path, tmp_path)
    assert run_cli("merge", round_path, files["r0"], files["r1"]).returncode == 0
    before_merge = backups.listing("round-restore-test")[0]
    with RoundStore.open(round_path) as store:
        assert {s.reviewer_uid for s in store.scores()} == {"r0", "r1"}
        restore.restore_backup(store, before_merge.path)
        assert store.scores() == []
        entry = store.audit_entries()[-1]
        assert entry.action == "restore" and entry.data()["from"] == before_merge.path.name
        assert store.lock_state().chain == "intact"
    reasons = [b.reason for b in backups.listing("round-restore-test")]
    assert reasons[0] == "restore"
    # the backup taken before restoring holds the merged scores: restoring it undoes
    undo = backups.listing("round-restore-test")[0]
    with RoundStore.open(round_path) as store:
        restore.restore_backup(store, undo.path)
        assert {s.reviewer_uid for s in store.scores()} == {"r0", "r1"}
    assert run_cli("check", round_path).returncode == 0


def test_a_backup_of_another_round_is_refused(tmp_path: Path):
    import pytest

    from alliance_review.core.errors import UserError

    mine = pr.build_round(tmp_path / "mine.sqlite", uid="round-mine")
    other = pr.build_round(tmp_path / "other.sqlite", uid="round-other")
    with RoundStore.open(mine) as store:
        before = pr.dump(mine, skip=())
        with pytest.raises(UserError, match="另一个评价轮次"):
            restore.restore_backup(store, other)
    assert pr.dump(mine, skip=()) == before
