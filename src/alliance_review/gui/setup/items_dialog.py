"""Edit one indicator's evidence items (评价要点) and its optional points rule.

Items are the activities the indicator's criteria name; reviewers tick the ones they
find evidenced, and the report counts the alliances that did each one. The rule gives
the suggested points for 0, 1, 2 ... ticked items ("0, 2.5, 5": both full marks, one
half, none nothing). An item keeps its key when renamed, so ticks follow a new name.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.evidence import EvidenceItem, item_problems, parse_rule, rule_text
from alliance_review.core.rubric import Indicator
from alliance_review.gui import messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.setup.commands import list_editing_row, ok_cancel

KEY_ROLE = 0x0100 + 1  # Qt.UserRole + 1: the item's stable key


class ItemsDialog(QDialog):
    def __init__(self, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.setWindowTitle(
            fill_in(self.tr("Evidence items of %1"), f"{indicator.code} {indicator.name}")
        )
        self.list = QListWidget()
        for item in indicator.items:
            self._append(item.key, item.name)
        row, self.buttons = list_editing_row(
            lambda: self.add(), lambda: self.rename(), self.remove, self.move_item
        )
        self.rule = QLineEdit(rule_text(indicator.points_rule))
        self.rule.setPlaceholderText(self.tr("e.g. 0, 2.5, 5 (blank: no rule)"))
        form = QFormLayout()
        form.addRow(self.tr("Points for 0, 1, 2 … ticked items"), self.rule)
        hint = QLabel(
            self.tr(
                "Reviewers tick the items they find evidenced; the rule suggests their points "
                "and a reviewer who gives other points says why. The report counts, per item, "
                "the alliances whose reviewers ticked it."
            )
        )
        hint.setWordWrap(True)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(indicator.criteria))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _append(self, key: str, name: str) -> None:
        entry = QListWidgetItem(name)
        entry.setData(KEY_ROLE, key)
        self.list.addItem(entry)

    def items(self) -> tuple[EvidenceItem, ...]:
        return tuple(
            EvidenceItem(self.list.item(i).data(KEY_ROLE), self.list.item(i).text())
            for i in range(self.list.count())
        )

    def add(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add an evidence item"), self.tr("Item"))
            if not ok:
                return
        if not name.strip():
            return
        used = {item.key for item in self.items()}
        number = 1
        while f"item{number}" in used:
            number += 1
        self._append(f"item{number}", name.strip())

    def rename(self, name: str | None = None) -> None:
        entry = self.list.currentItem()
        if entry is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename the evidence item"), self.tr("Item"), text=entry.text()
            )
            if not ok:
                return
        if name.strip():
            entry.setText(name.strip())

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        there = row + step
        if row < 0 or not 0 <= there < self.list.count():
            return
        entry = self.list.takeItem(row)
        self.list.insertItem(there, entry)
        self.list.setCurrentRow(there)

    def changed(self) -> Indicator:
        """The indicator with the items and rule as edited; UserError if not valid."""
        try:
            rule = parse_rule(self.rule.text())
        except (ValueError, ZeroDivisionError) as error:
            raise UserError(
                f"计分规则「{self.rule.text()}」应为以逗号分隔的分值，如 0, 2.5, 5。",
                f"The rule {self.rule.text()!r} must be points separated by commas, e.g."
                " 0, 2.5, 5.",
            ) from error
        indicator = replace(self.indicator, items=self.items(), points_rule=rule)
        found = item_problems(
            indicator.code, indicator.items, rule, indicator.max_points, indicator.step
        )
        if found:
            raise UserError(" ".join(zh for zh, _ in found), " ".join(en for _, en in found))
        return indicator

    def accept_if_valid(self) -> None:
        try:
            self.result_indicator = self.changed()
        except UserError as error:
            messages.refuse(self, error)
            return
        self.accept()
