"""Lock as final, and unlock: each asked for first, each its own recorded action.

Neither is an undo step: Ctrl+Z after locking does not unlock the round (the locked
round refuses the edits before it instead), and unlocking is done only by asking for it
here or with ``alliance-review unlock``. The service records both in the round file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QGridLayout, QLineEdit, QMessageBox, QWidget

from alliance_review.gui.messages import refusal_of
from alliance_review.gui.notice import Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.tasks import alive
from alliance_review.services import panel


class LockControl(QObject):
    def __init__(self, context: RoundContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.question: QMessageBox | None = None

    def toggle(self, confirm: bool = True) -> bool:
        """Ask (window-modal, the answer comes back later); ``confirm=False`` acts at once."""
        locked = self.context.store.settings().locked
        if not confirm:
            return self.set_locked(not locked)
        if alive(self.question) and self.question is not None and self.question.isVisible():
            self.question.raise_()
            return False
        box = QMessageBox(self.widget)
        box.setObjectName("confirm_unlock" if locked else "confirm_lock")
        box.setIcon(QMessageBox.Icon.Question)
        if locked:
            box.setWindowTitle(self.tr("Unlock the round"))
            box.setText(self.tr("Unlock the round? Its results stop being final."))
            box.setInformativeText(
                self.tr(
                    "Merges, decisions and set-up edits are allowed again. The unlocking "
                    "is recorded in the round file; lock the round again when the changes "
                    "are done."
                )
            )
            yes = box.addButton(self.tr("Unlock"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setWindowTitle(self.tr("Lock the round as final"))
            box.setText(self.tr("Lock the round as final?"))
            box.setInformativeText(
                self.tr(
                    "From then on every merge, decision and set-up edit is refused, in this "
                    "window and on the command line. Locking is not undone with Undo: "
                    "unlocking is a separate action, recorded in the round file."
                )
            )
            yes = box.addButton(self.tr("Lock as final"), QMessageBox.ButtonRole.AcceptRole)
        # why, recorded with the lock or the unlocking (the command line's --reason)
        reason = QLineEdit(box)
        reason.setObjectName("lock_reason")
        reason.setMaxLength(500)
        reason.setPlaceholderText(self.tr("Reason (optional; recorded in the round file)"))
        reason.setAccessibleName(self.tr("Reason"))
        hint = reason.fontMetrics().horizontalAdvance(reason.placeholderText())
        reason.setMinimumWidth(hint + 4 * reason.fontMetrics().averageCharWidth())
        grid, buttons = box.layout(), box.findChild(QDialogButtonBox)
        if isinstance(grid, QGridLayout) and buttons is not None:  # above the buttons
            position: tuple[int, int, int, int] = grid.getItemPosition(grid.indexOf(buttons))  # type: ignore[assignment]
            row, column, rows, columns = position
            grid.removeWidget(buttons)
            grid.addWidget(reason, row, 1, 1, grid.columnCount() - 1)
            grid.addWidget(buttons, row + 1, column, rows, columns)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        answered: list[bool] = []

        def clicked(button: object) -> None:
            if button == yes and not answered:  # a double click locks once
                answered.append(True)
                self.set_locked(not locked, reason.text())

        box.buttonClicked.connect(clicked)
        self.question = box
        box.open()
        return False

    def set_locked(self, locked: bool, reason: str = "") -> bool:
        store = self.context.store
        try:
            if store.settings().locked == locked:
                return False
            panel.set_locked(store, locked, reason)
        except Exception as error:
            refusal = refusal_of(error)
            if refusal is None:
                raise
            self.context.refuse(refusal)
            return False
        self.context.announce(Change(lock=True))
        return True
