"""The command line: ``alliance-review SUBCOMMAND``; the window when no subcommand is given.

Exit codes: 0 success, 1 a refused operation or bad input (one sentence on stderr),
2 a usage error (argparse). Subcommands live in ``alliance_review.commands``.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence

from alliance_review import __version__
from alliance_review.commands import register_all
from alliance_review.core.errors import UserError

Command = Callable[[argparse.Namespace], int]


def language() -> str:
    """Chinese, unless ALLIANCE_REVIEW_LANG or else the locale (LC_ALL, LANG) says English."""
    chosen = os.environ.get("ALLIANCE_REVIEW_LANG") or os.environ.get("LC_ALL") or ""
    chosen = chosen or os.environ.get("LANG", "")
    return "en" if chosen.startswith("en") else "zh"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliance-review", description="联盟活跃度评价 — Alliance Activity Review"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    register_all(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from alliance_review.commands.basic import cmd_gui

        args.file = None
        args.self_test = None
        args.func = cmd_gui
    func: Command = args.func
    from alliance_review.services.output import forcing

    try:
        with forcing(bool(getattr(args, "force", False))):
            return func(args)
    except UserError as error:
        print(error.message(language()), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (``alliance-review ranking ROUND | head``): not an error
        # (Python's advice: point stdout at devnull so the flush at exit stays quiet)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except sqlite3.DatabaseError as error:
        from alliance_review.core.errors import RoundLocked
        from alliance_review.storage.schema import ROUND_LOCKED

        if ROUND_LOCKED in str(error):  # the file's own lock triggers refused an edit
            print(RoundLocked().message(language()), file=sys.stderr)
            return 1
        print(f"文件无法读取或已损坏（{error}）。", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"无法访问文件：{error.filename or error}（{error.strerror}）。", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
