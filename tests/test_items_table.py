"""Evidence items in a workbook: rows in rubric order, marks read as people write them."""

from __future__ import annotations

import pytest

from alliance_review.core.errors import UserError
from alliance_review.core.items_table import item_rows, read_item_marks, read_mark
from alliance_review.services.resources import default_rubric


def test_rows_follow_the_rubric_and_carry_the_marks():
    rubric = default_rubric()
    rows = item_rows(rubric, {("1.1", "plan"), ("4.1", "website")})
    assert len(rows) == 22
    assert [(r.code, r.key, r.mark) for r in rows[:2]] == [
        ("1.1", "summary", False),
        ("1.1", "plan", True),
    ]
    assert next(r for r in rows if r.key == "website").mark


@pytest.mark.parametrize("value", ["是", " 是 ", "√", "✓", "YES", "y", 1, True, "有", "x"])
def test_yes_as_people_write_it(value):
    assert read_mark(value, "第 3 行") is True


@pytest.mark.parametrize("value", ["否", "", None, "×", "no", 0, False, "无"])
def test_no_as_people_write_it(value):
    assert read_mark(value, "第 3 行") is False


def test_anything_else_is_refused_with_its_place():
    with pytest.raises(UserError, match="第 7 行.*不是“是”或“否”"):
        read_mark("大概", "第 7 行")
    with pytest.raises(UserError, match="第 7 行"):
        read_mark(2, "第 7 行")


def test_marks_are_read_by_key_and_foreign_or_repeated_rows_refused():
    rubric = default_rubric()
    rows = [("1.1", "summary", "是", "第 2 行"), ("2.2", "government", "否", "第 3 行")]
    assert read_item_marks(rubric, rows) == {("1.1", "summary")}
    with pytest.raises(UserError, match="不在本轮次的评价指标中"):
        read_item_marks(rubric, [("9.9", "x", "是", "第 2 行")])
    with pytest.raises(UserError, match="重复"):
        read_item_marks(rubric, rows + [("1.1", "summary", "否", "第 4 行")])
