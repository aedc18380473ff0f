"""The command line: ``alliance-review SUBCOMMAND``; the window when no subcommand is given.

Exit codes: 0 success, 1 a refused operation or bad input (one sentence on stderr),
2 a usage error (argparse). Subcommands live in ``alliance_review.commands``; every line
they print for the user goes through ``say(zh, en)`` (Chinese, or English under an
English locale). A bug is never a traceback: one sentence, and the traceback in the log
(``alliance_review.errorlog``).
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
from alliance_review.system.console import prepare_console, silence_stdout

Command = Callable[[argparse.Namespace], int]


def language() -> str:
    """Chinese, unless ALLIANCE_REVIEW_LANG or else the locale (LC_ALL, LC_MESSAGES, LANG,
    the first one set) says English."""
    for name in ("ALLIANCE_REVIEW_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        chosen = os.environ.get(name, "")
        if chosen:
            return "en" if chosen.startswith("en") else "zh"
    return "zh"


def say(zh: str, en: str, *, err: bool = False) -> None:
    """One line for the user in their language: on stdout, or on stderr with ``err``."""
    print(en if language() == "en" else zh, file=sys.stderr if err else sys.stdout)


def write_json(value: object) -> None:
    """``value`` as indented JSON (non-ASCII kept) and a newline on stdout, in one write."""
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliance-review", description="联盟活跃度评价 — Alliance Activity Review"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    register_all(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # any argument means the command line (the window takes none, or a file's path)
    words = list(sys.argv[1:] if argv is None else argv)
    prepare_console(attach=bool(words) and words[0] != "gui")
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
        silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except (sqlite3.Error, OSError) as error:
        from alliance_review.storage.db import storage_error

        refusal = storage_error(error)
        if refusal is None:
            return unexpected(error)
        print(refusal.message(language()), file=sys.stderr)
        return 1
    except Exception as error:  # a bug: one sentence here, the traceback in the log
        return unexpected(error)


def unexpected(error: BaseException) -> int:
    from alliance_review.errorlog import details_of, write_log

    logged = write_log(details_of(type(error), error, error.__traceback__))
    where = str(logged) if logged is not None else "stderr"
    if logged is None:
        print(details_of(type(error), error, error.__traceback__), file=sys.stderr)
    say(
        f"出现了意外错误（{type(error).__name__}），详细信息已写入 {where}。已保存的文件不受影响。",
        f"An unexpected error occurred ({type(error).__name__}); the details were written to"
        f" {where}. Files saved before are unaffected.",
        err=True,
    )
    return 1
