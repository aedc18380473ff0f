"""The panel tab: merge, overview, drill-down, analysis, decisions, method, lock."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.agreement import consensus_total
from alliance_review.core.errors import RoundLocked, UserError
from alliance_review.core.rubric import RUBRIC_TOTAL
from alliance_review.core.scoring import consensus
from alliance_review.gui.main_window import error_text
from alliance_review.gui.panel.analysis_page import AnalysisPage
from alliance_review.gui.panel.backups_dialog import BackupsDialog
from alliance_review.gui.panel.commands import DecisionCommand, LockCommand, SpanCommand, run
from alliance_review.gui.panel.decision import DecisionDialog
from alliance_review.gui.panel.drilldown import DrillDownPage
from alliance_review.gui.panel.merge_dialog import MergeDialog
from alliance_review.gui.panel.method_dialog import MethodDialog
from alliance_review.gui.panel.overview import OverviewPage
from alliance_review.gui.panel.texts import method_label
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.tasks import TaskCancelled, run_task
from alliance_review.services.merge import expand
from alliance_review.services.panel import TOTAL, Analysis, analyse
from alliance_review.storage.files import identify


class PanelTab(RoundTab):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.analysis: Analysis | None = None
        self.stale = False
        self.reloading = False
        self.reload_again = False
        self.names: dict[str, str] = {}
        self.overview = OverviewPage()
        self.drilldown = DrillDownPage()
        self.analysis_page = AnalysisPage()
        self.pages = QTabWidget()
        self.pages.addTab(self.overview, "")
        self.pages.addTab(self.drilldown, "")
        self.pages.addTab(self.analysis_page, "")
        self.overview.open_alliance.connect(self.open_alliance)
        self.overview.span_changed.connect(self.change_span)
        self.drilldown.back.connect(lambda: self.pages.setCurrentWidget(self.overview))
        self.drilldown.decide.connect(self.decide)
        self.drilldown.withdraw.connect(self.withdraw)
        self.panel_actions: dict[str, QAction] = {}
        for name, slot in (
            ("merge", self.merge_files),
            ("method", self.change_method),
            ("lock", self.toggle_lock),
            ("backups", self.show_backups),
        ):
            action = QAction(self)
            action.triggered.connect(slot)
            self.panel_actions[name] = action
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.panel_actions["merge"].trigger)
        self.method_button = QPushButton()
        self.method_button.clicked.connect(self.panel_actions["method"].trigger)
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.panel_actions["lock"].trigger)
        self.state = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.merge_button)
        bar.addWidget(self.method_button)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        self.panel_menu = QMenu(self)
        self.panel_menu.addAction(self.panel_actions["merge"])
        self.panel_menu.addAction(self.panel_actions["method"])
        self.panel_menu.addSeparator()
        self.panel_menu.addAction(self.panel_actions["lock"])
        self.panel_menu.addAction(self.panel_actions["backups"])
        self.retranslate()

    # texts ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Panel")

    def menu(self) -> QMenu:
        return self.panel_menu

    def file_actions(self) -> list[QAction]:
        return [self.panel_actions["merge"]]

    def accept_files(self, paths: list[Path]) -> bool:
        """Reviewer files (or folders of them) dropped on the window open the merge dialog."""
        files = expand(paths)
        kinds = []
        for path in files:
            try:
                kinds.append(identify(path).kind.name)
            except UserError:
                kinds.append("")
        if not files or "reviewer" not in kinds:
            return False
        if any(path.is_file() for path in paths) and set(kinds) != {"reviewer"}:
            return False
        dialog = self.merge_files()
        dialog.add_paths(paths)
        return True

    def retranslate(self) -> None:
        self.panel_menu.setTitle(self.tr("&Panel"))
        self.panel_actions["merge"].setText(self.tr("&Merge reviewer files…"))
        self.panel_actions["method"].setText(self.tr("Consensus &method…"))
        self.panel_actions["backups"].setText(self.tr("&Backups and restore…"))
        self.merge_button.setText(self.tr("Merge reviewer files…"))
        self.method_button.setText(self.tr("Consensus method…"))
        self.pages.setTabText(0, self.tr("Overview"))
        self.pages.setTabText(1, self.tr("Alliance detail"))
        self.pages.setTabText(2, self.tr("Calibration and agreement"))
        self.overview.retranslate()
        self.drilldown.retranslate()
        self.analysis_page.retranslate()
        self.update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # a hidden tab (or a closed round's) refreshes when it is shown again
            self.refresh()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def update_state(self) -> None:
        """Texts and enabled states from the round's settings as last read by refresh."""
        if self.analysis is None:
            return
        settings = self.analysis.result.settings
        locked = settings.locked
        self.panel_actions["lock"].setText(
            self.tr("&Unlock round") if locked else self.tr("&Lock round as final")
        )
        self.lock_button.setText(self.tr("Unlock round") if locked else self.tr("Lock as final"))
        for name in ("merge", "method"):
            self.panel_actions[name].setEnabled(not locked)
        self.merge_button.setEnabled(not locked)
        self.method_button.setEnabled(not locked)
        self.overview.span.setEnabled(not locked)
        text = self.tr("Consensus: %1").replace("%1", method_label(settings.consensus_method))
        if locked:
            text += "  ·  " + self.tr("Locked as final: merges and decisions are refused.")
        self.state.setText(text)

    # showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the round as it is now; a hidden tab catches up when it is shown."""
        if not self.isVisible():
            self.stale = True
            return
        self.reload()

    def reload(self) -> None:
        # the analysis takes 0.3-0.8 s on 125 alliances: a worker thread, with a progress
        # dialog if it takes longer than that; a change meanwhile reloads once more after
        if self.reloading:
            self.reload_again = True
            return
        self.stale = False
        store = self.context.store
        self.reloading = True
        try:
            analysis = run_task(self, self.tr("Analysing the round…"), lambda _: analyse(store))
        except TaskCancelled:
            self.stale = True
            return
        except UserError as error:
            self.warn(error)
            return
        finally:
            self.reloading = False
        if self.reload_again:
            self.reload_again = False
            self.reload()
            return
        self.analysis = analysis
        self.names = {r.uid: r.name for r in store.reviewers()}
        self.overview.show_span(self.analysis.total_span)
        self.overview.show_analysis(self.analysis, self.names)
        if self.drilldown.alliance_uid:
            self.drilldown.show_alliance(
                store, self.analysis, self.drilldown.alliance_uid, self.names
            )
        self.analysis_page.show_analysis(self.analysis, self.names)
        self.update_state()

    def open_alliance(self, uid: str) -> None:
        if self.analysis is None or self.stale:
            self.reload()
        assert self.analysis is not None
        self.drilldown.show_alliance(self.context.store, self.analysis, uid, self.names)
        self.pages.setCurrentWidget(self.drilldown)

    # acting -------------------------------------------------------------------------------
    def warn(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Not possible"), error_text(error))

    def merge_files(self) -> MergeDialog:
        dialog = MergeDialog(self.context, self)
        dialog.open()
        return dialog

    def show_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.context, self)
        dialog.open()
        return dialog

    def change_method(self) -> MethodDialog:
        dialog = MethodDialog(self.context, self)
        dialog.open()
        return dialog

    def change_span(self, points: int) -> None:
        if self.analysis is not None and Fraction(points) == self.analysis.total_span:
            return
        try:
            run(self.context, SpanCommand(self.context, Fraction(points)))
        except UserError as error:
            self.warn(error)
            self.refresh()

    def toggle_lock(self) -> None:
        locked = self.context.store.settings().locked
        try:
            run(self.context, LockCommand(self.context, not locked))
        except UserError as error:
            self.warn(error)

    def decision_dialog(self, uid: str, code: str) -> DecisionDialog | None:
        analysis = self.analysis
        if analysis is None:
            return None
        rubric = analysis.rubric
        alliance_name = next(
            (r.alliance.name for r in analysis.result.ranking if r.alliance.uid == uid), uid
        )
        method = analysis.result.settings.consensus_method
        per_indicator = analysis.table.get(uid, {})
        if code == TOTAL:
            computed = consensus_total(rubric, per_indicator, method)
            what, maximum, step = self.tr("Total"), RUBRIC_TOTAL, Fraction(1, 100)
        else:
            indicator = rubric.indicator(code)
            values = list(per_indicator.get(code, {}).values())
            computed = consensus(values, method) if values else None
            what = f"{indicator.code} {indicator.name}"
            maximum, step = indicator.max_points, indicator.step
        return DecisionDialog(
            self.context,
            uid,
            alliance_name,
            code,
            what,
            computed,
            maximum,
            step,
            analysis.decisions.get((uid, code)),
            self,
        )

    def decide(self, uid: str, code: str) -> DecisionDialog | None:
        if self.context.store.settings().locked:
            self.warn(RoundLocked())
            return None
        dialog = self.decision_dialog(uid, code)
        if dialog is not None:
            dialog.open()
        return dialog

    def withdraw(self, uid: str, code: str) -> None:
        if self.analysis is None or (uid, code) not in self.analysis.decisions:
            return
        try:
            run(self.context, DecisionCommand(self.context, uid, code, None, ""))
        except UserError as error:
            self.warn(error)
