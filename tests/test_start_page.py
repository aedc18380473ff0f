"""The start page, the reviewer's menus, and the files' own extensions in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog

from alliance_review.gui import i18n
from alliance_review.gui.help import strip_amp
from alliance_review.gui.main_window import MainWindow
from tests.reviewer_support import issue_one


def settle() -> None:
    """Let closed files' views go (deleteLater) before the language changes back."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def chinese(qapp):
    i18n.set_language("zh_CN")
    yield
    settle()
    i18n.install()


@pytest.fixture
def english(qapp):
    i18n.set_language("en")
    yield
    settle()
    i18n.set_language("zh_CN")
    i18n.install()


def visible_texts(menu) -> list[str]:
    return [strip_amp(a.text()) for a in menu.actions() if a.isVisible() and a.text()]


class FakeOpen:
    """Stands in for the file dialog: records what it was asked, answers with ``answer``."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, caption, start, filters, *args):
        self.asked.append((caption, filters))
        return (str(self.answer) if self.answer else "", "")


def make_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_each_role_starts_from_the_start_page_and_the_reviewer_sees_only_reviewer_menus(
    qtbot, chinese, demo_round: Path, tmp_path: Path, monkeypatch
):
    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    assert reviewer_file.suffix == ".alr-review"
    window = make_window(qtbot)
    assert window.stack.currentWidget() is window.start
    assert window.start.recent_empty.isVisible() and not window.start.recent.isVisible()
    # the reviewer's way in
    dialog = FakeOpen(reviewer_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    qtbot.mouseClick(window.start.open_reviewer, Qt.MouseButton.LeftButton)
    caption, filters = dialog.asked[-1]
    assert caption == "打开评审专家文件"
    assert filters.startswith("评审专家文件 (*.alr-review *.sqlite *.db)")
    assert window.role == "reviewer" and window.view.path == reviewer_file
    file_menu = visible_texts(window.file_menu)
    assert "新建评价轮次" not in file_menu and "打开 2015 年演示轮次" not in file_menu
    submit = window.view.actions_by_name["submit"]
    assert submit in window.file_menu.actions() and strip_amp(submit.text()) in file_menu
    help_menu = visible_texts(window.help_menu)
    assert "评审专家使用指南" in help_menu
    assert "评价工作小组使用指南" not in help_menu and "秘书处使用指南" not in help_menu
    window.close_file()
    # back on the start page, the reviewer file is listed with its role
    assert window.stack.currentWidget() is window.start
    item = window.start.recent.topLevelItem(0)
    assert item.text(0) == reviewer_file.name and item.text(1) == "评审专家文件"
    # the panel's way in: an older .sqlite round still opens
    dialog.answer = demo_round
    qtbot.mouseClick(window.start.open_round, Qt.MouseButton.LeftButton)
    caption, filters = dialog.asked[-1]
    assert caption == "打开评价轮次" and "*.alr-round *.sqlite" in filters
    assert window.role == "round"
    file_menu = visible_texts(window.file_menu)
    assert "新建评价轮次" in file_menu and "打开 2015 年演示轮次" in file_menu
    assert "秘书处使用指南" in visible_texts(window.help_menu)
    window.close_file()
    roles = [
        window.start.recent.topLevelItem(i).text(1)
        for i in range(window.start.recent.topLevelItemCount())
    ]
    assert roles == ["评价轮次（工作小组、秘书处）", "评审专家文件"]


def test_a_recent_file_opens_from_the_keyboard_and_a_missing_one_is_marked(
    qtbot, chinese, demo_round: Path
):
    window = make_window(qtbot)
    window.open_path(demo_round)
    window.close_file()
    gone = demo_round.with_name("gone.alr-round")
    demo_round.rename(gone)
    window.start.refresh()
    item = window.start.recent.topLevelItem(0)
    assert item.text(1).endswith("（文件已不存在）") and item.isDisabled()
    gone.rename(demo_round)
    window.start.refresh()
    window.start.recent.setFocus()
    qtbot.keyClick(window.start.recent, Qt.Key.Key_Return)
    assert window.view is not None and window.view.path == demo_round.resolve()


def test_the_demo_round_from_the_start_page_has_the_round_extension(qtbot, chinese):
    from alliance_review.system.places import data_dir

    window = make_window(qtbot)
    qtbot.mouseClick(window.start.demo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None, timeout=60_000)
    assert window.view.path == data_dir() / "演示评价轮次-2015.alr-round"
    assert window.role == "round"


def test_the_new_round_dialog_proposes_the_round_extension_in_the_interface_language(
    qtbot, english, monkeypatch, tmp_path: Path
):
    from PySide6.QtCore import QSettings

    QSettings().setValue("setup/last_dir", str(tmp_path))
    asked: list[tuple[str, str]] = []

    def save(parent, caption, suggested, filters, *args):
        asked.append((suggested, filters))
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window = make_window(qtbot)
    qtbot.mouseClick(window.start.new_round, Qt.MouseButton.LeftButton)
    dialog = window.new_round_dialog
    dialog.year.setValue(2016)
    dialog.out_button.click()
    suggested, filters = asked[-1]
    assert Path(suggested).name == "round-2016.alr-round"
    assert filters == "Round files (*.alr-round)"
    dialog.reject()
