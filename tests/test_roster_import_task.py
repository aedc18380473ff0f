"""The window's roster import is written off the GUI thread, with the progress dialog;
Cancel leaves the round file as it was (sqlite3 reads it back), and a finished import is
one undo step."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from alliance_review.services import roster_update
from alliance_review.services.setup import new_round
from tests.conftest import DATA
from tests.gui_support import open_roster_import, settle

OFFICE = DATA / "office" / "issue-2016-libreoffice.xls"  # 130 rows, one a duplicate


def on_disk(path: Path) -> tuple[int, list[str]]:
    conn = sqlite3.connect(path)
    try:
        alliances = conn.execute("SELECT count(*) FROM alliance").fetchone()[0]
        batches = [name for (name,) in conn.execute("SELECT name FROM batch ORDER BY name")]
        return alliances, batches
    finally:
        conn.close()


def progress_dialog() -> QProgressDialog | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ),
        None,
    )


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """roster_update.apply as it is, but noting its thread and, while ``hold`` is clear,
    holding the worker at its first progress report (a long import, here)."""
    real = roster_update.apply
    seen: dict[str, object] = {"threads": [], "hold": threading.Event()}
    seen["hold"].set()  # type: ignore[attr-defined]

    def apply(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        seen["threads"].append(threading.current_thread())  # type: ignore[attr-defined]

        def held(done: int, total: int) -> bool:
            assert seen["hold"].wait(30)  # type: ignore[attr-defined]
            return progress(done, total)

        return real(*args, progress=held if progress else None, **kwargs)

    monkeypatch.setattr(roster_update, "apply", apply)
    return seen


def open_import(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    round_path = new_round(tmp_path / "2016.alliance-review", "2016年度联盟活跃度评价", 2016)
    return round_path, *open_roster_import(qtbot, round_path, monkeypatch, OFFICE)


def test_the_import_is_written_in_a_worker_and_is_one_undo_step(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched
):
    round_path, window, page, dialog = open_import(qtbot, tmp_path, monkeypatch)
    before = on_disk(round_path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    (thread,) = watched["threads"]
    assert thread is not threading.main_thread()
    assert on_disk(round_path)[0] == 129  # the duplicate left out
    assert len(window.view.store.alliances()) == 129 and page.model.rowCount() == 129
    window.action_registry["undo"].trigger()  # replayed in the window
    assert on_disk(round_path) == before and page.model.rowCount() == 0
    window.action_registry["redo"].trigger()
    assert on_disk(round_path)[0] == 129


def test_cancel_in_the_progress_dialog_leaves_the_file_as_it_was(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched
):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(str(a[2])))
    round_path, window, page, dialog = open_import(qtbot, tmp_path, monkeypatch)
    before = on_disk(round_path)
    watched["hold"].clear()  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: progress_dialog() is not None, timeout=10_000)
    shown = progress_dialog()
    assert shown is not None and shown.labelText() == "正在导入联盟名单…"
    qtbot.mouseClick(shown.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    watched["hold"].set()  # type: ignore[attr-defined]
    settle(qtbot)
    assert progress_dialog() is None
    assert on_disk(round_path) == before
    assert window.view.store.alliances() == [] and page.model.rowCount() == 0
    assert not window.action_registry["undo"].isEnabled()  # nothing to take back
    assert told == []  # a cancel is no refusal
