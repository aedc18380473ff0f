"""The reviewer file on disk: one transaction per user action, complete on its own when the
window is closed or idle, and a submitted copy opened read-only."""

from __future__ import annotations

import shutil
import sqlite3
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from alliance_review.gui.reviewer import workspace as workspace_module
from alliance_review.gui.reviewer.dialogs import ImportPreviewDialog
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.services.reviewer_sheet import (
    COL_CODE,
    COL_SCORE,
    COL_UID,
    HEADER_ROW,
    SHEET_TITLE,
    export_sheet_file,
)
from alliance_review.services.reviewer_workflow import submit
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.file_checks import digest
from tests.gui_support import settle, type_text
from tests.reviewer_gui import Dialogs, open_window, stored
from tests.reviewer_support import score_fully


def done_marks(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT alliance_uid, done FROM alliance_status"))
    finally:
        conn.close()


def refuse_done_changes(path: Path) -> None:
    """Make the file itself refuse any change of a done mark (a failing second write)."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TRIGGER refuse_done BEFORE UPDATE ON alliance_status"
        " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    conn.commit()
    conn.close()


def allow_done_changes(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER refuse_done")
    conn.commit()
    conn.close()


def done_alliance(path: Path, index: int = 0) -> str:
    """Score one alliance fully (with notes) and mark it done; its uid."""
    with ReviewerStore.open(path) as store:
        uid = store.alliances()[index].uid
        score_fully(store, uid)
        store.set_done(uid, True)
    return uid


def clear_score(qtbot, edit) -> None:
    """Select the score, delete it and confirm with Enter (a deliberate clear)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


# one transaction per action --------------------------------------------------------------


def test_a_score_and_the_done_mark_it_clears_are_written_together_or_not_at_all(
    qtbot, reviewer_file: Path, monkeypatch: pytest.MonkeyPatch
):
    dialogs = Dialogs(monkeypatch)
    uid = done_alliance(reviewer_file)
    window, ws = open_window(qtbot, reviewer_file)
    ws.select_alliance(uid)
    refuse_done_changes(reviewer_file)
    edit = ws.form.rows["2.1"].score_edit
    clear_score(qtbot, edit)  # the score cleared: the alliance is no longer done
    assert len(dialogs.warnings) == 1 and "disk I/O error" in dialogs.warnings[0]
    # the score did not reach the file without its done mark: neither did
    assert stored(reviewer_file)[(uid, "2.1")] == (800, "材料齐全")
    assert done_marks(reviewer_file)[uid] == 1
    assert uid in ws.session.done and edit.text() == "8"  # the window shows the file
    window.close_file()


def test_a_reader_mid_write_sees_the_score_and_its_done_mark_change_together(
    qtbot, reviewer_file: Path
):
    uid = done_alliance(reviewer_file)
    window, ws = open_window(qtbot, reviewer_file)
    ws.select_alliance(uid)
    seen: list[tuple[object, object]] = []

    def look_from_outside(statement: str) -> None:
        if "alliance_status" in statement and not seen:
            reader = sqlite3.connect(reviewer_file)
            score = reader.execute(
                "SELECT points_centi FROM score WHERE alliance_uid = ? AND indicator_code = '2.1'",
                (uid,),
            ).fetchone()
            done = reader.execute(
                "SELECT done FROM alliance_status WHERE alliance_uid = ?", (uid,)
            ).fetchone()
            reader.close()
            seen.append((score, done))

    ws.session.store.conn.set_trace_callback(look_from_outside)
    clear_score(qtbot, ws.form.rows["2.1"].score_edit)
    ws.session.store.conn.set_trace_callback(None)
    # while the done mark was being cleared, the file still showed the old score and mark
    assert seen == [((800,), (1,))]
    assert stored(reviewer_file)[(uid, "2.1")] == (None, "材料齐全")
    assert done_marks(reviewer_file)[uid] == 0
    window.close_file()


def test_a_workbook_import_is_one_transaction(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    dialogs = Dialogs(monkeypatch)
    with ReviewerStore.open(reviewer_file) as store:
        alliances = store.alliances()
        done_uid = alliances[1].uid
        score_fully(store, done_uid)
        store.set_done(done_uid, True)
    out = tmp_path / "sheet.xlsx"
    export_sheet_file(reviewer_file, out)
    wb = openpyxl.load_workbook(out)
    ws_sheet = wb[SHEET_TITLE]
    for row in range(HEADER_ROW + 1, ws_sheet.max_row + 1):
        uid, code = ws_sheet.cell(row, COL_UID).value, ws_sheet.cell(row, COL_CODE).value
        if uid == alliances[0].uid:
            ws_sheet.cell(row, COL_SCORE).value = 1
        if uid == done_uid and code == "3.1":
            ws_sheet.cell(row, COL_SCORE).value = None  # erased: no longer done
    wb.save(out)
    before = stored(reviewer_file)

    def erase_and_accept(dialog: ImportPreviewDialog) -> None:
        dialog.erase_box.setChecked(True)
        dialog.accept()

    monkeypatch.setattr(ImportPreviewDialog, "open", erase_and_accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window, ws = open_window(qtbot, reviewer_file)
    refuse_done_changes(reviewer_file)
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    # the last write of the import (the done mark) failed: none of its 19 changes stayed
    assert len(dialogs.warnings) == 1
    assert stored(reviewer_file) == before and done_marks(reviewer_file)[done_uid] == 1
    assert ws.undo_stack.count() == 0
    # imported; then its undo fails at the done mark: the scores stay imported as well
    allow_done_changes(reviewer_file)
    ws.actions_by_name["import_sheet"].trigger()
    settle(qtbot)
    after = stored(reviewer_file)
    assert after != before and done_marks(reviewer_file)[done_uid] == 0
    refuse_done_changes(reviewer_file)
    window.action_registry["undo"].trigger()
    assert len(dialogs.warnings) == 2
    assert stored(reviewer_file) == after and done_marks(reviewer_file)[done_uid] == 0
    window.close_file()


# the file is complete on its own ------------------------------------------------------


def file_alone(path: Path, tmp_path: Path) -> dict[tuple[str, str], tuple[int | None, str]]:
    """What a copy of the main file alone holds (as if mailed without its -wal)."""
    copy = tmp_path / "alone" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    return stored(copy)


def test_closing_the_window_leaves_every_edit_in_the_file_itself(
    qtbot, reviewer_file: Path, tmp_path: Path
):
    window, ws = open_window(qtbot, reviewer_file)
    uid = ws.form.uid
    type_text(ws.form.rows["1.1"].score_edit, "4")
    type_text(ws.form.rows["1.1"].note_edit, "总结齐全")
    wal = Path(str(reviewer_file) + "-wal")
    assert wal.exists() and file_alone(reviewer_file, tmp_path).get((uid, "1.1")) is None
    # another program has the file open (a backup tool, `check`): closing the window is then
    # not the last close, which alone would fold the -wal back in
    other = sqlite3.connect(reviewer_file)
    other.execute("SELECT count(*) FROM score").fetchone()
    try:
        window.close()
        assert file_alone(reviewer_file, tmp_path)[(uid, "1.1")] == (400, "总结齐全")
    finally:
        other.close()


def test_after_a_pause_the_file_alone_holds_every_edit(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(workspace_module, "IDLE_CHECKPOINT_MS", 200)
    window, ws = open_window(qtbot, reviewer_file)
    uid = ws.form.uid
    type_text(ws.form.rows["2.2"].score_edit, "9")
    assert file_alone(reviewer_file, tmp_path).get((uid, "2.2")) is None  # still in the -wal
    qtbot.waitUntil(lambda: file_alone(reviewer_file, tmp_path).get((uid, "2.2")) == (900, ""))
    assert Path(str(reviewer_file) + "-wal").exists()  # the window is still open
    window.close_file()


# a submitted copy -----------------------------------------------------------------------


def test_a_submitted_copy_opens_read_only_and_offers_to_continue(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with ReviewerStore.open(reviewer_file) as store:
        uid = store.alliances()[0].uid
        store.set_score(uid, "1.1", Fraction(4), "有总结")
    submission = submit(reviewer_file)
    sent = submission.path
    with ReviewerStore.open(reviewer_file) as store:
        assert store.meta().sealed_at is None  # the working file goes on unsealed
        store.set_score(uid, "1.2", Fraction(5), "")  # work after the submission
    before = digest(sent)
    window, ws = open_window(qtbot, reviewer_file.with_name(sent.name))
    assert ws.read_only and ws.banner is not None and ws.banner.isVisibleTo(window)
    text = ws.banner.text.text()
    assert str(submission.revision) in text and ("只读" in text or "read-only" in text)
    assert ws.session.meta.revision == submission.revision
    # nothing can be changed: the fields are read-only, the writing actions are off
    edit = ws.form.rows["1.1"].score_edit
    type_text(edit, "9")
    assert edit.text() == "4" and edit.isReadOnly()
    for name in ("mark_done", "import_sheet", "submit"):
        assert not ws.actions_by_name[name].isEnabled()
    assert not ws.form.done_button.isVisibleTo(ws)
    rule_rows = [r for r in ws.form.rows.values() if r.indicator.points_rule]
    assert rule_rows and not any(r.use_button.isEnabled() for r in rule_rows)
    assert ws._push(None) is False  # type: ignore[arg-type]  # nothing reaches the copy
    assert "1.2" not in {c for (_u, c) in ws.session.scores}  # the copy, not the working file

    # the working file beside it: one click opens it
    assert ws.banner.working == reviewer_file
    qtbot.mouseClick(ws.banner.open_working, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not ws)
    working = window.view
    assert isinstance(working, ReviewerWorkspace) and working.path == reviewer_file
    assert not working.read_only and working.banner is None
    window.close_file()
    assert digest(sent) == before  # the copy was never written
    for suffix in ("-wal", "-shm"):
        assert not Path(str(sent) + suffix).exists()

    # or: continue from the copy in a new working file, as the next revision
    window, ws = open_window(qtbot, sent)
    target = tmp_path / "续评.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(ws.banner.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not ws)
    again = window.view
    assert isinstance(again, ReviewerWorkspace) and again.path == target and not again.read_only
    assert again.session.scores[(uid, "1.1")] == (Fraction(4), "有总结")
    type_text(again.form.rows["1.3"].score_edit, "2")
    qtbot.keyClick(again.form.rows["1.3"].score_edit, Qt.Key.Key_Return)
    assert stored(target)[(again.form.uid, "1.3")] == (200, "")
    window.close_file()
    # the copy carries no signing key (nobody handling a submission can sign in the
    # reviewer's name); this computer kept it when the issued file was submitted, so the
    # continued file can be submitted as the next revision (issue 18)
    assert submit(target, tmp_path / "back.sqlite").revision == submission.revision + 1
    assert digest(sent) == before
