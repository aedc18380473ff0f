"""Scores and their aggregation into a consensus per indicator and a total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.rubric import Rubric

CONSENSUS_METHODS = ("mean", "median", "trimmed_mean")
CONSENSUS_LABELS = {"mean": "平均值", "median": "中位数", "trimmed_mean": "去掉最高最低后平均"}


@dataclass(frozen=True)
class Score:
    """One reviewer's points for one indicator of one alliance, with the evidence note.

    ``override_reason``: why the points depart from what the indicator's points rule
    suggests for the reviewer's ticks (empty when they follow it or there is no rule).
    """

    reviewer_uid: str
    alliance_uid: str
    indicator_code: str
    points: Fraction
    note: str = ""
    override_reason: str = ""


def consensus(values: Sequence[Fraction], method: str = "mean") -> Fraction:
    """The panel's computed value from several reviewers' points, exactly.

    ``trimmed_mean`` drops one highest and one lowest value and needs at least 4 values;
    with fewer it is the plain mean, since trimming 3 values would leave the median.
    """
    if not values:
        raise ValueError("no values to aggregate")
    ordered = sorted(values)
    if method == "median":
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2
    if method == "trimmed_mean" and len(ordered) >= 4:
        ordered = ordered[1:-1]
    elif method not in CONSENSUS_METHODS:
        raise ValueError(f"unknown consensus method {method!r}")
    return sum(ordered, Fraction(0)) / len(ordered)


@dataclass(frozen=True)
class AllianceResult:
    """The computed result of one alliance before ranking."""

    alliance_uid: str
    indicator_consensus: Mapping[str, Fraction]
    reviewer_totals: Mapping[str, Fraction]
    total: Fraction

    @property
    def spread(self) -> Fraction:
        totals = list(self.reviewer_totals.values())
        return max(totals) - min(totals) if totals else Fraction(0)


def aggregate(
    rubric: Rubric,
    scores: Iterable[Score],
    method: str = "mean",
    indicator_overrides: Mapping[tuple[str, str], Fraction] | None = None,
    total_overrides: Mapping[str, Fraction] | None = None,
) -> dict[str, AllianceResult]:
    """Consensus per indicator and total per alliance from every reviewer's scores.

    An alliance's total is the sum of its indicator consensus values; the panel's final
    decisions (``indicator_overrides`` keyed by (alliance, indicator), ``total_overrides``
    by alliance) replace the computed value where they exist. Indicators nobody scored
    count 0 in the total.
    """
    by_alliance: dict[str, dict[str, dict[str, Fraction]]] = defaultdict(lambda: defaultdict(dict))
    for score in scores:
        by_alliance[score.alliance_uid][score.indicator_code][score.reviewer_uid] = score.points
    indicator_overrides = indicator_overrides or {}
    total_overrides = total_overrides or {}
    codes = [i.code for i in rubric.indicators()]
    results: dict[str, AllianceResult] = {}
    for alliance_uid, per_indicator in by_alliance.items():
        values: dict[str, Fraction] = {}
        reviewer_totals: dict[str, Fraction] = defaultdict(Fraction)
        for code in codes:
            by_reviewer = per_indicator.get(code, {})
            for reviewer_uid, points in by_reviewer.items():
                reviewer_totals[reviewer_uid] += points
            if (alliance_uid, code) in indicator_overrides:
                values[code] = indicator_overrides[(alliance_uid, code)]
            elif by_reviewer:
                values[code] = consensus(list(by_reviewer.values()), method)
        total = total_overrides.get(alliance_uid, sum(values.values(), Fraction(0)))
        results[alliance_uid] = AllianceResult(alliance_uid, values, dict(reviewer_totals), total)
    return results
