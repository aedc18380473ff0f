"""Exact arithmetic on integers: consensus values and totals without a Fraction per score.

Points are integer hundredths ("centi") on disk. The consensus of n reviewers' values is
exact as a pair (numerator, denominator) of integers in centi: a mean is (sum, n), a
median (middle value, 1) or (two middles, 2), a trimmed mean (sum - max - min, n - 2).
An alliance's total is a sum of such pairs; with L a common multiple of every
denominator, it is one integer over ``100 * L``. All totals of a round share that scale,
so comparing totals, ranking them and placing them in tier bands is integer comparison
(cross-multiplied where a band's bound has another denominator). ``Fraction`` is built
only for a value that is shown.

The plain reference implementation is ``core.scoring.aggregate`` + ``core.ranking.rank``
(a ``Fraction`` per score); ``tests/test_exact.py`` checks the two agree on random rounds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Part = tuple[int, int]  # (numerator, denominator) in centi: the value is num / den / 100


def consensus_part(values: Sequence[int], method: str) -> Part:
    """The consensus of integer centi values as (numerator, denominator), exactly.

    Same rules as ``core.scoring.consensus``: ``trimmed_mean`` drops one highest and one
    lowest value when there are at least 4 values, else it is the plain mean.
    """
    n = len(values)
    if not n:
        raise ValueError("no values to aggregate")
    if method == "mean":
        return sum(values), n
    if method == "median":
        ordered = sorted(values)
        middle = n // 2
        if n % 2:
            return ordered[middle], 1
        return ordered[middle - 1] + ordered[middle], 2
    if method == "trimmed_mean":
        if n >= 4:
            return sum(values) - max(values) - min(values), n - 2
        return sum(values), n
    raise ValueError(f"unknown consensus method {method!r}")


def common_denominator(most_reviewers: int) -> int:
    """A multiple of every consensus denominator with up to ``most_reviewers`` values."""
    return math.lcm(*range(1, max(most_reviewers, 1) + 1))


@dataclass(frozen=True)
class ExactTotals:
    """Every scored alliance's exact total as an integer over one common ``scale``."""

    scale: int
    numerators: Mapping[str, int]

    def __contains__(self, uid: object) -> bool:
        return uid in self.numerators

    def __len__(self) -> int:
        return len(self.numerators)

    def total(self, uid: str) -> Fraction:
        return Fraction(self.numerators[uid], self.scale)

    def as_fractions(self) -> dict[str, Fraction]:
        return {uid: Fraction(n, self.scale) for uid, n in self.numerators.items()}


def combine(
    parts: Sequence[tuple[str, str, int, int]],
    indicator_decisions: Mapping[tuple[str, str], int],
    total_decisions: Mapping[str, int],
    codes: Iterable[str],
) -> ExactTotals:
    """Totals from consensus parts (alliance, indicator, num, den), with the panel's decisions.

    The reference's rules: an alliance has a total when it has any score; an indicator
    decision (centi) replaces that indicator's consensus (scored or not); a total decision
    replaces the sum; only the rubric's indicators (``codes``) count.
    """
    common = math.lcm(*{den for _, _, _, den in parts}) if parts else 1
    rubric = set(codes)
    numerators: dict[str, int] = {}
    for alliance_uid, code, num, den in parts:
        so_far = numerators.get(alliance_uid, 0)
        if code in rubric and (alliance_uid, code) not in indicator_decisions:
            so_far += num * (common // den)
        numerators[alliance_uid] = so_far
    return finish(numerators, common, indicator_decisions, total_decisions, rubric)


def finish(
    numerators: dict[str, int],
    common: int,
    indicator_decisions: Mapping[tuple[str, str], int],
    total_decisions: Mapping[str, int],
    codes: Iterable[str],
) -> ExactTotals:
    """Add the indicator decisions and apply the total decisions to undecided sums.

    ``numerators`` (in centi times ``common``) hold the consensus of every undecided
    indicator of every scored alliance.
    """
    rubric = set(codes)
    for (alliance_uid, code), centi in indicator_decisions.items():
        if alliance_uid in numerators and code in rubric:
            numerators[alliance_uid] += centi * common
    for alliance_uid, centi in total_decisions.items():
        if alliance_uid in numerators:
            numerators[alliance_uid] = centi * common
    return ExactTotals(100 * common, numerators)


def round_ratio(numerator: int, denominator: int, rule: str = "half_up") -> Decimal:
    """``numerator / denominator`` rounded to an integer by the round's rule, as a Decimal.

    The same as ``core.points.round_points`` (Decimal's ROUND_HALF_UP, ROUND_HALF_EVEN,
    ROUND_DOWN: halves away from zero, halves to even, towards zero), on integers.
    """
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), denominator)
    if rule == "down":
        pass
    elif rule == "half_up":
        if 2 * remainder >= denominator:
            quotient += 1
    elif rule == "half_even":
        if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
            quotient += 1
    else:
        raise ValueError(f"unknown rounding rule {rule!r}")
    return Decimal(sign * quotient)
