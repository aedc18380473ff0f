"""The set-up page of documents driven as the secretary drives it: import a folder with a
preview, drop files onto an alliance, look at one, remove and undo; issue the files with
the documents apart and read their sizes."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

import tests.document_files as files
from alliance_review.gui import fit
from alliance_review.gui.documents.dialog import DocumentDialog
from alliance_review.gui.main_window import MainWindow
from tests.documents_support import FIBRE, TD, documents_folder
from tests.gui_support import settle


def open_page(qtbot, path: Path):  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path)
    tab = window.view.tab_by_name["setup"]
    return window, tab, tab.show_page("documents")


def documents_of(round_path: Path) -> list[tuple]:
    with closing(sqlite3.connect(round_path)) as conn:
        return conn.execute(
            "SELECT d.id, a.name, d.title, d.sha256 FROM document d JOIN alliance a"
            " ON a.uid = d.alliance_uid ORDER BY d.id"
        ).fetchall()


def contents_of(round_path: Path) -> dict[str, str]:
    with closing(sqlite3.connect(round_path)) as conn:
        return {
            sha: hashlib.sha256(content).hexdigest()
            for sha, content in conn.execute("SELECT sha256, content FROM document_blob")
        }


def drop_on(widget, point, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def row_of(page, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(
        r for r in range(page.alliances.rowCount()) if page.alliances.item(r, 0).text() == name
    )


def test_a_folder_is_imported_after_its_preview_and_undone(qtbot, demo_round, tmp_path):
    folder = documents_folder(tmp_path / "sent")
    (folder / "说明.txt").write_text("x", encoding="utf-8")
    window, tab, page = open_page(qtbot, demo_round)
    assert tab.steps.currentItem().text().endswith(("佐证材料", "Documents"))
    page.import_folder(folder)
    settle(qtbot)
    preview = page.preview
    assert preview is not None and preview.table.rowCount() == 5
    room = fit.room(preview)  # it asks for no more than the screen has
    assert preview.width() <= room.width() and preview.height() <= room.height()
    assert preview.maximumHeight() <= room.height()
    assert preview.add_button.isEnabled() and "4" in preview.add_button.text()
    shown = {preview.table.item(r, 0).text(): preview.table.item(r, 1).text() for r in range(5)}
    assert shown["TD联盟/2015年度工作总结.pdf"] == TD and shown["说明.txt"] == ""
    QTest.mouseClick(preview.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    added = documents_of(demo_round)
    assert len(added) == 4
    assert page.alliances.item(row_of(page, TD), 1).text() == "2"
    assert "4" in page.result.text()
    before = contents_of(demo_round)
    assert all(sha == real for sha, real in before.items())
    # undo takes them out, redo puts them back as they were
    window.view.undo_stack.undo()
    assert documents_of(demo_round) == [] and page.alliances.item(row_of(page, TD), 1).text() == "—"
    window.view.undo_stack.redo()
    assert documents_of(demo_round) == added and contents_of(demo_round) == before
    window.view.close_file()


def test_files_dropped_on_an_alliance_are_added_to_it(qtbot, demo_round, tmp_path):
    report = files.reportlab_pdf(tmp_path / "年度简报.pdf", pages=3)
    picture = files.picture(tmp_path / "首页截图.png")
    window, _tab, page = open_page(qtbot, demo_round)
    row = row_of(page, FIBRE)
    drop_on(page.alliances, page.point_of(row), [report, picture])
    settle(qtbot)
    assert [(n, t) for _, n, t, _ in documents_of(demo_round)] == [
        (FIBRE, "年度简报"),
        (FIBRE, "首页截图"),
    ]
    assert page.current_uid() is not None and page.documents.rowCount() == 2
    assert page.documents.item(1, 1).text() == "PNG" and page.documents.item(0, 2).text() == "3"
    # looking at one opens the documents window at it
    page.documents.selectRow(0)
    QTest.mouseClick(page.buttons["view"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog))
    qtbot.waitUntil(lambda: len(dialog.viewer.view.sizes) == 3, timeout=20_000)
    assert dialog.heading.text() == FIBRE
    room = fit.room(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    dialog.resize(640, 500)  # the size the secretary gives it is kept for the next time
    before = contents_of(demo_round)
    page.documents.selectRow(0)
    QTest.mouseClick(page.buttons["remove"], Qt.MouseButton.LeftButton)
    assert [t for _, _, t, _ in documents_of(demo_round)] == ["首页截图"]
    window.view.undo_stack.undo()
    assert [t for _, _, t, _ in documents_of(demo_round)] == ["年度简报", "首页截图"]
    assert contents_of(demo_round) == before
    window.view.close_file()
    assert dialog.released
    assert window.open_path(demo_round)
    page = window.view.tab_by_name["setup"].show_page("documents")
    page.alliances.selectRow(row_of(page, FIBRE))
    page.documents.selectRow(0)
    QTest.mouseClick(page.buttons["view"], Qt.MouseButton.LeftButton)
    again = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DocumentDialog) and not w.released
    )
    assert again is not dialog and (again.width(), again.height()) == (640, 500)
    window.view.close_file()


def test_a_dropped_folder_opens_the_preview(qtbot, demo_round, tmp_path):
    folder = documents_folder(tmp_path / "sent")
    window, _tab, page = open_page(qtbot, demo_round)
    drop_on(page.alliances, page.point_of(0), [folder])
    settle(qtbot)
    assert page.preview is not None and page.preview.table.rowCount() == 4
    page.preview.reject()
    assert documents_of(demo_round) == []
    window.view.close_file()


def test_issue_with_the_documents_apart_says_the_sizes(qtbot, demo_round, tmp_path, monkeypatch):
    window, tab, page = open_page(qtbot, demo_round)
    large = files.padded_pdf(tmp_path / "TD联盟-扫描版年报.pdf", 21)
    page.alliances.selectRow(row_of(page, TD))
    page.add_files([large])
    settle(qtbot)
    issue = tab.show_page("issue")
    first: list[str] = []

    def answer_yes(parent, title, text, *args):  # type: ignore[no-untyped-def]
        first.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    issue.issue(tmp_path / "mail")  # the demo's files went out before: asked, yes
    settle(qtbot)
    assert len(first) == 1 and ("stop counting" in first[0] or "作废" in first[0])
    said = issue.result.text()
    largest = max(p.stat().st_size for p in (tmp_path / "mail").glob("*.alr-review"))
    assert largest > 21 * 1024 * 1024 and f"{largest / (1024 * 1024):.1f} MB" in said
    assert "20.0 MB" in said and ("e-mail" in said or "电子邮箱" in said)
    issue.apart.setChecked(True)
    issue.issue(tmp_path / "apart")
    settle(qtbot)
    packages = sorted((tmp_path / "apart").glob("*.zip"))
    assert len(packages) == 3  # TD's three reviewers
    with zipfile.ZipFile(packages[0]) as package:
        assert any("扫描版年报" in name for name in package.namelist())
    assert all(
        p.stat().st_size < 2 * 1024 * 1024 for p in (tmp_path / "apart").glob("*.alr-review")
    )
    # issued there again: asked first, the packages named with the files; "No" keeps them
    asked: list[str] = []

    def answer_no(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    before = {p: p.read_bytes() for p in (tmp_path / "apart").iterdir()}
    assert issue.issue(tmp_path / "apart") is None
    assert len(asked) == 1 and "3" in asked[0]
    assert "document package" in asked[0] or "佐证材料包" in asked[0]
    assert {p: p.read_bytes() for p in (tmp_path / "apart").iterdir()} == before
    window.view.close_file()


def test_a_locked_round_shows_its_documents_but_takes_none(qtbot, demo_round, tmp_path):
    from tests.conftest import run_cli

    folder = documents_folder(tmp_path / "sent")
    assert run_cli("documents", demo_round, "import", folder).returncode == 0
    assert run_cli("lock", demo_round).returncode == 0
    window, _tab, page = open_page(qtbot, demo_round)
    page.alliances.selectRow(row_of(page, TD))
    assert page.documents.rowCount() == 2
    assert not page.buttons["add"].isEnabled() and not page.buttons["remove"].isEnabled()
    assert not page.buttons["import"].isEnabled() and page.buttons["view"].isEnabled()
    window.view.close_file()


def test_the_page_says_what_a_self_evaluation_names_and_has_not_arrived(
    qtbot, round_docs, tmp_path
):
    import openpyxl

    from alliance_review.services.selfeval_attachments import SHEET
    from tests.conftest import run_cli

    out = tmp_path / "out"
    assert run_cli("selfeval-out", round_docs, out).returncode == 0
    workbook = next(p for p in out.glob("*.xlsx") if "TD" in p.name)
    book = openpyxl.load_workbook(workbook)
    for row, name in enumerate(("2015年度工作总结", "2016年工作计划", "联盟章程"), start=4):
        book[SHEET].cell(row, 2).value = name
    book.save(workbook)
    window, tab, page = open_page(qtbot, round_docs)
    row = row_of(page, TD)
    assert page.alliances.item(row, 3).text() == ""  # nothing named yet
    # imported in the window (the self-evaluation page): the documents page follows
    imports = tab.show_page("selfeval")
    imports.import_files([workbook])
    settle(qtbot)
    assert imports.preview is not None
    imports.preview.accept()
    settle(qtbot)
    page = tab.show_page("documents")
    assert page.alliances.horizontalHeaderItem(3).text() in ("附件清单", "Listed")
    assert page.alliances.item(row, 3).text() == "2/3"
    assert page.alliances.item(row, 3).background().color().name() == "#fff3cd"
    assert page.alliances.item(row_of(page, FIBRE), 3).text() == ""
    page.alliances.selectRow(row)
    assert "联盟章程" in page.named.text() and "2015" not in page.named.text()
    # the statute arrives in a folder of its own: the preview says why it is TD's
    sent = tmp_path / "later"
    sent.mkdir()
    files.reportlab_pdf(sent / "联盟章程.pdf", pages=1, title="联盟章程")
    page.import_folder(sent)
    settle(qtbot)
    preview = page.preview
    assert preview is not None and preview.table.rowCount() == 1
    assert TD in preview.table.item(0, 1).text() and "自评价表" in preview.table.item(0, 1).text()
    QTest.mouseClick(preview.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.alliances.item(row_of(page, TD), 3).text() == "3/3"
    page.alliances.selectRow(row_of(page, TD))
    assert "3" in page.named.text() and "联盟章程" not in page.named.text()
    # undoing the statute, then the import: nothing named again
    window.view.undo_stack.undo()
    assert page.alliances.item(row_of(page, TD), 3).text() == "2/3"
    window.view.undo_stack.undo()
    assert page.alliances.item(row_of(page, TD), 3).text() == ""
    with closing(sqlite3.connect(round_docs)) as conn:
        assert conn.execute("SELECT count(*) FROM selfeval_attachment").fetchone() == (0,)
    window.view.close_file()
