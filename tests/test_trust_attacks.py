"""The attacks of issue 10, tried as a determined insider would: each is refused with one
sentence and the round's full content (every table but the two logs) stays as it was.

Reviewers are secretaries-general of alliances being scored; files travel by mail and
USB stick. Each test fails without its protection (signature, type checks, regular-file
checks, removal confirmation, serialised writers).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.services.merge import MERGED, REFUSED, merge_files, merge_into, preview
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli


def refused_alone(round_path: Path, file: Path, words: str) -> str:
    """Merge ``file`` from the command line: refused (exit 1), one sentence naming it,
    the round's full content unchanged, the refusal logged."""
    before = pr.dump(round_path)
    log_before = pr.merge_log_rows(round_path)
    done = run_cli("merge", round_path, file)
    assert done.returncode == 1, done.stdout
    line = next(x for x in done.stdout.splitlines() if x.startswith("[拒绝]"))
    assert words in line and file.name in line, line
    assert "Traceback" not in done.stdout + done.stderr
    assert pr.dump(round_path) == before
    log = pr.merge_log_rows(round_path)
    assert log[:-1] == log_before and log[-1][4] == "refused"
    return line


def test_a_submitted_file_edited_with_sqlite3_is_refused(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """A score changed to another valid value, a note changed, the revision bumped."""
    for n, edit in enumerate(
        (
            "UPDATE score SET points_centi = points_centi - 100"
            " WHERE rowid = (SELECT min(rowid) FROM score WHERE points_centi >= 100)",
            "UPDATE score SET note = '材料齐全' WHERE rowid = 1",
            "UPDATE meta SET revision = revision + 1",
        )
    ):
        edited = tmp_path / f"edited-{n}.sqlite"
        shutil.copyfile(returned["r1"], edited)
        with sqlite3.connect(edited) as conn:
            conn.execute(edit)
        conn.close()
        refused_alone(round_path, edited, "提交（封存）之后被改动过")
    # the genuine file still merges
    assert merge_into(round_path, [returned["r1"]])[0].outcome == MERGED


def test_a_file_in_another_reviewers_name_is_refused_and_locks_nobody_out(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """r1 takes their own file, claims to be r2, empties it, revision 999, signs it again."""
    merge_into(round_path, [returned["r2"]])
    forged = tmp_path / "forged.sqlite"
    shutil.copyfile(returned["r1"], forged)
    with sqlite3.connect(forged) as conn:
        conn.execute("UPDATE meta SET reviewer_uid = 'r2', reviewer_name = '评审专家2'")
        conn.execute("UPDATE meta SET revision = 999")
        conn.execute("DELETE FROM score")
    conn.close()
    line = refused_alone(
        round_path, pr.resign(forged, pr.working_of(returned["r1"])), "冒用他人身份"
    )
    assert "发给评审专家1" in line and "自称来自评审专家2" in line
    # even with the file's own key id swapped for r2's, the signature does not hold
    with sqlite3.connect(returned["r2"]) as conn:
        r2_key = conn.execute("SELECT key_id, public_key FROM signing").fetchone()
    conn.close()
    with sqlite3.connect(forged) as conn:
        conn.execute("UPDATE signing SET key_id = ?, public_key = ?", r2_key)
    conn.close()
    refused_alone(round_path, forged, "提交（封存）之后被改动过")
    # r2's genuine next revision is not locked out as stale
    working = pr.working_of(returned["r2"])
    second = pr.seal(working, tmp_path / "r2-r2.sqlite")
    assert merge_into(round_path, [second])[0].outcome == MERGED


def test_a_revision_dropping_alliances_needs_confirmation(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """The reviewer's own revision 2 keeps 1 of their alliances: the preview shows the
    loss, the merge refuses it until the removal is confirmed (--accept-removals)."""
    merge_into(round_path, [returned["r4"]])
    working = pr.working_of(returned["r4"])
    mine = sorted(a for a, rs in pr.assignment().items() if "r4" in rs)
    with ReviewerStore.open(working) as file, file.atomic():
        for alliance in mine[1:]:
            for indicator in file.rubric().indicators():
                file.set_score(alliance, indicator.code, None, "")
    second = pr.seal(working, tmp_path / "r4-r2.sqlite")
    with RoundStore.open(round_path) as store:
        (seen,) = preview(store, [second])
    assert seen.removes and seen.alliances_removed == tuple(mine[1:])
    assert f"撤下了已合并的第 1 版中的 {18 * (len(mine) - 1)} 条评分" in seen.loss("zh")
    line = refused_alone(round_path, second, "--accept-removals")
    assert "整个联盟被撤下" in line
    done = run_cli("merge", round_path, second, "--accept-removals")
    assert done.returncode == 0 and "[已合并]" in done.stdout, done.stdout
    with RoundStore.open(round_path) as store:
        assert {s.alliance_uid for s in store.scores() if s.reviewer_uid == "r4"} == {mine[0]}


@pytest.mark.parametrize(
    ("value", "words"), [("points_centi + 0.99", "小数（REAL）"), ("'300'||'x'", "文字（TEXT）")]
)
def test_points_stored_as_real_or_text_are_refused_and_the_batch_goes_on(
    round_path: Path, returned: dict[str, Path], tmp_path: Path, value: str, words: str
):
    """Signed with the reviewer's own key, so only the type check stands in the way."""
    crafted = tmp_path / "crafted.sqlite"
    shutil.copyfile(returned["r1"], crafted)
    with sqlite3.connect(crafted) as conn:  # the file's own check, dropped and put back
        (trigger,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'score_points_update'"
        ).fetchone()
        conn.execute("DROP TRIGGER score_points_update")
        conn.execute(f"UPDATE score SET points_centi = {value} WHERE rowid = 1")
        conn.execute(trigger)
        kind = conn.execute("SELECT typeof(points_centi) FROM score WHERE rowid = 1").fetchone()
    conn.close()
    assert kind[0] in ("real", "text")
    pr.resign(crafted, pr.working_of(returned["r1"]))
    refused_alone(round_path, crafted, words)
    before = pr.dump(round_path)
    reports = merge_into(round_path, [crafted, returned["r2"], returned["r3"]])
    assert [r.outcome for r in reports] == [REFUSED, MERGED, MERGED]
    after = pr.dump(round_path)
    assert {r for r, *_ in after["score"]} == {"r2", "r3"} and before["score"] == []
    # the round still ranks and checks
    assert run_cli("ranking", round_path, "--json").returncode == 0
    assert run_cli("check", round_path).returncode == 0


@pytest.mark.posix  # FIFOs and /dev/zero
def test_a_fifo_or_a_link_to_a_device_never_hangs_the_merge(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    device = tmp_path / "zero.sqlite"
    device.symlink_to("/dev/zero")
    started = time.monotonic()
    for path in (fifo, device):
        refused_alone(round_path, path, "不是普通文件")
    assert time.monotonic() - started < 60
    reports = merge_into(round_path, [fifo, returned["r1"], device])
    assert [r.outcome for r in reports] == [REFUSED, MERGED, REFUSED]
    # a link to a genuine file is read like the file
    link = tmp_path / "link.sqlite"
    link.symlink_to(returned["r2"])
    assert merge_into(round_path, [link])[0].outcome == MERGED


def test_a_wal_beside_a_file_is_refused_and_never_replayed(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """A committed -wal beside a reviewer file: what SQLite would read is not the file
    whose hash is recorded. Refused; the file alone (log removed) merges."""
    target = tmp_path / "walled.sqlite"
    shutil.copyfile(returned["r1"], target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE score SET note = '日志里的改动' WHERE rowid = 1")
    wal = Path(str(target) + "-wal")
    saved = tmp_path / "saved-wal"
    shutil.copyfile(wal, saved)  # keep the committed log, as a copy taken while open would
    conn.close()
    shutil.copyfile(saved, wal)
    Path(str(target) + "-shm").unlink(missing_ok=True)
    assert wal.stat().st_size > 0
    refused_alone(round_path, target, "walled.sqlite-wal")
    journal = tmp_path / "journaled.sqlite"
    shutil.copyfile(returned["r2"], journal)
    Path(str(journal) + "-journal").write_bytes(b"\x00" * 512)
    refused_alone(round_path, journal, "journaled.sqlite-journal")


def test_an_oversized_file_is_refused_before_it_is_read(
    round_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from alliance_review.storage import submission

    big = tmp_path / "big.sqlite"
    with big.open("wb") as handle:
        handle.truncate(submission.MAX_BYTES + 1)  # sparse: no disk used
    refused_alone(round_path, big, "过大")


def _start_other_merge(
    round_path: Path, file: Path, started: list[subprocess.Popen[str]]
) -> Callable[[int, int], bool]:
    """A progress callback that, once this batch holds the round, starts another process
    merging ``file`` into it and lets it reach the round (where it must wait)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="zh")

    def meanwhile(done: int, total: int) -> bool:
        if done == 0:
            started.append(
                subprocess.Popen(
                    [sys.executable, "-m", "alliance_review", "merge", str(round_path), str(file)],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                )
            )
            time.sleep(1.0)
            assert started[0].poll() is None  # still waiting for the round
        return True

    return meanwhile


def test_two_merges_at_once_never_lose_an_update(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """While this process merges one revision of r4, another process starts merging the
    other: it waits for this batch (BEGIN IMMEDIATE before any file is judged) and then
    judges against what was merged. Whichever order, revision 3 ends up merged."""
    merge_into(round_path, [returned["r4"]])
    working = pr.working_of(returned["r4"])
    mine = sorted(a for a, rs in pr.assignment().items() if "r4" in rs)
    with ReviewerStore.open(working) as file:
        file.set_score(mine[0], "1.1", Fraction(1), "第二版")
    second = pr.seal(working, tmp_path / "r4-r2.sqlite")
    with ReviewerStore.open(working) as file:
        file.set_score(mine[0], "1.1", Fraction(2), "第三版")
    third = pr.seal(working, tmp_path / "r4-r3.sqlite")
    for here, there, there_outcome in ((second, third, "[已合并]"), (third, second, "[拒绝]")):
        copy = tmp_path / f"round-{here.stem}.sqlite"
        shutil.copyfile(round_path, copy)
        others: list[subprocess.Popen[str]] = []
        meanwhile = _start_other_merge(copy, there, others)
        with RoundStore.open(copy) as store:
            (report,) = merge_files(store, [here], progress=meanwhile)
        out, _ = others[0].communicate(timeout=120)
        assert report.outcome == MERGED
        assert there_outcome in out, out
        with RoundStore.open(copy) as store:
            assert store.merged_revision("r4") is not None
            assert store.merged_revision("r4")[0] == 3  # type: ignore[index]
            assert store.reviewer_score_rows("r4")[(mine[0], "1.1")] == (200, "第三版", "")


@pytest.mark.slow
def test_two_processes_racing_on_one_round_keep_the_newest_revision(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """Two real merge processes started together, 12 times: revision 3 always wins."""
    merge_into(round_path, [returned["r4"]])
    working = pr.working_of(returned["r4"])
    mine = sorted(a for a, rs in pr.assignment().items() if "r4" in rs)
    revisions = []
    for n in (2, 3):
        with ReviewerStore.open(working) as file:
            file.set_score(mine[0], "1.1", Fraction(n - 1), f"第{n}版")
        revisions.append(pr.seal(working, tmp_path / f"r4-r{n}.sqlite"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="zh")
    for attempt in range(12):
        copy = tmp_path / f"race-{attempt}.sqlite"
        shutil.copyfile(round_path, copy)
        order = revisions if attempt % 2 else revisions[::-1]
        racers = [
            subprocess.Popen(
                [sys.executable, "-m", "alliance_review", "merge", str(copy), str(path)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            for path in order
        ]
        said = [racer.communicate(timeout=300) for racer in racers]
        assert all("Traceback" not in out + err for out, err in said), said
        with RoundStore.open(copy) as store:
            assert store.merged_revision("r4")[0] == 3, said  # type: ignore[index]
            assert store.reviewer_score_rows("r4")[(mine[0], "1.1")] == (200, "第3版", "")


def full_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return pr.dump(path, skip=())


@pytest.mark.parametrize("via", ["same", "symlink", "hardlink"])
def test_an_export_never_replaces_its_input(demo_round: Path, tmp_path: Path, via: str):
    """export-pdf R R (and the other exports) replaced the round with the export, exit 0."""
    reviewer = tmp_path / "reviewer.sqlite"
    run_cli("issue", demo_round, tmp_path / "issued")
    shutil.copyfile(sorted((tmp_path / "issued").iterdir())[0], reviewer)
    cases = [
        ("export-pdf", demo_round),
        ("export-xlsx", demo_round),
        ("roster-export", demo_round),
        ("rubric-export", demo_round),
        ("statistics", demo_round, "--pdf"),
        ("export-sheet", reviewer),
    ]
    for command, source, *flag in cases:
        if via == "same":
            target = source
        else:
            target = tmp_path / f"{command}-{via}.out"
            target.unlink(missing_ok=True)
            if via == "symlink":
                target.symlink_to(source)
            else:
                os.link(source, target)
        before, raw = full_dump(source), source.read_bytes()
        for force in ((), ("--force",)):
            done = run_cli(command, source, *flag, target, *force)
            assert done.returncode == 1, (command, done.stdout)
            assert "不能覆盖输入" in done.stderr and len(done.stderr.strip().splitlines()) == 1
            assert source.read_bytes() == raw and full_dump(source) == before, command


def test_demo_and_issue_refuse_to_overwrite_round_and_reviewer_files(
    demo_round: Path, tmp_path: Path
):
    before, raw = full_dump(demo_round), demo_round.read_bytes()
    done = run_cli("demo", demo_round)
    assert done.returncode == 1 and "不会被覆盖" in done.stderr and "--force" in done.stderr
    assert demo_round.read_bytes() == raw and full_dump(demo_round) == before
    folder = tmp_path / "issued"
    folder.mkdir()
    assert run_cli("issue", demo_round, folder).returncode == 0
    issued = {p: p.read_bytes() for p in folder.iterdir()}
    again = run_cli("issue", demo_round, folder)
    assert again.returncode == 1 and "评审专家文件" in again.stderr and "--force" in again.stderr
    assert {p: p.read_bytes() for p in folder.iterdir()} == issued
    assert run_cli("issue", demo_round, folder, "--force").returncode == 0
    # an export over a round file that is not its input needs --force as well
    other = tmp_path / "other.sqlite"
    shutil.copyfile(demo_round, other)
    refused = run_cli("export-pdf", demo_round, other)
    assert refused.returncode == 1 and "评价轮次文件" in refused.stderr
    assert run_cli("export-pdf", demo_round, other, "--force").returncode == 0


def test_refused_files_are_released_as_they_are_refused(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """Defect 6: every refused file stayed in memory for the whole merge (four 234 MB
    hostile files took 3.2 GB): a refusal kept the frames it was raised through, and
    with them the file's rows. What the reports of a batch of large refused files hold
    once the merge is done is far less than one of them (``bench/bench_merge_refused.py``
    prints the peak: 4 files of 235 MB, 1,685 MB before, 747 MB after; 2 or 8 files of
    121 MB, the same 401 MB)."""
    import gc
    import tracemalloc

    hostile = []
    for n in range(3):
        target = shutil.copyfile(returned["r1"], tmp_path / f"swollen-{n}.sqlite")
        with sqlite3.connect(target) as conn:  # every note swollen: the signature breaks
            conn.execute("UPDATE score SET note = hex(randomblob(40000))")
        conn.close()
        hostile.append(target)
    one_file = sum(len(row[0]) for row in sqlite3.connect(hostile[0]).execute(
        "SELECT note FROM score"))  # fmt: skip
    assert one_file > 5_000_000
    before = pr.dump(round_path)
    gc.collect()
    tracemalloc.start()
    try:
        with RoundStore.open(round_path) as store:
            reports = merge_files(store, hostile, backup=False)
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r.outcome for r in reports] == [REFUSED] * 3
    assert all("提交（封存）之后被改动过" in r.detail("zh") for r in reports)
    assert held < one_file / 4, (held, one_file)
    assert pr.dump(round_path) == before


def test_one_note_limit_for_the_window_the_workbook_and_the_merge(
    round_path: Path, returned: dict[str, Path], tmp_path: Path
):
    """Also seen: merge took evidence notes up to 5,000 characters while the window and
    the scoring workbook stop at 2,000. A reviewer's own signed file with a longer note
    is refused, naming the limit the window shows; one at the limit merges."""
    from alliance_review.core.score_entry import MAX_NOTE_CHARS

    for length, outcome in ((MAX_NOTE_CHARS + 1, REFUSED), (MAX_NOTE_CHARS, MERGED)):
        crafted = shutil.copyfile(returned["r1"], tmp_path / f"note-{length}.sqlite")
        with sqlite3.connect(crafted) as conn:
            conn.execute("UPDATE score SET note = ? WHERE rowid = 1", ("依" * length,))
        conn.close()
        pr.resign(crafted, pr.working_of(returned["r1"]))
        if outcome == REFUSED:
            line = refused_alone(round_path, crafted, f"超过 {MAX_NOTE_CHARS} 字")
            assert "评分依据" in line
        else:
            assert merge_into(round_path, [crafted])[0].outcome == MERGED
