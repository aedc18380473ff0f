"""An alliance's years at a glance: its total and tier by year, drawn small beside it
(the set-up's History…, the panel's drill-down, the reviewer's alliance header).

Each year is a column: a bar as high as the total is of that year's full marks, the
printed score above it and the tier's place below; a year it did not take part (or was
withdrawn) shows the word for it instead of a bar. The widget paints its own colours
with the high-contrast helpers and says the same in its accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from alliance_review.core.register import RANKED, YearResult
from alliance_review.gui.contrast import tone


class HistoryChart(QWidget):
    """Total and tier by year of one alliance."""

    def __init__(self, parent: QWidget | None = None, lines: float = 6) -> None:
        super().__init__(parent)
        self.lines = lines  # its height, in lines of text
        self.years: list[YearResult] = []
        self.full: dict[int, Fraction] = {}
        self.tiers: dict[int, list[str]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.sizeHint().height())
        self.setAccessibleName(self.tr("Results by year"))

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(80 * max(2, len(self.years)), int(line * self.lines))

    def show_years(
        self,
        years: Sequence[YearResult],
        full: dict[int, Fraction] | None = None,
        tiers: dict[int, list[str]] | None = None,
    ) -> None:
        """``full``: year -> that year's full marks (100 if not given); ``tiers``: year ->
        its tier names, best first (to tell the tier's place)."""
        self.years = sorted(years, key=lambda y: y.year)
        self.full = dict(full or {})
        self.tiers = dict(tiers or {})
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.setMaximumWidth(max(200, 110 * len(self.years)))
        self.updateGeometry()
        self.update()

    def status_word(self, status: str) -> str:
        return {
            "not_taking_part": self.tr("did not take part"),
            "not_scored": self.tr("not scored"),
            "withdrawn": self.tr("withdrawn"),
            "suspended": self.tr("suspended"),
            "ranked": self.tr("ranked"),
        }.get(status, status)

    def describe(self) -> str:
        parts = []
        for y in self.years:
            if y.status == RANKED:
                parts.append(f"{y.year}: {y.printed} {y.tier}")
            else:
                parts.append(f"{y.year}: {self.status_word(y.status)}")
        return "; ".join(parts) or self.tr("No earlier results")

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        line = self.fontMetrics().height()
        if not self.years:
            painter.setPen(text)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No earlier results")
            )
            return
        width = self.width() / len(self.years)
        top, bottom = line * 1.2, self.height() - line * 2.2
        bar = QColor(tone("#4a7ebb", "#ffff00"))
        painter.setPen(QPen(text, 1))
        painter.drawLine(0, int(bottom), self.width(), int(bottom))
        for index, y in enumerate(self.years):
            left = index * width
            cell = QRectF(left, 0, width, self.height())
            painter.setPen(text)
            painter.drawText(
                QRectF(left, bottom + 2, width, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(y.year),
            )
            if y.status != RANKED or y.total is None:
                painter.drawText(
                    QRectF(left, top, width, bottom - top),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    self.status_word(y.status),
                )
                continue
            full = self.full.get(y.year, Fraction(100))
            share = float(min(y.total / full, Fraction(1))) if full else 0.0
            height = (bottom - top) * share
            rect = QRectF(left + width * 0.3, bottom - height, width * 0.4, height)
            painter.fillRect(rect, bar)
            painter.setPen(text)
            painter.drawText(
                QRectF(left, bottom - height - line, width, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                str(y.printed),
            )
            painter.drawText(
                QRectF(cell.left(), bottom + line, width, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self._short_tier(y),
            )

    def _short_tier(self, y: YearResult) -> str:
        """The tier's name, cut to its distinguishing part when long (活跃度较高 -> 较高)."""
        name = y.tier or ""
        return name.removeprefix("活跃度") or name
