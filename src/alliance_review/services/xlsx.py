"""Small helpers for the workbooks the app writes and reads (openpyxl)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.workbook import Workbook

from alliance_review.core.errors import FileRefused
from alliance_review.services.output import replacing

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")


def put_text(cell: Cell, value: str) -> None:
    """Write ``value`` as text, never as a formula, whatever it starts with.

    openpyxl turns a string starting with "=" into a formula; a name such as
    "=联盟" or "-联盟" must stay what the secretary typed (and never run in Excel).
    """
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def cell_text(value: Any) -> str:
    """A cell value read back as text ("" for empty; 3.0 as "3")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save beside the target and rename, so a half-written workbook never replaces one."""
    with replacing(path) as temporary:
        workbook.save(str(temporary))


def load_workbook_checked(path: Path, **options: Any) -> Workbook:
    """Open a workbook from elsewhere, refusing anything openpyxl cannot read."""
    from openpyxl import load_workbook

    if not path.is_file():
        raise FileRefused(f"找不到文件「{path.name}」。", f"The file {path.name} does not exist.")
    try:
        return load_workbook(str(path), **options)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise FileRefused(
            f"「{path.name}」不是可读取的 Excel 工作簿（.xlsx）。",
            f"{path.name} is not a readable Excel workbook (.xlsx).",
        ) from error
