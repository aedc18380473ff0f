"""Writing workbooks with xlsxwriter: fast, streamed when asked, and safe with any text.

Every text goes through ``write_string`` (never ``write``, which would make "=..." a
formula): a text starting with = + - @ gets Excel's quote prefix as well, so editing the
cell in Excel keeps it text. Control characters are written the way Excel escapes them
(_x0001_) and read back as they were; nothing typed is dropped or changed. The file is
written beside its target and renamed into place only when complete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from alliance_review.services.output import replacing

FORMULA_STARTS = ("=", "+", "-", "@")
OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": True,
}


class Book(xlsxwriter.Workbook):  # type: ignore[misc]
    """An xlsxwriter workbook whose sheet structure can be locked (no inserting, deleting,
    unhiding sheets in Excel), which xlsxwriter itself does not offer."""

    lock_structure = False

    def _write_book_views(self) -> None:
        if self.lock_structure:
            self._xml_empty_tag("workbookProtection", [("lockStructure", 1)])
        super()._write_book_views()


class Styles:
    """Formats made once per workbook (``get``), each with a quote-prefixed twin for text
    that starts with a formula sign; ``text``/``value`` write a cell with one of them."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}
        self._quoted: dict[int, Format] = {}
        self._plain_quoted: Format | None = None

    def get(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self.book.add_format(properties)
            self._quoted[id(made)] = self.book.add_format(dict(properties, quote_prefix=True))
        return made

    def text(
        self, sheet: Worksheet, row: int, column: int, value: str, style: Format | None = None
    ) -> None:
        """Write ``value`` as text, whatever it starts with."""
        if value.startswith(FORMULA_STARTS):
            if style is None:
                style = self.get()
            style = self._quoted[id(style)]
        sheet.write_string(row, column, value, style)

    def value(
        self, sheet: Worksheet, row: int, column: int, value: Any, style: Format | None = None
    ) -> None:
        """Text as text, a number as a number, None as an empty (formatted) cell."""
        if isinstance(value, str):
            self.text(sheet, row, column, value, style)
        elif value is None:
            if style is not None:
                sheet.write_blank(row, column, None, style)
        else:
            sheet.write_number(row, column, value, style)


@contextlib.contextmanager
def writing(out: Path, constant_memory: bool = False) -> Iterator[Book]:
    """A workbook that becomes ``out`` only when the block completes (else nothing)."""
    with replacing(out) as temporary:
        book = Book(
            str(temporary),
            dict(OPTIONS, constant_memory=constant_memory, in_memory=not constant_memory),
        )
        try:
            yield book
        except BaseException:
            book.fileclosed = True  # nothing is written; the temporary file is removed
            raise
        book.close()
