"""What the appendix PDF and the statistics PDF share: the font, the date, page numbers.

Deterministic output: documents are built with reportlab's invariant mode (fixed document
id), and their date is the round's own (``round_moment``: the lock time of a locked
round, else its latest result-changing event), so the same round gives byte-identical
files. The font is WenQuanYi Micro Hei (bundled, TrueType outlines, embedded as a
subset) unless the user chooses another TrueType file (``using_font``): an office's own
仿宋, or the system's Song font where it has one (``system.fonts``: SimSun, Songti, AR PL UMing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from alliance_review.core.errors import UserError
from alliance_review.services import resources
from alliance_review.services.pdf_choices import system_song_font as system_song_font

FONT = "WQY"  # the bundled font's name in reportlab
FONT_LIMIT = 64 * 1024 * 1024  # a font file larger than this is refused
_current: ContextVar[str] = ContextVar("pdf_font", default=FONT)
_registered: set[str] = set()  # names this process registered (reportlab keeps them for good)


def register_font(path: Path | str | None = None) -> str:
    """Register the bundled font, or the TrueType file ``path``; returns its name.

    A file that is no TrueType font (an OpenType/CFF font, a PostScript font, anything
    else) is refused with one sentence: reportlab embeds TrueType outlines only.
    """
    if path is None:
        if FONT not in _registered:
            if FONT not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(FONT, str(resources.font_path()), subfontIndex=0))
            _registered.add(FONT)
        return FONT
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到字体文件「{path}」。", f"The font file {path} does not exist.")
    if path.stat().st_size > FONT_LIMIT:
        raise UserError(
            f"字体文件「{path.name}」过大，不像是字体。", f"{path.name} is too large for a font."
        )
    name = "F" + hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
        except (TTFError, OSError, ValueError, KeyError, IndexError) as error:
            raise UserError(
                f"「{path.name}」不是可嵌入的 TrueType 字体（.ttf/.ttc）；OpenType(CFF) 字体"
                "无法嵌入 PDF，请选择 TrueType 字体。",
                f"{path.name} is not an embeddable TrueType font (.ttf/.ttc); OpenType (CFF)"
                " fonts cannot be embedded, choose a TrueType font.",
            ) from error
    return name


def font() -> str:
    """The font the PDF being built uses (the bundled one unless ``using_font`` says).

    Called for every word measured: a set lookup once the font is registered."""
    name = _current.get()
    if name == FONT and FONT not in _registered:
        register_font()
    return name


@contextmanager
def using_font(path: Path | str | None) -> Iterator[str]:
    """Build PDFs inside the block with the TrueType font ``path`` (None: bundled)."""
    token = _current.set(register_font(path))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


class _Stamp:
    """What reportlab reads from a document's time stamp, for a fixed moment."""

    def __init__(self, moment: datetime) -> None:
        offset = moment.utcoffset()
        minutes = 0 if offset is None else int(offset.total_seconds() // 60)
        self.t = moment.timestamp()
        self.lt = moment.timetuple()
        self.YMDhms = tuple(moment.timetuple())[:6]
        hours, rest = divmod(abs(minutes), 60)
        self.dhh, self.dmm = (hours if minutes >= 0 else -hours), rest
        self.tzname = moment.tzname() or ""


def date_canvas(canvas: Canvas, moment: datetime | None) -> None:
    """Give a canvas's document the date ``moment`` (None: reportlab's fixed date)."""
    if moment is not None:
        canvas._doc._timeStamp = _Stamp(moment)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that prints "第 N 页 共 M 页" at the foot of every page.

    The total is only known at the end, so each page's drawing is kept until ``save``.
    ``moment`` (a class attribute set by ``dated``) is the document's date.
    """

    footer_size = 10.5
    footer_y = 14 * mm
    moment: datetime | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept_pages: list[dict[str, Any]] = []
        self._footer_font = font()
        if self.moment is not None:
            self._doc._timeStamp = _Stamp(self.moment)

    @classmethod
    def dated(cls, moment: datetime | None) -> type[NumberedCanvas]:
        """This canvas with the document date ``moment`` (None: reportlab's fixed date)."""
        return type("DatedCanvas", (cls,), {"moment": moment})

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._kept_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept_pages)
        for state in self._kept_pages:
            self.__dict__.update(state)
            self.setFont(self._footer_font, self.footer_size)
            self.drawCentredString(
                self._pagesize[0] / 2, self.footer_y, f"第 {self._pageNumber} 页 共 {total} 页"
            )
            super().showPage()
        super().save()


def round_moment(text: str | None) -> datetime | None:
    """A stored ISO time as the document date (None when absent or unreadable)."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
