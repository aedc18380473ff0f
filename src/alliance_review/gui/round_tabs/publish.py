"""Publish: the appendix PDF with a preview, the results workbook, the report's statistics.

Exports run through ``gui.tasks.run_task`` (progress, cancel); the services write to a
temporary file and rename it into place, so a cancelled or failed export leaves no file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.statistics import PreviousYear
from alliance_review.gui import file_kinds, i18n, messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import EVERYTHING, Aspect, Change
from alliance_review.gui.publish.exports import (
    default_title,
    export_appendix,
    export_report,
    export_statistics_pdf,
    export_workbook,
    register_font,
    system_song_font,
    system_song_name,
)
from alliance_review.gui.publish.preview import PagePreview
from alliance_review.gui.publish.statistics_view import StatisticsView, chart_png
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.tasks import Task, run_task
from alliance_review.services.results import band_mismatches
from alliance_review.services.statistics_report import round_statistics_of

if TYPE_CHECKING:
    from alliance_review.services.appendix_pdf import AppendixOptions

Progress = Callable[[int, int], bool]


def statistics_and_chart(
    path: Path, previous: Path | PreviousYear | None, published: Path | None
) -> tuple[Any, bytes]:
    """The figures and their chart, both made in the worker (the chart takes ~0.1 s)."""
    stats = round_statistics_of(path, previous, published)
    return stats, chart_png(stats)


class PublishTab(RoundTab):
    depends_on = frozenset(
        {
            Aspect.SCORES,
            Aspect.DECISIONS,
            Aspect.SELF_EVALUATIONS,
            Aspect.SETTINGS,
            Aspect.RUBRIC,
            Aspect.ROSTER,
            Aspect.LOCK,
        }
    )

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.preview_dir = tempfile.TemporaryDirectory(prefix="alliance-review-preview-")
        # statistics shown for (round state, last year, published figures): recomputed
        # only when one of them changes, off the GUI thread, and only while visible
        self.statistics_key: tuple[object, ...] | None = None
        self.statistics_stale = False
        self.statistics_task: Task | None = None
        self.statistics_again = False
        self.export_task: Task | None = None
        self.action_registry: dict[str, QAction] = {}
        for name, slot in (
            ("export_appendix", self.export_appendix),
            ("export_workbook", self.export_workbook),
            ("export_statistics", self.export_statistics),
            ("export_report", self.export_report),
            ("preview", self.preview_appendix),
        ):
            action = QAction(self)
            action.triggered.connect(slot)
            self.action_registry[name] = action
        self._menu = QMenu()
        self._menu.addAction(self.action_registry["preview"])
        self._menu.addSeparator()
        for name in ("export_appendix", "export_workbook", "export_statistics", "export_report"):
            self._menu.addAction(self.action_registry[name])

        # appendix options
        self.appendix_box = QGroupBox()
        self.title_edit = QLineEdit()
        self.tier_boxes: list[QCheckBox] = []
        self.tiers_row = QHBoxLayout()
        self.ties_box = QCheckBox()
        # the PDFs' font: the bundled one, a Song/Ming font of the system, or a chosen file
        self.font_choice = QComboBox()
        saved = str(QSettings().value("publish/font", "") or "")
        self.font_file: Path | None = Path(saved) if saved and Path(saved).is_file() else None
        self.font_choice.activated.connect(self.choose_font)
        self.labels = {
            name: QLabel()
            for name in (
                "title",
                "tiers",
                "ranks",
                "font",
                "shares",
                "count",
                "round",
                "published",
            )
        }
        self.appendix_form = QFormLayout(self.appendix_box)
        self.appendix_form.addRow(self.labels["title"], self.title_edit)
        self.appendix_form.addRow(self.labels["tiers"], self.tiers_row)
        self.appendix_form.addRow(self.labels["ranks"], self.ties_box)
        self.appendix_form.addRow(self.labels["font"], self.font_choice)
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
        self.export_report_button = QPushButton()
        self.export_report_button.clicked.connect(self.action_registry["export_report"].trigger)
        self.statistics_form = QFormLayout(self.statistics_box)
        self.statistics_form.addRow(self.labels["shares"], self.previous_shares)
        self.statistics_form.addRow(self.labels["count"], self.previous_count)
        self.statistics_form.addRow(self.labels["round"], self.previous_round_button)
        self.statistics_form.addRow(self.labels["published"], self.published_button)
        stat_buttons = QHBoxLayout()
        stat_buttons.addWidget(self.update_button)
        stat_buttons.addWidget(self.export_stats_button)
        self.statistics_form.addRow(stat_buttons)
        self.statistics_form.addRow(self.export_report_button)

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
        a["export_report"].setText(self.tr("Write the &report draft (Word)…"))
        self._menu.setTitle(self.tr("&Publish"))
        self.appendix_box.setTitle(self.tr("Appendix"))
        self.labels["title"].setText(self.tr("Title"))
        self.labels["tiers"].setText(self.tr("Tiers"))
        self.labels["ranks"].setText(self.tr("Ranks"))
        self.ties_box.setText(self.tr("Show shared ranks of equal totals"))
        self.labels["font"].setText(self.tr("PDF font"))
        self.fill_fonts()
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
        self.export_report_button.setText(self.tr("Write the report draft (Word)…"))
        self.export_report_button.setToolTip(
            self.tr(
                "Sections 二-四 of the report as editable sentences with the computed figures,"
                " the distribution chart and the tables, and the appendix. A draft for the"
                " secretary to edit, not the official text."
            )
        )
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

    def refresh(self, change: Change = EVERYTHING) -> None:
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

    # fonts ------------------------------------------------------------------------------
    def fill_fonts(self) -> None:
        """Bundled / Song (if the system has one) / the chosen file / Other file…"""
        self.font_choice.blockSignals(True)
        self.font_choice.clear()
        self.font_choice.addItem(self.tr("WenQuanYi Micro Hei (bundled)"), "")
        song = system_song_font()
        if song is not None:
            label = fill_in(self.tr("%1 (Song/Ming, this system)"), system_song_name())
            self.font_choice.addItem(label, str(song))
        if self.font_file is not None and str(self.font_file) != str(song):
            self.font_choice.addItem(self.font_file.name, str(self.font_file))
        self.font_choice.addItem(self.tr("Other TrueType file…"), "?")
        index = self.font_choice.findData(str(self.font_file) if self.font_file else "")
        self.font_choice.setCurrentIndex(max(0, index))
        self.font_choice.blockSignals(False)

    def choose_font(self, index: int) -> None:
        data = self.font_choice.itemData(index)
        if data == "?":
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("A TrueType font for the PDFs"),
                str(QSettings().value("publish/font_dir", "") or ""),
                self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"),
            )
            if name:
                try:
                    register_font(name)  # refuse an OpenType/CFF or broken file now
                except UserError as error:
                    messages.refuse(self, error)
                else:
                    self.font_file = Path(name)
                    QSettings().setValue("publish/font_dir", str(Path(name).parent))
        else:
            self.font_file = Path(data) if data else None
        QSettings().setValue("publish/font", str(self.font_file or ""))
        self.fill_fonts()

    # helpers ----------------------------------------------------------------------------
    def options(self) -> AppendixOptions:
        from alliance_review.services.appendix_pdf import AppendixOptions

        chosen = tuple(b.text() for b in self.tier_boxes if b.isChecked())
        everything = len(chosen) == len(self.tier_boxes)
        return AppendixOptions(
            title=self.title_edit.text().strip() or None,
            tiers=None if everything else chosen,
            show_rank_ties=self.ties_box.isChecked(),
            font=self.font_file,
        )

    def previous(self) -> Path | PreviousYear | None:
        if self.previous_round is not None:
            return self.previous_round
        text = self.previous_shares.text().strip()
        if not text:
            return None
        count = self.previous_count.value() or None
        return PreviousYear.parse(text, count, "typed")

    def run(self, label: str, work: Callable[[Progress], Any], written: str) -> Task | None:
        """Run an export with a progress dialog; ``written`` (``%1``: the file) is said
        when it is done, and a cancel says that no file was written."""
        if self.export_task is not None and not self.export_task.outcome:
            return None  # one export at a time

        def done(out: Any) -> None:
            self.status.setText(fill_in(written, str(out)))

        def cancelled() -> None:
            self.status.setText(self.tr("Cancelled; no file was written."))

        def failed(error: BaseException) -> None:
            messages.refuse(self, error)

        self.export_task = run_task(self, label, work, done, on_error=failed, on_cancel=cancelled)
        return self.export_task

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
    def preview_appendix(self) -> Task | None:
        out = Path(self.preview_dir.name) / "preview.pdf"
        path, options = self.context.path, self.options()
        task = self.run(
            self.tr("Preparing the preview…"),
            lambda progress: export_appendix(path, out, options, progress),
            "",
        )
        if task is not None:
            task.finished.connect(lambda: self._show_preview(task, out))
        return task

    def _show_preview(self, task: Task, out: Path) -> None:
        if task.outcome == "done":
            self.preview.set_pdf(out)
            self.views.setCurrentWidget(self.preview)

    def confirm_bands(self, mismatches: list[tuple[str, str]]) -> bool:
        """List the alliances whose printed score reads as another tier's band, and let
        the secretary decide whether to publish as is (the tier rule is a round setting)."""
        if not mismatches:
            return True
        english = i18n.service_language() == "en"
        lines = "\n".join(en if english else zh for zh, en in mismatches)
        return messages.ask(
            self,
            self.tr(
                "%n alliance(s) are printed under a tier whose band does not hold their printed"
                " score:",
                "",
                len(mismatches),
            )
            + "\n\n"
            + lines
            + "\n\n"
            + self.tr(
                "The round's setting decides the tier by the exact total. Publish as it is? (To"
                " decide by the printed score instead, change “Tier decided by” in Set-up ›"
                " Round.)"
            ),
        )

    def export_appendix(self) -> Task | None:
        """Check the printed scores against the tiers (off the GUI thread: it ranks the
        round), ask when they disagree, then write the appendix."""
        if self.export_task is not None and not self.export_task.outcome:
            return None
        round_path = self.context.path

        def checked(mismatches: list[tuple[str, str]]) -> None:
            # asked once this task has ended (the question waits for an answer)
            QTimer.singleShot(0, lambda: self._export_appendix_after(mismatches))

        self.export_task = run_task(
            self,
            self.tr("Checking the tiers…"),
            lambda _progress: band_mismatches(round_path),
            checked,
            on_cancel=lambda: self.status.setText(self.tr("Cancelled; no file was written.")),
            reads_only=True,
        )
        return self.export_task

    def _export_appendix_after(self, mismatches: list[tuple[str, str]]) -> Task | None:
        if not self.confirm_bands(mismatches):
            return None
        out = self.save_path(
            self.tr("Export appendix"),
            f"{file_kinds.word('appendix')}-{self.stem()}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if out is None:
            return None
        path, options = self.context.path, self.options()
        return self.run(
            self.tr("Writing the appendix…"),
            lambda progress: export_appendix(path, out, options, progress),
            self.tr("Appendix written: %1"),
        )

    def export_workbook(self) -> Task | None:
        out = self.save_path(
            self.tr("Export results workbook"),
            f"{file_kinds.word('results')}-{self.stem()}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if out is None:
            return None
        path = self.context.path
        return self.run(
            self.tr("Writing the workbook…"),
            lambda progress: export_workbook(path, out, progress),
            self.tr("Workbook written: %1"),
        )

    def export_statistics(self) -> Task | None:
        try:
            previous = self.previous()
        except UserError as error:
            messages.refuse(self, error)
            return None
        out = self.save_path(
            self.tr("Export statistics"),
            f"{file_kinds.word('statistics')}-{self.stem()}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if out is None:
            return None
        path, published, font_file = self.context.path, self.published_file, self.font_file
        return self.run(
            self.tr("Writing the statistics…"),
            lambda progress: export_statistics_pdf(
                path, out, previous, published, progress, font_file
            ),
            self.tr("Statistics written: %1"),
        )

    def export_report(self) -> Task | None:
        try:
            previous = self.previous()
        except UserError as error:
            messages.refuse(self, error)
            return None
        out = self.save_path(
            self.tr("Write the report draft"),
            f"{file_kinds.word('report_draft')}-{self.stem()}.docx",
            self.tr("Word document (*.docx)"),
        )
        if out is None:
            return None
        path, published = self.context.path, self.published_file
        return self.run(
            self.tr("Writing the report draft…"),
            lambda progress: export_report(path, out, previous, published, progress),
            self.tr("Report draft written: %1 (a draft to edit, not the official text)"),
        )

    def open_path(self, caption: str, filter_text: str) -> Path | None:
        """Ask for a file to read; None when the user cancels (which also clears a choice)."""
        name, _ = QFileDialog.getOpenFileName(
            self, caption, str(self.context.path.parent), filter_text
        )
        return Path(name) if name else None

    def choose_previous_round(self) -> None:
        self.previous_round = self.open_path(
            self.tr("Last year's round file"),
            file_kinds.round_filter(),
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
        """Show the statistics for the current inputs, computing them (off the GUI thread,
        without blocking the window) only if they changed."""
        if self.context.closed:
            return
        if self.statistics_task is not None:
            self.statistics_again = True
            return
        self.statistics_stale = False
        language = i18n.service_language()
        try:
            previous = self.previous()
        except UserError as error:
            self.status.setText(error.message(language))
            return
        key = (self.round_state(), repr(previous), str(self.published_file))
        if key == self.statistics_key:
            return
        path, published = self.context.path, self.published_file

        def done(figures: tuple[Any, bytes]) -> None:
            self.statistics_task = None
            self.statistics_key = key
            self.statistics_view.show_statistics(*figures)
            self.status.setText("")
            if self.statistics_again:  # asked again meanwhile: computed again if changed
                self.statistics_again = False
                self.update_statistics()

        def failed(error: BaseException) -> None:
            self.statistics_task = None
            self.statistics_again = False
            if messages.refusal_of(error) is not None:  # said here: no dialog
                self.status.setText(messages.sentence(error))
            else:
                messages.refuse(self, error)

        self.statistics_task = run_task(
            self,
            self.tr("Computing the statistics…"),
            lambda progress: statistics_and_chart(path, previous, published),
            done,
            on_error=failed,
            reads_only=True,
            background=True,
        )

    def closeEvent(self, event: Any) -> None:
        self.preview_dir.cleanup()
        super().closeEvent(event)


def create_tab(context: RoundContext) -> RoundTab:
    return PublishTab(context)
