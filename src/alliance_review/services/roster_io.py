"""Roster files: import from Excel or CSV with a column mapping and a problem report,
export back to Excel.

An import is two steps, so the window can show a preview: ``read_table`` reads the
rows, ``plan_import`` maps the columns and checks every row against the roster; only
``apply_import`` writes, in one transaction, the rows without a blocking problem.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl import Workbook

from alliance_review.core.errors import FileRefused, UserError
from alliance_review.core.roster import BATCH_UNKNOWN, Alliance
from alliance_review.core.roster_checks import (
    RosterEntry,
    RosterProblem,
    check_roster,
    clean_name,
    parse_batch,
)
from alliance_review.services.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    cell_text,
    load_workbook_checked,
    put_text,
    save_workbook,
)

FIELDS = ("name", "batch", "contact")
FIELD_LABELS = {"name": "联盟名称", "batch": "批次", "contact": "联系人"}
_HEADER_WORDS = {
    "name": ("联盟名称", "名称", "联盟", "name", "alliance"),
    "batch": ("批次", "试点批次", "batch"),
    "contact": ("联系人", "联系方式", "秘书长", "contact"),
}


@dataclass(frozen=True)
class Table:
    """The cells of a roster file as text; ``header_row`` is the first row's number."""

    source: Path
    header: list[str]
    rows: list[list[str]]
    header_row: int = 1
    # (row number, column index) -> (cell reference, formula) of formula cells that Excel
    # never calculated: openpyxl reads no value there, and that is not a blank name.
    uncalculated: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)


@dataclass
class ImportPlan:
    entries: list[RosterEntry]
    problems: list[RosterProblem]
    mapping: dict[str, int | None] = field(default_factory=dict)

    def blocked_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.blocking}

    def accepted(self) -> list[RosterEntry]:
        blocked = self.blocked_rows()
        return [e for e in self.entries if e.row not in blocked]


def read_table(path: Path | str) -> Table:
    """The first sheet of an .xlsx, or a CSV (UTF-8, with or without BOM, or GBK)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = path.read_bytes() if path.is_file() else None
        if raw is None:
            raise FileRefused(f"找不到文件「{path.name}」。", f"{path.name} does not exist.")
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - gb18030 decodes any byte string
            raise FileRefused(f"无法读取「{path.name}」。", f"Cannot read {path.name}.")
        grid = [[cell.strip() for cell in row] for row in csv.reader(text.splitlines())]
        uncalculated: dict[tuple[int, int], tuple[str, str]] = {}
    elif suffix in (".xlsx", ".xlsm"):
        workbook = load_workbook_checked(path, read_only=True, data_only=True)
        values = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        grid = [[cell_text(v) for v in row] for row in values]
        uncalculated = _uncalculated_formulas(path, values)
    else:
        raise FileRefused(
            f"名单文件须为 .xlsx 或 .csv，「{path.name}」不是。",
            f"A roster file must be .xlsx or .csv; {path.name} is not.",
        )
    while grid and not any(grid[-1]):
        grid.pop()
    if not grid:
        raise FileRefused(f"「{path.name}」中没有内容。", f"{path.name} is empty.")
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    return Table(path, grid[0], grid[1:], uncalculated=uncalculated)


def _uncalculated_formulas(
    path: Path, values: list[tuple[object, ...]]
) -> dict[tuple[int, int], tuple[str, str]]:
    """Formula cells without a cached value (a workbook written by a program, never opened
    in Excel): (row number, column index) -> (cell reference, formula)."""
    from openpyxl.utils import get_column_letter

    workbook = load_workbook_checked(path, read_only=True, data_only=False)
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for r, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True)):
        cached = values[r] if r < len(values) else ()
        for c, raw in enumerate(row):
            formula = raw if isinstance(raw, str) else getattr(raw, "text", None)
            if not (isinstance(formula, str) and formula.startswith("=")):
                continue
            if c >= len(cached) or cached[c] is None:
                found[(r + 1, c)] = (f"{get_column_letter(c + 1)}{r + 1}", formula)
    workbook.close()
    return found


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """Field -> column index from the header words; the name defaults to the first free column."""
    mapping: dict[str, int | None] = dict.fromkeys(FIELDS)
    for column, title in enumerate(header):
        folded = title.strip().casefold()
        for name in FIELDS:
            if mapping[name] is None and folded in _HEADER_WORDS[name]:
                mapping[name] = column
                break
    if mapping["name"] is None:
        used = {c for c in mapping.values() if c is not None}
        mapping["name"] = next((c for c in range(len(header)) if c not in used), None)
    return mapping


def plan_import(
    table: Table, mapping: dict[str, int | None], existing: Sequence[Alliance] = ()
) -> ImportPlan:
    """Map and check every row; nothing is written."""
    if mapping.get("name") is None:
        raise UserError("请指定哪一列是联盟名称。", "Choose the column that holds the name.")

    def take(row: list[str], name: str) -> str:
        column = mapping.get(name)
        return row[column] if column is not None and column < len(row) else ""

    formula_problems = _formula_problems(table, mapping)
    formula_rows = {p.row for p in formula_problems}
    entries = [
        RosterEntry(
            table.header_row + 1 + i, take(row, "name"), take(row, "batch"), take(row, "contact")
        )
        for i, row in enumerate(table.rows)
        # a wholly empty line is no row at all, unless a formula there was never calculated
        if any(row) or table.header_row + 1 + i in formula_rows
    ]
    unread = {(p.row, p.kind) for p in formula_problems}
    problems = [
        p
        for p in check_roster(entries, existing)
        # an uncalculated name is reported as such, not as a blank name
        if not (p.kind == "blank" and (p.row, "formula_name") in unread)
    ]
    problems += [replace(p, kind="formula") for p in formula_problems]
    problems.sort(key=lambda p: p.row)
    return ImportPlan(entries, problems, dict(mapping))


def _formula_problems(table: Table, mapping: dict[str, int | None]) -> list[RosterProblem]:
    """Mapped cells holding a formula that was never calculated: their value is unknown."""
    problems = []
    for (row, column), (ref, formula) in sorted(table.uncalculated.items()):
        if row <= table.header_row:
            continue
        for name in FIELDS:
            if mapping.get(name) != column:
                continue
            shown = formula if len(formula) <= 40 else formula[:39] + "…"
            problems.append(
                RosterProblem(
                    row,
                    f"formula_{name}",
                    f"单元格 {ref} 是从未计算过的公式（{shown}），读不到{FIELD_LABELS[name]}；"
                    "请在 Excel 中打开并保存该文件，或把公式改为文字。",
                    f"Cell {ref} holds a formula that was never calculated ({shown}), so its "
                    f"{name} cannot be read; open and save the file in Excel, or type the text.",
                )
            )
    return problems


def plan_rows(plan: ImportPlan) -> list[tuple[str, str | None, str]]:
    """The accepted rows as (name, batch, contact), ready to be stored."""
    return [(clean_name(e.name), parse_batch(e.batch), e.contact.strip()) for e in plan.accepted()]


def read_roster_for_new_round(path: Path | str) -> list[Alliance]:
    """``new-round --roster``: any blocking problem refuses the whole file."""
    table = read_table(path)
    plan = plan_import(table, guess_mapping(table.header))
    blocking = [p for p in plan.problems if p.blocking]
    if blocking:
        shown = blocking[:3]  # the first few; the window's preview lists them all
        zh = "；".join(f"第 {p.row} 行：{p.zh.rstrip('。')}" for p in shown) + "。"
        en = "; ".join(f"row {p.row}: {p.en.rstrip('.')}" for p in shown) + "."
        if len(blocking) > len(shown):
            zh += f"另有 {len(blocking) - len(shown)} 处问题。"
            en += f" {len(blocking) - len(shown)} more problem(s)."
        raise UserError(f"名单文件「{Path(path).name}」{zh}", f"{Path(path).name}, {en}")
    import uuid

    return [
        Alliance(str(uuid.uuid4()), name, pos, batch, contact)
        for pos, (name, batch, contact) in enumerate(plan_rows(plan))
    ]


def export_roster(alliances: Sequence[Alliance], path: Path | str) -> Path:
    """The roster as a workbook that ``read_table`` reads back (names always as text)."""
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "联盟名单"
    for column, title in enumerate(("序号", "联盟名称", "批次", "联系人"), start=1):
        cell = sheet.cell(1, column)
        put_text(cell, title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for row, alliance in enumerate(alliances, start=2):
        sheet.cell(row, 1, row - 1)
        put_text(sheet.cell(row, 2), alliance.name)
        put_text(sheet.cell(row, 3), alliance.batch or BATCH_UNKNOWN)
        put_text(sheet.cell(row, 4), alliance.contact)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 56
    sheet.column_dimensions["C"].width = 10
    sheet.column_dimensions["D"].width = 24
    sheet.freeze_panes = "A2"
    save_workbook(workbook, path)
    return path
