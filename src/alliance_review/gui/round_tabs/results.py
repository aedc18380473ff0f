"""The ranked result of the round, as the appendix will print it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from alliance_review.core.points import format_points
from alliance_review.core.ranking import RankedRow
from alliance_review.gui.notice import EVERYTHING, Aspect, Change
from alliance_review.gui.panel.records import MEASURED_ROWS
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.tasks import Task, report_error, run_task
from alliance_review.services.results import RoundResult, compute
from alliance_review.storage.round_store import RoundStore

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RankingModel(QAbstractTableModel):
    SEQ, RANK, NAME, BATCH, SCORE, TOTAL, TIER = range(7)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[RankedRow] = []

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

    def set_rows(self, rows: list[RankedRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.seq),
                str(row.rank),
                row.alliance.name,
                row.alliance.batch or self.tr("Batch unknown"),
                str(row.printed_score),
                format_points(row.total),
                row.tier.name,
            )[column]
        if role == SORT_ROLE:
            return (
                row.seq,
                row.rank,
                row.alliance.name,
                row.alliance.batch or "~",
                row.seq,
                row.seq,
                row.seq,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (self.NAME, self.TIER):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TOTAL:
            return self.tr("The exact total decides the tier; the score is printed rounded.")
        return None


class ResultsTab(RoundTab):
    depends_on = frozenset(
        {Aspect.SCORES, Aspect.DECISIONS, Aspect.SETTINGS, Aspect.RUBRIC, Aspect.ROSTER}
    )

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        self.result: RoundResult | None = None
        self.task: Task | None = None
        self.stale = False
        self.reload_again = False
        self.model = RankingModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(RankingModel.NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        super().__init__(context, parent)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RankingModel.SEQ, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)  # not all 10,000 rows on each refresh
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RankingModel.NAME, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_result()
        super().changeEvent(event)

    def title(self) -> str:
        return self.tr("Ranking")

    def refresh(self, change: Change = EVERYTHING) -> None:
        """Rank again (off the GUI thread) when shown; a hidden tab catches up when shown."""
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        if self.task is not None:
            self.reload_again = True
            return
        self.stale = False
        path = self.context.path
        self.task = run_task(
            self,
            self.tr("Ranking…"),
            lambda _progress: ranking_of_file(path),
            self._ranked,
            on_error=self._failed,
            reads_only=True,
            background=True,
        )

    def _failed(self, error: BaseException) -> None:
        self.task = None
        report_error(self, error)

    def _ranked(self, result: RoundResult) -> None:
        self.task = None
        if self.reload_again:
            self.reload_again = False
            self.reload()
            return
        self.result = result
        self.show_result()

    def show_result(self) -> None:
        result = self.result
        if result is None:
            return
        self.model.set_rows(result.ranking)
        counts = {t.name: 0 for t in result.settings.tiers}
        for row in result.ranking:
            counts[row.tier.name] += 1
        parts = "  ".join(f"{name} {n}" for name, n in counts.items())
        self.summary.setText(
            self.tr("%n alliance(s) ranked", "", len(result.ranking)) + "  ·  " + parts
        )


def ranking_of_file(path: Path) -> RoundResult:
    with RoundStore.reading(path) as store:  # the worker's own connection
        return compute(store)


def create_tab(context: RoundContext) -> RoundTab:
    return ResultsTab(context)
