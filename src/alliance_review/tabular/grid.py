"""Read one sheet of a table file into rows of values, after its bounds are checked."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alliance_review.core.errors import FileRefused
from alliance_review.system.reading import NotRegularFile, open_for_reading
from alliance_review.tabular.limits import Limits, broken, too_big
from alliance_review.tabular.scan import Facts, detect, not_a_table, scan_xls, scan_zip

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass
class Grid:
    """One sheet: ``rows[i][j]`` is the value of row i+1, column j (as the sheet numbers it)."""

    source: Path
    kind: str  # "xlsx", "xls", "ods", "csv"
    sheet: str
    sheets: list[str]
    rows: list[list[Any]]
    merges: list[Merge] = field(default_factory=list)
    # (row 1-based, column 0-based) -> (formula, whether a calculated value was saved)
    formulas: dict[tuple[int, int], tuple[str, bool]] = field(default_factory=dict)

    def filled(self) -> list[list[Any]]:
        """The rows with every merged area holding its first cell's value (a batch written
        once in a cell merged over 31 rows belongs to all 31)."""
        rows = [list(r) for r in self.rows]
        width = max((len(r) for r in rows), default=0)
        for cells in rows:
            cells.extend([""] * (width - len(cells)))
        for top, left, bottom, right in self.merges:
            if top >= len(rows) or left >= width:
                continue
            value = rows[top][left]
            for r in range(top, min(bottom, len(rows) - 1) + 1):
                for c in range(left, min(right, width - 1) + 1):
                    if rows[r][c] in ("", None):
                        rows[r][c] = value
        return rows


def read_bytes(path: Path | str, limits: Limits) -> bytes:
    """The whole file, if it is a regular file within the size bound (never a FIFO or a
    device, also not through a symbolic link; opened without blocking)."""
    path = Path(path)
    name = path.name
    try:
        handle = open_for_reading(path)
    except FileNotFoundError as error:
        raise FileRefused(f"找不到文件「{name}」。", f"{name} does not exist.") from error
    except IsADirectoryError as error:
        raise FileRefused(f"「{name}」是文件夹，不是文件。", f"{name} is a folder.") from error
    except NotRegularFile as error:
        raise FileRefused(
            f"「{name}」不是普通文件（可能是管道或设备），不会读取。",
            f"{name} is not a regular file (a pipe or a device?); it is not read.",
        ) from error
    except OSError as error:
        raise FileRefused(
            f"无法打开「{name}」：{error.strerror}。", f"Cannot open {name}: {error.strerror}."
        ) from error
    with handle:
        if os.fstat(handle.fileno()).st_size > limits.file_bytes:
            raise too_big(name, "文件过大", "the file is too large")
        data = handle.read(limits.file_bytes + 1)
    if len(data) > limits.file_bytes:
        raise too_big(name, "文件过大", "the file is too large")
    if not data.strip():
        raise FileRefused(f"「{name}」中没有内容。", f"{name} is empty.")
    return data


def read_grid(path: Path | str, limits: Limits | None = None, sheet: str | int = 0) -> Grid:
    """The chosen sheet (name, or index among visible sheets) of an xlsx/xlsm/xls/ods file,
    or the rows of a CSV file; the format is told by the content, not the extension."""
    return read_grids(path, limits, [sheet])[sheet]


def read_grids(
    path: Path | str, limits: Limits | None, sheets: Sequence[str | int]
) -> dict[str | int, Grid]:
    """Several sheets of one file, its bounds checked once."""
    limits = limits or Limits()
    path = Path(path)
    data = read_bytes(path, limits)
    magic = detect(data)
    if magic == "text":
        if any(isinstance(s, str) for s in sheets):
            raise FileRefused(
                f"「{path.name}」是文本（CSV）文件，没有名为「{sheets[0]}」的工作表。",
                f"{path.name} is a text (CSV) file; it has no sheet named {sheets[0]}.",
            )
        rows = read_csv(data, path.name, limits)
        return {s: Grid(path, "csv", "", [""], rows) for s in sheets}
    if magic == "zip":
        facts = scan_zip(data, path.name, limits)
    else:
        scan_xls(data, path.name, limits)
        facts = Facts("xls")
    return _read_workbook(path, data, facts, limits, sheets)


def _read_workbook(
    path: Path, data: bytes, facts: Facts, limits: Limits, sheets: Sequence[str | int]
) -> dict[str | int, Grid]:
    import python_calamine as calamine

    name = path.name
    found: dict[str | int, Grid] = {}
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
        visible = [
            m.name
            for m in book.sheets_metadata
            if m.visible == calamine.SheetVisibleEnum.Visible
            and m.typ == calamine.SheetTypeEnum.WorkSheet
        ] or names
        for sheet in sheets:
            if isinstance(sheet, str):
                if sheet not in names:
                    raise FileRefused(
                        f"「{name}」中没有名为「{sheet}」的工作表。",
                        f"{name} has no sheet named {sheet}.",
                    )
                chosen = sheet
            else:
                if sheet >= len(visible):
                    raise not_a_table(name)
                chosen = visible[sheet]
            table = book.get_sheet_by_name(chosen)
            rows = table.to_python(skip_empty_area=False)
            if len(rows) > limits.rows:
                raise too_big(
                    name, f"超过 {limits.rows} 行", f"it has more than {limits.rows} rows"
                )
            ranges = table.merged_cell_ranges
            if facts.kind == "ods":
                merges = facts.ods_merges.get(chosen, [])
            else:
                merges = [(a[0], a[1], b[0], b[1]) for a, b in ranges or ()]
            formulas: dict[tuple[int, int], tuple[str, bool]] = {}
            if facts.formulas:
                part = facts.sheet_parts.get(chosen)
                formulas = facts.formulas.get(part, {}) if part else {}
            found[sheet] = Grid(path, facts.kind, chosen, names, rows, merges, formulas)
        book.close()
    except calamine.PasswordError as error:
        raise FileRefused(
            f"「{name}」设置了打开密码，请去掉密码另存后再导入。",
            f"{name} is protected by a password; save it without one and import again.",
        ) from error
    except FileRefused:
        raise
    except Exception as error:  # calamine raises several kinds for a damaged file
        raise broken(name) from error
    return found


# CSV ---------------------------------------------------------------------------------------
_HTML = re.compile(rb"<\s*(html|table|!doctype html)", re.IGNORECASE)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or the zero bytes tell), else GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif data[1:200:2].count(0) > 50 and not data[0:200:2].count(0):
        encodings = ["utf-16-le"]
    elif data[0:200:2].count(0) > 50 and not data[1:200:2].count(0):
        encodings = ["utf-16-be"]
    else:
        if b"\x00" in data[:4096]:
            raise not_a_table(name)
        if _HTML.search(data[:4096]):
            raise FileRefused(
                f"「{name}」是网页（HTML）文件，不是表格；"
                "请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。",
                f"{name} is a web page (HTML), not a spreadsheet; open it in Excel or WPS, "
                "save it as .xlsx and import that.",
            )
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused(
        f"无法识别「{name}」的文字编码（应为 UTF-8、UTF-16 或 GBK）。",
        f"The text encoding of {name} is not UTF-8, UTF-16 or GBK.",
    )


def read_csv(data: bytes, name: str, limits: Limits) -> list[list[Any]]:
    text = decode_text(data, name)
    sample = text[:65536]
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    delimiter = max(
        (",", "\t", ";"), key=lambda d: (sum(1 for line in lines if d in line), d == ",")
    )
    rows: list[list[Any]] = []
    previous = csv.field_size_limit()
    try:
        csv.field_size_limit(limits.cell_chars + 1)
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= limits.rows or len(row) > limits.columns:
                raise too_big(
                    name,
                    f"超过 {limits.rows} 行或 {limits.columns} 列",
                    f"it has more than {limits.rows} rows or {limits.columns} columns",
                )
            rows.append(row)
    except csv.Error as error:
        if "field larger" in str(error):
            raise too_big(
                name,
                f"有单元格文字超过 {limits.cell_chars} 个字符",
                f"a cell holds more than {limits.cell_chars} characters",
            ) from error
        raise broken(name) from error
    finally:
        csv.field_size_limit(previous)
    return rows
