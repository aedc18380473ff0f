"""The scoring form of one alliance: the rubric's categories and their indicators.

The rows are built once for the rubric (it is the same for every alliance) and only
their values change when the reviewer switches alliance, which keeps a switch fast.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.gui.history_chart import HistoryChart
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer import look
from alliance_review.gui.reviewer.alliance_list import batch_words
from alliance_review.gui.reviewer.fields import (
    FieldState,
)
from alliance_review.gui.reviewer.indicator_row import CategoryHeader, IndicatorRow
from alliance_review.gui.reviewer.session import ReviewerSession
from alliance_review.services.reviewer_workflow import Status

__all__ = ["CategoryHeader", "IndicatorRow", "ScoringForm"]


class ScoringForm(QWidget):
    #: (indicator code, points or None) and (indicator code, note) as the reviewer types
    score_edited = Signal(str, object)
    note_edited = Signal(str, str)
    #: (indicator code, frozenset of ticked item keys) and (indicator code, reason)
    ticks_edited = Signal(str, object)
    reason_edited = Signal(str, str)
    #: (indicator code, typed text, points put back or None): an invalid entry was left
    entry_restored = Signal(str, str, object)
    #: a field gained focus (indicator code, True for the note): the start of a new edit
    #: (undo merges the keystrokes within one)
    field_entered = Signal(str, bool)
    #: the alliance shown changed (its uid, or None)
    alliance_shown = Signal(object)

    def __init__(self, session: ReviewerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.uid: str | None = None
        self.read_only = False
        self.name_label = look.label(colour=look.TEXT, bold=True, pixels=17)
        self.name_label.setWordWrap(True)
        self.info_label = look.label(colour=look.SOFT, wrap=True)
        self.total_value = look.label(colour=look.ACCENT, bold=True, pixels=26)
        self.total_caption = look.label(colour=look.MUTED)
        self.done_button = QPushButton()
        look.style_done_button(self.done_button, False)
        self.done_button.setMinimumHeight(30)

        header = QFrame()
        look.set_colour(header, fill=look.HEADER_FILL)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        titles.addWidget(self.name_label)
        titles.addWidget(self.info_label)
        # the alliance's earlier years, when the file carries them (issue 17)
        self.history_chart = HistoryChart(lines=4.5)
        self.history_chart.setVisible(False)
        chart_row = QHBoxLayout()  # the chart keeps its width; the name keeps the rest
        chart_row.addWidget(self.history_chart)
        chart_row.addStretch(1)
        titles.addLayout(chart_row)
        total_box = QVBoxLayout()
        total_box.setSpacing(0)
        total_box.addWidget(self.total_value, 0, Qt.AlignmentFlag.AlignRight)
        total_box.addWidget(self.total_caption, 0, Qt.AlignmentFlag.AlignRight)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 12, 16, 12)
        header_layout.setSpacing(18)
        header_layout.addLayout(titles, 1)
        header_layout.addLayout(total_box)
        header_layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignVCenter)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(14, 10, 14, 16)
        body.setSpacing(0)
        self.rows: dict[str, IndicatorRow] = {}
        self.category_headers: list[CategoryHeader] = []
        for number, category in enumerate(session.rubric.categories):
            heading = CategoryHeader(number, category)
            self.category_headers.append(heading)
            if number:
                body.addSpacing(14)
            body.addWidget(heading)
            for indicator in category.indicators:
                row = IndicatorRow(indicator)
                self.rows[indicator.code] = row
                body.addWidget(row)
                body.addWidget(look.rule())
                code = indicator.code
                row.score_edit.value_edited.connect(
                    lambda points, c=code: self.score_edited.emit(c, points)
                )
                row.note_edit.text_edited.connect(
                    lambda text, c=code: self.note_edited.emit(c, text)
                )
                row.score_edit.restored.connect(
                    lambda typed, points, c=code: self.entry_restored.emit(c, typed, points)
                )
                row.score_edit.state_changed.connect(lambda r=row: self._message_in_view(r))
                row.score_edit.focused.connect(
                    lambda c=code, f=row.score_edit: self._entered(f, c, False)
                )
                row.note_edit.focused.connect(
                    lambda c=code, f=row.note_edit: self._entered(f, c, True)
                )
                for box in row.item_boxes.values():
                    box.toggled.connect(lambda _on, c=code: self._ticks_changed(c))
                row.reason_edit.textEdited.connect(
                    lambda text, c=code: self.reason_edited.emit(c, text)
                )
                row.use_button.clicked.connect(lambda _=False, c=code: self._use_suggestion(c))
        body.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content_margins = body.contentsMargins()
        self.scroll_area.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(look.rule("#dde1e6"))
        layout.addWidget(self.scroll_area, 1)
        #: one line on how to move through the work (its text comes from the workspace)
        self.key_hint = look.label(colour=look.MUTED, pixels=11, wrap=True)
        self.key_hint.setContentsMargins(14, 4, 14, 4)
        layout.addWidget(look.rule("#dde1e6"))
        layout.addWidget(self.key_hint)
        self.chain_tab_order()
        self.retranslate()

    def chain_tab_order(self, before: QWidget | None = None) -> None:
        """Tab: (``before`` →) score → note → next indicator's score … → the done button."""
        previous = before
        for field in [*self.fields(), self.done_button]:
            if previous is not None:
                QWidget.setTabOrder(previous, field)
            previous = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self.align_columns(self.scroll_area.viewport().width())
        return False

    def align_columns(self, width: int) -> None:
        """Split the rows' free width evenly between the text and the note columns, the same
        in every row (each row is a grid of its own, and would size by its own texts)."""
        rows = list(self.rows.values())
        if not rows:
            return
        margins = self.content_margins.left() + self.content_margins.right()
        fixed = max(row.fixed_width() for row in rows)
        column = max(120, (width - margins - fixed) // 2)
        for row in rows:
            row.set_text_columns(column)

    # showing ---------------------------------------------------------------------------
    def fields(self) -> list[QWidget]:
        return [f for row in self.rows.values() for f in (row.score_edit, row.note_edit)]

    def _message_in_view(self, row: IndicatorRow) -> None:
        """A message under a score (why it is not saved, what was put back) is scrolled
        into view with the field (Tab from a field near the bottom hid it)."""
        if row.score_message.text() and self.isVisible():
            # once the label is laid out (after the focus moved on, which scrolls too)
            QTimer.singleShot(
                0, lambda: self.scroll_area.ensureWidgetVisible(row.score_message, 20, 30)
            )

    def _entered(self, field: QWidget, code: str, note: bool) -> None:
        self.scroll_area.ensureWidgetVisible(field, 20, 30)
        self.field_entered.emit(code, note)

    def set_read_only(self, read_only: bool) -> None:
        """A sealed copy: every value can be read and copied, none changed."""
        self.read_only = read_only
        for row in self.rows.values():
            row.score_edit.setReadOnly(read_only)
            row.note_edit.setReadOnly(read_only)
            for box in row.item_boxes.values():
                box.setEnabled(not read_only)
            row.reason_edit.setReadOnly(read_only)
            row.use_button.setEnabled(not read_only)
        self.done_button.setVisible(not read_only)
        self.key_hint.setVisible(not read_only)

    @staticmethod
    def points_text(points: Fraction | None) -> str:
        """Points as every part of the window shows them ("—" when not scored)."""
        return "—" if points is None else format_points(points)

    def show_alliance(self, uid: str | None) -> None:
        self.uid = uid
        self.setEnabled(uid is not None)
        if uid is None:
            self.name_label.setText(self.tr("No alliance selected"))
            self.alliance_shown.emit(None)
            return
        session = self.session
        for code, row in self.rows.items():
            points, note = session.entry(uid, code)
            row.score_edit.forget_put_back()
            row.score_edit.show_value(points, force=True)
            row.note_edit.show_text(note)
            row.show_note_length(len(note), False)
            self._show_self(row, uid)
            self._show_items(row, uid)
            self._mark_required(row, uid)
        self.refresh_summary()
        self.alliance_shown.emit(uid)

    def _show_self(self, row: IndicatorRow, uid: str) -> None:
        points, text = self.session.self_entry(uid, row.indicator.code)
        empty = points is None and not text
        if empty:
            row.self_label.setText(self.tr("No self-evaluation"))
        else:
            shown = "—" if points is None else format_points(points)
            label = fill_in(self.tr("Self-score %1"), shown)
            row.self_label.setText(f"{label}：{text}" if text else label)
        if row.self_empty != empty:
            row.self_empty = empty
            if empty:
                look.set_colour(row.self_label, look.MUTED)
            else:
                look.set_colour(row.self_label, look.SELF_TEXT, look.SELF_FILL)

    def _mark_required(self, row: IndicatorRow, uid: str) -> None:
        points, note = self.session.entry(uid, row.indicator.code)
        self_points = self.session.self_entry(uid, row.indicator.code)[0]
        required = points is not None and self.session.rule.needs_note(
            row.indicator, points, self_points
        )
        missing = required and not note.strip()
        row.note_edit.setPlaceholderText(
            self.tr("Evidence note (required)") if required else self.tr("Evidence note")
        )
        if row.required != missing:
            row.required = missing
            look.set_required(row.note_edit, missing)

    def refresh_indicator(self, uid: str, code: str) -> None:
        """A stored value changed (an edit, an undo, an import): show it if it is ours."""
        if uid != self.uid or code not in self.rows:
            return
        row = self.rows[code]
        points, note = self.session.entry(uid, code)
        row.score_edit.show_value(points)
        row.note_edit.show_text(note)
        self._show_items(row, uid)
        self._mark_required(row, uid)

    # evidence items ------------------------------------------------------------------------
    def _ticks_changed(self, code: str) -> None:
        row = self.rows[code]
        keys = frozenset(k for k, box in row.item_boxes.items() if box.isChecked())
        self.ticks_edited.emit(code, keys)

    def _use_suggestion(self, code: str) -> None:
        if self.uid is not None and not self.rows[code].score_edit.isReadOnly():
            suggested = self.session.suggestion(self.uid, code)
            if suggested is not None:
                self.score_edited.emit(code, suggested)

    def _show_items(self, row: IndicatorRow, uid: str) -> None:
        if not row.item_boxes:
            return
        code = row.indicator.code
        mine = self.session.ticked(uid, code)
        claimed = self.session.self_ticked(uid, code)
        for item in row.indicator.items:
            box = row.item_boxes[item.key]
            box.blockSignals(True)
            box.setChecked(item.key in mine)
            box.blockSignals(False)
            box.setText(
                item.name + (self.tr(" (self-evaluation: yes)") if item.key in claimed else "")
            )
        if not row.indicator.points_rule:
            return
        suggested = self.session.suggestion(uid, code)
        points = self.session.entry(uid, code)[0]
        shown = "—" if suggested is None else format_points(suggested)
        row.suggest_label.setText(fill_in(self.tr("Suggested by the ticks: %1"), shown))
        row.use_button.setText(self.tr("Use"))
        row.use_button.setEnabled(
            not self.read_only and suggested is not None and points != suggested
        )
        departs = (
            points is not None and suggested is not None and points != suggested and bool(mine)
        )
        row.reason_edit.setVisible(departs)
        reason = self.session.reason(uid, code)
        if row.reason_edit.text() != reason:
            row.reason_edit.setText(reason)
        row.reason_edit.setPlaceholderText(self.tr("Why the points differ from the suggestion"))
        look.set_required(row.reason_edit, departs and not reason.strip())

    def refresh_summary(self) -> None:
        uid = self.uid
        if uid is None:
            return
        session = self.session
        alliance = session.by_uid[uid]
        self.name_label.setText(alliance.name)
        status = session.status(uid)
        status_text = {
            Status.NOT_STARTED: self.tr("Not started"),
            Status.IN_PROGRESS: self.tr("In progress"),
            Status.DONE: self.tr("Done"),
        }[status]
        self_total = session.self_total(uid)
        parts = [
            batch_words(alliance.batch) if alliance.batch else self.tr("Batch unknown"),
            status_text,
            fill_in(
                self.tr("%1 / %2 indicators scored"), session.scored(uid), len(session.indicators)
            ),
        ]
        if self_total is not None:
            parts.append(fill_in(self.tr("Self total %1"), format_points(self_total)))
        self.info_label.setText("   ·   ".join(parts))
        years = session.history.get(uid, [])
        self.history_chart.setVisible(bool(years))
        if years:
            rounds = session.history_rounds
            self.history_chart.show_years(
                years,
                {r.year: r.full for r in rounds},
                {r.year: [t.name for t in r.tiers] for r in rounds},
            )
        total = session.total(uid)
        self.total_value.setText("—" if total is None else format_points(total))
        self.total_caption.setText(
            fill_in(self.tr("My total / %1"), format_points(session.rubric.max_points))
        )
        for heading in self.category_headers:
            values = [session.entry(uid, i.code)[0] for i in heading.category.indicators]
            subtotal = sum((v for v in values if v is not None), Fraction(0))
            heading.total_label.setText(
                fill_in(self.tr("Subtotal %1 / %2"), format_points(subtotal), heading.max_text)
            )

    def commit_pending(self) -> None:
        """Save every finished entry of the shown alliance (new scores, clears); invalid
        ones stay as typed."""
        for row in self.rows.values():
            row.score_edit.commit()

    def leave_fields(self) -> None:
        """The reviewer leaves the shown alliance: finished entries are saved, invalid ones
        put back (``entry_restored`` says which)."""
        for row in self.rows.values():
            row.score_edit.leave()

    def invalid_entries(self) -> list[tuple[str, str]]:
        """(indicator code, typed text) of every score field showing an unsaved entry."""
        return [
            (code, row.score_edit.text())
            for code, row in self.rows.items()
            if row.score_edit.state == FieldState.INVALID
        ]

    def focus_indicator(self, code: str, note: bool = False) -> None:
        row = self.rows.get(code)
        if row is None:
            return
        field: QWidget = row.note_edit if note else row.score_edit
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(field, 20, 30)

    def retranslate(self) -> None:
        for row in self.rows.values():
            label = f"{row.indicator.code} {row.indicator.name}"
            maximum = format_points(row.indicator.max_points)
            row.score_edit.setAccessibleName(fill_in(self.tr("Score: %1"), label))
            row.score_edit.setAccessibleDescription(
                fill_in(self.tr("Points from 0 to %1"), maximum)
            )
            row.note_edit.setAccessibleName(fill_in(self.tr("Evidence note: %1"), label))
            row.show_score_state()
        if self.uid is not None:
            self.show_alliance(self.uid)
        else:
            self.name_label.setText(self.tr("No alliance selected"))
