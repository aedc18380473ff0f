"""The score distribution chart never overlaps its labels, on the extreme bins too: the
tallest bar at the axis maximum, every alliance in one bin, narrow tier bands."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import pytest
from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth

from alliance_review.core.ranking import DEFAULT_TIERS, TierBand
from alliance_review.core.statistics import HistogramBin
from alliance_review.services.histogram_chart import histogram_drawing
from alliance_review.services.pdf_common import register_font


@dataclass
class Figures:
    """What the chart reads of the statistics."""

    histogram: tuple[HistogramBin, ...]
    tiers: tuple[TierBand, ...]


def bins(counts: list[int], start: int = 35) -> tuple[HistogramBin, ...]:
    return tuple(
        HistogramBin(start + 5 * n, min(start + 5 * n + 5, 100), c, (c,))
        for n, c in enumerate(counts)
    )


def boxes(figures: Figures, width: float = 440, height: float = 230):
    register_font()
    drawing = histogram_drawing(figures, width, height)  # type: ignore[arg-type]
    found = []
    for shape in drawing.contents:
        if isinstance(shape, String):
            w = stringWidth(shape.text, shape.fontName, shape.fontSize)
            x0 = {"middle": shape.x - w / 2, "end": shape.x - w}.get(shape.textAnchor, shape.x)
            found.append((shape.text, x0, shape.y - 0.2 * shape.fontSize, x0 + w,
                          shape.y + 0.8 * shape.fontSize))  # fmt: skip
    return found


NARROW = (TierBand("活跃度高", Fraction(96)), TierBand("活跃度较高", Fraction(94)),
          TierBand("活跃度一般", Fraction(92)), TierBand("活跃度较差", None))  # fmt: skip
TALL = [1, 2, 3, 5, 8, 10, 10, 15, 20, 25, 20, 6]
LOWEST = [125] + [0] * 12
STEPS = [0, 5, 10, 5, 0, 0, 0, 10, 0, 0, 0, 0, 10]
CASES = {
    "tallest bin at the axis maximum": Figures(bins(TALL), DEFAULT_TIERS),
    "every alliance in the top bin": Figures(bins([125], start=95), DEFAULT_TIERS),
    "every alliance in the lowest bin": Figures(bins(LOWEST), DEFAULT_TIERS),
    "peak a multiple of the step": Figures(bins(STEPS), DEFAULT_TIERS),
    "narrow tier bands": Figures(bins([3] + [0] * 10 + [40, 9]), NARROW),
}


@pytest.mark.parametrize("figures", CASES.values(), ids=CASES.keys())
def test_no_two_labels_overlap_and_all_are_inside(figures: Figures):
    width, height = 440, 230
    labels = boxes(figures, width, height)
    for text, x0, y0, x1, y1 in labels:
        assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, text
    for n, (a, ax0, ay0, ax1, ay1) in enumerate(labels):
        for b, bx0, by0, bx1, by1 in labels[n + 1 :]:
            apart = ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0
            assert apart, (a, b)
    # every tier with a band in range is named, every non-empty bin has its count
    names = {t for t, *_ in labels}
    low, upper = figures.histogram[0].low, Fraction(figures.histogram[-1].high)
    for tier in figures.tiers:
        lower = max(tier.min_total if tier.min_total is not None else low, Fraction(low))
        assert (tier.name in names) == (upper > lower), tier
        upper = min(upper, lower)
    counts = [t for t, *_ in labels if t.isdigit()]
    assert all(str(b.count) in counts for b in figures.histogram if b.count)
