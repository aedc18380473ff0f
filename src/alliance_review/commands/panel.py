"""merge, decide, lock, unlock, method: the panel's batch work from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alliance_review.storage.round_store import RoundStore


def cmd_merge(args: argparse.Namespace) -> int:
    from alliance_review.cli import language
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
    if lang == "en":
        print(f"{merged} merged, {len(reports) - merged - refused} unchanged, {refused} refused.")
    else:
        print(f"合并 {merged} 份，无变化 {len(reports) - merged - refused} 份，拒绝 {refused} 份。")
    return 1 if refused else 0


def _alliance_uid(store: RoundStore, name: str) -> str:
    from alliance_review.core.errors import UserError

    matches = [a for a in store.alliances() if a.name == name or a.uid == name]
    if not matches:
        matches = [a for a in store.alliances() if name in a.name]
    if len(matches) != 1:
        raise UserError(
            f"「{name}」对应 {len(matches)} 个联盟，请写出完整名称。",
            f"{name!r} matches {len(matches)} alliances; give the full name.",
        )
    return matches[0].uid


def cmd_decide(args: argparse.Namespace) -> int:
    from alliance_review.core.errors import UserError
    from alliance_review.core.points import format_points, parse_points
    from alliance_review.services.panel import set_decision, withdraw_decision
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        uid = _alliance_uid(store, args.alliance)
        code = args.indicator or ""
        what = f"指标 {code}" if code else "总分"
        if args.withdraw:
            withdraw_decision(store, uid, code)
            print(f"已撤回{what}的决定。")
            return 0
        if args.points is None:
            raise UserError("请给出分数（--points）。", "Give the points (--points).")
        points = parse_points(args.points)
        set_decision(store, uid, code, points, args.rationale or "")
        print(f"已记录{what}的决定：{format_points(points)} 分。")
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    from alliance_review.services.panel import set_locked
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        set_locked(store, args.lock)
    print("评价轮次已锁定为最终结果。" if args.lock else "评价轮次已解除锁定。")
    return 0


def cmd_method(args: argparse.Namespace) -> int:
    from alliance_review.core.points import format_points
    from alliance_review.core.scoring import CONSENSUS_LABELS
    from alliance_review.services.panel import preview_method, set_method
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        moves = preview_method(store, args.method)
        for move in moves:
            tier = f"  {move.old_tier} -> {move.new_tier}" if move.tier_moves else ""
            print(
                f"{move.name}: 名次 {move.old_rank} -> {move.new_rank}，"
                f"总分 {format_points(move.old_total)} -> {format_points(move.new_total)}{tier}"
            )
        tiers = sum(1 for m in moves if m.tier_moves)
        print(f"{len(moves)} 个联盟的名次或总分会变化，其中 {tiers} 个换档。")
        if args.apply:
            set_method(store, args.method)
            print(f"已改用「{CONSENSUS_LABELS[args.method]}」。")
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
    decide.set_defaults(func=cmd_decide)

    lock = sub.add_parser("lock", help="lock the round as final / 锁定评价轮次")
    lock.add_argument("round", type=Path)
    lock.set_defaults(func=cmd_lock, lock=True)
    unlock = sub.add_parser("unlock", help="unlock the round / 解除锁定")
    unlock.add_argument("round", type=Path)
    unlock.set_defaults(func=cmd_lock, lock=False)

    method = sub.add_parser("method", help="preview or apply a consensus method / 汇总方法")
    method.add_argument("round", type=Path)
    method.add_argument("method", choices=("mean", "median", "trimmed_mean"))
    method.add_argument("--apply", action="store_true", help="apply after showing the moves")
    method.set_defaults(func=cmd_method)
