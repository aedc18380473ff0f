"""The scoring workbook's "完成情况" sheet: each alliance's done mark, both ways.

Export writes 是 for an alliance the reviewer marked done and 否 for the others, beside how
many of its indicators are scored. On import 是 marks the alliance done (refused, with the
cell, when the workbook and the file together do not yet give it what done needs: the
same rule as the window's Mark done), 否 clears a done mark, and a blank cell keeps the
file's mark. A workbook exported before the sheet existed is read without it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alliance_review.core.errors import FileRefused, UserError
from alliance_review.core.items_table import NO, YES
from alliance_review.core.roster import Alliance
from alliance_review.services.reviewer_workflow import Missing
from alliance_review.services.sheet_items import BORDER, has_header, header_row, read_mark
from alliance_review.services.xlsx_out import Styles
from alliance_review.tabular import Limits
from alliance_review.tabular.grid import Grid, read_grids
from alliance_review.tabular.text import column_letter, value_text

DONE_SHEET = "完成情况"
DONE_HEADERS = ("联盟", "已评分指标", "已完成（是／否）", "alliance_uid")
DONE_WIDTHS = (44, 12, 18, 12)
DCOL_ALLIANCE, DCOL_SCORED, DCOL_MARK, DCOL_UID = range(1, 5)
DONE_HEADER_ROW = 3


def write_done_sheet(
    book: Any,
    styles: Styles,
    reviewer_name: str,
    alliances: Sequence[Alliance],
    scores: Mapping[tuple[str, str], tuple[object, str]],
    indicators: int,
    done: Collection[str],
) -> int:
    """The "完成情况" sheet, one row per alliance in order; returns its row count."""
    scored: dict[str, int] = {}
    for (uid, _code), (points, _note) in scores.items():
        if points is not None:
            scored[uid] = scored.get(uid, 0) + 1
    ws = book.add_worksheet(DONE_SHEET)
    styles.text(
        ws, 0, 0, f"完成情况 — 评完的联盟标记为已完成（评审专家：{reviewer_name}）",
        styles.get(bold=True, font_size=13),
    )  # fmt: skip
    styles.text(
        ws, 1, 0,
        "在「已完成」一列填“是”或“否”（可从下拉列表选择）：“是”即标记为已完成，须已评完该联盟"
        "的全部指标并符合评分依据的要求；“否”取消已完成标记；留空表示不改变。",
        styles.get(font_color="#555555", font_size=9),
    )  # fmt: skip
    header_row(styles, ws, DONE_HEADER_ROW, DONE_HEADERS, DONE_WIDTHS, (DCOL_UID,))
    plain = styles.get(**BORDER, valign="top")
    centred = styles.get(**BORDER, valign="top", align="center")
    entry = styles.get(**BORDER, valign="top", align="center", locked=False, bg_color="#FFF9E0")
    row = DONE_HEADER_ROW - 1
    for alliance in alliances:
        row += 1
        styles.text(ws, row, DCOL_ALLIANCE - 1, alliance.name, plain)
        count = f"{scored.get(alliance.uid, 0)} / {indicators}"
        styles.text(ws, row, DCOL_SCORED - 1, count, centred)
        styles.text(ws, row, DCOL_MARK - 1, YES if alliance.uid in done else NO, entry)
        styles.text(ws, row, DCOL_UID - 1, alliance.uid, plain)
    if row >= DONE_HEADER_ROW:
        ws.data_validation(
            DONE_HEADER_ROW, DCOL_MARK - 1, row, DCOL_MARK - 1,
            {
                "validate": "list",
                "source": [YES, NO],
                "ignore_blank": True,
                "error_title": "请填“是”或“否”",
                "error_message": "「已完成」一列只能填“是”或“否”，也可以留空。",
            },
        )  # fmt: skip
    ws.autofilter(DONE_HEADER_ROW - 1, 0, max(row, DONE_HEADER_ROW - 1), len(DONE_HEADERS) - 1)
    ws.freeze_panes(DONE_HEADER_ROW, DCOL_SCORED - 1)
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(DONE_HEADER_ROW - 1)
    ws.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True})
    return row - DONE_HEADER_ROW + 1


@dataclass
class DoneMarks:
    """What the sheet says: alliance uid -> True (是) / False (否), blank cells absent;
    and the cell of each mark."""

    wanted: dict[str, bool] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)


def done_cell(column: int, row: int) -> str:
    return f"{DONE_SHEET}!{column_letter(column - 1)}{row}"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else value_text(value).strip()


def read_done_marks(
    rows: list[list[Any]],
    formulas: Mapping[tuple[int, int], tuple[str, bool]],
    names: Mapping[str, str],
    file_name: str,
) -> tuple[DoneMarks, list[tuple[str, str, str]]]:
    """The sheet's marks, and its problems as (cell, reason, reason in English) (the
    caller refuses them all); a cell named is one the reviewer sees (never a hidden one)."""
    if not has_header(rows, DONE_HEADER_ROW, DONE_HEADERS):
        raise UserError(
            f"「{file_name}」中「{DONE_SHEET}」工作表的表头被改动过（第 {DONE_HEADER_ROW} 行），"
            "无法按列读取。",
            f"The header row ({DONE_HEADER_ROW}) of the sheet {DONE_SHEET} in {file_name} was"
            " changed; columns cannot be read.",
        )
    marks = DoneMarks()
    problems: list[tuple[str, str, str]] = []
    width = len(DONE_HEADERS)
    for index in range(DONE_HEADER_ROW, len(rows)):
        cells = list(rows[index][:width]) + [""] * max(0, width - len(rows[index]))
        if all(v in (None, "") for v in cells):
            continue
        number = index + 1
        uid = _text(cells[DCOL_UID - 1])
        mark_cell = done_cell(DCOL_MARK, number)
        if uid not in names:
            problems.append(
                (
                    done_cell(DCOL_ALLIANCE, number),
                    "不是本文件中的联盟（联盟编号无法识别）",
                    "not an alliance of this file (its identifier is not recognised)",
                )
            )
            continue
        if uid in marks.cells:
            problems.append(
                (
                    mark_cell,
                    f"与 {marks.cells[uid]} 重复（同一联盟）",
                    f"repeats {marks.cells[uid]} (the same alliance)",
                )
            )
            continue
        marks.cells[uid] = mark_cell
        mark, problem = read_mark(
            cells[DCOL_MARK - 1], (number, DCOL_MARK - 1) in formulas, mark_cell
        )
        if problem is not None:
            problems.append(problem)
        elif mark is not None:
            marks.wanted[uid] = mark
    return marks, problems


@dataclass
class JudgedMarks:
    """The marks an import writes: set (with blanks kept, with blanks erasing), cleared;
    and the 是 marks refused, as (cell, reason, reason in English)."""

    marked: list[str] = field(default_factory=list)
    marked_erasing: list[str] = field(default_factory=list)
    unmarked: list[str] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)


def judge_done_marks(
    marks: DoneMarks,
    done: Collection[str],
    names: Mapping[str, str],
    lacking_kept: Callable[[str], list[Missing]],
    lacking_erased: Callable[[str], list[Missing]],
) -> JudgedMarks:
    """Which marks change the file: 是 on an alliance not done yet (refused while it lacks
    what done needs, with blank cells keeping the file's entries), 否 on a done one."""
    judged = JudgedMarks()
    for uid, wanted in marks.wanted.items():
        if not wanted:
            if uid in done:
                judged.unmarked.append(uid)
            continue
        if uid in done:
            continue
        lacking = lacking_kept(uid)
        if lacking:
            others = f"等 {len(lacking)} 项" if len(lacking) > 1 else ""
            others_en = f" and {len(lacking) - 1} more" if len(lacking) > 1 else ""
            judged.problems.append(
                (
                    marks.cells[uid],
                    f"{names[uid]}尚不能标记为已完成：{lacking[0].text('zh')}{others}",
                    f"{names[uid]} cannot be marked done yet: {lacking[0].text('en')}{others_en}",
                )
            )
            continue
        judged.marked.append(uid)
        if not lacking_erased(uid):
            judged.marked_erasing.append(uid)
    return judged


def done_lines(
    marks: Mapping[str, bool], cells: Mapping[str, tuple[str, str]], english: bool
) -> list[str]:
    """The import's lines for the marks it sets or clears: cell, alliance, what."""
    words = ("marked done", "done mark cleared") if english else ("标记为已完成", "取消已完成标记")
    return [
        f"{cells[uid][1]}  {cells[uid][0]}  {words[0] if mark else words[1]}"
        for uid, mark in marks.items()
    ]


def read_present(
    path: Path, limits: Limits, required: list[str], optional: list[str]
) -> dict[str | int, Grid]:
    """The workbook's ``required`` sheets and those of ``optional`` it has (a workbook
    exported before a sheet existed has not: its format says which it must have)."""
    optional = list(optional)
    while True:
        try:
            return read_grids(path, limits, [*required, *optional])
        except FileRefused as error:
            missing = next((name for name in optional if f"「{name}」" in error.zh), None)
            if missing is None:
                raise
            optional.remove(missing)
