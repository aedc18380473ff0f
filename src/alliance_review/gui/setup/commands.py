"""Every set-up edit is one undoable command that calls a service.

The service runs once before the command is pushed, so a refused edit (a ``UserError``)
is shown and never reaches the undo stack. ``redo``/``undo`` after that replay the edit
with functions that restore exactly what was there (removed rows come back with their
identifiers), so later commands on the stack keep referring to the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QMessageBox, QPushButton, QWidget

from alliance_review.core.errors import UserError
from alliance_review.gui.main_window import error_text
from alliance_review.gui.round_view import RoundContext


def refuse(parent: QWidget | None, error: UserError) -> None:
    """One clear sentence in a dialog; never a traceback."""
    QMessageBox.warning(
        parent, QCoreApplication.translate("setup", "Not possible"), error_text(error)
    )


def refuse_write(parent: QWidget | None, error: OSError) -> None:
    """A file could not be written (full disk, no permission): one sentence, no traceback."""
    where = error.filename or ""
    refuse(
        parent,
        UserError(
            f"无法写入「{where}」：{error.strerror or error}。",
            f"Cannot write {where}: {error.strerror or error}.",
        ),
    )


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


class ServiceEdit(QUndoCommand):
    """An edit already applied; ``redo_fn``/``undo_fn`` replay it."""

    def __init__(
        self,
        context: RoundContext,
        text: str,
        redo_fn: Callable[[], Any],
        undo_fn: Callable[[], Any],
    ) -> None:
        super().__init__(text)
        self.context = context
        self.redo_fn = redo_fn
        self.undo_fn = undo_fn
        self.applied = True

    def redo(self) -> None:
        if self.applied:  # the first redo happens when Qt pushes it: already done
            self.applied = False
            return
        self._run(self.redo_fn)

    def undo(self) -> None:
        self._run(self.undo_fn)

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except UserError as error:
            self.setObsolete(True)
            refuse(None, error)
        self.context.changed.emit()


def apply_edit(
    parent: QWidget | None,
    context: RoundContext,
    text: str,
    do: Callable[[], Any],
    make_undo: Callable[[Any], tuple[Callable[[], Any], Callable[[], Any]]],
) -> bool:
    """Run ``do``; on success push a command built from its result, else show the refusal.

    ``make_undo(result)`` returns (redo, undo) functions for the replay.
    """
    try:
        result = do()
    except UserError as error:
        refuse(parent, error)
        context.changed.emit()  # views snap back to what is stored
        return False
    redo_fn, undo_fn = make_undo(result)
    context.undo_stack.push(ServiceEdit(context, text, redo_fn, undo_fn))
    context.changed.emit()
    return True
