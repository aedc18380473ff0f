"""What every import of a list (roster, reviewers) shares: read the file with the one
tabular reader, find the header under title rows, map columns by their header words,
and walk the data rows (blank rows ignored; totals, remarks and repeated headers skipped
and said so), taking each mapped cell as clean text or naming the cell that is unusable.

Nothing here writes; the plan built from it is shown as a preview first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alliance_review.core.errors import FileRefused, UserError
from alliance_review.tabular import Limits, control_problem, find_header, read_grid
from alliance_review.tabular.table import is_total_or_remark, match_header, stated_count
from alliance_review.tabular.text import cell_name, clean_text, column_letter, value_text

# a list of alliances or reviewers: a province-level round has 10,000 alliances
LIST_LIMITS = Limits(rows=50_000, cells=2_000_000)
_NUMBER = re.compile(r"^\d+(\.0+)?$")


@dataclass(frozen=True)
class Table:
    """The cells of a list as text, from its header row on; merged areas filled in.

    ``header_row`` is the header's row number in the sheet; ``rows[i]`` is row
    ``header_row + 1 + i``.
    """

    source: Path
    header: list[str]
    rows: list[list[str]]
    header_row: int = 1
    # (row number, column index) -> (cell reference, formula) of formula cells that were
    # never calculated (a program wrote them; no spreadsheet program saved a value)
    uncalculated: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    kind: str = "xlsx"
    sheet: str = ""


@dataclass(frozen=True)
class Note:
    """A row that is not data (total, remark, repeated header), or a remark on the file."""

    row: int
    zh: str
    en: str


def read_table(
    path: Path | str,
    words: Mapping[str, Sequence[str]],
    required: str,
    what: tuple[str, str],
    limits: Limits = LIST_LIMITS,
) -> Table:
    """The list's table, or a refusal when no header row naming ``required`` is found."""
    path = Path(path)
    grid = read_grid(path, limits)
    texts = [[value_text(v) for v in row] for row in grid.filled()]
    while texts and not any(c.strip() for c in texts[-1]):
        texts.pop()
    if not texts:
        raise FileRefused(f"「{path.name}」中没有内容。", f"{path.name} is empty.")
    index = find_header(texts, words, required)
    if index is None:
        shown_zh = "」「".join(words[required][:3])
        shown_en = '", "'.join(w for w in words[required] if w.isascii())[:60]
        raise FileRefused(
            f"「{path.name}」中找不到{what[0]}的表头：前 30 行中应有一行列名，"
            f"其中一列为「{shown_zh}」。",
            f"No header row found in {path.name}: one of its first 30 rows must name the "
            f'columns, one of them "{shown_en}" ({what[1]}).',
        )
    width = max(len(r) for r in texts)
    texts = [r + [""] * (width - len(r)) for r in texts]
    uncalculated = {
        (row, column): (f"{column_letter(column)}{row}", formula)
        for (row, column), (formula, has_value) in grid.formulas.items()
        if not has_value
    }
    return Table(
        path, texts[index], texts[index + 1 :], index + 1, uncalculated, grid.kind, grid.sheet
    )


def guess(table: Table, words: Mapping[str, Sequence[str]]) -> dict[str, int | None]:
    found = match_header(table.header, words)
    return {name: found.get(name) for name in words}


def refuse_numbers_as_names(table: Table, column: int, label: tuple[str, str]) -> None:
    """A column of row numbers (序号) is never read as names."""
    values = [r[column].strip() for r in table.rows if column < len(r) and r[column].strip()]
    numbers = sum(1 for v in values if _NUMBER.match(v))
    if values and numbers * 2 > len(values):
        header = table.header[column] if column < len(table.header) else ""
        raise UserError(
            f"{column_letter(column)} 列（{header}）是编号，不是{label[0]}；"
            f"请选择{label[0]}所在的列。",
            f"Column {column_letter(column)} ({header}) holds numbers, not {label[1]}; choose "
            f"the column with the {label[1]}.",
        )


def _row_text(row: Sequence[str]) -> str:
    """A row's text once per distinct cell (a merged total row repeats itself)."""
    seen: list[str] = []
    for c in row:
        text = clean_text(c)
        if text and text not in seen:
            seen.append(text)
    return " ".join(seen)[:40]


def data_rows(
    table: Table, mapped: Sequence[int], notes: list[Note]
) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every data row; the others are said in ``notes``."""
    header_keys = [clean_text(c) for c in table.header]
    counted = 0
    for offset, row in enumerate(table.rows):
        number = table.header_row + 1 + offset
        uncalculated = any((number, c) in table.uncalculated for c in mapped)
        if not any(c.strip() for c in row) and not uncalculated:
            continue
        kind = is_total_or_remark(row)
        if kind == "total":
            stated = stated_count(row)
            text = _row_text(row)
            if stated is not None and stated != counted:
                notes.append(
                    Note(
                        number,
                        f"合计行「{text}」写 {stated}，表中读到 {counted} 行数据，请核对。",
                        f'The total row "{text}" states {stated}, but {counted} data rows were '
                        "read; please check.",
                    )
                )
            else:
                notes.append(
                    Note(number, f"合计行「{text}」已跳过。", f'Total row "{text}" skipped.')
                )
            continue
        if kind == "remark":
            text = _row_text(row)
            notes.append(Note(number, f"说明行「{text}」已跳过。", f'Remark row "{text}" skipped.'))
            continue
        if row[0] == table.header[0] and [clean_text(c) for c in row] == header_keys:
            notes.append(Note(number, "重复的表头行已跳过。", "Repeated header row skipped."))
            continue
        counted += 1
        yield number, row


def cell(row: list[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


def unusable(text: str, number: int, column: int | None, limit: int) -> tuple[str, str] | None:
    """Why a cell's text cannot be taken (control character, too long), naming the cell."""
    if column is None:
        return None
    problem = control_problem(text, number, column)
    if problem is not None:
        return problem
    if len(text) > limit:
        zh, en = cell_name(number, column)
        return (
            f"{zh}的文字有 {len(text)} 个字符，超过 {limit} 个，不像是名称。",
            f"{en} holds {len(text)} characters, more than {limit}; that is no name.",
        )
    return None
