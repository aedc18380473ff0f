"""The register in the window (issue 17), driven by clicks and typing: the roster page's
Rename…, Withdraw…, Reinstate, Batches… and History…, each one undo step; this year's
list imported into next year's round as four groups applied in one undo step (with
screenshots of the preview at 1024x700 in both languages); and the New round dialog
from last year's round and this year's list."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
)

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.services.setup import new_round
from alliance_review.storage.round_store import RoundStore
from tests.gui_support import settle, type_text

from .conftest import DATA, run_cli

UPDATE = DATA / "office" / "register" / "update-2016-libreoffice.xlsx"
TD = "TD 产业技术创新战略联盟"
SHOTS = Path(os.environ.get("ALLIANCE_REVIEW_SCREENSHOTS", Path(__file__).parent / "screenshots"))


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_roster(qtbot, path: Path):
    i18n.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    assert window.open_path(path)
    tab = window.view.tab_by_name["setup"]
    window.view.tabs.setCurrentWidget(tab)
    return window, tab.show_page("roster")


def select(page, name: str) -> str:
    uid = next(e.alliance.uid for e in page.model.entries if e.alliance.name == name)
    page.select_uid(uid)
    assert page.selected_uid() == uid
    return uid


def editor_of(table) -> QLineEdit:
    """The line edit a table opened on a cell (the one a person types into)."""
    editors = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def type_cell(table, row: int, column: int, text: str) -> None:
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = editor_of(table)
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the typed text on the next turn


def ok_button(dialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def undo(window) -> None:
    window.action_registry["undo"].trigger()


def redo(window) -> None:
    window.action_registry["redo"].trigger()


def test_rename_withdraw_reinstate_each_one_undo_step(qtbot, demo_round, refusals):
    window, page = open_roster(qtbot, demo_round)
    store = window.view.store
    # rename: a new name, the old one kept
    select(page, TD)
    click(qtbot, page.buttons["rename"])
    dialog = page.rename_dialog
    dialog.name.selectAll()
    type_text(dialog.name, "TD-SCDMA产业技术创新战略联盟")
    click(qtbot, ok_button(dialog))
    entry = next(e for e in store.register() if e.alliance.name.startswith("TD-SCDMA"))
    assert [f.name for f in entry.former_names] == [TD]
    row = next(i for i, e in enumerate(page.model.entries) if e.alliance.uid == entry.alliance.uid)
    tip = page.model.data(page.model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert TD in tip and "曾用名" in tip
    undo(window)
    assert store.register_entry(entry.alliance.uid).alliance.name == TD
    assert store.register_entry(entry.alliance.uid).former_names == ()
    # a scored alliance cannot be withdrawn: one sentence, nothing changed
    select(page, TD)
    click(qtbot, page.buttons["withdraw"])
    click(qtbot, ok_button(page.withdraw_dialog))
    assert refusals and "已有" in refusals[-1] and "评分" in refusals[-1]
    # a pilot that did not take part is withdrawn: its mark cleared, the undo puts it back
    placeholder = "未参评试点联盟（虚构占位）01"
    uid = select(page, placeholder)
    assert store.participation_row(uid) is not None
    click(qtbot, page.buttons["withdraw"])
    dialog = page.withdraw_dialog
    dialog.reason.setFocus()
    type_text(dialog.reason, "主动申请退出")
    click(qtbot, ok_button(dialog))
    entry = store.register_entry(uid)
    assert entry.status is not None and entry.status.reason == "主动申请退出"
    assert uid not in {a.uid for a in store.alliances()} and store.participation_row(uid) is None
    assert page.show_all.isChecked()  # the withdrawn alliance stays in sight, greyed
    assert "退出 (2015): 主动申请退出" in page.model.part_text(entry)
    assert page.buttons["reinstate"].isEnabled() and not page.buttons["withdraw"].isEnabled()
    undo(window)
    assert store.register_entry(uid).active and store.participation_row(uid) is not None
    redo(window)
    assert not store.register_entry(uid).active
    select(page, placeholder)
    click(qtbot, page.buttons["reinstate"])
    assert store.register_entry(uid).active
    undo(window)
    assert not store.register_entry(uid).active
    # removing an alliance with scores is refused; the refusal says to withdraw it
    select(page, "半导体照明产业技术创新战略联盟")
    click(qtbot, page.buttons["remove"])
    assert "登记为退出" in refusals[-1]
    window.close_file()


def test_batches_are_edited_in_a_dialog_as_one_undo_step(qtbot, demo_round, refusals):
    window, page = open_roster(qtbot, demo_round)
    store = window.view.store
    click(qtbot, page.buttons["batches"])
    dialog = page.batches_dialog
    click(qtbot, dialog.buttons["add"])  # proposes 第四批 and opens it for typing
    row = dialog.table.rowCount() - 1
    assert dialog.table.item(row, 0).text() == "第四批"
    QTest.keyClick(editor_of(dialog.table), Qt.Key.Key_Return)
    type_cell(dialog.table, row, 1, "2016")
    # a batch with alliances cannot go: refused, nothing changed
    dialog.table.setCurrentCell(0, 0)
    click(qtbot, dialog.buttons["remove"])
    click(qtbot, ok_button(dialog))
    assert refusals and "第一批" in refusals[-1] and "不能删除" in refusals[-1]
    assert store.batch_names() == ["第一批", "第二批", "第三批"]
    click(qtbot, page.buttons["batches"])
    dialog = page.batches_dialog
    click(qtbot, dialog.buttons["add"])
    QTest.keyClick(editor_of(dialog.table), Qt.Key.Key_Return)
    type_cell(dialog.table, dialog.table.rowCount() - 1, 1, "2016")
    click(qtbot, ok_button(dialog))
    assert [(b.name, b.designated) for b in store.batches()][-1] == ("第四批", 2016)
    undo(window)
    assert store.batch_names() == ["第一批", "第二批", "第三批"]
    redo(window)
    assert store.batch_names()[-1] == "第四批"
    window.close_file()


@pytest.fixture
def next_year(demo_round: Path, tmp_path: Path) -> Path:
    """2016 made from the locked 2015 demo: it carries the 2015 results."""
    assert run_cli("lock", demo_round).returncode == 0
    return new_round(tmp_path / "2016.sqlite", "2016年度", 2016, from_round=demo_round)


def test_history_of_an_alliance_is_shown_beside_it(qtbot, next_year, refusals):
    window, page = open_roster(qtbot, next_year)
    select(page, TD)
    click(qtbot, page.buttons["history"])
    dialog = page.history_dialog
    assert dialog.table.rowCount() == 2  # 2015 carried, 2016 this round
    assert [dialog.table.item(0, c).text() for c in range(4)] == ["2015", "100", "活跃度高", "1"]
    assert dialog.table.item(1, 1).text().startswith("未评分")
    assert "2015: 100 活跃度高" in dialog.chart.accessibleDescription()
    dialog.reject()
    window.close_file()


def shoot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_this_year_s_list_updates_next_year_s_round_in_one_undo_step(
    qtbot, next_year, refusals, monkeypatch, language
):
    window, page = open_roster(qtbot, next_year)
    i18n.set_language(language)
    store = window.view.store
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(UPDATE), ""))
    click(qtbot, page.buttons["import"])
    settle(qtbot)
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    groups = dialog.groups
    counts = {name: groups.groups[name].childCount() for name in groups.GROUPS}
    assert counts == {"changed": 2, "new": 2, "missing": 24, "withdrawing": 1, "unchanged": 119}
    # a full list: the pilots missing from it are ticked; those with scores cannot be
    # withdrawn (a new round has none: all can)
    assert len(groups.ticked("missing")) == 24
    changed = groups.groups["changed"].child(0)
    assert TD in changed.text(0) and "TD产业技术创新战略联盟" in changed.text(1)
    # the secretary keeps one missing pilot: unticked
    keep = groups.groups["missing"].child(0)
    keep.setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.import_button.text() in ("应用 28 项变动", "Apply 28 change(s)")
    dialog.resize(1024, 700)
    shown = shoot(dialog, f"register-update-preview-{language}.png")
    assert shown.stat().st_size > 0
    dialog.tabs.setCurrentIndex(1)
    shoot(dialog, f"register-update-rows-{language}.png")
    before = len(store.alliances())
    click(qtbot, dialog.import_button)
    settle(qtbot)  # written in a worker
    assert refusals == []
    assert len(store.alliances()) == before - 23 - 1 + 2
    assert store.batch_names()[-1] == "第四批"
    undo(window)  # the whole import in one step
    assert len(store.alliances()) == before and store.batch_names()[-1] == "第三批"
    assert not any(e.former_names for e in store.register())
    redo(window)
    assert len(store.alliances()) == before - 22 and store.batch_names()[-1] == "第四批"
    i18n.set_language("zh_CN")
    window.close_file()


def test_the_new_round_dialog_carries_last_year_and_shows_it_before_creating(
    qtbot, demo_round, tmp_path, refusals, monkeypatch
):
    assert run_cli("lock", demo_round).returncode == 0
    i18n.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.action_registry["new_round"].trigger()
    dialog = window.new_round_dialog
    answers = iter([(str(demo_round), ""), (str(UPDATE), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: next(answers))
    out = tmp_path / "2016.alr-round"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    click(qtbot, dialog.from_round.button)
    settle(qtbot)
    qtbot.waitUntil(lambda: "继承" in dialog.carried.text())
    assert "评审专家 14 位" in dialog.carried.text()
    assert "不继承：评审分配、评分" in dialog.carried.text()
    click(qtbot, dialog.roster.button)
    settle(qtbot)
    qtbot.waitUntil(lambda: "本年度名单" in dialog.carried.text())
    assert "有变动 2 家，新增 2 家" in dialog.carried.text()
    dialog.year.selectAll()
    QTest.keyClicks(dialog.year, "2016")
    dialog.title.selectAll()
    type_text(dialog.title, "2016年度联盟活跃度评价")
    click(qtbot, dialog.out_button)
    click(qtbot, dialog.create_button)
    settle(qtbot)
    assert refusals == []
    qtbot.waitUntil(lambda: window.view is not None and window.view.path == out)
    with RoundStore.open(out) as store:
        assert store.settings().year == 2016 and len(store.reviewers()) == 14
        assert [r.year for r in store.history_rounds()] == [2015]
        assert len(store.alliances()) == 146 - 25 + 2
    window.close_file()
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_register_dialogs_name_every_input_and_show_every_word(
    qtbot, next_year, refusals, monkeypatch, language
):
    from tests.accessibility_support import unnamed
    from tests.layout_check import clipped

    window, page = open_roster(qtbot, next_year)
    i18n.set_language(language)
    problems = unnamed(window, "roster page") + clipped(window)
    select(page, TD)
    for name in ("rename", "withdraw", "batches", "history"):
        click(qtbot, page.buttons[name])
        dialog = getattr(page, f"{name}_dialog")
        qtbot.waitUntil(dialog.isVisible)
        problems += unnamed(dialog, name) + clipped(dialog)
        dialog.reject()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(UPDATE), ""))
    click(qtbot, page.buttons["import"])
    settle(qtbot)
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.resize(1024, 700)
    problems += unnamed(dialog, "import") + clipped(dialog)
    dialog.reject()
    assert problems == [], "\n".join(problems)
    i18n.set_language("zh_CN")
    window.close_file()
