"""A workbook import that completes alliances offers to mark them done: after a fully
filled workbook, `submit` said "已完成 0 / 28" because a workbook has no done marks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from alliance_review.services import reviewer_sheet
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
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
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
    window.close_file()
