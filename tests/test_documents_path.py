"""The whole path of a citation: documents imported, files issued, a reviewer cites a page
in the window, submits, the panel merges, and the drill-down opens the cited page."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextBrowser

from alliance_review.gui import i18n
from alliance_review.gui.documents.dialog import DocumentDialog
from alliance_review.gui.main_window import MainWindow
from alliance_review.services import documents as service
from alliance_review.services.demo import build_demo
from alliance_review.services.merge import MERGED, merge_into
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage.round_store import RoundStore
from tests.documents_support import TD, documents_folder
from tests.gui_support import settle, type_text
from tests.reviewer_gui import Dialogs, open_window


def click_link(browser: QTextBrowser, href_part: str) -> None:
    """Click the first link of ``browser`` whose target contains ``href_part``."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if href_part in fragment.charFormat().anchorHref():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                point = browser.cursorRect(cursor).center()
                QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier, point)  # fmt: skip
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href_part}")


def test_a_cited_page_travels_from_the_reviewer_to_the_panel(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    round_path = build_demo(tmp_path / "round.alr-round", reviewer_files=tmp_path / "unused")
    with RoundStore.open(round_path) as store:
        plan = service.plan_import(store, documents_folder(tmp_path / "sent"))
        td = next(a.uid for a in store.alliances() if a.name == TD)
        reviewer_uid = store.assignments()[td][0]
    assert not service.import_folder(round_path, plan).refused
    (tmp_path / "issued").mkdir()
    issued = issue_reviewer_files(round_path, tmp_path / "issued")
    reviewer_file = next(p for p in issued if _reviewer_of(p) == reviewer_uid)

    # the reviewer: scores 1.2 below full marks, citing page 12 of the work summary
    dialogs = Dialogs(monkeypatch)
    window, workspace = open_window(qtbot, reviewer_file)
    window.resize(1400, 860)
    workspace.select_alliance(td)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    workspace.form.focus_indicator("1.2")
    type_text(workspace.form.rows["1.2"].score_edit, "4")
    workspace.form.focus_indicator("1.2", note=True)
    type_text(workspace.form.rows["1.2"].note_edit, "理事会只开了两次")
    viewer.show_page(11)
    workspace.documents.cite()
    note = workspace.form.rows["1.2"].note_edit.toPlainText()
    assert note == "理事会只开了两次〔2015年度工作总结 p.12〕"
    sent = workspace.submit()
    assert sent is not None and sent.exists() and dialogs.questions  # "not all done: submit?"
    workspace.close_file()
    window.close()

    # the panel: merges, opens TD, and the citation opens the page
    (report,) = merge_into(round_path, [sent])
    assert report.outcome == MERGED, report.detail("zh")
    i18n.set_language("en")
    round_window = MainWindow()
    qtbot.addWidget(round_window)
    round_window.resize(1280, 800)
    round_window.show()
    assert round_window.open_path(round_path)
    panel = round_window.view.tab_by_name["panel"]
    round_window.view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    panel.open_alliance(td)
    settle(qtbot)
    drilldown = panel.drilldown
    drilldown.table.selectRow(1)  # 1.2
    assert "〔2015年度工作总结 p.12〕" in drilldown.side.toPlainText()
    assert "Cites: 〔2015年度工作总结 p.12〕" in drilldown.side.toPlainText()
    document_id = drilldown.documents[0].id
    click_link(drilldown.side, f"document:{document_id}:12")
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog))
    assert dialog.isVisible() and dialog.heading.text() == TD
    qtbot.waitUntil(lambda: len(dialog.viewer.view.sizes) == 50, timeout=20_000)
    assert dialog.viewer.current_page() == 11 and dialog.viewer.document.title == "2015年度工作总结"
    key = round(dialog.viewer.view.render_scale() * 100)
    qtbot.waitUntil(
        lambda: dialog.renderer.cache.get((dialog.viewer.view.sha, 11, key)) is not None,
        timeout=20_000,
    )
    round_window.view.close_file()
    assert dialog.released


def _reviewer_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT reviewer_uid FROM meta").fetchone()[0])
