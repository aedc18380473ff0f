"""Typing scores and notes as a person does, mistakes included; the file read with sqlite3.

An entry that is not a score of the indicator is shown where it was typed, with the
allowed values, and never saved; clearing a score is deliberate and undoable; Ctrl+Z in a
field whose edit is saved undoes through the window's stack, across alliances.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtWidgets import QApplication

from alliance_review.core.score_entry import MAX_NOTE_CHARS
from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.fields import FieldState
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from tests.gui_support import type_text
from tests.reviewer_gui import Dialogs, open_window, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def language(qapp):
    """Switch the interface language in a test; the next test starts from the default."""
    yield i18n.set_language
    QSettings().remove("ui/language")
    i18n.install()


def active_window(qtbot, path: Path) -> tuple[MainWindow, ReviewerWorkspace]:
    """The window as a reviewer has it: shown, active, keys go to the focused field."""
    window, ws = open_window(qtbot, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, ws


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def points_on_disk(path: Path, uid: str, code: str) -> int | None:
    return stored(path).get((uid, code), (None, ""))[0]


def test_a_score_the_indicator_does_not_take_is_shown_invalid_and_never_saved(
    qtbot, reviewer_file: Path, language
):
    language("zh_CN")
    window, ws = active_window(qtbot, reviewer_file)
    uid = ws.form.uid
    row = ws.form.rows["1.3"]  # 0-4 in whole points
    edit = row.score_edit
    focus(qtbot, edit)

    # a valid entry is saved when the reviewer leaves the field (here: Enter)
    type_text(edit, "3")
    assert edit.state == FieldState.PENDING
    assert points_on_disk(reviewer_file, uid, "1.3") is None
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert points_on_disk(reviewer_file, uid, "1.3") == 300
    # 9: above the maximum. Shown as typed, said why, the file keeps 3
    edit.selectAll()
    type_text(edit, "9")
    assert edit.text() == "9" and edit.state == FieldState.INVALID
    assert row.score_message.isVisibleTo(ws)
    assert row.score_message.text() == "0-4，整数分\n未保存，离开时恢复为 3 分"
    assert points_on_disk(reviewer_file, uid, "1.3") == 300
    # -1 (was saved as 1)
    edit.selectAll()
    type_text(edit, "-1")
    assert edit.text() == "-1" and edit.state == FieldState.INVALID
    assert points_on_disk(reviewer_file, uid, "1.3") == 300
    # 44 (was saved as 4): no keystroke of it reaches the file
    edit.selectAll()
    type_text(edit, "44")
    assert edit.text() == "44" and edit.state == FieldState.INVALID
    assert points_on_disk(reviewer_file, uid, "1.3") == 300
    # 2.5 on whole points (was saved as 2): neither 2 nor 2.5 is saved
    edit.selectAll()
    type_text(edit, "2.5")
    assert edit.text() == "2.5" and edit.state == FieldState.INVALID
    assert points_on_disk(reviewer_file, uid, "1.3") == 300
    # a space (erased the score): invalid, the file keeps 3
    edit.selectAll()
    type_text(edit, " ")
    assert edit.text() == " " and edit.state == FieldState.INVALID
    assert points_on_disk(reviewer_file, uid, "1.3") == 300
    # the mistake corrected by hand: backspace, then a full-width digit from an IME
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(edit, "２")
    assert edit.state == FieldState.PENDING and not row.score_message.isVisibleTo(ws)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving saves it, shown as the file holds it
    assert points_on_disk(reviewer_file, uid, "1.3") == 200
    assert edit.text() == "2"

    # an invalid entry left behind is put back to the score the field had, and said so
    focus(qtbot, edit)
    edit.selectAll()
    type_text(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "2" and edit.state == FieldState.SAVED
    assert points_on_disk(reviewer_file, uid, "1.3") == 200
    assert row.score_message.isVisibleTo(ws) and "“5”" in row.score_message.text()
    assert "1.3" in window.status_label.text() and "“5”" in window.status_label.text()
    # ... Esc in the field shows the saved score again
    focus(qtbot, edit)
    type_text(edit, "9")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "2" and edit.state == FieldState.SAVED
    # ... and going to another alliance puts back and says what was not saved
    edit.selectAll()
    type_text(edit, "7")
    ws.actions_by_name["next"].trigger()
    assert ws.form.uid != uid
    assert "1.3" in window.status_label.text() and "“7”" in window.status_label.text()
    assert points_on_disk(reviewer_file, uid, "1.3") == 200
    ws.select_alliance(uid)
    assert ws.form.rows["1.3"].score_edit.text() == "2"

    # English: the allowed values in English words
    language("en")
    qtbot.waitUntil(lambda: ws.scoring_menu.title() == "&Scoring")
    focus(qtbot, edit)
    edit.selectAll()
    type_text(edit, "4.5")
    assert row.score_message.text() == "0-4, whole points\nNot saved; leaving puts back 2"
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    window.close_file()


def test_mark_done_refuses_while_a_field_shows_an_unsaved_entry(
    qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch
):
    dialogs = Dialogs(monkeypatch)
    window, ws = active_window(qtbot, reviewer_file)
    uid = ws.form.uid
    for row in ws.form.rows.values():
        focus(qtbot, row.score_edit)
        type_text(row.score_edit, str(row.indicator.max_points))
    edit = ws.form.rows["2.2"].score_edit  # 0-12
    focus(qtbot, edit)
    edit.selectAll()
    type_text(edit, "13")
    qtbot.keyClick(edit, Qt.Key.Key_Return, CTRL)
    assert (
        len(dialogs.warnings) == 1 and "2.2" in dialogs.warnings[0] and "13" in dialogs.warnings[0]
    )
    assert ws.form.uid == uid and uid not in ws.session.done
    assert QApplication.focusWidget() is edit
    window.close_file()


def test_clearing_a_saved_score_is_deliberate_and_undoable(qtbot, reviewer_file: Path):
    window, ws = active_window(qtbot, reviewer_file)
    uid = ws.form.uid
    row = ws.form.rows["1.1"]
    edit = row.score_edit
    focus(qtbot, edit)
    type_text(edit, "4")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert points_on_disk(reviewer_file, uid, "1.1") == 400

    # emptied: nothing happens to the file yet, the field says leaving clears it
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "" and edit.state == FieldState.CLEARING
    assert row.score_message.isVisibleTo(ws) and "4" in row.score_message.text()
    assert points_on_disk(reviewer_file, uid, "1.1") == 400
    # Esc keeps the score
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "4" and points_on_disk(reviewer_file, uid, "1.1") == 400

    # emptied again and left: the score is cleared, the window says so
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.note_edit
    assert (uid, "1.1") in stored(reviewer_file)
    assert points_on_disk(reviewer_file, uid, "1.1") is None
    assert "1.1" in window.status_label.text() and "Ctrl+Z" in window.status_label.text()
    # Ctrl+Z (in the note field the cursor went to) brings it back
    qtbot.keyClick(row.note_edit, Qt.Key.Key_Z, CTRL)
    assert points_on_disk(reviewer_file, uid, "1.1") == 400
    assert edit.text() == "4"
    window.close_file()


def test_ctrl_z_in_a_saved_field_undoes_across_alliances_and_both_redo_keys_redo(
    qtbot, reviewer_file: Path
):
    window, ws = active_window(qtbot, reviewer_file)
    first = ws.form.uid
    edit = ws.form.rows["1.1"].score_edit
    focus(qtbot, edit)
    type_text(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    note = ws.form.rows["1.1"].note_edit
    focus(qtbot, note)
    type_text(note, "有总结")
    qtbot.keyClick(note, Qt.Key.Key_PageDown, CTRL)  # the next alliance
    second = ws.form.uid
    assert second != first
    edit = ws.form.rows["1.1"].score_edit
    focus(qtbot, edit)
    type_text(edit, "2")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(reviewer_file)[(second, "1.1")] == (200, "")

    # Ctrl+Z in the field: the window's undo (the field's own buffer would do nothing
    # visible here, or take back a digit the file no longer holds)
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert points_on_disk(reviewer_file, second, "1.1") is None and edit.text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)  # across alliances
    assert ws.form.uid == first
    assert stored(reviewer_file)[(first, "1.1")] == (300, "")
    assert QApplication.focusWidget() is ws.form.rows["1.1"].note_edit
    assert ws.form.rows["1.1"].note_edit.toPlainText() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert points_on_disk(reviewer_file, first, "1.1") is None

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)  # redo: Ctrl+Y
    assert points_on_disk(reviewer_file, first, "1.1") == 300
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)  # and Ctrl+Shift+Z
    assert stored(reviewer_file)[(first, "1.1")] == (300, "有总结")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert ws.form.uid == second and points_on_disk(reviewer_file, second, "1.1") == 200

    # typing after an undo starts a new step: it does not merge into the undone one
    edit = ws.form.rows["1.1"].score_edit
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    focus(qtbot, edit)
    type_text(edit, "1")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert points_on_disk(reviewer_file, second, "1.1") is None
    window.close_file()


def test_a_note_holds_at_most_2000_characters_with_a_counter_near_the_limit(
    qtbot, reviewer_file: Path, language
):
    language("zh_CN")
    window, ws = active_window(qtbot, reviewer_file)
    uid = ws.form.uid
    row = ws.form.rows["2.1"]
    note = row.note_edit
    focus(qtbot, note)
    type_text(note, "材料")
    assert not row.note_counter.isVisibleTo(ws)  # far from the limit: no counter

    # a long text pasted (as people do), then typed to the limit
    pasted = QMimeData()
    pasted.setText("依" * (MAX_NOTE_CHARS - 12))
    note.insertFromMimeData(pasted)
    assert row.note_counter.isVisibleTo(ws)
    assert row.note_counter.text() == f"{MAX_NOTE_CHARS - 10} / {MAX_NOTE_CHARS} 字"
    type_text(note, "据充分，符合评分标准")  # 10 characters: exactly the limit
    assert len(stored(reviewer_file)[(uid, "2.1")][1]) == MAX_NOTE_CHARS
    type_text(note, "。")  # one more: refused, and said so
    assert len(note.toPlainText()) == MAX_NOTE_CHARS
    assert "已达上限" in row.note_counter.text()
    assert stored(reviewer_file)[(uid, "2.1")][1].endswith("符合评分标准")
    # a paste at the limit: nothing fits, and the counter says what was left out
    more = QMimeData()
    more.setText("补充说明")
    note.insertFromMimeData(more)
    assert stored(reviewer_file)[(uid, "2.1")][1].endswith("符合评分标准")
    assert "4 个粘贴的字符未能放入" in row.note_counter.text()
    # deleting makes room again
    qtbot.keyClick(note, Qt.Key.Key_Backspace)
    qtbot.keyClick(note, Qt.Key.Key_Backspace)
    assert "已达上限" not in row.note_counter.text()
    assert len(stored(reviewer_file)[(uid, "2.1")][1]) == MAX_NOTE_CHARS - 2
    # a paste larger than the room left is cut to it (it was dropped whole while the
    # counter said the limit was reached), and the counter says how much was left out
    note.insertFromMimeData(more)
    assert stored(reviewer_file)[(uid, "2.1")][1].endswith("符合评分补充")
    assert len(stored(reviewer_file)[(uid, "2.1")][1]) == MAX_NOTE_CHARS
    assert "2 个粘贴的字符未能放入" in row.note_counter.text()
    window.close_file()


def test_the_window_shortcuts_work_from_a_score_field_and_a_note(
    qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch
):
    """Ctrl+E (export the workbook) did nothing in a score field: the line edit took it."""
    window, ws = active_window(qtbot, reviewer_file)
    exported: list[str] = []
    from alliance_review.gui.reviewer import transfer

    monkeypatch.setattr(transfer, "export_workbook", lambda _ws: exported.append("export"))
    monkeypatch.setattr(transfer, "import_workbook", lambda _ws, _p: exported.append("import"))
    for field in (ws.form.rows["1.2"].score_edit, ws.form.rows["1.2"].note_edit):
        focus(qtbot, field)
        qtbot.keyClick(field, Qt.Key.Key_E, CTRL)
        qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert exported == ["export", "import", "export", "import"]
    # and the fields' own keys stay theirs: Ctrl+A selects all in the field
    edit = ws.form.rows["1.2"].score_edit
    focus(qtbot, edit)
    type_text(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    assert edit.selectedText() == "3"
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    window.close_file()


def test_switching_language_retranslates_the_undo_texts_and_the_batch_names(
    qtbot, reviewer_file: Path, language
):
    language("zh_CN")
    window, ws = active_window(qtbot, reviewer_file)
    uid = ws.form.uid
    edit = ws.form.rows["1.2"].score_edit
    focus(qtbot, edit)
    type_text(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    undo = window.action_registry["undo"]
    name = ws.session.by_uid[uid].name
    assert "评分 1.2" in undo.text() and name in undo.text()
    batch = ws.session.by_uid[uid].batch
    assert batch == "第一批" and batch in ws.form.info_label.text()
    language("en")
    qtbot.waitUntil(lambda: ws.scoring_menu.title() == "&Scoring")
    assert "Score 1.2 of" in undo.text() and "评分" not in undo.text()
    assert "Batch 1" in ws.form.info_label.text() and "第一批" not in ws.form.info_label.text()
    row = ws.proxy.row_of(uid)
    assert ws.proxy.index(row, ws.model.BATCH).data() == "Batch 1"
    window.close_file()
