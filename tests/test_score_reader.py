"""One reader for every typed or imported number: the window's score field, the offline
scoring workbook, the self-evaluation workbook and the command line's ``--points`` give one
text one answer. "5/5", "1e1" and "1_0" were read by ``Fraction`` in the workbooks (as 1,
10 and 10) while the window refused them."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from alliance_review.core.errors import UserError
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.core.score_entry import EntryState, read_entry, read_points
from alliance_review.services import reviewer_sheet, selfeval, sheet_columns
from alliance_review.services.selfeval import SelfEvalFile
from alliance_review.services.selfeval_book import FIRST_ROW
from tests.conftest import run_cli

WHOLE = Indicator("1.1", "年度工作总结", "", Fraction(6))
HALVES = Indicator("1.2", "协同创新", "", Fraction(5), Fraction(1, 2))

# what people type, what spreadsheets and input methods make, and what Python's own
# number readers take (exponents, underscores, fractions, other scripts' digits)
PIECES = st.sampled_from(
    list("0123456789") + list("０１２３４５６７８９") + [".", "。", "．", "/", "e", "E", "_"]
    + ["+", "-", " ", "分", "满", "٣", "½", "x", "inf", "nan", "\u3000", "\t"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=8).map("".join)
SPECIALS = ["5/5", "4/4", "8/8", "1e1", "1_0", "4分", "满分", "+3", "-1", "٣", "2.5", "44", "10"]


def window_answer(qapp, text: str, indicator: Indicator) -> object:
    """What the window's score field makes of the text, as typed."""
    from alliance_review.gui.reviewer.fields import ScoreEdit

    edit = _fields.get(indicator.code)
    if edit is None:  # one field per indicator for the whole test, as the form has
        edit = _fields[indicator.code] = ScoreEdit(indicator)
    edit.setText(text)
    return edit.value() if edit.entry().state is EntryState.VALID else "refused"


_fields: dict[str, object] = {}


def scoring_workbook_answer(text: str, indicator: Indicator) -> object:
    """What the scoring workbook's row reader makes of the text in the score cell."""
    cells: list[object] = [""] * len(reviewer_sheet.HEADERS)
    cells[reviewer_sheet.COL_UID - 1] = "a-1"
    cells[reviewer_sheet.COL_CODE - 1] = indicator.code
    cells[reviewer_sheet.COL_SCORE - 1] = text
    known = {indicator.code: indicator}
    row = sheet_columns.read_score_row(5, cells, known, {"a-1": "甲"}, {}, {}, {})
    return "refused" if len(row) == 3 else row[2]


def selfeval_answer(text: str, indicator: Indicator) -> object:
    """What the self-evaluation workbook's row reader makes of the text in the score cell."""
    rubric = Rubric((Category("1", "一", (indicator,)),))
    rows: list[list[object]] = [[""] * 7 for _ in range(FIRST_ROW)]
    rows[FIRST_ROW - 1] = ["", indicator.code, "", "", str(indicator.max_points), text, ""]
    result = SelfEvalFile(Path("自评价表.xlsx"))
    selfeval._read_rows(rows, rubric, {indicator.code: FIRST_ROW}, result)
    if result.problems:
        return "refused"
    return result.rows.get(indicator.code, (None, ""))[0]


def command_line_answer(text: str, indicator: Indicator) -> object:
    """What ``decide --points`` reads (its range is checked against the indicator after)."""
    try:
        points = read_points(text)
    except UserError:
        return "refused"
    entry = read_entry(text, indicator)
    return points if entry.state is EntryState.VALID else "refused"


@pytest.mark.parametrize("indicator", [WHOLE, HALVES], ids=["whole", "halves"])
@given(text=TEXTS)
@example(text="5/5")
@example(text="1e1")
@example(text="1_0")
@example(text="４")
@example(text="２．５")
def test_every_entry_path_gives_one_text_one_answer(qapp, indicator: Indicator, text: str):
    if not text.strip():
        return  # a blank is "no score" everywhere, and a clear in the window: not a number
    entry = read_entry(text, indicator)
    expected = entry.points if entry.state is EntryState.VALID else "refused"
    assert window_answer(qapp, text, indicator) == expected
    assert scoring_workbook_answer(text, indicator) == expected
    assert selfeval_answer(text, indicator) == expected
    assert command_line_answer(text, indicator) == expected


@pytest.mark.parametrize("text", SPECIALS)
def test_the_seen_cases_agree(qapp, text: str):
    for indicator in (WHOLE, HALVES):
        entry = read_entry(text, indicator)
        expected = entry.points if entry.state is EntryState.VALID else "refused"
        answers = {
            window_answer(qapp, text, indicator),
            scoring_workbook_answer(text, indicator),
            selfeval_answer(text, indicator),
            command_line_answer(text, indicator),
        }
        assert answers == {expected}, (text, indicator.code, answers)
    assert read_entry("5/5", WHOLE).state is EntryState.INVALID


def test_full_marks_written_as_a_fraction_are_refused_in_a_real_workbook_with_an_example(
    demo_round: Path, tmp_path: Path
):
    """The reviewer whose three "5/5" became three 1s: the import refuses the workbook,
    naming each cell and saying what to write; the file is not changed."""
    from alliance_review.services.reviewer_sheet import SHEET_TITLE, export_sheet
    from alliance_review.storage.reviewer_store import ReviewerStore
    from tests.reviewer_support import issue_one

    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    out = tmp_path / "评分表.xlsx"
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        export_sheet(store, out)
    before = reviewer_file.read_bytes()
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET_TITLE]
    rows = {}
    for row in range(reviewer_sheet.HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, reviewer_sheet.COL_UID).value == uid:
            rows[sheet.cell(row, reviewer_sheet.COL_CODE).value] = row
    for code, text in (("1.1", "4/4"), ("1.2", "5/5"), ("1.3", "1e1")):
        sheet.cell(rows[code], reviewer_sheet.COL_SCORE).value = text
    book.save(out)
    done = run_cli("import-sheet", reviewer_file, out)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    for code, text in (("1.1", "4/4"), ("1.2", "5/5"), ("1.3", "1e1")):
        assert f"G{rows[code]}：「{text}」不是分数" in done.stderr
    assert "请只写数字，例如" in done.stderr
    assert reviewer_file.read_bytes() == before


def test_the_command_line_refuses_points_python_would_read(demo_round: Path):
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(demo_round) as store:
        name = store.alliances()[0].name
    for text in ("1e1", "1_0", "5/5", "٣"):
        done = run_cli(
            "decide", demo_round, name, "--indicator", "1.1", "--points", text, "--rationale", "议"
        )
        assert done.returncode == 1, text
        assert "不是有效的分数" in done.stderr and "Traceback" not in done.stderr


def test_workbook_refusals_speak_english_in_english_and_a_note_change_names_its_cell(
    demo_round: Path, tmp_path: Path
):
    import os
    import subprocess
    import sys

    from alliance_review.services.reviewer_sheet import SHEET_TITLE, export_sheet, read_sheet
    from alliance_review.storage.reviewer_store import ReviewerStore
    from tests.reviewer_support import issue_one

    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    out = tmp_path / "sheet.xlsx"
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        store.set_score(uid, "1.2", Fraction(4), "旧依据")
        export_sheet(store, out)
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET_TITLE]
    rows = {
        sheet.cell(r, reviewer_sheet.COL_CODE).value: r
        for r in range(reviewer_sheet.HEADER_ROW + 1, sheet.max_row + 1)
        if sheet.cell(r, reviewer_sheet.COL_UID).value == uid
    }
    sheet.cell(rows["1.2"], reviewer_sheet.COL_NOTE).value = "新依据"  # the note alone
    book.save(out)
    with ReviewerStore.open(reviewer_file) as store:
        checked = read_sheet(store, out)
    (change,) = checked.changes
    assert change.cell == f"H{rows['1.2']}"  # the note's cell, not the score's (G)
    sheet.cell(rows["1.3"], reviewer_sheet.COL_SCORE).value = "满分"
    sheet.cell(rows["1.4"], reviewer_sheet.COL_SCORE).value = 9
    book.save(out)
    done = subprocess.run(
        [sys.executable, "-m", "alliance_review", "import-sheet", str(reviewer_file), str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="en"),
        timeout=120,
    )
    assert done.returncode == 1
    assert f'G{rows["1.3"]}: "满分" is not a score' in done.stderr
    assert f'G{rows["1.4"]}: "9" is above the maximum of indicator 1.4' in done.stderr
    assert "write the number alone, for example 3" in done.stderr
    assert "不是" not in done.stderr.replace('"满分"', "")


def test_assign_refuses_a_count_per_alliance_that_issuing_would_refuse(
    demo_round: Path, tmp_path: Path
):
    """`assign --per-alliance 2` succeeded on a round asking for 3, and `issue` refused."""
    import sqlite3

    before = sqlite3.connect(demo_round).execute("SELECT count(*) FROM assignment").fetchone()
    done = run_cli("assign", demo_round, "--per-alliance", "2")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "每个联盟有 3 位评审专家" in done.stderr and "无法发放" in done.stderr
    after = sqlite3.connect(demo_round).execute("SELECT count(*) FROM assignment").fetchone()
    assert after == before
