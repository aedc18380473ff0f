"""A workbook exported before later work in the window never erases that work by default.

Blank cells where the file holds a score or note are shown apart ("5 → —") in the preview
and kept; erasing them is an explicit choice (a tick box in the window, ``--erase-blanks``
on the command line). The file is read back with sqlite3.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from alliance_review.gui.reviewer.dialogs import ImportPreviewDialog
from alliance_review.services.reviewer_sheet import (
    COL_CODE,
    COL_NOTE,
    COL_SCORE,
    COL_UID,
    HEADER_ROW,
    SHEET_TITLE,
    export_sheet_file,
    import_sheet,
)
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.conftest import run_cli
from tests.gui_support import settle
from tests.reviewer_gui import Dialogs, open_window, stored


def row_of(ws, uid: str, code: str) -> int:
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, COL_UID).value == uid and ws.cell(row, COL_CODE).value == code:
            return row
    raise AssertionError((uid, code))


@pytest.fixture
def stale_workbook(reviewer_file: Path, tmp_path: Path) -> tuple[Path, str, int, int]:
    """Exported first; then 1.1 scored 5 with a note and 1.2 noted in the window; the
    workbook, filled offline, scores 2.1 and leaves 1.1 and 1.2 blank."""
    out = tmp_path / "offline.xlsx"
    export_sheet_file(reviewer_file, out)
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        store.set_score(uid, "1.1", Fraction(5), "总结与计划齐全")
        store.set_score(uid, "1.2", None, "理事会记录待核实")
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_TITLE]
    filled = row_of(ws, uid, "2.1")
    ws.cell(filled, COL_SCORE).value = 6
    ws.cell(filled, COL_NOTE).value = "离线：产业链上下游均有成员"
    wb.save(out)
    return out, uid, row_of(ws, uid, "1.1"), filled


def test_blank_cells_keep_the_files_scores_and_are_listed_apart(
    reviewer_file: Path, stale_workbook: tuple[Path, str, int, int]
):
    out, uid, blank_row, filled_row = stale_workbook
    sheet = import_sheet(reviewer_file, out, dry_run=True)
    assert [(c.code, c.new_points) for c in sheet.changes] == [("2.1", Fraction(6))]
    assert [
        (c.code, c.old_points, c.new_points, c.old_note, c.new_note) for c in sheet.erasures
    ] == [
        ("1.1", Fraction(5), None, "总结与计划齐全", ""),
        ("1.2", None, None, "理事会记录待核实", ""),
    ]
    lines = sheet.describe()
    assert any(f"G{blank_row}" in line and "5 → —" in line for line in lines)
    import_sheet(reviewer_file, out, dry_run=False)
    on_disk = stored(reviewer_file)
    assert on_disk[(uid, "1.1")] == (500, "总结与计划齐全")  # kept
    assert on_disk[(uid, "1.2")] == (None, "理事会记录待核实")
    assert on_disk[(uid, "2.1")] == (600, "离线：产业链上下游均有成员")


def test_the_command_line_keeps_blanks_unless_told_to_erase(
    reviewer_file: Path, stale_workbook: tuple[Path, str, int, int]
):
    out, uid, blank_row, _ = stale_workbook
    kept = run_cli("import-sheet", reviewer_file, out)
    assert kept.returncode == 0, kept.stderr
    assert "保留现有内容的 2 项" in kept.stdout and "--erase-blanks" in kept.stdout
    assert f"G{blank_row}" in kept.stdout and "5 → —" in kept.stdout
    assert "已导入 1 项改动" in kept.stdout
    assert stored(reviewer_file)[(uid, "1.1")] == (500, "总结与计划齐全")
    erased = run_cli("import-sheet", reviewer_file, out, "--erase-blanks")
    assert erased.returncode == 0, erased.stderr
    assert "将清除的 2 项" in erased.stdout and "已导入 2 项改动" in erased.stdout
    on_disk = stored(reviewer_file)
    assert on_disk[(uid, "1.1")] == (None, "") and on_disk[(uid, "1.2")] == (None, "")
    assert on_disk[(uid, "2.1")] == (600, "离线：产业链上下游均有成员")


def test_the_window_shows_the_erasures_highlighted_and_erases_only_when_ticked(
    qtbot,
    reviewer_file: Path,
    stale_workbook: tuple[Path, str, int, int],
    monkeypatch: pytest.MonkeyPatch,
):
    Dialogs(monkeypatch)
    out, uid, blank_row, filled_row = stale_workbook
    seen: list[dict[str, object]] = []
    tick = [False]

    def look_and_accept(dialog: ImportPreviewDialog) -> None:
        rows = [
            [dialog.erase_model.index(r, c).data() for c in range(5)]
            for r in range(dialog.erase_model.rowCount())
        ]
        seen.append(
            {
                "changes": dialog.model.rowCount(),
                "erasures": rows,
                "group_shown": dialog.erase_group.isVisibleTo(dialog),
                "summary": dialog.summary.text(),
            }
        )
        if tick[0]:
            before = dialog.summary.text()
            qtbot.mouseClick(dialog.erase_box, Qt.MouseButton.LeftButton)
            assert dialog.erase_chosen() and dialog.summary.text() != before
            seen[-1]["to_write"] = len(dialog.sheet.chosen(dialog.erase_chosen())[0])
        dialog.accept()

    monkeypatch.setattr(ImportPreviewDialog, "open", look_and_accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window, ws = open_window(qtbot, reviewer_file)
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    (first,) = seen
    assert first["changes"] == 1 and first["group_shown"]
    assert first["erasures"][0][0] == f"G{blank_row}" and first["erasures"][0][3] == "5 → —"
    on_disk = stored(reviewer_file)
    assert on_disk[(uid, "1.1")] == (500, "总结与计划齐全")
    assert on_disk[(uid, "2.1")] == (600, "离线：产业链上下游均有成员")
    # undo in one step; then the same workbook with the box ticked erases
    window.action_registry["undo"].trigger()
    assert stored(reviewer_file).get((uid, "2.1"), (None, "")) == (None, "")
    tick[0] = True
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    assert seen[1]["to_write"] == 3  # 2.1 plus the two erasures
    on_disk = stored(reviewer_file)
    assert on_disk[(uid, "1.1")] == (None, "") and on_disk[(uid, "1.2")] == (None, "")
    ws.select_alliance(uid)
    assert ws.form.rows["1.1"].score_edit.text() == ""
    window.action_registry["undo"].trigger()  # the whole import, erasures included
    assert stored(reviewer_file)[(uid, "1.1")] == (500, "总结与计划齐全")
    window.close_file()


def test_a_note_longer_than_the_limit_is_refused_by_the_file_and_the_workbook(
    reviewer_file: Path, tmp_path: Path
):
    from alliance_review.core.errors import UserError

    long_note = "据" * 2001
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        with pytest.raises(UserError):
            store.set_score(uid, "1.1", Fraction(3), long_note)
    assert stored(reviewer_file) == {}
    out = tmp_path / "long.xlsx"
    export_sheet_file(reviewer_file, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_TITLE]
    row = row_of(ws, uid, "1.1")
    ws.cell(row, COL_NOTE).value = long_note
    wb.save(out)
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1 and f"H{row}" in done.stderr and "2000" in done.stderr
    assert stored(reviewer_file) == {}
