"""The two inputs of an indicator: the score (0..max on the rubric's step) and the note."""

from __future__ import annotations

import re
from fractions import Fraction

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from alliance_review.core.points import format_points, is_on_step

_NUMBER = re.compile(r"^\d*(\.\d*)?$")


def step_decimals(step: Fraction) -> int:
    """How many decimals a value on ``step`` can need (1 -> 0, 0.5 -> 1, 0.25 -> 2)."""
    for places in range(3):
        if (step * 10**places).denominator == 1:
            return places
    return 2


class ScoreValidator(QValidator):
    """Accepts "" (not scored) or a value in 0..max on the step; nothing else can be typed.

    A value above the maximum or with more decimals than the step allows is Invalid (the
    key is refused); a value in range but off the step (2.3 on a 0.5 step) is Intermediate
    and is never stored.
    """

    def __init__(self, maximum: Fraction, step: Fraction, parent: QWidget | None = None):
        super().__init__(parent)
        self.maximum = maximum
        self.step = step
        self.decimals = step_decimals(step)

    def state_of(self, text: str) -> QValidator.State:
        text = text.strip()
        if not text:
            return QValidator.State.Acceptable
        if not _NUMBER.match(text):
            return QValidator.State.Invalid
        whole, _, decimals = text.partition(".")
        if "." in text and self.decimals == 0:
            return QValidator.State.Invalid
        if len(decimals) > self.decimals:
            return QValidator.State.Invalid
        if text == "." or text.endswith("."):
            return QValidator.State.Intermediate
        value = Fraction(text)
        if value > self.maximum:
            return QValidator.State.Invalid
        if not is_on_step(value, self.step):
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self.state_of(text), text, pos


class ScoreEdit(QLineEdit):
    """The score of one indicator. Up/Down step the value; a bad value cannot be typed."""

    #: the new points (None = not scored), emitted on every acceptable keystroke
    value_edited = Signal(object)
    focused = Signal()

    def __init__(self, maximum: Fraction, step: Fraction, parent: QWidget | None = None):
        super().__init__(parent)
        self.maximum = maximum
        self.step = step
        self.stored: Fraction | None = None
        self.setValidator(ScoreValidator(maximum, step, self))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setPlaceholderText("—")
        self.textEdited.connect(self._on_edited)

    def value(self) -> Fraction | None:
        text = self.text().strip()
        return Fraction(text) if text else None

    def show_value(self, points: Fraction | None) -> None:
        """Show a stored value without emitting an edit (the text is left alone if equal)."""
        self.stored = points
        if self.hasAcceptableInput() and self.value() == points:
            return
        self.setText("" if points is None else format_points(points, 2))

    def _on_edited(self, _text: str) -> None:
        if self.hasAcceptableInput() and self.value() != self.stored:
            self.stored = self.value()
            self.value_edited.emit(self.stored)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            current = self.value()
            if event.key() == Qt.Key.Key_Up:
                new = Fraction(0) if current is None else min(self.maximum, current + self.step)
            else:
                new = Fraction(0) if current is None else max(Fraction(0), current - self.step)
            text = format_points(new, 2)
            self.setText(text)
            self.textEdited.emit(text)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # an unfinished value ("2." or off the step) is not kept: show what is stored
        if not self.hasAcceptableInput():
            self.setText("" if self.stored is None else format_points(self.stored, 2))
        super().focusOutEvent(event)


class NoteEdit(QPlainTextEdit):
    """The evidence note (评分依据); Tab leaves the field, every keystroke is an edit."""

    text_edited = Signal(str)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._loading = False
        self.textChanged.connect(self._on_changed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def text(self) -> str:
        return self.toPlainText()

    def show_text(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def _on_changed(self) -> None:
        if not self._loading:
            self.text_edited.emit(self.toPlainText())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
