"""What the appendix PDF and the statistics PDF share: the font and page numbers.

Deterministic output: documents are built with reportlab's invariant mode (fixed dates
and document id), so the same round gives byte-identical files. The font is WenQuanYi
Micro Hei (TrueType outlines, embedded as a subset).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from alliance_review.services import resources

FONT = "WQY"


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resources.font_path()), subfontIndex=0))
    return FONT


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that prints "第 N 页 共 M 页" at the foot of every page.

    The total is only known at the end, so each page's drawing is kept until ``save``.
    """

    footer_size = 10.5
    footer_y = 14 * mm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._kept_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept_pages)
        for state in self._kept_pages:
            self.__dict__.update(state)
            self.setFont(FONT, self.footer_size)
            self.drawCentredString(
                self._pagesize[0] / 2, self.footer_y, f"第 {self._pageNumber} 页 共 {total} 页"
            )
            super().showPage()
        super().save()
