"""Shares in percent and the declared rules that round them.

Rounding rule for shares (stated in every report that prints them): by default a share
is the percentage of its group rounded to a whole percent by the largest-remainder
method (Hamilton): every share is first rounded down, then the points still missing to
100 go one each to the largest remainders, ties to the tier listed first. So the shares
of one breakdown always sum to 100. The 2015 report's tier shares (45/27/14/14 of
56/34/18/17) follow this rule; its batch-1 shares (58/24/6/12) follow no single rule, so
published figures are shown as typed, never recomputed. A single share (a participation
rate) is rounded half up.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from alliance_review.core.points import round_points

SHARE_RULE_ZH = (
    "占比按各组总数计算，取整到百分之一，采用最大余数法（先全部舍去小数，"
    "再把差额逐一分给余数最大的项，余数相同时先给排在前面的档次），各项之和为 100%。"
)
SHARE_RULE_EN = (
    "Shares are percentages of their group rounded to whole percent by the largest-remainder "
    "method (round all down, give the missing points to the largest remainders, earlier "
    "tier first on a tie); the shares of a breakdown sum to 100."
)
HALF_UP_RULE_ZH = "占比按各组总数计算，各项分别四舍五入到百分之一（各项之和可能不是 100%）。"
HALF_UP_RULE_EN = (
    "Shares are percentages of their group, each rounded half up to whole percent on its own "
    "(the shares of a breakdown may not sum to 100)."
)
# the declared rule for the shares of a breakdown (tiers overall, tiers of a batch)
SHARE_RULES = {
    "largest_remainder": (SHARE_RULE_ZH, SHARE_RULE_EN),
    "half_up": (HALF_UP_RULE_ZH, HALF_UP_RULE_EN),
}
SINGLE_SHARE_RULE_ZH = "单项占比（参评率、活跃度高和较高的合计占比）为四舍五入到百分之一。"


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Whole-number shares of ``total`` proportional to ``counts`` that sum to ``total``.

    All zeros give all zeros (an empty group has no shares to print).
    """
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    exact = [Fraction(c * total, whole) for c in counts]
    floors = [int(e) for e in exact]
    missing = total - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def percent(part: int, whole: int) -> int:
    """A single percentage rounded half up (a participation rate); 0 of an empty group."""
    return int(round_points(Fraction(100 * part, whole), "half_up")) if whole else 0


def shares(counts: Sequence[int], rule: str = "largest_remainder") -> list[int]:
    """The shares of a breakdown by the declared rule (``SHARE_RULES``)."""
    if rule == "largest_remainder":
        return largest_remainder(counts)
    if rule == "half_up":
        whole = sum(counts)
        return [percent(c, whole) for c in counts]
    raise ValueError(f"unknown share rule {rule!r}")
