"""The merge as a user runs it, checked against the reviewer files with plain SQL.

The merge reads each file into a stage and judges and copies it by SQL
(``storage.merge_stage``); these tests hold it to what the files say, read independently
with sqlite3, and to its refusals: a file that fails a check made in SQL (a score out of
its range, points of another SQLite type, an alliance not assigned, a note too long, a
tick the rubric lacks) is refused with its sentence and leaves every file as it was.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.score_entry import MAX_NOTE_CHARS
from alliance_review.storage.reviewer_store import ReviewerStore

from . import panel_rounds as pr
from .conftest import run_cli


def _rows(path: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)) as conn:
        return sorted(conn.execute(query, args).fetchall(), key=repr)


def _returned_with_ticks_and_reasons(round_path: Path, folder: Path) -> dict[str, Path]:
    """Every reviewer's sealed file, each with evidence ticks and an override reason."""
    working = pr.issue(round_path, folder / "working")
    out = folder / "returned"
    out.mkdir()
    result = {}
    for reviewer, path in working.items():
        pr.fill(path)
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute(
                "INSERT INTO item_tick (alliance_uid, indicator_code, key)"
                " SELECT a.uid, e.indicator_code, e.key FROM alliance a, evidence_item e"
                " WHERE (length(a.uid) + length(e.key)) % 3 = 0"
            )
            conn.execute(
                "UPDATE score SET override_reason = '复核后调整' WHERE indicator_code = '1.1'"
            )
        with ReviewerStore.open(path) as file:
            file.seal(out / f"{reviewer}-r1.sqlite")
        result[reviewer] = out / f"{reviewer}-r1.sqlite"
    return result


def _round_rows_of(round_path: Path, reviewer: str) -> tuple[list[tuple], list[tuple]]:
    scores = _rows(
        round_path,
        "SELECT alliance_uid, indicator_code, points_centi, typeof(points_centi), note,"
        " override_reason FROM score WHERE reviewer_uid = ?",
        reviewer,
    )
    ticks = _rows(
        round_path,
        "SELECT alliance_uid, indicator_code, key FROM item_tick WHERE reviewer_uid = ?",
        reviewer,
    )
    return scores, ticks


def _file_rows(file: Path) -> tuple[list[tuple], list[tuple]]:
    scores = _rows(
        file,
        "SELECT alliance_uid, indicator_code, points_centi, typeof(points_centi), note,"
        " override_reason FROM score WHERE points_centi IS NOT NULL",
    )
    ticks = _rows(file, "SELECT DISTINCT alliance_uid, indicator_code, key FROM item_tick")
    return scores, ticks


def test_the_merge_command_puts_each_files_rows_into_the_round(round_path: Path, tmp_path: Path):
    returned = _returned_with_ticks_and_reasons(round_path, tmp_path)
    bytes_before = {p: p.read_bytes() for p in returned.values()}
    done = run_cli("merge", round_path, *returned.values())
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("[已合并]") == len(returned)
    for reviewer, file in returned.items():
        in_round = _round_rows_of(round_path, reviewer)
        assert in_round == _file_rows(file) and in_round[0] and in_round[1]
        assert all(kind == "integer" for _, _, _, kind, _, _ in in_round[0])
        (revision,) = _rows(file, "SELECT revision FROM meta")[0]
        digest = hashlib.sha256(bytes_before[file]).hexdigest()
        assert _rows(
            round_path,
            "SELECT revision, content_hash FROM merged_revision WHERE reviewer_uid = ?",
            reviewer,
        ) == [(revision, digest)]
    assert {p: p.read_bytes() for p in returned.values()} == bytes_before

    # a second revision of one reviewer: one score changed, one alliance's ticks dropped
    r2 = pr.working_of(returned["r2"])
    mine = sorted(pr.assignment_of("r2"))
    with ReviewerStore.open(r2) as file:
        file.set_score(mine[0], "1.1", Fraction(1), "第二版")
    with closing(sqlite3.connect(r2)) as conn, conn:
        conn.execute("DELETE FROM item_tick WHERE alliance_uid = ?", (mine[1],))
    with ReviewerStore.open(r2) as file:
        file.seal(tmp_path / "r2-r2.sqlite")
    others = {r: _round_rows_of(round_path, r) for r in returned if r != "r2"}
    again = run_cli("merge", round_path, tmp_path / "r2-r2.sqlite")
    assert again.returncode == 0, again.stderr
    assert "[已合并]" in again.stdout
    assert _round_rows_of(round_path, "r2") == _file_rows(tmp_path / "r2-r2.sqlite")
    assert {r: _round_rows_of(round_path, r) for r in others} == others


def _one_score(conn: sqlite3.Connection, value: object, alliance: str, code: str = "1.1") -> None:
    conn.execute(
        "UPDATE score SET points_centi = ? WHERE alliance_uid = ? AND indicator_code = ?",
        (value, alliance, code),
    )


def _unassigned(conn: sqlite3.Connection, reviewer: str) -> None:
    conflicts = next(r.conflicts for r in pr.REVIEWERS if r.uid == reviewer)
    other = sorted(
        a for a, rs in pr.assignment().items() if reviewer not in rs and a not in conflicts
    )[0]
    conn.execute("INSERT INTO alliance (uid, position, name) VALUES (?, 99, '别家联盟')", (other,))
    conn.execute(
        "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
        " VALUES (?, '1.1', 300, '')",
        (other,),
    )


CRAFTED = {
    # indicator 1.1 takes 0 to 3 points
    "out of range": (lambda c, a, r: _one_score(c, 900, a), "得分须在 0 到"),
    "off the step": (lambda c, a, r: _one_score(c, 150, a, "2.1"), "不在档上"),
    "REAL points": (lambda c, a, r: _one_score(c, 150.5, a), "存成了小数（REAL）"),
    "TEXT points": (lambda c, a, r: _one_score(c, "三分", a), "存成了文字（TEXT）"),
    "BLOB points": (lambda c, a, r: _one_score(c, b"\x01", a), "存成了二进制（BLOB）"),
    "unassigned alliance": (lambda c, a, r: _unassigned(c, r), "未分配给"),
    "note too long": (
        lambda c, a, r: c.execute(
            "UPDATE score SET note = ? WHERE alliance_uid = ?", ("长" * (MAX_NOTE_CHARS + 1), a)
        ),
        "评分依据不是文字或超过",
    ),
    "unknown evidence item": (
        lambda c, a, r: c.execute(
            "INSERT INTO item_tick (alliance_uid, indicator_code, key) VALUES (?, '1.1', 'zz')",
            (a,),
        ),
        "没有的评价要点",
    ),
}


@pytest.mark.parametrize("crafted", sorted(CRAFTED))
def test_a_file_failing_a_check_made_in_sql_is_refused_and_changes_nothing(
    round_path: Path, returned: dict[str, Path], crafted: str
):
    """An insider's file, signed again with their own key: the signature holds, so the
    checks on the values must refuse it (the CLI, as a user runs it)."""
    change, words = CRAFTED[crafted]
    assert run_cli("merge", round_path, returned["r0"]).returncode == 0  # another, merged
    file = returned["r3"]
    mine = sorted(pr.assignment_of("r3"))[0]
    with closing(sqlite3.connect(file)) as conn, conn:
        # the file's own guards set aside and put back as they were (its schema unchanged)
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        change(conn, mine, "r3")
        for _, sql in triggers:
            conn.execute(sql)
    pr.resign(file)
    files = [round_path, *returned.values()]
    content_before = pr.dump(round_path)
    log_before = pr.merge_log_rows(round_path)
    bytes_before = {p: p.read_bytes() for p in returned.values()}
    done = run_cli("merge", round_path, file)
    assert done.returncode == 1
    assert "[拒绝] r3-r1.sqlite" in done.stdout and words in done.stdout, done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert pr.dump(round_path) == content_before
    log = pr.merge_log_rows(round_path)
    assert log[:-1] == log_before and log[-1][4] == "refused" and words in log[-1][5]
    assert {p: p.read_bytes() for p in returned.values()} == bytes_before
    assert all(p.exists() for p in files)


def test_a_file_scoring_an_alliance_withdrawn_since_it_was_issued_is_refused_by_its_name(
    round_path: Path, returned: dict[str, Path]
):
    """The secretary withdrew an alliance after the files went out; a file that still
    scores it is refused naming the alliance, not its identifier."""
    from alliance_review.services.register import withdraw
    from alliance_review.storage.round_store import RoundStore

    file = returned["r3"]
    gone = sorted(pr.assignment_of("r3"))[0]
    with RoundStore.open(round_path) as store:
        assignment = store.assignments()
        store.set_assignments({a: rs for a, rs in assignment.items() if a != gone})
        withdraw(store, gone, "2015年3月申请退出")
        name = next(e.alliance.name for e in store.register() if e.alliance.uid == gone)
    content_before = pr.dump(round_path)
    done = run_cli("merge", round_path, file)
    assert done.returncode == 1
    assert f"「{name}」" in done.stdout and gone not in done.stdout, done.stdout
    assert pr.dump(round_path) == content_before
