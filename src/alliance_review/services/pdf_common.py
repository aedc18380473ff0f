"""What the appendix PDF and the statistics PDF share: the font, page numbers, safe writing.

Deterministic output: documents are built with reportlab's invariant mode (fixed dates
and document id), so the same round gives byte-identical files. The font is WenQuanYi
Micro Hei (TrueType outlines, embedded as a subset).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from alliance_review.core.errors import UserError
from alliance_review.services import resources

FONT = "WQY"
Progress = Callable[[int, int], bool]


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resources.font_path()), subfontIndex=0))
    return FONT


def cancelled() -> UserError:
    return UserError("已取消，未写入文件。", "Cancelled; no file was written.")


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


def check_folder(out: Path | str) -> Path:
    """Refuse a target whose folder does not exist (before any work is done)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise UserError(
            f"文件夹「{out.parent}」不存在。", f"The folder {out.parent} does not exist."
        )
    return out


@contextlib.contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out`` that replaces it only when the block succeeds.

    On any error (a cancel included) the temporary file is removed and ``out`` stays as
    it was, or absent.
    """
    out = check_folder(out)
    handle, name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".part", dir=out.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
