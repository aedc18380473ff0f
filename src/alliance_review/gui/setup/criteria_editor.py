"""A multi-line editor for one indicator's scoring criteria, under the rubric table.

Criteria run to several sentences (the 2015 rubric's longest is over 100 characters), so
they are edited here rather than in the table's one-line cell. The text is applied with
the button, Ctrl+Enter, or when the field loses focus; Escape puts the stored text back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui.i18n import fill_in


class _CriteriaField(QPlainTextEdit):
    """Ctrl+Enter applies, Escape reverts, leaving the field applies."""

    def __init__(self, editor: CriteriaEditor) -> None:
        super().__init__()
        self.editor = editor

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editor.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.editor.revert()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editor.commit()


class CriteriaEditor(QWidget):
    def __init__(self, apply: Callable[[str, str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._apply = apply  # (indicator code, new criteria) -> accepted
        self.code: str | None = None
        self.stored = ""
        self._committing = False  # a refusal's message box takes the focus: no second try
        self.label = QLabel()
        self.edit = _CriteriaField(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.commit)
        self.edit.textChanged.connect(self._dirty_changed)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.edit)
        self.retranslate()
        self.show_indicator(None, "", "")

    def retranslate(self) -> None:
        self.edit.setAccessibleName(self.tr("Scoring criteria of the chosen indicator"))
        self.apply_button.setText(self.tr("Apply criteria (Ctrl+Enter)"))
        self._set_label()

    def _set_label(self) -> None:
        if self.code is None:
            self.label.setText(self.tr("Select an indicator to edit its scoring criteria."))
        else:
            self.label.setText(fill_in(self.tr("Scoring criteria of %1:"), self._title))

    def show_indicator(self, code: str | None, name: str, criteria: str) -> None:
        """Show ``code``'s criteria (None: nothing selected, or a category)."""
        self.code = code
        self._title = f"{code} {name}" if code else ""
        self.stored = criteria
        self.edit.blockSignals(True)
        self.edit.setPlainText(criteria)
        self.edit.blockSignals(False)
        self.edit.setEnabled(code is not None)
        self._set_label()
        self._dirty_changed()

    def dirty(self) -> bool:
        return self.code is not None and self.edit.toPlainText().strip() != self.stored.strip()

    def _dirty_changed(self) -> None:
        self.apply_button.setEnabled(self.dirty())

    def commit(self) -> bool:
        """Apply the typed text; on refusal the stored text comes back."""
        if self._committing or not self.dirty() or self.code is None:
            return False
        text = self.edit.toPlainText().strip()
        self._committing = True
        try:
            accepted = self._apply(self.code, text)
        finally:
            self._committing = False
        if accepted:
            self.stored = text
            self._dirty_changed()
            return True
        self.revert()
        return False

    def revert(self) -> None:
        self.edit.setPlainText(self.stored)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
