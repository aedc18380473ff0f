"""Options several commands share, as argparse parents: a command takes one with
``sub.add_parser(name, parents=[FORCE], ...)``, so the option, its meaning and its help
are written once. (This module registers no command: ``register_all`` passes over it.)

A parent's options come first in a command's help, before the command's own.
"""

from __future__ import annotations

import argparse


def _parent() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(add_help=False)


FORCE = _parent()
"""``--force``: replace an output file that exists (without it the command refuses)."""
FORCE.add_argument(
    "--force", action="store_true", help="replace existing output files / 覆盖已有的输出文件"
)

FONT = _parent()
"""``--font``: the PDF's font (``services.pdf_choices`` reads the choice)."""
FONT.add_argument(
    "--font",
    help="the PDF's font: a TrueType file (.ttf/.ttc, e.g. an office's own 仿宋), 'song' for a"
    " Song/Ming font installed on the system (SimSun, Songti, AR PL UMing), or 'bundled'"
    " (default: WenQuanYi Micro Hei)",
)

SHEET = _parent()
"""How a list is read from a workbook: which sheet, hidden rows, bad rows."""
SHEET.add_argument("--sheet", help="the sheet to read: its name, or its number from 1")
SHEET.add_argument(
    "--include-hidden",
    action="store_true",
    help="also the rows the sheet hides or filters out (left out by default)",
)
SHEET.add_argument(
    "--skip-bad",
    action="store_true",
    help="import the rows without a problem and list the others (default: import nothing)",
)
