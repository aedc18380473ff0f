"""The score distribution chart: bars per 5-point bin of the exact totals, each tier's
band shaded and named above the plot. Drawn with reportlab for the statistics PDF, the
report draft (as a PNG) and the window.

Labels never overlap: the tallest bar keeps room for its count below the tier names,
and tier names that would collide (narrow bands) go on rows of their own above the plot.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from alliance_review.core.statistics import RoundStatistics
from alliance_review.services.pdf_common import font, register_font

LABEL_SIZE = 8
LABEL_ROW = 10  # points between rows of tier names


TIER_TINTS = (
    colors.Color(0.80, 0.90, 0.80),
    colors.Color(0.86, 0.92, 0.97),
    colors.Color(0.98, 0.93, 0.80),
    colors.Color(0.97, 0.85, 0.85),
)
TIER_INKS = (
    colors.Color(0.20, 0.50, 0.25),
    colors.Color(0.20, 0.40, 0.65),
    colors.Color(0.75, 0.55, 0.10),
    colors.Color(0.70, 0.20, 0.20),
)


COUNT_LABEL_ROOM = 10  # points above a bar for its count (7-point digits)


def histogram_drawing(stats: RoundStatistics, width: float = 440, height: float = 220) -> Drawing:
    """Score distribution: bars per 5-point bin, tier bands shaded and marked."""
    register_font()
    drawing = Drawing(width, height)
    # without this the renderer starts in Helvetica, a font that is not embedded
    drawing.initialFontName = font()
    left, bottom, right = 34.0, 34.0, width - 10
    bins = stats.histogram
    if not bins:
        drawing.add(String(width / 2, height / 2, "无数据", fontName=font(), textAnchor="middle"))
        return drawing
    low, high = bins[0].low, bins[-1].high
    bands = tier_bands(stats, low, high)
    rows = label_rows(
        [
            (x_label(lower, upper, low, high, left, right), name)
            for name, lower, upper in bands
            if upper > lower
        ],
        width,
    )
    top = height - 22 - LABEL_ROW * (max(rows, default=0) + 1)
    peak = max(max(b.count for b in bins), 1)
    step = max(1, -(-peak // 5))
    # room above the tallest bar for its count label, below the tier names
    y_max = step * -(-peak // step)
    while y_max * (top - bottom - COUNT_LABEL_ROOM) < peak * (top - bottom):
        y_max += step

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    def y_of(count: float) -> float:
        return bottom + count / y_max * (top - bottom)

    placed = iter(rows)
    for index, (tier, (_, lower, upper)) in enumerate(zip(stats.tiers, bands, strict=True)):
        if upper > lower:
            tint = TIER_TINTS[index % len(TIER_TINTS)]
            drawing.add(
                Rect(
                    x_of(lower),
                    bottom,
                    x_of(upper) - x_of(lower),
                    top - bottom,
                    fillColor=tint,
                    strokeColor=None,
                )
            )
            label_width = stringWidth(tier.name, font(), LABEL_SIZE)
            centre = (x_of(lower) + x_of(upper)) / 2
            centre = min(max(centre, label_width / 2 + 1), width - label_width / 2 - 1)
            drawing.add(
                String(
                    centre,
                    top + 6 + LABEL_ROW * next(placed),
                    tier.name,
                    fontName=font(),
                    fontSize=LABEL_SIZE,
                    textAnchor="middle",
                    fillColor=TIER_INKS[index % 4],
                )
            )
            if tier.min_total is not None and lower > low:
                drawing.add(
                    Line(
                        x_of(lower),
                        bottom,
                        x_of(lower),
                        top,
                        strokeColor=TIER_INKS[index % 4],
                        strokeDashArray=[3, 2],
                        strokeWidth=0.8,
                    )
                )
    for b in bins:
        x0, x1 = x_of(b.low) + 1.5, x_of(b.high) - 1.5
        if b.count:
            drawing.add(
                Rect(
                    x0,
                    bottom,
                    x1 - x0,
                    y_of(b.count) - bottom,
                    fillColor=colors.Color(0.3, 0.3, 0.35),
                    strokeColor=None,
                )
            )
            drawing.add(
                String(
                    (x0 + x1) / 2,
                    y_of(b.count) + 2,
                    str(b.count),
                    fontName=font(),
                    fontSize=7,
                    textAnchor="middle",
                )
            )
    drawing.add(Line(left, bottom, right, bottom, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, top, strokeWidth=0.8))
    for value in [*(b.low for b in bins), high]:
        drawing.add(Line(x_of(value), bottom, x_of(value), bottom - 3, strokeWidth=0.6))
        drawing.add(
            String(
                x_of(value),
                bottom - 12,
                str(value),
                fontName=font(),
                fontSize=7,
                textAnchor="middle",
            )
        )
    for count in range(0, y_max + 1, step):
        drawing.add(Line(left - 3, y_of(count), left, y_of(count), strokeWidth=0.6))
        drawing.add(
            String(
                left - 5,
                y_of(count) - 2.5,
                str(count),
                fontName=font(),
                fontSize=7,
                textAnchor="end",
            )
        )
    drawing.add(
        String(
            (left + right) / 2,
            4,
            "总分（精确值，每 5 分一组；虚线为档次下限）",
            fontName=font(),
            fontSize=8,
            textAnchor="middle",
        )
    )
    drawing.add(
        String(8, (bottom + top) / 2, "家数", fontName=font(), fontSize=8, textAnchor="middle")
    )
    return drawing


def tier_bands(stats: RoundStatistics, low: int, high: int) -> list[tuple[str, float, float]]:
    """(name, lower, upper) of each tier, clipped to the chart's range (may be empty)."""
    bands = []
    upper: float = high
    for tier in stats.tiers:
        lower = float(tier.min_total) if tier.min_total is not None else float(low)
        lower = max(lower, float(low))
        bands.append((tier.name, lower, upper))
        upper = min(upper, lower)
    return bands


def x_label(lower: float, upper: float, low: int, high: int, left: float, right: float) -> float:
    return left + ((lower + upper) / 2 - low) / (high - low) * (right - left)


def label_rows(labels: Sequence[tuple[float, str]], width: float) -> list[int]:
    """The row (0 nearest the plot) of each tier name, so that no two names overlap."""
    rows: list[list[tuple[float, float]]] = []
    found = []
    for centre, name in labels:
        half = stringWidth(name, font(), LABEL_SIZE) / 2
        centre = min(max(centre, half + 1), width - half - 1)
        span = (centre - half - 2, centre + half + 2)
        row = next(
            (
                n
                for n, taken in enumerate(rows)
                if all(span[1] <= a or b <= span[0] for a, b in taken)
            ),
            len(rows),
        )
        if row == len(rows):
            rows.append([])
        rows[row].append(span)
        found.append(row)
    return found


def _free(span: tuple[float, float], taken: Sequence[tuple[float, float]]) -> bool:
    return all(span[1] <= a or b <= span[0] for a, b in taken)
