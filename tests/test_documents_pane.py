"""The document pane beside the scoring form, driven as a reviewer drives it: open an
alliance's documents, turn pages, zoom, search (Ctrl+F), cite the page in view in a note,
click the citation, move with F6; hostile documents never stop the window."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

import tests.document_files as files
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage.round_store import RoundStore
from tests.documents_support import LIGHTING, TD, query, round_with_documents
from tests.gap_meter import GapMeter
from tests.gui_support import type_text
from tests.reviewer_gui import open_window, stored

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def issued(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The round with documents, and the issued file of a reviewer of TD (and of 半导体照明
    if the same reviewer has it)."""
    work = tmp_path_factory.mktemp("pane")
    round_path = round_with_documents(demo_round_master, work)
    (work / "issued").mkdir()
    paths = issue_reviewer_files(round_path, work / "issued")
    with RoundStore.open(round_path) as store:
        td = next(a.uid for a in store.alliances() if a.name == TD)
        reviewer_uid = store.assignments()[td][0]
    found = next(
        p
        for p in paths
        if reviewer_uid in sqlite3.connect(p).execute("SELECT reviewer_uid FROM meta").fetchone()
    )
    return {"round": round_path, "file": found}


@pytest.fixture
def reviewer_file(issued: dict[str, Path], tmp_path: Path) -> Path:
    target = tmp_path / issued["file"].name
    shutil.copyfile(issued["file"], target)
    return target


def select(workspace: ReviewerWorkspace, name: str) -> None:
    uid = next(a.uid for a in workspace.session.alliances if a.name == name)
    workspace.select_alliance(uid)


def show(qtbot, workspace: ReviewerWorkspace, name: str) -> None:
    select(workspace, name)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(
        lambda: bool(viewer.documents and viewer.view.sizes) or viewer.stack.currentIndex() != 0,
        timeout=20_000,
    )


def rendered(workspace: ReviewerWorkspace, page: int) -> bool:
    viewer = workspace.documents.viewer
    key = round(viewer.view.render_scale() * 100)
    return workspace.documents.renderer.cache.get((viewer.view.sha, page, key)) is not None


def test_the_alliances_documents_open_beside_the_form_and_turn_page_by_page(qtbot, reviewer_file):
    window, workspace = open_window(qtbot, reviewer_file)
    window.resize(1400, 860)
    show(qtbot, workspace, TD)
    pane = workspace.documents
    viewer = pane.viewer
    assert [viewer.tabs.tabText(i) for i in range(viewer.tabs.count())] == [
        "2015年度工作总结",
        "2016年工作计划",
    ]
    assert pane.shown() and len(viewer.view.sizes) == 50
    qtbot.waitUntil(lambda: rendered(workspace, 0), timeout=20_000)
    assert viewer.pages_label.text() == "/ 50" and viewer.page_box.value() == 1
    viewer.view.setFocus()
    QTest.keyClick(viewer.view, Qt.Key.Key_PageDown)
    QTest.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert viewer.current_page() == 2 and viewer.page_box.value() == 3
    qtbot.waitUntil(lambda: rendered(workspace, 2), timeout=20_000)
    viewer.page_box.setFocus()
    viewer.page_box.selectAll()
    type_text(viewer.page_box, "12")
    QTest.keyClick(viewer.page_box, Qt.Key.Key_Return)
    assert viewer.current_page() == 11
    QTest.keyClick(viewer.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    zoom = viewer.view.scale()
    assert not viewer.view.fit_width and viewer.current_page() == 11
    QTest.keyClick(viewer.view, Qt.Key.Key_End)
    assert viewer.current_page() == 49
    viewer.show_page(11)
    # another document and back: page and zoom as they were
    viewer.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 8, timeout=20_000)
    assert viewer.current_page() == 0
    viewer.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    assert viewer.current_page() == 11 and viewer.view.scale() == pytest.approx(zoom)
    # another alliance: its own documents (the scanned minutes, if this reviewer has them)
    names = {a.name for a in workspace.session.alliances}
    if LIGHTING in names:
        show(qtbot, workspace, LIGHTING)
        assert viewer.tabs.tabText(0) == "理事会会议纪要"
    workspace.close_file()
    # reopened: the page is remembered
    window, workspace = open_window(qtbot, reviewer_file)
    show(qtbot, workspace, TD)
    qtbot.waitUntil(lambda: len(workspace.documents.viewer.view.sizes) == 50, timeout=20_000)
    assert workspace.documents.viewer.current_page() == 11
    workspace.close_file()


def test_search_finds_every_page_and_marks_the_words(qtbot, reviewer_file):
    window, workspace = open_window(qtbot, reviewer_file)
    window.resize(1400, 860)
    show(qtbot, workspace, TD)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    viewer.view.setFocus()
    QTest.keyClick(viewer.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.search.hasFocus()  # Ctrl+F in the document searches the document
    type_text(viewer.search, "专利共享")
    QTest.keyClick(viewer.search, Qt.Key.Key_Return)
    assert len(viewer.hits) == 7 and viewer.hits_label.text() == "1 / 7"
    assert viewer.current_page() == 6  # the first hit: page 7
    qtbot.waitUntil(lambda: 6 in viewer.view.boxes, timeout=20_000)
    (box,) = viewer.view.boxes[6]
    assert 60 < box[0] < box[2] and box[1] < box[3]
    QTest.keyClick(viewer.search, Qt.Key.Key_Return)
    assert viewer.hits_label.text() == "2 / 7" and viewer.current_page() == 13
    QTest.keyClick(viewer.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.hits_label.text() == "1 / 7" and viewer.current_page() == 6
    viewer.search.selectAll()
    type_text(viewer.search, "没有这几个字")
    QTest.keyClick(viewer.search, Qt.Key.Key_Return)
    assert viewer.hits == [] and viewer.hits_label.text() in ("no hits", "无结果")
    QTest.keyClick(viewer.search, Qt.Key.Key_Escape)
    assert viewer.view.hasFocus() and viewer.search.text() == ""
    # Ctrl+F in the form still finds an alliance
    workspace.form.focus_indicator("1.1")
    QTest.keyClick(workspace.form.rows["1.1"].score_edit, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert workspace.filter.hasFocus()
    workspace.close_file()


def test_a_note_cites_the_page_in_view_and_the_citation_opens_it(qtbot, reviewer_file):
    window, workspace = open_window(qtbot, reviewer_file)
    window.resize(1400, 860)
    show(qtbot, workspace, TD)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    note = workspace.form.rows["1.1"].note_edit
    workspace.form.focus_indicator("1.1", note=True)
    type_text(note, "总结齐全")
    viewer.show_page(11)
    QTest.keyClick(note, Qt.Key.Key_C, CTRL_SHIFT)
    assert note.toPlainText() == "总结齐全〔2015年度工作总结 p.12〕"
    uid = workspace.form.uid
    assert stored(reviewer_file)[(uid, "1.1")][1] == "总结齐全〔2015年度工作总结 p.12〕"
    # the citation is one undo step of its own
    workspace.undo_stack.undo()
    assert stored(reviewer_file)[(uid, "1.1")][1] == "总结齐全"
    workspace.undo_stack.redo()
    assert stored(reviewer_file)[(uid, "1.1")][1] == "总结齐全〔2015年度工作总结 p.12〕"
    # the button cites into the note the reviewer was at, from the document side too
    viewer.show_page(2)
    QTest.mouseClick(viewer.cite_button, Qt.MouseButton.LeftButton)
    assert note.toPlainText().endswith(" 〔2015年度工作总结 p.3〕")
    # a click on the first citation shows its page
    viewer.show_page(40)
    note.setFocus()
    position = note.toPlainText().index("p.12")
    cursor = note.textCursor()
    cursor.setPosition(position)
    click = note.cursorRect(cursor).center()
    QTest.mouseClick(note.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     click + QPoint(2, 0))  # fmt: skip
    assert viewer.current_page() == 11
    # from another document, with a search running: the cited page, not the next hit
    viewer.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 8, timeout=20_000)
    viewer.search.setText("专利共享")
    viewer.run_search()
    note.setFocus()
    cursor.setPosition(position + 1)
    note.setTextCursor(cursor)
    QTest.mouseClick(note.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     note.cursorRect(cursor).center())  # fmt: skip
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    assert viewer.current_page() == 11 and len(viewer.hits) == 7
    workspace.close_file()


def test_f6_moves_between_the_field_and_the_document(qtbot, reviewer_file):
    window, workspace = open_window(qtbot, reviewer_file)
    window.resize(1400, 860)
    show(qtbot, workspace, TD)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    workspace.form.focus_indicator("1.2")
    score = workspace.form.rows["1.2"].score_edit
    QTest.keyClick(score, Qt.Key.Key_F6)
    assert viewer.view.hasFocus()
    QTest.keyClick(viewer.view, Qt.Key.Key_F6)
    assert score.hasFocus()
    # Ctrl+Shift+D hides the pane; F6 brings it back with the focus
    QTest.keyClick(score, Qt.Key.Key_D, CTRL_SHIFT)
    assert not workspace.documents.shown()
    QTest.keyClick(score, Qt.Key.Key_F6)
    assert workspace.documents.shown() and viewer.view.hasFocus()
    workspace.close_file()


def _replace_document(reviewer_file: Path, title: str, content: bytes, keep_hash: bool) -> None:
    """What a crafted reviewer file could hold: another content under a document's row."""
    with closing(sqlite3.connect(reviewer_file)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        old = conn.execute("SELECT sha256 FROM document WHERE title = ?", (title,)).fetchone()[0]
        sha = old if keep_hash else hashlib.sha256(content).hexdigest()
        conn.execute(
            "UPDATE document_blob SET sha256 = ?, size = ?, content = ? WHERE sha256 = ?",
            (sha, len(content), content, old),
        )
        conn.execute(
            "UPDATE document SET sha256 = ?, view_sha256 = ?, pages = 1 WHERE title = ?",
            (sha, sha, title),
        )
        conn.execute("UPDATE document_page SET sha256 = ? WHERE sha256 = ?", (sha, old))
        conn.commit()


def test_a_hostile_document_never_stops_the_window(qtbot, reviewer_file, tmp_path):
    bomb = files.time_bomb_pdf(tmp_path / "bomb.pdf").read_bytes()
    _replace_document(reviewer_file, "2016年工作计划", bomb, keep_hash=False)
    malformed = files.malformed_pdf(tmp_path / "bad.pdf").read_bytes()
    _replace_document(reviewer_file, "2015年度工作总结", malformed, keep_hash=False)
    window, workspace = open_window(qtbot, reviewer_file)
    window.resize(1400, 860)
    viewer = workspace.documents.viewer
    with GapMeter() as meter:
        select(workspace, TD)
        qtbot.waitUntil(lambda: viewer.stack.currentIndex() == 0
                        and viewer.message.text() not in ("", "Opening…", "正在打开…"),
                        timeout=20_000)  # fmt: skip
        assert "PDF" in viewer.message.text()  # damaged: one sentence, no traceback
        viewer.tabs.setCurrentIndex(1)  # the page that never finishes drawing
        qtbot.waitUntil(lambda: 0 in viewer.view.messages, timeout=30_000)
        assert viewer.view.messages[0]
        # meanwhile the reviewer scores on
        workspace.form.focus_indicator("1.1")
        type_text(workspace.form.rows["1.1"].score_edit, "3")
        qtbot.waitUntil(
            lambda: stored(reviewer_file).get((workspace.form.uid, "1.1"), (0,))[0] == 300
        )
    assert not meter.ours(), meter.report()
    workspace.close_file()


def test_a_document_altered_in_the_file_is_not_shown(qtbot, reviewer_file, tmp_path):
    other = files.reportlab_pdf(tmp_path / "other.pdf", pages=2).read_bytes()
    _replace_document(reviewer_file, "2016年工作计划", other, keep_hash=True)
    window, workspace = open_window(qtbot, reviewer_file)
    show(qtbot, workspace, TD)
    viewer = workspace.documents.viewer
    viewer.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "SHA-256" in viewer.message.text(), timeout=20_000)
    assert viewer.view.sizes == []
    workspace.close_file()


def test_a_file_issued_without_its_documents_takes_them_from_the_package(qtbot, issued, tmp_path):
    from alliance_review.services.reviewer_files import issue_reviewer_files as issue_all
    from tests.gui_support import settle

    apart = tmp_path / "apart"
    apart.mkdir()
    paths = issue_all(issued["round"], apart, documents_apart=True)
    mine = next(p for p in paths if p.name == issued["file"].name)
    package = next(apart.glob(mine.stem + "-*.zip"))
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    package = package.rename(elsewhere / package.name)  # not beside the file
    _window, workspace = open_window(qtbot, mine)
    select(workspace, TD)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(lambda: not viewer.message_action.isHidden(), timeout=20_000)
    assert "package" in viewer.message.text() or "佐证材料" in viewer.message.text()
    workspace.documents.take_documents(package)
    settle(qtbot)
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    with closing(sqlite3.connect(mine)) as conn:
        carried = conn.execute(
            "SELECT count(*) FROM document_blob WHERE content IS NOT NULL"
        ).fetchone()[0]
    assert carried > 0
    workspace.close_file()


def test_a_submitted_copy_shows_the_documents_of_the_working_file_beside_it(qtbot, reviewer_file):
    from alliance_review.services.reviewer_workflow import submit

    sent = submit(reviewer_file)  # beside the working file, as the app names it
    _window, workspace = open_window(qtbot, sent.path)
    assert workspace.read_only
    show(qtbot, workspace, TD)
    viewer = workspace.documents.viewer
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    assert not workspace.actions_by_name["cite_page"].isEnabled()
    assert viewer.cite_button.isHidden()
    workspace.close_file()


def test_a_file_open_in_another_window_shows_its_documents_read_only(
    qtbot, reviewer_file, monkeypatch
):
    """The one-window-per-file lock: the second window opens the file read-only, and its
    pane still shows the documents the file carries (read from the file on the renderer's
    own connection), offering neither citing nor taking documents; the file is unchanged."""
    from PySide6.QtWidgets import QMessageBox

    from alliance_review.gui.reviewer.file_lock import LockedBanner

    def open_read_only(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if "只读" in b.text() or "read-only" in b.text()).click()
        return 0

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", open_read_only)
    first, editing = open_window(qtbot, reviewer_file)
    assert not editing.read_only
    before = hashlib.sha256(reviewer_file.read_bytes()).hexdigest()
    second, looking = open_window(qtbot, reviewer_file)
    assert len(asked) == 1 and looking.read_only and isinstance(looking.banner, LockedBanner)
    # what the window read into memory: every row, none of the documents' contents
    memory = looking.session.store.conn

    def rows_in_memory(sql: str) -> list[tuple]:
        return memory.execute(sql).fetchall()

    left_out = "SELECT sha256 FROM document_blob WHERE content IS NULL ORDER BY 1"
    assert rows_in_memory(left_out) == query(
        reviewer_file, "SELECT sha256 FROM document_blob ORDER BY 1"
    )
    pages = "SELECT sha256, page, text FROM document_page ORDER BY 1, 2"
    assert rows_in_memory(pages) == query(reviewer_file, pages)
    ((carried,),) = query(reviewer_file, "SELECT sum(size) FROM document_blob")
    ((page_count,),) = rows_in_memory("PRAGMA page_count")
    ((page_size,),) = rows_in_memory("PRAGMA page_size")
    assert carried > 100_000 and page_count * page_size < reviewer_file.stat().st_size - carried
    second.resize(1400, 860)
    show(qtbot, looking, TD)
    viewer = looking.documents.viewer
    qtbot.waitUntil(lambda: len(viewer.view.sizes) == 50, timeout=20_000)
    qtbot.waitUntil(lambda: rendered(looking, 0), timeout=20_000)
    assert viewer.message_action.isHidden()
    assert not looking.actions_by_name["cite_page"].isEnabled()
    assert looking.documents.note_for_citing() is None
    assert viewer.cite_button.isHidden() and not editing.documents.viewer.cite_button.isHidden()
    looking.close_file()
    editing.close_file()
    assert hashlib.sha256(reviewer_file.read_bytes()).hexdigest() == before
