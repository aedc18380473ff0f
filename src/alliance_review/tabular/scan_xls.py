"""Bounds of a legacy .xls (BIFF8 in an OLE compound file), checked before any parser
sees it: the workbook stream is walked record by record, counting cells and the farthest
place a reader would fill in up to; the sheets' names and the rows hidden in each (by hand,
or by an autofilter) are noted on the way."""

from __future__ import annotations

import struct

from alliance_review.tabular.limits import Limits, broken, too_big
from alliance_review.tabular.scan import Facts, _check_area, not_a_table

# legacy .xls ------------------------------------------------------------------------------
# BIFF cell records: (row, column) are the first two 16-bit fields of each
_CELL_RECORDS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0204, 0x0205, 0x0201, 0x00D6, 0x0406}
_MULTI_RECORDS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column


def scan_xls(data: bytes, name: str, limits: Limits) -> Facts:
    """Walk the workbook stream's records: the farthest cell bounds what a reader fills in."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError, struct.error) as error:
        raise broken(name) from error
    try:
        streams = {"/".join(entry).lower(): entry for entry in ole.listdir()}
        if "encryptedpackage" in streams:
            from alliance_review.core.errors import FileRefused

            raise FileRefused(
                f"「{name}」设置了打开密码，请去掉密码另存后再导入。",
                f"{name} is protected by a password; save it without one and import again.",
            )
        entry = streams.get("workbook") or streams.get("book")
        if entry is None:
            raise not_a_table(name)
        if ole.get_size(entry) > limits.file_bytes:
            raise too_big(name, "过大", "it is too large")
        stream = ole.openstream(entry).read()
    except (OSError, ValueError, struct.error) as error:
        raise broken(name) from error
    finally:
        ole.close()
    facts = Facts("xls")
    _walk_biff(stream, name, limits, facts)
    return facts


def _walk_biff(stream: bytes, name: str, limits: Limits, facts: Facts) -> None:
    position, end, cells, rows, columns = 0, len(stream), 0, 0, 0
    unpack = struct.unpack_from
    sheets: dict[int, str] = {}  # offset of a sheet's BOF -> its name
    current = ""  # the sheet being walked
    while position + 4 <= end:
        kind, length = unpack("<HH", stream, position)
        body = position + 4
        if kind == _BOUNDSHEET and length >= 8:
            sheets[unpack("<I", stream, body)[0]] = _sheet_name(stream, body + 6, body + length)
        elif kind == _BOF:
            current = sheets.get(position, current)
        elif kind == _ROW and length >= 16 and unpack("<H", stream, body + 12)[0] & 0x20:
            hidden = facts.hidden.setdefault(current, {})
            if len(hidden) < limits.rows:
                hidden[unpack("<H", stream, body)[0] + 1] = "hidden"
        elif kind == _AUTOFILTERINFO:
            facts.filtered_parts.add(current)
        if kind in _CELL_RECORDS and length >= 4:
            row, column = unpack("<HH", stream, body)
            cells += 1
        elif kind in _MULTI_RECORDS and length >= 6:
            row, first = unpack("<HH", stream, body)
            (column,) = unpack("<H", stream, body + length - 2)
            cells += max(0, column - first + 1)
        else:
            position = body + length
            continue
        rows, columns = max(rows, row + 1), max(columns, column + 1)
        if cells > limits.cells:
            raise _far(name, limits)
        position = body + length
    _check_area(name, limits, rows, columns, cells)
    for sheet in facts.filtered_parts:  # rows hidden under an autofilter are its doing
        facts.hidden[sheet] = dict.fromkeys(facts.hidden.get(sheet, {}), "filtered")


_BOF, _BOUNDSHEET, _ROW, _AUTOFILTERINFO = 0x0809, 0x0085, 0x0208, 0x009D


def _sheet_name(stream: bytes, start: int, end: int) -> str:
    """A BOUNDSHEET's name: a length, a flag (UTF-16 or one byte a character), the text."""
    if start + 2 > end:
        return ""
    count, wide = stream[start], stream[start + 1] & 0x01
    raw = stream[start + 2 : min(end, start + 2 + count * (2 if wide else 1))]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def _far(name: str, limits: Limits) -> Exception:
    return too_big(
        name,
        f"超过 {limits.rows} 行、{limits.columns} 列或 {limits.cells} 个单元格",
        f"it has more than {limits.rows} rows, {limits.columns} columns or {limits.cells} cells",
    )
