"""Documents made by the writers alliances use, and hostile ones, built on the fly.

Nothing here is committed as a binary: each maker writes its file into a folder given by
the test (the LibreOffice ones are made once per session: starting LibreOffice takes
seconds). Every PDF page says its number in words a search finds ("第 12 页", "page 12").
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

FONT = Path(__file__).parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _font_name() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY-docs" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY-docs", str(FONT), subfontIndex=0))
    return "WQY-docs"


def reportlab_pdf(path: Path, pages: int = 50, title: str = "年度工作总结") -> Path:
    """A text PDF written by reportlab: a heading and a few lines per page, in Chinese."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font_name()
    drawing = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    drawing.setTitle(title)
    width, height = A4
    for number in range(1, pages + 1):
        drawing.setFont(font, 18)
        drawing.drawString(72, height - 90, f"{title}")
        drawing.setFont(font, 12)
        drawing.drawString(72, height - 130, f"第 {number} 页 page {number}")
        lines = [
            "本年度联盟理事会召开会议两次，专家委员会召开会议三次。",
            "联盟组织成员单位联合承担国家科技计划项目，制定行业标准。",
            f"marker-{number:04d} 秘书处专职人员五名，建立了工作制度。",
        ]
        for line_number, line in enumerate(lines):
            drawing.drawString(72, height - 170 - 22 * line_number, line)
        if number % 7 == 0:
            drawing.drawString(72, height - 260, "专利共享 patent pool")
        drawing.showPage()
    drawing.save()
    return path


def scanned_pdf(path: Path, pages: int = 3) -> Path:
    """A scanned document: each page a picture of text (no text layer), made by Pillow."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 36)
    images = []
    for number in range(1, pages + 1):
        image = Image.new("L", (1240, 1754), 245)
        draw = ImageDraw.Draw(image)
        draw.text((120, 160), f"会议纪要（扫描件） 第 {number} 页", font=font, fill=20)
        draw.text((120, 260), "理事会第三次会议 签到表", font=font, fill=40)
        for y in range(400, 1600, 60):
            draw.line((120, y, 1120, y + (y % 7)), fill=90, width=2)
        images.append(image)
    images[0].save(path, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return path


def picture(path: Path, kind: str = "PNG") -> Path:
    """A screenshot of a web page, as alliances send them."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 28)
    image = Image.new("RGB", (1280, 800), (250, 250, 252))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1280, 80), fill=(30, 80, 160))
    draw.text((40, 20), "联盟网站 首页", font=font, fill=(255, 255, 255))
    draw.text((40, 140), "新闻动态：联盟召开年度理事会", font=font, fill=(20, 20, 20))
    image.save(path, kind)
    return path


def malformed_pdf(path: Path) -> Path:
    """A PDF cut off half-way with its cross-reference table garbled."""
    buffer = io.BytesIO()
    source = reportlab_pdf(Path(tempfile.mkdtemp()) / "source.pdf", pages=4).read_bytes()
    buffer.write(source[: len(source) // 2])
    buffer.write(b"\nxref\n0 9999\ngarbage garbage\ntrailer\n<< /Root 999 0 R >>\n%%EOF\n")
    path.write_bytes(buffer.getvalue())
    return path


def _pdf(objects: list[bytes], path: Path) -> Path:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start))  # fmt: skip
    path.write_bytes(out.getvalue())
    return path


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return dictionary[:-2] + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def time_bomb_pdf(path: Path, depth: int = 12, fan: int = 8) -> Path:
    """A small PDF whose one page draws a form that draws a form … ``fan`` times at each
    of ``depth`` levels: 8^12 (68 billion) strokes, a page that never finishes drawing."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /F 5 0 R >> >> >>",
        _stream(b"<< >>", b"/F Do"),
    ]
    for level in range(depth):
        number = 5 + level
        if level == depth - 1:
            content = b"0 0 m 595 842 l S"
            resources = b""
        else:
            content = b" ".join(b"q 0.99 0 0 0.99 %d %d cm /F Do Q" % (i, i) for i in range(fan))
            resources = b" /Resources << /XObject << /F %d 0 R >> >>" % (number + 1)
        objects.append(
            _stream(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842]" + resources + b" >>",
                content,
            )  # fmt: skip
        )
    return _pdf(objects, path)


def memory_bomb_pdf(path: Path, side: int = 20000) -> Path:
    """A PDF of ~1 MB whose one page holds a ``side`` x ``side`` RGB picture: 1.2 GB once
    decoded. The deflate stream is one row's compressed block repeated (each row flushed
    whole), so it is written in a moment."""
    row = b"\x00" * (side * 3)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(row) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(side):
        checksum = zlib.adler32(row, checksum)
    data = b"\x78\xda" + block * side + b"\x03\x00" + checksum.to_bytes(4, "big")
    image = _stream(
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
        b" /BitsPerComponent 8 /Filter /FlateDecode >>" % (side, side),
        data,
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /I 5 0 R >> >> >>",
            _stream(b"<< >>", b"q 595 0 0 842 0 0 cm /I Do Q"),
            image,
        ],
        path,
    )


# LibreOffice, the way alliances make their PDFs ---------------------------------------------
def docx_file(path: Path, paragraphs: int = 40) -> Path:
    """A work summary written by python-docx (Word's format), Chinese text, a table."""
    import docx

    document = docx.Document()
    document.add_heading("2015年度工作总结", level=1)
    for number in range(1, paragraphs + 1):
        document.add_paragraph(
            f"{number}. 联盟理事会按章程召开会议，专家委员会开展技术咨询；"
            "联盟成员联合承担国家科技计划项目，共同制定行业标准与联盟标准。"
        )
        if number % 15 == 0:
            document.add_page_break()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"项目{r}-{c}"
    document.save(str(path))
    return path


def xlsx_file(path: Path) -> Path:
    """A project list written by xlsxwriter (what offices send as .xlsx)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("项目清单")
    sheet.write_row(0, 0, ["序号", "项目名称", "承担单位", "经费（万元）"])
    for r in range(1, 40):
        sheet.write_row(r, 0, [r, f"联合攻关项目 {r}", f"成员单位 {r % 7}", 50 + r])
    book.add_worksheet("标准").write_row(0, 0, ["标准名称", "级别"])
    book.close()
    return path


def soffice_pdf(source: Path, out_dir: Path) -> Path:
    """``source`` converted to PDF by LibreOffice (a profile of its own, so a running
    LibreOffice of the user's never collides with it)."""
    assert SOFFICE is not None
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    return out_dir / (source.stem + ".pdf")


def padded_pdf(path: Path, megabytes: float) -> Path:
    """A one-page PDF carrying ``megabytes`` of incompressible bytes (a large scan)."""
    import os

    filler = os.urandom(int(megabytes * 1024 * 1024))
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            _stream(b"<< >>", b"0 0 m 595 842 l S"),
            _stream(b"<< >>", filler),
        ],
        path,
    )
