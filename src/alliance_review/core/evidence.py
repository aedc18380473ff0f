"""Evidence items (评价要点): the activities an indicator's criteria name.

An indicator may carry evidence items (2.2: 联盟自设 / 政府设立 / 外部委托 projects) and
an optional points rule: the points a reviewer's ticks suggest, one value per number of
ticked items ("both: full marks, one: half, none: 0" is ``(0, 2.5, 5)``). A reviewer
ticks the items evidenced; the points they give may depart from the suggestion, with a
reason. An item counts as done for an alliance when enough of the reviewers who scored
it ticked it: ``ITEM_RULES`` (a majority by default, a round setting).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.points import format_points, is_on_step, parse_points

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$")

# (round setting, Chinese label, English label)
ITEM_RULES: dict[str, tuple[str, str]] = {
    "majority": ("过半数评审专家勾选", "more than half of its reviewers ticked it"),
    "half": ("至少半数评审专家勾选", "at least half of its reviewers ticked it"),
    "any": ("任一评审专家勾选", "any of its reviewers ticked it"),
    "all": ("全部评审专家勾选", "every one of its reviewers ticked it"),
}


@dataclass(frozen=True)
class EvidenceItem:
    """One activity of an indicator; ``key`` is stable across renames (ticks refer to it)."""

    key: str
    name: str


def item_done(ticked: int, reviewers: int, rule: str = "majority") -> bool:
    """Whether ``ticked`` of ``reviewers`` reviewers make an item count as done."""
    if rule not in ITEM_RULES:
        raise ValueError(f"unknown item rule {rule!r}")
    if reviewers <= 0 or ticked <= 0:
        return False
    if rule == "majority":
        return 2 * ticked > reviewers
    if rule == "half":
        return 2 * ticked >= reviewers
    if rule == "any":
        return True
    return ticked >= reviewers


def suggested_points(rule: Sequence[Fraction] | None, ticked: int) -> Fraction | None:
    """The points a rule suggests for ``ticked`` items (None without a rule)."""
    if not rule:
        return None
    return rule[min(max(ticked, 0), len(rule) - 1)]


def parse_rule(text: str) -> tuple[Fraction, ...] | None:
    """Read a typed rule such as "0, 2.5, 5" (points for 0, 1, 2 ticked items); blank: none.

    Raises ``ValueError`` for a value that is not a number.
    """
    cleaned = text.replace("，", ",").replace("、", ",").replace("；", ",").replace(";", ",")
    parts = [p.strip() for p in cleaned.split(",")]
    if not any(parts):
        return None
    return tuple(parse_points(p) for p in parts)


def rule_text(rule: Sequence[Fraction] | None) -> str:
    return "" if not rule else ", ".join(format_points(v) for v in rule)


def item_problems(
    code: str,
    items: Sequence[EvidenceItem],
    rule: Sequence[Fraction] | None,
    max_points: Fraction,
    step: Fraction,
) -> list[tuple[str, str]]:
    """(Chinese, English) reasons an indicator's items or rule cannot be stored."""
    found: list[tuple[str, str]] = []
    keys: set[str] = set()
    for item in items:
        if not _KEY.match(item.key):
            found.append(
                (
                    f"二级指标 {code} 的评价要点标识「{item.key}」无效："
                    "只能用字母、数字、下划线、横线。",
                    f"Indicator {code}: evidence item key {item.key!r} is invalid.",
                )
            )
        if item.key in keys:
            found.append(
                (
                    f"二级指标 {code} 的评价要点标识「{item.key}」重复。",
                    f"Indicator {code}: evidence item key {item.key!r} is used twice.",
                )
            )
        keys.add(item.key)
        if not item.name.strip():
            found.append(
                (
                    f"二级指标 {code} 有一个评价要点没有名称。",
                    f"Indicator {code}: an evidence item has no name.",
                )
            )
    if rule:
        if not items:
            found.append(
                (
                    f"二级指标 {code} 没有评价要点，不能设计分规则。",
                    f"Indicator {code} has no evidence items, so it cannot have a points rule.",
                )
            )
        elif len(rule) != len(items) + 1:
            found.append(
                (
                    f"二级指标 {code} 的计分规则应有 {len(items) + 1} 个分值"
                    f"（勾选 0 至 {len(items)} 项各一个），现有 {len(rule)} 个。",
                    f"Indicator {code}: the points rule needs {len(items) + 1} values (for 0 to "
                    f"{len(items)} ticked items), not {len(rule)}.",
                )
            )
        for value in rule:
            if value < 0 or value > max_points or (step > 0 and not is_on_step(value, step)):
                found.append(
                    (
                        f"二级指标 {code} 的计分规则中 {format_points(value)} 分不在 0 到满分"
                        f" {format_points(max_points)} 之间或不在计分档上。",
                        f"Indicator {code}: the rule's {format_points(value)} points are outside"
                        f" 0..{format_points(max_points)} or off the step.",
                    )
                )
                break
        if any(b < a for a, b in zip(rule, rule[1:], strict=False)):
            found.append(
                (
                    f"二级指标 {code} 的计分规则须随勾选项数不减。",
                    f"Indicator {code}: the rule's points must not fall as more items are ticked.",
                )
            )
    return found


def done_items(
    ticks: Mapping[tuple[str, str, str], int],
    reviewers: Mapping[str, int],
    rule: str = "majority",
) -> set[tuple[str, str, str]]:
    """(alliance, indicator, key) that count as done.

    ``ticks``: (alliance, indicator, key) -> number of reviewers who ticked it;
    ``reviewers``: alliance -> number of reviewers who scored it.
    """
    return {key for key, count in ticks.items() if item_done(count, reviewers.get(key[0], 0), rule)}
