"""Roster files: import from Excel or CSV with a column mapping and a problem report,
export back to Excel.

An import is two steps, so the window can show a preview: ``read_table`` reads the
rows, ``plan_import`` maps the columns and checks every row against the roster; only
``apply_import`` writes, in one transaction, the rows without a blocking problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.roster import BATCH_UNKNOWN, Alliance
from alliance_review.core.roster_checks import (
    RosterEntry,
    RosterProblem,
    UnknownBatch,
    check_roster,
    clean_name,
    parse_batch,
)
from alliance_review.services import table_import
from alliance_review.services.table_import import Note, Table, cell, data_rows, unusable
from alliance_review.tabular.text import normal_name

FIELDS = ("name", "batch", "contact", "phone")
FIELD_LABELS = {"name": "联盟名称", "batch": "批次", "contact": "联系人", "phone": "电话"}
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("联盟名称", "名称", "联盟", "联盟全称", "全称", "name", "alliance", "alliance name"),
    "batch": ("批次", "试点批次", "所属批次", "batch", "pilot batch"),
    "contact": ("联系人", "联系方式", "秘书长", "秘书处联系人", "contact", "contact person"),
    "phone": ("电话", "联系电话", "手机", "phone", "telephone", "tel"),
    "seq": ("序号", "编号", "no", "no.", "#", "number"),
}
NAME_CHARS = 200

__all__ = ["Table", "ImportPlan", "read_table", "guess_mapping", "plan_import", "plan_rows"]


@dataclass
class ImportPlan:
    entries: list[RosterEntry]
    problems: list[RosterProblem]
    mapping: dict[str, int | None] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # skipped rows, a total that disagrees

    def blocked_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.blocking}

    def accepted(self) -> list[RosterEntry]:
        blocked = self.blocked_rows()
        return [e for e in self.entries if e.row not in blocked]

    def describe(self, english: bool = False) -> list[str]:
        """The preview as lines: every row with its problems, then the skipped rows."""
        by_row: dict[int, list[RosterProblem]] = {}
        for p in self.problems:
            by_row.setdefault(p.row, []).append(p)
        lines = []
        for e in self.entries:
            found = by_row.get(e.row, [])
            mark = "✗" if any(p.blocking for p in found) else ("!" if found else " ")
            batch = e.batch or ("(batch unknown)" if english else "（批次不详）")
            text = "  ".join(p.en if english else p.zh for p in found)
            lines.append(f"{mark} {e.row:>5}  {e.name}  {batch}  {e.contact}  {text}".rstrip())
        for n in self.notes:
            lines.append(f"· {n.row:>5}  {n.en if english else n.zh}")
        return lines


def read_table(path: Path | str) -> Table:
    """The roster's table: .xlsx/.xlsm/.xls/.ods or CSV (UTF-8, UTF-16, GBK), its header
    found below any title rows, merged cells filled in."""
    return table_import.read_table(path, HEADER_WORDS, "name", ("联盟名单", "roster"))


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """Field -> column index from the header words (None: no such column)."""
    table = Table(Path(), list(header), [])
    mapping = table_import.guess(table, HEADER_WORDS)
    return {name: mapping[name] for name in FIELDS}


def plan_import(
    table: Table, mapping: dict[str, int | None], existing: Sequence[Alliance] = ()
) -> ImportPlan:
    """Map and check every row; nothing is written."""
    name_column = mapping.get("name")
    if name_column is None:
        raise UserError("请指定哪一列是联盟名称。", "Choose the column that holds the name.")
    table_import.refuse_numbers_as_names(table, name_column, ("联盟名称", "alliance names"))
    used = [c for c in mapping.values() if c is not None]
    notes: list[Note] = []
    entries: list[RosterEntry] = []
    cell_problems: list[RosterProblem] = []
    for number, row in data_rows(table, used, notes):
        texts = {}
        for name in FIELDS:
            column = mapping.get(name)
            raw = cell(row, column)
            problem = unusable(raw, number, column, NAME_CHARS if name == "name" else 2000)
            if problem is not None:
                cell_problems.append(RosterProblem(number, "unusable", *problem))
            texts[name] = raw
        contact = " ".join(t for t in (texts["contact"].strip(), texts["phone"].strip()) if t)
        entries.append(RosterEntry(number, normal_name(texts["name"]), texts["batch"], contact))
    formula_problems = _formula_problems(table, mapping)
    unread = {(p.row, p.kind) for p in formula_problems}
    # the roster's names as this file's are normalised: "(BIM)" on the roster is "（BIM）" here
    compared = [replace(a, name=normal_name(a.name)) for a in existing]
    problems = [
        p
        for p in check_roster(entries, compared)
        # an uncalculated name is reported as such, not as a blank name
        if not (p.kind == "blank" and (p.row, "formula_name") in unread)
    ]
    problems += [RosterProblem(p.row, "formula", p.zh, p.en) for p in formula_problems]
    problems += cell_problems
    problems += _changed_names(table, mapping, entries)
    problems += _missing_batches(entries, mapping)
    problems.sort(key=lambda p: p.row)
    return ImportPlan(entries, problems, {n: mapping.get(n) for n in FIELDS}, notes)


def _changed_names(
    table: Table, mapping: dict[str, int | None], entries: list[RosterEntry]
) -> list[RosterProblem]:
    """Names stored differently from how the file writes them (brackets, full-width
    letters, invisible characters), so the secretary sees every change before it is made."""
    column = mapping.get("name")
    found = []
    for entry in entries:
        raw = cell(table.rows[entry.row - table.header_row - 1], column)
        if clean_name(raw) != entry.name and entry.name:
            found.append(
                RosterProblem(
                    entry.row,
                    "normalised",
                    f"名称按统一写法保存为「{entry.name}」（原为「{clean_name(raw)}」）。",
                    f"The name is stored as {entry.name!r} (written {clean_name(raw)!r}).",
                    blocking=False,
                )
            )
    return found


def _missing_batches(
    entries: list[RosterEntry], mapping: dict[str, int | None]
) -> list[RosterProblem]:
    """A blank batch in a list that gives batches elsewhere is said, not silently unknown."""
    if mapping.get("batch") is None or not any(e.batch.strip() for e in entries):
        return []
    return [
        RosterProblem(
            e.row,
            "no_batch",
            f"批次为空，将记为「{BATCH_UNKNOWN}」。",
            f"No batch given; it will count as {BATCH_UNKNOWN} (batch unknown).",
            blocking=False,
        )
        for e in entries
        if e.name and not e.batch.strip()
    ]


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
    rows = []
    for e in plan.accepted():
        try:
            batch = parse_batch(e.batch)
        except UnknownBatch:  # pragma: no cover - such rows are blocked
            continue
        rows.append((clean_name(e.name), batch, e.contact.strip()))
    return rows


def refuse_blocked(path: Path, plan: ImportPlan) -> None:
    """The command line's rule: a file with a blocked row is refused whole, naming the
    first problems with their rows (``--dry-run`` and the window's preview list all)."""
    blocking = [p for p in plan.problems if p.blocking]
    if not blocking:
        return
    shown = blocking[:3]
    zh = "；".join(f"第 {p.row} 行：{p.zh.rstrip('。')}" for p in shown) + "。"
    en = "; ".join(f"row {p.row}: {p.en.rstrip('.')}" for p in shown) + "."
    if len(blocking) > len(shown):
        zh += f"另有 {len(blocking) - len(shown)} 处问题；--dry-run 可列出全部。"
        en += f" {len(blocking) - len(shown)} more problem(s); --dry-run lists them all."
    raise UserError(f"名单文件「{path.name}」{zh}", f"{path.name}, {en}")


def roster_plan(path: Path | str) -> ImportPlan:
    """The plan of a roster file for a new round (no roster yet)."""
    table = read_table(path)
    return plan_import(table, guess_mapping(table.header))


def read_roster_for_new_round(path: Path | str) -> list[Alliance]:
    """``new-round --roster``: any blocking problem refuses the whole file."""
    plan = roster_plan(path)
    refuse_blocked(Path(path), plan)
    import uuid

    return [
        Alliance(str(uuid.uuid4()), name, pos, batch, contact)
        for pos, (name, batch, contact) in enumerate(plan_rows(plan))
    ]


def export_roster(
    alliances: Sequence[Alliance], path: Path | str, inputs: Sequence[Path | str] = ()
) -> Path:
    """The roster as a workbook that ``read_table`` reads back (names always as text);
    never written over one of ``inputs`` (the round)."""
    path = Path(path)
    from alliance_review.services.xlsx_out import Styles, writing  # xlsxwriter: when written

    with writing(path, inputs=inputs) as book:
        styles = Styles(book)
        sheet = book.add_worksheet("联盟名单")
        head = styles.get(bold=True, bg_color="#DDE4EE")
        for column, title in enumerate(("序号", "联盟名称", "批次", "联系人")):
            styles.text(sheet, 0, column, title, head)
        for row, alliance in enumerate(alliances, start=1):
            sheet.write_number(row, 0, row)
            styles.text(sheet, row, 1, alliance.name)
            styles.text(sheet, row, 2, alliance.batch or BATCH_UNKNOWN)
            styles.text(sheet, row, 3, alliance.contact)
        for column, width in enumerate((6, 56, 10, 24)):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
    return path
