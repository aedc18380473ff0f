"""Evidence items in the self-evaluation workbook: the alliance marks what it did."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from alliance_review.core.items_table import ITEMS_SHEET
from alliance_review.core.roster import Alliance
from alliance_review.services import selfeval
from alliance_review.services.setup import new_round
from alliance_review.storage.round_store import RoundStore
from tests.conftest import run_cli


@pytest.fixture
def round_with_items(tmp_path: Path) -> Path:
    roster = [Alliance("a-1", "甲产业技术创新战略联盟", 0, "第一批")]
    return new_round(tmp_path / "round.sqlite", "2016年度评价", 2016, roster=roster)


def mark(path: Path, marks: dict[tuple[str, str], object]) -> Path:
    """Mark items as an alliance would, finding the row by the item's name."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[ITEMS_SHEET]
    names = {
        ("1.1", "summary"): "编写本年度工作总结",
        ("2.2", "government"): "承担政府科技计划项目",
        ("4.1", "website"): "设立联盟网站或网页",
    }
    for row in range(1, sheet.max_row + 1):
        for key, value in marks.items():
            if sheet.cell(row, 1).value == key[0] and sheet.cell(row, 3).value == names[key]:
                sheet.cell(row, 4).value = value
    workbook.save(path)
    return path


def test_items_are_marked_in_the_workbook_and_imported_with_undo_data(
    round_with_items: Path, tmp_path: Path
):
    with RoundStore.open(round_with_items) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
        first = store.alliances()[0]
    sheet = openpyxl.load_workbook(paths[0])[ITEMS_SHEET]
    assert sheet.protection.sheet
    titles = [sheet.cell(3, c).value for c in range(1, 5)]
    assert titles == ["编号", "二级指标", "评价要点", "是否开展（是／否）"]
    assert sheet.cell(4, 4).protection.locked is False and sheet.cell(4, 3).protection.locked
    assert sheet.max_row - 3 == 22  # the 22 items of the default rubric
    mark(paths[0], {("1.1", "summary"): "是", ("2.2", "government"): "√", ("4.1", "website"): "否"})
    result = run_cli("selfeval-in", round_with_items, paths[0])
    assert result.returncode == 0, result.stderr
    with RoundStore.open(round_with_items) as store:
        assert store.self_ticks() == {
            (first.uid, "1.1", "summary"),
            (first.uid, "2.2", "government"),
        }


def test_a_mark_that_is_neither_yes_nor_no_refuses_the_workbook(
    round_with_items: Path, tmp_path: Path
):
    with RoundStore.open(round_with_items) as store:
        paths = selfeval.write_workbooks(store, tmp_path / "out")
    mark(paths[0], {("1.1", "summary"): "大概有"})
    result = run_cli("selfeval-in", round_with_items, paths[0])
    assert result.returncode == 1 and "不是“是”或“否”" in result.stderr
    assert "评价要点”单元格 D" in result.stderr
    with RoundStore.open(round_with_items) as store:
        assert store.self_ticks() == set()
