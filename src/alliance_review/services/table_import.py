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

from alliance_review.core import name_rules
from alliance_review.core.errors import FileRefused, UserError
from alliance_review.tabular import Limits, find_header
from alliance_review.tabular.grid import Grid, read_grids
from alliance_review.tabular.table import (
    heading_kind,
    is_total_or_remark,
    match_header,
    stated_count,
)
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
    sheets: tuple[str, ...] = ()  # every visible sheet of the file, the table's among them
    hidden: dict[int, str] = field(default_factory=dict)  # row -> "hidden" | "filtered"
    # (row number, column index) of cells that hold a merged cell's value only because the
    # merge reaches them from a row above (a name merged over two rows is one name)
    continued: frozenset[tuple[int, int]] = frozenset()


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
    sheet: str | int | None = None,
) -> Table:
    """The list's table, or a refusal when no header row naming ``required`` is found.

    Every visible sheet is searched (a cover sheet often comes first) and the one whose
    header names the most columns is taken; ``sheet`` (a name, or a number from 1 among
    the visible sheets) takes that one only.
    """
    path = Path(path)
    if sheet is None:
        grids = list(read_grids(path, limits, None).values())
    else:
        chosen: str | int = sheet - 1 if isinstance(sheet, int) else sheet
        if isinstance(chosen, int) and chosen < 0:
            raise FileRefused(f"没有第 {sheet} 个工作表。", f"There is no sheet number {sheet}.")
        grids = [read_grid_or_refuse(path, limits, chosen, sheet)]
    found: list[tuple[int, int, Grid, list[list[str]]]] = []
    for place, grid in enumerate(grids):
        texts = [[value_text(v) for v in row] for row in grid.filled()]
        while texts and not any(c.strip() for c in texts[-1]):
            texts.pop()
        index = find_header(texts, words, required) if texts else None
        if index is not None:  # the most columns named; the first such sheet
            found.append((len(match_header(texts[index], words)), -place, grid, texts))
    if not found:
        if not any(any(any(str(v).strip() for v in r) for r in g.rows) for g in grids):
            raise FileRefused(f"「{path.name}」中没有内容。", f"{path.name} is empty.")
        raise _no_header(path, words, required, what, [g.sheet for g in grids if g.sheet])
    _, _, grid, texts = max(found, key=lambda f: (f[0], f[1]))
    index = find_header(texts, words, required)
    assert index is not None
    width = max(len(r) for r in texts)
    texts = [r + [""] * (width - len(r)) for r in texts]
    uncalculated = {
        (row, column): (f"{column_letter(column)}{row}", formula)
        for (row, column), (formula, has_value) in grid.formulas.items()
        if not has_value
    }
    continued = frozenset(
        (r + 1, c)
        for top, left, bottom, right in grid.merges
        for r in range(top + 1, min(bottom, len(texts) - 1) + 1)
        for c in range(left, min(right, width - 1) + 1)
    )
    return Table(
        path, texts[index], texts[index + 1 :], index + 1, uncalculated, grid.kind, grid.sheet,
        tuple(grid.sheets if grid.kind != "csv" else ()), dict(grid.hidden), continued,
    )  # fmt: skip


def read_grid_or_refuse(path: Path, limits: Limits, chosen: str | int, asked: str | int) -> Grid:
    try:
        return read_grids(path, limits, [chosen])[chosen]
    except FileRefused as error:
        if isinstance(asked, int) and "不是表格文件" in error.zh:
            raise FileRefused(
                f"「{path.name}」没有第 {asked} 个工作表。",
                f"{path.name} has no sheet number {asked}.",
            ) from error
        raise


def _no_header(
    path: Path,
    words: Mapping[str, Sequence[str]],
    required: str,
    what: tuple[str, str],
    sheets: list[str],
) -> FileRefused:
    shown_zh = "」「".join(words[required][:3])
    shown_en = '", "'.join(w for w in words[required] if w.isascii())[:60]
    if len(sheets) > 1:
        where_zh = f"「{path.name}」的 {len(sheets)} 个工作表（「{'」「'.join(sheets[:5])}」）中"
        where_en = f"none of the {len(sheets)} sheets of {path.name} ({', '.join(sheets[:5])})"
        return FileRefused(
            f"{where_zh}都找不到{what[0]}的表头：前 30 行中应有一行列名，其中一列为「{shown_zh}」；"
            "可用 --sheet 或在窗口中选择工作表。",
            f"No header row found in {where_en}: one of the first 30 rows of a sheet must "
            f'name the columns, one of them "{shown_en}" ({what[1]}); choose the sheet with '
            "--sheet or in the window.",
        )
    in_sheet = f"（工作表「{sheets[0]}」）" if sheets else ""
    return FileRefused(
        f"「{path.name}」{in_sheet}中找不到{what[0]}的表头：前 30 行中应有一行列名，"
        f"其中一列为「{shown_zh}」。",
        f"No header row found in {path.name}"
        + (f" (sheet {sheets[0]})" if sheets else "")
        + f': one of its first 30 rows must name the columns, one of them "{shown_en}" '
        f"({what[1]}).",
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
    table: Table, mapped: Sequence[int], notes: list[Note], name_column: int | None = None
) -> Iterator[tuple[int, list[str], str]]:
    """(row number, cells, the section heading above it or "") of every data row; the
    others (totals, remarks, repeated headers, section and tier headings) are said in
    ``notes``. Hidden and filtered rows are data rows too (``table.hidden`` tells them).
    A heading stands in the first column or the name's (or is merged across the row)."""
    heading_columns = (0,) if name_column is None else (0, name_column)
    header_keys = [clean_text(c) for c in table.header]
    counted = 0
    section = ""
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
        heading = None if uncalculated else heading_kind(row, heading_columns)
        if heading is not None:
            section = _row_text(row)
            if heading == "tier":
                notes.append(
                    Note(
                        number,
                        f"附件的档次标题「{section}」已跳过。",
                        f'Tier heading of an appendix "{section}" skipped.',
                    )
                )
            else:
                notes.append(
                    Note(
                        number,
                        f"小节标题「{section}」已跳过。",
                        f'Section heading "{section}" skipped.',
                    )
                )
            continue
        counted += 1
        yield number, row, section


def cell(row: list[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


def unusable(text: str, number: int, column: int | None, limit: int) -> tuple[str, str] | None:
    """Why a cell's text cannot be taken, naming the cell: the one set of name rules
    (``core.name_rules``: control characters, characters that change the direction of
    text, more than ``limit`` characters), in the words every other way in uses."""
    if column is None:
        return None
    reason = name_rules.problem(text, limit)
    if reason is None:
        return None
    return name_rules.sentence(cell_name(number, column), reason, imported=True)
