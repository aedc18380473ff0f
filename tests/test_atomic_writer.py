"""The one atomic writer (``system.writing.atomic_file``) and everything that writes a whole
file through it: exports (``output.replacing``), travelling copies (``db.vacuum_into``),
new round and reviewer files (``files.building_file``) and backups (``backups.take``)."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from alliance_review.cli import main as cli_main
from alliance_review.core.errors import UserError
from alliance_review.services.output import replacing
from alliance_review.storage import backups
from alliance_review.storage.db import storage_error, vacuum_into
from alliance_review.storage.round_store import RoundStore, building_round
from alliance_review.system import writing
from alliance_review.system.oserrors import FileInUse
from alliance_review.system.writing import atomic_file, write_bytes


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def only(folder: Path) -> list[str]:
    """What a user sees in the folder (a leftover temporary file included)."""
    return sorted(p.name for p in folder.iterdir())


def test_the_block_that_succeeds_replaces_the_target_whole(tmp_path: Path):
    target = tmp_path / "附件.pdf"
    target.write_bytes(b"old")
    with atomic_file(target) as temporary:
        assert temporary.parent == tmp_path and temporary != target
        assert temporary.name.startswith(".附件.pdf.") and temporary.suffix == ".part"
        temporary.write_bytes(b"new and whole")
        assert target.read_bytes() == b"old"  # nothing changes before the block ends
    assert target.read_bytes() == b"new and whole"
    assert only(tmp_path) == ["附件.pdf"]


@pytest.mark.parametrize("stop", [OSError(errno.ENOSPC, "No space left"), KeyboardInterrupt()])
def test_a_failure_or_a_cancel_mid_write_leaves_the_target_byte_identical(
    tmp_path: Path, stop: BaseException
):
    target = tmp_path / "results.xlsx"
    target.write_bytes(b"the earlier export" * 1000)
    before = fingerprint(target)
    with pytest.raises(type(stop)), atomic_file(target) as temporary:
        with temporary.open("wb") as handle:
            handle.write(b"half of it")
        raise stop
    assert fingerprint(target) == before
    assert only(tmp_path) == ["results.xlsx"]


def test_a_cancelled_export_leaves_the_earlier_file_and_nothing_else(
    demo_round: Path, tmp_path: Path
):
    from alliance_review.services.results_xlsx import export_workbook

    out = tmp_path / "out" / "评价结果.xlsx"
    out.parent.mkdir()
    export_workbook(demo_round, out)
    before = fingerprint(out)
    with pytest.raises(UserError, match="已取消"):
        export_workbook(demo_round, out, progress=lambda done, total: done < 2)
    assert fingerprint(out) == before and only(out.parent) == ["评价结果.xlsx"]


def test_two_writers_at_once_never_share_a_temporary_file(tmp_path: Path):
    target = tmp_path / "round.alr-review"
    both_inside = threading.Barrier(2, timeout=30)
    seen: dict[str, Path] = {}
    failures: list[BaseException] = []

    def write(who: str) -> None:
        try:
            with atomic_file(target) as temporary:
                seen[who] = temporary
                temporary.write_bytes(who.encode() * 10_000)
                both_inside.wait()  # both temporaries exist at the same time
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert seen["a"] != seen["b"]
    assert target.read_bytes() in (b"a" * 10_000, b"b" * 10_000)  # one whole, never mixed
    assert only(tmp_path) == ["round.alr-review"]


def held_open_error(target: Path) -> PermissionError:
    """What Windows raises when another program has the target open (sharing violation)."""
    error = PermissionError(
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
        str(target),
    )
    error.winerror = 32  # type: ignore[attr-defined]
    return error


def test_a_target_held_open_for_a_moment_is_replaced_after_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "附件.pdf"
    target.write_bytes(b"old")
    real_replace = writing.os.replace
    attempts: list[float] = []

    def replace(source: Path, destination: Path) -> None:
        if len(attempts) < 2:
            attempts.append(0)
            raise held_open_error(Path(destination))
        real_replace(source, destination)

    waits: list[float] = []
    monkeypatch.setattr(writing.os, "replace", replace)
    monkeypatch.setattr(writing, "_pause", waits.append)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and len(waits) == 2
    assert only(tmp_path) == ["附件.pdf"]


def test_a_target_held_open_is_retried_then_reported_in_one_sentence(
    demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    out = tmp_path / "exports" / "评价结果.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"open in Excel")
    waits: list[float] = []

    real_replace = writing.os.replace

    def replace(source: Path, destination: Path) -> None:
        if Path(destination) != out:  # the data folder's own records are written as usual
            return real_replace(source, destination)
        waits.append(0.0)  # an attempt (counted apart from the pauses between attempts)
        raise held_open_error(Path(destination))

    monkeypatch.setattr(writing.os, "replace", replace)
    monkeypatch.setattr(writing, "_pause", waits.append)
    monkeypatch.setenv("ALLIANCE_REVIEW_LANG", "zh")
    # replacing it is asked for (--force): it is held open, so it cannot be
    assert cli_main(["export-xlsx", str(demo_round), str(out), "--force"]) == 1
    said = capsys.readouterr().err.strip()
    assert said == (
        "「评价结果.xlsx」正被另一个程序打开（例如 Excel、WPS 或 PDF 阅读器），无法写入；"
        "请关闭它后再试。"
    )
    # one attempt, then a pause before each of the next attempts: ~3 s in all, then the sentence
    assert waits == [w for pause in writing.RETRY_WAITS for w in (0.0, pause)] + [0.0]
    assert sum(waits) < 10
    assert out.read_bytes() == b"open in Excel" and only(out.parent) == ["评价结果.xlsx"]
    # the same in English, and the error itself says which file
    with pytest.raises(FileInUse) as raised:
        write_bytes(out, b"x")
    refusal = storage_error(raised.value)
    assert refusal is not None and refusal.message("en") == (
        "评价结果.xlsx is open in another program (Excel, WPS or a PDF reader, say) and "
        "cannot be written; close it and try again."
    )


def test_a_full_disk_names_the_users_file_not_the_temporary_one(tmp_path: Path):
    target = tmp_path / "统计.pdf"
    with pytest.raises(OSError) as raised, atomic_file(target) as temporary:
        raise OSError(errno.ENOSPC, "No space left on device", str(temporary))
    refusal = storage_error(raised.value)
    assert refusal is not None
    assert refusal.message("zh") == "无法读写「统计.pdf」：磁盘已满。"
    assert only(tmp_path) == []


def test_an_export_that_fails_half_way_leaves_the_target(tmp_path: Path):
    target = tmp_path / "附件.pdf"
    target.write_bytes(b"%PDF earlier")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_bytes(b"%PDF half")
        raise RuntimeError("a bug half-way")
    assert target.read_bytes() == b"%PDF earlier" and only(tmp_path) == ["附件.pdf"]


def test_a_travelling_copy_that_fails_leaves_the_earlier_copy(demo_round: Path, tmp_path: Path):
    target = tmp_path / "copies" / "copy.alr-round"
    target.parent.mkdir()
    conn = sqlite3.connect(demo_round)
    try:
        vacuum_into(conn, target)
        before = fingerprint(target)

        def finish(copy: sqlite3.Connection) -> None:
            copy.execute("DELETE FROM alliance")
            raise sqlite3.OperationalError("disk I/O error")

        with pytest.raises(sqlite3.OperationalError):
            vacuum_into(conn, target, finish=finish)
    finally:
        conn.close()
    assert fingerprint(target) == before and only(target.parent) == ["copy.alr-round"]


def test_a_round_that_fails_while_built_leaves_nothing_and_the_old_file(tmp_path: Path):
    target = tmp_path / "评价轮次-2016.alr-round"
    target.write_bytes(b"an earlier file the user chose to replace")
    with pytest.raises(RuntimeError), building_round(target) as store:
        store.conn.execute("PRAGMA user_version")  # the file exists, its WAL beside it
        raise RuntimeError("a bug half-way")
    assert target.read_bytes() == b"an earlier file the user chose to replace"
    assert only(tmp_path) == ["评价轮次-2016.alr-round"]


def test_a_backup_is_written_whole_and_private(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        uid = store.settings().uid
        taken = backups.take(store.conn, uid, demo_round, "merge")
    assert only(taken.parent) == sorted(b.path.name for b in backups.listing(uid))
    copy = sqlite3.connect(taken)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM alliance").fetchone()[0] > 100
    finally:
        copy.close()
    if os.name != "nt":
        assert taken.stat().st_mode & 0o077 == 0
