"""How big a table from elsewhere may be, and the one-sentence refusals when it is bigger.

Every bound is checked before the table is parsed, so a crafted file (a zip bomb, a
sparse sheet whose last cell is XFD1048576, a 600 MB cell) is refused in a moment with
bounded memory instead of exhausting the machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_review.core.errors import FileRefused

MB = 1024 * 1024
EXCEL_CELL_CHARS = 32_767  # Excel's own limit on the text of one cell


@dataclass(frozen=True)
class Limits:
    """Bounds for one kind of import; the defaults fit a roster or reviewer list."""

    file_bytes: int = 64 * MB  # the file on disk
    entry_bytes: int = 256 * MB  # one part of a zip package, expanded
    total_bytes: int = 512 * MB  # all parts of a zip package, expanded
    entries: int = 2_000  # parts in a zip package
    ratio: int = 400  # expansion ratio of a large part (real sheets stay under ~100)
    rows: int = 200_000
    columns: int = 1_000
    cells: int = 4_000_000
    cell_chars: int = EXCEL_CELL_CHARS

    def scaled(self, rows: int, columns: int | None = None) -> Limits:
        """The same bounds for a table expected to hold about ``rows`` rows."""
        from dataclasses import replace

        columns = columns or self.columns
        return replace(
            self,
            rows=max(rows, 100),
            columns=columns,
            cells=max(rows, 100) * columns,
            file_bytes=max(self.file_bytes, min(rows * 4096, 1024 * MB)),
            entry_bytes=max(self.entry_bytes, min(rows * 8192, 2048 * MB)),
            total_bytes=max(self.total_bytes, min(rows * 16384, 4096 * MB)),
        )


def too_big(name: str, zh_what: str, en_what: str) -> FileRefused:
    return FileRefused(
        f"「{name}」{zh_what}，超出可导入的范围，未读取；若确是所需文件，请删去多余内容后另存再试。",
        f"{name}: {en_what}, more than can be imported; nothing was read. If it is the right "
        "file, remove what is not needed and save it again.",
    )


def broken(name: str) -> FileRefused:
    return FileRefused(
        f"「{name}」已损坏或不是完整的表格文件，未读取。",
        f"{name} is damaged or not a complete spreadsheet; nothing was read.",
    )
