"""One placeholder style in translated strings: Qt's place markers ``%1``, ``%2``...
filled by ``gui.i18n.fill_in`` (one pass: a value that holds "%2" is shown as it is), never
str.format's ``{name}`` nor a chain of ``.replace("%1", ...)``."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import xlsxwriter
from PySide6.QtCore import Qt

from alliance_review.gui.i18n import fill_in
from alliance_review.services.setup import new_round
from tests.gui_support import open_in_window, open_roster_import, settle

ROOT = Path(__file__).parents[1]
GUI = ROOT / "src" / "alliance_review" / "gui"


def test_fill_in_fills_each_place_once():
    assert fill_in("%1 of %2", 3, 5) == "3 of 5"
    assert fill_in("%2 before %1", "a", "b") == "b before a"
    # a value that looks like a place is not filled again (an alliance named "%2")
    assert fill_in("“%1” has %2 rows", "名单%2", 7) == "“名单%2” has 7 rows"
    assert fill_in("%1 and %3", "x") == "x and %3"  # a place without a value stays


def test_no_translated_string_uses_another_placeholder_style():
    """In the code: no ``tr(...).format(...)``, no ``{name}`` in a translated source, no
    ``.replace("%1", ...)``. In the .ts files: no live source with ``{name}``."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT)
        if re.search(r"""\.replace\(\s*["']%\d""", text):
            found.append(f"{where}: .replace of a place marker")
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("tr", "translate", "_tr"):
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and re.search(r"\{\w*\}", str(arg.value)):
                        found.append(f"{where}:{node.lineno}: {{name}} in {arg.value[:40]!r}")
    for ts in sorted((ROOT / "resources" / "i18n").glob("*_zh_CN.ts")):
        for message in ET.parse(ts).iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            source = message.findtext("source") or ""
            if re.search(r"\{\w*\}", source):
                found.append(f"{ts.name}: {source[:40]!r}")
    assert found == []


def test_a_sheet_named_like_a_place_marker_is_shown_as_named(qtbot, tmp_path: Path, monkeypatch):
    """The roster import's preview says which sheet and row it found: a sheet named
    "名单%2" is named so, in the translated sentence (a chain of replaces showed the row)."""
    workbook = tmp_path / "名单.xlsx"
    book = xlsxwriter.Workbook(str(workbook))
    sheet = book.add_worksheet("名单%2")
    sheet.write_row(0, 0, ["2016年度试点联盟名单"])
    sheet.write_row(1, 0, ["序号", "联盟名称", "批次"])
    for number in range(1, 6):
        sheet.write_row(number + 1, 0, [number, f"测试产业技术创新战略联盟{number}", "第一批"])
    book.close()
    empty = new_round(tmp_path / "2016.alliance-review", "2016年度联盟活跃度评价", 2016)
    _window, _page, dialog = open_roster_import(qtbot, empty, monkeypatch, workbook)
    assert dialog.found.text() == "在工作表「名单%2」中找到表格，表头在第 2 行。"
    dialog.reject()


def test_the_undo_entry_names_the_score_and_the_alliance(qtbot, reviewer_file: Path):
    """A place marker filled in a reviewer's sentence (formerly str.format's style)."""
    window = open_in_window(qtbot, reviewer_file)
    ws = window.view
    first = ws.session.alliances[0]
    score = ws.form.rows["1.1"].score_edit
    qtbot.keyClicks(score, "4")
    qtbot.keyClick(score, Qt.Key.Key_Return)
    settle(qtbot)
    assert ws.undo_stack.undoText() == f"评分 1.1（{first.name}）"
