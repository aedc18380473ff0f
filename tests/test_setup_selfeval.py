"""Self-evaluation workbooks: written protected and validated, read back by identifier."""

from __future__ import annotations

import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from alliance_review.core.errors import UserError
from alliance_review.core.roster import Alliance
from alliance_review.services import selfeval
from alliance_review.services.setup import new_round
from alliance_review.storage.round_store import RoundStore

ROSTER = [
    Alliance("a-1", "甲产业技术创新战略联盟", 0, "第一批"),
    Alliance("a-2", '=HYPERLINK("x")联盟', 1),
    Alliance("a-3", "-减排联盟", 2),
]


@pytest.fixture
def small_round(tmp_path: Path) -> Path:
    return new_round(tmp_path / "round.sqlite", "2016年度评价", 2016, roster=ROSTER)


def fill(path: Path, scores: dict[str, object], notes: dict[str, str] | None = None) -> Path:
    """Fill a workbook as an alliance would (by indicator code in column B)."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[selfeval.FORM_SHEET]
    for row in range(selfeval.FIRST_ROW, sheet.max_row + 1):
        code = sheet.cell(row, 2).value
        if code in scores:
            sheet.cell(row, 6).value = scores[code]
        if notes and code in notes:
            sheet.cell(row, 7).value = notes[code]
    workbook.save(path)
    return path


def test_workbooks_are_protected_validated_and_keep_names_as_text(small_round: Path, tmp_path):
    with RoundStore.open(small_round) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
        uid = store.settings().uid
    assert [p.name for p in paths][0] == "001-甲产业技术创新战略联盟-自评价表.xlsx"
    assert len(paths) == 3
    workbook = openpyxl.load_workbook(paths[1])
    sheet = workbook[selfeval.FORM_SHEET]
    assert sheet["B2"].value == ROSTER[1].name and sheet["B2"].data_type == "s"
    assert openpyxl.load_workbook(paths[2])[selfeval.FORM_SHEET]["B2"].value == "-减排联盟"
    assert sheet.protection.sheet
    first = selfeval.FIRST_ROW
    assert sheet.cell(first, 2).value == "1.1" and sheet.cell(first, 5).value == 5
    assert sheet.cell(first, 6).protection.locked is False  # self-score: input
    assert sheet.cell(first, 7).protection.locked is False  # note: input
    assert sheet.cell(first, 4).protection.locked is True  # criteria: locked
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 18
    assert {
        (v.type, v.formula1, v.formula2) for v in validations if f"F{first}" in str(v.sqref)
    } == {("custom", "AND(ISNUMBER(F7),F7>=0,F7<=5,MOD(ROUND(F7*100,0),50)=0)", None)}
    # 1.1 is scored in half points; 1.2 in whole points
    assert {
        (v.type, v.formula1, v.formula2) for v in validations if f"F{first + 1}" in str(v.sqref)
    } == {("whole", "0", "6")}
    meta = workbook[selfeval.META_SHEET]
    assert meta.sheet_state == "veryHidden"
    values = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert values["round_uid"] == uid and values["alliance_uid"] == "a-2"


def test_filled_workbooks_import_by_identifier_even_when_renamed(small_round: Path, tmp_path):
    with RoundStore.open(small_round) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
        filled = fill(paths[0], {"1.1": 4, "2.2": 11.0}, {"1.1": "已提交总结和计划"})
        renamed = filled.rename(tmp_path / "returned by mail.xlsx")
        checked = selfeval.read_workbooks(store, [renamed])
        assert checked[0].ok and checked[0].alliance_uid == "a-1"
        assert store.self_scores() == {}  # reading writes nothing
        selfeval.apply_workbooks(store, checked)
        scores = store.self_scores()
        assert scores[("a-1", "1.1")] == (Fraction(4), "已提交总结和计划")
        assert scores[("a-1", "2.2")] == (Fraction(11), "")
        assert ("a-1", "3.1") not in scores


def test_refusals_name_the_cell_and_write_nothing(small_round: Path, tmp_path: Path):
    other = new_round(tmp_path / "other.sqlite", "另一轮次", 2016, roster=ROSTER)
    with RoundStore.open(other) as store:
        foreign = selfeval.write_workbooks(store, tmp_path / "foreign")[0]
    with RoundStore.open(small_round) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
    good = fill(paths[2], {"1.1": 3})
    too_high = fill(paths[0], {"1.1": 6, "1.2": "很好"})
    edited = paths[1]
    workbook = openpyxl.load_workbook(edited)
    workbook[selfeval.FORM_SHEET]["E8"].value = 60  # someone raised a max
    workbook.save(edited)
    with RoundStore.open(small_round) as store:
        checked = selfeval.read_workbooks(store, [good, too_high, edited, foreign])
        reasons = ["".join(p[0] for p in c.problems) for c in checked]
        assert reasons[0] == ""
        assert "F7" in reasons[1] and "超过指标 1.1 的满分 5 分" in reasons[1]
        assert "F8" in reasons[1] and "「很好」不是分数" in reasons[1]
        assert "结构已被改动" in reasons[2] and "E8" in reasons[2]
        assert "另一个评价轮次" in reasons[3]
        with pytest.raises(UserError, match="未导入任何内容"):
            selfeval.import_or_refuse(store, [good, too_high])
        assert store.self_scores() == {}


def test_a_workbook_for_an_alliance_no_longer_on_the_roster_is_refused(small_round, tmp_path):
    from alliance_review.services import roster

    with RoundStore.open(small_round) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
        roster.remove_alliance(store, "a-3")
        checked = selfeval.read_workbooks(store, [paths[2], paths[0], paths[0]])
        assert "不在本轮次的名单中" in checked[0].problems[0][0]
        assert checked[1].ok and "同一联盟" in checked[2].problems[0][0]


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
def test_libreoffice_opens_and_resaves_a_workbook_that_then_imports(small_round, tmp_path):
    with RoundStore.open(small_round) as store:
        path = selfeval.write_workbooks(store, tmp_path / "out")[1]
    fill(path, {"1.1": 5, "3.4": 2}, {"3.4": "发布了年度报告"})
    resaved = tmp_path / "resaved"
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(resaved), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    back = resaved / path.name
    assert back.is_file() and back.read_bytes() != path.read_bytes()
    sheet = openpyxl.load_workbook(back)[selfeval.FORM_SHEET]
    assert sheet["B2"].value == ROSTER[1].name  # still text, not a formula
    assert sheet.protection.sheet and sheet["F7"].protection.locked is False
    with RoundStore.open(small_round) as store:
        selfeval.import_or_refuse(store, [back])  # LibreOffice's own file, as saved
        assert store.self_scores()[("a-2", "3.4")] == (Fraction(2), "发布了年度报告")
        assert store.self_scores()[("a-2", "1.1")] == (Fraction(5), "")
