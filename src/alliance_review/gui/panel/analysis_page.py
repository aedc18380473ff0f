"""Calibration of reviewers, agreement per indicator, and the tier-stability list."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.panel.records import (
    ATTENTION,
    SORT_ROLE,
    Cell,
    Record,
    RecordsModel,
    compact_rows,
)
from alliance_review.gui.table_rows import Column, Row, RowsModel
from alliance_review.services.panel import Analysis

WEAK_ALPHA = 0.667  # Krippendorff's own lower limit for tentative conclusions


def _table(model: RecordsModel | RowsModel, owner: QWidget, sort_column: int = -1) -> QTableView:
    view = QTableView()
    if isinstance(model, RowsModel):
        view.setModel(model)  # it sorts itself
    else:
        proxy = QSortFilterProxyModel(owner)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    compact_rows(view)
    return view


def _signed(value: float) -> str:
    return f"{value:+.2f}"


def stability_rows(analysis: Analysis, names: dict[str, str]) -> list[Row]:
    """The tier-stability list (thousands of rows in a large round), made in the worker:
    alliance, its tier, the reviewer, the tier without them, the total without them."""
    alliance_names = {r.alliance.uid: r.alliance.name for r in analysis.result.ranking}
    return [
        (
            alliance_names.get(m.alliance_uid, m.alliance_uid),
            m.tier,
            names.get(m.reviewer_uid, m.reviewer_uid),
            m.other_tier,
            format_points(m.total_without),
            float(m.total_without),
            (m.alliance_uid, m.reviewer_uid),
        )
        for m in analysis.tier_moves
    ]


STABILITY_COLUMNS = [
    Column(lambda r: r[0], left=True),
    Column(lambda r: r[1]),
    Column(lambda r: r[2]),
    Column(lambda r: r[3]),
    Column(lambda r: r[4], sort=lambda r: r[5]),
]


class AnalysisPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calibration = RecordsModel(self.calibration_headers, self)
        self.agreement = RecordsModel(self.agreement_headers, self)
        self.stability = RowsModel(
            self.stability_headers,
            lambda: STABILITY_COLUMNS,
            key=lambda r: r[6],
            filter_text=lambda r: r[0],
            parent=self,
        )
        self.calibration_view = _table(self.calibration, self)
        self.agreement_view = _table(self.agreement, self, sort_column=2)
        self.stability_view = _table(self.stability, self)
        self.calibration_title = QLabel()
        self.agreement_title = QLabel()
        self.stability_title = QLabel()
        for label in (self.calibration_title, self.agreement_title, self.stability_title):
            label.setStyleSheet("font-weight: bold")
            label.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.calibration_title, 0, 0)
        layout.addWidget(self.calibration_view, 1, 0)
        layout.addWidget(self.stability_title, 2, 0)
        layout.addWidget(self.stability_view, 3, 0)
        layout.addWidget(self.agreement_title, 0, 1)
        layout.addWidget(self.agreement_view, 1, 1, 3, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        self.total_alpha: float | None = None
        self.retranslate()

    def calibration_headers(self) -> list[str]:
        return [
            self.tr("Reviewer"),
            self.tr("Alliances"),
            self.tr("Mean deviation"),
            self.tr("Deviation SD"),
            self.tr("Mean total"),
            self.tr("Tendency"),
        ]

    def agreement_headers(self) -> list[str]:
        return [
            self.tr("Indicator"),
            self.tr("Max"),
            self.tr("Alpha"),
            self.tr("ICC(1)"),
            self.tr("Mean spread"),
        ]

    def stability_headers(self) -> list[str]:
        return [
            self.tr("Alliance"),
            self.tr("Tier"),
            self.tr("Without"),
            self.tr("Would be"),
            self.tr("Total without"),
        ]

    def retranslate(self) -> None:
        self.calibration_view.setAccessibleName(self.tr("Reviewer calibration"))
        self.agreement_view.setAccessibleName(self.tr("Agreement per indicator"))
        self.stability_view.setAccessibleName(self.tr("Tier stability"))
        self.calibration_title.setText(
            self.tr("Reviewer calibration: totals against the consensus (+ lenient, − harsh)")
        )
        alpha = "—" if self.total_alpha is None else f"{self.total_alpha:.3f}"
        self.agreement_title.setText(
            fill_in(
                self.tr(
                    "Agreement per indicator (Krippendorff's alpha, interval; one-way intraclass"
                    " correlation ICC(1)); alpha of the totals: %1"
                ),
                alpha,
            )
        )
        self.stability_title.setText(
            self.tr("Tier stability: alliances whose tier one reviewer alone decides")
        )
        for model in (self.calibration, self.agreement, self.stability):
            model.retranslate()

    def tendency(self, mean: float, sd: float) -> str:
        if mean > max(1.0, sd / 2):
            return self.tr("lenient")
        if mean < -max(1.0, sd / 2):
            return self.tr("harsh")
        return self.tr("in line")

    def show_analysis(
        self, analysis: Analysis, names: dict[str, str], stability: list[Row] | None = None
    ) -> None:
        self.total_alpha = analysis.total_alpha
        calibration = []
        for c in sorted(
            analysis.calibration, key=lambda c: analysis.reviewer_order[c.reviewer_uid]
        ):
            mean = float(c.mean_deviation)
            tendency = self.tendency(mean, c.deviation_sd)
            calibration.append(
                Record(
                    c.reviewer_uid,
                    [
                        Cell(names.get(c.reviewer_uid, c.reviewer_uid), align_center=False),
                        Cell(str(c.alliances), c.alliances),
                        Cell(_signed(mean), mean),
                        Cell(f"{c.deviation_sd:.2f}", c.deviation_sd),
                        Cell(format_points(c.mean_total), float(c.mean_total)),
                        Cell(
                            tendency,
                            background=ATTENTION if tendency != self.tr("in line") else None,
                        ),
                    ],
                )
            )
        self.calibration.set_records(calibration)
        agreement = []
        for a in analysis.indicators:
            indicator = analysis.rubric.indicator(a.code)
            weak = a.alpha is not None and a.alpha < WEAK_ALPHA
            agreement.append(
                Record(
                    a.code,
                    [
                        Cell(f"{a.code} {indicator.name}", a.code, align_center=False),
                        Cell(format_points(indicator.max_points), float(indicator.max_points)),
                        Cell(
                            "—" if a.alpha is None else f"{a.alpha:.3f}",
                            -9.0 if a.alpha is None else a.alpha,
                            background=ATTENTION if weak else None,
                        ),
                        Cell(
                            "—" if a.icc is None else f"{a.icc:.3f}",
                            -9.0 if a.icc is None else a.icc,
                        ),
                        Cell(format_points(a.mean_spread), float(a.mean_spread)),
                    ],
                )
            )
        self.agreement.set_records(agreement)
        # the figures fit their contents; the indicator's name takes what is left (elided)
        header = self.agreement_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.stability.set_rows(stability_rows(analysis, names) if stability is None else stability)
        self.retranslate()
