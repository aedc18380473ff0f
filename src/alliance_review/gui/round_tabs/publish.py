"""Publish: the appendix PDF with a preview, the results workbook, the report's statistics.

Exports run through ``gui.tasks.run_task`` (progress, cancel); the services write to a
temporary file and rename it into place, so a cancelled or failed export leaves no file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.statistics import PreviousYear
from alliance_review.gui import i18n
from alliance_review.gui.publish.preview import PagePreview
from alliance_review.gui.publish.statistics_view import StatisticsView
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.tasks import TaskCancelled, run_task
from alliance_review.services.appendix_pdf import (
    AppendixOptions,
    default_title,
    export_appendix,
)
from alliance_review.services.results_xlsx import export_workbook
from alliance_review.services.statistics_pdf import export_statistics_pdf
from alliance_review.services.statistics_report import round_statistics_of

Progress = Callable[[int, int], bool]


class PublishTab(RoundTab):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.preview_dir = tempfile.TemporaryDirectory(prefix="alliance-review-preview-")
        # statistics shown for (round state, last year, published figures): recomputed
        # only when one of them changes, off the GUI thread, and only while visible
        self.statistics_key: tuple[object, ...] | None = None
        self.statistics_stale = False
        self.statistics_busy = False
        self.action_registry: dict[str, QAction] = {}
        for name, slot in (
            ("export_appendix", self.export_appendix),
            ("export_workbook", self.export_workbook),
            ("export_statistics", self.export_statistics),
            ("preview", self.preview_appendix),
        ):
            action = QAction(self)
            action.triggered.connect(slot)
            self.action_registry[name] = action
        self._menu = QMenu()
        self._menu.addAction(self.action_registry["preview"])
        self._menu.addSeparator()
        for name in ("export_appendix", "export_workbook", "export_statistics"):
            self._menu.addAction(self.action_registry[name])

        # appendix options
        self.appendix_box = QGroupBox()
        self.title_edit = QLineEdit()
        self.tier_boxes: list[QCheckBox] = []
        self.tiers_row = QHBoxLayout()
        self.ties_box = QCheckBox()
        self.labels = {
            name: QLabel()
            for name in ("title", "tiers", "ranks", "shares", "count", "round", "published")
        }
        self.appendix_form = QFormLayout(self.appendix_box)
        self.appendix_form.addRow(self.labels["title"], self.title_edit)
        self.appendix_form.addRow(self.labels["tiers"], self.tiers_row)
        self.appendix_form.addRow(self.labels["ranks"], self.ties_box)
        self.preview_button = QPushButton()
        self.export_pdf_button = QPushButton()
        self.export_xlsx_button = QPushButton()
        buttons = QHBoxLayout()
        for button, action_name in (
            (self.preview_button, "preview"),
            (self.export_pdf_button, "export_appendix"),
            (self.export_xlsx_button, "export_workbook"),
        ):
            button.clicked.connect(self.action_registry[action_name].trigger)
            buttons.addWidget(button)
        self.appendix_form.addRow(buttons)

        # statistics options
        self.statistics_box = QGroupBox()
        self.previous_shares = QLineEdit()
        self.previous_shares.setPlaceholderText("31,32,25,12")
        self.previous_count = QSpinBox()
        self.previous_count.setRange(0, 100000)
        self.previous_round_button = QPushButton()
        self.previous_round_button.clicked.connect(self.choose_previous_round)
        self.previous_round: Path | None = None
        self.published_button = QPushButton()
        self.published_button.clicked.connect(self.choose_published)
        self.published_file: Path | None = None
        self.update_button = QPushButton()
        self.update_button.clicked.connect(self.update_statistics)
        self.export_stats_button = QPushButton()
        self.export_stats_button.clicked.connect(self.action_registry["export_statistics"].trigger)
        self.statistics_form = QFormLayout(self.statistics_box)
        self.statistics_form.addRow(self.labels["shares"], self.previous_shares)
        self.statistics_form.addRow(self.labels["count"], self.previous_count)
        self.statistics_form.addRow(self.labels["round"], self.previous_round_button)
        self.statistics_form.addRow(self.labels["published"], self.published_button)
        stat_buttons = QHBoxLayout()
        stat_buttons.addWidget(self.update_button)
        stat_buttons.addWidget(self.export_stats_button)
        self.statistics_form.addRow(stat_buttons)

        self.status = QLabel()
        self.status.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.appendix_box)
        left_layout.addWidget(self.statistics_box)
        left_layout.addWidget(self.status)
        left_layout.addStretch(1)

        self.preview = PagePreview()
        self.statistics_view = StatisticsView()
        self.views = QTabWidget()
        self.views.addTab(self.preview, "")
        self.views.addTab(self.statistics_view, "")
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.views)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    # texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        a = self.action_registry
        a["preview"].setText(self.tr("&Preview appendix"))
        a["export_appendix"].setText(self.tr("Export &appendix PDF…"))
        a["export_workbook"].setText(self.tr("Export results &workbook…"))
        a["export_statistics"].setText(self.tr("Export &statistics PDF…"))
        self._menu.setTitle(self.tr("&Publish"))
        self.appendix_box.setTitle(self.tr("Appendix"))
        self.labels["title"].setText(self.tr("Title"))
        self.labels["tiers"].setText(self.tr("Tiers"))
        self.labels["ranks"].setText(self.tr("Ranks"))
        self.ties_box.setText(self.tr("Show shared ranks of equal totals"))
        self.preview_button.setText(self.tr("Preview"))
        self.export_pdf_button.setText(self.tr("Export PDF…"))
        self.export_xlsx_button.setText(self.tr("Export workbook…"))
        self.statistics_box.setTitle(self.tr("Statistics"))
        self.labels["shares"].setText(self.tr("Last year's shares (%)"))
        self.labels["count"].setText(self.tr("Last year took part"))
        self.previous_count.setSpecialValueText(self.tr("unknown"))
        self.labels["round"].setText(self.tr("Or last year's round"))
        self.previous_round_button.setText(
            self.previous_round.name if self.previous_round else self.tr("Choose…")
        )
        self.labels["published"].setText(self.tr("Published figures"))
        self.published_button.setText(
            self.published_file.name if self.published_file else self.tr("Choose…")
        )
        self.update_button.setText(self.tr("Update statistics"))
        self.export_stats_button.setText(self.tr("Export statistics PDF…"))
        self.views.setTabText(0, self.tr("Appendix preview"))
        self.views.setTabText(1, self.tr("Statistics"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def title(self) -> str:
        return self.tr("Publish")

    def menu(self) -> QMenu | None:
        return self._menu

    def refresh(self) -> None:
        settings = self.context.store.settings()
        self.title_edit.setPlaceholderText(default_title(settings.year))
        names = [t.name for t in settings.tiers]
        if [b.text() for b in self.tier_boxes] != names:
            for box in self.tier_boxes:
                self.tiers_row.removeWidget(box)
                box.deleteLater()
            self.tier_boxes = []
            for name in names:
                box = QCheckBox(name)
                box.setChecked(True)
                self.tiers_row.addWidget(box)
                self.tier_boxes.append(box)
        if self.isVisible():
            # out of the signal that asked for it (an undo, a merge), then once
            QTimer.singleShot(0, self.update_statistics)
        else:
            self.statistics_stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.statistics_stale:
            QTimer.singleShot(0, self.update_statistics)

    # helpers ----------------------------------------------------------------------------
    def options(self) -> AppendixOptions:
        chosen = tuple(b.text() for b in self.tier_boxes if b.isChecked())
        everything = len(chosen) == len(self.tier_boxes)
        return AppendixOptions(
            title=self.title_edit.text().strip() or None,
            tiers=None if everything else chosen,
            show_rank_ties=self.ties_box.isChecked(),
        )

    def previous(self) -> Path | PreviousYear | None:
        if self.previous_round is not None:
            return self.previous_round
        text = self.previous_shares.text().strip()
        if not text:
            return None
        count = self.previous_count.value() or None
        return PreviousYear.parse(text, count, "typed")

    def show_error(self, error: UserError) -> None:
        language = "en" if i18n.chosen_language() == "en" else "zh"
        QMessageBox.warning(self, self.tr("Cannot publish"), error.message(language))

    def run(self, label: str, work: Callable[[Progress], Any]) -> Any:
        """Run ``work`` with a progress dialog; None after a cancel or a refusal."""
        try:
            return run_task(self, label, work)
        except TaskCancelled:
            self.status.setText(self.tr("Cancelled; no file was written."))
        except UserError as error:
            self.show_error(error)
        return None

    def save_path(self, caption: str, suggested: str, filter_text: str) -> Path | None:
        start = str(QSettings().value("publish/last_dir", "") or self.context.path.parent)
        name, _ = QFileDialog.getSaveFileName(
            self, caption, str(Path(start) / suggested), filter_text
        )
        if not name:
            return None
        QSettings().setValue("publish/last_dir", str(Path(name).parent))
        return Path(name)

    def stem(self) -> str:
        return f"{self.context.store.settings().year}"

    # actions ------------------------------------------------------------------------------
    def preview_appendix(self) -> None:
        out = Path(self.preview_dir.name) / "preview.pdf"
        path, options = self.context.path, self.options()
        done = self.run(
            self.tr("Preparing the preview…"),
            lambda progress: export_appendix(path, out, options, progress),
        )
        if done is not None:
            self.preview.set_pdf(out)
            self.views.setCurrentWidget(self.preview)

    def export_appendix(self) -> None:
        out = self.save_path(
            self.tr("Export appendix"), f"附件-{self.stem()}.pdf", self.tr("PDF (*.pdf)")
        )
        if out is None:
            return
        path, options = self.context.path, self.options()
        if self.run(
            self.tr("Writing the appendix…"),
            lambda progress: export_appendix(path, out, options, progress),
        ):
            self.status.setText(self.tr("Appendix written: %1").replace("%1", str(out)))

    def export_workbook(self) -> None:
        out = self.save_path(
            self.tr("Export results workbook"),
            f"评价结果-{self.stem()}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if out is None:
            return
        path = self.context.path
        if self.run(
            self.tr("Writing the workbook…"), lambda progress: export_workbook(path, out, progress)
        ):
            self.status.setText(self.tr("Workbook written: %1").replace("%1", str(out)))

    def export_statistics(self) -> None:
        try:
            previous = self.previous()
        except UserError as error:
            self.show_error(error)
            return
        out = self.save_path(
            self.tr("Export statistics"), f"统计-{self.stem()}.pdf", self.tr("PDF (*.pdf)")
        )
        if out is None:
            return
        path, published = self.context.path, self.published_file
        if self.run(
            self.tr("Writing the statistics…"),
            lambda progress: export_statistics_pdf(path, out, previous, published, progress),
        ):
            self.status.setText(self.tr("Statistics written: %1").replace("%1", str(out)))

    def open_path(self, caption: str, filter_text: str) -> Path | None:
        """Ask for a file to read; None when the user cancels (which also clears a choice)."""
        name, _ = QFileDialog.getOpenFileName(
            self, caption, str(self.context.path.parent), filter_text
        )
        return Path(name) if name else None

    def choose_previous_round(self) -> None:
        self.previous_round = self.open_path(
            self.tr("Last year's round file"),
            self.tr("Round files (*.sqlite *.db *.arr);;All files (*)"),
        )
        self.retranslate()
        self.update_statistics()

    def choose_published(self) -> None:
        self.published_file = self.open_path(
            self.tr("Figures printed in a report"),
            self.tr("Published figures (*.json);;All files (*)"),
        )
        self.retranslate()
        self.update_statistics()

    def round_state(self) -> tuple[int, int]:
        """Changes when the round file does: our own writes, or another connection's."""
        return self.context.store.change_marker()

    def update_statistics(self) -> None:
        """Show the statistics for the current inputs, computing them only if they changed."""
        if self.statistics_busy or self.context.closed:
            return
        self.statistics_stale = False
        language = "en" if i18n.chosen_language() == "en" else "zh"
        try:
            previous = self.previous()
        except UserError as error:
            self.status.setText(error.message(language))
            return
        key = (self.round_state(), repr(previous), str(self.published_file))
        if key == self.statistics_key:
            return
        path, published = self.context.path, self.published_file
        self.statistics_busy = True
        try:
            stats = run_task(
                self,
                self.tr("Computing the statistics…"),
                lambda progress: round_statistics_of(path, previous, published),
            )
        except TaskCancelled:
            return
        except UserError as error:
            self.status.setText(error.message(language))
            return
        finally:
            self.statistics_busy = False
        self.statistics_key = key
        self.statistics_view.show_statistics(stats)
        self.status.setText("")

    def closeEvent(self, event: Any) -> None:
        self.preview_dir.cleanup()
        super().closeEvent(event)


def create_tab(context: RoundContext) -> RoundTab:
    return PublishTab(context)
