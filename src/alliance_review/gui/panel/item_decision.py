"""The panel's decision on an evidence item: what the reviewers' ticks make of it beside
the panel's choice (counts as done / does not / as the ticks say) and its rationale."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui.i18n import fill_in
from alliance_review.gui.panel.commands import ItemDecisionCommand
from alliance_review.gui.panel.decision import RecordingDialog
from alliance_review.gui.round_view import RoundContext
from alliance_review.services.item_decisions import ItemStatus

DONE, NOT_DONE, BY_RULE = 0, 1, 2


class ItemDecisionDialog(RecordingDialog):
    """Decide one evidence item of one indicator of an alliance.

    The choices: the item counts as done, it does not, or the round's item rule decides
    from the reviewers' ticks (withdrawing a decision). A decision needs a rationale; the
    choice goes through ``ItemDecisionCommand``, so it can be undone.
    """

    def __init__(
        self,
        context: RoundContext,
        alliance_uid: str,
        alliance_name: str,
        indicator: str,
        items: list[ItemStatus],
        rule: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.alliance_uid = alliance_uid
        self.items = items
        self.setWindowTitle(self.tr("Panel decision on an evidence item"))
        self.setMinimumWidth(500)
        self.item_box = QComboBox()
        for status in items:
            self.item_box.addItem(status.name, status.key)
        self.item_box.setAccessibleName(self.tr("Evidence item"))
        self.ticks = QLabel()
        self.ticks.setWordWrap(True)
        self.rule = QLabel(rule)
        self.rule.setWordWrap(True)
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.done_button = QRadioButton(self.tr("Counts as done"))
        self.not_done_button = QRadioButton(self.tr("Does not count as done"))
        self.by_rule_button = QRadioButton(
            self.tr("As the reviewers' ticks decide (no panel decision)")
        )
        choice_box = QVBoxLayout()
        for number, button in enumerate(
            (self.done_button, self.not_done_button, self.by_rule_button)
        ):
            self.choices.addButton(button, number)
            choice_box.addWidget(button)
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(
            self.tr("Why the panel departs from the reviewers' ticks (required)")
        )
        self.rationale.setAccessibleName(self.tr("Rationale"))
        form = QFormLayout()
        form.addRow(self.tr("Alliance:"), QLabel(alliance_name))
        indicator_label = QLabel(indicator)
        indicator_label.setWordWrap(True)
        form.addRow(self.tr("Indicator:"), indicator_label)
        form.addRow(self.tr("Evidence item:"), self.item_box)
        form.addRow(self.tr("Reviewers' ticks:"), self.ticks)
        form.addRow(self.tr("Item rule:"), self.rule)
        form.addRow(self.tr("Current decision:"), self.current)
        form.addRow(self.tr("The panel decides:"), choice_box)
        form.addRow(self.tr("Rationale:"), self.rationale)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.item_box.currentIndexChanged.connect(lambda _: self._show_item())
        self.choices.idToggled.connect(lambda _id, _on: self._enable_rationale())
        self._show_item()

    def status(self) -> ItemStatus:
        return self.items[max(self.item_box.currentIndex(), 0)]

    def choose_item(self, key: str) -> None:
        index = self.item_box.findData(key)
        if index >= 0:
            self.item_box.setCurrentIndex(index)

    def _show_item(self) -> None:
        status = self.status()
        outcome = self.tr("counts as done") if status.by_rule else self.tr("does not count")
        self.ticks.setText(
            fill_in(
                self.tr("%1 of %2 reviewers ticked it: by the rule it %3"),
                str(status.ticked),
                str(status.reviewers),
                outcome,
            )
        )
        decision = status.decision
        if decision is None:
            self.current.setText(self.tr("none"))
            self.by_rule_button.setChecked(True)
            self.rationale.setPlainText("")
        else:
            self.current.setText(
                (self.tr("counts as done") if decision[0] else self.tr("does not count"))
                + " — "
                + decision[1]
            )
            (self.done_button if decision[0] else self.not_done_button).setChecked(True)
            self.rationale.setPlainText(decision[1])
        self.error.setText("")
        self._enable_rationale()

    def _enable_rationale(self) -> None:
        self.rationale.setEnabled(self.choices.checkedId() != BY_RULE)

    def accept(self) -> None:
        """Record the choice once (a second OK finds it decided and does nothing)."""
        if self.decided:
            return
        status = self.status()
        choice = self.choices.checkedId()
        if choice == BY_RULE and status.decision is None:
            super().accept()  # nothing to withdraw: the rule decides already
            return
        text = self.rationale.toPlainText().strip()
        if choice != BY_RULE and not text:
            self.error.setText(self.tr("A decision needs a rationale; please write why."))
            self.rationale.setFocus()
            return
        done = None if choice == BY_RULE else choice == DONE
        uid = self.alliance_uid
        self.record(ItemDecisionCommand(self.context, uid, status.code, status.key, done, text))
