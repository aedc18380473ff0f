"""The command line: ``alliance-review SUBCOMMAND``; the window when no subcommand is given.

Exit codes: 0 success, 1 a refused operation or bad input (one sentence on stderr),
2 a usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from alliance_review import __version__
from alliance_review.core.errors import UserError


def _language() -> str:
    chosen = os.environ.get("ALLIANCE_REVIEW_LANG") or os.environ.get("LANG", "zh")
    return "en" if chosen.startswith(("en", "C")) and "ALLIANCE_REVIEW_LANG" in os.environ else "zh"


def _print_table(rows: list[dict[str, object]]) -> None:
    for row in rows:
        print(f"{row['seq']:>4}  {row['name']}  {row['printed_score']}  {row['tier']}")


def cmd_gui(args: argparse.Namespace) -> int:
    from alliance_review.gui.app import run

    return run(args.file)


def cmd_demo(args: argparse.Namespace) -> int:
    from alliance_review.services.demo import build_demo

    out = build_demo(args.out)
    print(f"已写入演示评价轮次：{out}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from alliance_review.storage.files import identify

    info = identify(args.file)
    upgrade = "（打开时将升级到当前格式）" if info.needs_upgrade else ""
    print(f"{info.path.name}: {info.kind.label_zh} ({info.kind.name} file)")
    print(f"评价轮次: {info.title} ({info.year})  round id: {info.round_uid}")
    if info.reviewer_name:
        print(f"评审专家: {info.reviewer_name}")
    print(f"格式版本: {info.version} / {info.kind.version}{upgrade}")
    print("校验: 通过 (valid)")
    return 0


def cmd_ranking(args: argparse.Namespace) -> int:
    from alliance_review.services.results import ranking_of, ranking_records

    records = ranking_records(ranking_of(args.round).ranking)
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print_table(records)
    return 0


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliance-review", description="联盟活跃度评价 — Alliance Activity Review"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the window / 打开程序窗口")
    gui.add_argument("file", nargs="?", type=Path, help="a round file or reviewer file")
    gui.set_defaults(func=cmd_gui)

    demo = sub.add_parser("demo", help="write the built-in 2015 demo round / 生成演示轮次")
    demo.add_argument("out", type=Path, help="the round file to write")
    demo.set_defaults(func=cmd_demo)

    check = sub.add_parser("check", help="identify and validate a file / 检查文件")
    check.add_argument("file", type=Path)
    check.set_defaults(func=cmd_check)

    ranking = sub.add_parser("ranking", help="print the ranked list / 输出排名")
    ranking.add_argument("round", type=Path, help="the round file")
    ranking.add_argument("--json", action="store_true", help="print JSON records")
    ranking.set_defaults(func=cmd_ranking)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.file = None
        args.func = cmd_gui
    func: Command = args.func
    try:
        return func(args)
    except UserError as error:
        print(error.message(_language()), file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:
        print(f"文件无法读取或已损坏（{error}）。", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"无法访问文件：{error.filename or error}（{error.strerror}）。", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
