"""PDF pages (and reportlab drawings) as PNG images, for the app's preview.

PySide6-Essentials has no QtPdf, so pages are rendered with pypdfium2 (PDFium, offline,
installed with the app); where it is missing, poppler's ``pdftoppm`` is used if present.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance_review.core.errors import UserError

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


def _pdfium() -> Any:
    """pypdfium2, imported when a page is first rendered (not when the window opens)."""
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - pypdfium2 is a dependency
        return None
    return pypdfium2


def _no_renderer() -> UserError:
    return UserError(
        "无法显示预览：缺少 PDF 渲染组件（pypdfium2 或 pdftoppm）。",
        "Cannot show the preview: no PDF renderer (pypdfium2 or pdftoppm) is installed.",
    )


def page_count(pdf: Path | bytes) -> int:
    pdfium = _pdfium()
    if pdfium is not None:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()
    if shutil.which("pdfinfo") and isinstance(pdf, Path):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        for line in info.stdout.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    raise _no_renderer()


def page_png(pdf: Path | bytes, index: int, dpi: float = 96) -> bytes:
    """Page ``index`` (from 0) of a PDF file or PDF bytes as PNG bytes."""
    pdfium = _pdfium()
    if pdfium is not None:
        document = pdfium.PdfDocument(pdf)
        try:
            bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            return buffer.getvalue()
        finally:
            document.close()
    if shutil.which("pdftoppm") is None:
        raise _no_renderer()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        if isinstance(pdf, bytes):
            source.write_bytes(pdf)
        else:
            source = pdf
        number = str(index + 1)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(int(dpi)),
                "-f",
                number,
                "-l",
                number,
                "-singlefile",
                str(source),
                str(Path(folder) / "page"),
            ],
            check=True,
            capture_output=True,
        )
        return (Path(folder) / "page.png").read_bytes()


def pdf_metadata(pdf: Path) -> dict[str, str]:
    """The document information of a PDF (title, subject, keywords ...)."""
    pdfium = _pdfium()
    if pdfium is None:  # pragma: no cover - pypdfium2 is a dependency
        raise _no_renderer()
    if not pdf.is_file():
        raise UserError(f"找不到文件「{pdf.name}」。", f"The file {pdf.name} does not exist.")
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as error:
        raise UserError(
            f"文件「{pdf.name}」不是可读的 PDF。", f"{pdf.name} is not a readable PDF."
        ) from error
    try:
        return {str(k): str(v) for k, v in document.get_metadata_dict().items()}
    finally:
        document.close()


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text each page prints, as PDFium extracts it (one string per page)."""
    pdfium = _pdfium()
    if pdfium is None:  # pragma: no cover - pypdfium2 is a dependency
        raise _no_renderer()
    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def drawing_png(drawing: Drawing, dpi: float = 96) -> bytes:
    """A reportlab drawing (a chart) as PNG bytes, through a one-page PDF."""
    from reportlab.graphics import renderPDF  # half a second to import: only when drawn

    return page_png(renderPDF.drawToString(drawing), 0, dpi)
