"""Which rubric edits are allowed: structure always, and the lock once scores exist.

Two kinds of problems. *Structural* ones (a blank name, a duplicate or malformed code,
max not a multiple of the step) are refused at once. The sum of 100 may be off while
the secretary moves points between indicators; ``Rubric.problems`` reports it and the
round cannot be sent out until it is right. Once a reviewer score or a self-score
exists, an edit that would make a stored value invalid is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from alliance_review.core.errors import RubricError
from alliance_review.core.evidence import item_problems
from alliance_review.core.points import format_points, is_on_step
from alliance_review.core.rubric import _CODE, Category, Indicator, Rubric

Points = Mapping[str, Sequence[Fraction]]


def structural_problems(rubric: Rubric) -> list[tuple[str, str]]:
    """(Chinese, English) reasons the rubric cannot even be stored."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for category in rubric.categories:
        if not _CODE.match(category.code):
            found.append(
                (
                    f"一级指标编号「{category.code}」无效：只能用字母、数字、点、横线。",
                    f"Category code {category.code!r} is invalid.",
                )
            )
        if not category.name.strip():
            found.append(
                (f"一级指标 {category.code} 没有名称。", f"Category {category.code} has no name.")
            )
        if category.code in seen:
            found.append((f"编号 {category.code} 重复。", f"Code {category.code} is used twice."))
        seen.add(category.code)
        for indicator in category.indicators:
            code = indicator.code
            if not _CODE.match(code):
                found.append(
                    (
                        f"二级指标编号「{code}」无效：只能用字母、数字、点、横线。",
                        f"Indicator code {code!r} is invalid (letters, digits, '.', '-').",
                    )
                )
            if code in seen:
                found.append((f"编号 {code} 重复。", f"Code {code} is used twice."))
            seen.add(code)
            if not indicator.name.strip():
                found.append((f"二级指标 {code} 没有名称。", f"Indicator {code} has no name."))
            if indicator.max_points <= 0:
                found.append(
                    (f"二级指标 {code} 的满分必须大于 0。", f"Indicator {code}: max must be > 0.")
                )
            if indicator.step <= 0:
                found.append(
                    (
                        f"二级指标 {code} 的计分档必须大于 0。",
                        f"Indicator {code}: step must be > 0.",
                    )
                )
            elif not is_on_step(indicator.max_points, indicator.step):
                found.append(
                    (
                        f"二级指标 {code} 的满分 {format_points(indicator.max_points)} "
                        f"不是计分档 {format_points(indicator.step)} 的整数倍。",
                        f"Indicator {code}: max {format_points(indicator.max_points)} is not a "
                        f"multiple of the step {format_points(indicator.step)}.",
                    )
                )
            for value in (indicator.max_points, indicator.step):
                if (value * 100).denominator != 1:
                    found.append(
                        (
                            f"二级指标 {code} 的分值最多两位小数。",
                            f"Indicator {code}: points take at most two decimals.",
                        )
                    )
            found.extend(
                item_problems(
                    code,
                    indicator.items,
                    indicator.points_rule,
                    indicator.max_points,
                    indicator.step,
                )
            )
    return found


def lock_problems(
    new: Rubric,
    scores: Points,
    self_scores: Points,
    renames: Mapping[str, str] | None = None,
    ticked: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[str, str]]:
    """Reasons why ``new`` would invalidate stored scores (code -> stored values) or
    ticks (``ticked``: indicator code -> keys of evidence items someone ticked)."""
    renames = dict(renames or {})
    codes = {i.code: i for i in new.indicators()}
    found: list[tuple[str, str]] = []
    for old_code, keys in (ticked or {}).items():
        indicator = codes.get(renames.get(old_code, old_code))
        kept = set() if indicator is None else {item.key for item in indicator.items}
        gone = sorted(set(keys) - kept)
        if gone:
            found.append(
                (
                    f"指标 {old_code} 的评价要点「{gone[0]}」已有勾选记录，不能删除。",
                    f"Indicator {old_code}: evidence item {gone[0]!r} has been ticked; "
                    "it cannot be removed.",
                )
            )
    for label_zh, label_en, stored in (
        ("评审专家评分", "reviewer scores", scores),
        ("自评分", "self-scores", self_scores),
    ):
        for old_code, values in stored.items():
            if not values:
                continue
            code = renames.get(old_code, old_code)
            indicator = codes.get(code)
            if indicator is None:
                found.append(
                    (
                        f"指标 {old_code} 已有 {len(values)} 条{label_zh}，不能删除。",
                        f"Indicator {old_code} already has {len(values)} {label_en}; "
                        "it cannot be removed.",
                    )
                )
                continue
            top = max(values)
            if top > indicator.max_points:
                found.append(
                    (
                        f"指标 {code} 已有 {format_points(top)} 分的{label_zh}，"
                        f"满分不能低于 {format_points(top)}。",
                        f"Indicator {code} already has {label_en} of {format_points(top)}; "
                        f"its max cannot go below that.",
                    )
                )
            off = [v for v in values if indicator.step > 0 and not is_on_step(v, indicator.step)]
            if off:
                found.append(
                    (
                        f"指标 {code} 已有 {format_points(off[0])} 分的{label_zh}，"
                        f"不在 {format_points(indicator.step)} 分一档上，不能改计分档。",
                        f"Indicator {code} already has {label_en} of {format_points(off[0])}, "
                        f"which is off a step of {format_points(indicator.step)}.",
                    )
                )
    return found


def check_change(
    new: Rubric,
    scores: Points,
    self_scores: Points,
    renames: Mapping[str, str] | None = None,
    ticked: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Raise ``RubricError`` with every reason when ``new`` may not replace the rubric."""
    found = structural_problems(new) + lock_problems(new, scores, self_scores, renames, ticked)
    if found:
        raise RubricError(" ".join(zh for zh, _ in found), " ".join(en for _, en in found))


# structure edits: a place is (category index, indicator index or None for the category)
def _with_indicators(rubric: Rubric, c: int, indicators: Sequence[Indicator]) -> Rubric:
    categories = list(rubric.categories)
    categories[c] = replace(categories[c], indicators=tuple(indicators))
    return Rubric(tuple(categories), rubric.note)


def replace_item(rubric: Rubric, c: int, i: int | None, item: Category | Indicator) -> Rubric:
    if i is None:
        assert isinstance(item, Category)
        categories = list(rubric.categories)
        categories[c] = item
        return Rubric(tuple(categories), rubric.note)
    assert isinstance(item, Indicator)
    indicators = list(rubric.categories[c].indicators)
    indicators[i] = item
    return _with_indicators(rubric, c, indicators)


def append_indicator(rubric: Rubric, c: int, indicator: Indicator) -> Rubric:
    return _with_indicators(rubric, c, (*rubric.categories[c].indicators, indicator))


def remove_item(rubric: Rubric, c: int, i: int | None) -> Rubric:
    if i is None:
        return Rubric(rubric.categories[:c] + rubric.categories[c + 1 :], rubric.note)
    indicators = list(rubric.categories[c].indicators)
    del indicators[i]
    return _with_indicators(rubric, c, indicators)


def move_item(rubric: Rubric, c: int, i: int | None, step: int) -> Rubric | None:
    """The rubric with the item moved ``step`` places among its siblings; None at an end."""
    siblings: list[Category] | list[Indicator] = (
        list(rubric.categories) if i is None else list(rubric.categories[c].indicators)
    )
    here = c if i is None else i
    there = here + step
    if not 0 <= there < len(siblings):
        return None
    siblings[here], siblings[there] = siblings[there], siblings[here]  # type: ignore[assignment]
    if i is None:
        return Rubric(tuple(siblings), rubric.note)  # type: ignore[arg-type]
    return _with_indicators(rubric, c, siblings)  # type: ignore[arg-type]
