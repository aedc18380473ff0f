"""The decision dialog: the computed consensus beside the final score and its rationale."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.points import format_points, parse_points
from alliance_review.gui import messages
from alliance_review.gui.contrast import tone
from alliance_review.gui.panel.commands import DecisionCommand
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.undo import Command, perform


class RecordingDialog(QDialog):
    """A dialog whose OK records one decision through an undo command: once (a double
    click, a key held down, a slow machine replaying queued clicks finds it decided), a
    refusal said in the dialog's own error line."""

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.decided = False
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {tone('#b3261e', '#ff8080')}")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def record(self, command: Command) -> None:
        self.decided = True
        self.buttons.setEnabled(False)
        if not perform(
            self.context.undo_stack, command, lambda e: self.error.setText(messages.sentence(e))
        ):
            self.decided = False
            self.buttons.setEnabled(True)
            return
        super().accept()


class DecisionDialog(RecordingDialog):
    """Record the panel's final score for one indicator or the total of one alliance.

    OK is refused (with a sentence in the dialog) while the rationale is empty; the
    decision goes through ``DecisionCommand`` so it can be undone.
    """

    def __init__(
        self,
        context: RoundContext,
        alliance_uid: str,
        alliance_name: str,
        code: str,
        what: str,
        consensus: Fraction | None,
        maximum: Fraction,
        step: Fraction,
        current: tuple[Fraction, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.alliance_uid, self.code = alliance_uid, code
        self.setWindowTitle(self.tr("Panel decision"))
        self.setMinimumWidth(460)
        consensus_text = "—" if consensus is None else format_points(consensus)
        self.consensus_label = QLabel(consensus_text)
        self.points = QDoubleSpinBox()
        self.points.setDecimals(2)
        self.points.setRange(0, float(maximum))
        self.points.setSingleStep(float(step))
        start = current[0] if current else consensus if consensus is not None else Fraction(0)
        self.points.setValue(float(start))
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(
            self.tr("Why the panel departs from the computed consensus (required)")
        )
        if current:
            self.rationale.setPlainText(current[1])
        form = QFormLayout()
        form.addRow(self.tr("Alliance:"), QLabel(alliance_name))
        what_label = QLabel(what)
        what_label.setWordWrap(True)
        form.addRow(self.tr("Decides:"), what_label)
        form.addRow(self.tr("Computed consensus:"), self.consensus_label)
        if current:
            form.addRow(self.tr("Current decision:"), QLabel(format_points(current[0])))
        form.addRow(self.tr("Final points:"), self.points)
        form.addRow(self.tr("Rationale:"), self.rationale)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Record the decision once: a second OK (a double click, a key held down, a slow
        machine replaying queued clicks) finds the dialog already decided and does nothing."""
        if self.decided:
            return
        text = self.rationale.toPlainText().strip()
        if not text:
            self.error.setText(self.tr("A decision needs a rationale; please write why."))
            self.rationale.setFocus()
            return
        points = parse_points(f"{self.points.value():.2f}")
        self.record(DecisionCommand(self.context, self.alliance_uid, self.code, points, text))
