"""Workbooks going out and coming back (issue 11 and the workbook rows of issue 14):
validation that matches the rubric, per-workbook self-evaluation import, no user text
ever a formula in any sheet, control characters that neither crash nor leave files."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.scoring import Score
from alliance_review.services import selfeval
from alliance_review.services.resources import default_rubric
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.services.setup import new_round
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore

from . import office_files
from .conftest import run_cli

HOSTILE = [
    Alliance("a-1", "=1+1", 0, "第一批"),
    Alliance("a-2", '+HYPERLINK("http://x","点我")', 1),
    Alliance("a-3", "-2联盟", 2),
    Alliance("a-4", "@SUM(A1:A9)联盟", 3),
    Alliance("a-5", "甲\x01联盟\x0b（控制字符）", 4),
]


def half_point_rubric():
    """The 2015 rubric with 1.1 scored in half points."""
    rubric = default_rubric()
    first = rubric.categories[0]
    changed = dataclasses.replace(first.indicators[0], step=Fraction(1, 2))
    category = dataclasses.replace(first, indicators=(changed, *first.indicators[1:]))
    return dataclasses.replace(rubric, categories=(category, *rubric.categories[1:]))


@pytest.fixture
def hostile_round(tmp_path: Path) -> Path:
    path = new_round(
        tmp_path / "round.sqlite", "=HYPERLINK(\"x\")年度评价", 2016, roster=HOSTILE,
        rubric=half_point_rubric(),
    )  # fmt: skip
    with RoundStore.open(path) as store:
        store.add_reviewers([Reviewer("r-1", "@专家"), Reviewer("r-2", "=专家乙")])
        store.set_assignments({a.uid: ["r-1", "r-2"] for a in HOSTILE})
        store.put_scores(
            [
                Score(r, a.uid, i.code, Fraction(1), f"-依据\x07{a.uid}\x0b=SUM(1)")
                for a in HOSTILE
                for r in ("r-1", "r-2")
                for i in store.rubric().indicators()
            ]
        )
    return path


def formulas_in(path: Path) -> list[str]:
    """The formulas of every sheet of a workbook, hidden ones included."""
    with zipfile.ZipFile(path) as archive:
        return [
            f.decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            for f in re.findall(rb"<f>([^<]*)</f>", archive.read(name))
        ]


def all_text(path: Path) -> set[str]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {
        str(v)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for v in row
        if isinstance(v, str)
    }


def test_the_workbooks_own_validation_matches_the_rubric(hostile_round: Path, tmp_path: Path):
    with RoundStore.open(hostile_round) as store:
        path = selfeval.write_workbooks(store, tmp_path / "out")[0]
        rubric = store.rubric()
    sheet = openpyxl.load_workbook(path)[selfeval.FORM_SHEET]
    by_cell = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert len(by_cell) == 18
    for row, indicator in enumerate(rubric.indicators(), start=selfeval.FIRST_ROW):
        rule = by_cell[f"F{row}"]
        if indicator.step == 1:  # whole points only: Excel refuses 4.5 where the app would
            assert (rule.type, rule.formula1, rule.formula2) == (
                "whole", "0", str(int(indicator.max_points))
            )  # fmt: skip
        else:  # 1.1 in half points: the step itself is checked
            assert rule.type == "custom"
            assert f"F{row}<=5" in rule.formula1 and "MOD(ROUND(" in rule.formula1
            assert ",50)=0" in rule.formula1
        assert rule.showErrorMessage and rule.allow_blank


def fill(path: Path, scores: dict[str, object]) -> Path:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[selfeval.FORM_SHEET]
    for row in range(selfeval.FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row, 2).value in scores:
            sheet.cell(row, 6).value = scores[sheet.cell(row, 2).value]
    workbook.save(path)
    return path


def test_selfeval_in_imports_every_good_workbook_and_reports_every_bad_one(
    hostile_round: Path, tmp_path: Path
):
    with RoundStore.open(hostile_round) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
    good = fill(paths[0], {"1.1": 4.5, "1.2": 3})  # half points where the rubric allows
    decimal = fill(paths[1], {"1.2": 2.5})  # 1.2 takes whole points
    second_good = fill(paths[2], {"2.1": 1})
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    done = run_cli("selfeval-in", hostile_round, good, decimal, second_good, broken)
    assert done.returncode == 1
    assert done.stdout.count("已导入") == 2
    assert decimal.name in done.stderr and "F8" in done.stderr
    assert "不在指标 1.2 的计分档上" in done.stderr
    assert "broken.xlsx" in done.stderr and "Traceback" not in done.stderr
    with RoundStore.open(hostile_round) as store:
        scores = store.self_scores()
    assert scores[("a-1", "1.1")] == (Fraction(9, 2), "")
    assert scores[("a-3", "2.1")] == (Fraction(1), "")
    assert not any(uid == "a-2" for uid, _ in scores)  # the bad workbook: nothing of it

    again = run_cli("selfeval-in", hostile_round, "--all-or-nothing", second_good, decimal)
    assert again.returncode == 1 and "未导入任何内容" in again.stderr


def test_no_user_text_ever_becomes_a_formula_in_any_sheet(hostile_round: Path, tmp_path: Path):
    with RoundStore.open(hostile_round) as store:
        books = selfeval.write_workbooks(store, tmp_path / "selfeval")
    for book, alliance in zip(books, HOSTILE, strict=True):
        # the only formula is the app's own total of the self-scores
        assert formulas_in(book) == [f"SUM(F7:F{6 + 18})"]
        workbook = openpyxl.load_workbook(book)
        meta = {r[0].value: r[1] for r in workbook[selfeval.META_SHEET].iter_rows(max_col=2)}
        assert meta["alliance_name"].value == alliance.name.replace("\x01", "_x0001_").replace(
            "\x0b", "_x000B_"
        )  # openpyxl shows Excel's escapes; the cell is text
        assert meta["alliance_name"].data_type == "s" and meta["round_title"].data_type == "s"
        assert alliance.name in all_text(book)  # read back exactly, control characters too
    results = tmp_path / "results.xlsx"
    assert run_cli("export-xlsx", hostile_round, results).returncode == 0
    assert formulas_in(results) == []
    assert {a.name for a in HOSTILE} <= all_text(results)
    issued = tmp_path / "issued"
    issued.mkdir()
    reviewer = issue_reviewer_files(hostile_round, issued)[0]
    sheet = tmp_path / "sheet.xlsx"
    done = run_cli("export-sheet", reviewer, sheet)
    assert done.returncode == 0, done.stderr
    assert all("=" not in f and "SUM" not in f for f in formulas_in(sheet))
    texts = all_text(sheet)
    assert "@专家" in texts and {a.name for a in HOSTILE} <= texts
    roster = tmp_path / "roster.xlsx"
    assert run_cli("roster-export", hostile_round, roster).returncode == 0
    assert formulas_in(roster) == [] and {a.name for a in HOSTILE} <= all_text(roster)


def test_an_unchanged_sheet_with_control_characters_imports_without_a_change(
    hostile_round: Path, tmp_path: Path
):
    issued = tmp_path / "issued"
    issued.mkdir()
    reviewer = issue_reviewer_files(hostile_round, issued)[0]
    with ReviewerStore.open(reviewer) as store:
        first = store.alliances()[0].uid
        store.set_score(first, "1.1", Fraction(3), "依据\x07=SUM(1)")
    sheet = tmp_path / "sheet.xlsx"
    assert run_cli("export-sheet", reviewer, sheet).returncode == 0
    done = run_cli("import-sheet", reviewer, sheet, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "没有改动" in done.stdout


def test_a_failing_or_cancelled_export_leaves_no_file_behind(
    hostile_round: Path, tmp_path: Path, monkeypatch
):
    from alliance_review.core.errors import UserError
    from alliance_review.services import xlsx_out
    from alliance_review.services.results_xlsx import export_workbook
    from alliance_review.services.reviewer_sheet import export_sheet_file

    out = tmp_path / "results.xlsx"
    out.write_bytes(b"the earlier export")
    with pytest.raises(UserError, match="已取消"):
        export_workbook(hostile_round, out, progress=lambda done, total: done < 2)
    assert out.read_bytes() == b"the earlier export"
    with RoundStore.open(hostile_round) as store, pytest.raises(UserError, match="已取消"):
        selfeval.write_workbooks(store, tmp_path / "wb", progress=lambda d, t: d < 3)
    assert list((tmp_path / "wb").iterdir()) == []
    issued = tmp_path / "issued"
    issued.mkdir()
    reviewer = issue_reviewer_files(hostile_round, issued)[0]
    calls = {"n": 0}
    original = xlsx_out.Styles.text

    def failing(self, *args, **kwargs):  # a disk that fills up half-way
        calls["n"] += 1
        if calls["n"] > 40:
            raise OSError(28, "No space left on device")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(xlsx_out.Styles, "text", failing)
    with pytest.raises(OSError):
        export_sheet_file(reviewer, tmp_path / "sheet.xlsx")
    leftovers = [p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".part")]
    assert leftovers == ["results.xlsx"]


def test_a_scoring_sheet_with_a_formula_or_a_bomb_is_refused(hostile_round: Path, tmp_path):
    issued = tmp_path / "issued"
    issued.mkdir()
    reviewer = issue_reviewer_files(hostile_round, issued)[0]
    sheet = tmp_path / "sheet.xlsx"
    assert run_cli("export-sheet", reviewer, sheet).returncode == 0
    workbook = openpyxl.load_workbook(sheet)
    workbook["评分表"]["G4"].value = "=2+1"  # never calculated: no value saved
    workbook.save(sheet)
    done = run_cli("import-sheet", reviewer, sheet)
    assert done.returncode == 1 and "G4" in done.stderr and "公式" in done.stderr
    bomb = office_files.row_bomb(tmp_path / "bomb.xlsx", rows=400_000)
    refused = run_cli("import-sheet", reviewer, bomb)
    assert refused.returncode == 1 and "超过" in refused.stderr
    assert "Traceback" not in refused.stderr
    also = run_cli("selfeval-in", hostile_round, bomb)
    assert also.returncode == 1 and "超过" in also.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_scoring_sheet_resaved_by_libreoffice_imports(hostile_round: Path, tmp_path: Path):
    issued = tmp_path / "issued"
    issued.mkdir()
    reviewer = issue_reviewer_files(hostile_round, issued)[0]
    sheet = tmp_path / "sheet.xlsx"
    assert run_cli("export-sheet", reviewer, sheet).returncode == 0
    workbook = openpyxl.load_workbook(sheet)
    workbook["评分表"]["G4"].value = 0
    workbook["评分表"]["H4"].value = "未见材料"
    workbook.save(sheet)
    for to in ("xlsx", "ods"):
        resaved = tmp_path / to
        done = subprocess.run(
            ["soffice", "--headless", "--convert-to", to, "--outdir", str(resaved), str(sheet)],
            capture_output=True, text=True, timeout=180,
            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        back = resaved / f"sheet.{to}"
        preview = run_cli("import-sheet", reviewer, back, "--dry-run")
        assert preview.returncode == 0, preview.stderr
        assert "G4" in preview.stdout and "未见材料" in preview.stdout
