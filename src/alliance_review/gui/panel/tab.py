"""The panel tab: merge, overview, drill-down, analysis, decisions, method, lock."""

from __future__ import annotations

import sqlite3
import threading
from fractions import Fraction
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.agreement import consensus_total, meeting_conflicts
from alliance_review.core.errors import RoundLocked, UserError
from alliance_review.core.rubric import RUBRIC_TOTAL
from alliance_review.core.scoring import consensus
from alliance_review.gui import messages
from alliance_review.gui.i18n import fill_in, service_language
from alliance_review.gui.notice import EVERYTHING, Aspect, Change
from alliance_review.gui.panel.analysis_page import AnalysisPage, stability_rows
from alliance_review.gui.panel.backups_dialog import BackupsDialog
from alliance_review.gui.panel.commands import DecisionCommand, SpanCommand
from alliance_review.gui.panel.decision import DecisionDialog
from alliance_review.gui.panel.drilldown import DrillDownPage
from alliance_review.gui.panel.item_decision import ItemDecisionDialog
from alliance_review.gui.panel.lock import LockControl
from alliance_review.gui.panel.merge_dialog import MergeDialog
from alliance_review.gui.panel.method_dialog import MethodDialog
from alliance_review.gui.panel.overview import OverviewPage, listing_rows, overview_rows
from alliance_review.gui.panel.texts import method_label
from alliance_review.gui.recompute import Recompute
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.table_rows import Row
from alliance_review.gui.tasks import Task, alive, run_task
from alliance_review.gui.undo import perform
from alliance_review.services import item_decisions
from alliance_review.services.live import LiveAnalysis
from alliance_review.services.merge import expand
from alliance_review.services.panel import TOTAL, Analysis
from alliance_review.services.results import compute
from alliance_review.services.round_digest import content_hash
from alliance_review.storage.files import identify
from alliance_review.storage.round_store import RoundStore

#: the round settings the panel's analysis is computed from
ANALYSIS_SETTINGS = (
    "consensus_method",
    "rounding",
    "tie_rule",
    "tiers",
    "disagreement_span",
    "reviewers_per_alliance",
)


Prepared = tuple[Analysis, dict[str, str], tuple[list[Row], int], list[Row]]


def analyse_file(path: Path, live: LiveAnalysis, change: Change, lock: threading.Lock) -> Prepared:
    """The analysis, the reviewers' names and the overview's rows, made in the worker
    (on a connection of its own) so that the GUI thread only shows them.

    ``live`` keeps the analysis between changes: when only some alliances' scores or
    decisions changed, only they are computed again; an analysis already made for the
    round's content (an undo) is taken as it is.
    """
    # one read transaction: one state of the file, and a busy file can only stop the
    # first read, before ``live`` is changed (the task then reads again: ``gui.tasks``)
    with lock, RoundStore.reading(path) as store, store.read_transaction():
        digest = content_hash(store)
        alliances = change.scores | change.decisions
        others = change.touches(Aspect.RUBRIC, Aspect.ROSTER, Aspect.REVIEWERS) or (
            change.touches_settings(*ANALYSIS_SETTINGS)
        )
        if alliances and not alliances.every and not others:
            analysis = live.update(store, alliances.uids, digest)
        else:
            analysis = live.rebuild(store, digest)
        names = {r.uid: r.name for r in store.reviewers()}
    return analysis, names, overview_rows(analysis, names), stability_rows(analysis, names)


def first_listing(path: Path) -> tuple[list[Row], int]:
    """The overview's rows before the analysis is in, from the ranking and the reviewers'
    totals alone (a few queries: a second, not the analysis's many, at 10,000
    alliances), so the panel lists, sorts and filters the alliances at once; flags,
    normalised totals and the computed consensus follow with the analysis."""
    with RoundStore.reading(path) as store, store.read_transaction():
        result = compute(store)
        reviewers = store.reviewers()
        return listing_rows(
            result.ranking,
            store.reviewer_totals_centi(),
            {alliance_uid for alliance_uid, _ in store.decisions()},
            {r.uid: n for n, r in enumerate(reviewers)},
            {r.uid: r.name for r in reviewers},
            meeting_conflicts(reviewers),
            result.settings.disagreement_span,
        )


class PanelTab(RoundTab):
    depends_on = frozenset(
        {
            Aspect.SCORES,
            Aspect.DECISIONS,
            Aspect.SETTINGS,
            Aspect.RUBRIC,
            Aspect.ROSTER,
            Aspect.REVIEWERS,
            Aspect.LOCK,
        }
    )

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.analysis: Analysis | None = None
        self.failure = ""  # why the last analysis failed, said in the status line
        self.listing: Task | None = None  # the first listing, before the analysis
        self.live = LiveAnalysis()  # kept between changes, used by one worker at a time
        self.live_lock = threading.Lock()
        # the analysis, recomputed off the GUI thread; a change meanwhile recomputes once
        # more after (the latest state wins). The window stays usable throughout.
        self.recompute = Recompute(
            self,
            lambda: self.tr("Analysing the round…"),
            lambda change: partial(
                analyse_file, self.context.path, self.live, change, self.live_lock
            ),
            self._analysed,
            self._analysis_failed,
            first=self._list_first,
        )
        self.pending_alliance: str | None = None
        self.decision_open: QDialog | None = None
        self.lock_control = LockControl(context, self)
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
        self.drilldown.decide_item.connect(self.decide_item)
        self.drilldown.open_document.connect(self.open_document)
        self.panel_actions: dict[str, QAction] = {}
        for name, slot in (
            ("merge", self.merge_files),
            ("method", self.change_method),
            ("lock", lambda: self.toggle_lock()),
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
            self.show_analysis()  # the same figures, in the new language
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.recompute.shown()
        self.update_state()

    def update_state(self) -> None:
        """Texts and enabled states from the round's settings (read now: cheap)."""
        try:
            settings = self.context.store.settings()
        except sqlite3.ProgrammingError:  # the round was closed; the view goes away
            return
        locked = settings.locked
        self.panel_actions["lock"].setText(
            self.tr("&Unlock round…") if locked else self.tr("&Lock round as final…")
        )
        self.lock_button.setText(self.tr("Unlock round…") if locked else self.tr("Lock as final…"))
        for name in ("merge", "method"):
            self.panel_actions[name].setEnabled(not locked)
        self.merge_button.setEnabled(not locked)
        self.method_button.setEnabled(not locked)
        self.overview.span.setEnabled(not locked)
        text = fill_in(self.tr("Consensus: %1"), method_label(settings.consensus_method))
        if locked:
            text += "  ·  " + self.tr("Locked as final: merges and decisions are refused.")
        if self.recompute.running:
            text += "  ·  " + self.tr("Updating the analysis…")
        elif self.failure:
            text += "  ·  " + fill_in(
                self.tr("The analysis could not be updated: %1"), self.failure
            )
        self.state.setText(text)

    # showing ------------------------------------------------------------------------------
    def refresh(self, change: Change = EVERYTHING) -> None:
        """Follow a change: recompute the analysis (in the background) only when one of
        its inputs changed; a hidden tab catches up when it is shown."""
        inputs = change.touches(
            Aspect.SCORES, Aspect.DECISIONS, Aspect.RUBRIC, Aspect.ROSTER, Aspect.REVIEWERS
        ) or change.touches_settings(*ANALYSIS_SETTINGS)
        if inputs or self.analysis is None:
            self.recompute.changed(change if inputs else EVERYTHING)
        self.update_state()

    def _list_first(self) -> Task:
        """The first time: list the alliances at once, then analyse (one after the
        other: the listing has the CPU to itself, on a two-core machine too)."""
        path = self.context.path
        self.listing = run_task(
            self,
            self.tr("Listing the alliances…"),
            lambda _progress: first_listing(path),
            self._listed,
            on_error=self._listing_failed,
            reads_only=True,
            background=True,
        )
        return self.listing

    def _listing_failed(self, error: BaseException) -> None:
        """A refusal is the analysis's to say (it reads the same file); a bug is not."""
        if messages.refusal_of(error) is None:
            messages.refuse(self, error)

    def _listed(self, listing: tuple[list[Row], int]) -> None:
        if self.analysis is None:  # else the analysis came first and shows more
            self.overview.show_listing(*listing)

    def _analysed(self, result: Prepared) -> None:
        self.failure = ""
        self.analysis, self.names, prepared, stability = result
        self.show_analysis(prepared, stability)
        if self.pending_alliance is not None:
            uid, self.pending_alliance = self.pending_alliance, None
            self.open_alliance(uid)

    def show_analysis(
        self,
        prepared: tuple[list[Row], int] | None = None,
        stability: list[Row] | None = None,
    ) -> None:
        if self.analysis is None:
            return
        self.overview.show_span(self.analysis.total_span)
        self.overview.show_analysis(self.analysis, self.names, prepared)
        if self.drilldown.alliance_uid:
            self.drilldown.show_alliance(
                self.context.store, self.analysis, self.drilldown.alliance_uid, self.names
            )
        self.analysis_page.show_analysis(self.analysis, self.names, stability)
        self.update_state()

    def _analysis_failed(self, error: BaseException) -> None:
        """Said in the status line (a dialog would interrupt work the user did not start);
        the next change tries again. A bug goes to the last resort."""
        self.live = LiveAnalysis()  # start afresh next time
        if messages.refusal_of(error) is None:
            self.update_state()
            messages.refuse(self, error)
            return
        self.failure = messages.sentence(error)
        self.update_state()

    def open_alliance(self, uid: str) -> None:
        if self.analysis is None:  # shown as soon as the first analysis is in
            self.pending_alliance = uid
            if not self.recompute.running:
                self.recompute.run()
                self.update_state()
            return
        self.drilldown.show_alliance(self.context.store, self.analysis, uid, self.names)
        self.pages.setCurrentWidget(self.drilldown)

    # acting -------------------------------------------------------------------------------
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
        command = SpanCommand(self.context, Fraction(points))
        perform(self.context.undo_stack, command, lambda error: messages.refuse(self, error))

    def toggle_lock(self, confirm: bool = True) -> bool:
        """Lock as final, or unlock: asked first, never an undo step (see ``LockControl``)."""
        return self.lock_control.toggle(confirm)

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
            messages.refuse(self, RoundLocked())
            return None
        if alive(self.decision_open) and self.decision_open and self.decision_open.isVisible():
            self.decision_open.raise_()  # a second request (a double click) opens no second
            return self.decision_open if isinstance(self.decision_open, DecisionDialog) else None
        dialog = self.decision_dialog(uid, code)
        if dialog is not None:
            self.decision_open = dialog
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
        return dialog

    def open_document(self, uid: str, document_id: int, page: int) -> None:
        """The alliance's documents, at a cited page (the drill-down's links)."""
        from alliance_review.gui.documents.dialog import open_documents

        open_documents(self, self.context, uid, None if document_id < 0 else document_id, page)

    def decide_item(self, uid: str, code: str) -> ItemDecisionDialog | None:
        """The panel's decision on an evidence item of ``code`` (the dialog picks which)."""
        store = self.context.store
        if store.settings().locked:
            messages.refuse(self, RoundLocked())
            return None
        if alive(self.decision_open) and self.decision_open and self.decision_open.isVisible():
            self.decision_open.raise_()
            return None
        items = [s for s in item_decisions.item_status(store, uid) if s.code == code]
        if not items:
            return None
        indicator = store.rubric().indicator(code)
        dialog = ItemDecisionDialog(
            self.context,
            uid,
            store.alliance_name(uid) or uid,
            f"{indicator.code} {indicator.name}",
            items,
            item_decisions.rule_words(store, service_language()),
            self,
        )
        self.decision_open = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def withdraw(self, uid: str, code: str) -> None:
        if self.analysis is None or (uid, code) not in self.analysis.decisions:
            return
        command = DecisionCommand(self.context, uid, code, None, "")
        perform(self.context.undo_stack, command, lambda error: messages.refuse(self, error))
