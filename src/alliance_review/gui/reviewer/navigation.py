"""Moving through the work: which alliance is shown, where the cursor goes, where to resume.

Opening a file puts the cursor in the first unscored indicator of the first unfinished
alliance (in list order); reopening it resumes in the field the reviewer last worked in.
A mixin of ``ReviewerWorkspace``; its texts keep the workspace's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QTableView

if TYPE_CHECKING:
    from alliance_review.gui.reviewer.alliance_list import AllianceFilterProxy
    from alliance_review.gui.reviewer.form import ScoringForm
    from alliance_review.gui.reviewer.session import ReviewerSession

translate = QCoreApplication.translate


class Navigation:
    # what the workspace provides
    session: ReviewerSession
    form: ScoringForm
    proxy: AllianceFilterProxy
    table: QTableView
    filter: QLineEdit
    closed: bool
    last_field: tuple[str, bool] | None = None

    if TYPE_CHECKING:

        def leave_alliance(self) -> None: ...
        def _new_edit(self) -> None: ...
        def _update_done_button(self) -> None: ...
        def set_notice(self, text: str) -> None: ...

    def _position_key(self) -> str:
        """Per file: the round, the reviewer and the issued file's own key (a file issued
        anew has another, so it does not open where an older one was left; a copy
        continued from it keeps it); an older file without a key: when it was issued."""
        meta = self.session.meta
        identity = self.session.store.seal_state().key_id or meta.issued_at
        issued = "".join(ch for ch in identity if ch.isalnum())
        return f"reviewer/position/{meta.round_uid}-{meta.reviewer_uid}-{issued}"

    def save_position(self) -> None:
        """Remember the alliance and the field the reviewer was in (per file)."""
        if self.form.uid is None:
            return
        code, note = self.last_field or (self.session.indicators[0].code, False)
        QSettings().setValue(
            self._position_key(), f"{self.form.uid}|{code}|{'note' if note else 'score'}"
        )

    def restore_position(self) -> None:
        """Show the alliance to resume (the cursor goes there once the window is shown)."""
        uid, code, field = (str(QSettings().value(self._position_key(), "") or "") + "||").split(
            "|"
        )[:3]
        if uid in self.session.by_uid and code in self.form.rows:
            self.last_field = (code, field == "note")
        else:
            self.last_field = None
            uid = self.first_unfinished() or ""
        if uid:
            self.select_alliance(uid)
        else:
            self.form.show_alliance(None)

    def first_unfinished(self) -> str | None:
        """The first alliance in list order that is not done (or the first of all)."""
        uids = [self.proxy.uid_at(row) for row in range(self.proxy.rowCount())]
        return next((u for u in uids if u not in self.session.done), uids[0] if uids else None)

    def resume(self) -> None:
        """Put the cursor where the work is: the remembered field, or the first unscored."""
        if self.closed or self.form.uid is None:
            return
        if self.last_field is not None:
            code, note = self.last_field
            self.form.focus_indicator(code, note)
        else:
            self.start_scoring()

    # selecting alliances ---------------------------------------------------------------
    def current_uid(self) -> str | None:
        return self.form.uid

    def select_alliance(self, uid: str) -> None:
        row = self.proxy.row_of(uid)
        if row < 0 and self.filter.text():
            self.filter.clear()
            row = self.proxy.row_of(uid)
        if row < 0:
            return
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        if self.form.uid != uid:
            self._show(uid)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            uid = self.proxy.uid_at(current.row())
            if uid != self.form.uid:
                self._show(uid)

    def _show(self, uid: str) -> None:
        if self.form.uid is not None:
            self.leave_alliance()
        self._new_edit()
        self.form.show_alliance(uid)
        self._update_done_button()
        self.form.scroll_area.verticalScrollBar().setValue(0)

    def _step(self, delta: int) -> None:
        count = self.proxy.rowCount()
        if not count:
            return
        uid = self.current_uid()
        row = self.proxy.row_of(uid) if uid else -1
        target = max(0, min(count - 1, row + delta)) if row >= 0 else 0
        self.select_alliance(self.proxy.uid_at(target))
        self.form.focus_indicator(self.session.indicators[0].code)

    def next_alliance(self) -> None:
        self._step(1)

    def previous_alliance(self) -> None:
        self._step(-1)

    def next_unfinished(self) -> bool:
        """Go to the next alliance (in list order, wrapping) that is not done."""
        count = self.proxy.rowCount()
        uid = self.current_uid()
        start = self.proxy.row_of(uid) if uid else -1
        for offset in range(1, count + 1):
            candidate = self.proxy.uid_at((start + offset) % count)
            if candidate not in self.session.done:
                self.select_alliance(candidate)
                self.start_scoring()
                return True
        self.set_notice(
            translate(
                "ReviewerWorkspace", "Every alliance is marked done. Submit when you are ready."
            )
        )
        return False

    def start_scoring(self) -> None:
        """Put the cursor in the first unscored indicator of the shown alliance."""
        uid = self.form.uid
        if uid is None:
            return
        first = next(
            (i.code for i in self.session.indicators if self.session.entry(uid, i.code)[0] is None),
            self.session.indicators[0].code,
        )
        self.form.focus_indicator(first)

    def _filter_confirmed(self) -> None:
        if self.proxy.rowCount():
            uid = self.form.uid
            if uid is None or self.proxy.row_of(uid) < 0:
                self.select_alliance(self.proxy.uid_at(0))
            self.start_scoring()

    def find_alliance(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def reveal(self, uid: str, code: str | None, note: bool) -> None:
        """Bring an alliance (and an indicator's field) on screen, for undo and redo."""
        if self.form.uid != uid:
            self.select_alliance(uid)
        if code is not None:
            self.form.focus_indicator(code, note)
