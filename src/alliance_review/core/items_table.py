"""Evidence items in a workbook: one row per item, a 是/否 mark, read back by key.

Shared by the self-evaluation workbook (an alliance marks what it did) and the scoring
workbook (a reviewer ticks what is evidenced): a sheet "评价要点" beside the main one.
Rows carry the indicator code and the item's key (hidden), so a returned workbook is
matched by identifiers, never by a name someone retyped. A mark is read leniently as
people write it (是 / 否 / √ / × / yes / no / 1 / 0 / blank) and anything else is refused
with its row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alliance_review.core.errors import UserError
from alliance_review.core.rubric import Rubric

ITEMS_SHEET = "评价要点"
YES, NO = "是", "否"
_YES = {"是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "x"}
_NO = {"否", "无", "×", "✗", "n", "no", "false", "0", ""}


@dataclass(frozen=True)
class ItemRow:
    """One evidence item of one indicator (and, in a scoring workbook, one alliance)."""

    code: str
    indicator_name: str
    key: str
    name: str
    mark: bool


def item_rows(rubric: Rubric, marked: Iterable[tuple[str, str]]) -> list[ItemRow]:
    """Every item of the rubric in order, marked where (code, key) is in ``marked``."""
    chosen = set(marked)
    return [
        ItemRow(
            indicator.code,
            indicator.name,
            item.key,
            item.name,
            (indicator.code, item.key) in chosen,
        )
        for indicator in rubric.indicators()
        for item in indicator.items
    ]


def mark_text(mark: bool) -> str:
    return YES if mark else NO


def read_mark(value: object, where: str) -> bool:
    """A cell's mark as a person writes it; refuses anything else naming ``where``."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise UserError(
        f"{where}的「{value}」不是“是”或“否”。",
        f"{where}: {value!r} is neither 是 (yes) nor 否 (no).",
    )


def read_item_marks(
    rubric: Rubric, rows: Sequence[tuple[str, str, object, str]]
) -> set[tuple[str, str]]:
    """(code, key) marked yes, from rows of (code, key, mark, where) read off a sheet.

    An unknown (code, key) or a repeated one is refused with its place: the sheet was
    made for another rubric, or rows were copied.
    """
    known = {(i.code, item.key) for i in rubric.indicators() for item in i.items}
    seen: set[tuple[str, str]] = set()
    marked: set[tuple[str, str]] = set()
    for code, key, value, where in rows:
        pair = (str(code).strip(), str(key).strip())
        if pair not in known:
            raise UserError(
                f"{where}的评价要点（{pair[0]}：{pair[1]}）不在本轮次的评价指标中。",
                f"{where}: evidence item {pair[0]}: {pair[1]} is not in the round's rubric.",
            )
        if pair in seen:
            raise UserError(
                f"{where}的评价要点（{pair[0]}：{pair[1]}）重复出现。",
                f"{where}: evidence item {pair[0]}: {pair[1]} appears twice.",
            )
        seen.add(pair)
        if read_mark(value, where):
            marked.add(pair)
    return marked
