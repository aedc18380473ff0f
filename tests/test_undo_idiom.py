"""One undo idiom for the whole window (gui.undo): every command of every screen is a
``Command``; a bulk action (automatic assignment, roster import, scoring-workbook import,
self-evaluation import) is undone by one Ctrl+Z and redone by one Ctrl+Y; an undo the
file refuses (the round was locked meanwhile, the file is busy) says one sentence and
changes nothing."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QMessageBox

import alliance_review.gui
from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.undo import Command
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .gui_support import open_in_window, settle
from .reviewer_support import issue_one


@pytest.fixture
def told(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


def open_round(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    return open_in_window(qtbot, path)


def press(qtbot, window: MainWindow, keys: str) -> None:  # type: ignore[no-untyped-def]
    """A key sequence as the user presses it (the Edit menu's shortcut runs)."""
    action = window.action_registry["undo" if keys == "Ctrl+Z" else "redo"]
    assert QKeySequence(keys) in action.shortcuts()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())
    settle(qtbot)


def test_every_undo_command_of_the_window_is_the_one_idiom():
    found = []
    for module_info in pkgutil.walk_packages(
        alliance_review.gui.__path__, alliance_review.gui.__name__ + "."
    ):
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QUndoCommand) and value.__module__ == module.__name__:
                found.append(value)
    assert len(found) >= 8  # the set-up, panel and reviewer commands
    assert [c.__name__ for c in found if not issubclass(c, Command)] == []


def test_automatic_assignment_undoes_and_redoes_in_one_step(qtbot, tmp_path, told):  # type: ignore[no-untyped-def]
    round_path = pr.build_round(tmp_path / "round.sqlite")
    window = open_round(qtbot, round_path)
    store = window.view.store
    before = store.assignments()
    page = window.view.tab_by_name["setup"].show_page("assignment")
    page.seed.setValue(99)
    steps = window.view.undo_stack.count()
    notices: list[object] = []
    window.view.context.changed.connect(notices.append)
    assert page.auto_assign()
    after = store.assignments()
    moved = sum(1 for a in after if sorted(after[a]) != sorted(before.get(a, [])))
    assert moved >= 3  # many pairs changed at once
    assert window.view.undo_stack.count() == steps + 1 and len(notices) == 1
    press(qtbot, window, "Ctrl+Z")
    assert store.assignments() == before
    press(qtbot, window, "Ctrl+Y")
    assert store.assignments() == after
    assert len(notices) == 3 and told == []  # one notice per action


def test_a_roster_import_undoes_and_redoes_in_one_step(qtbot, tmp_path, told):  # type: ignore[no-untyped-def]
    import xlsxwriter

    round_path = pr.build_round(tmp_path / "round.sqlite")
    listing = tmp_path / "新增联盟.xlsx"
    book = xlsxwriter.Workbook(str(listing))
    sheet = book.add_worksheet()
    for row, values in enumerate(
        [("联盟名称", "批次"), ("新联盟甲", "第三批"), ("新联盟乙", ""), ("新联盟丙", "第三批")]
    ):
        sheet.write_row(row, 0, values)
    book.close()
    window = open_round(qtbot, round_path)
    store = window.view.store
    before = store.alliances()
    page = window.view.tab_by_name["setup"].show_page("roster")
    page.import_roster(listing)  # what the Import button does once a file is chosen
    settle(qtbot)
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.import_button.click()
    settle(qtbot)  # written in a worker
    imported = store.alliances()
    assert [a.name for a in imported[-3:]] == ["新联盟甲", "新联盟乙", "新联盟丙"]
    press(qtbot, window, "Ctrl+Z")
    assert store.alliances() == before
    press(qtbot, window, "Ctrl+Shift+Z")  # the other way to redo
    assert store.alliances() == imported  # the same rows, the same identifiers
    assert told == []


def test_a_scoring_workbook_import_undoes_and_redoes_in_one_step(  # type: ignore[no-untyped-def]
    qtbot, demo_round, tmp_path, monkeypatch
):
    from alliance_review.gui.reviewer.dialogs import ImportPreviewDialog
    from alliance_review.services.reviewer_sheet import (
        COL_NOTE,
        COL_SCORE,
        COL_UID,
        SHEET_TITLE,
        export_sheet_file,
    )

    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    sheet_path = tmp_path / "offline.xlsx"
    export_sheet_file(reviewer_file, sheet_path)
    book = openpyxl.load_workbook(sheet_path)
    sheet = book[SHEET_TITLE]
    changed_rows = []
    for row in range(4, sheet.max_row + 1):
        if sheet.cell(row, COL_UID).value and len(changed_rows) < 40:
            sheet.cell(row, COL_SCORE).value = 1
            sheet.cell(row, COL_NOTE).value = "离线填写"
            changed_rows.append(row)
    book.save(sheet_path)
    monkeypatch.setattr(ImportPreviewDialog, "open", lambda dialog: dialog.accept())
    asked: list[str] = []  # two alliances complete: the window offers to mark them done
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.No,
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(reviewer_file)
    ws = window.view
    before = dict(ws.session.scores)
    ws.import_workbook(sheet_path)
    settle(qtbot)
    imported = dict(ws.session.scores)
    touched = {uid for (uid, code), entry in imported.items() if entry != before.get((uid, code))}
    assert len(changed_rows) == 40 and len(touched) >= 2  # several alliances at once
    assert len(asked) == 1  # declined: the import alone is the one step
    assert ws.undo_stack.count() == 1
    press(qtbot, window, "Ctrl+Z")
    assert {k: v for k, v in ws.session.scores.items() if v != (None, "")} == {
        k: v for k, v in before.items() if v != (None, "")
    }
    press(qtbot, window, "Ctrl+Y")
    assert ws.session.scores == imported
    window.close_file()


def test_an_undo_the_locked_round_refuses_is_one_sentence_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, told
):
    round_path = pr.build_round(tmp_path / "round.sqlite")
    window = open_round(qtbot, round_path)
    page = window.view.tab_by_name["setup"].show_page("roster")
    assert page.add_alliance("后来加入的联盟")
    steps = window.view.undo_stack.count()
    # locked meanwhile, from elsewhere (the command line, another window)
    with RoundStore.open(round_path) as other:
        from alliance_review.services.panel import set_locked

        set_locked(other, True)
    names = [a.name for a in window.view.store.alliances()]
    press(qtbot, window, "Ctrl+Z")
    assert told == ["The round is locked as final; unlock it before changing anything."]
    assert [a.name for a in window.view.store.alliances()] == names
    assert window.view.undo_stack.count() == steps - 1  # nothing left to take back


def test_an_edit_while_another_program_holds_the_file_is_one_sentence(qtbot, tmp_path, told):  # type: ignore[no-untyped-def]
    round_path = pr.build_round(tmp_path / "round.sqlite")
    window = open_round(qtbot, round_path)
    window.view.store.conn.execute("PRAGMA busy_timeout = 50")
    page = window.view.tab_by_name["setup"].show_page("roster")
    names = [a.name for a in window.view.store.alliances()]
    other = sqlite3.connect(round_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        assert not page.add_alliance("写不进去的联盟")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert told == [
        "The file is in use by another program or window (database is locked); try again "
        "in a moment. Nothing was changed."
    ]
    assert [a.name for a in window.view.store.alliances()] == names
    assert window.view.undo_stack.count() == 0
    assert page.add_alliance("写得进去的联盟")  # and once it is free, edits work again
