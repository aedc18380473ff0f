"""The report's statistics in the app: figures as tables and the distribution chart."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from alliance_review.core.evidence import ITEM_RULES
from alliance_review.core.points import format_points
from alliance_review.core.report_figures import (
    differences,
    figure_list,
    source_inconsistencies,
    value_text,
)
from alliance_review.core.statistics import RoundStatistics
from alliance_review.gui import i18n
from alliance_review.gui.i18n import fill_in
from alliance_review.services.page_images import drawing_png
from alliance_review.services.statistics_text import published_rows


def _signed(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


def _table(headers: list[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse: collapse">'
        f"<tr>{head}</tr>{body}</table>"
    )


def chart_png(stats: RoundStatistics) -> bytes:
    """The distribution chart as shown in the app (any thread: no Qt involved)."""
    from alliance_review.services.histogram_chart import histogram_drawing  # reportlab: late

    return drawing_png(histogram_drawing(stats, 520, 220), 96)


class ChartLabel(QLabel):
    """The distribution chart, shrunk to the width it is given (never wider than drawn), so
    the window keeps its size at 1024 pixels and at 200 % scaling."""

    def __init__(self) -> None:
        super().__init__()
        self.full = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_chart(self, pixmap: QPixmap) -> None:
        self.full = pixmap
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.full.isNull():
            return
        width = max(1, min(self.full.width(), self.width()))
        if self.pixmap().isNull() or self.pixmap().width() != width:
            scaled = self.full.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            self.setPixmap(scaled)
            self.setFixedHeight(scaled.height())


class StatisticsView(QWidget):
    """Shows a ``RoundStatistics``: participation, tiers, batches, chart, indicators."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: RoundStatistics | None = None
        self.chart = ChartLabel()
        self.text = QTextBrowser()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        layout.addWidget(self.text, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.stats is not None:
            self.text.setHtml(self.html(self.stats))
        super().changeEvent(event)

    def show_statistics(self, stats: RoundStatistics, chart: bytes | None = None) -> None:
        """Show the figures; ``chart`` is the chart's PNG (``chart_png``), drawn off the
        GUI thread by the caller, or drawn here if not given."""
        self.stats = stats
        pixmap = QPixmap()
        pixmap.loadFromData(chart or chart_png(stats), "PNG")
        self.chart.set_chart(pixmap)
        self.text.setHtml(self.html(stats))

    def html(self, stats: RoundStatistics) -> str:
        parts = ["<h3>" + escape(self.tr("Participation")) + "</h3><p>"]
        sentences = [
            fill_in(
                self.tr("%1 took part of %2 on the roster; %3 did not."),
                stats.took_part,
                stats.on_roster,
                stats.did_not_take_part,
            )
        ]
        if stats.participation_change is not None and stats.previous is not None:
            sentences.append(
                fill_in(
                    self.tr("Last year %1 took part (change %2)."),
                    stats.previous.took_part,
                    _signed(stats.participation_change),
                )
            )
        part = stats.participation
        if part is not None and part.not_taking_part:
            sentences.append(
                fill_in(
                    self.tr("Not taking part, by reason: %1."),
                    "，".join(f"{reason} {n}" for reason, n in part.by_reason if n),
                )
            )
        if part is not None and part.not_scored:
            sentences.append(
                fill_in(
                    self.tr("%1 taking part have no score yet: %2."),
                    len(part.not_scored),
                    "、".join(part.not_scored),
                )
            )
        if stats.highest is not None and stats.lowest is not None:
            sentences.append(
                fill_in(
                    self.tr("Highest score %1 (%2 alliances), lowest %3 (%4)."),
                    stats.highest.printed_score,
                    len(stats.highest.names),
                    stats.lowest.printed_score,
                    "、".join(stats.lowest.names),
                )
            )
        parts.append("<br>".join(escape(s) for s in sentences))
        parts.append("</p>")
        parts.append("<h3>" + escape(self.tr("Tiers")) + "</h3>")
        parts.append(
            _table(
                [
                    self.tr("Tier"),
                    self.tr("Count"),
                    self.tr("Share"),
                    self.tr("Last year"),
                    self.tr("Change (points)"),
                ],
                [
                    [
                        t.name,
                        t.count,
                        f"{t.share}%",
                        "" if t.previous_share is None else f"{t.previous_share}%",
                        _signed(t.change),
                    ]
                    for t in stats.tier_figures
                ],
            )
        )
        parts.append("<p><small>" + "<br>".join(escape(n) for n in stats.notes) + "</small></p>")
        parts.append("<h3>" + escape(self.tr("By pilot batch")) + "</h3>")
        parts.append(
            _table(
                [
                    self.tr("Batch"),
                    self.tr("Pilots"),
                    self.tr("Took part"),
                    *[t.name for t in stats.tiers],
                    fill_in(self.tr("%1 and %2"), *[t.name for t in stats.tiers[:2]])
                    if len(stats.tiers) > 1
                    else "",
                    fill_in(self.tr("%1 or more"), stats.threshold),
                    self.tr("Full marks"),
                ],
                [
                    [
                        b.batch,
                        b.on_roster,
                        f"{b.took_part} ({b.took_part_share}%)",
                        *[f"{c} ({s}%)" for c, s in zip(b.tier_counts, b.tier_shares, strict=True)],
                        f"{b.top_two} ({b.top_two_share}%)",
                        b.at_threshold,
                        "、".join(b.full_marks),
                    ]
                    for b in stats.batches
                ],
            )
        )
        if stats.repeated_full_marks is not None:
            parts.append(
                "<p>"
                + escape(
                    fill_in(
                        self.tr("Full marks two years running: %1."),
                        "、".join(stats.repeated_full_marks) or self.tr("none"),
                    )
                )
                + "</p>"
            )
        parts.extend(self.items_html(stats))
        parts.extend(self.comparison_html(stats))
        rows = published_rows(stats, i18n.service_language())
        if rows:
            parts.append("<h3>" + escape(self.tr("As published (typed in)")) + "</h3>")
            parts.append(
                _table(
                    [
                        self.tr("Batch"),
                        self.tr("Pilot"),
                        self.tr("Took part"),
                        *[t.name for t in stats.tiers],
                        self.tr("Largest remainder"),
                    ],
                    rows,
                )
            )
            parts.append(
                "<p><small>"
                + escape(self.tr("Each tier: count (published share / share by our rule)."))
                + "</small></p>"
            )
        parts.append("<h3>" + escape(self.tr("Mean points per indicator, by tier")) + "</h3>")
        parts.append(
            _table(
                [
                    self.tr("Indicator"),
                    self.tr("Max"),
                    self.tr("All"),
                    *[t.name for t in stats.tiers],
                ],
                [
                    [
                        f"{i.code} {i.name}",
                        f"{float(i.max_points):g}",
                        "" if i.mean is None else format_points(i.mean),
                        *["" if m is None else format_points(m) for m in i.tier_means],
                    ]
                    for i in stats.indicators
                ],
            )
        )
        return "".join(parts)

    def items_html(self, stats: RoundStatistics) -> list[str]:
        if not stats.items:
            return []
        zh, en = ITEM_RULES.get(stats.item_rule, (stats.item_rule, stats.item_rule))
        rule = en if i18n.service_language() == "en" else zh
        return [
            "<h3>" + escape(self.tr("Evidence items: alliances that did them")) + "</h3>",
            _table(
                [self.tr("Indicator"), self.tr("Evidence item"), self.tr("All")]
                + [t.name for t in stats.tiers]
                + [self.tr("Claimed in self-evaluation")],
                [[i.code, i.name, i.done, *i.tier_done, i.claimed] for i in stats.items],
            ),
            "<p><small>"
            + escape(fill_in(self.tr("An item counts as done when %1."), rule))
            + "</small></p>",
        ]

    def comparison_html(self, stats: RoundStatistics) -> list[str]:
        compared = [f for f in figure_list(stats) if f.compared]
        conflicts = source_inconsistencies(stats)
        parts: list[str] = []
        if compared:
            wrong = differences(compared)
            parts.append("<h3>" + escape(self.tr("Against the published figures")) + "</h3>")
            parts.append(
                "<p>"
                + escape(
                    fill_in(
                        self.tr("%1 figures compared, %2 differ (不符)."), len(compared), len(wrong)
                    )
                )
                + "</p>"
            )
            if wrong:
                parts.append(
                    _table(
                        [self.tr("Figure"), self.tr("This round"), self.tr("Published"), ""],
                        [
                            [f.label, value_text(f.value), value_text(f.printed), "不符"]
                            for f in wrong
                        ],
                    )
                )
        if conflicts:
            parts.append(
                "<h3>"
                + escape(self.tr("Where the published figures disagree with each other"))
                + "</h3><p><small>"
                + escape(self.tr("Listed as printed, never corrected."))
                + "</small></p><ul>"
            )
            english = i18n.service_language() == "en"
            parts.extend(f"<li>{escape(en if english else zh)}</li>" for zh, en in conflicts)
            parts.append("</ul>")
        return parts
