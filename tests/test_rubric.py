from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import RubricError, ScoreError
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.services.resources import default_rubric, load_rubric, resource


def small_rubric(
    points: tuple[str, ...] = ("60", "40"), codes: tuple[str, ...] = ("1.1", "1.2"), step: str = "1"
) -> Rubric:
    indicators = tuple(
        Indicator(code, f"指标{code}", "标准", Fraction(p), Fraction(step))
        for code, p in zip(codes, points, strict=True)
    )
    return Rubric((Category("1", "一级", indicators),))


def test_default_rubric_has_four_categories_summing_to_100_and_says_points_are_editable():
    rubric = default_rubric()
    assert [c.name for c in rubric.categories] == [
        "联盟组织机构建设与运行",
        "联盟协同创新活动",
        "联盟行业辐射活动",
        "联盟宣传示范、交流合作活动",
    ]
    assert rubric.max_points == 100
    assert rubric.problems() == []
    assert "可编辑的默认值" in json.loads(resource("rubric-2015.json").read_text("utf-8"))["note"]
    assert all(i.criteria for i in rubric.indicators())


def test_rubric_that_does_not_sum_to_100_is_refused_with_the_sum():
    rubric = small_rubric(("60", "30"))
    with pytest.raises(RubricError, match="90"):
        rubric.validate()


def test_duplicate_codes_are_refused():
    assert any("重复" in p for p in small_rubric(codes=("1.1", "1.1")).problems())


def test_max_points_must_be_a_multiple_of_the_step():
    assert any("整数倍" in p for p in small_rubric(("59.5", "40.5"), step="1").problems())
    assert small_rubric(("59.5", "40.5"), step="0.5").problems() == []


def test_scores_are_held_to_range_and_step():
    indicator = Indicator("2.2", "技术创新", "", Fraction(12), Fraction(1, 2))
    indicator.check_score(Fraction(23, 2))
    indicator.check_score(Fraction(0))
    with pytest.raises(ScoreError, match="0 到 12"):
        indicator.check_score(Fraction(13))
    with pytest.raises(ScoreError):
        indicator.check_score(Fraction(-1))
    with pytest.raises(ScoreError, match="档"):
        indicator.check_score(Fraction(1, 4))


def test_a_malformed_rubric_file_gives_one_sentence(tmp_path: Path):
    broken = tmp_path / "rubric.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(RubricError, match="无法读取"):
        load_rubric(broken)
    broken.write_text('{"format": "alliance-review-rubric", "categories": [{"code": "1"}]}')
    with pytest.raises(RubricError, match="格式不正确"):
        load_rubric(broken)
