"""The ranked result of the round, as the appendix will print it.

Ranked off the GUI thread. The ranking is kept between changes (``services.live``): when
only some alliances' scores or decisions changed, only those are computed again and moved
to their new places. The table holds one tuple per row and filters and sorts itself
(``gui.table_rows``), so a keystroke in the filter or a click on a header stays quick at
10,000 alliances.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from alliance_review.core.points import format_points
from alliance_review.gui import messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import EVERYTHING, Aspect, Change
from alliance_review.gui.recompute import Recompute
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.table_rows import MEASURED_ROWS, Column, Row, RowsModel
from alliance_review.services.live import LiveRanking
from alliance_review.services.results import RoundResult
from alliance_review.storage.round_store import RoundStore

# one row: a tuple, read by the columns
UID, SEQ, RANK, NAME, BATCH, SCORE, TOTAL, TIER = range(8)


class RankingModel(RowsModel):
    SEQ, RANK, NAME, BATCH, SCORE, TOTAL, TIER = range(7)

    def __init__(self) -> None:
        super().__init__(
            self.headers, self.column_list, key=lambda r: r[UID], filter_text=lambda r: r[NAME]
        )

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Rank"),
            self.tr("Alliance"),
            self.tr("Batch"),
            self.tr("Score"),
            self.tr("Exact total"),
            self.tr("Tier"),
        )

    def column_list(self) -> list[Column]:
        unknown = self.tr("Batch unknown")
        exact = self.tr("The exact total decides the tier; the score is printed rounded.")
        return [
            Column(lambda r: str(r[SEQ]), sort=lambda r: r[SEQ]),
            Column(lambda r: str(r[RANK]), sort=lambda r: r[RANK]),
            Column(lambda r: r[NAME], left=True),
            Column(lambda r: r[BATCH] or unknown, sort=lambda r: r[BATCH] or "~"),
            Column(lambda r: r[SCORE], sort=lambda r: r[SEQ]),
            Column(lambda r: r[TOTAL], sort=lambda r: r[SEQ], tooltip=lambda r: exact),
            Column(lambda r: r[TIER], sort=lambda r: r[SEQ], left=True),
        ]


def ranking_rows(result: RoundResult) -> list[Row]:
    return [
        (
            row.alliance.uid,
            row.seq,
            row.rank,
            row.alliance.name,
            row.alliance.batch,
            str(row.printed_score),
            format_points(row.total),
            row.tier.name,
        )
        for row in result.ranking
    ]


class KeptRanking:
    """The ranking kept between changes; used by one worker at a time."""

    def __init__(self) -> None:
        self.ranking: LiveRanking | None = None
        self.lock = threading.Lock()


def rank_file(path: Path, kept: KeptRanking, change: Change) -> tuple[RoundResult, list[Row]]:
    """In the worker, on a connection of its own: the ranking, again only for the
    alliances whose scores or decisions changed when nothing else did."""
    # one read transaction: a busy file can only stop the first read (read again then)
    with kept.lock, RoundStore.reading(path) as store, store.read_transaction():
        alliances = change.scores | change.decisions
        others = change.touches(Aspect.SETTINGS, Aspect.RUBRIC, Aspect.ROSTER)
        if kept.ranking is not None and alliances and not alliances.every and not others:
            result = kept.ranking.update(store, alliances.uids)
        else:
            kept.ranking = LiveRanking(store)
            result = kept.ranking.result(store)
        return result, ranking_rows(result)


class ResultsTab(RoundTab):
    depends_on = frozenset(
        {Aspect.SCORES, Aspect.DECISIONS, Aspect.SETTINGS, Aspect.RUBRIC, Aspect.ROSTER}
    )

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        self.result: RoundResult | None = None
        self.kept = KeptRanking()
        self.recompute = Recompute(
            self,
            lambda: self.tr("Ranking…"),
            lambda change: partial(rank_file, self.context.path, self.kept, change),
            self._ranked,
            self._failed,
        )
        self.model = RankingModel()
        super().__init__(context, parent)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.model.set_filter)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RankingModel.SEQ, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)  # the rows in view, not 10,000
        # sized to the rows in view when first filled, not again on every keystroke
        header.setSectionResizeMode(RankingModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setAccessibleName(self.tr("Filter the ranking"))
        self.table.setAccessibleName(self.tr("Ranking"))
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_result()
        super().changeEvent(event)

    def title(self) -> str:
        return self.tr("Ranking")

    def refresh(self, change: Change = EVERYTHING) -> None:
        """Rank again (off the GUI thread) when shown; a hidden tab catches up when shown."""
        self.recompute.changed(change)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.recompute.shown()

    def _failed(self, error: BaseException) -> None:
        """Said under the table (no dialog: the user did not start this); a bug goes to
        the last resort. The next change, or showing the tab, ranks again."""
        self.kept = KeptRanking()  # start afresh next time
        if messages.refusal_of(error) is None:
            messages.refuse(self, error)
            return
        self.summary.setText(
            fill_in(self.tr("The ranking could not be updated: %1"), messages.sentence(error))
        )

    def _ranked(self, ranked: tuple[RoundResult, list[Row]]) -> None:
        self.result, rows = ranked
        self.model.set_rows(rows)
        if not self.sized and rows:
            for column in range(self.model.columnCount()):
                if column != RankingModel.NAME:
                    self.table.resizeColumnToContents(column)
            self.sized = True
        self.show_result()

    def show_result(self) -> None:
        result = self.result
        if result is None:
            return
        counts = {t.name: 0 for t in result.settings.tiers}
        for row in result.ranking:
            counts[row.tier.name] += 1
        parts = "  ".join(f"{name} {n}" for name, n in counts.items())
        self.summary.setText(
            self.tr("%n alliance(s) ranked", "", len(result.ranking)) + "  ·  " + parts
        )


def create_tab(context: RoundContext) -> RoundTab:
    return ResultsTab(context)
