"""gui, demo, check, ranking."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_review.cli import print_json, say
from alliance_review.commands.options import FORCE
from alliance_review.core.errors import UserError
from alliance_review.core.file_names import REVIEWER_SUFFIX


def cmd_gui(args: argparse.Namespace) -> int:
    from alliance_review.gui.app import run

    return run(args.file, self_test=args.self_test)


def cmd_demo(args: argparse.Namespace) -> int:
    from alliance_review.services.demo import build_demo

    out = build_demo(args.out, reviewer_files=args.reviewer_files, previous=args.previous)
    if args.reviewer_files is None:
        say(f"已写入演示评价轮次：{out}", f"Demo round written: {out}")
    else:
        folder = args.reviewer_files
        count = len(list(folder.glob(f"*{REVIEWER_SUFFIX}")))
        say(f"已写入合并前的演示评价轮次：{out}", f"Demo round before the merge written: {out}")
        say(
            f"已写入 {count} 份已提交的评审专家文件：{folder}",
            f"{count} submitted reviewer file(s) written: {folder}",
        )
        say(
            f"合并：alliance-review merge {out} {folder}",
            f"To merge them: alliance-review merge {out} {folder}",
        )
    if args.previous is not None:
        say(
            f"已写入演示用的上年（2014 年度）评价轮次：{args.previous}",
            f"Last year's (2014) demo round written: {args.previous}",
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from alliance_review.cli import language
    from alliance_review.services.checking import check_file, describe

    try:
        report = check_file(args.file, args.round)
    except UserError as error:
        if not args.json:
            raise
        print_json(
            {"path": str(args.file), "integrity": "failed", "valid": False,
             "problems": [error.message(language())]},
        )  # fmt: skip
        return 1
    if args.json:
        print_json(report.record())
    else:
        for line in describe(report, language()):
            print(line)
    return 1 if report.problems else 0


def cmd_ranking(args: argparse.Namespace) -> int:
    from alliance_review.services.results import ranking_of, ranking_records

    records = ranking_records(ranking_of(args.round).ranking)
    if not records and not args.json:  # JSON answers [] for tools
        raise UserError(
            "该评价轮次还没有评分，尚无排名（请先合并评审专家文件）。",
            "This round has no scores yet, so there is no ranking (merge reviewer files first).",
        )
    if args.json:
        print_json(records)
    else:
        for row in records:
            print(f"{row['seq']:>4}  {row['name']}  {row['printed_score']}  {row['tier']}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gui = sub.add_parser("gui", help="open the window / 打开程序窗口")
    gui.add_argument("file", nargs="?", type=Path, help="a round file or reviewer file")
    # automated checks (tests/test_bundle.py): open, paint once, write a report, quit
    gui.add_argument("--self-test", type=Path, metavar="REPORT.json", help=argparse.SUPPRESS)
    gui.set_defaults(func=cmd_gui)

    demo = sub.add_parser(
        "demo", help="write the built-in 2015 demo round / 生成演示轮次", parents=[FORCE]
    )
    demo.add_argument("out", type=Path, help="the round file to write")
    demo.add_argument(
        "--reviewer-files",
        type=Path,
        metavar="DIR",
        help="write the round before the merge and the submitted reviewer files into DIR"
        " / 生成合并前的轮次，并把已提交的评审专家文件写入 DIR",
    )
    demo.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="also write a small synthetic 2014 round (last year's, for the comparisons)"
        " / 同时生成演示用的上年（2014 年度）轮次",
    )
    demo.set_defaults(func=cmd_demo)

    check = sub.add_parser("check", help="identify and validate a file / 检查文件")
    check.add_argument("file", type=Path)
    check.add_argument(
        "--json",
        action="store_true",
        help="kind, version, integrity, signature or chain status, sealed/revision as JSON",
    )
    check.add_argument(
        "--round",
        type=Path,
        metavar="ROUND",
        help="check a returned reviewer file against the round it goes to (the key the round"
        " issued), as merge does / 对照评价轮次核验交回的评审专家文件",
    )
    check.set_defaults(func=cmd_check)

    ranking = sub.add_parser("ranking", help="print the ranked list / 输出排名")
    ranking.add_argument("round", type=Path, help="the round file")
    ranking.add_argument("--json", action="store_true", help="print JSON records")
    ranking.set_defaults(func=cmd_ranking)
