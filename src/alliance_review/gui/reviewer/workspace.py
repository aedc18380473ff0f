"""The reviewer's workspace: the list of assigned alliances beside the scoring form.

Every keystroke in a score or note is one undo command that writes the reviewer file at
once (autosave); keystrokes in one field merge into one undo step. Menus carry every
action with its shortcut, so the whole job can be done from the keyboard.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.gui import i18n
from alliance_review.gui.reviewer import look
from alliance_review.gui.reviewer.alliance_list import AllianceFilterProxy, AllianceListModel
from alliance_review.gui.reviewer.commands import (
    EditEntryCommand,
    ImportSheetCommand,
    SetDoneCommand,
)
from alliance_review.gui.reviewer.form import ScoringForm
from alliance_review.gui.reviewer.session import ReviewerSession
from alliance_review.gui.views import FileView
from alliance_review.services.reviewer_workflow import Status


def language() -> str:
    return "en" if i18n.chosen_language() == "en" else "zh"


class ReviewerWorkspace(FileView):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self.session = ReviewerSession(path)
        self.edit_number = 0
        self.notice = ""
        self.splitter_restored = False
        self.saved_at = ""
        meta = self.session.meta

        self.model = AllianceListModel(self.session)
        self.proxy = AllianceFilterProxy(self.model)
        self.reviewer_label = look.label(meta.reviewer_name, colour=look.TEXT, bold=True, pixels=15)
        self.round_label = look.label(meta.round_title, colour=look.MUTED, wrap=True)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AllianceListModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # fixed widths (not ResizeToContents, which measures every row on every edit)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(AllianceListModel.NAME, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setMaximumHeight(18)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.reviewer_label)
        left_layout.addWidget(self.round_label)
        left_layout.addSpacing(4)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.progress_bar)
        self.key_hint = look.label(colour=look.MUTED, pixels=11, wrap=True)
        left_layout.addWidget(self.key_hint)

        self.form = ScoringForm(self.session)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.actions_by_name: dict[str, QAction] = {}
        self.scoring_menu = QMenu(self)
        self._build_actions()
        self.form.done_button.clicked.connect(self._done_button_clicked)
        self.form.score_edited.connect(self.edit_score)
        self.form.note_edited.connect(self.edit_note)
        self.form.field_entered.connect(self._new_edit)
        self.session.score_changed.connect(self.form.refresh_indicator)
        self.session.alliance_changed.connect(self._alliance_changed)
        self.session.failed.connect(self._write_failed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # keyboard: Enter in the list or the filter goes to the form
        self.table.activated.connect(lambda _index: self.start_scoring())
        self.filter.returnPressed.connect(self._filter_confirmed)
        self.retranslate()
        self.restore_state()
        QTimer.singleShot(0, self.emit_status)

    # actions ---------------------------------------------------------------------------
    def _action(self, name: str, slot: Callable[[], object], *shortcuts: object) -> QAction:
        action = QAction(self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])  # type: ignore[call-overload]
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        key = Qt.Key
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        menu = self.scoring_menu
        menu.addAction(
            self._action(
                "mark_done", self.mark_done_and_next, ctrl | key.Key_Return, ctrl | key.Key_Enter
            )
        )
        menu.addAction(self._action("reopen", self.reopen, ctrl | shift | key.Key_Return))
        menu.addSeparator()
        menu.addAction(
            self._action("next", self.next_alliance, ctrl | key.Key_PageDown, "Alt+Down")
        )
        menu.addAction(
            self._action("previous", self.previous_alliance, ctrl | key.Key_PageUp, "Alt+Up")
        )
        menu.addAction(self._action("next_unfinished", self.next_unfinished, "Ctrl+J"))
        menu.addAction(self._action("find", self.find_alliance, QKeySequence.StandardKey.Find))
        menu.addSeparator()
        menu.addAction(self._action("export_sheet", self.export_workbook, "Ctrl+E"))
        menu.addAction(self._action("import_sheet", self.import_workbook, "Ctrl+I"))
        menu.addSeparator()
        menu.addAction(self._action("submit", self.submit, "Ctrl+Shift+S"))
        for action in self.actions_by_name.values():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        model = self.model
        samples = {
            AllianceListModel.BATCH: ["第三批", "—"],
            AllianceListModel.STATUS: [model.status_text(s) for s in Status],
            AllianceListModel.TOTAL: ["100"],
            AllianceListModel.SELF_TOTAL: ["100"],
        }
        for column, texts in samples.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            extra = 22 if column == AllianceListModel.STATUS else 0  # the status dot
            width = max(metrics.horizontalAdvance(t) + extra for t in [*texts, title])
            header.resizeSection(column, width + 22)
        # the names keep room for about eight characters, however long the other columns'
        # words are in the interface language (the list widens; the splitter follows)
        name_title = str(model.headerData(AllianceListModel.NAME, Qt.Orientation.Horizontal))
        name_room = max(metrics.horizontalAdvance("联" * 8), metrics.horizontalAdvance(name_title))
        fixed = sum(header.sectionSize(c) for c in samples)
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumWidth(fixed + name_room + 30 + scroll_bar + frame)

    def retranslate(self) -> None:
        a = self.actions_by_name
        a["mark_done"].setText(self.tr("Mark &done and go to next unfinished"))
        a["reopen"].setText(self.tr("&Reopen alliance"))
        a["next"].setText(self.tr("&Next alliance"))
        a["previous"].setText(self.tr("&Previous alliance"))
        a["next_unfinished"].setText(self.tr("Next &unfinished alliance"))
        a["find"].setText(self.tr("&Find alliance"))
        a["export_sheet"].setText(self.tr("&Export scoring workbook…"))
        a["import_sheet"].setText(self.tr("&Import scoring workbook…"))
        a["submit"].setText(self.tr("&Submit for return…"))
        self.scoring_menu.setTitle(self.tr("&Scoring"))

        def keys(name: str) -> str:
            shortcut = a[name].shortcut()
            return shortcut.toString(QKeySequence.SequenceFormat.NativeText)

        self.key_hint.setText(
            self.tr(
                "Tab: score → note → next indicator · ↑↓: change a score · "
                "{done}: done, next unfinished · {next} / {previous}: next / previous alliance"
            ).format(done=keys("mark_done"), next=keys("next"), previous=keys("previous"))
        )
        self.filter.setPlaceholderText(self.tr("Filter by any part of a name"))
        self.filter.setAccessibleName(self.tr("Filter your alliances"))
        self.table.setAccessibleName(self.tr("Your alliances"))
        self.model.retranslate()
        self._size_columns()
        self.form.retranslate()
        if self.form.uid is not None:
            self._update_done_button()
        self.emit_status()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.splitter_restored:
            # first use: the list about a third of the width, the form the rest
            self.splitter_restored = True
            width = self.splitter.width()
            left = max(400, min(560, int(width * 0.34)))
            self.splitter.setSizes([left, max(width - left, 400)])
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
        if len(paths) == 1 and paths[0].suffix.lower() == ".xlsx":
            self.import_workbook(paths[0])
            return True
        return False

    def close_file(self) -> None:
        self.save_state()
        self.session.close()

    def _settings_key(self) -> str:
        meta = self.session.meta
        return f"reviewer/last_alliance/{meta.round_uid}-{meta.reviewer_uid}"

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("reviewer/splitter", self.splitter.saveState())
        if self.form.uid is not None:
            settings.setValue(self._settings_key(), self.form.uid)

    def restore_state(self) -> None:
        settings = QSettings()
        state = settings.value("reviewer/splitter")
        self.splitter_restored = isinstance(state, QByteArray) and not state.isEmpty()
        if self.splitter_restored:
            self.splitter.restoreState(state)
        last = str(settings.value(self._settings_key(), "") or "")
        if last not in self.session.by_uid:
            unfinished = [a.uid for a in self.session.alliances if a.uid not in self.session.done]
            everyone = [a.uid for a in self.session.alliances]
            last = (unfinished or everyone or [""])[0]
        if last:
            self.select_alliance(last)
        else:
            self.form.show_alliance(None)

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
        self.set_notice(self.tr("Every alliance is marked done. Submit when you are ready."))
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

    # editing -----------------------------------------------------------------------------
    def _new_edit(self) -> None:
        self.edit_number += 1

    def edit_score(self, code: str, points: Fraction | None) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        note = self.session.entry(uid, code)[1]
        self._push(
            EditEntryCommand(
                self.session, self.reveal, uid, code, (points, note), "score", self.edit_number
            )
        )

    def edit_note(self, code: str, text: str) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        points = self.session.entry(uid, code)[0]
        self._push(
            EditEntryCommand(
                self.session, self.reveal, uid, code, (points, text), "note", self.edit_number
            )
        )

    def _push(self, command: EditEntryCommand | SetDoneCommand | ImportSheetCommand) -> None:
        self.undo_stack.push(command)

    def _write_failed(self, error: UserError) -> None:
        """The file refused a change: say so, and show what the file really holds."""
        self.warn(self.tr("The change was not saved"), error)
        self.form.show_alliance(self.form.uid)
        self._update_done_button()

    def mark_done_and_next(self) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        missing = self.session.missing(uid)
        if missing:
            name = self.session.by_uid[uid].name
            from alliance_review.gui.reviewer.dialogs import missing_text  # not needed to paint

            text = missing_text(name, missing, self.session.rubric)
            QMessageBox.warning(self, self.tr("Not yet complete"), text)
            first = missing[0]
            self.form.focus_indicator(first.code, note=first.reason != "unscored")
            return
        if uid not in self.session.done:
            self._new_edit()
            self._push(SetDoneCommand(self.session, self.reveal, uid, True))
        self.next_unfinished()

    def reopen(self) -> None:
        uid = self.current_uid()
        if uid is not None and uid in self.session.done:
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
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
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
        self.emit_status()

    # status ------------------------------------------------------------------------------
    def status_text(self) -> str:
        scored, total, done = self.session.progress()
        text = self.tr("{scored} / {total} scored · {done} done").format(
            scored=scored, total=total, done=done
        )
        if self.saved_at:
            text += "   ·   " + self.tr("saved {time}").format(time=self.saved_at)
        return f"{text}   ·   {self.notice}" if self.notice else text

    def emit_status(self) -> None:
        scored, total, done = self.session.progress()
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(
            self.tr("{done} of {total} alliances done").format(done=done, total=total)
        )
        self.status_changed.emit(self.status_text())

    def set_notice(self, text: str) -> None:
        self.notice = text
        self.emit_status()

    def warn(self, title: str, error: UserError) -> None:
        QMessageBox.warning(self, title, error.message(language()))

    # workbook, submit (in transfer.py) ---------------------------------------------------
    def export_workbook(self) -> None:
        from alliance_review.gui.reviewer import transfer  # not needed to paint

        transfer.export_workbook(self)

    def import_workbook(self, path: Path | None = None) -> bool:
        from alliance_review.gui.reviewer import transfer  # not needed to paint

        return transfer.import_workbook(self, path)

    def submit(self) -> Path | None:
        from alliance_review.gui.reviewer import transfer  # not needed to paint

        return transfer.submit(self)
