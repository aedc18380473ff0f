"""merge, decide, lock, unlock, method: the panel's batch work from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alliance_review.storage.round_store import RoundStore


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge; one line per file on stdout (the report), and each refusal once more on
    stderr, so a script that keeps only stderr still sees every file that was refused."""
    from alliance_review.cli import language, say
    from alliance_review.core.errors import UserError
    from alliance_review.services.merge import MERGED, UNCHANGED, expand, merge_into

    files = expand(args.files)
    if not files:
        raise UserError("没有找到要合并的评审专家文件。", "No reviewer files found to merge.")
    reports = merge_into(args.round, files, accept_removals=args.accept_removals)
    lang = language()
    labels = {
        MERGED: ("已合并", "merged"),
        UNCHANGED: ("无变化", "unchanged"),
    }
    for report in reports:
        zh, en = labels.get(report.outcome, ("拒绝", "refused"))
        label = en if lang == "en" else zh
        who = f"  {report.reviewer_name}" if report.reviewer_name else ""
        revision = f"  r{report.revision}" if report.revision else ""
        print(f"[{label}] {report.path.name}{who}{revision}: {report.detail(lang)}")
    refused = sum(1 for r in reports if r.refused)
    merged = sum(1 for r in reports if r.outcome == MERGED)
    unchanged = len(reports) - merged - refused
    say(
        f"合并 {merged} 份，无变化 {unchanged} 份，拒绝 {refused} 份。",
        f"{merged} merged, {unchanged} unchanged, {refused} refused.",
    )
    for report in reports:
        if report.refused:
            say(
                f"拒绝「{report.path.name}」：{report.detail('zh')}",
                f"Refused {report.path.name}: {report.detail('en')}",
                err=True,
            )
    return 1 if refused else 0


def _alliance_uid(store: RoundStore, name: str) -> str:
    from alliance_review.core.errors import UserError
    from alliance_review.core.roster_checks import name_key
    from alliance_review.tabular.text import normal_name

    alliances = store.alliances()
    matches = [a for a in alliances if a.name == name or a.uid == name]
    if not matches:  # spacing, width, brackets and line breaks folded, as the imports do
        key = name_key(normal_name(name))
        matches = [a for a in alliances if name_key(a.name) == key]
    if not matches:
        matches = [a for a in alliances if name in a.name]
    if len(matches) != 1:
        raise UserError(
            f"「{name}」对应 {len(matches)} 个联盟，请写出完整名称。",
            f"{name!r} matches {len(matches)} alliances; give the full name.",
        )
    return matches[0].uid


def _decide_item(args: argparse.Namespace) -> int:
    """decide ROUND ALLIANCE --indicator CODE --item KEY --done|--not-done --rationale R
    (or --withdraw): the panel's decision on one evidence item."""
    from alliance_review.cli import say
    from alliance_review.core.errors import UserError
    from alliance_review.services import item_decisions
    from alliance_review.storage.round_store import RoundStore

    if not args.indicator:
        raise UserError(
            "请给出评价要点所属的指标（--indicator）。",
            "Give the indicator the evidence item belongs to (--indicator).",
        )
    if args.points is not None:
        raise UserError(
            "评价要点的决定不带分数：请用 --done 或 --not-done。",
            "A decision on an evidence item takes no points: use --done or --not-done.",
        )
    if not args.withdraw and args.done is None:
        raise UserError(
            "请说明该要点算作已开展（--done）还是未开展（--not-done）。",
            "Say whether the item counts as done (--done) or not (--not-done).",
        )
    code, key = args.indicator, args.item
    with RoundStore.open(args.round) as store:
        uid = _alliance_uid(store, args.alliance)
        name = item_decisions.item_name(store, code, key)
        if args.withdraw:
            item_decisions.withdraw_item_decision(store, uid, code, key)
            say(
                f"已撤回评价要点 {code}「{name}」的决定，重新按评价要点规则计算。",
                f"The decision on evidence item {code} {key} is withdrawn; the item rule "
                "counts again.",
            )
            return 0
        item_decisions.set_item_decision(store, uid, code, key, args.done, args.rationale or "")
    state = "counts as done" if args.done else "does not count as done"
    say(
        f"已记录评价要点 {code}「{name}」的决定：算作{'已开展' if args.done else '未开展'}。",
        f"The decision on evidence item {code} {key} is recorded: it {state}.",
    )
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    if args.item is not None:
        return _decide_item(args)
    from alliance_review.cli import say
    from alliance_review.core.errors import UserError
    from alliance_review.core.points import format_points
    from alliance_review.core.score_entry import read_points
    from alliance_review.services.panel import set_decision, withdraw_decision
    from alliance_review.storage.round_store import RoundStore

    code = args.indicator or ""
    what_zh, what_en = (f"指标 {code}", f"indicator {code}") if code else ("总分", "the total")
    points = None
    if not args.withdraw:
        if args.points is None:
            raise UserError("请给出分数（--points）。", "Give the points (--points).")
        points = read_points(args.points)  # refused before the file is opened
    with RoundStore.open(args.round) as store:
        uid = _alliance_uid(store, args.alliance)
        if points is None:
            withdraw_decision(store, uid, code)
            say(f"已撤回{what_zh}的决定。", f"The decision on {what_en} is withdrawn.")
            return 0
        set_decision(store, uid, code, points, args.rationale or "")
    shown = format_points(points)
    say(
        f"已记录{what_zh}的决定：{shown} 分。",
        f"The decision on {what_en} is recorded: {shown} points.",
    )
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    from alliance_review.cli import say
    from alliance_review.services.panel import set_locked
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        set_locked(store, args.lock, args.reason or "")
    if args.lock:
        say("评价轮次已锁定为最终结果。", "The round is locked as final.")
    else:
        say("评价轮次已解除锁定。", "The round is unlocked.")
    return 0


METHOD_NAMES_EN = {"mean": "the mean", "median": "the median", "trimmed_mean": "the trimmed mean"}


def cmd_method(args: argparse.Namespace) -> int:
    from alliance_review.cli import say
    from alliance_review.core.points import format_points
    from alliance_review.core.scoring import CONSENSUS_LABELS
    from alliance_review.services.panel import preview_method, set_method
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        moves = preview_method(store, args.method)
        for move in moves:
            tier = f"  {move.old_tier} -> {move.new_tier}" if move.tier_moves else ""
            old, new = format_points(move.old_total), format_points(move.new_total)
            say(
                f"{move.name}: 名次 {move.old_rank} -> {move.new_rank}，总分 {old} -> {new}{tier}",
                f"{move.name}: rank {move.old_rank} -> {move.new_rank}, total {old} -> {new}{tier}",
            )
        tiers = sum(1 for m in moves if m.tier_moves)
        say(
            f"{len(moves)} 个联盟的名次或总分会变化，其中 {tiers} 个换档。",
            f"{len(moves)} alliance(s) would change rank or total; {tiers} would change tier.",
        )
        if args.apply:
            set_method(store, args.method)
            say(
                f"已改用「{CONSENSUS_LABELS[args.method]}」。",
                f"The round now uses {METHOD_NAMES_EN[args.method]}.",
            )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    merge = sub.add_parser("merge", help="merge returned reviewer files / 合并评审专家文件")
    merge.add_argument("round", type=Path, help="the round file")
    merge.add_argument("files", type=Path, nargs="+", help="reviewer files or folders")
    merge.add_argument(
        "--accept-removals",
        action="store_true",
        help="merge a newer revision even where it removes scores the merged one had"
        " / 确认撤下已合并的评分",
    )
    merge.set_defaults(func=cmd_merge)

    decide = sub.add_parser("decide", help="record a panel decision / 记录工作小组决定")
    decide.add_argument("round", type=Path)
    decide.add_argument("alliance", help="the alliance's name (or a unique part of it)")
    decide.add_argument("--indicator", help="indicator code; the total when left out")
    decide.add_argument("--points", help="the final points")
    decide.add_argument("--rationale", help="why (required)")
    decide.add_argument("--withdraw", action="store_true", help="withdraw the decision")
    decide.add_argument(
        "--item",
        metavar="KEY",
        help="an evidence item of --indicator: decide whether it counts as done for the"
        " alliance, whatever the reviewers ticked / 评价要点（与 --indicator 同用）",
    )
    counts = decide.add_mutually_exclusive_group()
    counts.add_argument(
        "--done", dest="done", action="store_const", const=True,
        help="with --item: the item counts as done / 算作已开展",
    )  # fmt: skip
    counts.add_argument(
        "--not-done", dest="done", action="store_const", const=False,
        help="with --item: the item does not count / 算作未开展",
    )  # fmt: skip
    decide.set_defaults(func=cmd_decide)

    lock = sub.add_parser("lock", help="lock the round as final / 锁定评价轮次")
    lock.add_argument("round", type=Path)
    lock.add_argument("--reason", help="recorded with the lock in the round's audit trail")
    lock.set_defaults(func=cmd_lock, lock=True)
    unlock = sub.add_parser(
        "unlock", help="unlock the round (recorded in its audit trail) / 解除锁定（记入审计记录）"
    )
    unlock.add_argument("round", type=Path)
    unlock.add_argument("--reason", help="why it is unlocked, recorded with the unlocking")
    unlock.set_defaults(func=cmd_lock, lock=False)

    method = sub.add_parser("method", help="preview or apply a consensus method / 汇总方法")
    method.add_argument("round", type=Path)
    method.add_argument("method", choices=("mean", "median", "trimmed_mean"))
    method.add_argument("--apply", action="store_true", help="apply after showing the moves")
    method.set_defaults(func=cmd_method)
