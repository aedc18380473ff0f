"""The panel's edits as undo commands; each calls a service and emits ``changed``.

The first ``redo`` happens before the command is pushed (so a refusal is shown and
nothing lands on the stack); the command is pushed already done.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from alliance_review.core.errors import UserError
from alliance_review.gui.main_window import error_text
from alliance_review.gui.round_view import RoundContext
from alliance_review.services import panel


class _Done(QUndoCommand):
    def __init__(self, context: RoundContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._guarded(self.apply)
        self.context.changed.emit()

    def undo(self) -> None:
        self._guarded(self.revert)
        self.context.changed.emit()

    def _guarded(self, step: Callable[[], None]) -> None:
        """A refused step (say, the round was locked meanwhile) is shown, not raised."""
        try:
            step()
        except UserError as error:
            self.setObsolete(True)
            QMessageBox.warning(
                None, QCoreApplication.translate("PanelCommands", "Not possible"), error_text(error)
            )

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class DecisionCommand(_Done):
    """Set (points given) or withdraw (points None) one decision."""

    def __init__(
        self,
        context: RoundContext,
        alliance_uid: str,
        code: str,
        points: Fraction | None,
        rationale: str,
    ) -> None:
        text = (
            QCoreApplication.translate("PanelCommands", "Withdraw decision")
            if points is None
            else QCoreApplication.translate("PanelCommands", "Record decision")
        )
        super().__init__(context, text)
        self.alliance_uid, self.code = alliance_uid, code
        self.points, self.rationale = points, rationale
        self.previous: panel.Decision | None = None

    def apply(self) -> None:
        store = self.context.store
        if self.points is None:
            self.previous = panel.withdraw_decision(store, self.alliance_uid, self.code)
        else:
            self.previous = panel.set_decision(
                store, self.alliance_uid, self.code, self.points, self.rationale
            )

    def revert(self) -> None:
        panel.restore_decision(self.context.store, self.alliance_uid, self.code, self.previous)


class MethodCommand(_Done):
    def __init__(self, context: RoundContext, method: str) -> None:
        super().__init__(
            context, QCoreApplication.translate("PanelCommands", "Change consensus method")
        )
        self.method = method
        self.previous = ""

    def apply(self) -> None:
        self.previous = panel.set_method(self.context.store, self.method)

    def revert(self) -> None:
        panel.set_method(self.context.store, self.previous)


class LockCommand(_Done):
    def __init__(self, context: RoundContext, locked: bool) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("PanelCommands", "Lock round")
            if locked
            else QCoreApplication.translate("PanelCommands", "Unlock round"),
        )
        self.locked = locked
        self.previous = not locked

    def apply(self) -> None:
        self.previous = panel.set_locked(self.context.store, self.locked)

    def revert(self) -> None:
        panel.set_locked(self.context.store, self.previous)


class SpanCommand(_Done):
    """Change the round's disagreement threshold; steps of the same spin merge."""

    ID = 5001

    def __init__(self, context: RoundContext, span: Fraction) -> None:
        super().__init__(
            context, QCoreApplication.translate("PanelCommands", "Change disagreement threshold")
        )
        self.span = span
        self.previous = span

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SpanCommand):
            return False
        self.span = other.span
        return True

    def apply(self) -> None:
        self.previous = panel.set_disagreement_span(self.context.store, self.span)

    def revert(self) -> None:
        panel.set_disagreement_span(self.context.store, self.previous)


def run(context: RoundContext, command: _Done) -> None:
    """Do the command once (may raise UserError: nothing pushed), then push it done."""
    command.apply()
    context.undo_stack.push(command)
