"""Drawing the appendix table straight onto the canvas: linear in rows, flat in memory.

The appendix is one long three-column table (four with 名次), tier headings spanning it,
the column header repeated on every page, "第 N 页 共 M 页" at every foot. A layout pass
measures each row (a wrapped name takes more lines) and cuts the pages, a heading never
last on a page; the drawing pass then writes each page once, its total page count known,
so no page is kept in memory to be numbered afterwards. Cells are drawn as reportlab's
``Table`` draws string cells (same paddings, leading and vertical centring), the grid as
one set of lines per page, all text of a page in one text object.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

FOOTER_SIZE = 10.5
_RUNS = re.compile(rb"(.)\1*", re.DOTALL)


@dataclass(frozen=True)
class Geometry:
    """Where the table goes and how its cells look (points)."""

    left: float
    top: float  # y of the frame's top edge
    bottom: float  # y of the frame's bottom edge
    widths: tuple[float, ...]
    font: str
    size: float
    leading: float
    padding: float  # left and right
    top_padding: float
    bottom_padding: float
    line_width: float
    line: Color
    header_fill: Color
    heading_fill: Color
    footer_y: float
    page_width: float

    def height(self, lines: int) -> float:
        return lines * self.leading + self.top_padding + self.bottom_padding


@dataclass(frozen=True)
class Line:
    """One table row: its cells (text, possibly several lines) or one spanning heading."""

    cells: tuple[str, ...]
    heading: bool = False
    align: tuple[str, ...] = ()  # per cell: "C" centred, "L" left

    @property
    def lines(self) -> int:
        return max(cell.count("\n") + 1 for cell in self.cells)


Opening = Callable[[Canvas], float]  # draws the first page's top; returns the y below it
Progress = Callable[[int, int], bool]


def paginate(rows: Sequence[Line], g: Geometry, first_top: float, header: Line) -> list[range]:
    """The rows of each page: as many as fit under the header, a heading never last."""
    pages: list[range] = []
    start = 0
    top = first_top
    while start < len(rows):
        room = top - g.height(header.lines) - g.bottom
        end = start
        while end < len(rows):
            needed = g.height(rows[end].lines)
            if needed > room and end > start:
                break
            room -= needed
            end += 1
        if end < len(rows) and end - start > 1 and rows[end - 1].heading:
            end -= 1  # keep the heading with its first row
        pages.append(range(start, end))
        start = end
        top = g.top
    return pages


def draw_table(
    canvas: Canvas,
    rows: Sequence[Line],
    header: Line,
    g: Geometry,
    opening: Opening,
    first_top: float,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Draw every page; returns the number of pages."""
    pages = paginate(rows, g, first_top, header)
    total = max(len(pages), 1)
    done = 0
    text = _Text(canvas, g)
    for number, page in enumerate(pages or [range(0)], start=1):
        top = opening(canvas) if number == 1 else g.top
        top = _draw_rows(canvas, [header], g, top, text, fill=g.header_fill)
        _draw_rows(canvas, [rows[i] for i in page], g, top, text)
        canvas.setFillColor(g.line)
        canvas.setFont(g.font, FOOTER_SIZE)
        canvas.drawCentredString(g.page_width / 2, g.footer_y, f"第 {number} 页 共 {total} 页")
        canvas.showPage()
        done += len(page)
        if progress is not None:
            progress(done, len(rows))
    return total


class _Text:
    """PDF text operators for the table's strings, made once per distinct string.

    The same operators reportlab's text object writes for a TrueType subset font (a
    font switch per subset run and a ``Tj``), without its per-call measuring and state:
    the table draws hundreds of thousands of short strings, most of them repeated.
    """

    def __init__(self, canvas: Canvas, g: Geometry) -> None:
        self.font = getFont(g.font)
        self.doc = canvas._doc
        self.escape = canvas._escape
        self.size = fp_str(g.size)
        self.g = g
        self.shows: dict[str, str] = {}
        self.widths: dict[str, float] = {}
        self.codes: dict[str, int] = {}  # character -> subset * 256 + code in the subset
        self.table: dict[int, int] = {}  # the same for str.translate
        self.names: dict[int, str] = {}  # subset -> the font's internal name of it

    def code(self, char: str) -> int:
        """The character's place in the font's subsets, assigned by the font as it
        assigns them for a whole string (in order of first use)."""
        found = self.codes.get(char)
        if found is None:
            ((subset, encoded),) = self.font.splitString(char, self.doc)
            found = self.codes[char] = subset << 8 | encoded[0]
            self.table[ord(char)] = found
        return found

    def show(self, text: str) -> str:
        found = self.shows.get(text)
        if found is None:
            new = set(text).difference(self.codes)
            if new:  # assigned in order of first use, as the font does for a string
                for char in dict.fromkeys(text):
                    if char in new and self.code(char) >= 0xD800:
                        raise ValueError("more characters than the font's subsets hold")
            # each character becomes its code; as UTF-16 the high byte is the subset
            # and the low byte the code in it, so runs of one subset are runs of equal
            # high bytes: found by the regular expression engine, not a Python loop
            wide = text.translate(self.table).encode("utf-16-be")
            subsets, codes = wide[0::2], wide[1::2]
            found = self.shows[text] = " ".join(
                self._run(subsets[m.start()], codes[m.start() : m.end()])
                for m in _RUNS.finditer(subsets)
            )
        return found

    def _run(self, subset: int, codes: bytes) -> str:
        name = self.names.get(subset)
        if name is None:
            name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return f"{name} {self.size} Tf ({self.escape(codes)}) Tj"

    def width(self, text: str) -> float:
        found = self.widths.get(text)
        if found is None:
            found = self.widths[text] = stringWidth(text, self.g.font, self.g.size)
        return found


def _draw_rows(
    canvas: Canvas,
    rows: Sequence[Line],
    g: Geometry,
    top: float,
    text: _Text,
    fill: Color | None = None,
) -> float:
    """Rows from ``top`` down: fills, grid and text. Returns the y below the last row."""
    left = g.left
    right = left + sum(g.widths)
    edges = [left]
    for width in g.widths:
        edges.append(edges[-1] + width)
    heights = [g.height(row.lines) for row in rows]
    # fills first, then the grid over them, then the text
    y = top
    for row, height in zip(rows, heights, strict=True):
        colour = fill if fill is not None else (g.heading_fill if row.heading else None)
        if colour is not None:
            canvas.setFillColor(colour)
            canvas.rect(left, y - height, right - left, height, stroke=0, fill=1)
        y -= height
    bottom = y
    canvas.setStrokeColor(g.line)
    canvas.setLineWidth(g.line_width)
    code = canvas._code
    lines = [f"n {left:.2f} {top:.2f} m {right:.2f} {top:.2f} l"]
    y = top
    for row, height in zip(rows, heights, strict=True):
        low = y - height
        lines.append(f"{left:.2f} {low:.2f} m {right:.2f} {low:.2f} l")
        for x in (edges[0], edges[-1]) if row.heading else edges:
            lines.append(f"{x:.2f} {y:.2f} m {x:.2f} {low:.2f} l")
        y = low
    lines.append("S")
    code.append("\n".join(lines))
    canvas.setFillColor(g.line)
    ops = ["BT"]
    y = top
    for row, height in zip(rows, heights, strict=True):
        widths = (right - left,) if row.heading else g.widths
        x = left
        for index, (cell, width) in enumerate(zip(row.cells, widths, strict=False)):
            if cell:
                parts = cell.split("\n")
                # reportlab's Table: vertically centred, the first baseline a font size down
                inner = g.bottom_padding + height - g.top_padding + len(parts) * g.leading
                baseline = y - height + inner / 2 - g.size
                align = row.align[index] if index < len(row.align) else "C"
                for part in parts:
                    if align == "L":
                        at = x + (2 * g.padding if row.heading else g.padding)
                    else:
                        at = x + (width - text.width(part)) / 2
                    ops.append(f"1 0 0 1 {at:.2f} {baseline:.2f} Tm {text.show(part)}")
                    baseline -= g.leading
            x += width
        y -= height
    ops.append("ET")
    code.append("\n".join(ops))
    return bottom
