"""The one undo idiom of the window: every user edit is a ``Command`` on the view's stack.

A command calls services to do (``apply``) and to undo (``revert``) the edit, inside one
transaction of the open file (``host.transaction()``), then announces what changed
(``host.announce(command.change())``: one notice per action). A refusal (``UserError``,
or a storage error such as a full disk, which ``gui.messages.refusal_of`` turns into
one sentence) is told by ``host.refuse`` and changes nothing; every host tells it with
``gui.messages.refuse`` (the reviewer's session first shows what the file holds).

``perform(stack, command)`` does the edit once, before the command reaches the stack:
a refused edit is told and never becomes an undo step; a done one is pushed already
done. A later undo or redo that the file refuses (the round was locked meanwhile) is
told, and the command leaves the stack (it is obsolete: there is nothing to take back).

``Bulk`` joins the commands of one bulk action (marking done the alliances an import
completed) so that one Ctrl+Z undoes all of it and one Ctrl+Y redoes it, in one
transaction: a part refused midway leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from functools import reduce
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from alliance_review.core.errors import UserError
from alliance_review.gui.messages import refusal_of


class Host(Protocol):
    """What a command works on: the round's context, or a reviewer's session."""

    def transaction(self) -> AbstractContextManager[object]: ...

    def announce(self, change: Any) -> None: ...

    def refuse(self, error: UserError) -> None:
        """Tell the refusal: ``gui.messages.refuse`` (after whatever the host must redo)."""
        ...


class Command(QUndoCommand):
    """One user action; subclasses define ``apply``, ``revert`` and ``change``."""

    def __init__(self, host: Host, text: str = "") -> None:
        super().__init__(text)
        self.host = host
        self._pushed_done = False

    # what a subclass defines ----------------------------------------------------------
    def apply(self) -> None:
        """Do the edit (services); raise ``UserError`` to refuse it."""
        raise NotImplementedError

    def revert(self) -> None:
        """Take the edit back (services)."""
        raise NotImplementedError

    def change(self) -> Any:
        """What the edit changed: the payload of the host's change notice."""
        return None

    def reveal(self) -> None:
        """Bring the edited thing into view before an undo or redo replays it."""

    # the idiom ------------------------------------------------------------------------
    def do_once(self) -> None:
        """The first run (``perform``); raises the refusal, changes nothing then."""
        with self.host.transaction():
            self.apply()
        self._pushed_done = True

    def redo(self) -> None:
        if self._pushed_done:  # Qt calls redo() on push: the edit is done already
            self._pushed_done = False
            return
        self.reveal()
        self._replay(self.apply)

    def undo(self) -> None:
        self.reveal()
        self._replay(self.revert)

    def _replay(self, step: Callable[[], None]) -> None:
        try:
            with self.host.transaction():
                step()
        except Exception as error:
            refusal = refusal_of(error)
            if refusal is None:
                raise
            self.setObsolete(True)
            self.host.refuse(refusal)
        self.host.announce(self.change())


class Bulk(Command):
    """Several commands as one undo step (applied in order, reverted in reverse)."""

    def __init__(self, host: Host, text: str, parts: Iterable[Command]) -> None:
        super().__init__(host, text)
        self.parts = list(parts)

    def apply(self) -> None:
        for part in self.parts:
            part.apply()

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()

    def change(self) -> Any:
        changes = [c for c in (part.change() for part in self.parts) if c is not None]
        return reduce(lambda a, b: a | b, changes) if changes else None

    def reveal(self) -> None:
        if self.parts:
            self.parts[0].reveal()


def perform(
    stack: QUndoStack,
    command: Command,
    on_refused: Callable[[UserError], object] | None = None,
) -> bool:
    """Do ``command`` once; push it (done) and announce it, or tell the refusal.

    ``on_refused`` replaces the host's way of telling (a dialog that shows it inline).
    Returns whether the edit was done.
    """
    try:
        command.do_once()
    except Exception as error:
        refusal = refusal_of(error)
        if refusal is None:
            raise
        (on_refused or command.host.refuse)(refusal)
        command.host.announce(command.change())  # views snap back to what is stored
        return False
    change = command.change()
    stack.push(command)  # Qt may merge it into the previous command and delete it
    command.host.announce(change)
    return True
