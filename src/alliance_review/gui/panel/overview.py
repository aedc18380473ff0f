"""The overview: reviewer totals side by side, consensus, spread, rank, tier, flags."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
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
from alliance_review.core.analysis import MISSING, FractionTable
from alliance_review.core.points import format_points
from alliance_review.core.ranking import RankedRow
from alliance_review.gui.i18n import fill_in
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


@functools.lru_cache(maxsize=4096)
def centi_text(centi: int) -> str:
    """``format_points`` of ``centi`` hundredths: "98", "98.5", "98.25" (the same few
    hundred totals recur over thousands of rows)."""
    whole, part = divmod(abs(centi), 100)
    text = f"{whole}.{part:02d}".rstrip("0").rstrip(".")
    return "-" + text if centi < 0 else text


@functools.lru_cache(maxsize=4096)
def points_text(value: Fraction) -> str:
    return format_points(value)


def reviewer_totals_centi(analysis: Analysis, uid: str) -> list[tuple[str, int]]:
    """Each reviewer's total of the alliance's rubric indicators, in hundredths, read
    from the analysis's integer table (as ``AllianceResult.reviewer_totals``, without a
    Fraction per score)."""
    table = analysis.table
    if not isinstance(table, FractionTable):
        totals = analysis.result.results[uid].reviewer_totals
        return [(r, int(t * 100)) for r, t in totals.items()]
    cells = table.cells
    rubric = cells.in_rubric
    found = []
    for reviewer_uid, values in cells.rows.get(uid, {}).items():
        scored = [v for v in values[:rubric] if v != MISSING]
        if scored:
            found.append((reviewer_uid, sum(scored)))
    return found


def overview_rows(analysis: Analysis, names: dict[str, str]) -> tuple[list[Row], int]:
    """The overview's rows (one tuple each) and its number of reviewer columns; made in
    the worker that computed the analysis, so the GUI thread only shows them."""
    return listing_rows(
        analysis.result.ranking,
        {row.alliance.uid: reviewer_totals_centi(analysis, row.alliance.uid)
         for row in analysis.result.ranking},
        {a for a, _ in analysis.decisions},
        analysis.reviewer_order,
        names,
        analysis.conflicts,
        analysis.total_span,
        analysis,
    )  # fmt: skip


def listing_rows(
    ranking: Sequence[RankedRow],
    reviewer_totals: Mapping[str, list[tuple[str, int]]],
    decided: AbstractSet[str],
    order: Mapping[str, int],
    names: Mapping[str, str],
    conflicts_of: Mapping[str, list[str]],
    span: Fraction,
    analysis: Analysis | None = None,
) -> tuple[list[Row], int]:
    """The overview's rows from the ranking and each reviewer's total (hundredths);
    with the ``analysis`` also its flags, normalised totals and computed consensus (before
    it, the panel lists the alliances at once: ``panel.tab.first_listing``)."""
    rows: list[Row] = []
    k = 0
    for row in ranking:
        uid = row.alliance.uid
        totals = sorted(reviewer_totals.get(uid, []), key=lambda t: order.get(t[0], 0))
        k = max(k, len(totals))
        consensus_tip = ""
        computed = None if analysis is None else analysis.computed_totals.get(uid)
        if computed is not None and computed != row.total:
            consensus_tip = fill_in(
                _tr("computed consensus %1; the panel's decision counts"), format_points(computed)
            )
        flags = [] if analysis is None else analysis.flags.get(uid, [])
        reasons = "; ".join(flag_text(f, names) for f in flags)
        conflicts = "、".join(names.get(r, r) for r in conflicts_of.get(uid, []))
        spread = max(t for _, t in totals) - min(t for _, t in totals) if totals else 0
        rows.append(
            (
                uid,
                str(row.rank),
                row.seq,
                row.alliance.name,
                fill_in(_tr("Steps out: %1"), conflicts) if conflicts else "",
                tuple((centi_text(t), t / 100, names.get(r, r)) for r, t in totals),
                points_text(row.total),
                float(row.total),
                consensus_tip,
                uid in decided,
                None if analysis is None else analysis.normalised.get(uid),
                centi_text(spread),
                spread / 100,
                spread > span * 100,
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
            *[fill_in(self.tr("Reviewer %1"), str(n + 1)) for n in range(self.k)],
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

    def show_listing(self, rows: list[Row], k: int) -> None:
        """The alliances before the analysis is in (no flags yet): listed, sorted and
        filtered at once; ``show_analysis`` completes them."""
        self._show_rows(rows, k, frozenset())
        self.summary.setText(
            fill_in(
                self.tr("%1 alliance(s) ranked; the analysis is being computed…"), str(len(rows))
            )
        )

    def _show_rows(self, rows: list[Row], k: int, flagged: frozenset[str]) -> None:
        first = not self.model.rows or k != self.k
        self.k = k
        self.flagged = flagged
        self.model.set_rows(rows)  # the filter and the order chosen stay
        if first:  # measured once (the rows in view), not on every change
            header = self.table.horizontalHeader()
            header.setStretchLastSection(True)
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(self.NAME, 330)
        self._show_normalised(self.normalised.isChecked())

    def show_analysis(
        self,
        analysis: Analysis,
        names: dict[str, str],
        prepared: tuple[list[Row], int] | None = None,
    ) -> None:
        rows, k = prepared or overview_rows(analysis, names)
        self._show_rows(rows, k, frozenset(analysis.flags))
        self.summary.setText(
            fill_in(
                self.tr("%1 alliance(s) ranked; %2 need discussion; %3 decision(s) recorded."),
                str(len(analysis.result.ranking)),
                str(len(analysis.flags)),
                str(len(analysis.decisions)),
            )
        )
