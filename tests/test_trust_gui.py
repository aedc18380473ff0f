"""Trust in the window: a revision that drops merged scores needs the tick box in the
merge dialog; the round's backups are listed and one is restored (and logged)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui.panel.backups_dialog import BackupsDialog
from alliance_review.services.merge import merge_into
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .gui_support import answering_yes, settle
from .panel_gui import merge_in_window, open_panel


@pytest.fixture
def round_and_files(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    round_path = pr.build_round(tmp_path / "round.sqlite", uid=f"round-gui-{tmp_path.name}")
    return round_path, pr.submitted(round_path, tmp_path)


def test_a_revision_that_drops_scores_merges_only_with_the_tick(  # type: ignore[no-untyped-def]
    qtbot, round_and_files, tmp_path: Path
):
    round_path, files = round_and_files
    merge_into(round_path, [files["r4"]])
    working = pr.working_of(files["r4"])
    mine = sorted(pr.assignment_of("r4"))
    with ReviewerStore.open(working) as file, file.atomic():
        for indicator in file.rubric().indicators():
            file.set_score(mine[0], indicator.code, None, "")
    folder = tmp_path / "second"
    folder.mkdir()
    pr.seal(working, folder / "r4-r2.sqlite")
    window, panel = open_panel(qtbot, round_path)
    dialog = merge_in_window(qtbot, panel, folder)
    model = dialog.table.model()
    text = model.index(0, 7).data()
    assert text.startswith("merges only if you confirm the removal below")
    assert "removes 18 score(s)" in text and pr.ALLIANCES[int(mine[0][1:])].name in text
    assert dialog.accept_removals.isVisible() and not dialog.accept_removals.isChecked()
    before = pr.dump(round_path)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert model.index(0, 7).data().startswith("refused")
    assert pr.dump(round_path) == before
    dialog.clear()
    dialog.add_paths([folder])
    settle(qtbot)
    dialog.accept_removals.setChecked(True)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert model.index(0, 7).data().startswith("merged")
    with RoundStore.open(round_path) as store:
        kept = {s.alliance_uid for s in store.scores() if s.reviewer_uid == "r4"}
    assert kept == set(mine[1:])


def test_backups_are_listed_and_one_is_restored(  # type: ignore[no-untyped-def]
    qtbot, round_and_files, monkeypatch: pytest.MonkeyPatch
):
    round_path, files = round_and_files
    window, panel = open_panel(qtbot, round_path)
    dialog = merge_in_window(qtbot, panel, files["r0"].parent)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    dialog.accept()
    assert panel.panel_actions["backups"] in panel.menu().actions()
    backups = panel.show_backups()
    qtbot.addWidget(backups)
    assert isinstance(backups, BackupsDialog)
    assert backups.table.rowCount() == 1 and backups.table.item(0, 0).text() == "before merging"
    asked = answering_yes(monkeypatch)
    qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the restore runs off the GUI thread
    assert asked and "backed up first" in asked[0]
    assert panel.context.store.scores() == []  # as before the merge
    assert panel.context.store.audit_entries()[-1].action == "restore"
    assert [backups.table.item(r, 0).text() for r in range(2)] == [
        "before restoring",
        "before merging",
    ]
    window.grab().save(str(Path(round_path).with_name("panel-after-restore.png")))


def test_issuing_again_into_a_folder_asks_before_replacing_reviewer_files(  # type: ignore[no-untyped-def]
    qtbot, demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from alliance_review.gui.main_window import MainWindow
    from alliance_review.gui.setup.issue_page import IssuePage

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_round)
    setup = window.view.tab_by_name["setup"]
    page = setup.show_page("issue")
    assert isinstance(page, IssuePage)
    folder = tmp_path / "issued"
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answers = [yes, no, yes]
    asked: list[str] = []

    def answer(*args):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.issue(folder)  # the demo's files went out before: those stop counting (asked)
    settle(qtbot)
    first = page.written
    assert len(first) == 14 and len(asked) == 1
    assert "stop counting" in asked[0] or "作废" in asked[0]
    before = {p: p.read_bytes() for p in first}
    assert page.issue(folder) is None  # declined: nothing written
    assert {p: p.read_bytes() for p in first} == before
    assert "14" in asked[1]
    page.issue(folder)  # confirmed: replaced, each with a new key
    settle(qtbot)
    again = page.written
    assert sorted(again) == sorted(first)
    assert all(p.read_bytes() != before[p] for p in again)
