"""Hostile spreadsheets built on the fly (small to make, huge to parse): zip bombs,
sparse sheets, a 600 MB cell, repeated ODS rows, a far-away .xls cell."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="' + REL + '/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
    '<sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="' + REL + '/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>联盟名称</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>批次</t></is></c></row>'
)


def xlsx_package(path: Path, sheet_pieces, stream: bool = False) -> Path:
    """An xlsx whose sheet XML is the concatenation of ``sheet_pieces`` (streamed into the
    zip, so a bomb of millions of rows is written without holding it in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for piece in sheet_pieces:
                sheet.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
    return path


def row_bomb(path: Path, rows: int = 3_000_000) -> Path:
    """A few MB that expand to millions of rows of one repeated alliance."""

    def pieces():
        yield HEAD + HEADER_ROW
        block = []
        for r in range(2, rows + 2):
            block.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>联盟</t></is></c></row>')
            if len(block) == 10_000:
                yield "".join(block)
                block = []
        yield "".join(block) + "</sheetData></worksheet>"

    return xlsx_package(path, pieces())


def sparse_sheet(path: Path, far: str = "XFD1048576") -> Path:
    """Two cells, one at A1 and one at the sheet's far corner: a reader that fills in
    every cell between them needs billions of cells."""
    row = "".join(ch for ch in far if ch.isdigit())
    return xlsx_package(
        path,
        [
            HEAD + HEADER_ROW,
            f'<row r="{row}"><c r="{far}" t="inlineStr"><is><t>x</t></is></c></row>',
            "</sheetData></worksheet>",
        ],
    )


def huge_cell(path: Path, megabytes: int = 600) -> Path:
    """One alliance name of ``megabytes`` MB (compresses to under 1 MB)."""

    def pieces():
        yield HEAD + HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>'
        chunk = "联" * (1024 * 1024 // 3)
        for _ in range(megabytes):
            yield chunk
        yield "</t></is></c></row></sheetData></worksheet>"

    return xlsx_package(path, pieces())


def lying_sizes(path: Path, megabytes: int = 200) -> Path:
    """A sheet part that declares 1 KB and expands to ``megabytes`` MB: its local and
    central headers lie about the size."""
    import struct

    def pieces():
        yield HEAD + HEADER_ROW + '<row r="2">'
        for _ in range(megabytes):
            yield "<c/>" * (1024 * 1024 // 4)
        yield "</row></sheetData></worksheet>"

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for piece in pieces():
                sheet.write(piece.encode())
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 1024)
    name = info.filename.encode()
    central = data.rfind(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 6])
    central = data.find(name, data.find(b"PK\x01\x02")) - 46
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(name, central + 47) - 46
    struct.pack_into("<I", data, central + 24, 1024)
    path.write_bytes(bytes(data))
    return path


def ods_repeat_bomb(path: Path, source: Path, rows: int = 5_000_000) -> Path:
    """An .ods (LibreOffice's own) with one filled row repeated millions of times."""
    with zipfile.ZipFile(source) as base:
        content = base.read("content.xml").decode("utf-8")
        bomb = (
            f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
            'office:value-type="string"><text:p>联盟</text:p></table:table-cell></table:table-row>'
        )
        at = content.index("</table:table>")
        content = content[:at] + bomb + content[at:]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr("mimetype", base.read("mimetype"), compress_type=zipfile.ZIP_STORED)
            for info in base.infolist():
                if info.filename not in ("mimetype", "content.xml"):
                    out.writestr(info, base.read(info.filename))
            out.writestr("content.xml", content)
    return path
