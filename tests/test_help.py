"""Help: the guides of each role in both languages (with the screenshots they show), F1,
the keyboard shortcuts list, and the About box (version, licences, data folder)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QTextDocument

from alliance_review import __version__
from alliance_review.gui import i18n
from alliance_review.gui.help import strip_amp
from alliance_review.gui.main_window import MainWindow
from tests.reviewer_support import issue_one

DOCS = Path(__file__).parents[1] / "docs"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)#]+\.md)\)")


@pytest.fixture
def language(qapp):
    chosen: list[str] = []

    def use(code: str) -> None:
        chosen.append(code)
        i18n.set_language(code)

    yield use
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.install()


@pytest.mark.parametrize("folder", ["zh_CN", "en"])
def test_every_guide_exists_and_every_picture_and_link_it_names_is_there(folder: str):
    guides = {p.stem for p in (DOCS / folder).glob("*.md")}
    assert {"index", "reviewer", "panel", "secretary"} <= guides
    shown: set[str] = set()
    for guide in (DOCS / folder).glob("*.md"):
        text = guide.read_text(encoding="utf-8")
        for target in IMAGE.findall(text):
            assert (guide.parent / target).is_file(), f"{guide.name}: {target}"
            shown.add(Path(target).name)
        for target in LINK.findall(text):
            assert (guide.parent / target).is_file(), f"{guide.name}: {target}"
    # every screenshot the script makes for the guides is shown in one of them
    assert shown == {p.name for p in (DOCS / folder / "images").glob("*.png")}
    # the Chinese and the English guide show the same pictures
    assert shown == {p.name for p in (DOCS / "en" / "images").glob("*.png")}


def test_f1_opens_the_guide_of_the_open_files_role_in_the_interface_language(
    qtbot, language, demo_round: Path, tmp_path: Path
):
    language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.action_registry["guide_here"].trigger()
    assert window.guide.path.name == "index.md" and window.guide.path.parent.name == "zh_CN"
    window.guide.close()
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    window.action_registry["guide_here"].trigger()
    viewer = window.guide
    assert viewer.path == DOCS / "zh_CN" / "reviewer.md"
    assert viewer.windowTitle() == "评审专家使用指南"
    text = viewer.browser.toPlainText()
    assert "评审专家使用指南" in text and "提交" in text
    # the screenshot the guide shows is found and loaded by the viewer
    image = viewer.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("images/reviewer-window.png")
    )
    assert image is not None and not image.isNull()
    window.close_file()
    language("en")
    window.open_path(demo_round)
    window.view.tabs.setCurrentWidget(window.view.tab_by_name["panel"])
    window.action_registry["guide_here"].trigger()
    assert window.guide.path == DOCS / "en" / "panel.md"
    assert "Guide for the panel" in window.guide.browser.toPlainText()
    window.view.tabs.setCurrentWidget(window.view.tab_by_name["setup"])
    window.action_registry["guide_here"].trigger()
    assert window.guide.path == DOCS / "en" / "secretary.md"


def test_the_shortcuts_list_shows_the_open_windows_keys(
    qtbot, language, demo_round: Path, tmp_path: Path
):
    language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(issue_one(demo_round, tmp_path / "issued"))
    dialog = window.show_shortcuts()
    rows = [
        tuple(dialog.table.item(r, c).text() for c in range(3))
        for r in range(dialog.table.rowCount())
    ]
    actions = window.view.actions_by_name

    def row_of(name: str) -> tuple[str, str, str]:
        return next(r for r in rows if r[1] == strip_amp(actions[name].text()))

    # Return and Enter both read "回车" in Chinese: listed once
    assert row_of("mark_done")[0] == "Ctrl+回车" and row_of("mark_done")[2] == "评分"
    assert row_of("next")[0].startswith("Ctrl+PgDown")
    assert row_of("submit") == ("Ctrl+Shift+S", "提交评分", "文件")  # once, where it comes first
    assert ("F1", "本窗口的使用指南", "帮助") in rows
    assert ("回车", "在联盟列表或筛选框中：转到评分表单", "输入框内") in rows
    assert any(keys == "Tab / Shift+Tab" for keys, _, _ in rows)
    dialog.close()


def test_about_names_the_version_the_data_folder_and_the_licences(qtbot, language):
    from alliance_review.system.places import data_dir

    language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    about = window.show_about()
    shown = about.findChildren(type(about.folders))
    texts = " ".join(label.text() for label in shown)
    assert f"版本 {__version__}" in texts and str(data_dir()) in texts
    licences = about.licences.toPlainText()
    assert "WenQuanYi Micro Hei" in licences and "Apache-2.0" in licences
    for package in ("openpyxl", "reportlab", "platformdirs", "PySide6", "Qt", "Python"):
        assert package in licences
    # a name is a link to its licence text: the font's own licence file
    about.licences.anchorClicked.emit(QUrl("licence:WenQuanYi Micro Hei 文泉驿微米黑"))
    text = about.licence_viewer.findChildren(type(about.licences))[0].toPlainText()
    assert "Apache-2.0 or GPL-3+ with Font exception" in text
    about.close()
