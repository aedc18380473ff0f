"""The overview: reviewer totals side by side, consensus, spread, rank, tier, flags."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
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
from alliance_review.gui.panel.records import (
    ATTENTION,
    DECIDED,
    KEY_ROLE,
    SORT_ROLE,
    Cell,
    Record,
    RecordsModel,
    compact_rows,
)
from alliance_review.gui.panel.texts import flag_text
from alliance_review.services.panel import Analysis

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("OverviewPage", text)


class DiscussionFilter(QSortFilterProxyModel):
    """Name filter, and optionally only the alliances that need discussion."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flagged: set[str] = set()
        self.needs_only = False
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_needs_only(self, on: bool) -> None:
        self.needs_only = on
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: AnyIndex) -> bool:
        if self.needs_only:
            key = self.sourceModel().index(row, 0, parent).data(KEY_ROLE)
            if key not in self.flagged:
                return False
        return super().filterAcceptsRow(row, parent)


def overview_records(analysis: Analysis, names: dict[str, str]) -> tuple[list[Record], int]:
    """The overview's rows and its number of reviewer columns; made in the worker that
    computed the analysis, so the GUI thread only shows them."""
    result = analysis.result
    decisions = analysis.decisions
    k = max((len(r.reviewer_totals) for r in result.results.values()), default=3)
    records = []
    for row in result.ranking:
        uid = row.alliance.uid
        alliance_result = result.results[uid]
        totals = sorted(
            alliance_result.reviewer_totals.items(),
            key=lambda t: analysis.reviewer_order.get(t[0], 0),
        )
        reviewer_cells = [
            Cell(format_points(total), float(total), tooltip=names.get(r, r)) for r, total in totals
        ] + [Cell("", -1.0)] * (k - len(totals))
        computed = analysis.computed_totals.get(uid)
        decided = any(a == uid for a, _ in decisions)
        consensus_tip = ""
        if computed is not None and computed != row.total:
            consensus_tip = _tr("computed consensus %1; the panel's decision counts").replace(
                "%1", format_points(computed)
            )
        flags = analysis.flags.get(uid, [])
        reasons = "; ".join(flag_text(f, names) for f in flags)
        conflicts = [names.get(r, r) for r in analysis.conflicts.get(uid, [])]
        name_tip = _tr("Steps out: %1").replace("%1", "、".join(conflicts)) if conflicts else ""
        spread = alliance_result.spread
        normalised = analysis.normalised.get(uid)
        records.append(
            Record(
                uid,
                [
                    Cell(str(row.rank), row.seq),
                    Cell(row.alliance.name, tooltip=name_tip, align_center=False),
                    *reviewer_cells,
                    Cell(
                        format_points(row.total),
                        float(row.total),
                        tooltip=consensus_tip,
                        background=DECIDED if decided else None,
                    ),
                    Cell(
                        "" if normalised is None else f"{normalised:.2f}",
                        normalised if normalised is not None else -1.0,
                    ),
                    Cell(
                        format_points(spread),
                        float(spread),
                        background=ATTENTION if spread > analysis.total_span else None,
                    ),
                    Cell(row.tier.name, row.seq),
                    Cell(
                        "、".join(conflicts),
                        "、".join(conflicts),
                        tooltip=name_tip,
                        align_center=False,
                    ),
                    Cell(
                        reasons,
                        len(flags),
                        tooltip=reasons,
                        background=ATTENTION if flags else None,
                        align_center=False,
                    ),
                ],
            )
        )
    return records, k


class OverviewPage(QWidget):
    """Emits ``open_alliance(uid)`` on double-click or Enter."""

    open_alliance = Signal(str)
    span_changed = Signal(int)

    RANK, NAME = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k = 3
        self.model = RecordsModel(self.headers, self)
        self.proxy = DiscussionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.needs_only = QCheckBox()
        self.needs_only.toggled.connect(self.proxy.set_needs_only)
        self.normalised = QCheckBox()
        self.normalised.toggled.connect(self._show_normalised)
        self.span_label = QLabel()
        self.span = QSpinBox()
        self.span.setRange(1, 100)
        self.span.setKeyboardTracking(False)
        self.span.setValue(int(agreement.DEFAULT_TOTAL_SPAN))
        self.span.valueChanged.connect(self.span_changed)
        self.table = QTableView()
        self.table.setModel(self.proxy)
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

    def _show_normalised(self, on: bool) -> None:
        self.table.setColumnHidden(self.normalised_column, not on)

    def _open(self, index: QModelIndex) -> None:
        uid = index.data(KEY_ROLE)
        if uid:
            self.open_alliance.emit(str(uid))

    def select(self, uid: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, self.NAME)
            if index.data(KEY_ROLE) == uid:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return

    def show_analysis(
        self,
        analysis: Analysis,
        names: dict[str, str],
        prepared: tuple[list[Record], int] | None = None,
    ) -> None:
        records, self.k = prepared or overview_records(analysis, names)
        result, decisions = analysis.result, analysis.decisions
        self.proxy.flagged = set(analysis.flags)
        self.model.set_records(records)  # the reset filters and sorts the proxy anew
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # measured once per refresh; ResizeToContents would measure on every change
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(self.NAME, 330)
        self._show_normalised(self.normalised.isChecked())
        flagged = len(analysis.flags)
        self.summary.setText(
            self.tr("%1 alliance(s) ranked; %2 need discussion; %3 decision(s) recorded.")
            .replace("%1", str(len(result.ranking)))
            .replace("%2", str(flagged))
            .replace("%3", str(len(decisions)))
        )
