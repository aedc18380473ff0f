"""The two inputs of an indicator: the score and the evidence note.

Nothing the reviewer types is changed or swallowed. A score field takes any key; what it
holds is read by ``core.score_entry.read_entry``. The file never holds a number the
reviewer did not finish: a valid entry is committed (saved at once, durably) when the
reviewer leaves the field (Tab, a click elsewhere, switching alliance, closing), presses
Enter, or pauses on it for ``PAUSE_COMMIT_MS``; typing "2.5" on a whole-point indicator
never saves the "2" on the way. Anything else is shown as invalid (the form says which
values the indicator takes) and never saved; leaving the field then puts back the value it
had when the reviewer entered it, and says so. Emptying a field that holds a saved score
is a deliberate clear, done on leaving (or Enter); Esc keeps the score, and undo brings a
cleared one back.

Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z in a field whose edit is saved go to the window's undo stack
(across alliances), not to the field's own text buffer.
"""

from __future__ import annotations

from enum import Enum
from fractions import Fraction

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.core.rubric import Indicator
from alliance_review.core.score_entry import (
    MAX_NOTE_CHARS,
    EntryState,
    ScoreEntry,
    normalise,
    read_entry,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

#: the window's own shortcuts (the workspace's actions fill it): a field never keeps
#: one of these for itself (QLineEdit took Ctrl+E, "end of line", on X11)
WINDOW_KEYS: set[str] = set()


def window_key(event: QKeyEvent) -> bool:
    return QKeySequence(event.keyCombination()).toString() in WINDOW_KEYS


#: a valid entry the reviewer pauses on this long is committed (as if they had left)
PAUSE_COMMIT_MS = 2000


def undo_or_redo(event: QKeyEvent) -> str | None:
    """ "undo" / "redo" when the key is one of the window's undo or redo shortcuts."""
    modifiers = event.modifiers() & (CTRL | SHIFT | Qt.KeyboardModifier.AltModifier)
    if event.key() == Qt.Key.Key_Z and modifiers == CTRL:
        return "undo"
    if (event.key() == Qt.Key.Key_Y and modifiers == CTRL) or (
        event.key() == Qt.Key.Key_Z and modifiers == CTRL | SHIFT
    ):
        return "redo"
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    return None


class FieldState(Enum):
    SAVED = "saved"  # the field shows what the file holds
    PENDING = "pending"  # a valid new score: committed on leaving, Enter or a pause
    INVALID = "invalid"  # not a score of this indicator: shown, never saved
    CLEARING = "clearing"  # emptied over a saved score: cleared when the reviewer leaves


class ScoreEdit(QLineEdit):
    """The score of one indicator. Up/Down step the value."""

    #: a finished new score (a Fraction) or a confirmed clear (None); the caller saves it
    value_edited = Signal(object)
    #: the field's state changed (saved / pending / invalid / clearing)
    state_changed = Signal()
    #: (typed text, points put back or None): an invalid entry was left and undone
    restored = Signal(str, object)
    focused = Signal()

    def __init__(self, indicator: Indicator, parent: QWidget | None = None):
        super().__init__(parent)
        self.indicator = indicator
        self.stored: Fraction | None = None
        #: the score the field had when the reviewer entered it (put back on leaving an
        #: invalid entry, whatever a pause committed meanwhile)
        self.entered: Fraction | None = None
        #: the invalid text last put back, said under the field until the next edit
        self.put_back: str | None = None
        self.state = FieldState.SAVED
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setPlaceholderText("—")
        self.pause_timer = QTimer(self)
        self.pause_timer.setSingleShot(True)
        self.pause_timer.setInterval(PAUSE_COMMIT_MS)
        self.pause_timer.timeout.connect(self.commit)
        self.textEdited.connect(self._on_edited)

    def entry(self) -> ScoreEntry:
        return read_entry(self.text(), self.indicator)

    def value(self) -> Fraction | None:
        """The valid score the field shows, or None (empty or invalid)."""
        return self.entry().points

    def _set_state(self, state: FieldState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit()

    def show_value(self, points: Fraction | None, force: bool = False) -> None:
        """Show a stored value without emitting an edit (the text is left alone if equal).

        An entry in progress (pending or invalid) stays as typed while the file's value is
        unchanged (another field of the alliance was saved); ``force`` (another alliance
        shown) or a changed value (undo, an import) replaces it."""
        changed = points != self.stored
        self.stored = points
        if not self.hasFocus():
            self.entered = points
        if self.state == FieldState.SAVED and self.value() == points:
            return
        if self.state != FieldState.SAVED and not changed and not force:
            return
        self.pause_timer.stop()
        self.setText("" if points is None else format_points(points, 2))
        self._set_state(FieldState.SAVED)

    def forget_put_back(self) -> None:
        """Another alliance is shown: what was put back in this field no longer applies."""
        if self.put_back is not None:
            self.put_back = None
            self.state_changed.emit()

    def _on_edited(self, text: str) -> None:
        if self.put_back is not None:
            self.put_back = None
            self.state_changed.emit()
        entry = read_entry(text, self.indicator)
        self.pause_timer.stop()
        if entry.state == EntryState.VALID:
            if entry.points == self.stored:
                self._set_state(FieldState.SAVED)
            else:
                self._set_state(FieldState.PENDING)
                self.pause_timer.start()
        elif entry.state == EntryState.EMPTY:
            self._set_state(FieldState.SAVED if self.stored is None else FieldState.CLEARING)
        else:
            self._set_state(FieldState.INVALID)

    def commit(self) -> None:
        """Save a finished entry: a valid new score, or a pending clear (Enter, a pause,
        leaving). An invalid entry stays as typed."""
        self.pause_timer.stop()
        if self.state == FieldState.PENDING:
            points = self.value()
            self.stored = points
            self._set_state(FieldState.SAVED)
            self.value_edited.emit(points)
        elif self.state == FieldState.CLEARING:
            self.stored = None
            self._set_state(FieldState.SAVED)
            self.value_edited.emit(None)

    def leave(self) -> None:
        """The reviewer leaves the field: commit a finished entry; an invalid one is taken
        back to the score the field had when the reviewer entered it (and said so)."""
        self.commit()
        if self.state == FieldState.INVALID:
            typed = self.text()
            back = self.entered
            self.setText("" if back is None else format_points(back, 2))
            self.put_back = typed
            self._set_state(FieldState.SAVED)
            if back != self.stored:  # a pause committed part of it: the file goes back too
                self.stored = back
                self.value_edited.emit(back)
            self.state_changed.emit()
            self.restored.emit(typed, back)
        self.entered = self.stored

    def revert(self) -> None:
        """Show the saved score again (Esc, or Ctrl+Z over an unsaved entry)."""
        self.pause_timer.stop()
        self.setText("" if self.stored is None else format_points(self.stored, 2))
        self._set_state(FieldState.SAVED)

    def _step(self, up: bool) -> None:
        current = self.value() if self.state in (FieldState.SAVED, FieldState.PENDING) else None
        if current is None and self.state != FieldState.SAVED:
            current = self.stored
        step, top = self.indicator.step, self.indicator.max_points
        if current is None:
            new = Fraction(0)
        else:
            new = min(top, current + step) if up else max(Fraction(0), current - step)
        text = format_points(new, 2)
        self.setText(text)
        self._on_edited(text)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            which = undo_or_redo(event)
            if which == "undo" and self.state != FieldState.SAVED:
                event.accept()  # Ctrl+Z first takes back the unsaved entry, in the field
                return True
            if which is not None or window_key(event):
                event.ignore()  # the window's undo/redo (across alliances), or its shortcut
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self._step(key == Qt.Key.Key_Up)
            return
        if key == Qt.Key.Key_Escape and self.state != FieldState.SAVED:
            self.revert()
            return
        if undo_or_redo(event) == "undo" and self.state != FieldState.SAVED:
            self.revert()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.commit()
            if self.state == FieldState.SAVED:
                self.entered = self.stored  # a deliberate finish, as leaving and coming back
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.state == FieldState.SAVED:
            self.entered = self.stored
        self.focused.emit()
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # a context menu, or a switch to another program, is no leaving of the field
        staying = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
        if event.reason() not in staying:
            self.leave()
            if self.state == FieldState.SAVED and self.text() != normalise(self.text()):
                self.revert()  # "４" reads 4: show it as the file holds it
        super().focusOutEvent(event)


class NoteEdit(QPlainTextEdit):
    """The evidence note (评分依据); Tab leaves the field, every keystroke is an edit.

    A note holds at most ``MAX_NOTE_CHARS`` characters: a key or a paste that would go
    beyond is refused whole (the counter under the field says so), never cut.
    """

    text_edited = Signal(str)
    #: the length changed, or a change was refused at the limit (True)
    length_changed = Signal(int, bool)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # undo is the window's, across fields and alliances
        self._loading = False
        self._accepted = ""
        #: characters of the last paste that did not fit (said by the counter)
        self.left_out = 0
        self.textChanged.connect(self._on_changed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def text(self) -> str:
        return self.toPlainText()

    def show_text(self, text: str) -> None:
        self._accepted = text
        if self.toPlainText() == text:
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self.length_changed.emit(len(text), False)

    def _on_changed(self) -> None:
        if self._loading:
            return
        text = self.toPlainText()
        if len(text) > MAX_NOTE_CHARS:
            self.left_out = 0  # typed past the limit: refused (a paste is cut before)
            added = len(text) - len(self._accepted)
            position = max(0, self.textCursor().position() - added)
            self._loading = True
            try:
                self.setPlainText(self._accepted)
            finally:
                self._loading = False
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(self._accepted)))
            self.setTextCursor(cursor)
            self.length_changed.emit(len(self._accepted), True)
            return
        self._accepted = text
        self.length_changed.emit(len(text), False)
        self.text_edited.emit(text)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # a paste is plain text (no formatting travels into a note); one that would pass
        # the limit is cut to the room left, and the counter says how much was left out
        if not source.hasText():
            return
        text = source.text()
        cursor = self.textCursor()
        room = MAX_NOTE_CHARS - len(self.toPlainText()) + len(cursor.selectedText())
        self.left_out = max(0, len(text) - max(room, 0))
        if self.left_out and room <= 0:
            self.length_changed.emit(len(self._accepted), True)
            return
        cursor.insertText(text[: max(room, 0)] if self.left_out else text)
        if self.left_out:
            self.length_changed.emit(len(self.toPlainText()), True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if undo_or_redo(event) is not None or window_key(event):
                event.ignore()  # the window's undo/redo, or one of its shortcuts
                return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class WrappingCheckBox(QCheckBox):
    """A tick box whose text wraps to the width it is given, so a long evidence item never
    widens the form beyond the window (a plain QCheckBox keeps its text on one line).
    A click anywhere on the text ticks it, as on a plain one."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indent(self) -> int:
        style = self.style()
        return style.pixelMetric(
            QStyle.PixelMetric.PM_IndicatorWidth, None, self
        ) + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)

    def _text_height(self, width: int) -> int:
        room = QRect(0, 0, max(1, width - self._indent()), 100_000)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        return self.fontMetrics().boundingRect(room, flags, self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self)
        return max(indicator, self._text_height(width)) + 2

    def sizeHint(self) -> QSize:
        one_line = self._indent() + self.fontMetrics().horizontalAdvance(self.text()) + 4
        width = min(one_line, self._indent() + self.fontMetrics().horizontalAdvance("中" * 16))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # one line high, like a word-wrapping QLabel: the layout asks heightForWidth for
        # the real height (a minimum at the narrowest width would make every row tall)
        width = self._indent() + self.fontMetrics().horizontalAdvance("中" * 4)
        return QSize(width, self.heightForWidth(1_000_000))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the indicator (and focus) only; the text is drawn wrapped below
        line = max(
            self.fontMetrics().height(),
            self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self),
        )
        option.rect = QRect(0, 0, self._indent(), line)
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        text_rect = self.rect().adjusted(self._indent(), 0, 0, 0)
        painter.drawText(
            text_rect,
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            self.text(),
        )
