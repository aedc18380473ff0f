"""A workbook import that completes alliances offers to mark them done: after a fully
filled workbook, `submit` said "已完成 0 / 28" because a workbook has no done marks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from alliance_review.services import reviewer_sheet
from alliance_review.services.sheet_done import (
    DCOL_MARK,
    DCOL_SCORED,
    DCOL_UID,
    DONE_HEADER_ROW,
    DONE_SHEET,
)
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.conftest import run_cli
from tests.gui_support import settle
from tests.reviewer_gui import open_window


def filled_workbook(reviewer_file: Path, out: Path, alliances: int) -> list[str]:
    """Full marks with a note on every row of the first ``alliances`` alliances."""
    with ReviewerStore.open(reviewer_file) as store:
        uids = [a.uid for a in store.alliances()[:alliances]]
        reviewer_sheet.export_sheet(store, out)
        maxima = {i.code: i.max_points for i in store.rubric().indicators()}
    book = openpyxl.load_workbook(out)
    sheet = book[reviewer_sheet.SHEET_TITLE]
    for row in range(reviewer_sheet.HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, reviewer_sheet.COL_UID).value in uids:
            code = sheet.cell(row, reviewer_sheet.COL_CODE).value
            sheet.cell(row, reviewer_sheet.COL_SCORE).value = int(maxima[code])
            sheet.cell(row, reviewer_sheet.COL_NOTE).value = "材料齐全"
    book.save(out)
    return uids


def answering(
    monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> list[str]:
    """Every question of the window answered ``answer``; the questions, in order."""
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def done_on_disk(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {u for (u,) in conn.execute("SELECT alliance_uid FROM alliance_status WHERE done")}
    finally:
        conn.close()


def test_the_command_line_says_so_and_marks_them_with_mark_done(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "sheet.xlsx"
    uids = filled_workbook(reviewer_file, out, 2)
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 0, done.stderr
    assert "使 2 家联盟评完" in done.stdout and "--mark-done" in done.stdout
    assert done_on_disk(reviewer_file) == set()
    again = run_cli("import-sheet", reviewer_file, out, "--mark-done")
    assert again.returncode == 0, again.stderr
    # nothing left to import, but the completed alliances are marked
    assert "已将 2 家联盟标记为已完成" in again.stdout
    assert done_on_disk(reviewer_file) == set(uids)


def test_the_window_offers_to_mark_them_done_in_one_undo_step(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "sheet.xlsx"
    uids = filled_workbook(reviewer_file, out, 3)
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    window, ws = open_window(qtbot, reviewer_file)
    ws.import_workbook(out)
    settle(qtbot)
    qtbot.waitUntil(lambda: ws.import_dialog is not None)
    ws.import_dialog.accept()
    assert len(asked) == 1 and "3" in asked[0]
    assert set(uids) <= ws.session.done and done_on_disk(reviewer_file) == set(uids)
    window.action_registry["undo"].trigger()  # the done marks, as one step
    assert done_on_disk(reviewer_file) == set()
    assert ws.session.total(uids[0]) is not None  # the import itself stays
    window.action_registry["undo"].trigger()
    assert ws.session.total(uids[0]) is None
    window.close_file()


def test_marking_them_done_is_one_transaction_a_failure_midway_leaves_no_mark(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The marks are one action: when the disk fails on the third alliance, the two marks
    written before it are not kept either (sqlite3 reads the file back), the window shows
    none, the refusal is said, and the import below stays one undo step."""
    out = tmp_path / "sheet.xlsx"
    uids = filled_workbook(reviewer_file, out, 3)
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: refusals.append(str(a[2])))
    window, ws = open_window(qtbot, reviewer_file)
    store = ws.session.store
    write_done = store.set_done
    calls: list[str] = []

    def failing_third(uid: str, done: bool) -> None:
        calls.append(uid)
        if len(calls) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        write_done(uid, done)

    monkeypatch.setattr(store, "set_done", failing_third)
    ws.import_workbook(out)
    settle(qtbot)
    qtbot.waitUntil(lambda: ws.import_dialog is not None)
    ws.import_dialog.accept()
    settle(qtbot)
    assert calls == uids  # two marks written, the third refused
    assert done_on_disk(reviewer_file) == set()
    assert ws.session.done.isdisjoint(uids)
    assert all(ws.session.status(uid).name != "DONE" for uid in uids)
    assert len(refusals) == 1 and "未保存" in refusals[0]
    assert ws.session.total(uids[0]) is not None  # the import itself is kept
    window.action_registry["undo"].trigger()  # and is the step on top
    assert ws.session.total(uids[0]) is None


# the 完成情况 sheet: the done marks both ways ------------------------------------------


def done_rows(out: Path) -> dict[str, tuple[str, str, int]]:
    """uid -> (scored text, mark, row) as the workbook's done sheet has them."""
    sheet = openpyxl.load_workbook(out)[DONE_SHEET]
    found = {}
    for row in range(DONE_HEADER_ROW + 1, sheet.max_row + 1):
        uid = sheet.cell(row, DCOL_UID).value
        found[uid] = (sheet.cell(row, DCOL_SCORED).value, sheet.cell(row, DCOL_MARK).value, row)
    return found


def set_marks(out: Path, marks: dict[str, str]) -> None:
    """What a reviewer picks from the 已完成 drop-down, as Excel saves it."""
    book = openpyxl.load_workbook(out)
    sheet = book[DONE_SHEET]
    for row in range(DONE_HEADER_ROW + 1, sheet.max_row + 1):
        uid = sheet.cell(row, DCOL_UID).value
        if uid in marks:
            sheet.cell(row, DCOL_MARK).value = marks[uid]
    book.save(out)


def test_the_done_sheet_shows_the_marks_and_sets_and_clears_them(
    reviewer_file: Path, tmp_path: Path
):
    first = tmp_path / "first.xlsx"
    uids = filled_workbook(reviewer_file, first, 3)
    assert run_cli("import-sheet", reviewer_file, first, "--mark-done").returncode == 0
    again = tmp_path / "again.xlsx"
    assert run_cli("export-sheet", reviewer_file, again).returncode == 0
    rows = done_rows(again)
    conn = sqlite3.connect(reviewer_file)
    try:  # the sheet against the file itself, in plain SQL
        indicators = conn.execute("SELECT COUNT(*) FROM indicator").fetchone()[0]
        scored = dict(conn.execute(
            "SELECT alliance_uid, COUNT(*) FROM score WHERE points_centi IS NOT NULL"
            " GROUP BY alliance_uid"
        ))  # fmt: skip
        alliances = [u for (u,) in conn.execute("SELECT uid FROM alliance ORDER BY position")]
    finally:
        conn.close()
    assert list(rows) == alliances
    for uid, (count, mark, _row) in rows.items():
        assert count == f"{scored.get(uid, 0)} / {indicators}"
        assert mark == ("是" if uid in done_on_disk(reviewer_file) else "否")
    # the reviewer reopens the first alliance (否) and finishes a fourth in the workbook (是)
    fourth = alliances[3]
    filled_workbook(reviewer_file, tmp_path / "scores.xlsx", 4)  # the fourth's full marks
    book = openpyxl.load_workbook(tmp_path / "scores.xlsx")
    book.save(again)
    set_marks(again, {uids[0]: "否", fourth: "是"})
    before = done_on_disk(reviewer_file)
    done = run_cli("import-sheet", reviewer_file, again)
    assert done.returncode == 0, done.stderr
    row_of = {uid: row for uid, (_c, _m, row) in done_rows(again).items()}
    assert f"{DONE_SHEET}!C{row_of[fourth]}" in done.stdout and "标记为已完成" in done.stdout
    assert f"{DONE_SHEET}!C{row_of[uids[0]]}" in done.stdout and "取消已完成标记" in done.stdout
    assert done_on_disk(reviewer_file) == (before - {uids[0]}) | {fourth}


def test_a_done_mark_the_alliance_cannot_have_is_refused_by_its_cell_and_nothing_changes(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "sheet.xlsx"
    uids = filled_workbook(reviewer_file, out, 1)
    with ReviewerStore.open(reviewer_file) as store:
        unscored, name = store.alliances()[2].uid, store.alliances()[2].name
    set_marks(out, {uids[0]: "是", unscored: "是"})
    before = reviewer_file.read_bytes()
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1
    row = done_rows(out)[unscored][2]
    assert f"{DONE_SHEET}!C{row}" in done.stderr and f"{name}尚不能标记为已完成" in done.stderr
    assert "未导入任何内容" in done.stderr and "Traceback" not in done.stderr
    assert reviewer_file.read_bytes() == before
    set_marks(out, {unscored: "完成了"})  # not a choice of the list
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1 and "「完成了」不是“是”或“否”" in done.stderr
    assert reviewer_file.read_bytes() == before


def test_a_workbook_exported_before_the_done_sheet_still_imports(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "sheet.xlsx"
    uids = filled_workbook(reviewer_file, out, 1)
    book = openpyxl.load_workbook(out)
    del book[DONE_SHEET]
    book.save(tmp_path / "cut.xlsx")  # the current format without its sheet: refused
    done = run_cli("import-sheet", reviewer_file, tmp_path / "cut.xlsx")
    assert done.returncode == 1 and f"「{DONE_SHEET}」工作表不见了" in done.stderr
    for row in book["_ids"].iter_rows():
        if row[0].value == "format":
            row[1].value = "alliance-review-scoring-sheet/2"  # exported by the version before
    book.save(out)
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 0, done.stderr
    with ReviewerStore.open(reviewer_file) as store:
        assert store.scores()[(uids[0], "1.1")][0] is not None


def test_the_window_imports_the_done_marks_as_part_of_the_one_undo_step(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "sheet.xlsx"
    uids = filled_workbook(reviewer_file, out, 2)
    set_marks(out, {uids[0]: "是"})
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    window, ws = open_window(qtbot, reviewer_file)
    ws.import_workbook(out)
    settle(qtbot)
    qtbot.waitUntil(lambda: ws.import_dialog is not None)
    summary = ws.import_dialog.summary.text()
    assert "1 alliance(s) will be marked done" in summary or "1 家联盟将标记为已完成" in summary
    ws.import_dialog.accept()
    assert done_on_disk(reviewer_file) == {uids[0]} and uids[0] in ws.session.done
    # the other completed alliance is still offered (and declined here)
    assert len(asked) == 1 and "1" in asked[0]
    window.action_registry["undo"].trigger()  # scores and the mark, one step
    assert done_on_disk(reviewer_file) == set() and uids[0] not in ws.session.done
    assert ws.session.total(uids[0]) is None
    window.action_registry["redo"].trigger()
    assert done_on_disk(reviewer_file) == {uids[0]}
    window.close_file()
