"""Participation in the set-up: mark a pilot alliance as not taking part, with a reason.

A non-participant stays on the roster (the report counts it by batch and by reason) but
gets no reviewers, no score and no row in the appendix. The reason comes from the
round's own list (the three of 2015 by default), which the secretary may edit. Every
change is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.participation import REASON_MEANINGS
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import apply_edit, list_editing_row, ok_cancel
from alliance_review.services import participation
from alliance_review.services.participation import Participation


class ParticipationDialog(QDialog):
    """Takes part, or not, and why (a listed reason and a free note)."""

    def __init__(
        self, name: str, current: Participation, reasons: list[str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill_in(self.tr("Participation of %1"), name))
        self.takes_part = QRadioButton(self.tr("Takes part"))
        self.absent = QRadioButton(self.tr("Does not take part"))
        self.reason = QComboBox()
        for reason in reasons:
            self.reason.addItem(reason)
            # the report's own words for a default reason, as its tooltip
            self.reason.setItemData(
                self.reason.count() - 1,
                REASON_MEANINGS.get(reason, ""),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What is known, e.g. who was contacted and when"))
        self.note.setTabChangesFocus(True)
        if current.reason is None:
            self.takes_part.setChecked(True)
        else:
            self.absent.setChecked(True)
            self.reason.setCurrentText(current.reason)
            self.note.setPlainText(current.note)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        explain = QLabel(
            self.tr(
                "An alliance that does not take part is counted in the report by batch and by"
                " reason; it gets no reviewers and is not ranked or printed in the appendix."
            )
        )
        explain.setWordWrap(True)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.takes_part)
        layout.addWidget(self.absent)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.absent.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        on = self.absent.isChecked()
        self.reason.setEnabled(on)
        self.note.setEnabled(on)

    def chosen(self, uid: str) -> Participation:
        if self.takes_part.isChecked():
            return Participation(uid, None)
        return Participation(uid, self.reason.currentText(), self.note.toPlainText())


def set_participation(
    parent: QWidget, context: RoundContext, wanted: Participation, name: str
) -> bool:
    """Apply one alliance's participation as an undoable edit."""
    store = context.store
    text = fill_in(
        QCoreApplication.translate("setup", "Mark %1 as taking part")
        if wanted.reason is None
        else QCoreApplication.translate("setup", "Mark %1 as not taking part"),
        name,
    )

    def undo_pair(before: Participation):  # type: ignore[no-untyped-def]
        def redo() -> None:
            participation.set_participation(store, wanted)

        def undo() -> None:
            participation.set_participation(store, before)

        return redo, undo

    return apply_edit(
        parent,
        context,
        text,
        lambda: participation.set_participation(store, wanted),
        undo_pair,
        Change(roster=True),  # who takes part: the roster as the ranking and statistics see it
    )


class ReasonsDialog(QDialog):
    """The round's list of reasons: add, rename, remove (unused), reorder."""

    def __init__(self, reasons: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reasons for not taking part"))
        self.original = list(reasons)
        self.renames: dict[str, str] = {}  # original name -> current name
        self.list = QListWidget()
        self.list.addItems(reasons)
        row, self.buttons = list_editing_row(self.add, self.rename, self.remove, self.move_reason)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add a reason"), self.tr("Reason"))
            if not ok:
                return
        if name.strip() and name.strip() not in self.names():
            self.list.addItem(name.strip())

    def rename(self, name: str | None = None) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename the reason"), self.tr("Reason"), text=item.text()
            )
            if not ok:
                return
        old = item.text()
        origin = next((o for o, n in self.renames.items() if n == old), old)
        if name.strip() and name.strip() not in self.names():
            item.setText(name.strip())
            if origin in self.original:
                self.renames[origin] = name.strip()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move_reason(self, step: int) -> None:
        row = self.list.currentRow()
        there = row + step
        if row < 0 or not 0 <= there < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(there, item)
        self.list.setCurrentRow(there)


def edit_reasons(
    parent: QWidget, context: RoundContext, order: list[str], renames: dict[str, str]
) -> bool:
    store = context.store

    def undo_pair(before: tuple[list[str], dict[str, str]]):  # type: ignore[no-untyped-def]
        old_order, back = before

        def redo() -> None:
            participation.set_reasons(store, order, renames)

        def undo() -> None:
            participation.set_reasons(store, old_order, back)

        return redo, undo

    return apply_edit(
        parent,
        context,
        QCoreApplication.translate("setup", "Edit the reasons for not taking part"),
        lambda: participation.set_reasons(store, order, renames),
        undo_pair,
        Change(roster=True),
    )
