"""Bounds of a file from elsewhere, checked before any parser sees it.

A spreadsheet package is a zip: each part is checked by its declared sizes first, then
expanded in 1 MB pieces (never whole) while the rows, cells, cell references and the
longest text are counted, so a bomb stops at the first piece over a bound. A sparse sheet
(one cell at A1, one at XFD1048576) would make any reader fill in every cell between;
its references are checked here. A legacy .xls is walked record by record for the same.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from alliance_review.tabular.limits import MB, Limits, broken, too_big

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
PIECE = MB
# One cell of at most 32,767 characters is at most ~200 KB of XML (6 bytes for "&amp;");
# text longer than RUN between two tags is a cell no spreadsheet program can hold.
RUN = 200_000
OTHER_PART = 32 * MB


@dataclass
class Facts:
    """What the scan learnt on the way: formula cells per sheet part, ODS merges."""

    kind: str
    formulas: dict[str, dict[tuple[int, int], tuple[str, bool]]] = field(default_factory=dict)
    ods_merges: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    ods_sheets: list[str] = field(default_factory=list)
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> zip part
    # rows a user does not see: (sheet name, or the xlsx part) -> row (1-based) -> "hidden"
    # (hidden by hand) or "filtered" (left out by an autofilter)
    hidden: dict[str, dict[int, str]] = field(default_factory=dict)
    filtered_parts: set[str] = field(default_factory=set)  # xlsx parts with an autofilter


def detect(data: bytes) -> str:
    """ "zip", "ole" or "text" from the first bytes."""
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    return "text"


# zip packages ----------------------------------------------------------------------------
def scan_zip(data: bytes, name: str, limits: Limits) -> Facts:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise broken(name) from error
    if len(infos) > limits.entries:
        raise too_big(name, f"含有 {len(infos)} 个部件", f"it has {len(infos)} parts")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" in names:
        kind = "xlsx"
    elif "mimetype" in names and package.read("mimetype").strip() == ODS_MIME:
        kind = "ods"
    else:
        raise not_a_table(name)
    total = 0
    for info in infos:
        if info.file_size > limits.entry_bytes or (
            info.file_size > 10 * MB and info.file_size > limits.ratio * max(info.compress_size, 1)
        ):
            raise too_big(
                name, "解压后体积过大（疑似压缩炸弹）", "it expands too much (a zip bomb?)"
            )
        total += info.file_size
    if total > limits.total_bytes:
        raise too_big(name, "解压后体积过大（疑似压缩炸弹）", "it expands too much (a zip bomb?)")
    facts = Facts(kind)
    expanded = 0
    for info in infos:
        if (
            info.is_dir()
            or not info.filename.lower().endswith((".xml", ".rels"))
            or info.filename.startswith(_UNREAD)
        ):
            continue
        pieces = _expand(data, info, name, limits)
        if kind == "ods" and info.filename == "content.xml":
            expanded += _scan_ods(pieces, name, limits, facts)
        else:
            size, exact = _scan_xml(pieces, info.filename, name, limits, facts)
            if exact:
                _exact_sheet(_expand(data, info, name, limits), name, limits)
            expanded += size
        if expanded > limits.total_bytes:
            raise too_big(
                name, "解压后体积过大（疑似压缩炸弹）", "it expands too much (a zip bomb?)"
            )
    if (facts.formulas or facts.hidden) and kind == "xlsx":
        facts.sheet_parts = _sheet_parts(package)
    for part in facts.filtered_parts:  # rows hidden under an autofilter are its doing
        facts.hidden[part] = dict.fromkeys(facts.hidden.get(part, {}), "filtered")
    return facts


_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


def _sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part (xl/worksheets/sheetN.xml), from the workbook's relations."""
    import html
    import posixpath

    try:
        book = package.read("xl/workbook.xml")
        rels = package.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for tag in re.findall(rb"<(?:\w+:)?Relationship\s[^>]*>", rels):
        attrs = dict(_ATTR.findall(tag))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        targets[attrs.get(b"Id", b"")] = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        )
    found = {}
    for tag in _SHEET.findall(book):
        attrs = dict(_ATTR.findall(tag))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), b"")
        sheet = html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        if rid in targets:
            found[sheet] = targets[rid]
    return found


def not_a_table(name: str) -> Exception:
    from alliance_review.core.errors import FileRefused

    return FileRefused(
        f"「{name}」不是表格文件（应为 .xlsx、.xls、.ods 或 .csv）。",
        f"{name} is not a spreadsheet (.xlsx, .xls, .ods or .csv expected).",
    )


def _expand(data: bytes, info: zipfile.ZipInfo, name: str, limits: Limits) -> Iterator[bytes]:
    """The part's bytes in pieces of at most 1 MB, inflated straight from the file's bytes
    with a cap on each step's output: never more than the part declares (nor the bound);
    a part that inflates to anything but what it declares (size, CRC) is refused."""
    declared = info.file_size
    if declared > limits.entry_bytes:
        raise too_big(name, "解压后体积过大（疑似压缩炸弹）", "it expands too much")
    start = info.header_offset
    try:
        if data[start : start + 4] != ZIP_MAGIC or info.flag_bits & 0x1:
            raise broken(name)  # no local header there, or encrypted
        name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    except struct.error as error:
        raise broken(name) from error
    begin = start + 30 + name_length + extra_length
    raw = memoryview(data)[begin : begin + info.compress_size]
    if len(raw) != info.compress_size:
        raise broken(name)
    done, crc = 0, 0
    if info.compress_type == zipfile.ZIP_STORED:
        for at in range(0, len(raw), PIECE):
            piece = bytes(raw[at : at + PIECE])
            done += len(piece)
            crc = zlib.crc32(piece, crc)
            yield piece
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pending: bytes | memoryview = raw
        try:
            while not inflater.eof:
                piece = inflater.decompress(pending, PIECE)
                pending = inflater.unconsumed_tail
                if not piece and not pending:
                    break  # the stream ends early
                done += len(piece)
                if done > declared:
                    raise broken(name)  # more than the part says it holds
                crc = zlib.crc32(piece, crc)
                yield piece
        except zlib.error as error:
            raise broken(name) from error
    else:
        raise broken(name)  # bzip2, LZMA...: no spreadsheet program writes those
    if done != declared or crc != info.CRC:
        raise broken(name)


# parts a reader never opens (images, themes, printer settings): their sizes are checked
_UNREAD = (
    "xl/theme/",
    "xl/media/",
    "xl/drawings/",
    "xl/printerSettings/",
    "xl/charts/",
    "xl/diagrams/",
    "docProps/",
    "customXml/",
    "Thumbnails/",
    "Configurations2/",
)


_ROW_REF = re.compile(rb'<row r="(\d+)"')
_TWO_LETTERS = re.compile(rb'<c r="[A-Z]{2}')
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
# tags that start like a cell but are none: col(s), colBreaks, color, conditionalFormatting,
# control(s), cfRule, charset, cellWatch(es), customSheetView(s), customProperties
_NOT_CELLS = (b"<co", b"<cf", b"<ch", b"<ce", b"<cu")


def _attributes_r(whole: bytes) -> int:
    """How many attributes named r (not header=, color=, xmlns:r=...) the XML has."""
    return whole.count(b"r=") - whole.count(b"er=") - whole.count(b"or=") - whole.count(b":r=")


class _Sheet:
    """The place of the farthest cell of a sheet written the usual way (every cell and
    row opens with r="..." first, nothing else carries an r attribute), from counts and a
    few searches, without parsing. Anything unusual sends the sheet to the exact parser."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.rows = self.max_row = self.max_col = 0
        self.usual = True

    def piece(self, whole: bytes) -> None:
        rows = whole.count(b"<row") - whole.count(b"<rowBreaks")
        self.rows += rows  # checked by the caller first: a bomb stops here
        if self.rows > self.limit or not self.usual:
            return
        refs = _ROW_REF.findall(whole)
        cells = whole.count(b'<c r="')
        tags = whole.count(b"<c")
        if tags != cells and tags != cells + sum(whole.count(t) for t in _NOT_CELLS):
            self.usual = False  # a cell without a leading r="..." (an implicit place)
        elif rows != len(refs):
            self.usual = False
        elif _attributes_r(whole) != cells + len(refs):
            self.usual = False  # an r attribute elsewhere: repeated, quoted otherwise...
        elif _TWO_LETTERS.search(whole):
            self.usual = False  # wider than Z: counted exactly
        if not self.usual or not refs:
            return
        local = max(map(int, refs))
        digits = str(local)
        beyond = rb"\d{%d,}" % (len(digits) + 1)
        if digits[0] != "9":
            beyond += rb"|[%c-9]\d{%d}" % (ord(digits[0]) + 1, len(digits) - 1)
        if re.search(rb'<c r="[A-Z](?:' + beyond + rb')"', whole):
            self.usual = False  # a cell far below its own row: counted exactly
            return
        self.max_row = max(self.max_row, local)
        while self.max_col < 26:
            wider = re.search(rb'<c r="[%c-Z]' % (65 + self.max_col), whole)
            if wider is None:
                break
            self.max_col = whole[wider.end() - 1] - 64


def _scan_xml(
    pieces: Iterator[bytes], part: str, name: str, limits: Limits, facts: Facts
) -> tuple[int, bool]:
    """(expanded size, whether the sheet must be parsed exactly) of one part."""
    runs = _Runs(name, limits)
    sheet_facts = _Sheet(limits.rows)
    size = 0
    carry = b""
    sheet = strings = False
    for index, piece in enumerate(pieces):
        size += len(piece)
        if index == 0:
            if b"<!DOCTYPE" in piece[:4096]:
                raise broken(name)  # spreadsheets have no DTD; entities are an attack
            sheet = b"sheetData" in piece or b"<worksheet" in piece or b":worksheet" in piece
            strings = b"<sst" in piece[:4096] or b":sst" in piece[:4096]
        if not (sheet or strings):
            if size > OTHER_PART:  # styles, relations, properties: small in any real file
                raise too_big(name, "含有过大的部件", "one of its parts is too large")
            continue
        runs.check(piece)
        if not sheet:
            continue
        buffer = carry + piece
        cut = buffer.rfind(b"</row>") + 6
        if cut < 6:
            cut = buffer.rfind(b">") + 1
        whole, carry = buffer[:cut], buffer[cut:]
        if len(carry) > 64 * MB:
            raise too_big(name, "有一行过长", "one row is too long")
        sheet_facts.piece(whole)
        if sheet_facts.rows > limits.rows:
            raise too_big(name, f"超过 {limits.rows} 行", f"it has more than {limits.rows} rows")
        if (b"</f>" in whole or b"<f " in whole or b":f" in whole) and _FORMULA.search(whole):
            _formulas(whole, facts.formulas.setdefault(part, {}))
        if b'hidden="1"' in whole or b'hidden="true"' in whole:
            _hidden_rows(whole, facts.hidden.setdefault(part, {}))
        if b"autoFilter" in whole or b'filterMode="1"' in whole or b'filterMode="true"' in whole:
            facts.filtered_parts.add(part)
    if sheet:
        sheet_facts.piece(carry)
        if sheet_facts.usual:
            _check_area(name, limits, sheet_facts.max_row, sheet_facts.max_col, sheet_facts.rows)
            return size, False
    return size, sheet


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*>")
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\sr="(\d{1,7})"')


def _hidden_rows(whole: bytes, found: dict[int, str]) -> None:
    """Rows whose tag says hidden="1" (or "true", as LibreOffice writes it)."""
    for tag in _ROW_TAG.findall(whole):
        if _HIDDEN.search(tag):
            number = _ROW_NUMBER.search(tag)
            if number is not None:
                found[int(number.group(1))] = "hidden"


def _check_area(name: str, limits: Limits, rows: int, columns: int, cells: int) -> None:
    """A reader fills in every cell of the rectangle up to the farthest one."""
    if rows > limits.rows or columns > limits.columns or rows * columns > limits.cells:
        raise too_big(
            name,
            f"的数据区域达 {rows} 行 × {columns} 列，超过 {limits.rows} 行、{limits.columns} 列"
            f"或 {limits.cells} 个单元格",
            f"its data reaches {rows} rows x {columns} columns, beyond {limits.rows} rows, "
            f"{limits.columns} columns or {limits.cells} cells",
        )
    del cells


class _Runs:
    """The longest stretch of text between two tags (a cell's text), by sampled windows."""

    def __init__(self, name: str, limits: Limits):
        self.name, self.limits, self.run = name, limits, 0

    def check(self, piece: bytes) -> None:
        first = piece.find(b"<")
        if first < 0:
            self.run += len(piece)
            self._check(self.run)
            return
        self._check(self.run + first)
        last = piece.rfind(b"<")
        for start in range(first, last, RUN):
            if start + RUN < last and piece.find(b"<", start, start + RUN) < 0:
                self._check(RUN * 2)
        self.run = len(piece) - last - 1

    def _check(self, run: int) -> None:
        if run > RUN:
            raise too_big(
                self.name,
                f"有单元格文字超过 {self.limits.cell_chars} 个字符",
                f"a cell holds more than {self.limits.cell_chars} characters",
            )


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


_CELL_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s+r="([A-Z]{1,3})(\d{1,7})"')
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)</")
_FORMULA_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f(?:\s[^>]*)?>([^<]*)</")


def _formulas(whole: bytes, found: dict[tuple[int, int], tuple[str, bool]]) -> None:
    """Formula cells: (row, column) 1-based row, 0-based column -> (formula, has a value)."""
    for mark in _FORMULA.finditer(whole):
        at = mark.start()
        opener = max(whole.rfind(b"<c ", 0, at), whole.rfind(b":c ", 0, at))
        opener = whole.rfind(b"<", 0, opener + 1) if opener >= 0 else -1
        ref = _CELL_REF.match(whole, opener) if opener >= 0 else None
        if ref is None:
            continue
        end = whole.find(b"c>", at)
        body = whole[at : end if end > 0 else len(whole)]
        text = _FORMULA_TEXT.match(body)
        value = _VALUE.search(body)
        formula = "=" + (text.group(1).decode("utf-8", "replace") if text else "…")
        row, column = int(ref.group(2)), _column(ref.group(1)) - 1
        found[(row, column)] = (formula, bool(value and value.group(1)))


def _exact_sheet(pieces: Iterator[bytes], name: str, limits: Limits) -> None:
    """Rows, columns and cells of a sheet counted by an XML parser (any way of writing)."""
    state = {"row": 0, "col": 0, "max_row": 0, "max_col": 0, "cells": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local == "row":
            r = attrs.get("r", "")
            state["row"] = int(r) if r.isdigit() else state["row"] + 1
            state["col"] = 0
        elif local == "c":
            ref = attrs.get("r", "")
            letters = ref.rstrip("0123456789")
            digits = ref[len(letters) :]
            if letters.isalpha() and letters.isupper():
                state["col"] = _column(letters.encode())
            else:
                state["col"] += 1
            row = int(digits) if digits.isdigit() else state["row"]
            state["cells"] += 1
            state["max_row"] = max(state["max_row"], row)
            state["max_col"] = max(state["max_col"], state["col"])
            if (
                state["max_row"] > limits.rows
                or state["max_col"] > limits.columns
                or state["cells"] > limits.cells
            ):
                _check_area(name, limits, state["max_row"], state["max_col"], 0)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.buffer_text = True
    try:
        for piece in pieces:
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise broken(name) from error
    _check_area(name, limits, state["max_row"], state["max_col"], state["cells"])


def _scan_ods(pieces: Iterator[bytes], name: str, limits: Limits, facts: Facts) -> int:
    """content.xml of an ODS: rows and columns with their repeat counts (empty trailing
    repeats, which LibreOffice writes to the end of the sheet, cost nothing), merged areas
    (spanned cells), and the length of every cell's text."""
    sheets: list[str] = facts.ods_sheets
    state = {"row": 0, "col": 0, "cells": 0, "text": 0, "in_cell": 0, "max_row": 0, "max_col": 0}
    row_repeat = [1]
    pending: list[tuple[int, int]] = []  # (first column, repeat) of non-empty cells in a row
    cell: dict[str, int] = {}

    def refuse_size() -> None:
        raise too_big(
            name,
            f"超过 {limits.rows} 行、{limits.columns} 列或 {limits.cells} 个单元格",
            f"it has more than {limits.rows} rows, {limits.columns} columns or "
            f"{limits.cells} cells",
        )

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "table:table":
            sheets.append(attrs.get("table:name", ""))
            facts.ods_merges[sheets[-1]] = []
            state["row"] = 0
        elif tag == "table:table-row":
            row_repeat[0] = _repeat(attrs.get("table:number-rows-repeated"))
            state["col"] = 0
            pending.clear()
            visibility = attrs.get("table:visibility")
            if visibility in ("collapse", "filter") and row_repeat[0] <= limits.rows:
                kind = "filtered" if visibility == "filter" else "hidden"
                rows = facts.hidden.setdefault(sheets[-1] if sheets else "", {})
                for number in range(state["row"] + 1, state["row"] + row_repeat[0] + 1):
                    rows[number] = kind
        elif tag in ("table:table-cell", "table:covered-table-cell"):
            repeat = _repeat(attrs.get("table:number-columns-repeated"))
            cell.update(
                first=state["col"], repeat=repeat, filled=int(bool(attrs.get("office:value-type")))
            )
            rows_spanned = _repeat(attrs.get("table:number-rows-spanned"))
            cols_spanned = _repeat(attrs.get("table:number-columns-spanned"))
            if tag == "table:table-cell" and (rows_spanned > 1 or cols_spanned > 1):
                facts.ods_merges[sheets[-1]].append(
                    (
                        state["row"],
                        state["col"],
                        state["row"] + rows_spanned - 1,
                        state["col"] + cols_spanned - 1,
                    )
                )
            state["in_cell"] = 1
            state["text"] = 0
            if cell["filled"]:
                pending.append((state["col"], repeat))
            state["col"] += repeat

    def end(tag: str) -> None:
        if tag in ("table:table-cell", "table:covered-table-cell"):
            state["in_cell"] = 0
            if state["text"] and not cell.get("filled"):
                pending.append((cell["first"], cell["repeat"]))
        elif tag == "table:table-row":
            repeat = row_repeat[0]
            if pending:
                last = max(first + count for first, count in pending)
                state["cells"] += sum(count for _, count in pending) * repeat
                state["max_col"] = max(state["max_col"], last)
                state["max_row"] = state["row"] + repeat
                if state["cells"] > limits.cells:
                    refuse_size()
                _check_area(name, limits, state["max_row"], state["max_col"], 0)
            state["row"] += repeat

    def text(data: str) -> None:
        if state["in_cell"]:
            state["text"] += len(data)
            if state["text"] > limits.cell_chars:
                raise too_big(
                    name,
                    f"有单元格文字超过 {limits.cell_chars} 个字符",
                    f"a cell holds more than {limits.cell_chars} characters",
                )

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    size = 0
    try:
        for index, piece in enumerate(pieces):
            if index == 0 and b"<!DOCTYPE" in piece[:4096]:
                raise broken(name)
            size += len(piece)
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise broken(name) from error
    return size


def _repeat(text: str | None) -> int:
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1
