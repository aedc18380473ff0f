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
    """Formats made once per workbook, each with a quote-prefixed twin for text that
    starts with a formula sign."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        if key not in self._made:
            self._made[key] = self.book.add_format(properties)
        return self._made[key]

    def text(self, sheet: Worksheet, row: int, column: int, value: str, **properties: Any) -> None:
        """Write ``value`` as text, whatever it starts with."""
        if value.startswith(FORMULA_STARTS):
            properties = dict(properties, quote_prefix=True)
        sheet.write_string(row, column, value, self.get(**properties) if properties else None)

    def value(self, sheet: Worksheet, row: int, column: int, value: Any, **properties: Any) -> None:
        """Text as text, a number as a number, None as an empty (formatted) cell."""
        if isinstance(value, str):
            self.text(sheet, row, column, value, **properties)
        elif value is None:
            if properties:
                sheet.write_blank(row, column, None, self.get(**properties))
        else:
            sheet.write_number(row, column, value, self.get(**properties) if properties else None)


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
