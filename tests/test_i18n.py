"""Chinese and English interface: complete translations, shipped compiled, switchable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow, menu_titles

ROOT = Path(__file__).parents[1]
I18N = ROOT / "resources" / "i18n"


def test_every_message_is_translated_and_the_shipped_qm_is_current(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import i18n as tool  # packaging/i18n.py
    finally:
        sys.path.pop(0)
    assert tool.missing() == []
    for ts in I18N.glob("*.ts"):
        built = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [tool.tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True
        )
        assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"recompile {ts.name}"


def test_the_language_menu_switches_between_chinese_and_english(qtbot, demo_round: Path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_round)
    window.action_registry["language_zh_CN"].trigger()
    qtbot.waitUntil(lambda: "文件(&F)" in menu_titles(window))
    results = window.view.tab_by_name["results"]
    assert results.table.model().headerData(2, Qt.Orientation.Horizontal) == "联盟名称"
    assert results.filter.placeholderText() == "按名称中的任意文字筛选"
    tabs = window.view.tabs
    qtbot.waitUntil(lambda: "排名" in [tabs.tabText(i) for i in range(tabs.count())])
    assert i18n.service_language() == "zh"  # what the services' sentences are chosen by
    window.action_registry["language_en"].trigger()
    qtbot.waitUntil(lambda: "&File" in menu_titles(window))
    qtbot.waitUntil(lambda: "Ranking" in [tabs.tabText(i) for i in range(tabs.count())])
    assert results.table.model().headerData(2, Qt.Orientation.Horizontal) == "Alliance"
    assert i18n.chosen_language() == "en"
    assert i18n.service_language() == "en"


def test_every_string_the_code_shows_has_a_chinese_translation(tmp_path: Path):
    """Run lupdate over all of the GUI afresh: a string dropped from an area's .ts, or never
    added to one, is caught here even when every .ts on its own looks complete."""
    import xml.etree.ElementTree as ET

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import i18n as tool  # packaging/i18n.py
    finally:
        sys.path.pop(0)
    sources = sorted(str(p) for p in (ROOT / "src" / "alliance_review" / "gui").rglob("*.py"))
    fresh = tmp_path / "all_zh_CN.ts"
    subprocess.run(
        [tool.tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )

    def messages(path: Path) -> set[tuple[str, str]]:
        found = set()
        for context in ET.parse(path).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if path != fresh and (
                    translation is None
                    or translation.get("type") in ("unfinished", "vanished", "obsolete")
                ):
                    continue
                found.add((name, message.findtext("source") or ""))
        return found

    translated = set().union(*(messages(ts) for ts in I18N.glob("*_zh_CN.ts")))
    missing = sorted(messages(fresh) - translated)
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:5]}"
