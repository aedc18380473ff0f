"""What two PDFs show, compared page by page as a reader sees them (PDFium renders).

The text a PDF carries is not what it shows: a picture laid over a page hides the text
under it, and extracting the text still finds the genuine table. So pages are rendered
(pypdfium2, annotations and form fields included, as a viewer draws them) in grey at
``DPI`` and compared pixel by pixel. Rendering the same drawing twice gives the same
pixels; a pixel counts as different when its grey differs by more than ``PIXEL_STEP``,
and a page differs when more than ``PIXELS_ALLOWED`` do: one changed digit of the table
is some hundred pixels, anti-aliasing of the same drawing made by another library
version a handful at most.

The PDF being checked may be crafted: a page other than the size the comparison expects
is a difference before anything is rendered (a page 100 metres wide would be gigabytes
of pixels), and a PDF PDFium cannot read is said to be one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_review.core.errors import UserError

DPI = 110
PIXEL_STEP = 80
PIXELS_ALLOWED = 6
SIZE_TOLERANCE = 0.5  # points


@dataclass(frozen=True)
class PageDifference:
    """The first page that shows something else, and what (zh, en)."""

    page: int  # from 1
    zh: str
    en: str


def _pdfium() -> Any:
    import pypdfium2

    return pypdfium2


def _open(pdf: Path | bytes, name: str) -> Any:
    pdfium = _pdfium()
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as error:
        raise UserError(f"「{name}」不是可读的 PDF。", f"{name} is not a readable PDF.") from error


def _where(box: tuple[int, int, int, int], height: int) -> tuple[str, str]:
    middle = (box[1] + box[3]) / 2 / max(1, height)
    if middle < 1 / 3:
        return "页面上部", "the top of the page"
    if middle < 2 / 3:
        return "页面中部", "the middle of the page"
    return "页面下部", "the bottom of the page"


def _grey(page: Any) -> Any:
    return page.render(scale=DPI / 72, grayscale=True, draw_annots=True).to_pil().convert("L")


def first_visible_difference(
    found: Path | bytes, expected: Path | bytes, name: str = "PDF"
) -> PageDifference | None:
    """The first page of ``found`` that does not show what the same page of ``expected``
    shows (page count and size included), or None when every page looks the same."""
    from PIL import ImageChops

    shown, wanted = _open(found, name), _open(expected, name)
    try:
        if len(shown) != len(wanted):
            page = min(len(shown), len(wanted)) + 1
            return PageDifference(
                page,
                f"共 {len(shown)} 页，按评价轮次现在的内容应为 {len(wanted)} 页",
                f"it has {len(shown)} page(s) where the round as it is now prints {len(wanted)}",
            )
        for index in range(len(wanted)):
            mine, theirs = shown[index], wanted[index]
            width, height = mine.get_size()
            want_width, want_height = theirs.get_size()
            if (
                abs(width - want_width) > SIZE_TOLERANCE
                or abs(height - want_height) > SIZE_TOLERANCE
            ):
                return PageDifference(index + 1, "页面尺寸不同", "its page size differs")
            picture, reprint = _grey(mine), _grey(theirs)
            changed = ImageChops.difference(picture, reprint).point(
                lambda v: 255 if v > PIXEL_STEP else 0
            )
            if changed.histogram()[255] > PIXELS_ALLOWED:
                box = changed.getbbox() or (0, 0, 0, 0)
                zh, en = _where(box, changed.height)
                return PageDifference(
                    index + 1,
                    f"所显示的内容（{zh}）与评价轮次现在打印出的不同",
                    f"what it shows ({en}) differs from what the round prints now",
                )
        return None
    except _pdfium().PdfiumError as error:
        raise UserError(
            f"「{name}」的页面无法显示（不是可读的 PDF）。",
            f"The pages of {name} cannot be shown (it is not a readable PDF).",
        ) from error
    finally:
        shown.close()
        wanted.close()


def metadata(pdf: Path | bytes, name: str = "PDF") -> dict[str, str]:
    """The document information of a PDF (title, subject, keywords ...)."""
    document = _open(pdf, name)
    try:
        return {str(k): str(v) for k, v in document.get_metadata_dict().items()}
    finally:
        document.close()
