"""The self-evaluation workbook's layout, in one place: what is written where, and the
limits a returned workbook is read within.

Written with xlsxwriter: every text as text (an alliance called "=1+1" stays that name,
in the hidden sheet as well), the score cells validated as the rubric scores them (whole
points where the step is 1, else the step), everything but the score and note columns
locked, and the identifiers on a very hidden sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from alliance_review.core.items_table import ITEMS_SHEET, NO, YES, item_rows
from alliance_review.core.points import format_points
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.services import selfeval_attachments as attachments
from alliance_review.services.xlsx_out import Styles, writing
from alliance_review.tabular import Limits

MARK = "alliance-review-selfeval"
VERSION = "2"
FORM_SHEET = "自评价表"
META_SHEET = "_meta"
FIRST_ROW = 7  # the first indicator's row (1-based, as the sheet shows it)
COLUMNS = (
    "一级指标",
    "编号",
    "二级指标",
    "评分依据和标准",
    "满分",
    "自评分",
    "自评说明（材料与依据）",
)
WIDTHS = (18, 7, 30, 48, 7, 9, 44)
CODE_COL, MAX_COL, SCORE_COL, NOTE_COL = "B", "E", "F", "G"
CODE, MAX, SCORE, NOTE = 1, 4, 5, 6  # 0-based columns of the same
INSTRUCTIONS = (
    "填写说明：只需填写“自评分”和“自评说明”两列，其他单元格已锁定；"
    "自评分须在 0 到该项满分之间，并按该项的计分档填写（如整数分）。请勿增删行列或修改指标。"
)
# a returned workbook is small: an alliance's form of a few dozen indicators
LIMITS = Limits(file_bytes=8 * 1024 * 1024, rows=1_000, columns=50, cells=20_000)
BORDER = {"border": 1, "border_color": "#999999"}


def number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


def score_validation(indicator: Indicator, cell: str) -> dict[str, object]:
    """Excel's own check of a self-score: 0..max, on the indicator's step."""
    top = format_points(indicator.max_points)
    step = format_points(indicator.step)
    message = f"本项自评分须在 0 到 {top} 分之间" + (
        "，且为整数。" if indicator.step == 1 else f"，按 {step} 分一档。"
    )
    common: dict[str, object] = {
        "ignore_blank": True,
        "error_title": "自评分不符合要求",
        "error_message": message,
        "input_title": "自评分",
        "input_message": f"0–{top} 分" + ("，整数" if indicator.step == 1 else f"，每档 {step} 分"),
    }
    if indicator.step == 1 and indicator.max_points.denominator == 1:
        return dict(
            common,
            validate="integer",
            criteria="between",
            minimum=0,
            maximum=int(indicator.max_points),
        )
    hundredths = int(indicator.step * 100)
    return dict(
        common,
        validate="custom",
        value=(
            f"=AND(ISNUMBER({cell}),{cell}>=0,{cell}<={top},"
            f"MOD(ROUND({cell}*100,0),{hundredths})=0)"
        ),
    )


def write_workbook(
    out: Path,
    rubric: Rubric,
    alliance: Alliance,
    round_uid: str,
    title: str,
    period: str,
    token: str = "",
    inputs: Sequence[Path | str] = (),
) -> None:
    """One alliance's workbook at ``out`` (whole, or not at all; never over ``inputs``)."""
    with writing(out, inputs=inputs) as book:
        book.lock_structure = True
        styles = Styles(book)
        sheet = book.add_worksheet(FORM_SHEET)
        head = dict(BORDER, bold=True, bg_color="#DDE4EE", align="center", valign="vcenter",
                    text_wrap=True)  # fmt: skip
        wrap = dict(BORDER, text_wrap=True, valign="top")
        entry = dict(wrap, locked=False, bg_color="#FFF9E0")
        merged: list[tuple[int, str, dict[str, object]]] = [
            (0, f"{title}  自评价表", {"bold": True, "font_size": 14}),
            (3, INSTRUCTIONS, {"text_wrap": True, "valign": "top"}),
        ]
        for row, text, look in merged:
            sheet.merge_range(row, 0, row, 6, "", styles.get(**look))
            styles.text(sheet, row, 0, text, styles.get(**look))
        for row, label, value in ((1, "联盟名称", alliance.name), (2, "评价期间", period)):
            styles.text(sheet, row, 0, label, styles.get(bold=True))
            sheet.merge_range(row, 1, row, 6, "", styles.get())
            styles.text(sheet, row, 1, value)
        sheet.set_row(3, 32)
        for column, heading in enumerate(COLUMNS):
            styles.text(sheet, FIRST_ROW - 2, column, heading, styles.get(**head))
        row = FIRST_ROW - 1
        indicator_rows = []
        for category in rubric.categories:
            for indicator in category.indicators:
                styles.text(sheet, row, 0, category.name, styles.get(**wrap))
                styles.text(sheet, row, 1, indicator.code, styles.get(**wrap))
                styles.text(sheet, row, 2, indicator.name, styles.get(**wrap))
                styles.text(sheet, row, 3, indicator.criteria, styles.get(**wrap))
                styles.value(sheet, row, 4, number(indicator.max_points), styles.get(**wrap))
                sheet.write_blank(row, SCORE, None, styles.get(**entry))
                sheet.write_blank(row, NOTE, None, styles.get(**entry))
                cell = f"{SCORE_COL}{row + 1}"
                sheet.data_validation(row, SCORE, row, SCORE, score_validation(indicator, cell))
                indicator_rows.append((indicator.code, row + 1))
                row += 1
        total = dict(BORDER, bold=True)
        for column in range(7):
            sheet.write_blank(row, column, None, styles.get(**total))
        styles.text(sheet, row, 2, "合计", styles.get(**total))
        styles.value(sheet, row, 4, number(rubric.max_points), styles.get(**total))
        sheet.write_formula(
            row, SCORE, f"=SUM({SCORE_COL}{FIRST_ROW}:{SCORE_COL}{row})", styles.get(**total)
        )
        for column, width in enumerate(WIDTHS):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(FIRST_ROW - 1, 0)
        sheet.protect("", {"format_rows": True})  # row heights may grow for long notes
        meta = book.add_worksheet(META_SHEET)
        pairs = (
            ("format", MARK),
            ("version", VERSION),
            ("round_uid", round_uid),
            ("round_title", title),
            ("alliance_uid", alliance.uid),
            ("alliance_name", alliance.name),
            ("token", token),
        )
        for number_, (key, value) in enumerate(pairs):
            styles.text(meta, number_, 0, key)
            styles.text(meta, number_, 1, value)
        for offset, (code, at) in enumerate(indicator_rows, start=len(pairs)):
            styles.text(meta, offset, 0, "indicator")
            styles.text(meta, offset, 1, code)
            meta.write_number(offset, 2, at)
        items = _items_sheet(book, styles, rubric)
        for offset, (code, key, at) in enumerate(items, start=len(pairs) + len(indicator_rows)):
            styles.text(meta, offset, 0, "item")
            styles.text(meta, offset, 1, code)
            styles.text(meta, offset, 2, key)
            meta.write_number(offset, 3, at)
        first, rows = attachments.write_sheet(book, styles, rubric)
        offset = len(pairs) + len(indicator_rows) + len(items)
        styles.text(meta, offset, 0, attachments.META_KEY)
        meta.write_number(offset, 1, first)
        meta.write_number(offset, 2, rows)
        meta.protect()
        meta.very_hidden()
        sheet.activate()


ITEMS_HEADER_ROW = 3  # 1-based row of the items sheet's column titles
ITEMS_COLUMNS = ("编号", "二级指标", "评价要点", "是否开展（是／否）")
ITEMS_WIDTHS = (7, 34, 40, 18)
ITEM_MARK = 3  # 0-based column of the mark
ITEM_MARK_COL = "D"


def _items_sheet(book: Any, styles: Styles, rubric: Rubric) -> list[tuple[str, str, int]]:
    """The sheet of evidence items (one row per item, a 是/否 mark); returns the rows as
    (indicator code, item key, 1-based row) for the hidden sheet. None without items."""
    rows = item_rows(rubric, ())
    if not rows:
        return []
    sheet = book.add_worksheet(ITEMS_SHEET)
    wrap = dict(BORDER, text_wrap=True, valign="top")
    head = dict(BORDER, bold=True, bg_color="#DDE4EE", align="center", valign="vcenter")
    entry = dict(BORDER, locked=False, bg_color="#FFF9E0", align="center")
    styles.text(sheet, 0, 0, "评价要点：本联盟在评价期间开展了哪些活动", styles.get(bold=True))
    styles.text(
        sheet,
        1,
        0,
        "在“是否开展”一列填“是”或“否”（可从下拉列表选择），其他单元格已锁定。",
        styles.get(font_color="#555555"),
    )
    for column, title in enumerate(ITEMS_COLUMNS):
        styles.text(sheet, ITEMS_HEADER_ROW - 1, column, title, styles.get(**head))
    placed = []
    for offset, item in enumerate(rows):
        row = ITEMS_HEADER_ROW + offset  # 0-based: the row after the titles
        styles.text(sheet, row, 0, item.code, styles.get(**wrap))
        styles.text(sheet, row, 1, item.indicator_name, styles.get(**wrap))
        styles.text(sheet, row, 2, item.name, styles.get(**wrap))
        sheet.write_blank(row, ITEM_MARK, None, styles.get(**entry))
        sheet.data_validation(
            row,
            ITEM_MARK,
            row,
            ITEM_MARK,
            {
                "validate": "list",
                "source": [YES, NO],
                "error_title": "请填“是”或“否”",
                "error_message": "“是否开展”一列只能填“是”或“否”。",
            },
        )
        placed.append((item.code, item.key, row + 1))
    for column, width in enumerate(ITEMS_WIDTHS):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(ITEMS_HEADER_ROW, 0)
    sheet.protect("", {"format_rows": True})
    return placed
