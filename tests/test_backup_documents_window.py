"""The panel's Backups dialog with documents: it says how much the documents kept once
for all the backups take, and restoring a backup gives every document back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui import i18n
from alliance_review.storage import backup_documents, backups

from . import panel_rounds as pr
from .conftest import run_cli
from .documents_support import contents, panel_round_with_documents, query
from .gui_support import answering_yes, settle
from .panel_gui import open_panel


def test_the_backups_dialog_restores_the_documents_kept_once(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    uid = f"round-backup-window-{tmp_path.name}"
    round_path, submitted = panel_round_with_documents(tmp_path, uid, megabytes=2.0)
    held = contents(round_path)
    assert run_cli("merge", round_path, submitted["r0"]).returncode == 0  # a backup before
    removed = run_cli("documents", round_path, "remove", "联盟0号", "扫描件0")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert len(contents(round_path)) == 1
    window, panel = open_panel(qtbot, round_path)
    window.resize(1024, 700)
    dialog = panel.show_backups()
    settle(qtbot)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "before merging"
    size = int(dialog.table.item(0, 2).text().split()[0]) * 1024
    assert size < round_path.stat().st_size - 2 * 1024 * 1024  # the documents not inside
    store = backup_documents.store_of(backups.folder_of(uid))
    kept = sum(p.stat().st_size for p in store.iterdir())
    assert kept == sum(size for size, _ in held.values())
    assert dialog.documents_note.isVisible()
    assert dialog.documents_note.text() == (
        "The documents' contents are kept once for all these backups, beside them: "
        f"2 file(s), {kept / (1024 * 1024):.1f} MB."
    )
    dialog.grab().save(str(tmp_path / "backups-dialog.png"))
    asked = answering_yes(monkeypatch)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert asked and "backed up first" in asked[0]
    assert panel.context.store.scores() == []  # as before the merge
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [
        "before restoring",
        "before merging",
    ]
    i18n.set_language("zh_CN")  # and in Chinese
    try:
        chinese = panel.show_backups()
        settle(qtbot)
        assert chinese.documents_note.text() == (
            f"各备份共用同一份文档内容，保存在备份旁：2 个文件，{kept / (1024 * 1024):.1f} MB。"
        )
        chinese.grab().save(str(tmp_path / "backups-dialog-zh.png"))
        chinese.accept()
    finally:
        i18n.set_language("en")
    window.close()
    assert contents(round_path) == held  # every document back, whole
    assert query(round_path, "SELECT count(*) FROM document") == [(2,)]
    assert run_cli("check", round_path).returncode == 0


def test_a_restore_refused_in_the_window_says_why_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    uid = f"round-backup-window-refused-{tmp_path.name}"
    round_path, submitted = panel_round_with_documents(tmp_path, uid, megabytes=0.5)
    assert run_cli("merge", round_path, submitted["r0"]).returncode == 0
    for path in backup_documents.store_of(backups.folder_of(uid)).iterdir():
        path.write_bytes(path.read_bytes()[:-10] + b"0123456789")  # altered on disk
    before = pr.dump(round_path, skip=())
    window, panel = open_panel(qtbot, round_path)
    dialog = panel.show_backups()
    answering_yes(monkeypatch)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(warned) == 1 and "missing from the backups folder or altered" in warned[0]
    assert "the round was left as it was" in warned[0]
    assert dialog.restore_button.isEnabled() and dialog.table.rowCount() == 1
    window.close()
    assert pr.dump(round_path, skip=()) == before
