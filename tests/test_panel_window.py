"""The meeting screen in the window: merge, drill down, decide (with and without a
rationale), undo, lock, change the consensus method."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from alliance_review.gui.notice import Alliances, Change
from alliance_review.gui.panel.decision import DecisionDialog
from alliance_review.gui.panel.merge_dialog import MergeDialog
from alliance_review.gui.panel.method_dialog import MethodDialog
from alliance_review.gui.panel.tab import PanelTab
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .gui_support import settle, type_text
from .panel_gui import merge_in_window, open_drilldown, open_panel


@pytest.fixture
def round_and_files(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    round_path = pr.build_round(tmp_path / "round.sqlite")
    return round_path, pr.submitted(round_path, tmp_path)


def test_merge_files_in_the_window_with_a_preview(qtbot, round_and_files):  # type: ignore[no-untyped-def]
    round_path, files = round_and_files
    window, panel = open_panel(qtbot, round_path)
    assert panel.overview.table.model().rowCount() == 0
    assert panel.menu().menuAction() in window.menuBar().actions()  # beside the set-up menu
    dialog = merge_in_window(qtbot, panel, files["r0"].parent)
    model = dialog.table.model()
    assert model.rowCount() == 5
    assert all(model.index(r, 7).data().startswith("will merge") for r in range(5))
    assert "5 file(s): 5 ready to merge, 0 refused." == dialog.summary.text()
    with RoundStore.open(round_path) as store:
        assert store.scores() == []  # the preview wrote nothing
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert all(model.index(r, 7).data().startswith("merged") for r in range(5))
    assert not dialog.merge_button.isEnabled()
    assert panel.overview.table.model().rowCount() == 8
    # the same folder again: every file is an unchanged no-op, nothing to merge
    dialog.clear()
    dialog.add_paths([files["r0"].parent])
    settle(qtbot)
    assert all(model.index(r, 7).data().startswith("unchanged") for r in range(5))
    assert not dialog.merge_button.isEnabled()


@pytest.fixture
def merged_round(round_and_files) -> Path:  # type: ignore[no-untyped-def]
    from alliance_review.services.merge import merge_into

    round_path, files = round_and_files
    merge_into(round_path, files.values())
    return round_path


def test_drilldown_shows_the_matrix_with_notes_and_flags(qtbot, merged_round):  # type: ignore[no-untyped-def]
    _, panel = open_panel(qtbot, merged_round)
    panel.overview.needs_only.setChecked(True)
    shown = {
        panel.overview.table.model().index(r, 1).data()
        for r in range(panel.overview.table.model().rowCount())
    }
    assert "联盟5号" in shown and len(shown) == len(panel.analysis.flags)
    panel.overview.needs_only.setChecked(False)
    open_drilldown(qtbot, panel, "联盟5号")
    model = panel.drilldown.table.model()
    assert model.rowCount() == 19  # 18 indicators and the total
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    reviewers = [f"评审专家{r[1]}" for r in pr.assignment()["a5"]]
    assert headers[3:6] == reviewers
    row_22 = next(r for r in range(19) if model.index(r, 0).data().startswith("2.2"))
    assert [model.index(row_22, c).data() for c in (3, 4, 5)] == ["0", "12", "12"]
    assert model.index(row_22, 3).data(Qt.ItemDataRole.ToolTipRole) == "<p>依据 2.2</p>"
    assert model.index(row_22, 6).data() == "8" and model.index(row_22, 7).data() == "12"
    assert "2.2" in panel.drilldown.facts.text()
    panel.drilldown.table.selectRow(row_22)
    assert "依据 2.2" in panel.drilldown.side.toPlainText()


def test_a_decision_is_refused_without_rationale_recorded_with_one_and_undone(qtbot, merged_round):  # type: ignore[no-untyped-def]
    window, panel = open_panel(qtbot, merged_round)
    open_drilldown(qtbot, panel, "联盟5号")
    overview = panel.overview.table.model()
    consensus_column = 2 + panel.overview.k
    before = Fraction(overview.index(0, consensus_column).data())
    model = panel.drilldown.table.model()
    row_22 = next(r for r in range(19) if model.index(r, 0).data().startswith("2.2"))
    panel.drilldown.table.selectRow(row_22)
    qtbot.mouseClick(panel.drilldown.decide_indicator_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(DecisionDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.consensus_label.text() == "8"  # the original consensus, beside the input
    dialog.points.setValue(10)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "rationale" in dialog.error.text()
    with RoundStore.open(merged_round) as store:
        assert store.decisions() == {}
    type_text(dialog.rationale, "专家意见分歧较大，集中讨论后取 10 分")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    settle(qtbot)
    with RoundStore.open(merged_round) as store:
        assert store.decisions() == {
            ("a5", "2.2"): (Fraction(10), "专家意见分歧较大，集中讨论后取 10 分")
        }
    assert model.index(row_22, 8).data() == "10"
    # the overview's consensus total follows the decision: 8 -> 10 on indicator 2.2
    assert Fraction(overview.index(0, consensus_column).data()) == before + 2
    assert window.action_registry["undo"].isEnabled()
    window.action_registry["undo"].trigger()
    with RoundStore.open(merged_round) as store:
        assert store.decisions() == {}
    settle(qtbot)
    assert model.index(row_22, 8).data() == ""
    window.action_registry["redo"].trigger()
    with RoundStore.open(merged_round) as store:
        assert store.decisions()[("a5", "2.2")][0] == 10


def answer(qtbot, panel: PanelTab, name: str, button_text: str) -> None:  # type: ignore[no-untyped-def]
    """Click ``button_text`` in the lock/unlock question (a window-modal message box)."""
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, name) is not None)
    box = panel.findChild(QMessageBox, name)
    assert box.isVisible()
    button = next(b for b in box.buttons() if b.text() == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, name) is None)


def test_lock_refuses_merge_and_decisions_until_unlocked(qtbot, merged_round, monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window, panel = open_panel(qtbot, merged_round)
    undo_steps = window.view.undo_stack.count()
    # asked first: Cancel leaves the round as it was
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    answer(qtbot, panel, "confirm_lock", "Cancel")
    with RoundStore.open(merged_round) as store:
        assert store.settings().locked is False
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    answer(qtbot, panel, "confirm_lock", "Lock as final")
    with RoundStore.open(merged_round) as store:
        assert store.settings().locked is True
    assert not panel.panel_actions["merge"].isEnabled()
    assert "Locked" in panel.state.text()
    assert panel.decide("a4", "") is None and len(shown) == 1
    # never an undo step: Undo does not unlock the round
    assert window.view.undo_stack.count() == undo_steps
    window.action_registry["undo"].trigger()
    with RoundStore.open(merged_round) as store:
        assert store.settings().locked is True
    # unlocking is its own action, asked for too
    assert panel.lock_button.text() == "Unlock round…"
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.findChild(QLineEdit, "lock_reason") is not None)
    type_text(panel.findChild(QLineEdit, "lock_reason"), "补录一位专家的评分")  # why, typed
    answer(qtbot, panel, "confirm_unlock", "Unlock")
    with RoundStore.open(merged_round) as store:
        assert store.settings().locked is False
        logged = [e for e in store.audit_entries() if e.action in ("lock", "unlock")]
    # each its own action, recorded in the round; the unlocking with the reason typed
    assert [e.action for e in logged] == ["lock", "unlock"]
    assert "补录一位专家的评分" in logged[1].detail and "补录" not in logged[0].detail
    assert panel.panel_actions["merge"].isEnabled()
    assert window.view.undo_stack.count() == undo_steps


def test_method_change_previews_moves_then_applies_and_undoes(qtbot, merged_round):  # type: ignore[no-untyped-def]
    window, panel = open_panel(qtbot, merged_round)
    dialog = panel.change_method()
    assert isinstance(dialog, MethodDialog)
    assert not dialog.apply_button.isEnabled()
    dialog.combo.setCurrentIndex(dialog.combo.findData("median"))
    settle(qtbot)
    assert dialog.model.rowCount() > 0 and dialog.apply_button.isEnabled()
    dialog.combo.setCurrentIndex(dialog.combo.findData("trimmed_mean"))
    assert not dialog.apply_button.isEnabled()  # not before its moves are shown
    settle(qtbot)
    assert "4" in dialog.summary.text() and not dialog.apply_button.isEnabled()
    dialog.combo.setCurrentIndex(dialog.combo.findData("median"))
    settle(qtbot)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    with RoundStore.open(merged_round) as store:
        assert store.settings().consensus_method == "median"
    window.action_registry["undo"].trigger()
    with RoundStore.open(merged_round) as store:
        assert store.settings().consensus_method == "mean"


def test_reviewer_files_dropped_on_the_window_open_the_merge_dialog(qtbot, round_and_files):  # type: ignore[no-untyped-def]
    round_path, files = round_and_files
    window, panel = open_panel(qtbot, round_path)
    merge_action = panel.panel_actions["merge"]
    assert merge_action in window.file_menu.actions()  # File > Merge reviewer files
    view = window.view
    window.view.tabs.setCurrentIndex(window.view.tabs.count() - 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["r1"])), QUrl.fromLocalFile(str(files["r2"]))])
    window.dropEvent(
        QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert window.view is view  # the round stays open
    assert view.tabs.currentWidget() is panel
    settle(qtbot)
    dialog = panel.findChild(MergeDialog)
    assert dialog is not None and dialog.isVisible() and dialog.table.model().rowCount() == 2
    window.close_file()
    assert merge_action not in window.file_menu.actions()


def test_the_panel_speaks_chinese(qtbot, merged_round):  # type: ignore[no-untyped-def]
    window, panel = open_panel(qtbot, merged_round)
    window.action_registry["language_zh_CN"].trigger()
    qtbot.waitUntil(lambda: panel.pages.tabText(0) == "总览")
    assert panel.pages.tabText(0) == "总览" and panel.merge_button.text() == "合并评审专家文件…"
    header = panel.overview.table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "联盟名称"
    window.action_registry["language_en"].trigger()
    qtbot.waitUntil(lambda: panel.pages.tabText(0) == "Overview")


def test_notes_from_reviewer_files_show_as_text_not_markup(qapp):  # type: ignore[no-untyped-def]
    from alliance_review.gui.panel.records import Cell, Record, RecordsModel

    model = RecordsModel(lambda: ["note"])
    model.set_records([Record("a", [Cell("3", tooltip="<img src='x.png'> 见<b>附件</b>")])])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<p>&lt;img src=&#x27;x.png&#x27;&gt; 见&lt;b&gt;附件&lt;/b&gt;</p>"


def test_the_disagreement_threshold_is_kept_with_the_round_and_undoable(qtbot, merged_round):  # type: ignore[no-untyped-def]
    window, panel = open_panel(qtbot, merged_round)
    assert panel.overview.span.value() == 10
    flagged_at_10 = set(panel.analysis.flags)
    # typed in the spin box (applied on Enter, not per keystroke)
    panel.overview.span.lineEdit().selectAll()
    type_text(panel.overview.span.lineEdit(), "40")
    QTest.keyClick(panel.overview.span, Qt.Key.Key_Return)
    with RoundStore.open(merged_round) as store:
        assert store.settings().disagreement_span == 40
    settle(qtbot)
    assert panel.analysis.total_span == 40
    flagged_at_40 = set(panel.analysis.flags)
    assert flagged_at_40 < flagged_at_10  # fewer alliances apart by more than 40 points
    # one step of the spin box more: merged with the previous change into one undo step
    panel.overview.span.stepUp()
    with RoundStore.open(merged_round) as store:
        assert store.settings().disagreement_span == 41
    window.close()
    # reopened: the round's threshold, not the default
    window, panel = open_panel(qtbot, merged_round)
    assert panel.overview.span.value() == 41
    assert set(panel.analysis.flags) == flagged_at_40
    window.close()
    window, panel = open_panel(qtbot, merged_round)
    panel.overview.span.setValue(40)
    settle(qtbot)
    window.action_registry["undo"].trigger()
    with RoundStore.open(merged_round) as store:
        assert store.settings().disagreement_span == 41
    settle(qtbot)
    assert panel.overview.span.value() == 41
    # a locked round keeps its threshold: the spin box is disabled
    panel.toggle_lock(confirm=False)
    assert not panel.overview.span.isEnabled()


def test_the_analysis_runs_off_the_gui_thread_not_while_hidden(qtbot, merged_round, monkeypatch):  # type: ignore[no-untyped-def]
    import threading

    from alliance_review.gui.panel import tab as panel_tab

    threads: list[str] = []
    real = panel_tab.analyse_file

    def counted(*args):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(panel_tab, "analyse_file", counted)
    window, panel = open_panel(qtbot, merged_round)
    panel.refresh()
    settle(qtbot)
    shown = len(threads)
    assert shown >= 1 and threading.main_thread().name not in threads
    window.view.tabs.setCurrentWidget(window.view.tab_by_name["publish"])
    settle(qtbot)
    panel.context.announce(Change(scores=Alliances.of(["a1"])))
    panel.context.announce(Change(decisions=Alliances.of(["a2"])))
    settle(qtbot)
    assert len(threads) == shown  # hidden: only marked stale
    window.view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: len(threads) == shown + 1)
    assert panel.overview.table.model().rowCount() == 8


def test_a_decision_confirmed_twice_records_one_decision(qtbot, merged_round):  # type: ignore[no-untyped-def]
    from alliance_review.services.panel import decision_log

    window, panel = open_panel(qtbot, merged_round)
    open_drilldown(qtbot, panel, "联盟5号")
    steps = window.view.undo_stack.count()
    # a double click on "Decide total" opens one dialog, not two
    button = panel.drilldown.decide_total_button
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in panel.findChildren(DecisionDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.points.setValue(77)
    type_text(dialog.rationale, "集中讨论后确定")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseDClick(ok, Qt.MouseButton.LeftButton)  # a double click on OK
    dialog.accept()  # and a slow machine delivering the click once more
    settle(qtbot)
    with RoundStore.open(merged_round) as store:
        assert store.decisions()[("a5", "")] == (Fraction(77), "集中讨论后确定")
        log = [entry for entry in decision_log(store) if entry[0] == "a5"]
    assert [(e[1], e[2], e[5]) for e in log] == [("", Fraction(77), "set")]
    assert window.view.undo_stack.count() == steps + 1


def test_the_overview_sorts_numbers_as_numbers_and_names_as_text(qtbot, merged_round):  # type: ignore[no-untyped-def]
    _, panel = open_panel(qtbot, merged_round)
    table, model = panel.overview.table, panel.overview.table.model()
    consensus = 2 + panel.overview.k
    table.sortByColumn(consensus, Qt.SortOrder.DescendingOrder)
    totals = [Fraction(model.index(r, consensus).data()) for r in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True) and len(totals) == 8
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names == sorted(names)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # back to the rank
    ranks = [int(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert ranks == sorted(ranks)
