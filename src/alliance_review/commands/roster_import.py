"""roster-import ROUND FILE [--update] [--dry-run]: a list into the round's register, and
the preview lines ``new-round --dry-run`` shares."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_review.cli import language, say
from alliance_review.commands.options import SHEET

if TYPE_CHECKING:
    from alliance_review.core.roster_update import Comparison
    from alliance_review.services.roster_plan import ImportPlan


def _english() -> bool:
    return language() == "en"


def print_plan(plan: ImportPlan, include_hidden: bool = False) -> None:
    """Every row as it will be stored, then a summary that counts the remarks too."""
    if plan.sheet and len(plan.sheets) > 1:
        say(f"工作表：{plan.sheet}", f"Sheet: {plan.sheet}")
    for line in plan.describe(_english()):
        print(line)
    accepted = len(plan.accepted(include_hidden))
    refused = len(plan.blocked_rows())
    warned = len(plan.warned_rows())
    hidden = len(plan.hidden())
    say(
        f"预览：{accepted} 行可导入，{refused} 行有问题不能导入，{warned} 行有提示（请核对）"
        + (
            f"，{hidden} 行在表格中被隐藏或筛选掉"
            + ("（已包括）" if include_hidden else "（未包括；--include-hidden 可包括）")
            if hidden
            else ""
        )
        + "；未写入任何内容。",
        f"Preview: {accepted} row(s) can be imported, {refused} cannot (a problem), {warned} "
        "have a remark to check"
        + (
            f", {hidden} hidden or filtered out in the sheet"
            + (" (included)" if include_hidden else " (left out; --include-hidden includes them)")
            if hidden
            else ""
        )
        + "; nothing written.",
    )


def print_comparison(comparison: Comparison, update: bool) -> None:
    """The four groups, one line per alliance that changes."""
    c = comparison
    say(
        f"不变 {len(c.unchanged)} 家；有变动 {len(c.changed)} 家；新增 {len(c.new)} 家；"
        f"名单中没有的试点联盟 {len(c.missing)} 家；备注为退出或暂停的 {len(c.withdrawing)} 家。",
        f"{len(c.unchanged)} unchanged; {len(c.changed)} changed; {len(c.new)} new; "
        f"{len(c.missing)} pilot(s) not on the list; {len(c.withdrawing)} marked withdrawn or "
        "suspended in the remarks.",
    )
    words = {"name": ("名称", "name"), "batch": ("批次", "batch"), "contact": ("联系人", "contact"),
             "short_name": ("简称", "short name")}  # fmt: skip
    for change in c.changed:
        parts_zh, parts_en = [], []
        for name in change.fields:
            if name == "status":
                parts_zh.append("恢复为试点联盟")
                parts_en.append("a pilot again")
                continue
            old, new = getattr(change.before, name) or "—", getattr(change.after, name) or "—"
            parts_zh.append(f"{words[name][0]}：{old} → {new}")
            parts_en.append(f"{words[name][1]}: {old} -> {new}")
        say(
            f"  变动  第 {change.row} 行  {change.before.name}  " + "；".join(parts_zh),
            f"  changed  row {change.row}  {change.before.name}  " + "; ".join(parts_en),
        )
    for item in c.new:
        say(
            f"  新增  第 {item.row} 行  {item.name}  {item.batch or '批次不详'}",
            f"  new  row {item.row}  {item.name}  {item.batch or 'batch unknown'}",
        )
    for entry in c.missing if update else ():  # an import that adds withdraws nobody
        say(
            f"  名单中没有  {entry.alliance.name}  → 将登记为本年度退出",
            f"  not on the list  {entry.alliance.name}  -> marked withdrawn this year",
        )
    if c.missing and not update:
        say(
            f"  名单中没有的 {len(c.missing)} 家不变（--update 时登记为本年度退出）。",
            f"  The {len(c.missing)} not on the list stay as they are (--update withdraws them).",
        )
    for item, matched in c.withdrawing:
        say(
            f"  备注「{item.remark}」  第 {item.row} 行  {item.name}"
            + ("" if matched else "  （新增为已退出）"),
            f"  remark {item.remark!r}  row {item.row}  {item.name}"
            + ("" if matched else "  (added as withdrawn)"),
        )
    for row, first in c.repeated:
        say(
            f"  第 {row} 行与第 {first} 行是同一联盟，只取第 {first} 行。",
            f"  Row {row} names the alliance of row {first}; row {first} is taken.",
        )


def cmd_roster_import(args: argparse.Namespace) -> int:
    from alliance_review.services import roster_io, roster_update
    from alliance_review.storage.round_store import RoundStore

    path = Path(args.file)
    with RoundStore.open(args.round) as store:
        plan = roster_io.roster_plan(path, _sheet(args.sheet), store.batch_names())
        comparison = roster_update.compare_plan(store, plan, args.include_hidden)
        if args.dry_run:
            print_plan(plan, args.include_hidden)
            print_comparison(comparison, args.update)
            return 0
        if not args.skip_bad:
            roster_io.refuse_blocked(path, plan)
        choices = roster_update.Choices() if args.update else roster_update.ADD_ONLY
        done = roster_update.apply(store, plan, comparison, choices, args.include_hidden)
    print_comparison(comparison, args.update)
    n = done.counts
    say(
        f"已从「{path.name}」导入：新增 {n['added']} 家，更新 {n['changed']} 家，"
        f"登记退出 {n['withdrawn']} 家，恢复 {n['reinstated']} 家，新增批次 {n['batches']} 个。",
        f"Imported from {path.name}: {n['added']} added, {n['changed']} updated, "
        f"{n['withdrawn']} withdrawn, {n['reinstated']} reinstated, {n['batches']} new batch(es).",
    )
    if comparison.changed and not args.update:
        say(
            f"有变动的 {len(comparison.changed)} 家未更新；用 --update 按名单更新。",
            f"The {len(comparison.changed)} changed alliance(s) were not updated; --update "
            "applies the list's changes.",
            err=True,
        )
    skipped = sorted(plan.blocked_rows())
    if skipped:
        say(
            f"有问题未导入的行：{'、'.join(str(r) for r in skipped)}（--dry-run 可看原因）。",
            f"Rows left out because of a problem: {', '.join(map(str, skipped))} (--dry-run "
            "says why).",
            err=True,
        )
    return 0


def _sheet(text: str | None) -> str | int | None:
    """--sheet NAME or --sheet N (from 1)."""
    if text is None:
        return None
    return int(text) if text.strip().isdigit() else text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roster_import = sub.add_parser(
        "roster-import",
        help="a list into the register: add, or --update / 导入联盟名单",
        parents=[SHEET],
    )
    roster_import.add_argument("round", type=Path)
    roster_import.add_argument("file", type=Path)
    roster_import.add_argument(
        "--update",
        action="store_true",
        help="this year's full list: apply changes and mark pilots not on it withdrawn",
    )
    roster_import.add_argument("--dry-run", action="store_true", help="only show the preview")
    roster_import.set_defaults(func=cmd_roster_import)
