"""The self-evaluation workbook's list of attachments (附件清单): the alliance names the
documents it sends (as their files are called, or their titles) and, for each, the
indicators it supports.

Written as a sheet of its own (the form itself stays as it was), its place recorded on
the workbook's hidden sheet (``attachments``: first row, rows); read back within those
rows only, each name under the rules of every name (no control or direction characters,
at most ``MAX_NAME_CHARS``) and each code one of the rubric's. A workbook made before
the list existed names nothing, and leaves what the round holds as it was.
"""

from __future__ import annotations

from typing import Any, Protocol

from alliance_review.core.attachments import MAX_ATTACHMENTS, MAX_NAME_CHARS, Named, split_codes
from alliance_review.core.errors import FileRefused
from alliance_review.core.name_rules import clean, problem, sentence
from alliance_review.core.rubric import Rubric
from alliance_review.services.xlsx_out import Styles
from alliance_review.tabular import Limits
from alliance_review.tabular.grid import read_grids
from alliance_review.tabular.text import value_text

SHEET = "附件清单"
META_KEY = "attachments"
HEADER_ROW = 3  # 1-based row of the column titles
COLUMNS = ("序号", "附件名称（与所附文件的文件名一致）", "相关指标编号（可填多个，用顿号分隔）")
WIDTHS = (7, 56, 30)
NAME, CODES = 1, 2  # 0-based columns of the entries
NAME_COL, CODES_COL = "B", "C"
BORDER = {"border": 1, "border_color": "#999999"}


class Result(Protocol):
    """What ``selfeval.SelfEvalFile`` offers this module."""

    @property
    def path(self) -> Any: ...

    def refuse(self, zh: str, en: str) -> None: ...


def write_sheet(book: Any, styles: Styles, rubric: Rubric) -> tuple[int, int]:
    """The sheet of attachments; returns (first entry row, 1-based; rows) for the hidden
    sheet."""
    sheet = book.add_worksheet(SHEET)
    wrap = dict(BORDER, text_wrap=True, valign="top")
    head = dict(BORDER, bold=True, bg_color="#DDE4EE", align="center", valign="vcenter",
                text_wrap=True)  # fmt: skip
    entry = dict(BORDER, locked=False, bg_color="#FFF9E0", text_wrap=True, valign="top")
    as_text = dict(entry, num_format="@")  # "2.10" typed stays 2.10, not the number 2.1
    styles.text(sheet, 0, 0, "附件清单：随本表报送的佐证材料", styles.get(bold=True))
    styles.text(
        sheet,
        1,
        0,
        "每行填写一份附件的名称（与所附文件的文件名一致，如“2015年度工作总结”），可注明它所支撑的"
        "指标编号（如 1.1、2.3）。其他单元格已锁定。",
        styles.get(font_color="#555555"),
    )
    for column, title in enumerate(COLUMNS):
        styles.text(sheet, HEADER_ROW - 1, column, title, styles.get(**head))
    codes = "、".join(i.code for i in rubric.indicators())
    for offset in range(MAX_ATTACHMENTS):
        row = HEADER_ROW + offset  # 0-based: the rows after the titles
        sheet.write_number(row, 0, offset + 1, styles.get(**wrap))
        sheet.write_blank(row, NAME, None, styles.get(**entry))
        sheet.write_blank(row, CODES, None, styles.get(**as_text))
        sheet.data_validation(
            row,
            CODES,
            row,
            CODES,
            {
                "validate": "length",
                "criteria": "<=",
                "value": 200,
                "input_title": "相关指标编号",
                "input_message": ("本表的指标编号：" + codes)[:250],
            },
        )
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(HEADER_ROW, 0)
    sheet.protect("", {"format_rows": True})
    return HEADER_ROW + 1, MAX_ATTACHMENTS


def place_of(values: list[Any]) -> tuple[int, int] | None:
    """The (first row, rows) a hidden-sheet row ``attachments`` records, if sound."""
    try:
        first, count = int(float(value_text(values[1]))), int(float(value_text(values[2])))
    except (IndexError, ValueError, OverflowError):
        return None
    if first < 1 or not 0 < count <= MAX_ATTACHMENTS:
        return None
    return first, count


def read_sheet(
    result: Result, rubric: Rubric, place: tuple[int, int], limits: Limits
) -> list[Named]:
    """The attachments listed, in order (empty rows skipped); every problem is refused
    on ``result``."""
    name_of = result.path.name
    try:
        rows = read_grids(result.path, limits, [SHEET])[SHEET].rows
    except FileRefused as error:
        result.refuse(error.zh, error.en)
        return []
    known = {i.code for i in rubric.indicators()}
    first, count = place
    found: list[Named] = []
    for row in range(first, first + count):
        values = rows[row - 1] if 0 < row <= len(rows) else []
        raw_name = value_text(values[NAME]) if len(values) > NAME else ""
        raw_codes = value_text(values[CODES]) if len(values) > CODES else ""
        if not raw_name.strip() and not raw_codes.strip():
            continue
        where = (f"“{SHEET}”单元格 {NAME_COL}{row} 的附件名称",
                 f"The attachment name in cell {NAME_COL}{row} of the {SHEET} sheet")  # fmt: skip
        reason = problem(raw_name, MAX_NAME_CHARS)
        if reason is not None:
            result.refuse(*sentence(where, reason, imported=True))
            continue
        name = clean(raw_name)
        if not name:
            result.refuse(
                f"“{SHEET}”第 {row} 行写了指标编号，却没有附件名称（{name_of}）。",
                f"Row {row} of the {SHEET} sheet names indicators but no attachment ({name_of}).",
            )
            continue
        codes = split_codes(raw_codes)
        unknown = [c for c in codes if c not in known]
        if unknown:
            result.refuse(
                f"“{SHEET}”单元格 {CODES_COL}{row}：“{unknown[0]}”不是本表的指标编号。",
                f"Cell {CODES_COL}{row} of the {SHEET} sheet: {unknown[0]!r} is not an "
                "indicator of this form.",
            )
            continue
        found.append(Named(len(found) + 1, name, tuple(dict.fromkeys(codes))))
    return found
