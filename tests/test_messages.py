"""One message helper for the window (``gui.messages``): every place that used to say "not
possible" in its own way, driven as a user, now shows the same title and one sentence."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from alliance_review.gui import i18n, messages
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.setup.rubric_page import RubricModel
from alliance_review.services.panel import set_locked
from alliance_review.storage.round_store import RoundStore
from alliance_review.system import writing
from tests.gui_support import open_in_window, settle, type_text
from tests.reviewer_support import issue_one


class Shown:
    """Stands in for the modal boxes: (kind, title, text) of every message."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.all: list[tuple[str, str, str]] = []
        for kind in ("warning", "information", "critical", "question"):
            monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind: self._record(k, a))

    def _record(self, kind: str, args: tuple[object, ...]) -> QMessageBox.StandardButton:
        self.all.append((kind, str(args[1]), str(args[2])))
        return QMessageBox.StandardButton.Yes

    def one_refusal(self) -> str:
        """The single message shown: a refusal in the one title scheme, one sentence."""
        assert len(self.all) == 1, self.all
        kind, title, text = self.all[0]
        assert kind == "warning" and title == messages.titles()["refusal"]
        assert title in ("无法完成", "Not possible")
        assert "Traceback" not in text and "\n" not in text.strip()
        assert text.rstrip().endswith(("。", ".", "）", ")")), text
        return text


@pytest.fixture
def shown(qapp, monkeypatch: pytest.MonkeyPatch) -> Shown:  # type: ignore[no-untyped-def]
    i18n.set_language("zh_CN")
    return Shown(monkeypatch)


def test_the_titles_are_translated_in_one_context(qapp):  # type: ignore[no-untyped-def]
    i18n.set_language("zh_CN")
    assert messages.titles() == {
        "refusal": "无法完成",
        "warning": "请注意",
        "question": "请确认",
        "information": "已完成",
    }
    i18n.set_language("en")
    assert messages.titles()["refusal"] == "Not possible"
    i18n.set_language("zh_CN")


def test_opening_a_file_that_is_not_one_of_ours(qtbot, shown: Shown, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Formerly ``MainWindow._refused``, titled "Cannot open the file"."""
    window = MainWindow()
    qtbot.addWidget(window)
    stranger = tmp_path / "会议纪要.alr-round"
    stranger.write_text("不是评价文件", encoding="utf-8")
    assert not window.open_path(stranger)
    assert "会议纪要.alr-round" in shown.one_refusal()


def test_an_undo_the_locked_round_refuses(qtbot, shown: Shown, demo_round: Path):  # type: ignore[no-untyped-def]
    """Formerly ``RoundContext.refuse`` (the undo idiom's host)."""
    window = open_in_window(qtbot, demo_round)
    page = window.view.tab_by_name["setup"].show_page("roster")
    assert page.add_alliance("后来加入的联盟")
    with RoundStore.open(demo_round) as other:
        set_locked(other, True)
    window.action_registry["undo"].trigger()
    assert "锁定" in shown.one_refusal()


def test_a_set_up_edit_that_is_refused(qtbot, shown: Shown, demo_round: Path):  # type: ignore[no-untyped-def]
    """Formerly ``setup.commands.refuse`` (the set-up pages' edits): a full mark typed below
    what reviewers already gave."""
    window = open_in_window(qtbot, demo_round)
    page = window.view.tab_by_name["setup"].show_page("rubric")
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2.2")
    assert not model.setData(model.index(row, RubricModel.MAX), "3", Qt.ItemDataRole.EditRole)
    assert "满分不能低于" in shown.one_refusal()


def test_exporting_the_rubric_onto_a_full_disk(  # type: ignore[no-untyped-def]
    qtbot, shown: Shown, demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Formerly ``setup.commands.refuse_write``: an OSError, named as what it is."""
    window = open_in_window(qtbot, demo_round)
    page = window.view.tab_by_name["setup"].show_page("rubric")
    out = tmp_path / "exports" / "评价指标.json"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(source))

    monkeypatch.setattr(writing.os, "replace", full)
    qtbot.mouseClick(page.buttons["export"], Qt.MouseButton.LeftButton)
    assert shown.one_refusal() == "无法读写「评价指标.json」：磁盘已满。"
    assert list(out.parent.iterdir()) == []


def test_exporting_the_rubric_into_a_folder_gone_meanwhile(  # type: ignore[no-untyped-def]
    qtbot, shown: Shown, demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A refusal that used to reach the last resort as an unexpected error."""
    window = open_in_window(qtbot, demo_round)
    page = window.view.tab_by_name["setup"].show_page("rubric")
    out = tmp_path / "removed" / "评价指标.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(page.buttons["export"], Qt.MouseButton.LeftButton)
    assert "不存在" in shown.one_refusal()


def test_a_decision_on_a_locked_round(qtbot, shown: Shown, demo_round: Path):  # type: ignore[no-untyped-def]
    """Formerly ``PanelTab.warn``."""
    with RoundStore.open(demo_round) as store:
        set_locked(store, True)
        uid = store.alliances()[0].uid
    window = open_in_window(qtbot, demo_round)
    panel = window.view.tab_by_name["panel"]
    assert panel.decide(uid, "1.1") is None
    assert "锁定" in shown.one_refusal()


def test_statistics_with_mistyped_shares_of_last_year(qtbot, shown: Shown, demo_round: Path):  # type: ignore[no-untyped-def]
    """Formerly ``PublishTab.show_error``, titled "Cannot publish"."""
    window = open_in_window(qtbot, demo_round)
    tab = window.view.tab_by_name["publish"]
    window.view.tabs.setCurrentWidget(tab)
    tab.previous_shares.setFocus()
    type_text(tab.previous_shares, "31，三十二")
    qtbot.mouseClick(tab.export_stats_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "三十二" in shown.one_refusal()


def test_importing_a_roster_that_is_not_a_table(  # type: ignore[no-untyped-def]
    qtbot, shown: Shown, demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Formerly ``tasks.report_error`` (a background task's refusal), titled "Import roster"."""
    window = open_in_window(qtbot, demo_round)
    page = window.view.tab_by_name["setup"].show_page("roster")
    picture = tmp_path / "名单.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    page.buttons["import"].click()
    settle(qtbot)
    assert "名单.xlsx" in shown.one_refusal()


def test_a_score_the_busy_reviewer_file_refuses(  # type: ignore[no-untyped-def]
    qtbot, shown: Shown, demo_round: Path, tmp_path: Path
):
    """Formerly ``ReviewerWorkspace.warn`` via the session's ``refuse`` (the undo host)."""
    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    window = open_in_window(qtbot, reviewer_file)
    ws = window.view
    ws.session.store.conn.execute("PRAGMA busy_timeout = 50")
    first = ws.session.alliances[0]
    ws.table.selectRow(ws.proxy.row_of(first.uid))
    other = sqlite3.connect(reviewer_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing the file
    try:
        score = ws.form.rows["1.1"].score_edit
        qtbot.keyClicks(score, "4")
        qtbot.keyClick(score, Qt.Key.Key_Return)  # a score is saved when the entry ends
        settle(qtbot)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "未保存" in shown.one_refusal()


def test_a_bug_goes_to_the_last_resort_not_to_a_refusal(  # type: ignore[no-untyped-def]
    qapp, monkeypatch: pytest.MonkeyPatch
):
    reported: list[BaseException] = []
    from alliance_review.gui import last_resort

    monkeypatch.setattr(last_resort, "report", lambda kind, error, tb: reported.append(error))
    shown = Shown(monkeypatch)
    assert messages.refuse(None, KeyError("a bug")) is False
    assert shown.all == [] and isinstance(reported[0], KeyError)
