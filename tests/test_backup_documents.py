"""Backups keep each document once: twenty backups of a round with documents take the
documents' bytes once beside them, a restore gives every document back (checked by
SHA-256 with plain SQL), a backup taken before this still restores, a killed backup
leaves the others usable, and a document no backup names any more is removed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

import tests.document_files as files
from alliance_review.core.errors import FileRefused
from alliance_review.services import restore
from alliance_review.storage import backup_documents, backups
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli
from .documents_support import contents, everything, panel_round_with_documents, query

MB = 1024 * 1024


def on_disk(folder: Path) -> int:
    """Bytes of every file under ``folder`` (what the user's disk holds)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_twenty_backups_keep_each_document_once_and_give_it_back(tmp_path: Path):
    uid = "round-backup-documents"
    round_path, submitted = panel_round_with_documents(tmp_path, uid)
    held = contents(round_path)
    assert len(held) == 2 and all(size > 3 * MB - 1 for size, _ in held.values())
    assert all(digest == sha for sha, (_, digest) in held.items())
    # the user's commands take backups: a merge, a lock, an unlock (of a locked round)
    assert run_cli("merge", round_path, submitted["r0"]).returncode == 0
    assert run_cli("lock", round_path).returncode == 0
    assert run_cli("unlock", round_path).returncode == 0
    with RoundStore.open(round_path) as store:
        for _ in range(17):
            store.backup("merge")
    folder = backups.folder_of(uid)
    taken = backups.listing(uid)
    assert len(taken) == backups.KEEP == 20
    # each backup: the round without the documents' contents; the contents once beside
    documents_bytes = sum(size for size, _ in held.values())
    round_bytes = round_path.stat().st_size
    for backup in taken:
        assert backup.path.stat().st_size < round_bytes - documents_bytes + MB
        kept = contents(backup.path)
        assert {sha: size for sha, (size, _) in kept.items()} == {
            sha: size for sha, (size, _) in held.items()
        }
        assert all(digest == "" for _, digest in kept.values())  # not inside
    store_folder = backup_documents.store_of(folder)
    assert sorted(p.name for p in store_folder.iterdir()) == sorted(held)
    for path in store_folder.iterdir():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name
    # on disk: the documents once, and twenty backups without them (nothing else)
    assert on_disk(folder) == documents_bytes + sum(b.path.stat().st_size for b in taken)
    assert on_disk(folder) < 20 * (round_bytes - documents_bytes) + documents_bytes + MB
    # restoring the backup taken of the locked round (before the unlock) gives the round
    # back locked, every document whole
    (before_unlock,) = [b for b in taken if b.reason == "unlock"]
    with RoundStore.open(round_path) as store:
        restore.restore_backup(store, before_unlock.path)
        assert store.is_locked()
    assert contents(round_path) == held
    assert query(round_path, "SELECT count(*) FROM document") == [(2,)]
    checked = run_cli("check", round_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_backup_taken_before_the_store_keeps_its_documents_and_restores(tmp_path: Path):
    uid = "round-backup-old-kind"
    round_path, _ = panel_round_with_documents(tmp_path, uid, megabytes=1.0)
    held = contents(round_path)
    folder = backups.folder_of(uid)
    old = folder / "20260101-090000-000000-merge-round.sqlite"
    with closing(sqlite3.connect(round_path)) as source, closing(sqlite3.connect(old)) as copy:
        source.backup(copy)  # as backups were taken before: the whole round
        copy.execute("PRAGMA journal_mode = DELETE")
    assert contents(old) == held
    with RoundStore.open(round_path) as store:
        store.backup("lock")  # a new one beside it; the old one keeps its documents
    assert contents(old) == held
    run_cli("documents", round_path, "remove", "联盟0号", "扫描件0")
    assert len(contents(round_path)) == 1
    (older,) = [b for b in backups.listing(uid) if b.path == old]
    with RoundStore.open(round_path) as store:
        restore.restore_backup(store, older.path)
    assert contents(round_path) == held


def test_a_document_no_backup_names_is_removed_once_an_hour_old(tmp_path: Path):
    uid = "round-backup-prune"
    round_path, _ = panel_round_with_documents(tmp_path, uid, megabytes=1.0)
    with RoundStore.open(round_path) as store:
        store.backup("merge")
    removed = run_cli("documents", round_path, "remove", "联盟1号", "扫描件1")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    (gone_sha,) = set(contents(backups.listing(uid)[0].path)) - set(contents(round_path))
    store_folder = backup_documents.store_of(backups.folder_of(uid))
    with RoundStore.open(round_path) as store:
        for _ in range(backups.KEEP):
            store.backup("merge")
    # no kept backup names it now, but it is new: a backup of another process may need it
    assert all(gone_sha not in contents(b.path) for b in backups.listing(uid))
    assert (store_folder / gone_sha).exists()
    hour_ago = time.time() - backup_documents.GRACE_SECONDS - 60
    for path in store_folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    with RoundStore.open(round_path) as store:
        store.backup("merge")
    assert sorted(p.name for p in store_folder.iterdir()) == sorted(contents(round_path))


def backed_up_then_removed(tmp_path: Path, uid: str) -> tuple[Path, Path]:
    """The round with two documents backed up, then one of them removed: (round, backup)."""
    round_path, _ = panel_round_with_documents(tmp_path, uid, megabytes=0.5)
    with RoundStore.open(round_path) as store:
        taken = store.backup("merge")
    removed = run_cli("documents", round_path, "remove", "联盟0号", "扫描件0")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    return round_path, taken


def test_a_document_missing_or_altered_beside_the_backups_refuses_the_restore(tmp_path: Path):
    uid = "round-backup-altered"
    round_path, taken = backed_up_then_removed(tmp_path, uid)
    store_folder = backup_documents.store_of(backups.folder_of(uid))
    victim = sorted(store_folder.iterdir())[0]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    before = pr.dump(round_path, skip=())
    listed = backups.listing(uid)
    with RoundStore.open(round_path) as store, pytest.raises(FileRefused) as refused:
        restore.restore_backup(store, taken)
    assert "缺失或已被改动" in str(refused.value) and "评价轮次保持原样" in str(refused.value)
    assert pr.dump(round_path, skip=()) == before
    assert backups.listing(uid) == listed  # not even a backup "before restoring"
    victim.unlink()
    with RoundStore.open(round_path) as store, pytest.raises(FileRefused):
        restore.restore_backup(store, taken)
    assert pr.dump(round_path, skip=()) == before


KILLED_MIDWAY = """
import sys, time
from pathlib import Path
from alliance_review.storage import backups, documents
from alliance_review.storage.round_store import RoundStore

def stop():
    print("stopping", flush=True)
    time.sleep(120)

def after(function):
    def wrapped(*args, **kwargs):
        done = function(*args, **kwargs)
        stop()
        return done
    return wrapped

def inside(function):
    def wrapped(*args, **kwargs):
        for number, chunk in enumerate(function(*args, **kwargs)):
            if number == 1:
                stop()
            yield chunk
    return wrapped

where = sys.argv[2]
if where == "inside a document":
    documents.chunks = inside(documents.chunks)
    documents.CHUNK = 64 * 1024
elif where == "after the documents":
    documents.extract = after(documents.extract)
else:
    backups.copy_without_contents = after(backups.copy_without_contents)
with RoundStore.open(Path(sys.argv[1])) as store:
    store.backup("merge")
"""


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if ".part" in p.name]


@pytest.mark.parametrize("where", ["inside a document", "after the documents", "inside the backup"])
def test_a_backup_killed_midway_leaves_the_others_and_their_documents(tmp_path: Path, where: str):
    uid = "round-backup-killed"
    round_path, _ = panel_round_with_documents(tmp_path, uid, megabytes=1.0)
    with RoundStore.open(round_path) as store:
        earlier = store.backup("merge")
    held = contents(round_path)
    extra = files.padded_pdf(tmp_path / "新增扫描件.pdf", 1.0)
    assert run_cli("documents", round_path, "add", "联盟2号", extra).returncode == 0
    folder = backups.folder_of(uid)
    store_folder = backup_documents.store_of(folder)
    listed = [b.path.name for b in backups.listing(uid)]
    stored = {p.name: p.read_bytes() for p in store_folder.iterdir()}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_MIDWAY, str(round_path), where],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "stopping"
    finally:
        child.kill()
        child.wait()
    assert [b.path.name for b in backups.listing(uid)] == listed
    now_stored = {p.name: p.read_bytes() for p in store_folder.iterdir() if ".part" not in p.name}
    assert {name: now_stored[name] for name in stored} == stored  # untouched
    assert all(hashlib.sha256(data).hexdigest() == name for name, data in now_stored.items())
    left = leftovers(folder)
    assert bool(left) == (where != "after the documents")  # a temporary file, not in place
    with RoundStore.open(round_path) as store:
        restore.restore_backup(store, earlier)
    assert contents(round_path) == held
    assert run_cli("check", round_path).returncode == 0
    # an hour later the next backup clears what the kill left
    hour_ago = time.time() - backup_documents.GRACE_SECONDS - 60
    for path in left:
        os.utime(path, (hour_ago, hour_ago))
    with RoundStore.open(round_path) as store:
        store.backup("merge")
    assert not leftovers(folder)
    named = set().union(*(set(contents(b.path)) for b in backups.listing(uid)))
    assert {p.name for p in store_folder.iterdir()} >= named


def test_a_round_without_documents_makes_no_store(tmp_path: Path):
    round_path = pr.build_round(tmp_path / "round.sqlite", uid="round-backup-plain")
    with RoundStore.open(round_path) as store:
        store.backup("merge")
    folder = backups.folder_of("round-backup-plain")
    assert [p.name for p in folder.iterdir()] == [
        b.path.name for b in backups.listing("round-backup-plain")
    ]


def test_a_backup_holds_every_row_and_the_schema_of_the_round(round_docs: Path, tmp_path: Path):
    """Read back by sqlite3: the backup of the round with documents and of a round of each
    older format holds its schema, identity and every row, the contents (by SHA-256 in
    the store) aside."""
    fixtures = sorted((Path(__file__).parent / "data").glob("round-v*.sqlite"))
    assert len(fixtures) >= 8
    for original in [round_docs, *fixtures]:
        path = tmp_path / ("copy-" + original.name)
        shutil.copyfile(original, path)
        uid = "round-fidelity-" + original.stem
        taken = backups.take_of_file(path, uid, "upgrade")
        with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(taken)) as copy:
            expected, got = everything(source), everything(copy)
        blobs = expected.pop("document_blob", [])
        assert got.pop("document_blob", []) == [(sha, size, None) for sha, size, _ in blobs]
        assert got == expected, original.name
        store = backup_documents.store_of(backups.folder_of(uid))
        for sha, _, content in blobs:
            assert content == sha
            assert hashlib.sha256((store / sha).read_bytes()).hexdigest() == sha
        assert bool(blobs) == (original == round_docs)


def test_while_a_backup_cannot_be_read_no_document_is_removed(tmp_path: Path):
    uid = "round-backup-unreadable"
    round_path, _ = panel_round_with_documents(tmp_path, uid, megabytes=0.5)
    folder = backups.folder_of(uid)
    with RoundStore.open(round_path) as store:
        taken = store.backup("merge")
    damaged = folder / "20260101-090000-000000-merge-round.sqlite"
    damaged.write_bytes(b"not a database, perhaps a backup a disk error broke" * 100)
    assert run_cli("documents", round_path, "remove", "联盟0号", "扫描件0").returncode == 0
    taken.unlink()  # the only backup naming the removed document is gone
    store_folder = backup_documents.store_of(folder)
    hour_ago = time.time() - backup_documents.GRACE_SECONDS - 60
    for path in store_folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    with RoundStore.open(round_path) as store:
        store.backup("merge")
    assert len(list(store_folder.iterdir())) == 2  # the damaged one might name it
    damaged.unlink()
    with RoundStore.open(round_path) as store:
        store.backup("merge")
    assert sorted(p.name for p in store_folder.iterdir()) == sorted(contents(round_path))


def test_a_restore_cancelled_while_the_documents_are_put_back_changes_nothing(tmp_path: Path):
    from alliance_review.core.errors import UserError

    uid = "round-backup-cancelled"
    round_path, taken = backed_up_then_removed(tmp_path, uid)
    before, listed = pr.dump(round_path, skip=()), backups.listing(uid)
    seen: list[tuple[int, int]] = []

    def cancel_after_the_first(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 2

    with pytest.raises(UserError, match="已取消恢复"):
        restore.restore_round(round_path, taken, cancel_after_the_first)
    assert seen[0][0] == 0 and seen[0][1] == sum(size for size, _ in contents(taken).values())
    assert pr.dump(round_path, skip=()) == before and backups.listing(uid) == listed
