"""The offline scoring workbook: exported protected and validated, imported all or nothing."""

from __future__ import annotations

import sqlite3
import zipfile
from contextlib import closing
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from alliance_review.core.errors import UserError
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.services.reviewer_sheet import (
    COL_NOTE,
    COL_SCORE,
    COL_UID,
    HEADER_ROW,
    HEADERS,
    SHEET_TITLE,
    apply_sheet,
    export_sheet,
    read_sheet,
)
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.conftest import run_cli


@pytest.fixture
def issued(demo_round: Path, tmp_path: Path) -> list[Path]:
    (tmp_path / "issued").mkdir()
    return issue_reviewer_files(demo_round, tmp_path / "issued")


@pytest.fixture
def reviewer_file(issued: list[Path]) -> Path:
    return issued[0]


def first_row_of(ws, uid: str, code: str) -> int:
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, COL_UID).value == uid and ws.cell(row, 2).value == code:
            return row
    raise AssertionError((uid, code))


def test_the_workbook_has_one_row_per_alliance_and_indicator_and_only_inputs_unlocked(
    reviewer_file: Path, tmp_path: Path
):
    out = tmp_path / "sheet.xlsx"
    with ReviewerStore.open(reviewer_file) as store:
        alliances = store.alliances()
        meta = store.meta()
        store.set_score(alliances[0].uid, "1.1", Fraction(4), "=SUM(A1:A9) 看似公式的依据")
        assert export_sheet(store, out) == len(alliances) * 18
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_TITLE]
    assert tuple(c.value for c in ws[HEADER_ROW]) == HEADERS
    assert ws.max_row == HEADER_ROW + len(alliances) * 18
    row = first_row_of(ws, alliances[0].uid, "1.1")
    assert [ws.cell(row, c).value for c in (1, 2, 4, COL_SCORE)] == [alliances[0].name, "1.1", 5, 4]
    note = ws.cell(row, COL_NOTE)
    assert note.value == "=SUM(A1:A9) 看似公式的依据" and note.data_type == "s"
    with zipfile.ZipFile(out) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    assert ws.protection.sheet and wb.security.lockStructure
    assert not ws.cell(row, COL_SCORE).protection.locked
    assert not ws.cell(row, COL_NOTE).protection.locked
    assert ws.cell(row, 1).protection.locked and ws.cell(row, 4).protection.locked
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:J{ws.max_row}"
    (validation,) = ws.data_validations.dataValidation
    assert str(validation.sqref) == f"G{HEADER_ROW + 1}:G{ws.max_row}"
    assert validation.type == "custom" and "D4" in validation.formula1
    ids = wb["_ids"]
    assert ids.sheet_state == "veryHidden"
    values = {r[0].value: r[1].value for r in ids.iter_rows()}
    assert values["round_uid"] == meta.round_uid and values["reviewer_uid"] == meta.reviewer_uid
    assert ws.column_dimensions["I"].hidden


def test_import_previews_then_writes_the_changes(reviewer_file: Path, tmp_path: Path):
    out = tmp_path / "sheet.xlsx"
    with ReviewerStore.open(reviewer_file) as store:
        second = store.alliances()[1]
        export_sheet(store, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_TITLE]
    row = first_row_of(ws, second.uid, "2.2")
    ws.cell(row, COL_SCORE).value = 10
    ws.cell(row, COL_NOTE).value = "承担国家科技计划项目两项"
    ws.cell(row + 1, COL_SCORE).value = 8.0
    wb.save(out)
    with ReviewerStore.open(reviewer_file) as store:
        sheet = read_sheet(store, out)
        assert store.scores() == {}  # a preview writes nothing
        assert [(c.code, c.new_points, c.new_note, c.cell) for c in sheet.changes] == [
            ("2.2", Fraction(10), "承担国家科技计划项目两项", f"G{row}"),
            ("2.3", Fraction(8), "", f"G{row + 1}"),
        ]
        assert any("承担国家科技计划项目两项" in line for line in sheet.describe())
        apply_sheet(store, sheet)
    with ReviewerStore.open(reviewer_file) as store:
        assert store.scores() == {
            (second.uid, "2.2"): (Fraction(10), "承担国家科技计划项目两项"),
            (second.uid, "2.3"): (Fraction(8), ""),
        }


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        (COL_SCORE, 13, "G"),  # above the maximum of 2.2 (12)
        (COL_SCORE, 2.5, "G"),  # off the step of 1
        (COL_SCORE, "很好", "G"),
        (COL_SCORE, "5/5", "G"),  # Fraction("5/5") read it as 1
        (COL_SCORE, "1e1", "G"),  # and this as 10
        (COL_SCORE, "1_0", "G"),
        (COL_SCORE, "满分", "G"),
        (COL_SCORE, "4分", "G"),
        # the uid column (I) is hidden: the row is named by the alliance's name cell
        (COL_UID, "someone-else", "A"),
    ],
)
def test_a_bad_row_refuses_the_whole_workbook_with_its_cell(
    reviewer_file: Path, tmp_path: Path, column: int, value: object, expected: str
):
    out = tmp_path / "sheet.xlsx"
    with ReviewerStore.open(reviewer_file) as store:
        first = store.alliances()[0]
        export_sheet(store, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_TITLE]
    good = first_row_of(ws, first.uid, "1.1")
    ws.cell(good, COL_SCORE).value = 5  # a valid change that must not be written either
    row = first_row_of(ws, first.uid, "2.2")
    ws.cell(row, column).value = value
    wb.save(out)
    with ReviewerStore.open(reviewer_file) as store, pytest.raises(UserError) as refused:
        read_sheet(store, out)
    assert f"{expected}{row}" in str(refused.value) and "未导入" in str(refused.value)
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1 and f"{expected}{row}" in done.stderr
    with ReviewerStore.open(reviewer_file) as store:
        assert store.scores() == {}


def test_a_workbook_of_another_reviewer_is_refused(issued: list[Path], tmp_path: Path):
    out = tmp_path / "other.xlsx"
    with ReviewerStore.open(issued[1]) as other:
        export_sheet(other, out)
    with ReviewerStore.open(issued[0]) as store, pytest.raises(UserError) as refused:
        read_sheet(store, out)
    assert "另一位评审专家" in str(refused.value)


def test_the_command_line_exports_previews_and_imports(reviewer_file: Path, tmp_path: Path):
    out = tmp_path / "cli.xlsx"
    done = run_cli("export-sheet", reviewer_file, out)
    assert done.returncode == 0, done.stderr
    assert out.exists()
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_TITLE]
    ws.cell(HEADER_ROW + 1, COL_SCORE).value = 3
    ws.cell(HEADER_ROW + 1, COL_NOTE).value = "计划较简略"
    wb.save(out)
    preview = run_cli("import-sheet", reviewer_file, out, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "G4" in preview.stdout and "计划较简略" in preview.stdout and "未写入" in preview.stdout
    with ReviewerStore.open(reviewer_file) as store:
        assert store.scores() == {}
    imported = run_cli("import-sheet", reviewer_file, out)
    assert imported.returncode == 0 and "已导入 1 项" in imported.stdout
    with ReviewerStore.open(reviewer_file) as store:
        assert list(store.scores().values()) == [(Fraction(3), "计划较简略")]


def test_the_command_line_submits_to_a_chosen_file(reviewer_file: Path, tmp_path: Path):
    with ReviewerStore.open(reviewer_file) as store:
        start = store.meta().revision
    target = tmp_path / "back.sqlite"
    done = run_cli("submit", reviewer_file, "--out", target)
    assert done.returncode == 0, done.stderr
    assert f"第 {start + 1} 版" in done.stdout and str(target) in done.stdout
    assert run_cli("check", target).returncode == 0
    again = run_cli("submit", reviewer_file)
    assert again.returncode == 0 and f"-提交-r{start + 2}.alr-review" in again.stdout


@pytest.mark.parametrize(
    "content", [b"not a workbook", b"PK\x03\x04 a broken zip", "名称,得分\n甲,3\n".encode()]
)
def test_a_file_that_is_no_workbook_is_refused_in_one_sentence(
    reviewer_file: Path, tmp_path: Path, content: bytes
):
    fake = tmp_path / "评分表.xlsx"
    fake.write_bytes(content)

    def dump() -> list[str]:  # the content (opening the file may switch it to WAL)
        with closing(sqlite3.connect(reviewer_file)) as conn:
            return list(conn.iterdump())

    before = dump()
    done = run_cli("import-sheet", reviewer_file, fake)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "评分表.xlsx" in done.stderr
    assert dump() == before
