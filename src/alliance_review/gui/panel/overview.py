"""The overview: reviewer totals side by side, consensus, spread, rank, tier, flags."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core import agreement
from alliance_review.core.points import format_points
from alliance_review.gui.panel.records import ATTENTION, DECIDED, compact_rows
from alliance_review.gui.panel.texts import flag_text
from alliance_review.gui.table_rows import KEY_ROLE, Column, Row, RowsModel
from alliance_review.services.panel import Analysis


def _tr(text: str) -> str:
    return QCoreApplication.translate("OverviewPage", text)


# one row of the overview: a tuple, read by the columns below
UID, RANK, SEQ, NAME, NAME_TIP, REVIEWERS, TOTAL, TOTAL_SORT, TOTAL_TIP, DECIDED_, NORMALISED = (
    range(11)
)
SPREAD, SPREAD_SORT, SPREAD_WIDE, TIER, CONFLICTS, REASONS, FLAGS = range(11, 18)


def overview_rows(analysis: Analysis, names: dict[str, str]) -> tuple[list[Row], int]:
    """The overview's rows (one tuple each) and its number of reviewer columns; made in
    the worker that computed the analysis, so the GUI thread only shows them."""
    result = analysis.result
    details = result.results
    decided = {a for a, _ in analysis.decisions}
    order = analysis.reviewer_order
    rows: list[Row] = []
    k = 0
    for row in result.ranking:
        uid = row.alliance.uid
        alliance_result = details[uid]
        totals = sorted(alliance_result.reviewer_totals.items(), key=lambda t: order.get(t[0], 0))
        k = max(k, len(totals))
        computed = analysis.computed_totals.get(uid)
        consensus_tip = ""
        if computed is not None and computed != row.total:
            consensus_tip = _tr("computed consensus %1; the panel's decision counts").replace(
                "%1", format_points(computed)
            )
        flags = analysis.flags.get(uid, [])
        reasons = "; ".join(flag_text(f, names) for f in flags)
        conflicts = "、".join(names.get(r, r) for r in analysis.conflicts.get(uid, []))
        spread = alliance_result.spread
        rows.append(
            (
                uid,
                str(row.rank),
                row.seq,
                row.alliance.name,
                _tr("Steps out: %1").replace("%1", conflicts) if conflicts else "",
                tuple((format_points(t), float(t), names.get(r, r)) for r, t in totals),
                format_points(row.total),
                float(row.total),
                consensus_tip,
                uid in decided,
                analysis.normalised.get(uid),
                format_points(spread),
                float(spread),
                spread > analysis.total_span,
                row.tier.name,
                conflicts,
                reasons,
                len(flags),
            )
        )
    return rows, k or 3


def _reviewer_column(n: int) -> Column:
    def cell(row: Row) -> tuple[str, float, str]:
        reviewers = row[REVIEWERS]
        return reviewers[n] if n < len(reviewers) else ("", -1.0, "")

    return Column(lambda r: cell(r)[0], sort=lambda r: cell(r)[1], tooltip=lambda r: cell(r)[2])


def overview_columns(k: int) -> list[Column]:
    return [
        Column(lambda r: r[RANK], sort=lambda r: r[SEQ]),
        Column(lambda r: r[NAME], tooltip=lambda r: r[NAME_TIP], left=True),
        *[_reviewer_column(n) for n in range(k)],
        Column(
            lambda r: r[TOTAL],
            sort=lambda r: r[TOTAL_SORT],
            tooltip=lambda r: r[TOTAL_TIP],
            background=lambda r: DECIDED if r[DECIDED_] else None,
        ),
        Column(
            lambda r: "" if r[NORMALISED] is None else f"{r[NORMALISED]:.2f}",
            sort=lambda r: -1.0 if r[NORMALISED] is None else r[NORMALISED],
        ),
        Column(
            lambda r: r[SPREAD],
            sort=lambda r: r[SPREAD_SORT],
            background=lambda r: ATTENTION if r[SPREAD_WIDE] else None,
        ),
        Column(lambda r: r[TIER], sort=lambda r: r[SEQ]),
        Column(lambda r: r[CONFLICTS], tooltip=lambda r: r[NAME_TIP], left=True),
        Column(
            lambda r: r[REASONS],
            sort=lambda r: r[FLAGS],
            tooltip=lambda r: r[REASONS],
            background=lambda r: ATTENTION if r[FLAGS] else None,
            left=True,
        ),
    ]


class OverviewPage(QWidget):
    """Emits ``open_alliance(uid)`` on double-click or Enter."""

    open_alliance = Signal(str)
    span_changed = Signal(int)

    RANK, NAME = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k = 3
        self.flagged: frozenset[str] = frozenset()
        self.model = RowsModel(
            self.headers,
            lambda: overview_columns(self.k),
            key=lambda r: r[UID],
            filter_text=lambda r: r[NAME],
            parent=self,
        )
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.needs_only = QCheckBox()
        self.needs_only.toggled.connect(self._filter)
        self.normalised = QCheckBox()
        self.normalised.toggled.connect(self._show_normalised)
        self.span_label = QLabel()
        self.span = QSpinBox()
        self.span.setRange(1, 100)
        self.span.setKeyboardTracking(False)
        self.span.setValue(int(agreement.DEFAULT_TOTAL_SPAN))
        self.span.valueChanged.connect(self.span_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.RANK, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        compact_rows(self.table)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.needs_only)
        bar.addWidget(self.span_label)
        bar.addWidget(self.span)
        bar.addWidget(self.normalised)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def show_span(self, span: Fraction) -> None:
        """Show the round's threshold without taking it for a change by the user."""
        blocked = self.span.blockSignals(True)
        self.span.setValue(int(span))
        self.span.blockSignals(blocked)

    def headers(self) -> list[str]:
        return [
            self.tr("Rank"),
            self.tr("Alliance"),
            *[self.tr("Reviewer %1").replace("%1", str(n + 1)) for n in range(self.k)],
            self.tr("Consensus"),
            self.tr("Normalised"),
            self.tr("Spread"),
            self.tr("Tier"),
            self.tr("Steps out"),
            self.tr("Needs discussion"),
        ]

    @property
    def normalised_column(self) -> int:
        return 3 + self.k

    def retranslate(self) -> None:
        self.search.setAccessibleName(self.tr("Filter alliances"))
        self.span_label.setBuddy(self.span)
        self.table.setAccessibleName(self.tr("Alliances with the reviewers' totals"))
        self.search.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.needs_only.setText(self.tr("Only those needing discussion"))
        self.normalised.setText(self.tr("Show normalised view"))
        self.normalised.setToolTip(
            self.tr(
                "Each reviewer's totals as z-scores, rescaled to all reviewers' mean and "
                "spread, then averaged: how the ranking would look if no reviewer were "
                "harsher or more lenient than the others. Shown beside the consensus, "
                "never instead of it."
            )
        )
        self.span_label.setText(self.tr("Flag totals apart by more than"))
        self.span.setSuffix(self.tr(" points"))
        self.model.retranslate()

    def _filter(self) -> None:
        """Names holding the text typed (any case), and the flagged ones only if asked."""
        accept = (lambda r: r[UID] in self.flagged) if self.needs_only.isChecked() else None
        self.model.set_filter(self.search.text(), accept)

    def _show_normalised(self, on: bool) -> None:
        self.table.setColumnHidden(self.normalised_column, not on)

    def _open(self, index: QModelIndex) -> None:
        uid = index.data(KEY_ROLE)
        if uid:
            self.open_alliance.emit(str(uid))

    def select(self, uid: str) -> None:
        row = self.model.shown_row_of(uid)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, self.NAME))

    def show_analysis(
        self,
        analysis: Analysis,
        names: dict[str, str],
        prepared: tuple[list[Row], int] | None = None,
    ) -> None:
        rows, k = prepared or overview_rows(analysis, names)
        first = not self.model.rows or k != self.k
        self.k = k
        self.flagged = frozenset(analysis.flags)
        self.model.set_rows(rows)  # the filter and the order chosen stay
        if first:  # measured once (the rows in view), not on every change
            header = self.table.horizontalHeader()
            header.setStretchLastSection(True)
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(self.NAME, 330)
        self._show_normalised(self.normalised.isChecked())
        self.summary.setText(
            self.tr("%1 alliance(s) ranked; %2 need discussion; %3 decision(s) recorded.")
            .replace("%1", str(len(analysis.result.ranking)))
            .replace("%2", str(len(analysis.flags)))
            .replace("%3", str(len(analysis.decisions)))
        )
