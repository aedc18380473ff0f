"""Roster files: import from Excel or CSV with a column mapping and a problem report,
export back to Excel.

An import is steps, so the window can show a preview: ``read_table`` reads the rows,
``plan_import`` (``services.roster_plan``) maps the columns and reads every row as it
will be stored; ``services.roster_update`` compares the rows with the round's register
and applies the chosen groups in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alliance_review.core import name_rules
from alliance_review.core.errors import UserError
from alliance_review.core.roster import BATCH_UNKNOWN, BATCHES, Alliance
from alliance_review.services import table_import
from alliance_review.services.roster_plan import FIELD_LABELS, FIELDS, ImportPlan, plan_import
from alliance_review.services.table_import import Table

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": (
        "联盟名称", "试点联盟名称", "联盟全称", "单位名称", "名称", "联盟", "全称", "试点联盟",
        "name", "alliance", "alliance name",
    ),
    "batch": ("批次", "试点批次", "所属批次", "批准批次", "batch", "pilot batch"),
    "contact": ("联系人", "联系方式", "秘书长", "秘书处联系人", "contact", "contact person"),
    "phone": ("电话", "联系电话", "手机", "phone", "telephone", "tel"),
    "short_name": ("联盟简称", "简称", "short name"),
    "remark": ("备注", "说明", "状态", "remarks", "remark", "note", "status"),
    "seq": ("序号", "编号", "no", "no.", "#", "number"),
}  # fmt: skip
NAME_CHARS = name_rules.ALLIANCE_NAME_CHARS

__all__ = [
    "Table", "ImportPlan", "read_table", "guess_mapping", "plan_import", "plan_rows",
    "FIELDS", "FIELD_LABELS",
]  # fmt: skip


def read_table(path: Path | str, sheet: str | int | None = None) -> Table:
    """The roster's table: .xlsx/.xlsm/.xls/.ods or CSV (UTF-8, UTF-16, GBK), its header
    found below any title rows on whichever sheet has it (or on ``sheet``: a name, or a
    number from 1), merged cells filled in."""
    return table_import.read_table(path, HEADER_WORDS, "name", ("联盟名单", "roster"), sheet=sheet)


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """Field -> column index from the header words (None: no such column)."""
    table = Table(Path(), list(header), [])
    mapping = table_import.guess(table, HEADER_WORDS)
    return {name: mapping[name] for name in FIELDS}


def plan_rows(plan: ImportPlan) -> list[tuple[str, str | None, str]]:
    """The accepted rows (hidden ones left out) as (name, batch, contact) as stored."""
    return [(a.name, a.batch, a.contact) for a in plan.listed()]


CLI_HINT = (
    "可用 --skip-bad 只导入没有问题的行。",
    "--skip-bad imports the rows without a problem.",
)
WINDOW_HINT = (
    "勾选“不导入有问题的行”可只导入其余各行。",
    "Tick “Leave out the rows of the list that have a problem” to take the others.",
)


def refuse_blocked(path: Path, plan: ImportPlan, hint: tuple[str, str] = CLI_HINT) -> None:
    """The command line's rule: a file with a blocked row is refused, naming the first
    problems with their rows (``--dry-run`` and the window's preview list all;
    ``--skip-bad`` imports the good rows and lists the others)."""
    blocking = [p for p in plan.problems if p.blocking]
    if not blocking:
        return
    shown = blocking[:3]
    zh = "；".join(f"第 {p.row} 行：{p.zh.rstrip('。')}" for p in shown) + "。"
    en = "; ".join(f"row {p.row}: {p.en.rstrip('.')}" for p in shown) + "."
    if len(blocking) > len(shown):
        zh += f"另有 {len(blocking) - len(shown)} 处问题；--dry-run 可列出全部。"
        en += f" {len(blocking) - len(shown)} more problem(s); --dry-run lists them all."
    raise UserError(
        f"未导入任何内容。名单文件「{path.name}」{zh}{hint[0]}",
        f"Nothing imported. {path.name}, {en} {hint[1]}",
    )


def roster_plan(
    path: Path | str, sheet: str | int | None = None, batches: Sequence[str] = BATCHES
) -> ImportPlan:
    """The plan of a roster file against a round's ``batches``."""
    table = read_table(path, sheet)
    return plan_import(table, guess_mapping(table.header), batches=batches)


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
        for column, title in enumerate(("序号", "联盟名称", "批次", "联系人", "联盟简称")):
            styles.text(sheet, 0, column, title, head)
        for row, alliance in enumerate(alliances, start=1):
            sheet.write_number(row, 0, row)
            styles.text(sheet, row, 1, alliance.name)
            styles.text(sheet, row, 2, alliance.batch or BATCH_UNKNOWN)
            styles.text(sheet, row, 3, alliance.contact)
            styles.text(sheet, row, 4, alliance.short_name)
        for column, width in enumerate((6, 56, 10, 24, 16)):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
    return path
