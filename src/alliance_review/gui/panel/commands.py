"""The panel's edits as undo commands (``gui.undo``): each calls a service and announces
what it changed. Locking and unlocking are not edits: they never go on the undo stack
(see ``PanelTab.toggle_lock``).
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from alliance_review.gui.notice import Alliances, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.undo import Command
from alliance_review.services import panel


class DecisionCommand(Command):
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
        self.context = context
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

    def change(self) -> Change:
        return Change(decisions=Alliances.of([self.alliance_uid]))


class MethodCommand(Command):
    def __init__(self, context: RoundContext, method: str) -> None:
        super().__init__(
            context, QCoreApplication.translate("PanelCommands", "Change consensus method")
        )
        self.context = context
        self.method = method
        self.previous = ""

    def apply(self) -> None:
        self.previous = panel.set_method(self.context.store, self.method)

    def revert(self) -> None:
        panel.set_method(self.context.store, self.previous)

    def change(self) -> Change:
        return Change(settings=frozenset({"consensus_method"}))


class SpanCommand(Command):
    """Change the round's disagreement threshold; steps of the same spin merge."""

    ID = 5001

    def __init__(self, context: RoundContext, span: Fraction) -> None:
        super().__init__(
            context, QCoreApplication.translate("PanelCommands", "Change disagreement threshold")
        )
        self.context = context
        self.span = span
        self.previous = span

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SpanCommand):
            return False
        self.span = other.span
        if self.span == self.previous:
            self.setObsolete(True)  # spun back to where it was: nothing to undo
        return True

    def apply(self) -> None:
        self.previous = panel.set_disagreement_span(self.context.store, self.span)

    def revert(self) -> None:
        panel.set_disagreement_span(self.context.store, self.previous)

    def change(self) -> Change:
        return Change(settings=frozenset({"disagreement_span"}))
