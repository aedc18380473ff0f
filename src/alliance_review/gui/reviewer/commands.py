"""Undo commands of the reviewer workspace (``gui.undo``); each changes the file through
the session, one transaction per action.

Keystrokes in one field, from entering it until leaving it, merge into one command, so
undo takes back "the score of 2.1" rather than one digit. Undo works across alliances:
undoing an edit of another alliance brings that alliance back on screen first.

A change the file refuses (disk full, file gone) raises UserError in the session; the
session (the commands' host) reports it through ``session.failed``: nothing was changed,
so the edit never reaches the undo stack (``gui.undo.perform``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer.session import Entry, ReviewerSession
from alliance_review.gui.undo import Command

if TYPE_CHECKING:  # the workbook libraries are slow to import; the window starts without them
    from alliance_review.services.reviewer_sheet import SheetImport

Reveal = Callable[[str, str | None, bool], None]
EDIT_ID = 1
translate = QCoreApplication.translate


class EditEntryCommand(Command):
    """A change of one indicator's score or note."""

    def __init__(
        self,
        session: ReviewerSession,
        reveal: Reveal,
        uid: str,
        code: str,
        new: Entry,
        field: str,
        edit_number: int,
    ) -> None:
        super().__init__(session)
        self.session = session
        self.reveal_at = reveal
        self.uid = uid
        self.code = code
        self.old = session.entry(uid, code)
        self.new = new
        self.field = field
        self.edit_number = edit_number
        self.cleared_done = False
        self.describe()

    def describe(self) -> None:
        """The text of the Undo/Redo menu entries, in the interface language (again after
        a switch of language)."""
        text = (
            translate("ReviewerCommands", "Score %1 of %2")
            if self.field == "score"
            else translate("ReviewerCommands", "Note %1 of %2")
        )
        self.setText(fill_in(text, self.code, self.session.by_uid[self.uid].name))

    def id(self) -> int:
        return EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, EditEntryCommand):
            return False
        if (other.uid, other.code, other.field, other.edit_number) != (
            self.uid,
            self.code,
            self.field,
            self.edit_number,
        ):
            return False
        self.new = other.new
        self.cleared_done = self.cleared_done or other.cleared_done
        if self.new == self.old and not self.cleared_done:
            self.setObsolete(True)
        return True

    def reveal(self) -> None:
        self.reveal_at(self.uid, self.code, self.field == "note")

    def apply(self) -> None:
        if self.session.set_entry(self.uid, self.code, self.new):
            self.cleared_done = True

    def revert(self) -> None:
        # the done mark this edit cleared comes back in the same transaction
        self.session.set_entry(
            self.uid, self.code, self.old, done=True if self.cleared_done else None
        )


class ItemsCommand(Command):
    """A change of one indicator's ticked evidence items, or of the reason why its points
    depart from the rule's suggestion (``field`` "ticks" or "reason")."""

    def __init__(
        self,
        session: ReviewerSession,
        reveal: Reveal,
        uid: str,
        code: str,
        field: str,
        new: frozenset[str] | str,
        edit_number: int,
    ) -> None:
        super().__init__(session)
        self.session, self.reveal_at, self.uid, self.code = session, reveal, uid, code
        self.field = field
        self.old: frozenset[str] | str = (
            frozenset(session.ticked(uid, code)) if field == "ticks" else session.reason(uid, code)
        )
        self.new = new
        self.edit_number = edit_number
        self.cleared_done = False
        self.describe()

    def describe(self) -> None:
        text = (
            translate("ReviewerCommands", "Evidence items %1 of %2")
            if self.field == "ticks"
            else translate("ReviewerCommands", "Reason %1 of %2")
        )
        self.setText(fill_in(text, self.code, self.session.by_uid[self.uid].name))

    def id(self) -> int:
        return EDIT_ID + 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if (
            not isinstance(other, ItemsCommand)
            or (
                other.uid,
                other.code,
                other.field,
                other.edit_number,
            )
            != (self.uid, self.code, self.field, self.edit_number)
            or self.field == "ticks"
        ):
            return False
        self.new = other.new
        self.cleared_done = self.cleared_done or other.cleared_done
        if self.new == self.old and not self.cleared_done:
            self.setObsolete(True)
        return True

    def reveal(self) -> None:
        self.reveal_at(self.uid, self.code, False)

    def _set(self, value: frozenset[str] | str, done: bool | None = None) -> bool:
        if self.field == "ticks":
            assert isinstance(value, frozenset)
            return self.session.set_ticks(self.uid, self.code, set(value), done=done)
        assert isinstance(value, str)
        return self.session.set_reason(self.uid, self.code, value, done=done)

    def apply(self) -> None:
        # the done mark this change clears goes in the same transaction, and comes back
        # with the undo (it stayed off, with nothing missing)
        if self._set(self.new):
            self.cleared_done = True

    def revert(self) -> None:
        self._set(self.old, done=True if self.cleared_done else None)


class SetDoneCommand(Command):
    def __init__(self, session: ReviewerSession, reveal: Reveal, uid: str, done: bool) -> None:
        super().__init__(session)
        self.session = session
        self.reveal_at = reveal
        self.uid = uid
        self.done = done
        self.describe()

    def describe(self) -> None:
        text = (
            translate("ReviewerCommands", "Mark %1 done")
            if self.done
            else translate("ReviewerCommands", "Reopen %1")
        )
        self.setText(fill_in(text, self.session.by_uid[self.uid].name))

    def reveal(self) -> None:
        self.reveal_at(self.uid, None, False)

    def apply(self) -> None:
        self.session.set_done(self.uid, self.done)

    def revert(self) -> None:
        self.session.set_done(self.uid, not self.done)


class ImportSheetCommand(Command):
    """Every chosen change of a checked scoring workbook (scores, notes, ticked evidence
    items), as one step (one Ctrl+Z undoes it all, one transaction each way)."""

    def __init__(self, session: ReviewerSession, sheet: SheetImport, erase: bool) -> None:
        super().__init__(session)
        self.session = session
        self.changes, self.no_longer_done = sheet.chosen(erase)
        self.tick_changes = sheet.chosen_ticks(erase)
        self.done_marks = sheet.chosen_done(erase)  # the 完成情况 sheet's 是 / 否
        self.count = sheet.count(erase)
        self.describe()

    def describe(self) -> None:
        self.setText(
            fill_in(
                translate("ReviewerCommands", "Import %1 change(s) from the workbook"), self.count
            )
        )

    def apply(self) -> None:
        self.session.set_entries(
            ((c.alliance_uid, c.code, (c.new_points, c.new_note)) for c in self.changes),
            {uid: False for uid in self.no_longer_done} | self.done_marks,
            ((c.alliance_uid, c.code, c.new) for c in self.tick_changes),
        )

    def revert(self) -> None:
        self.session.set_entries(
            ((c.alliance_uid, c.code, (c.old_points, c.old_note)) for c in self.changes),
            {uid: True for uid in self.no_longer_done}
            | {uid: not mark for uid, mark in self.done_marks.items()},
            ((c.alliance_uid, c.code, c.old) for c in self.tick_changes),
        )
