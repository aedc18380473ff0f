"""Continuing after a submission always works, or says before any work starts why not.

The submitted copy carries no signing key (by design), so a file continued from it could
never be submitted: the reviewer learned it at submit time, after the work. Now the key is
kept in the user's data folder (mode 0600, by round and reviewer) when the issued file is
worked in or submitted, so any copy on that computer can be continued, submitted as the
next revision and merged; where the key is not kept, the banner says so and offers only
what works.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.services.reviewer_workflow import submit
from alliance_review.storage import reviewer_keys
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.conftest import run_cli
from tests.reviewer_gui import open_window, type_text
from tests.reviewer_support import issue_one


@pytest.fixture
def reviewer_file(demo_round: Path, tmp_path: Path) -> Path:
    return issue_one(demo_round, tmp_path / "issued")


@pytest.fixture
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own (the kept keys of other tests are not ours)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(folder))
    return folder


def round_scores(round_path: Path, reviewer_uid: str) -> dict[tuple[str, str], int | None]:
    import sqlite3

    conn = sqlite3.connect(round_path)
    try:
        return {
            (a, c): p
            for a, c, p in conn.execute(
                "SELECT alliance_uid, indicator_code, points_centi FROM score"
                " WHERE reviewer_uid = ?",
                (reviewer_uid,),
            )
        }
    finally:
        conn.close()


def test_submit_open_the_copy_continue_score_submit_the_next_revision_and_merge(
    qtbot,
    demo_round: Path,
    reviewer_file: Path,
    tmp_path: Path,
    own_data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    with ReviewerStore.open(reviewer_file) as store:
        meta = store.meta()
        uid = store.alliances()[0].uid
        store.set_score(uid, "1.1", Fraction(4), "有总结")
    first = submit(reviewer_file)
    # the key is kept, readable by its owner only
    kept = reviewer_keys.key_path(meta.round_uid, meta.reviewer_uid)
    assert kept is not None and kept.is_file()
    if sys.platform != "win32":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    # the copy travels alone (mailed to oneself, a USB stick): no working file beside it
    away = tmp_path / "away"
    away.mkdir()
    copy = away / first.path.name
    shutil.copyfile(first.path, copy)

    window, ws = open_window(qtbot, copy)
    assert ws.read_only and ws.banner is not None
    assert ws.banner.continue_button.isVisibleTo(window)
    target = away / "续评.alr-review"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(ws.banner.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not ws)
    again = window.view
    assert isinstance(again, ReviewerWorkspace) and again.path == target and not again.read_only
    assert again.session.store.can_sign()
    # score as a reviewer does: type, leave the field
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    again.select_alliance(uid)
    edit = again.form.rows["1.3"].score_edit
    again.form.focus_indicator("1.3")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    type_text(edit, "2")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    # submit revision 2 from the window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    sent = again.submit()
    assert sent is not None and sent.exists()
    with ReviewerStore.open_sealed(sent) as store:
        assert store.meta().revision == first.revision + 1
    window.close_file()

    # both revisions merge into the round, the second replacing the first (the demo round
    # holds a full revision 1 of this reviewer: these files score one alliance)
    done = run_cli("merge", demo_round, first.path, "--accept-removals")
    assert done.returncode == 0, done.stderr
    done = run_cli("merge", demo_round, sent)
    assert done.returncode == 0, done.stderr
    scores = round_scores(demo_round, meta.reviewer_uid)
    assert scores[(uid, "1.1")] == 400 and scores[(uid, "1.3")] == 200


def test_where_the_key_is_not_kept_the_banner_says_so_before_any_work(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # issued and submitted on the reviewer's own computer ...
    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(tmp_path / "their-computer"))
    first = submit(reviewer_file)
    # ... the copy opened on another one, alone and beside the working file
    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(tmp_path / "another-computer"))
    away = tmp_path / "away"
    away.mkdir()
    alone = away / first.path.name
    shutil.copyfile(first.path, alone)
    window, ws = open_window(qtbot, alone)
    banner = ws.banner
    assert banner is not None and not banner.continue_button.isVisibleTo(window)
    assert not banner.open_working.isVisibleTo(window)
    assert "无法提交" in banner.text.text() and "联络组" in banner.text.text()
    window.close_file()
    window, ws = open_window(qtbot, first.path)  # beside the working file
    banner = ws.banner
    assert banner is not None and banner.open_working.isVisibleTo(window)
    assert not banner.continue_button.isVisibleTo(window)
    assert "打开您的评分文件" in banner.text.text() and "无法提交" in banner.text.text()
    window.close_file()
    assert not os.listdir(tmp_path / "another-computer" / "keys" / "reviewers")


def test_opening_a_submitted_copy_leaves_nothing_beside_the_working_file(
    qtbot, reviewer_file: Path
):
    """The banner reads the working file beside the copy: it left an empty -wal and -shm
    there, and `check` then said the -wal held unsaved changes."""
    window, ws = open_window(qtbot, reviewer_file)  # worked in: the file is in WAL mode
    window.close_file()
    assert reviewer_file.read_bytes()[18:20] == b"\x02\x02"
    beside = [Path(f"{reviewer_file}{s}") for s in ("-wal", "-shm")]
    assert not any(p.exists() for p in beside)
    sent = submit(reviewer_file).path
    before = reviewer_file.read_bytes()
    window, ws = open_window(qtbot, sent)
    assert ws.banner is not None and ws.banner.working == reviewer_file
    window.close_file()
    assert not any(p.exists() for p in beside)
    assert reviewer_file.read_bytes() == before
    done = run_cli("check", reviewer_file)
    assert done.returncode == 0 and "-wal" not in done.stdout + done.stderr


def test_a_working_file_without_a_signing_key_says_so_before_any_work(
    qtbot, reviewer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Continued from a copy on a computer that does not keep the key (here: by the service
    on such a computer): the window says at once that it cannot be submitted."""
    from alliance_review.gui.reviewer.sealed import UnsignedBanner
    from alliance_review.services.reviewer_workflow import continue_from

    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(tmp_path / "their-computer"))
    sent = submit(reviewer_file).path
    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(tmp_path / "another-computer"))
    continued = continue_from(sent, tmp_path / "续评.alr-review")
    window, ws = open_window(qtbot, continued)
    assert not ws.read_only and isinstance(ws.banner, UnsignedBanner)
    assert ws.banner.isVisibleTo(window) and "不能提交" in ws.banner.text.text()
    window.close_file()
    # the issued file itself carries its key: no such banner
    window, ws = open_window(qtbot, reviewer_file)
    assert ws.banner is None
    window.close_file()
