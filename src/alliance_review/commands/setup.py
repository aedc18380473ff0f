"""Setting up a round: new-round, assign, roster/rubric export, self-evaluation workbooks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alliance_review.cli import language, say, unescaped
from alliance_review.commands.options import FORCE, SHEET


def _progress(zh: str, en: str):  # type: ignore[no-untyped-def]
    label = en if language() == "en" else zh

    def report(done: int, total: int) -> bool:
        if sys.stderr.isatty():  # the line rewritten in place: our own carriage return
            print(f"\r{label} {done}/{total}", end="", file=unescaped(sys.stderr), flush=True)
        return True

    return report


def cmd_new_round(args: argparse.Namespace) -> int:
    from alliance_review.commands.roster_import import _sheet, print_comparison, print_plan
    from alliance_review.core.roster import BATCHES
    from alliance_review.core.roster_checks import near_duplicates
    from alliance_review.services import carry, roster_io
    from alliance_review.services.setup import new_round_from_files
    from alliance_review.storage.round_store import RoundStore

    sheet = _sheet(args.sheet)
    if args.dry_run:
        if args.roster is None and args.from_round is None:
            from alliance_review.core.errors import UserError

            raise UserError(
                "--dry-run 需与 --roster 或 --from 一起使用。",
                "--dry-run needs --roster or --from.",
            )
        last = carry.read_last(args.from_round, args.year) if args.from_round else None
        batches = [b.name for b in last.batches] if last else list(BATCHES)
        plan = roster_io.roster_plan(args.roster, sheet, batches) if args.roster else None
        shown = carry.preview(last, plan, args.include_hidden)
        if plan is not None:
            print_plan(plan, args.include_hidden)
        for zh, en in shown.messages:
            say(zh, en)
        if shown.comparison is not None and last is not None:
            print_comparison(shown.comparison, True)
        return 0

    out = new_round_from_files(
        args.out,
        args.title,
        args.year,
        period=args.period,
        rubric_file=args.rubric,
        roster_file=args.roster,
        from_round=args.from_round,
        sheet=sheet,
        include_hidden=args.include_hidden,
        skip_bad=args.skip_bad,
    )
    with RoundStore.open(out) as store:
        roster = store.alliances()
        register = store.register()
        reviewers = store.reviewers()
        own = sum(len(r.own_alliances) for r in reviewers)
        declared = sum(len(r.declared_conflicts - r.own_alliances) for r in reviewers)
        years = [r.year for r in store.history_rounds()]
    say(
        f"已写入评价轮次：{out}（联盟 {len(roster)} 个"
        + (
            f"，另有退出或暂停 {len(register) - len(roster)} 个"
            if len(register) > len(roster)
            else ""
        )
        + f"，评审专家 {len(reviewers)} 位）",
        f"Round written: {out} ({len(roster)} alliances"
        + (
            f", {len(register) - len(roster)} withdrawn or suspended"
            if len(register) > len(roster)
            else ""
        )
        + f", {len(reviewers)} reviewers)",
    )
    if args.from_round is not None:
        say(
            f"继承自「{args.from_round.name}」：评审专家 {len(reviewers)} 位"
            f"（本人所在联盟 {own} 个、申报回避 {declared} 个）"
            + (f"；往年结果：{'、'.join(map(str, years))} 年" if years else "；往年结果：无")
            + "。不继承："
            + "、".join(zh for zh, _ in carry.NOT_CARRIED)
            + "。",
            f"Carried from {args.from_round.name}: {len(reviewers)} reviewers ({own} own "
            f"alliance(s), {declared} declared conflict(s)); results of "
            + (", ".join(map(str, years)) if years else "no earlier year")
            + ". Not carried: "
            + ", ".join(en for _, en in carry.NOT_CARRIED)
            + ".",
        )
    names = {a.uid: a.name for a in roster}
    for uid, other in near_duplicates(roster).items():
        if names[uid] > other:  # each pair once
            continue
        say(
            f"注意：「{names[uid]}」与「{other}」只差空格、全半角或括号，可能是同一联盟。",
            f"Note: {names[uid]} and {other} differ only in spacing, width or brackets;"
            " they may be the same alliance.",
            err=True,
        )
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    from alliance_review.services.assigning import assignment_summary, auto_assign
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        auto_assign(store, seed=args.seed, per_alliance=args.per_alliance)
        loads, _ = assignment_summary(store)
        names = {r.uid: r.name for r in store.reviewers()}
    values = list(loads.values())
    low, high = min(values), max(values)
    say(
        f"已分配：每位评审专家 {low}–{high} 个联盟（seed {args.seed}）",
        f"Assigned: {low}-{high} alliances per reviewer (seed {args.seed})",
    )
    for uid, load in loads.items():
        print(f"  {names[uid]}: {load}")
    return 0


def cmd_roster_export(args: argparse.Namespace) -> int:
    from alliance_review.services.output import guard
    from alliance_review.services.roster_io import export_roster
    from alliance_review.storage.round_store import RoundStore

    guard(args.out, [args.round])
    with RoundStore.open_readonly(args.round) as store:
        path = export_roster(store.alliances(), args.out, inputs=[args.round])
    say(f"已导出联盟名单：{path}", f"Roster exported: {path}")
    return 0


def cmd_rubric_export(args: argparse.Namespace) -> int:
    from alliance_review.services.setup import export_rubric
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open_readonly(args.round) as store:
        path = export_rubric(store, args.out)
    say(f"已导出评价指标：{path}", f"Rubric exported: {path}")
    return 0


def cmd_selfeval_out(args: argparse.Namespace) -> int:
    from alliance_review.cli import language
    from alliance_review.services.selfeval import write_workbooks
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        paths = write_workbooks(
            store,
            args.outdir,
            progress=_progress("自评价表", "Self-evaluation workbooks"),
            language=language(),
            rotate=args.new_tokens,
        )
    say(
        f"已生成 {len(paths)} 份自评价表：{args.outdir}",
        f"{len(paths)} self-evaluation workbook(s) written: {args.outdir}",
    )
    return 0


def cmd_selfeval_in(args: argparse.Namespace) -> int:
    """Every good workbook is imported (each whole); every bad one is named on stderr with
    its reasons, and the exit code is 1. ``--all-or-nothing``: one bad refuses them all."""
    from alliance_review.services.selfeval import import_checked
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        checked = import_checked(store, args.files, all_or_nothing=args.all_or_nothing)
    for item in checked:
        if item.ok:
            say(
                f"已导入：{item.alliance_name}（{len(item.rows)} 项）← {item.path.name}",
                f"Imported: {item.alliance_name} ({len(item.rows)} items) <- {item.path.name}",
            )
            if item.attachments:
                say(
                    f"  附件清单列出 {len(item.attachments)} 个附件"
                    "（documents ROUND list 显示哪些尚未收到）",
                    f"  Its attachment list names {len(item.attachments)} attachment(s) "
                    "(documents ROUND list shows which have not arrived)",
                )
    refused = [item for item in checked if not item.ok]
    for item in refused:
        say(
            f"未导入：{item.path.name}：{item.reasons('zh')}",
            f"Refused: {item.path.name}: {item.reasons('en')}",
            err=True,
        )
    if refused:
        imported = len(checked) - len(refused)
        say(
            f"已导入 {imported} 份，{len(refused)} 份未导入（原因见上）。",
            f"{imported} imported, {len(refused)} refused.",
            err=True,
        )
        return 1
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from alliance_review.core.evidence import ITEM_RULES
    from alliance_review.core.ranking import TIER_BY
    from alliance_review.services.setup import update_settings
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        changes = {
            key: value
            for key, value in (("tier_by", args.tier_by), ("item_rule", args.item_rule))
            if value is not None
        }
        if changes:
            update_settings(store, **changes)
        settings = store.settings()
    tier_zh, tier_en = TIER_BY[settings.tier_by]
    rule_zh, rule_en = ITEM_RULES[settings.item_rule]
    say(f"划档依据：{tier_zh}（{settings.tier_by}）", f"Tiers: {tier_en} ({settings.tier_by})")
    say(
        f"评价要点认定：{rule_zh}（{settings.item_rule}）",
        f"An evidence item counts as done when {rule_en} ({settings.item_rule})",
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = sub.add_parser("new-round", help="create a round file / 新建评价轮次", parents=[SHEET])
    new.add_argument("out", type=Path, help="the round file to write")
    new.add_argument("--title", required=True)
    new.add_argument("--year", required=True, type=int)
    new.add_argument("--period", default="", help="evaluation period, e.g. 2016年1月1日至12月31日")
    new.add_argument("--rubric", type=Path, help="a rubric file (.json); default: 2015 rubric")
    new.add_argument("--roster", type=Path, help="a roster (.xlsx .xlsm .xls .ods .csv)")
    new.add_argument(
        "--dry-run",
        action="store_true",
        help="only show how the roster would be read and what would be carried",
    )
    new.add_argument(
        "--from",
        dest="from_round",
        type=Path,
        help="last year's round: carry its register, reviewers, rules and results",
    )
    new.set_defaults(func=cmd_new_round)

    assign = sub.add_parser("assign", help="assign reviewers automatically / 自动分配评审专家")
    assign.add_argument("round", type=Path)
    assign.add_argument("--seed", type=int, default=0, help="same seed, same assignment")
    assign.add_argument("--per-alliance", type=int, help="reviewers per alliance (default: round)")
    assign.set_defaults(func=cmd_assign)

    roster = sub.add_parser(
        "roster-export", help="write the roster to Excel / 导出联盟名单", parents=[FORCE]
    )
    roster.add_argument("round", type=Path)
    roster.add_argument("out", type=Path, help="the .xlsx to write")
    roster.set_defaults(func=cmd_roster_export)

    rubric = sub.add_parser(
        "rubric-export", help="write the rubric file / 导出评价指标", parents=[FORCE]
    )
    rubric.add_argument("round", type=Path)
    rubric.add_argument("out", type=Path, help="the .json to write")
    rubric.set_defaults(func=cmd_rubric_export)

    out = sub.add_parser(
        "selfeval-out", help="self-evaluation workbooks / 生成自评价表", parents=[FORCE]
    )
    out.add_argument("round", type=Path)
    out.add_argument("outdir", type=Path)
    out.add_argument(
        "--new-tokens",
        action="store_true",
        help="issue new tokens: workbooks sent earlier are then refused on import"
        " (default: a workbook sent earlier still imports)",
    )
    out.set_defaults(func=cmd_selfeval_out)

    back = sub.add_parser("selfeval-in", help="import filled workbooks / 导入自评价表")
    back.add_argument("round", type=Path)
    back.add_argument("files", type=Path, nargs="+")
    back.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="import nothing if one workbook is refused (default: import every good one)",
    )
    back.set_defaults(func=cmd_selfeval_in)

    register_issue(sub)


def cmd_issue(args: argparse.Namespace) -> int:
    from alliance_review.services.assigning import issue_files

    paths = issue_files(
        args.round,
        args.outdir,
        progress=_progress("评审专家文件", "Reviewer files"),
        documents_apart=args.documents_apart,
    )
    say(
        f"已发放 {len(paths)} 份评审专家文件：{args.outdir}",
        f"{len(paths)} reviewer file(s) issued: {args.outdir}",
    )
    from alliance_review.core.documents import MAIL_LIMIT_BYTES
    from alliance_review.services.document_package import package_name
    from alliance_review.services.documents import size_text
    from alliance_review.services.reviewer_files import issued_sizes

    large = 0
    for path, size, package in issued_sizes(paths, args.documents_apart):
        large += size > MAIL_LIMIT_BYTES
        line = f"  {path.name}  {size_text(size)}"
        if package:
            line += f"  +  {package_name(path).name}  {size_text(package)}"
        print(line)
    if large:
        limit = size_text(MAIL_LIMIT_BYTES)
        say(
            f"有 {large} 份文件大于 {limit}，多数电子邮箱无法作为附件发送。可改用"
            " --documents-apart 重新发放：评审专家文件不含文档内容，文档另成只读的佐证材料包"
            "（软件按指纹核对），可用网盘或 U 盘传送。",
            f"{large} file(s) are larger than {limit}, too large for most e-mail. Issue again "
            "with --documents-apart: the reviewer files then hold no document contents, and "
            "the documents go in a separate read-only package per reviewer (checked by their "
            "fingerprints) to send by a file-sharing link or a USB stick.",
        )
    return 0


def register_issue(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    settings = sub.add_parser(
        "settings", help="show or change publishing settings / 查看或修改发布设置"
    )
    settings.add_argument("round", type=Path)
    settings.add_argument(
        "--tier-by",
        choices=("total", "printed"),
        help="which number decides the tier: the exact total or the printed score",
    )
    settings.add_argument(
        "--item-rule",
        choices=("majority", "half", "any", "all"),
        help="how many of an alliance's reviewers must tick an evidence item for it to count",
    )
    settings.set_defaults(func=cmd_settings)
    register_participation(sub)

    issue = sub.add_parser("issue", help="one reviewer file per reviewer / 发放评审专家文件")
    issue.add_argument("round", type=Path)
    issue.add_argument("outdir", type=Path, help="the folder to write the files into")
    issue.add_argument(
        "--force", action="store_true", help="overwrite existing reviewer files / 覆盖已有文件"
    )
    issue.add_argument(
        "--documents-apart",
        action="store_true",
        help="documents in a separate package beside each file (for files too large to mail)",
    )
    issue.set_defaults(func=cmd_issue)


def cmd_participation(args: argparse.Namespace) -> int:
    from alliance_review.core.errors import UserError
    from alliance_review.services.participation import Participation, set_participation
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        name = args.not_taking_part or args.taking_part
        if name is not None:
            from alliance_review.services.register import find_entry

            entry = find_entry(store, name)  # spacing and width folded, as the imports do
            alliance = entry.alliance
            if not entry.active:
                raise UserError(
                    f"「{alliance.name}」本年度已退出或暂停，不是试点联盟。",
                    f"{alliance.name} is withdrawn or suspended this year; it is no pilot.",
                )
            if args.not_taking_part is not None:
                if not args.reason:
                    raise UserError(
                        "标为未参评须用 --reason 给出原因（可选："
                        + "、".join(store.participation_reasons())
                        + "）。",
                        "Marking as not taking part needs --reason (one of: "
                        + ", ".join(store.participation_reasons())
                        + ").",
                    )
                wanted = Participation(alliance.uid, args.reason, args.note or "")
            else:
                wanted = Participation(alliance.uid, None)
            set_participation(store, wanted)
        absent = store.non_participants()
        names = {a.uid: a for a in store.alliances()}
        taking = len(names) - len(absent)
        say(
            f"试点联盟 {len(names)} 家，参评 {taking} 家，未参评 {len(absent)} 家。",
            f"{len(names)} pilot alliances: {taking} take part, {len(absent)} do not.",
        )
        for uid, (reason, note) in absent.items():
            alliance = names[uid]
            say(
                f"未参评  {alliance.batch or '批次不详'}  {alliance.name}  {reason}"
                + (f"（{note}）" if note else ""),
                f"Not taking part  {alliance.batch or 'batch unknown'}  {alliance.name}  {reason}"
                + (f" ({note})" if note else ""),
            )
    return 0


def register_participation(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    part = sub.add_parser("participation", help="list or mark pilots not taking part / 参评情况")
    part.add_argument("round", type=Path)
    which = part.add_mutually_exclusive_group()
    which.add_argument("--not-taking-part", metavar="NAME", help="mark this alliance (name)")
    which.add_argument("--taking-part", metavar="NAME", help="unmark this alliance (name)")
    part.add_argument(
        "--reason", help="one of the round's reasons (联系不畅 / 不愿提供 / 延误提交 …)"
    )
    part.add_argument("--note", help="a free note")
    part.set_defaults(func=cmd_participation)
