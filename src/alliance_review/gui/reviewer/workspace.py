"""The reviewer's workspace: the list of assigned alliances beside the scoring form.

Every valid keystroke in a score or note is one undo command that writes the reviewer
file at once (autosave); keystrokes in one field merge into one undo step. After a pause
and on closing, the file's write-ahead log is folded back in, so the file alone is
complete. A sealed (submitted) copy opens read-only under a banner.

Pieces live beside this module: ``list_pane`` (the list), ``form`` (the scoring form),
``actions`` (menu and shortcuts), ``navigation`` (moving between alliances), ``sealed``
(the banner), ``transfer`` (workbook and submission).
"""

from __future__ import annotations

import time
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from alliance_review.core.errors import UserError
from alliance_review.gui import messages
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer import actions, look
from alliance_review.gui.reviewer.commands import (
    EditEntryCommand,
    ItemsCommand,
    SetDoneCommand,
)
from alliance_review.gui.reviewer.form import ScoringForm
from alliance_review.gui.reviewer.list_pane import AlliancePane
from alliance_review.gui.reviewer.navigation import Navigation
from alliance_review.gui.reviewer.session import ReviewerSession
from alliance_review.gui.undo import Command, perform
from alliance_review.gui.views import FileView

if TYPE_CHECKING:
    from alliance_review.gui.tasks import Task

#: after this long without an edit, the write-ahead log is folded into the file
IDLE_CHECKPOINT_MS = 4000
SPLITTER_KEY = "reviewer/splitter"

__all__ = ["ReviewerWorkspace"]


class ReviewerWorkspace(Navigation, FileView):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        from alliance_review.gui.reviewer.file_lock import claim
        from alliance_review.storage.reviewer_store import read_seal

        # one window per file: a working file is locked, or shown read-only (may decline)
        sealed = read_seal(path)[1] is not None
        self.lock, self.locked_by = (None, None) if sealed else claim(parent, path)
        try:
            self.session = ReviewerSession(path, read_only=self.locked_by is not None)
        except BaseException:
            if self.lock is not None:
                self.lock.release()
            raise
        self.read_only = self.session.read_only
        self.edit_number = 0
        self.import_dialog: QWidget | None = None
        self.notice = ""
        self.splitter_restored = False
        self.started = False
        self.closed = False
        self.saved_at = ""

        self.pane = AlliancePane(self.session)
        self.model, self.proxy = self.pane.model, self.pane.proxy
        self.filter, self.table = self.pane.filter, self.pane.table
        self.progress_bar = self.pane.progress_bar
        self.form = ScoringForm(self.session)
        self.key_hint = self.form.key_hint
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner: QWidget | None = None
        if self.locked_by is not None:
            from alliance_review.gui.reviewer.file_lock import LockedBanner

            self.banner = LockedBanner(self, self.locked_by)
            layout.addWidget(self.banner)
            layout.addWidget(look.rule("#c7d6ea"))
        elif self.read_only:
            from alliance_review.gui.reviewer.sealed import SealedBanner

            self.banner = SealedBanner(self)
            layout.addWidget(self.banner)
            layout.addWidget(look.rule("#e8d9b0"))
        elif not self.session.store.can_sign():
            from alliance_review.gui.reviewer.sealed import UnsignedBanner

            # said before any work starts: this file's scores cannot be submitted
            self.banner = UnsignedBanner(self)
            layout.addWidget(self.banner)
            layout.addWidget(look.rule("#e8d9b0"))
        layout.addWidget(self.splitter, 1)
        self.form.chain_tab_order(before=self.table)

        self.actions_by_name: dict[str, QAction] = {}
        self.scoring_menu = QMenu(self)
        actions.build_actions(self)
        from alliance_review.gui.reviewer import documents_pane

        #: the documents beside the form (their actions join the Scoring menu)
        self.documents = documents_pane.attach(self)
        for name in actions.WRITING:
            self.actions_by_name[name].setEnabled(not self.read_only)
        self.form.set_read_only(self.read_only)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_CHECKPOINT_MS)
        self.idle_timer.timeout.connect(self.checkpoint)

        self.form.done_button.clicked.connect(self._done_button_clicked)
        self.form.score_edited.connect(self.edit_score)
        self.form.note_edited.connect(self.edit_note)
        self.form.ticks_edited.connect(self.edit_ticks)
        self.form.reason_edited.connect(self.edit_reason)
        self.form.field_entered.connect(self._field_entered)
        self.form.entry_restored.connect(self._entry_restored)
        self.session.score_changed.connect(self.form.refresh_indicator)
        self.session.alliance_changed.connect(self._alliance_changed)
        self.session.failed.connect(self._write_failed)
        # an undo or redo ends the edit in progress: the next keystroke starts a new step
        self.pushing = False
        self.undo_stack.indexChanged.connect(self._index_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # keyboard: Enter in the list or the filter goes to the form
        self.table.activated.connect(lambda _index: self.start_scoring())
        self.filter.returnPressed.connect(self._filter_confirmed)
        self.retranslate()
        self.restore_state()
        QTimer.singleShot(0, self.emit_status)

    def retranslate(self) -> None:
        actions.retranslate_actions(self)
        for index in range(self.undo_stack.count()):  # the Undo/Redo menu entries' texts
            command = self.undo_stack.command(index)
            if hasattr(command, "describe"):
                command.describe()
        # the window's Undo/Redo actions follow the stack's texts only when told
        self.undo_stack.undoTextChanged.emit(self.undo_stack.undoText())
        self.undo_stack.redoTextChanged.emit(self.undo_stack.redoText())
        self.key_hint.setText(actions.key_hint(self))
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.filter.setAccessibleName(self.tr("Filter your alliances"))
        self.table.setAccessibleName(self.tr("Your alliances"))
        self.model.retranslate()
        self.pane.size_columns()
        self.pane.show_count()
        self.form.retranslate()
        if self.banner is not None:
            self.banner.retranslate()  # type: ignore[attr-defined]
        if self.form.uid is not None:
            self._update_done_button()
        self.emit_status()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.splitter_restored:
            # first use: the list about a third of the width, the form the rest
            self.splitter_restored = True
            width = self.window().width() if self.window() else self.splitter.width()
            left = max(self.pane.minimum_list_width(), min(520, int(width * 0.36)))
            self.splitter.setSizes([left, max(width - left, 400)])
        if not self.started:
            # the cursor goes where the work is, once the window can take the focus
            self.started = True
            QTimer.singleShot(0, self.resume)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # FileView ----------------------------------------------------------------------------
    def title(self) -> str:
        return f"{self.session.meta.reviewer_name} — {self.path.name}"

    def menus(self) -> list[QMenu]:
        return [self.scoring_menu]

    def file_actions(self) -> list[QAction]:
        return [self.actions_by_name["submit"]]

    def accept_files(self, paths: list[Path]) -> bool:
        """A scoring workbook dropped on the window is imported (with its preview)."""
        if len(paths) == 1 and paths[0].suffix.lower() == ".xlsx" and not self.read_only:
            self.import_workbook(paths[0])
            return True
        return False

    def may_close(self) -> bool:
        """Closing with a score field showing an invalid entry asks: put back the score the
        field had (and close), or go back to the field."""
        if self.closed or self.read_only:
            return True
        unsaved = self.form.invalid_entries()
        if not unsaved:
            return True
        code, text = unsaved[0]
        back = self.form.rows[code].score_edit.entered
        if messages.ask(
            self,
            fill_in(
                self.tr(
                    "%1 shows “%2”, which is not a valid score and is not saved. Close "
                    "anyway and keep %3? (No goes back to the field.)"
                ),
                code,
                text[:20],
                self.form.points_text(back),
            ),
        ):
            return True
        self.form.focus_indicator(code)
        return False

    def close_file(self) -> None:
        if self.closed:
            return
        # leaving the window is leaving the field: a finished entry is saved, an invalid
        # one put back (``may_close`` asked first)
        self.form.leave_fields()
        self.save_state()
        self.closed = True
        self.idle_timer.stop()
        self.documents.release()
        self.session.close()
        if self.lock is not None:
            self.lock.release()

    def checkpoint(self) -> None:
        """After a pause in the edits: fold the write-ahead log into the file."""
        if not self.closed:
            self.session.checkpoint()

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.pane.save_state()
        self.save_position()

    def restore_state(self) -> None:
        state = QSettings().value(SPLITTER_KEY)
        self.splitter_restored = isinstance(state, QByteArray) and not state.isEmpty()
        if self.splitter_restored:
            self.splitter.restoreState(state)
        self.pane.restore_state()
        self.restore_position()

    # editing -----------------------------------------------------------------------------
    def _new_edit(self) -> None:
        self.edit_number += 1

    def _field_entered(self, code: str, note: bool) -> None:
        self._new_edit()
        self.last_field = (code, note)

    def edit_score(self, code: str, points: Fraction | None) -> None:
        uid = self.current_uid()
        if uid is None or self.closed:
            return
        old_points, note = self.session.entry(uid, code)
        clearing = points is None and old_points is not None
        if clearing:
            self._new_edit()  # a clear is a step of its own, never merged with typing
        self._push(
            EditEntryCommand(
                self.session, self.reveal, uid, code, (points, note), "score", self.edit_number
            )
        )
        if clearing:
            self._new_edit()
            self.set_notice(
                fill_in(
                    self.tr("Score %1 cleared (was %2); %3 brings it back"),
                    code,
                    self.form.points_text(old_points),
                    "Ctrl+Z",
                )
            )

    def edit_note(self, code: str, text: str) -> None:
        uid = self.current_uid()
        if uid is None or self.closed:
            return
        points = self.session.entry(uid, code)[0]
        self._push(
            EditEntryCommand(
                self.session, self.reveal, uid, code, (points, text), "note", self.edit_number
            )
        )

    def edit_ticks(self, code: str, keys: frozenset[str]) -> None:
        uid = self.current_uid()
        if uid is not None:
            self._push(
                ItemsCommand(self.session, self.reveal, uid, code, "ticks", keys, self.edit_number)
            )

    def edit_reason(self, code: str, text: str) -> None:
        uid = self.current_uid()
        if uid is not None:
            self._push(
                ItemsCommand(self.session, self.reveal, uid, code, "reason", text, self.edit_number)
            )

    def _push(self, command: Command) -> bool:
        """Do the edit once and push it done (``gui.undo.perform``); a refused one is told
        through ``session.failed`` and never reaches the stack."""
        if self.read_only or self.closed:  # a sealed copy takes no edit, whatever asks
            return False
        self.pushing = True
        try:
            return perform(self.undo_stack, command)
        finally:
            self.pushing = False

    def _index_changed(self, _index: int) -> None:
        if not self.pushing:  # an undo or redo, not a new edit merging into the last
            self._new_edit()

    def _write_failed(self, error: UserError) -> None:
        """The file refused a change: say so, and show what the file really holds."""
        messages.refuse(self, error)
        self.form.show_alliance(self.form.uid)
        self._update_done_button()

    def leave_alliance(self) -> None:
        """Before another alliance is shown: its finished entries are saved, invalid ones
        put back (``_entry_restored`` says which)."""
        self.form.leave_fields()

    def _entry_restored(self, code: str, typed: str, points: Fraction | None) -> None:
        self.set_notice(
            fill_in(
                self.tr("%1: “%2” is not a valid score and was not saved; %3 put back"),
                code,
                typed[:20],
                self.form.points_text(points),
            )
        )

    def mark_done_and_next(self) -> None:
        uid = self.current_uid()
        if uid is None or self.read_only:
            return
        self.form.commit_pending()
        unsaved = self.form.invalid_entries()
        if unsaved:
            code, text = unsaved[0]
            messages.warn(
                self,
                fill_in(
                    self.tr(
                        "%1 shows “%2”, which is not a valid score and is not saved. "
                        "Correct it, or press Esc to show the saved score."
                    ),
                    code,
                    text,
                ),
            )
            self.form.focus_indicator(code)
            return
        missing = self.session.missing(uid)
        if missing:
            name = self.session.by_uid[uid].name
            from alliance_review.gui.reviewer.dialogs import missing_text  # not needed to paint

            text = missing_text(name, missing, self.session.rubric)
            messages.warn(self, text)
            first = missing[0]
            self.form.focus_indicator(first.code, note=first.reason != "unscored")
            return
        if uid not in self.session.done:
            self._new_edit()
            self._push(SetDoneCommand(self.session, self.reveal, uid, True))
        self.next_unfinished()

    def reopen(self) -> None:
        uid = self.current_uid()
        if uid is not None and uid in self.session.done and not self.read_only:
            self._new_edit()
            self._push(SetDoneCommand(self.session, self.reveal, uid, False))

    def _done_button_clicked(self) -> None:
        if self.form.uid in self.session.done:
            self.reopen()
        else:
            self.mark_done_and_next()

    def _update_done_button(self) -> None:
        done = self.form.uid in self.session.done
        name = "reopen" if done else "mark_done"
        action = self.actions_by_name[name]
        button = self.form.done_button
        button.setText(self.tr("Done ✓ — reopen") if done else self.tr("Mark done ✓"))
        shortcut = actions.shortcut_text(action)
        button.setToolTip(f"{action.text().replace('&', '')}  ({shortcut})")
        if button.property("done") != done:
            button.setProperty("done", done)
            look.style_done_button(button, done)

    def _alliance_changed(self, uid: str) -> None:
        if uid == self.form.uid:
            self.form.refresh_summary()
            self._update_done_button()
        self.notice = ""
        # every change reached the file: say so, the reviewer never has to save
        self.saved_at = time.strftime("%H:%M:%S")
        self.idle_timer.start()
        self.emit_status()

    # status ------------------------------------------------------------------------------
    def progress_text(self) -> str:
        """The one progress wording: alliances done of all, as the list counts them."""
        _scored, total, done = self.session.progress()
        return fill_in(self.tr("%1 / %2 alliances done"), done, total)

    def status_text(self) -> str:
        scored, _total, _done = self.session.progress()
        parts = [
            self.progress_text(),
            fill_in(self.tr("%1 fully scored"), scored),
        ]
        if self.read_only:
            parts.append(self.tr("read-only copy"))
        elif self.saved_at:
            parts.append(fill_in(self.tr("saved %1"), self.saved_at))
        if self.notice:
            parts.append(self.notice)
        return "   ·   ".join(parts)

    def emit_status(self) -> None:
        _scored, total, done = self.session.progress()
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(self.progress_text())
        self.status_changed.emit(self.status_text())

    def set_notice(self, text: str) -> None:
        self.notice = text
        self.emit_status()

    # workbook, submit (in transfer.py) ---------------------------------------------------
    def export_workbook(self) -> Task | None:
        from alliance_review.gui.reviewer import transfer  # not needed to paint

        return transfer.export_workbook(self)

    def import_workbook(self, path: Path | None = None) -> Task | None:
        from alliance_review.gui.reviewer import transfer  # not needed to paint

        return None if self.read_only else transfer.import_workbook(self, path)

    def submit(self) -> Path | None:
        from alliance_review.gui.reviewer import transfer  # not needed to paint

        return None if self.read_only else transfer.submit(self)
