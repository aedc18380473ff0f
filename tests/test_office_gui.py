"""The set-up pages driven by clicks (issue 11): the roster page's Import… button opens the
preview of a real office file and imports it; the reviewers page imports a list; every
button of every set-up page can be clicked without an error reaching the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QPushButton

from alliance_review.services.setup import new_round
from alliance_review.storage.round_store import RoundStore
from tests.gui_support import open_setup, settle

from .conftest import DATA

OFFICE = DATA / "office"


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """Every message box the pages show (text), instead of showing it."""
    said: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: said.append(str(a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return said


@pytest.fixture
def empty_round(tmp_path: Path) -> Path:
    return new_round(tmp_path / "2016.sqlite", "2016年度联盟活跃度评价", 2016)


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_roster_import_button_previews_an_office_file_then_imports_it(
    qtbot, empty_round, shown, monkeypatch
):
    window, tab = open_setup(qtbot, empty_round)
    page = tab.show_page("roster")
    chosen = OFFICE / "issue-2016-libreoffice.xls"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    click(qtbot, page.buttons["import"])
    settle(qtbot)
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert shown == []
    # the title rows are not the header: row 3 is, and the preview lists the 130 rows
    assert "3" in dialog.found.text()
    assert dialog.preview.rowCount() == 130
    assert dialog.combos["name"].currentData() == 1 and dialog.combos["batch"].currentData() == 2
    texts = dialog.problem_texts()
    assert sum("第四批" in t for t in texts) == 3 and sum("重复" in t for t in texts) == 1
    assert "129" in dialog.notes.text() and "130" in dialog.notes.text()
    assert window.view.store.alliances() == []  # a preview writes nothing
    click(qtbot, dialog.import_button)
    settle(qtbot)  # written in a worker
    alliances = window.view.store.alliances()
    assert len(alliances) == 129  # the duplicate left out; 第四批 added as a batch
    assert [a.batch for a in alliances[:31]] == ["第一批"] * 31
    assert [a.batch for a in alliances[-3:]] == ["第四批"] * 3
    window.action_registry["undo"].trigger()
    assert window.view.store.alliances() == []


def test_the_reviewers_page_imports_a_list_with_its_own_alliances(
    qtbot, demo_round, shown, monkeypatch, tmp_path
):
    with RoundStore.open(demo_round) as store:
        store.conn.execute("DELETE FROM score")
        first = store.alliances()[0]
        count = len(store.reviewers())
    source = tmp_path / "专家.csv"
    source.write_text(f"评审专家名单\n姓名,所在联盟\n钱　七,{first.name}\n孙八,没有的联盟\n", "gbk")
    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("reviewers")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    click(qtbot, page.buttons["import"])
    settle(qtbot)
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    texts = dialog.problem_texts()
    assert "统一写法" in texts[0] and "不在本轮次的联盟名单中" in texts[1]
    click(qtbot, dialog.import_button)
    reviewers = {r.name: r for r in window.view.store.reviewers()}
    assert len(reviewers) == count + 1 and reviewers["钱七"].own_alliances == {first.uid}
    window.action_registry["undo"].trigger()
    assert len(window.view.store.reviewers()) == count


def test_every_button_of_the_set_up_pages_can_be_clicked(
    qtbot, demo_round, shown, monkeypatch, tmp_path
):
    with RoundStore.open(demo_round) as store:
        store.conn.execute("DELETE FROM score")
    out = tmp_path / "out"
    out.mkdir()
    saves = iter(str(out / f"saved-{n}") for n in range(100))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(saves) + ".xlsx", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(OFFICE / "roster-gbk.csv"), "")
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    window, tab = open_setup(qtbot, demo_round)
    clicked = []
    for name, page in tab.pages.items():
        tab.show_page(name)
        if hasattr(page, "table") and page.table.model() is not None:
            page.table.selectRow(1)
        for button in page.findChildren(QPushButton):
            if not (button.isVisibleTo(page) and button.isEnabled()):
                continue
            click(qtbot, button)
            clicked.append(f"{name}: {button.text()}")
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
    assert len(clicked) >= 20, clicked
    for text in shown:  # refusals are single sentences, never a traceback
        assert "Traceback" not in text and "Error" not in text
    # the exports that went through a save dialog are complete files
    for path in out.glob("saved-*"):
        assert path.stat().st_size > 0


def test_the_roster_export_never_writes_over_the_round(qtbot, demo_round, shown, monkeypatch):
    """Choosing the open round file itself in the save dialog: one sentence, the round
    exactly as it was (it used to be replaced by a workbook)."""
    from .panel_rounds import dump

    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("roster")
    before = dump(demo_round, skip=())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(demo_round), ""))
    click(qtbot, page.buttons["export"])
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)  # the export runs in a worker
    assert len(shown) == 1 and ("不能覆盖输入" in shown[0] or "never replaces" in shown[0])
    assert dump(demo_round, skip=()) == before
    assert len(window.view.store.alliances()) == len(before["alliance"])
