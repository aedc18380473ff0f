"""Every set-up edit is one undoable command that calls a service (``gui.undo``).

The service runs once before the command is pushed, so a refused edit (a ``UserError``)
is shown and never reaches the undo stack. ``redo``/``undo`` after that replay the edit
with functions that restore exactly what was there (removed rows come back with their
identifiers), so later commands on the stack keep referring to the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QPushButton, QWidget

from alliance_review.gui import messages
from alliance_review.gui.notice import Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.undo import Command, perform


def last_folder() -> str:
    """Where the file dialogs start: the folder of the file opened last."""
    return str(QSettings().value("files/last_dir", "") or "")


def button_row(
    specs: list[tuple[str, Callable[[], Any]]], stretch_after: str | None = None
) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """A row of push buttons keyed by name (texts are set by the page's ``retranslate``)."""
    row = QHBoxLayout()
    buttons: dict[str, QPushButton] = {}
    for name, slot in specs:
        button = QPushButton()
        # clicked(bool) would hand its "checked" flag to the slot's first parameter
        button.clicked.connect(lambda _checked=False, slot=slot: slot())
        buttons[name] = button
        row.addWidget(button)
        if name == stretch_after:
            row.addStretch(1)
    return row, buttons


def list_editing_row(
    add: Callable[[], Any],
    rename: Callable[[], Any],
    remove: Callable[[], Any],
    move: Callable[[int], Any],
) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """Add… / Rename… / Remove / Move up / Move down under a list a dialog edits (evidence
    items, reasons for not taking part), named in the interface language."""
    row, buttons = button_row(
        [
            ("add", add),
            ("rename", rename),
            ("remove", remove),
            ("up", lambda: move(-1)),
            ("down", lambda: move(1)),
        ]
    )
    for name, text in (
        ("add", QCoreApplication.translate("setup", "Add…")),
        ("rename", QCoreApplication.translate("setup", "Rename…")),
        ("remove", QCoreApplication.translate("setup", "Remove")),
        ("up", QCoreApplication.translate("setup", "Move up")),
        ("down", QCoreApplication.translate("setup", "Move down")),
    ):
        buttons[name].setText(text)
    return row, buttons


def ok_cancel(ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel named in the interface language (Qt's own words are not translated)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text or QCoreApplication.translate("setup", "OK"))
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("setup", "Cancel"))
    return buttons


class ServiceEdit(Command):
    """A set-up edit: ``do`` runs first; ``make_undo(result)`` gives the replay functions.

    The replay restores exactly what was there (removed rows come back with their
    identifiers), so later commands on the stack keep referring to the same rows.
    """

    def __init__(
        self,
        context: RoundContext,
        text: str,
        do: Callable[[], Any],
        make_undo: Callable[[Any], tuple[Callable[[], Any], Callable[[], Any]]],
        change: Change,
    ) -> None:
        super().__init__(context, text)
        self._first: Callable[[], Any] | None = do
        self._make_undo = make_undo
        self._change = change
        self._redo: Callable[[], Any] = do
        self._undo: Callable[[], Any] = do

    def apply(self) -> None:
        if self._first is not None:
            result = self._first()
            self._redo, self._undo = self._make_undo(result)
            self._first = None
        else:
            self._redo()

    def revert(self) -> None:
        self._undo()

    def change(self) -> Change:
        return self._change


def apply_edit(
    parent: QWidget | None,
    context: RoundContext,
    text: str,
    do: Callable[[], Any],
    make_undo: Callable[[Any], tuple[Callable[[], Any], Callable[[], Any]]],
    change: Change,
) -> bool:
    """Run ``do`` (one transaction); on success push a command built from its result,
    else show the refusal. ``make_undo(result)`` returns (redo, undo) functions for the
    replay; ``change`` is what the edit changed (the notice the tabs refresh from).
    """
    command = ServiceEdit(context, text, do, make_undo, change)
    return perform(context.undo_stack, command, lambda error: messages.refuse(parent, error))
