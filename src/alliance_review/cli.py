"""The command line: ``alliance-review SUBCOMMAND``; the window when no subcommand is given.

Exit codes: 0 success, 1 a refused operation or bad input (one sentence on stderr),
2 a usage error (argparse). Subcommands live in ``alliance_review.commands``; every line
they print for the user goes through ``say(zh, en)`` (Chinese, or English under an
English locale). A bug is never a traceback: one sentence, and the traceback in the log
(``alliance_review.errorlog``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

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


def print_json(value: object) -> None:
    """``value`` as indented JSON (non-ASCII kept) on stdout, in one write. JSON never
    breaks a line inside a string, so its line breaks are layout and pass; each line is
    made printable as ``Escaping`` would (a name from a file cannot drive the terminal).
    Use this, not json.dump: through ``Escaping`` a whole document's line breaks would be
    escaped."""
    lines = json.dumps(value, ensure_ascii=False, indent=1).split("\n")
    out = unescaped(sys.stdout)
    out.write("\n".join(printable(line) for line in lines) + "\n")


# What a line quoting a file's content may not carry to the terminal: C0 controls (ESC
# starts the terminal's escape sequences; CR and a newline inside a line could fake a
# line of their own, "[已合并] ..."), DEL and C1 controls, the bidirectional overrides
# and isolates (which reorder what is shown), the Unicode line separators.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}]")
# a chunk of nothing but white space (print's end of line): its newline is ours
_LAYOUT = re.compile(r"\s*")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"  # JSON's own escape: JSON output stays JSON


def printable(text: str) -> str:
    """``text`` with what must not reach a terminal written as ``\\uXXXX``; a newline is
    kept only in a chunk of white space alone (print's end of line: ``print_json`` prints
    JSON a line at a time)."""
    pattern = _UNSAFE if _LAYOUT.fullmatch(text) else _UNSAFE_IN_LINE
    return pattern.sub(_escaped, text)


class Escaping(io.TextIOBase):
    """stdout or stderr of a command: every write goes through ``printable``, so no
    line that quotes a file (a name, a note, a file name) can drive the terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.unescaped = stream

    def write(self, text: str) -> int:
        self.unescaped.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.unescaped.flush()

    def fileno(self) -> int:
        return self.unescaped.fileno()

    def isatty(self) -> bool:
        return self.unescaped.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.unescaped.encoding

    def writable(self) -> bool:
        return True


def unescaped(stream: TextIO) -> TextIO:
    """The terminal itself, for the program's own control characters (a progress line's
    carriage return)."""
    return stream.unescaped if isinstance(stream, Escaping) else stream


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
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # no command: the window (``gui`` and its defaults)
        args = parser.parse_args(["gui"])
    func: Command = args.func
    from alliance_review.services.output import forcing, keeping_existing

    streams = sys.stdout, sys.stderr
    # a Windows window program started from Explorer has no standard streams at all
    if sys.stdout is not None:
        sys.stdout = Escaping(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = Escaping(sys.stderr)
    try:
        with forcing(bool(getattr(args, "force", False))), keeping_existing():
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
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()
        sys.stdout, sys.stderr = streams


def unexpected(error: BaseException) -> int:
    from alliance_review.errorlog import details_of, write_log

    logged = write_log(details_of(type(error), error, error.__traceback__))
    where = str(logged) if logged is not None else "stderr"
    if logged is None:  # the traceback as it is, lines and all
        print(details_of(type(error), error, error.__traceback__), file=unescaped(sys.stderr))
    say(
        f"出现了意外错误（{type(error).__name__}），详细信息已写入 {where}。已保存的文件不受影响。",
        f"An unexpected error occurred ({type(error).__name__}); the details were written to"
        f" {where}. Files saved before are unaffected.",
        err=True,
    )
    return 1
