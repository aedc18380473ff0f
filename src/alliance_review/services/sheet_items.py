"""The evidence items of the offline scoring workbook: a sheet "评价要点" beside the scores.

One row per alliance and evidence item, in the order of the scoring sheet; the reviewer
writes 是 (evidenced) or 否 (not evidenced) in one column, from a drop-down list. The
other cells are locked; sorting and filtering are allowed, because every row carries the
alliance's uid and the item's key in hidden columns: a returned workbook is matched by
those, never by position or by a name someone retyped.

Export writes 是 where the reviewer ticked the item and leaves the other cells blank. On
import, 是 ticks and 否 unticks; a blank cell where the file holds a tick is not a change
by default (a workbook exported before later work in the window would erase that work):
it is listed apart, like a blank score, and erased only by choice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from alliance_review.core.errors import UserError
from alliance_review.core.items_table import ITEMS_SHEET, NO, YES, read_mark_or_blank
from alliance_review.core.points import format_points
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.services.xlsx_out import Styles
from alliance_review.tabular.text import column_letter, value_text

ITEM_HEADERS = (
    "联盟",
    "指标编号",
    "二级指标",
    "评价要点",
    "自评",
    "是否有佐证（是／否）",
    "计分规则",
    "alliance_uid",
    "item_key",
)
ITEM_WIDTHS = (30, 9, 30, 30, 7, 19, 26, 12, 10)
(ICOL_ALLIANCE, ICOL_CODE, ICOL_NAME, ICOL_ITEM, ICOL_SELF, ICOL_MARK, ICOL_RULE,
 ICOL_UID, ICOL_KEY) = range(1, 10)  # fmt: skip
ITEMS_HEADER_ROW = 3
_ROW = re.compile(r"\d+$")
Ticks = Mapping[tuple[str, str], frozenset[str]]  # (alliance, indicator) -> ticked keys


def items_of(rubric: Rubric) -> list[Indicator]:
    """The indicators that carry evidence items, in rubric order."""
    return [i for i in rubric.indicators() if i.items]


def rule_words(indicator: Indicator) -> str:
    """The points rule as the reviewer reads it: "0 项 0 分；1 项 2.5 分；2 项 5 分"."""
    if not indicator.points_rule:
        return ""
    return "；".join(
        f"{count} 项 {format_points(points)} 分"
        for count, points in enumerate(indicator.points_rule)
    )


BORDER = {"border": 1, "border_color": "#BBBBBB"}


def header_row(
    styles: Styles,
    ws: Any,
    row: int,
    headers: Sequence[str],
    widths: Sequence[int],
    hidden: Sequence[int],
) -> None:
    """Column titles on ``row`` (1-based) with their widths; ``hidden``: 1-based columns
    that carry identifiers."""
    head = styles.get(**BORDER, bold=True, bg_color="#DCE6F1", align="center", valign="vcenter")
    for column, (title, width) in enumerate(zip(headers, widths, strict=True)):
        styles.text(ws, row - 1, column, title, head)
        ws.set_column(column, column, width, None, {"hidden": True} if column + 1 in hidden else {})


def _lines(text: str, width: int) -> int:
    units = sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in text)
    return max(1, math.ceil(units / max(width - 1, 1)))


def write_items_sheet(
    book: Any,
    styles: Styles,
    reviewer_name: str,
    rubric: Rubric,
    alliances: Sequence[Alliance],
    ticks: Iterable[tuple[str, str, str]],
    self_ticks: Iterable[tuple[str, str, str]],
) -> int:
    """The "评价要点" sheet (streamed, rows in order); returns its row count (0: no sheet)."""
    indicators = items_of(rubric)
    if not indicators:
        return 0
    ticked, claimed = set(ticks), set(self_ticks)
    ws = book.add_worksheet(ITEMS_SHEET)
    # two lines by default: most names wrap once; a row's own height only where one needs
    # more (xlsxwriter keeps every row's settings in memory, even when streaming); set
    # before a row is written, as streaming requires
    ws.set_default_row(30)
    for at in range(ITEMS_HEADER_ROW):
        ws.set_row(at, 15 if at else 20)
    styles.text(
        ws, 0, 0, f"评价要点 — 佐证材料中是否见到（评审专家：{reviewer_name}）",
        styles.get(bold=True, font_size=13),
    )  # fmt: skip
    styles.text(
        ws, 1, 0,
        "在「是否有佐证」一列填“是”或“否”（可从下拉列表选择），留空表示未判断；"
        "「计分规则」是勾选项数对应的建议分，评分与之不同时请在程序中说明理由。",
        styles.get(font_color="#555555", font_size=9),
    )  # fmt: skip
    header_row(styles, ws, ITEMS_HEADER_ROW, ITEM_HEADERS, ITEM_WIDTHS, (ICOL_UID, ICOL_KEY))
    plain = styles.get(**BORDER, valign="top")
    wrapped = styles.get(**BORDER, valign="top", text_wrap=True)
    centred = styles.get(**BORDER, valign="top", align="center")
    entry = styles.get(**BORDER, valign="top", align="center", locked=False, bg_color="#FFF9E0")
    fixed = [
        (
            indicator,
            item,
            rule_words(indicator),
            max(
                _lines(indicator.name, ITEM_WIDTHS[ICOL_NAME - 1]),
                _lines(item.name, ITEM_WIDTHS[ICOL_ITEM - 1]),
                _lines(rule_words(indicator), ITEM_WIDTHS[ICOL_RULE - 1]),
            ),
        )
        for indicator in indicators
        for item in indicator.items
    ]
    text = styles.text
    row = ITEMS_HEADER_ROW - 1
    for alliance in alliances:
        for indicator, item, rule, lines in fixed:
            row += 1
            triple = (alliance.uid, indicator.code, item.key)
            if lines > 2:
                ws.set_row(row, 15 * lines)
            text(ws, row, ICOL_ALLIANCE - 1, alliance.name, plain)
            text(ws, row, ICOL_CODE - 1, indicator.code, plain)
            text(ws, row, ICOL_NAME - 1, indicator.name, wrapped)
            text(ws, row, ICOL_ITEM - 1, item.name, wrapped)
            text(ws, row, ICOL_SELF - 1, YES if triple in claimed else "", centred)
            if triple in ticked:
                text(ws, row, ICOL_MARK - 1, YES, entry)
            else:
                ws.write_blank(row, ICOL_MARK - 1, None, entry)
            text(ws, row, ICOL_RULE - 1, rule, wrapped)
            text(ws, row, ICOL_UID - 1, alliance.uid, plain)
            text(ws, row, ICOL_KEY - 1, item.key, plain)
    last = row  # 0-based
    if last >= ITEMS_HEADER_ROW:
        ws.data_validation(
            ITEMS_HEADER_ROW, ICOL_MARK - 1, last, ICOL_MARK - 1,
            {
                "validate": "list",
                "source": [YES, NO],
                "ignore_blank": True,
                "error_title": "请填“是”或“否”",
                "error_message": "「是否有佐证」一列只能填“是”或“否”，也可以留空。",
            },
        )  # fmt: skip
    ws.autofilter(ITEMS_HEADER_ROW - 1, 0, max(last, ITEMS_HEADER_ROW - 1), len(ITEM_HEADERS) - 1)
    ws.freeze_panes(ITEMS_HEADER_ROW, ICOL_CODE - 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(ITEMS_HEADER_ROW - 1)
    ws.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True})
    return last - ITEMS_HEADER_ROW + 1


# import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TickChange:
    """One indicator of one alliance whose ticked evidence items the workbook changes."""

    alliance_uid: str
    alliance_name: str
    code: str
    old: frozenset[str]
    new: frozenset[str]
    cells: str  # the mark cells that differ, e.g. "评价要点!F5,F7"


@dataclass
class ItemMarks:
    """What the items sheet says: per (alliance, indicator), the keys marked 是 / 否 /
    left blank, and the cell of each (alliance, indicator, key)."""

    yes: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    no: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    cells: dict[tuple[str, str, str], str] = field(default_factory=dict)
    rows: int = 0


def item_cell(column: int, row: int) -> str:
    return f"{ITEMS_SHEET}!{column_letter(column - 1)}{row}"


def has_header(rows: list[list[Any]], row: int, headers: Sequence[str]) -> bool:
    """Whether ``row`` (1-based) holds exactly these column titles."""
    cells = rows[row - 1] if len(rows) >= row else []
    found = tuple(value_text(cells[c]) if c < len(cells) else "" for c in range(len(headers)))
    return found == tuple(headers)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else value_text(value).strip()


def read_item_marks(
    rows: list[list[Any]],
    formulas: Mapping[tuple[int, int], tuple[str, bool]],
    rubric: Rubric,
    names: Mapping[str, str],
    file_name: str,
) -> tuple[ItemMarks, list[tuple[str, str, str]]]:
    """The sheet's marks, and its problems as (cell, reason, reason in English) (the
    caller refuses them all); a cell named is one the reviewer sees (never a hidden one)."""
    if not has_header(rows, ITEMS_HEADER_ROW, ITEM_HEADERS):
        raise UserError(
            f"「{file_name}」中「{ITEMS_SHEET}」工作表的表头被改动过（第 {ITEMS_HEADER_ROW} 行），"
            "无法按列读取。",
            f"The header row ({ITEMS_HEADER_ROW}) of the sheet {ITEMS_SHEET} in {file_name} was"
            " changed; columns cannot be read.",
        )
    known = {(i.code, item.key) for i in rubric.indicators() for item in i.items}
    marks = ItemMarks()
    problems: list[tuple[str, str, str]] = []
    seen: dict[tuple[str, str, str], str] = {}
    width = len(ITEM_HEADERS)
    for index in range(ITEMS_HEADER_ROW, len(rows)):
        cells = list(rows[index][:width]) + [""] * max(0, width - len(rows[index]))
        if all(v in (None, "") for v in cells):
            continue
        number = index + 1
        marks.rows += 1
        uid, code, key = (_text(cells[c - 1]) for c in (ICOL_UID, ICOL_CODE, ICOL_KEY))
        if uid not in names:
            problems.append(
                (
                    item_cell(ICOL_ALLIANCE, number),
                    "不是本文件中的联盟（联盟编号无法识别）",
                    "not an alliance of this file (its identifier is not recognised)",
                )
            )
            continue
        if (code, key) not in known:
            problems.append(
                (
                    item_cell(ICOL_ITEM, number),
                    f"评价要点（{code[:20]}：{key[:24]}）不在评价指标中",
                    f"the evidence item ({code[:20]}: {key[:24]}) is not in the rubric",
                )
            )
            continue
        triple = (uid, code, key)
        mark_cell = item_cell(ICOL_MARK, number)
        if triple in seen:
            problems.append(
                (
                    mark_cell,
                    f"与 {seen[triple]} 重复（同一联盟同一评价要点）",
                    f"repeats {seen[triple]} (the same alliance and evidence item)",
                )
            )
            continue
        seen[triple] = mark_cell
        mark, problem = read_mark(
            cells[ICOL_MARK - 1], (number, ICOL_MARK - 1) in formulas, mark_cell
        )
        if problem is not None:
            problems.append(problem)
            continue
        marks.cells[triple] = mark_cell
        if mark is True:
            marks.yes.setdefault((uid, code), set()).add(key)
        elif mark is False:
            marks.no.setdefault((uid, code), set()).add(key)
    return marks, problems


def read_mark(
    raw: Any, formula: bool, cell: str
) -> tuple[bool | None, tuple[str, str, str] | None]:
    """A 是/否 cell of a workbook: its mark (None: blank), or the problem to report as
    (cell, reason, reason in English)."""
    if formula:
        return None, (cell, "是公式，请直接填写“是”或“否”", 'a formula; write "是" or "否" itself')
    try:
        return read_mark_or_blank(raw, ""), None
    except UserError:
        shown = value_text(raw)[:20]
        english = f'"{shown}" is not "是" (yes) or "否" (no)'
        return None, (cell, f"「{shown}」不是“是”或“否”", english)


def tick_changes(
    marks: ItemMarks, ticks: Ticks, names: Mapping[str, str], rubric: Rubric
) -> tuple[list[TickChange], list[TickChange]]:
    """(changes with blank cells keeping the file's ticks, the erasures: indicators where
    blank cells over ticks would untick them, with what the workbook then leaves)."""
    changes: list[TickChange] = []
    erasures: list[TickChange] = []
    for uid, code in _in_order(marks, ticks, names, rubric):
        old = ticks.get((uid, code), frozenset())
        yes = marks.yes.get((uid, code), set())
        no = marks.no.get((uid, code), set())
        kept = frozenset((old | yes) - no)
        erased = frozenset(yes)
        if kept != old:
            cells = [marks.cells[(uid, code, k)] for k in sorted(kept ^ old)]
            changes.append(TickChange(uid, names[uid], code, old, kept, _joined(cells)))
        if erased != kept:
            blank = sorted(k for k in old if k not in yes and k not in no)
            cells = [marks.cells.get((uid, code, k), "") for k in blank]
            erasures.append(TickChange(uid, names[uid], code, old, erased, _joined(cells)))
    return changes, erasures


def _in_order(
    marks: ItemMarks, ticks: Ticks, names: Mapping[str, str], rubric: Rubric
) -> list[tuple[str, str]]:
    """Every (alliance, indicator) the sheet or the file mentions, in the file's order."""
    order = {uid: n for n, uid in enumerate(names)}
    codes = {i.code: n for n, i in enumerate(rubric.indicators())}
    touched = {p for p in (*marks.yes, *marks.no, *ticks) if p[0] in order and p[1] in codes}
    return sorted(touched, key=lambda p: (order[p[0]], codes[p[1]]))


def _joined(cells: list[str]) -> str:
    """ "评价要点!F5,F7" for cells of the items sheet."""
    cells = sorted((c for c in cells if c), key=lambda c: int(_ROW.search(c).group()))  # type: ignore[union-attr]
    if not cells:
        return ITEMS_SHEET
    prefix = f"{ITEMS_SHEET}!"
    return prefix + ",".join(c.removeprefix(prefix) for c in cells)


def ticks_after(
    ticks: Ticks, changes: Iterable[TickChange]
) -> dict[tuple[str, str], frozenset[str]]:
    """The file's ticks with ``changes`` applied."""
    after = dict(ticks)
    for change in changes:
        after[(change.alliance_uid, change.code)] = change.new
    return after
