"""The rubric (评价指标): categories (一级指标) holding indicators (二级指标)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from alliance_review.core.errors import RubricError, ScoreError
from alliance_review.core.evidence import EvidenceItem, item_problems, suggested_points
from alliance_review.core.points import format_points, is_on_step

RUBRIC_TOTAL = Fraction(100)
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$")


@dataclass(frozen=True)
class Indicator:
    """One scored item: code, name, scoring criteria, max points and allowed step.

    ``items``: the evidence items (评价要点) its criteria name; ``points_rule``: the
    points suggested for 0, 1, ... ticked items (None: no rule).
    """

    code: str
    name: str
    criteria: str
    max_points: Fraction
    step: Fraction = Fraction(1)
    items: tuple[EvidenceItem, ...] = ()
    points_rule: tuple[Fraction, ...] | None = None

    def suggest(self, ticked: int) -> Fraction | None:
        """The points the rule suggests for ``ticked`` items (None without a rule)."""
        return suggested_points(self.points_rule, ticked)

    def check_score(self, points: Fraction) -> None:
        """Refuse a score outside 0..max or off the step."""
        if points < 0 or points > self.max_points:
            raise ScoreError(
                f"指标 {self.code}「{self.name}」的得分须在 0 到 "
                f"{format_points(self.max_points)} 分之间，不能是 {format_points(points)} 分。",
                f"Indicator {self.code} takes 0 to {format_points(self.max_points)} points, "
                f"not {format_points(points)}.",
            )
        if not is_on_step(points, self.step):
            raise ScoreError(
                f"指标 {self.code}「{self.name}」按 {format_points(self.step)} 分一档计分，"
                f"{format_points(points)} 分不在档上。",
                f"Indicator {self.code} is scored in steps of {format_points(self.step)}; "
                f"{format_points(points)} is off the step.",
            )


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    indicators: tuple[Indicator, ...] = ()

    @property
    def max_points(self) -> Fraction:
        return sum((i.max_points for i in self.indicators), Fraction(0))


@dataclass(frozen=True)
class Rubric:
    categories: tuple[Category, ...] = field(default_factory=tuple)
    note: str = ""

    def indicators(self) -> Iterator[Indicator]:
        for category in self.categories:
            yield from category.indicators

    @property
    def max_points(self) -> Fraction:
        return sum((c.max_points for c in self.categories), Fraction(0))

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators():
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def category_of(self, code: str) -> Category:
        for category in self.categories:
            if any(i.code == code for i in category.indicators):
                return category
        raise KeyError(code)

    def problems(self) -> list[str]:
        """Every reason the rubric is not usable, in Chinese; empty when valid."""
        found: list[str] = []
        if not self.categories:
            found.append("评价指标中没有一级指标。")
        seen: set[str] = set()
        for category in self.categories:
            if not category.name.strip():
                found.append(f"一级指标 {category.code} 没有名称。")
            if category.code in seen:
                found.append(f"编号 {category.code} 重复。")
            seen.add(category.code)
            if not category.indicators:
                found.append(f"一级指标「{category.name}」下没有二级指标。")
            for indicator in category.indicators:
                code = indicator.code
                if not _CODE.match(code):
                    found.append(f"二级指标编号「{code}」无效：只能用字母、数字、点、横线。")
                if code in seen:
                    found.append(f"编号 {code} 重复。")
                seen.add(code)
                if not indicator.name.strip():
                    found.append(f"二级指标 {code} 没有名称。")
                if indicator.max_points <= 0:
                    found.append(f"二级指标 {code} 的满分必须大于 0。")
                if indicator.step <= 0:
                    found.append(f"二级指标 {code} 的计分档必须大于 0。")
                elif not is_on_step(indicator.max_points, indicator.step):
                    found.append(
                        f"二级指标 {code} 的满分 {format_points(indicator.max_points)} "
                        f"不是计分档 {format_points(indicator.step)} 的整数倍。"
                    )
                found.extend(
                    zh
                    for zh, _ in item_problems(
                        code,
                        indicator.items,
                        indicator.points_rule,
                        indicator.max_points,
                        indicator.step,
                    )
                )
        if self.max_points != RUBRIC_TOTAL:
            found.append(f"各指标满分合计为 {format_points(self.max_points)} 分，应为 100 分。")
        return found

    def validate(self) -> None:
        found = self.problems()
        if found:
            raise RubricError(
                "评价指标有误：" + " ".join(found),
                f"The rubric is not valid ({len(found)} problem(s)): " + " ".join(found),
            )
