"""roster ROUND list|add|rename|withdraw|reinstate|remove, batches ROUND ..., history ROUND:
the register of pilots across years from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_review.cli import language, print_json, say


def _status_words(status: str) -> tuple[str, str]:
    from alliance_review.core.register import STATUSES

    return STATUSES[status]


def cmd_roster(args: argparse.Namespace) -> int:
    from alliance_review.services import register, roster
    from alliance_review.storage.round_store import RoundStore

    if args.action == "list":  # only read: the file is never written
        with RoundStore.open_readonly(args.round) as store:
            return _list(store, args.all)
    with RoundStore.open(args.round) as store:
        if args.action == "add":
            added = roster.add_alliance(
                store, args.name, args.batch or "", args.contact or "", short_name=args.short or ""
            )
            say(
                f"已添加联盟：{added.name}（{added.batch or '批次不详'}）",
                f"Alliance added: {added.name} ({added.batch or 'batch unknown'})",
            )
            if added.name != args.name.strip():
                say(
                    f"名称按统一写法保存为「{added.name}」。",
                    f"The name is stored as {added.name!r}.",
                )
            return 0
        entry = register.find_entry(store, args.name)
        name = entry.alliance.name
        if args.action == "rename":
            register.rename(store, entry.alliance.uid, args.new_name)
            now = store.register_entry(entry.alliance.uid)
            assert now is not None
            say(
                f"已更名：「{name}」→「{now.alliance.name}」（原名仍可找到该联盟，往年结果保留）",
                f"Renamed: {name} -> {now.alliance.name} (the old name still finds it; its "
                "history is kept)",
            )
        elif args.action == "withdraw":
            status = "suspended" if args.suspend else "withdrawn"
            change = register.withdraw(store, entry.alliance.uid, args.reason or "", args.year,
                                       status)  # fmt: skip
            now = store.register_entry(entry.alliance.uid)
            assert now is not None and now.status is not None
            zh, en = _status_words(status)
            say(
                f"已登记{zh}：{name}（{now.status.since} 年起"
                + (f"，{now.status.reason}" if now.status.reason else "")
                + "）",
                f"Marked {en}: {name} (from {now.status.since}"
                + (f", {now.status.reason}" if now.status.reason else "")
                + ")",
            )
            if change.not_taking_part is not None:
                say(
                    f"其“未参评”标记（{change.not_taking_part[0]}）已取消：退出的联盟不再计入试点联盟。",
                    f"Its mark as not taking part ({change.not_taking_part[0]}) was cleared: a "
                    "withdrawn alliance is no pilot this year.",
                )
        elif args.action == "reinstate":
            if entry.status is None:
                say(f"「{name}」本年度已是试点联盟。", f"{name} is a pilot this year already.")
                return 0
            register.set_status(store, entry.alliance.uid, None)
            say(f"已恢复为试点联盟：{name}", f"A pilot again: {name}")
        else:
            register.remove(store, entry.alliance.uid)
            say(f"已从名单中删除：{name}", f"Removed from the roster: {name}")
    return 0


def _list(store, everyone: bool) -> int:  # type: ignore[no-untyped-def]
    entries = store.register()
    absent = store.non_participants()
    shown = entries if everyone else [e for e in entries if e.active]
    for number, e in enumerate(shown, start=1):
        a = e.alliance
        if e.status is not None:
            zh, en = _status_words(e.status.status)
            state_zh = f"{zh}（{e.status.since}）" + (
                f" {e.status.reason}" if e.status.reason else ""
            )
            state_en = f"{en} ({e.status.since})" + (
                f" {e.status.reason}" if e.status.reason else ""
            )
        elif a.uid in absent:
            state_zh, state_en = (
                f"未参评：{absent[a.uid][0]}",
                f"not taking part: {absent[a.uid][0]}",
            )
        else:
            state_zh, state_en = "参评", "takes part"
        former_zh = "；".join(f"{f.name}（{f.renamed_in}年更名）" for f in e.former_names)
        former_en = "; ".join(f"{f.name} (renamed {f.renamed_in})" for f in e.former_names)
        say(
            f"{number:>4}  {a.name}  {a.batch or '批次不详'}  {state_zh}"
            + (f"  简称：{a.short_name}" if a.short_name else "")
            + (f"  曾用名：{former_zh}" if former_zh else ""),
            f"{number:>4}  {a.name}  {a.batch or 'batch unknown'}  {state_en}"
            + (f"  short name: {a.short_name}" if a.short_name else "")
            + (f"  formerly: {former_en}" if former_en else ""),
        )
    pilots = sum(1 for e in entries if e.active)
    say(
        f"试点联盟 {pilots} 家（其中未参评 {len(absent)} 家），"
        f"退出或暂停 {len(entries) - pilots} 家。",
        f"{pilots} pilot alliances ({len(absent)} not taking part); {len(entries) - pilots} "
        "withdrawn or suspended.",
    )
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from alliance_review.core.register import Batch
    from alliance_review.services import register
    from alliance_review.storage.round_store import RoundStore

    # listing only reads: the file is never written
    opening = RoundStore.open_readonly if args.action == "list" else RoundStore.open
    with opening(args.round) as store:
        if args.action == "add":
            added = register.add_batch(store, args.name, args.year, args.position)
            say(f"已添加批次：{added.name}", f"Batch added: {added.name}")
        elif args.action == "edit":
            before = next((b for b in store.batches() if b.name == args.name.strip()), None)
            if before is None:
                from alliance_review.core.errors import UserError

                raise UserError(f"没有批次「{args.name}」。", f"There is no batch {args.name!r}.")
            wanted = Batch(
                args.new_name or before.name,
                before.position if args.position is None else args.position,
                before.designated if args.year is None else args.year,
            )
            register.edit_batch(store, before.name, wanted)
            say(f"已修改批次：{before.name}", f"Batch changed: {before.name}")
        elif args.action == "remove":
            register.remove_batch(store, args.name.strip())
            say(f"已删除批次：{args.name.strip()}", f"Batch removed: {args.name.strip()}")
        pilots = store.register()
        for batch in store.batches():
            members = sum(1 for e in pilots if e.alliance.batch == batch.name)
            year_zh = f"{batch.designated} 年" if batch.designated else "年度不详"
            year_en = str(batch.designated) if batch.designated else "year unknown"
            say(
                f"{batch.position + 1:>3}  {batch.name}  {year_zh}  {members} 家",
                f"{batch.position + 1:>3}  {batch.name}  {year_en}  {members} alliance(s)",
            )
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from alliance_review.services import history, register
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open_readonly(args.round) as store:  # only read: the file is never written
        if args.alliance:
            entry = register.find_entry(store, args.alliance)
            years = history.alliance_years(store, entry.alliance.uid)
            this_year = store.settings().year
            if args.json:
                print_json([_record(y) for y in years])
                return 0
            say(f"{entry.alliance.name}：", f"{entry.alliance.name}:")
            for y in years:
                say(*_year_line(y, y.year == this_year))
            return 0
        rounds = store.history_rounds()
        figures = history.year_over_year_of(store)
        rows = store.history()
        if args.json:
            print_json(
                {"years": [{"year": r.year, "title": r.title, "round": r.round_uid,
                            "results": [_record(y) for y in rows if y.year == r.year]}
                           for r in rounds],
                 "year_over_year": None if figures.previous_year is None else {
                     "previous_year": figures.previous_year,
                     "full_marks_twice": list(figures.full_marks_twice),
                     "tier_moves": {"up": figures.up, "down": figures.down,
                                    "unchanged": figures.unchanged},
                     "new_pilots": list(figures.new_pilots),
                     "withdrawn_since": list(figures.withdrawn_since)}})  # fmt: skip
            return 0
        if not rounds:
            say(
                "本轮次没有往年结果（新建时未从上一年度的轮次继承）。",
                "This round carries no earlier results (it was not made from last year's round).",
            )
            return 0
        for r in rounds:
            mine = [y for y in rows if y.year == r.year]
            ranked = sum(1 for y in mine if y.status == "ranked")
            say(
                f"{r.year} 年  {r.title}：名单 {len(mine)} 家，参评 {ranked} 家",
                f"{r.year}  {r.title}: {len(mine)} on the register, {ranked} ranked",
            )
        if figures.previous_year is not None:
            say(
                f"与 {figures.previous_year} 年相比：档次上升 {figures.up} 家、"
                f"下降 {figures.down} 家、不变 {figures.unchanged} 家；"
                f"新增试点联盟 {len(figures.new_pilots)} 家；"
                f"退出或暂停 {len(figures.withdrawn_since)} 家；"
                f"连续两年满分 {len(figures.full_marks_twice)} 家。",
                f"Against {figures.previous_year}: {figures.up} up a tier, {figures.down} down, "
                f"{figures.unchanged} unchanged; {len(figures.new_pilots)} new pilot(s); "
                f"{len(figures.withdrawn_since)} withdrawn or suspended; "
                f"{len(figures.full_marks_twice)} with full marks two years running.",
            )
    return 0


def _record(y) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from alliance_review.core.points import exact_text

    return {
        "year": y.year,
        "name": y.name,
        "batch": y.batch,
        "status": y.status,
        "reason": y.reason,
        "total": None if y.total is None else exact_text(y.total),
        "printed": None if y.printed is None else str(y.printed),
        "tier": y.tier,
        "rank": y.rank,
    }


def _year_line(y, current: bool) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from alliance_review.core.register import RESULT_STATUSES

    zh, en = RESULT_STATUSES[y.status]
    mark_zh, mark_en = ("（本轮）", " (this round)") if current else ("", "")
    if y.status == "ranked":
        return (
            f"  {y.year}{mark_zh}  {y.printed} 分  {y.tier}  第 {y.rank} 名  {y.name}",
            f"  {y.year}{mark_en}  {y.printed} points  {y.tier}  rank {y.rank}  {y.name}",
        )
    why = f"（{y.reason}）" if y.reason else ""
    return (
        f"  {y.year}{mark_zh}  {zh}{why}  {y.name}",
        f"  {y.year}{mark_en}  {en}" + (f" ({y.reason})" if y.reason else "") + f"  {y.name}",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roster = sub.add_parser(
        "roster", help="the register of pilots: list, add, rename, withdraw… / 联盟名单"
    )
    roster.add_argument("round", type=Path)
    actions = roster.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="this year's pilots (--all: withdrawn too)")
    listing.add_argument("--all", action="store_true", help="withdrawn and suspended too")
    add = actions.add_parser("add", help="add an alliance")
    add.add_argument("name")
    add.add_argument("--batch", help="its pilot batch (one of the round's batches)")
    add.add_argument("--contact")
    add.add_argument("--short", help="its short name (联盟简称), e.g. TD联盟")
    rename = actions.add_parser("rename", help="rename (identity and history kept)")
    rename.add_argument("name")
    rename.add_argument("new_name")
    withdraw = actions.add_parser("withdraw", help="withdrawn (退出) this year, with a reason")
    withdraw.add_argument("name")
    withdraw.add_argument("--reason", help="why (e.g. 主动申请退出, 撤销试点)")
    withdraw.add_argument("--year", type=int, help="since which year (default: the round's)")
    withdraw.add_argument("--suspend", action="store_true", help="suspended (暂停), not withdrawn")
    reinstate = actions.add_parser("reinstate", help="a pilot again this year")
    reinstate.add_argument("name")
    remove = actions.add_parser(
        "remove", help="remove one entered by mistake (nothing refers to it)"
    )
    remove.add_argument("name")
    roster.set_defaults(func=cmd_roster)

    batches = sub.add_parser("batches", help="the pilot batches: list, add, edit, remove / 批次")
    batches.add_argument("round", type=Path)
    batch_actions = batches.add_subparsers(dest="action", metavar="ACTION", required=True)
    batch_actions.add_parser("list", help="the round's batches in order")
    badd = batch_actions.add_parser("add", help="add a batch (e.g. 第四批)")
    badd.add_argument("name")
    badd.add_argument("--year", type=int, help="the year it was designated")
    badd.add_argument("--position", type=int, help="its place among the batches (0 first)")
    bedit = batch_actions.add_parser("edit", help="rename, re-date or move a batch")
    bedit.add_argument("name")
    bedit.add_argument("--name", dest="new_name", help="the new name (its alliances follow)")
    bedit.add_argument("--year", type=int, help="the year it was designated")
    bedit.add_argument("--position", type=int, help="its place among the batches (0 first)")
    bremove = batch_actions.add_parser("remove", help="remove a batch no alliance belongs to")
    bremove.add_argument("name")
    batches.set_defaults(func=cmd_batches)

    history = sub.add_parser("history", help="earlier years' results / 往年评价结果")
    history.add_argument("round", type=Path)
    history.add_argument("alliance", nargs="?", help="one alliance's years")
    history.add_argument("--json", action="store_true")
    history.set_defaults(func=cmd_history)


__all__ = ["register", "language"]
