"""The reviewer's workspace driven through the real main window, as a reviewer uses it."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.dialogs import ImportPreviewDialog
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.services.reviewer_sheet import COL_NOTE, COL_SCORE, COL_UID, SHEET_TITLE
from alliance_review.services.reviewer_workflow import Status
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from tests.gui_support import settle, type_text
from tests.reviewer_gui import Dialogs, drop, open_window, stored
from tests.reviewer_support import issue_one


def test_scoring_in_the_window_autosaves_undoes_and_marks_done(
    qtbot, demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # every alliance rated itself 0 on one indicator: full marks there are more than the
    # round's margin above the self-score, so marking done asks for a note (the rule)
    with RoundStore.open(demo_round) as store:
        margin = store.settings().note_margin
        low = next(
            i for i in store.rubric().indicators() if i.code != "1.1" and i.max_points > margin
        )
        store.put_self_scores({(a.uid, low.code): (Fraction(0), "") for a in store.alliances()})
    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    dialogs = Dialogs(monkeypatch)
    window, ws = open_window(qtbot, reviewer_file)
    session = ws.session
    alliances = session.alliances
    assert ws.proxy.rowCount() == len(alliances) == 27
    qtbot.waitUntil(lambda: "0 / 27" in window.status_label.text())
    assert ws.scoring_menu.menuAction() in window.menuBar().actions()

    # the filter matches any part of a name
    part = alliances[3].name[2:6]
    type_text(ws.filter, part)
    assert ws.proxy.rowCount() >= 1
    assert all(part in ws.proxy.index(r, 0).data() for r in range(ws.proxy.rowCount()))
    # the list says how many of the 27 it shows, in the progress bar's words
    assert ws.pane.count_label.isVisibleTo(ws)
    assert f"{ws.proxy.rowCount()} / 27" in ws.pane.count_label.text()
    ws.filter.clear()
    assert not ws.pane.count_label.isVisibleTo(ws)

    first = alliances[0]
    ws.table.selectRow(ws.proxy.row_of(first.uid))
    assert ws.form.uid == first.uid
    row = ws.form.rows["1.1"]
    # 1.1 takes 0..5 in half points (its rule gives half marks for one of two items):
    # 7 is shown as typed, marked invalid, never saved
    qtbot.keyClicks(row.score_edit, "7")
    assert row.score_edit.text() == "7" and row.score_message.text().startswith("0-5")
    assert stored(reviewer_file) == {}
    qtbot.keyClick(row.score_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(row.score_edit, "4")
    assert stored(reviewer_file) == {}  # not finished yet: saved on leaving or Enter
    qtbot.keyClick(row.score_edit, Qt.Key.Key_Return)
    assert stored(reviewer_file)[(first.uid, "1.1")] == (400, "")  # on disk at once
    qtbot.keyClicks(row.score_edit, ".3")  # not on the step: the file keeps 4
    assert row.score_edit.text() == "4.3" and row.score_message.isVisibleTo(ws)
    qtbot.keyClick(row.score_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(row.score_edit, Qt.Key.Key_Backspace)
    assert row.score_edit.text() == "4" and not row.score_message.isVisibleTo(ws)
    type_text(row.note_edit, "计划较简略，缺少进度安排")
    assert stored(reviewer_file)[(first.uid, "1.1")] == (400, "计划较简略，缺少进度安排")
    assert ws.form.total_value.text() == "4"
    assert "4 / 25" in ws.form.category_headers[0].total_label.text()
    assert ws.model.index(0, ws.model.TOTAL).data() == "4"
    assert ws.model.index(0, ws.model.STATUS).data() == ws.model.status_text(Status.IN_PROGRESS)

    # undo takes back the whole note (keystrokes of one field merge), then the score
    undo, redo = window.action_registry["undo"], window.action_registry["redo"]
    undo.trigger()
    assert stored(reviewer_file)[(first.uid, "1.1")] == (400, "")
    assert row.note_edit.toPlainText() == ""
    redo.trigger()
    assert row.note_edit.toPlainText() == "计划较简略，缺少进度安排"

    # undo across alliances: an edit of the second alliance, then back to the first
    ws.actions_by_name["next"].trigger()
    second = alliances[1]
    assert ws.form.uid == second.uid
    qtbot.keyClicks(ws.form.rows["3.1"].score_edit, "6")
    qtbot.keyClick(ws.form.rows["3.1"].score_edit, Qt.Key.Key_Return)
    assert stored(reviewer_file)[(second.uid, "3.1")] == (600, "")
    undo.trigger()
    assert stored(reviewer_file)[(second.uid, "3.1")] == (None, "")
    undo.trigger()  # the note of the first alliance: it comes back on screen
    assert ws.form.uid == first.uid
    assert stored(reviewer_file)[(first.uid, "1.1")] == (400, "")
    redo.trigger()
    redo.trigger()
    assert ws.form.uid == second.uid
    assert ws.form.rows["3.1"].score_edit.text() == "6"
    ws.actions_by_name["previous"].trigger()
    assert ws.form.uid == first.uid

    # mark done: refused with the list of what is missing
    ws.actions_by_name["mark_done"].trigger()
    assert len(dialogs.warnings) == 1
    assert "1.2" in dialogs.warnings[0] and "4.4" in dialogs.warnings[0]
    assert first.uid not in session.done
    # full marks everywhere else, then notes where the self-score is far below
    for code, indicator_row in ws.form.rows.items():
        if code != "1.1":
            qtbot.keyClicks(indicator_row.score_edit, str(indicator_row.indicator.max_points))
            qtbot.keyClick(indicator_row.score_edit, Qt.Key.Key_Return)
    assert ws.form.total_value.text() == "99"
    ws.actions_by_name["mark_done"].trigger()
    far = [
        i.code
        for i in session.indicators
        if (s := session.self_entry(first.uid, i.code)[0]) is not None
        and i.code != "1.1"
        and i.max_points - s > session.rule.margin
    ]
    assert low.code in far
    # refused again, naming each indicator scored far above the self-score
    assert len(dialogs.warnings) == 2 and all(code in dialogs.warnings[1] for code in far)
    assert first.uid not in session.done
    for code in far:
        type_text(ws.form.rows[code].note_edit, "材料充分，高于自评")
    ws.actions_by_name["mark_done"].trigger()
    assert len(dialogs.warnings) == 2  # with the notes written, no third refusal
    assert first.uid in session.done
    assert ws.form.uid != first.uid  # moved on to the next unfinished alliance
    assert ws.model.index(0, ws.model.STATUS).data() == ws.model.status_text(Status.DONE)
    assert window.status_label.text() == ws.status_text() and "1 / 27" in ws.status_text()
    assert ws.saved_at and ws.saved_at in window.status_label.text()  # autosaved, and said so
    conn = sqlite3.connect(reviewer_file)
    assert conn.execute(
        "SELECT done FROM alliance_status WHERE alliance_uid = ?", (first.uid,)
    ).fetchone() == (1,)
    conn.close()

    # reopen the file: every value is there
    window.close_file()
    window, ws = open_window(qtbot, reviewer_file)
    ws.select_alliance(first.uid)
    assert ws.form.rows["1.1"].score_edit.text() == "4"
    assert ws.form.rows["1.1"].note_edit.toPlainText() == "计划较简略，缺少进度安排"
    assert ws.form.total_value.text() == "99"
    assert first.uid in ws.session.done
    window.close_file()


def test_tab_moves_score_note_next_indicator(
    qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch
):
    dialogs = Dialogs(monkeypatch)
    window, ws = open_window(qtbot, reviewer_file)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    ws.form.focus_indicator("1.1")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.form.rows["1.1"].score_edit)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ws.form.rows["1.1"].note_edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ws.form.rows["1.2"].score_edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert ws.form.rows["1.2"].score_edit.text() == "0"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert ws.form.rows["1.2"].score_edit.text() == "1"
    uid = ws.form.uid
    assert ws.session.entry(uid, "1.2") == (None, "")  # saved on leaving the field
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert ws.session.entry(uid, "1.2") == (Fraction(1), "")
    # the shortcut goes to the next alliance
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert ws.form.uid != uid
    # Ctrl+Return in a note (a multi-line field) is the shortcut, not a new line
    ws.form.focus_indicator("1.1", note=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.form.rows["1.1"].note_edit)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert len(dialogs.warnings) == 1 and "1.1" in dialogs.warnings[0]
    assert ws.form.rows["1.1"].note_edit.toPlainText() == ""
    for action in ws.scoring_menu.actions():
        assert action.isSeparator() or not action.shortcut().isEmpty()
    window.close_file()


def test_workbook_round_trip_and_submit_from_the_window(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    dialogs = Dialogs(monkeypatch)
    window, ws = open_window(qtbot, reviewer_file)
    target = tmp_path / "offline.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    ws.actions_by_name["export_sheet"].trigger()
    settle(qtbot)
    assert target.exists()
    third = ws.session.alliances[2]
    wb = openpyxl.load_workbook(target)
    sheet = wb[SHEET_TITLE]
    rows = [r for r in range(4, sheet.max_row + 1) if sheet.cell(r, COL_UID).value == third.uid]
    sheet.cell(rows[0], COL_SCORE).value = 2
    sheet.cell(rows[0], COL_NOTE).value = "离线填写：只有工作总结"
    wb.save(target)

    previews: list[list[str]] = []

    def accept(dialog: ImportPreviewDialog) -> None:
        model = dialog.model
        previews.append(
            [model.index(r, c).data() for r in range(model.rowCount()) for c in range(5)]
        )
        dialog.accept()  # the user presses Import

    monkeypatch.setattr(ImportPreviewDialog, "open", accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    assert previews and f"G{rows[0]}" in previews[0] and "离线填写：只有工作总结" in previews[0]
    assert stored(reviewer_file)[(third.uid, "1.1")] == (200, "离线填写：只有工作总结")
    ws.select_alliance(third.uid)
    assert ws.form.rows["1.1"].score_edit.text() == "2"
    window.action_registry["undo"].trigger()
    assert stored(reviewer_file)[(third.uid, "1.1")] == (None, "")
    window.action_registry["redo"].trigger()

    # a bad workbook is refused with its cell and changes nothing
    sheet.cell(rows[1], COL_SCORE).value = 99
    wb.save(target)
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    assert len(dialogs.warnings) == 1 and f"G{rows[1]}" in dialogs.warnings[0]
    assert (third.uid, "1.2") not in stored(reviewer_file)

    # submit: asks since not everything is done, writes a new revision next to the file
    start = ws.session.meta.revision
    ws.actions_by_name["submit"].trigger()
    assert dialogs.questions and "27" in dialogs.questions[0]
    first = reviewer_file.with_name(f"{reviewer_file.stem}-提交-r{start + 1}.alr-review")
    box = ws.findChild(QMessageBox, "submitted")
    assert first.exists() and box is not None and str(first) in box.text()
    # the message offers to open the folder that holds the copy
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    open_button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole
    )
    assert open_button.text() in ("Open folder", "打开所在文件夹")
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [first.parent]
    qtbot.waitUntil(lambda: ws.findChild(QMessageBox, "submitted") is None)
    ws.actions_by_name["submit"].trigger()
    second = reviewer_file.with_name(f"{reviewer_file.stem}-提交-r{start + 2}.alr-review")
    box = ws.findChild(QMessageBox, "submitted")
    assert second.exists() and box is not None and str(second) in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # OK is the default: the folder stays shut
    assert len(opened) == 1
    assert f"r{start + 2}" in window.status_label.text()
    with ReviewerStore.open(second) as travel:
        assert travel.meta().revision == start + 2
        assert travel.scores()[(third.uid, "1.1")] == (Fraction(2), "离线填写：只有工作总结")
    window.close_file()


def test_the_workspace_speaks_chinese_and_english(qtbot, reviewer_file: Path):
    window, ws = open_window(qtbot, reviewer_file)
    window.action_registry["language_zh_CN"].trigger()
    qtbot.waitUntil(lambda: ws.scoring_menu.title() == "评分(&S)")
    assert ws.model.headerData(0, Qt.Orientation.Horizontal) == "联盟"
    assert ws.model.index(0, ws.model.STATUS).data() == "未开始"
    assert ws.filter.placeholderText() == "按名称中的任意文字筛选"
    assert ws.form.rows["1.1"].note_edit.placeholderText() == "评分依据"
    qtbot.waitUntil(lambda: "已完成 0 / 27 家" in window.status_label.text())
    window.action_registry["language_en"].trigger()
    qtbot.waitUntil(lambda: ws.scoring_menu.title() == "&Scoring")
    assert ws.model.index(0, ws.model.STATUS).data() == "Not started"
    assert ws.form.done_button.text() == "Mark done ✓"
    window.close_file()


def test_an_edit_that_breaks_a_done_alliance_reopens_it_and_undo_restores(
    qtbot, reviewer_file: Path
):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        for indicator in store.rubric().indicators():
            store.set_score(uid, indicator.code, indicator.max_points, "材料齐全")
        store.set_done(uid, True)
    window, ws = open_window(qtbot, reviewer_file)
    ws.select_alliance(uid)
    assert ws.model.index(0, ws.model.STATUS).data() == ws.model.status_text(Status.DONE)
    edit = ws.form.rows["2.1"].score_edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # emptied: cleared when the reviewer leaves
    assert uid in ws.session.done and stored(reviewer_file)[(uid, "2.1")] == (800, "材料齐全")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # the score is taken away: no longer done
    assert uid not in ws.session.done
    assert stored(reviewer_file)[(uid, "2.1")] == (None, "材料齐全")
    window.action_registry["undo"].trigger()
    assert uid in ws.session.done and edit.text() == "8"
    assert stored(reviewer_file)[(uid, "2.1")] == (800, "材料齐全")
    window.close_file()


def test_a_dropped_reviewer_file_opens_and_the_splitter_is_remembered(qtbot, reviewer_file: Path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    drop(window, reviewer_file)
    ws = window.view
    assert isinstance(ws, ReviewerWorkspace)
    qtbot.waitUntil(lambda: ws.splitter.sizes()[0] > 0)
    ws.splitter.setSizes([520, 700])
    chosen = ws.splitter.sizes()
    last = ws.session.alliances[5].uid
    ws.select_alliance(last)
    window.close_file()
    assert window.open_path(reviewer_file)
    again = window.view
    assert isinstance(again, ReviewerWorkspace)
    qtbot.waitUntil(lambda: again.splitter.sizes() == chosen)
    assert again.form.uid == last  # back where the reviewer left off
    window.close_file()


def test_a_workbook_dropped_on_the_workspace_is_imported_after_its_preview(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from alliance_review.services.reviewer_sheet import export_sheet_file

    sheet_path = tmp_path / "dropped.xlsx"
    export_sheet_file(reviewer_file, sheet_path)
    wb = openpyxl.load_workbook(sheet_path)
    wb[SHEET_TITLE].cell(4, COL_SCORE).value = 1
    wb.save(sheet_path)
    shown: list[int] = []

    def cancel(dialog: ImportPreviewDialog) -> None:
        shown.append(dialog.model.rowCount())
        dialog.reject()

    monkeypatch.setattr(ImportPreviewDialog, "open", cancel)
    window, ws = open_window(qtbot, reviewer_file)
    assert ws.actions_by_name["submit"] in window.file_menu.actions()
    drop(window, sheet_path)
    settle(qtbot)
    assert shown == [1]  # the preview listed the one change; cancelled: nothing written
    assert window.view is ws and stored(reviewer_file) == {}
    window.close_file()
    assert ws.actions_by_name["submit"] not in window.file_menu.actions()


def test_a_write_the_file_refuses_is_reported_and_leaves_nothing_to_undo(
    qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch
):
    dialogs = Dialogs(monkeypatch)
    window, ws = open_window(qtbot, reviewer_file)
    store = ws.session.store
    real = store.set_scores

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "set_scores", broken)
    edit = ws.form.rows["1.1"].score_edit
    qtbot.keyClicks(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert len(dialogs.warnings) == 1 and "disk I/O error" in dialogs.warnings[0]
    assert edit.text() == "" and ws.undo_stack.count() == 0
    assert stored(reviewer_file) == {}
    monkeypatch.setattr(store, "set_scores", real)
    qtbot.keyClicks(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert ws.undo_stack.count() == 1 and stored(reviewer_file)[(ws.form.uid, "1.1")] == (300, "")
    # a score below full marks asks for its evidence note
    note = ws.form.rows["1.1"].note_edit
    assert note.placeholderText() == ws.form.tr("Evidence note (required)")
    assert ws.form.rows["1.1"].required
    type_text(note, "仅提交总结")
    assert not ws.form.rows["1.1"].required
    window.close_file()


def test_find_an_alliance_by_typing_and_enter_to_score_it(qtbot, reviewer_file: Path):
    window, ws = open_window(qtbot, reviewer_file)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = ws.session.alliances[7]
    ws.actions_by_name["find"].trigger()
    assert QApplication.focusWidget() is ws.filter
    type_text(ws.filter, target.name[:-4])
    qtbot.keyClick(ws.filter, Qt.Key.Key_Return)
    assert ws.form.uid == ws.proxy.uid_at(0)
    assert target.uid in {ws.proxy.uid_at(r) for r in range(ws.proxy.rowCount())}
    assert QApplication.focusWidget() is ws.form.rows["1.1"].score_edit
    window.close_file()
