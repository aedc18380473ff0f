"""Changing the consensus method: which ranks and tiers move, shown before it applies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.points import format_points
from alliance_review.core.scoring import CONSENSUS_METHODS
from alliance_review.gui import fit, messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.panel.commands import MethodCommand
from alliance_review.gui.panel.records import ATTENTION, Cell, Record, RecordsModel, compact_rows
from alliance_review.gui.panel.texts import method_label
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.tasks import Task, run_task
from alliance_review.gui.undo import perform
from alliance_review.services.panel import Move, preview_method
from alliance_review.storage.round_store import RoundStore


def moves_of(path: Path, method: str) -> list[Move]:
    """What a method would move, ranked twice on a connection of the worker's own."""
    with RoundStore.reading(path) as store:
        return preview_method(store, method)


class MethodDialog(QDialog):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Consensus method"))
        fit.size_within_screen(self, 820, 480)
        current = context.store.settings().consensus_method
        self.current = current
        self.combo = QComboBox()
        for method in CONSENSUS_METHODS:
            self.combo.addItem(method_label(method), method)
        self.combo.setCurrentIndex(CONSENSUS_METHODS.index(current))
        self.combo.currentIndexChanged.connect(self.refresh)
        self.model = RecordsModel(self.headers, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Ranks and tiers the method would move"))
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        compact_rows(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Method:")))
        row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.refresh()

    def headers(self) -> list[str]:
        return [
            self.tr("Alliance"),
            self.tr("Rank now"),
            self.tr("Rank then"),
            self.tr("Total now"),
            self.tr("Total then"),
            self.tr("Tier now"),
            self.tr("Tier then"),
        ]

    def method(self) -> str:
        return str(self.combo.currentData())

    def refresh(self) -> None:
        method = self.method()
        self.apply_button.setEnabled(False)
        if method == self.current:
            self.model.set_records([])
            self.summary.setText(self.tr("This is the round's method now."))
            return
        self.model.set_records([])
        self.summary.setText(self.tr("Working out what would move…"))
        path = self.context.path
        self.task = run_task(
            self,
            self.tr("Working out what would move…"),
            lambda _progress: moves_of(path, method),
            lambda moves: self.show_moves(method, moves),
            on_error=self._failed,
            reads_only=True,
            background=True,
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.summary.setText(messages.sentence(error))
        else:
            messages.refuse(self, error)

    def show_moves(self, method: str, moves: list[Move]) -> None:
        if method != self.method():  # another method was chosen meanwhile: its turn comes
            return
        records = [
            Record(
                m.alliance_uid,
                [
                    Cell(m.name, align_center=False),
                    Cell(str(m.old_rank)),
                    Cell(str(m.new_rank)),
                    Cell(format_points(m.old_total)),
                    Cell(format_points(m.new_total)),
                    Cell(m.old_tier),
                    Cell(m.new_tier, background=ATTENTION if m.tier_moves else None),
                ],
            )
            for m in sorted(moves, key=lambda m: (not m.tier_moves, m.new_rank))
        ]
        self.model.set_records(records)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 360))
        tiers = sum(1 for m in moves if m.tier_moves)
        self.summary.setText(
            fill_in(
                self.tr("%1 alliance(s) would change rank or total; %2 would change tier."),
                str(len(moves)),
                str(tiers),
            )
        )
        self.apply_button.setEnabled(True)

    def apply(self) -> None:
        command = MethodCommand(self.context, self.method())
        shown = self.summary.setText
        if perform(self.context.undo_stack, command, lambda e: shown(messages.sentence(e))):
            self.accept()
