"""The command line's output on every console: never a ``UnicodeEncodeError``.

A Windows console set to the Chinese code page (936, GBK) shows Chinese correctly when
the text is written in GBK: Python writes to a real console through the wide API anyway,
and to a pipe or file in the console's code page, where a character GBK lacks (an emoji
in a name, a rare character) would raise and end the command with a traceback. So the
standard streams keep their encoding and replace what it cannot hold (``?``); a
``PYTHONIOENCODING`` the user set is respected the same way.

A Windows program built as a window (the bundle, ``gui-scripts``) has no standard streams
at all; started from a console with a subcommand, it attaches to that console so its
output is seen (``attach_parent_console``).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

from alliance_review.system import host


def tolerant(stream: TextIO | None) -> None:
    """Make ``stream`` replace characters its encoding cannot hold, instead of raising."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", None):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="replace")


def attach_parent_console() -> None:
    """Windows, a window program started from a console: write to that console."""
    if not host.IS_WINDOWS or (sys.stdout is not None and sys.stderr is not None):
        return
    import ctypes

    attach = ctypes.windll.kernel32.AttachConsole  # type: ignore[attr-defined]
    if not attach(-1):  # ATTACH_PARENT_PROCESS: none (started from Explorer)
        return
    with contextlib.suppress(OSError):
        if sys.stdout is None:
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        if sys.stderr is None:
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def prepare_console(attach: bool = True) -> None:
    """Call before the command line prints anything (``attach``: a subcommand was given,
    so a window program started from a console writes there)."""
    if attach:
        attach_parent_console()
    tolerant(sys.stdout)
    tolerant(sys.stderr)


def silence_stdout() -> None:
    """The reader of stdout went away (``alliance-review ranking | head``): point stdout at
    the null device so the flush at exit stays quiet (Python's advice)."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
