"""One row of the scoring form (an indicator) and the heading of a category.

Separate from ``form`` so each stays small; the texts keep the classes' own contexts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.core.rubric import Category, Indicator
from alliance_review.core.score_entry import MAX_NOTE_CHARS, allowed_values
from alliance_review.gui import i18n
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer import look
from alliance_review.gui.reviewer.fields import (
    FieldState,
    NoteEdit,
    ScoreEdit,
    WrappingCheckBox,
)

CHINESE_NUMERALS = "一二三四五六七八九十"


class IndicatorRow(QFrame):
    """One indicator: its name and criteria, the self-evaluation, the score and the note.

    Columns: code | name, criteria, self-evaluation | score with its message | note with
    its counter, then the evidence items to tick, the points they suggest and the reason
    for departing from them. The form gives every row the same column widths
    (``align_columns``), so the scores of all rows line up.
    """

    #: the counter under a note appears from this length on
    COUNTER_FROM = MAX_NOTE_CHARS * 4 // 5

    def __init__(self, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.code_label = look.label(indicator.code, colour=look.MUTED, bold=True)
        self.name_label = look.label(indicator.name, colour=look.TEXT, bold=True, wrap=True)
        self.criteria_label = look.label(indicator.criteria, colour=look.SOFT, wrap=True)
        self.self_label = look.label(wrap=True)
        self.self_label.setContentsMargins(6, 3, 6, 3)
        self.self_empty: bool | None = None
        self.required: bool | None = None
        self.score_edit = ScoreEdit(indicator)
        look.set_font(self.score_edit, bold=True, pixels=15)
        self.score_edit.setFixedWidth(self.score_edit.fontMetrics().horizontalAdvance("00.00") + 22)
        self.max_label = look.label(f"/ {format_points(indicator.max_points)}", colour=look.SOFT)
        #: what is wrong with the typed score, or that leaving the field clears it
        self.score_message = look.label(pixels=11, wrap=True)
        self.score_message.hide()
        self.note_edit = NoteEdit()
        line = self.note_edit.fontMetrics().lineSpacing()
        self.note_edit.setFixedHeight(int(line * 3.4) + 10)
        self.note_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.note_counter = look.label(colour=look.MUTED, pixels=11, wrap=True)
        self.note_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note_counter.hide()
        self.score_edit.state_changed.connect(self.show_score_state)
        self.note_edit.length_changed.connect(self.show_note_length)
        # evidence items: tick boxes beside the note, the rule's suggestion, and the reason
        # when the points depart from it
        self.item_boxes: dict[str, QCheckBox] = {}
        self.suggest_label = look.label(colour=look.SOFT, wrap=True)
        self.use_button = QPushButton()
        self.use_button.setFlat(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        items_box = QVBoxLayout()
        items_box.setSpacing(2)
        for item in indicator.items:
            box = WrappingCheckBox(item.name)
            # Tab keeps its course score -> note -> next indicator; ticks take a click
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self.item_boxes[item.key] = box
            items_box.addWidget(box)
        if indicator.points_rule:
            suggestion = QHBoxLayout()
            suggestion.addWidget(self.suggest_label, 1)
            suggestion.addWidget(self.use_button)
            items_box.addLayout(suggestion)
            items_box.addWidget(self.reason_edit)
        else:
            self.suggest_label.hide()
            self.use_button.hide()
            self.reason_edit.hide()

        score_line = QHBoxLayout()
        score_line.setSpacing(6)
        score_line.addWidget(self.score_edit)
        score_line.addWidget(self.max_label)
        score_line.addStretch(1)
        score_box = QVBoxLayout()
        score_box.setSpacing(4)
        score_box.addLayout(score_line)
        score_box.addWidget(self.score_message)
        score_box.addStretch(1)
        note_box = QVBoxLayout()
        note_box.setSpacing(2)
        note_box.addWidget(self.note_edit)
        note_box.addWidget(self.note_counter)
        if indicator.items:
            # the evidence items under the note they support (a fifth column would leave
            # every column too narrow at 1024 pixels)
            note_box.addSpacing(4)
            note_box.addLayout(items_box)
        note_box.addStretch(1)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 10, 8, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.code_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name_label, 0, 1)
        grid.addWidget(self.criteria_label, 1, 1)
        grid.addWidget(self.self_label, 2, 1)
        grid.addLayout(score_box, 0, 2, 4, 1)
        grid.addLayout(note_box, 0, 3, 4, 1)
        grid.setColumnMinimumWidth(0, 30)
        score_width = self.score_message.fontMetrics().horizontalAdvance("0-10, steps of 0.5")
        grid.setColumnMinimumWidth(2, max(100, score_width + 4))
        self.score_message.setFixedWidth(max(100, score_width + 4))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)  # the note (and its evidence items)
        grid.setRowStretch(3, 1)
        self.grid = grid

    def fixed_width(self) -> int:
        """The width of everything but the two text columns (margins, code, score)."""
        grid = self.grid
        margins = grid.contentsMargins()
        score = max(
            grid.columnMinimumWidth(2),
            self.score_edit.width() + self.max_label.sizeHint().width() + 6,
        )
        return (
            margins.left()
            + margins.right()
            + grid.columnMinimumWidth(0)
            + score
            + 3 * grid.horizontalSpacing()
        )

    def set_text_columns(self, width: int) -> None:
        """The name/criteria column and the note column, each ``width`` pixels."""
        self.grid.setColumnMinimumWidth(1, width)
        self.grid.setColumnMinimumWidth(3, width)

    def show_score_state(self) -> None:
        """Say under the score why it is not saved, that leaving the field saves or clears
        it, or that an invalid entry was put back."""
        edit = self.score_edit
        stored = "—" if edit.stored is None else format_points(edit.stored)
        entered = "—" if edit.entered is None else format_points(edit.entered)
        message = ""
        if edit.state == FieldState.INVALID:
            allowed = allowed_values(self.indicator, i18n.service_language())
            kept = (
                self.tr("Not saved")
                if edit.entered is None
                else fill_in(self.tr("Not saved; leaving puts back %1"), entered)
            )
            message = f"{allowed}\n{kept}"
            look.set_colour(self.score_message, look.INVALID_TEXT)
            look.tint_field(edit, look.INVALID_FILL, look.INVALID_TEXT)
        elif edit.state == FieldState.CLEARING:
            message = fill_in(self.tr("Leave the field to clear %1; Esc keeps it"), stored)
            look.set_colour(self.score_message, look.CLEARING_TEXT)
            look.tint_field(edit, look.CLEARING_FILL, look.CLEARING_TEXT)
        elif edit.put_back is not None:
            typed = edit.put_back if len(edit.put_back) <= 12 else edit.put_back[:12] + "…"
            message = fill_in(self.tr("“%1” was not a valid score: %2 put back"), typed, stored)
            look.set_colour(self.score_message, look.INVALID_TEXT)
            look.tint_field(edit, None, None)
        else:
            look.tint_field(edit, None, None)
        self.score_message.setText(message)
        self.score_message.setVisible(bool(message))
        edit.setToolTip(allowed_values(self.indicator, i18n.service_language()))
        edit.setAccessibleDescription(message)

    def show_note_length(self, length: int, refused: bool) -> None:
        """The counter under the note: shown near the limit, and when a change was refused."""
        counter = self.note_counter
        if refused and self.note_edit.left_out:
            counter.setText(
                fill_in(
                    self.tr(
                        "%1 / %2 characters: the limit; %3 pasted characters did not "
                        "fit and were left out"
                    ),
                    length,
                    MAX_NOTE_CHARS,
                    self.note_edit.left_out,
                )
            )
            look.set_colour(counter, look.INVALID_TEXT)
        elif refused:
            counter.setText(
                fill_in(
                    self.tr("%1 / %2 characters: the limit; what did not fit was not entered"),
                    length,
                    MAX_NOTE_CHARS,
                )
            )
            look.set_colour(counter, look.INVALID_TEXT)
        elif length >= self.COUNTER_FROM:
            counter.setText(fill_in(self.tr("%1 / %2 characters"), length, MAX_NOTE_CHARS))
            look.set_colour(counter, look.MUTED)
        counter.setVisible(refused or length >= self.COUNTER_FROM)


class CategoryHeader(QFrame):
    def __init__(self, number: int, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.max_text = format_points(category.max_points)
        look.set_colour(self, fill=look.CATEGORY_FILL)
        numeral = CHINESE_NUMERALS[number] if number < len(CHINESE_NUMERALS) else str(number + 1)
        self.name_label = look.label(f"{numeral}、{category.name}", colour=look.TEXT, bold=True)
        self.total_label = look.label(colour=look.ACCENT, bold=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.total_label)
