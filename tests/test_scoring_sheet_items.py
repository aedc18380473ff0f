"""Evidence items in the reviewer's offline scoring workbook (sheet "评价要点").

Exported with the reviewer's ticks (是) and the alliance's own (自评), one 是/否 list cell
per alliance and item, keyed by hidden alliance uid and item key; read back by key (rows
sorted, names retyped: nothing misattributed), a blank cell keeping the file's tick unless
the reviewer chooses to erase, a bad mark refusing the workbook with its cell. Driven
through the command line as a subprocess and the window with pytest-qt; files read back
with openpyxl and sqlite3.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from alliance_review.core.items_table import ITEMS_SHEET
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
from alliance_review.services.sheet_done import DONE_SHEET
from alliance_review.services.sheet_items import (
    ICOL_CODE,
    ICOL_ITEM,
    ICOL_KEY,
    ICOL_MARK,
    ICOL_SELF,
    ICOL_UID,
    ITEM_HEADERS,
    ITEMS_HEADER_ROW,
)
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.conftest import run_cli
from tests.gui_support import settle
from tests.reviewer_gui import Dialogs, open_window, stored
from tests.reviewer_support import score_fully

ITEMS_PER_ALLIANCE = 22  # the 2015 rubric's evidence items


def ticks_on_disk(path: Path) -> set[tuple[str, str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return set(conn.execute("SELECT alliance_uid, indicator_code, key FROM item_tick"))


def done_on_disk(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return dict(conn.execute("SELECT alliance_uid, done FROM alliance_status"))


def item_row(ws, uid: str, code: str, key: str) -> int:
    for row in range(ITEMS_HEADER_ROW + 1, ws.max_row + 1):
        if (
            ws.cell(row, ICOL_UID).value,
            ws.cell(row, ICOL_CODE).value,
            ws.cell(row, ICOL_KEY).value,
        ) == (uid, code, key):
            return row
    raise AssertionError((uid, code, key))


def score_row(ws, uid: str, code: str) -> int:
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, COL_UID).value == uid and ws.cell(row, COL_CODE).value == code:
            return row
    raise AssertionError((uid, code))


def mark(wb, uid: str, code: str, key: str, value: str | None) -> int:
    ws = wb[ITEMS_SHEET]
    row = item_row(ws, uid, code, key)
    ws.cell(row, ICOL_MARK).value = value
    return row


def score(wb, uid: str, code: str, points: float, note: str) -> int:
    ws = wb[SHEET_TITLE]
    row = score_row(ws, uid, code)
    ws.cell(row, COL_SCORE).value = points
    ws.cell(row, COL_NOTE).value = note
    return row


def test_the_workbook_carries_each_indicators_items_keyed_validated_and_locked(
    reviewer_file: Path, tmp_path: Path
):
    with ReviewerStore.open(reviewer_file) as store:
        alliances = store.alliances()
        first = alliances[0].uid
        store.set_ticks(first, "2.2", {"government"})
        claimed = {t for t in store.self_ticks() if t[0] == first}
    out = tmp_path / "sheet.xlsx"
    done = run_cli("export-sheet", reviewer_file, out)
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEET_TITLE, ITEMS_SHEET, DONE_SHEET, "_ids"]
    assert "「评价要点」工作表" in wb[SHEET_TITLE]["A2"].value
    ws = wb[ITEMS_SHEET]
    assert tuple(c.value for c in ws[ITEMS_HEADER_ROW]) == ITEM_HEADERS
    assert ws.max_row == ITEMS_HEADER_ROW + len(alliances) * ITEMS_PER_ALLIANCE
    row = item_row(ws, first, "2.2", "government")
    assert ws.cell(row, ICOL_ITEM).value == "承担政府科技计划项目"
    assert ws.cell(row, ICOL_MARK).value == "是"  # the reviewer's tick
    assert ws.cell(item_row(ws, first, "2.2", "self_funded"), ICOL_MARK).value is None
    assert ws.cell(row, 7).value == "0 项 0 分；1 项 4 分；2 项 8 分；3 项 12 分"
    for _, code, key in claimed:  # the alliance's own ticks, for comparison
        assert ws.cell(item_row(ws, first, code, key), ICOL_SELF).value == "是"
    assert ws.protection.sheet and wb.security.lockStructure
    assert not ws.cell(row, ICOL_MARK).protection.locked
    assert all(ws.cell(row, c).protection.locked for c in (1, 2, 4, ICOL_SELF, ICOL_UID, ICOL_KEY))
    assert ws.column_dimensions["H"].hidden and ws.column_dimensions["I"].hidden
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"是,否"'
    assert str(validation.sqref) == f"F{ITEMS_HEADER_ROW + 1}:F{ws.max_row}"
    assert ws.auto_filter.ref == f"A{ITEMS_HEADER_ROW}:I{ws.max_row}"
    with zipfile.ZipFile(out) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet2.xml").decode()


def test_the_command_line_imports_ticks_by_key_whatever_the_rows_order(
    reviewer_file: Path, tmp_path: Path
):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[1].uid
        store.set_ticks(uid, "1.3", {"experts"})
    out = tmp_path / "sheet.xlsx"
    export_sheet_file(reviewer_file, out)
    wb = openpyxl.load_workbook(out)
    score(wb, uid, "1.1", 5, "总结与计划齐全")
    mark(wb, uid, "1.1", "summary", "是")
    mark(wb, uid, "1.1", "plan", "√")  # as people write it
    mark(wb, uid, "1.3", "experts", "否")  # an explicit untick
    mark(wb, uid, "2.2", "self_funded", "是")
    ws = wb[ITEMS_SHEET]
    # the reviewer sorted the rows (alliances in reverse) and retyped an item's name:
    # the hidden keys still say whose row it is
    first, last = ITEMS_HEADER_ROW + 1, ws.max_row
    rows = [[c.value for c in ws[r]] for r in range(first, last + 1)]
    for offset, values in enumerate(reversed(rows)):
        for column, value in enumerate(values, start=1):
            ws.cell(first + offset, column).value = value
    ws.cell(item_row(ws, uid, "1.1", "plan"), ICOL_ITEM).value = "计划（改过的名称）"
    wb.save(out)
    plan_row = item_row(ws, uid, "1.1", "plan")

    preview = run_cli("import-sheet", reviewer_file, out, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    summary_row = item_row(ws, uid, "1.1", "summary")
    assert plan_row < summary_row  # the rows were reversed; cells are named in sheet order
    assert f"评价要点!F{plan_row},F{summary_row}" in preview.stdout
    assert "1.1  评价要点：+编写本年度工作总结 +制定下年度工作计划" in preview.stdout
    assert "1.3  评价要点：−召开专家（技术）委员会会议" in preview.stdout
    assert "2.2  评价要点：+联盟自筹资金设立科研项目" in preview.stdout
    assert "将改动 4 项" in preview.stdout  # 1.1's score and three indicators' ticks
    assert ticks_on_disk(reviewer_file) == {(uid, "1.3", "experts")}  # nothing written

    english = subprocess.run(
        [sys.executable, "-m", "alliance_review", "import-sheet", str(reviewer_file), str(out),
         "--dry-run"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        env=dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="en"),
    )  # fmt: skip
    assert "evidence items: +编写本年度工作总结" in english.stdout
    assert "4 change(s) would be imported" in english.stdout

    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 0, done.stderr
    assert "已导入 4 项改动" in done.stdout
    assert ticks_on_disk(reviewer_file) == {
        (uid, "1.1", "summary"),
        (uid, "1.1", "plan"),
        (uid, "2.2", "self_funded"),
    }
    assert stored(reviewer_file)[(uid, "1.1")] == (500, "总结与计划齐全")
    again = run_cli("import-sheet", reviewer_file, out)
    assert "没有改动" in again.stdout


def test_a_stale_workbooks_blank_cells_keep_the_ticks_unless_erasing_is_chosen(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "offline.xlsx"
    export_sheet_file(reviewer_file, out)  # exported first
    with ReviewerStore.open(reviewer_file) as store:  # then ticked in the window
        uid = store.alliances()[0].uid
        store.set_ticks(uid, "1.2", {"council"})
    wb = openpyxl.load_workbook(out)
    mark(wb, uid, "2.1", "chain", "是")
    blank = item_row(wb[ITEMS_SHEET], uid, "1.2", "council")
    wb.save(out)
    sheet = import_sheet(reviewer_file, out, dry_run=True)
    assert [(c.code, set(c.new)) for c in sheet.tick_changes] == [("2.1", {"chain"})]
    assert [(c.code, set(c.old), set(c.new), c.cells) for c in sheet.tick_erasures] == [
        ("1.2", {"council"}, set(), f"评价要点!F{blank}")
    ]
    kept = run_cli("import-sheet", reviewer_file, out)
    assert kept.returncode == 0, kept.stderr
    assert "保留现有内容的 1 项" in kept.stdout and "−按章程召开理事会" in kept.stdout
    assert "已导入 1 项改动" in kept.stdout
    assert ticks_on_disk(reviewer_file) == {(uid, "1.2", "council"), (uid, "2.1", "chain")}
    erased = run_cli("import-sheet", reviewer_file, out, "--erase-blanks")
    assert erased.returncode == 0, erased.stderr
    assert "将清除的 1 项" in erased.stdout and "已导入 1 项改动" in erased.stdout
    assert ticks_on_disk(reviewer_file) == {(uid, "2.1", "chain")}


@pytest.mark.parametrize("bad", ["好", "2", "是的吧"])
def test_a_bad_mark_refuses_the_workbook_naming_the_cell(
    reviewer_file: Path, tmp_path: Path, bad: str
):
    out = tmp_path / "sheet.xlsx"
    export_sheet_file(reviewer_file, out)
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
    wb = openpyxl.load_workbook(out)
    score(wb, uid, "1.2", 6, "理事会记录齐全")
    mark(wb, uid, "1.1", "summary", "是")
    row = mark(wb, uid, "2.2", "government", bad)
    wb.save(out)
    before = reviewer_file.read_bytes()
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1
    assert f"评价要点!F{row}" in done.stderr and "不是“是”或“否”" in done.stderr
    assert "未导入任何内容" in done.stderr and "Traceback" not in done.stderr
    assert reviewer_file.read_bytes() == before
    assert ticks_on_disk(reviewer_file) == set() and stored(reviewer_file) == {}


def test_a_mark_that_is_a_formula_or_an_unknown_key_is_refused(reviewer_file: Path, tmp_path: Path):
    out = tmp_path / "sheet.xlsx"
    export_sheet_file(reviewer_file, out)
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
    wb = openpyxl.load_workbook(out)
    ws = wb[ITEMS_SHEET]
    formula = mark(wb, uid, "1.1", "summary", '=IF(1,"是","否")')
    unknown = item_row(ws, uid, "1.1", "plan")
    ws.cell(unknown, ICOL_KEY).value = "budget"
    wb.save(out)
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1
    assert f"评价要点!F{formula}" in done.stderr and "公式" in done.stderr
    # the key column (I) is hidden: the row is named by its visible item cell (D)
    assert f"评价要点!D{unknown}" in done.stderr and "budget" in done.stderr
    assert ticks_on_disk(reviewer_file) == set()


def done_with_both_items(reviewer_file: Path, out: Path) -> tuple[str, openpyxl.Workbook]:
    """The first alliance scored fully, both items of 1.1 ticked (5 points by the rule)
    and marked done; then exported to ``out``."""
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        score_fully(store, uid)
        store.set_ticks(uid, "1.1", {"summary", "plan"})
        store.set_done(uid, True)
    export_sheet_file(reviewer_file, out)
    return uid, openpyxl.load_workbook(out)


def test_unticking_an_item_clears_the_done_mark_it_breaks(reviewer_file: Path, tmp_path: Path):
    """1.1's rule: both items, 5 points. Unticking one leaves 5 against the rule's 2.5 with
    no reason: the alliance is no longer done, in the same transaction as the ticks."""
    out = tmp_path / "sheet.xlsx"
    uid, wb = done_with_both_items(reviewer_file, out)
    assert wb[ITEMS_SHEET].cell(item_row(wb[ITEMS_SHEET], uid, "1.1", "plan"), ICOL_MARK).value
    mark(wb, uid, "1.1", "plan", "否")
    wb.save(out)
    sheet = import_sheet(reviewer_file, out, dry_run=True)
    assert sheet.no_longer_done == [uid]
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 0, done.stderr
    assert "1 家联盟的“已完成”标记因改动而取消" in done.stdout
    assert done_on_disk(reviewer_file)[uid] == 0
    assert ticks_on_disk(reviewer_file) == {(uid, "1.1", "summary")}


def test_ticks_scores_and_the_done_mark_are_written_together_or_not_at_all(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "sheet.xlsx"
    uid, wb = done_with_both_items(reviewer_file, out)
    score(wb, uid, "4.4", 2, "宣传不多")
    mark(wb, uid, "1.1", "plan", "否")
    wb.save(out)
    with closing(sqlite3.connect(reviewer_file)) as conn:  # the last write fails
        conn.execute(
            "CREATE TRIGGER refuse_done BEFORE UPDATE ON alliance_status"
            " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
        conn.commit()
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ticks_on_disk(reviewer_file) == {(uid, "1.1", "summary"), (uid, "1.1", "plan")}
    assert stored(reviewer_file)[(uid, "4.4")] == (300, "材料齐全")
    assert done_on_disk(reviewer_file)[uid] == 1


def test_an_older_workbook_without_items_still_imports_and_a_missing_sheet_is_refused(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "sheet.xlsx"
    export_sheet_file(reviewer_file, out)
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        store.set_ticks(uid, "1.2", {"council"})
    wb = openpyxl.load_workbook(out)
    score(wb, uid, "1.2", 6, "")
    del wb[ITEMS_SHEET]
    wb.save(tmp_path / "no-items.xlsx")
    refused = run_cli("import-sheet", reviewer_file, tmp_path / "no-items.xlsx")
    assert refused.returncode == 1 and "「评价要点」工作表不见了" in refused.stderr
    ids = wb["_ids"]
    for row in ids.iter_rows():
        if row[0].value == "format":
            row[1].value = "alliance-review-scoring-sheet/1"  # exported before items
    wb.save(tmp_path / "old.xlsx")
    done = run_cli("import-sheet", reviewer_file, tmp_path / "old.xlsx")
    assert done.returncode == 0, done.stderr
    assert "已导入 1 项改动" in done.stdout
    assert ticks_on_disk(reviewer_file) == {(uid, "1.2", "council")}  # untouched


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_round_trips_its_ticks(reviewer_file: Path, tmp_path: Path):
    out = tmp_path / "sheet.xlsx"
    assert run_cli("export-sheet", reviewer_file, out).returncode == 0
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[2].uid
    wb = openpyxl.load_workbook(out)
    score(wb, uid, "2.2", 8, "两类项目")
    mark(wb, uid, "2.2", "self_funded", "是")
    mark(wb, uid, "2.2", "government", "是")
    mark(wb, uid, "2.2", "commissioned", "否")
    mark(wb, uid, "3.4", "report", "是")
    wb.save(out)
    for to in ("xlsx", "ods"):
        resaved = tmp_path / to
        converted = subprocess.run(
            ["soffice", "--headless", "--convert-to", to, "--outdir", str(resaved), str(out)],
            capture_output=True, text=True, timeout=180,
            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        assert converted.returncode == 0, converted.stderr
        back = resaved / f"sheet.{to}"
        preview = run_cli("import-sheet", reviewer_file, back, "--dry-run")
        assert preview.returncode == 0, preview.stderr
        assert "+联盟自筹资金设立科研项目 +承担政府科技计划项目" in preview.stdout
        assert "3.4  评价要点：+发布产业发展报告" in preview.stdout
    done = run_cli("import-sheet", reviewer_file, tmp_path / "ods" / "sheet.ods")
    assert done.returncode == 0, done.stderr
    assert ticks_on_disk(reviewer_file) == {
        (uid, "2.2", "self_funded"),
        (uid, "2.2", "government"),
        (uid, "3.4", "report"),
    }
    assert stored(reviewer_file)[(uid, "2.2")] == (800, "两类项目")


def test_the_window_previews_ticks_and_one_undo_takes_back_scores_notes_and_ticks(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    Dialogs(monkeypatch)
    out = tmp_path / "offline.xlsx"
    export_sheet_file(reviewer_file, out)
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        store.set_ticks(uid, "1.2", {"council"})  # after the export: a blank cell over it
    wb = openpyxl.load_workbook(out)
    score(wb, uid, "2.2", 8, "自设与政府项目各一项")
    mark(wb, uid, "2.2", "self_funded", "是")
    mark(wb, uid, "2.2", "government", "是")
    mark(wb, uid, "1.1", "summary", "是")
    wb.save(out)
    seen: list[dict[str, object]] = []
    erase = [False]

    def look_and_accept(dialog: ImportPreviewDialog) -> None:
        def rows(model) -> list[list[str]]:
            return [
                [model.index(r, c).data() for c in range(model.columnCount())]
                for r in range(model.rowCount())
            ]

        seen.append(
            {
                "header": dialog.model.headerData(5, Qt.Orientation.Horizontal),
                "rows": rows(dialog.model),
                "erasures": rows(dialog.erase_model),
                "group": dialog.erase_group.isVisibleTo(dialog),
                "summary": dialog.summary.text(),
            }
        )
        if erase[0]:
            qtbot.mouseClick(dialog.erase_box, Qt.MouseButton.LeftButton)
        dialog.accept()

    monkeypatch.setattr(ImportPreviewDialog, "open", look_and_accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window, ws = open_window(qtbot, reviewer_file)
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    (first,) = seen
    assert first["header"] == "评价要点"
    by_code = {row[2]: row for row in first["rows"]}
    assert by_code["2.2"][3] == "— → 8"
    assert by_code["2.2"][5] == "+联盟自筹资金设立科研项目 +承担政府科技计划项目"
    assert by_code["1.1"][0].startswith("评价要点!F") and by_code["1.1"][5] == "+编写本年度工作总结"
    assert first["group"] and first["erasures"][0][2] == "1.2"
    assert first["erasures"][0][5] == "−按章程召开理事会"
    assert "3 项" in str(first["summary"])  # 2.2's score and two indicators' ticks
    expected = {(uid, "1.2", "council"), (uid, "1.1", "summary"), (uid, "2.2", "self_funded"),
                (uid, "2.2", "government")}  # fmt: skip
    assert ticks_on_disk(reviewer_file) == expected
    assert stored(reviewer_file)[(uid, "2.2")] == (800, "自设与政府项目各一项")
    ws.select_alliance(uid)
    row = ws.form.rows["2.2"]
    assert row.item_boxes["self_funded"].isChecked() and row.item_boxes["government"].isChecked()
    assert not row.item_boxes["commissioned"].isChecked()
    assert ws.form.rows["2.2"].score_edit.text() == "8"
    # one undo step takes back the score, the note and every tick of the import
    window.action_registry["undo"].trigger()
    assert ticks_on_disk(reviewer_file) == {(uid, "1.2", "council")}
    assert stored(reviewer_file).get((uid, "2.2"), (None, "")) == (None, "")
    assert not row.item_boxes["self_funded"].isChecked()
    window.action_registry["redo"].trigger()
    assert ticks_on_disk(reviewer_file) == expected
    window.action_registry["undo"].trigger()
    # the same workbook with erasing chosen unticks 1.2 too; undo gives it back
    erase[0] = True
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    assert ticks_on_disk(reviewer_file) == expected - {(uid, "1.2", "council")}
    assert not ws.form.rows["1.2"].item_boxes["council"].isChecked()
    window.action_registry["undo"].trigger()
    assert ticks_on_disk(reviewer_file) == {(uid, "1.2", "council")}
    assert ws.form.rows["1.2"].item_boxes["council"].isChecked()
    window.close_file()


def test_points_for_a_rule_with_a_fraction_round_trip(reviewer_file: Path, tmp_path: Path):
    """1.1 takes half points: 2.5 for one ticked item reads back exactly."""
    out = tmp_path / "sheet.xlsx"
    export_sheet_file(reviewer_file, out)
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
    wb = openpyxl.load_workbook(out)
    score(wb, uid, "1.1", 2.5, "只有总结")
    mark(wb, uid, "1.1", "summary", "是")
    wb.save(out)
    import_sheet(reviewer_file, out, dry_run=False)
    with ReviewerStore.open(reviewer_file) as store:
        assert store.scores()[(uid, "1.1")] == (Fraction(5, 2), "只有总结")
        assert store.ticks() == {(uid, "1.1", "summary")}
