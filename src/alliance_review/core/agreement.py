"""Where reviewers disagree, and what the result depends on. Pure functions, no I/O.

- spreads and disagreement flags (a reviewer-total span above a set number of points,
  an indicator whose spread exceeds half its max);
- agreement per indicator across the round: Krippendorff's alpha (interval metric),
  computed exactly from sums (tests check it against the ``krippendorff`` package),
  and beside it the one-way intraclass correlation ICC(1) (each alliance has its own
  set of reviewers, so the one-way random-effects model is the one that fits);
- tier stability: would dropping any single reviewer move an alliance to another tier;
- reviewer calibration: mean deviation from the consensus (lenient > 0, harsh < 0) and
  its spread, with an optional z-score normalised consensus shown beside the raw one;
- conflicts in the meeting: which panel members must step out for which alliance.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.ranking import TierBand, tier_of
from alliance_review.core.roster import Reviewer
from alliance_review.core.rubric import Rubric
from alliance_review.core.scoring import Score, consensus

DEFAULT_TOTAL_SPAN = Fraction(10)

# alliance -> indicator -> reviewer -> points
Table = dict[str, dict[str, dict[str, Fraction]]]


def score_table(scores: Iterable[Score]) -> Table:
    table: Table = defaultdict(lambda: defaultdict(dict))
    for s in scores:
        table[s.alliance_uid][s.indicator_code][s.reviewer_uid] = s.points
    return table


def reviewer_totals(per_indicator: Mapping[str, Mapping[str, Fraction]]) -> dict[str, Fraction]:
    totals: dict[str, Fraction] = defaultdict(Fraction)
    for by_reviewer in per_indicator.values():
        for reviewer_uid, points in by_reviewer.items():
            totals[reviewer_uid] += points
    return dict(totals)


def spread(values: Iterable[Fraction]) -> Fraction:
    values = list(values)
    return max(values) - min(values) if len(values) > 1 else Fraction(0)


def consensus_total(
    rubric: Rubric,
    per_indicator: Mapping[str, Mapping[str, Fraction]],
    method: str,
    without: str | None = None,
) -> Fraction | None:
    """The computed total of one alliance (optionally leaving one reviewer out)."""
    total = Fraction(0)
    seen = False
    for indicator in rubric.indicators():
        values = [p for r, p in per_indicator.get(indicator.code, {}).items() if r != without]
        if values:
            total += consensus(values, method)
            seen = True
    return total if seen else None


def consensus_totals(rubric: Rubric, table: Table, method: str) -> dict[str, Fraction]:
    """Alliance uid -> its computed total (no decisions), for every scored alliance."""
    totals = {}
    for alliance_uid, per_indicator in table.items():
        total = consensus_total(rubric, per_indicator, method)
        if total is not None:
            totals[alliance_uid] = total
    return totals


# disagreement flags ------------------------------------------------------------------
@dataclass(frozen=True)
class Flag:
    """One reason an alliance needs discussion.

    ``kind``: "total_span" (``value`` the span of reviewer totals), "indicator_spread"
    (``indicator_code`` and its spread), "tier_unstable" (``reviewer_uid`` whose absence
    moves the alliance to ``tier``).
    """

    kind: str
    value: Fraction = Fraction(0)
    indicator_code: str = ""
    reviewer_uid: str = ""
    tier: str = ""


def disagreement_flags(
    rubric: Rubric, table: Table, total_span: Fraction = DEFAULT_TOTAL_SPAN
) -> dict[str, list[Flag]]:
    """Alliance uid -> its flags: reviewer totals span > ``total_span``; an indicator spread
    > half the indicator's max. Alliances without a flag are left out."""
    flags: dict[str, list[Flag]] = {}
    for alliance_uid, per_indicator in table.items():
        found: list[Flag] = []
        span = spread(reviewer_totals(per_indicator).values())
        if span > total_span:
            found.append(Flag("total_span", span))
        for indicator in rubric.indicators():
            s = spread(per_indicator.get(indicator.code, {}).values())
            if s > indicator.max_points / 2:
                found.append(Flag("indicator_spread", s, indicator_code=indicator.code))
        if found:
            flags[alliance_uid] = found
    return flags


# agreement ---------------------------------------------------------------------------
def krippendorff_alpha_interval(units: Iterable[Sequence[Fraction]]) -> float | None:
    """Krippendorff's alpha, interval metric, for units each rated by several reviewers.

    Only units with at least two values are pairable. With sums per unit,
    sum over ordered pairs i != j of (v_i - v_j)^2 = 2 (m * sum v^2 - (sum v)^2), so
    D_o = (1/n) sum_u [2 (m_u S2_u - S1_u^2) / (m_u - 1)] and
    D_e = 2 (n S2 - S1^2) / (n (n - 1)); alpha = 1 - D_o / D_e. None when undefined
    (fewer than two pairable values, or no variation at all).
    """
    pairable = [list(unit) for unit in units if len(unit) >= 2]
    # alpha does not change when every value is scaled: work in exact integers
    scale = math.lcm(*(v.denominator for unit in pairable for v in unit)) if pairable else 1
    n = 0
    observed = Fraction(0)
    s1 = 0
    s2 = 0
    for unit in pairable:
        m = len(unit)
        scaled = [v.numerator * (scale // v.denominator) for v in unit]
        u1 = sum(scaled)
        u2 = sum(v * v for v in scaled)
        observed += Fraction(2 * (m * u2 - u1 * u1), m - 1)
        n += m
        s1 += u1
        s2 += u2
    if n < 2:
        return None
    expected = Fraction(2 * (n * s2 - s1 * s1), n * (n - 1))
    if expected == 0:
        return None
    return float(1 - (observed / n) / expected)


def icc_oneway(units: Iterable[Sequence[Fraction]]) -> float | None:
    """ICC(1): one-way random effects, single rater (Shrout and Fleiss's ICC(1,1)).

    (MSB - MSW) / (MSB + (k0 - 1) MSW) over units with at least two values, where
    k0 = (N - sum n_i^2 / N) / (a - 1) is the usual group size for unequal groups (k0 = k
    when every unit has k values). None with fewer than two units or no variation.
    """
    pairable = [list(unit) for unit in units if len(unit) >= 2]
    a = len(pairable)
    if a < 2:
        return None
    # like alpha, ICC does not change when every value is scaled: sums of exact integers
    scale = math.lcm(*(v.denominator for unit in pairable for v in unit))
    n = 0
    s1 = 0
    s2 = 0
    sizes_squared = 0
    unit_means_part = Fraction(0)  # sum over units of (unit sum)^2 / unit size
    for unit in pairable:
        m = len(unit)
        scaled = [v.numerator * (scale // v.denominator) for v in unit]
        u1 = sum(scaled)
        n += m
        s1 += u1
        s2 += sum(v * v for v in scaled)
        sizes_squared += m * m
        unit_means_part += Fraction(u1 * u1, m)
    return icc_from_sums(a, n, s1, s2, sizes_squared, unit_means_part)


def icc_from_sums(
    a: int, n: int, s1: int, s2: int, sizes_squared: int, unit_means_part: Fraction
) -> float | None:
    """ICC(1) from ``a`` units of ``n`` values: their sum, sum of squares, the sum of
    squared unit sizes and the sum over units of (unit sum)^2 / unit size."""
    between = unit_means_part - Fraction(s1 * s1, n)
    within = s2 - unit_means_part
    msb = between / (a - 1)
    msw = within / (n - a)
    k0 = (n - Fraction(sizes_squared, n)) / (a - 1)
    denominator = msb + (k0 - 1) * msw
    if denominator == 0:
        return None
    return float((msb - msw) / denominator)


@dataclass(frozen=True)
class IndicatorAgreement:
    code: str
    alpha: float | None
    mean_spread: Fraction
    units: int
    icc: float | None = None


def indicator_agreement(rubric: Rubric, table: Table) -> list[IndicatorAgreement]:
    """Per indicator, in rubric order: alpha across alliances, the mean spread."""
    result: list[IndicatorAgreement] = []
    for indicator in rubric.indicators():
        units = [
            list(per_indicator[indicator.code].values())
            for per_indicator in table.values()
            if indicator.code in per_indicator
        ]
        spreads = [spread(u) for u in units if len(u) > 1]
        mean = sum(spreads, Fraction(0)) / len(spreads) if spreads else Fraction(0)
        result.append(
            IndicatorAgreement(
                indicator.code,
                krippendorff_alpha_interval(units),
                mean,
                len(spreads),
                icc_oneway(units),
            )
        )
    return result


def total_agreement(table: Table) -> float | None:
    """Alpha of the reviewers' totals across alliances."""
    return krippendorff_alpha_interval(
        [list(reviewer_totals(per_indicator).values()) for per_indicator in table.values()]
    )


# tier stability ------------------------------------------------------------------------
@dataclass(frozen=True)
class TierMove:
    """Dropping ``reviewer_uid`` would move ``alliance_uid`` from ``tier`` to ``other_tier``."""

    alliance_uid: str
    reviewer_uid: str
    tier: str
    other_tier: str
    total_without: Fraction


def tier_stability(
    rubric: Rubric,
    table: Table,
    method: str,
    tiers: Sequence[TierBand],
    fixed_totals: Mapping[str, Fraction] | None = None,
    full_totals: Mapping[str, Fraction] | None = None,
) -> list[TierMove]:
    """Every (alliance, reviewer) whose absence alone would change the alliance's tier.

    Alliances whose total the panel fixed by a decision (``fixed_totals``) do not move.
    ``full_totals``: the computed totals, when the caller has them already.
    """
    fixed_totals = fixed_totals or {}
    full_totals = full_totals or consensus_totals(rubric, table, method)
    moves: list[TierMove] = []
    for alliance_uid, per_indicator in table.items():
        if alliance_uid in fixed_totals:
            continue
        full = full_totals.get(alliance_uid)
        reviewers = sorted(reviewer_totals(per_indicator))
        if full is None or len(reviewers) < 2:
            continue
        tier = tier_of(full, tiers).name
        for reviewer_uid in reviewers:
            without = consensus_total(rubric, per_indicator, method, without=reviewer_uid)
            if without is None:
                continue
            other = tier_of(without, tiers).name
            if other != tier:
                moves.append(TierMove(alliance_uid, reviewer_uid, tier, other, without))
    return moves


# calibration -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Calibration:
    """A reviewer's totals against the alliances' consensus totals.

    ``mean_deviation`` > 0: lenient, < 0: harsh. ``deviation_sd``: how consistently
    (population standard deviation of the deviations).
    """

    reviewer_uid: str
    alliances: int
    mean_deviation: Fraction
    deviation_sd: float
    mean_total: Fraction
    total_sd: float


def _sd(values: Sequence[Fraction]) -> float:
    if not values:
        return 0.0
    mean = sum(values, Fraction(0)) / len(values)
    return math.sqrt(float(sum(((v - mean) ** 2 for v in values), Fraction(0)) / len(values)))


def calibration(
    rubric: Rubric,
    table: Table,
    method: str,
    full_totals: Mapping[str, Fraction] | None = None,
) -> list[Calibration]:
    """Per reviewer (sorted by uid): deviation of their totals from the consensus totals."""
    full_totals = full_totals or consensus_totals(rubric, table, method)
    deviations: dict[str, list[Fraction]] = defaultdict(list)
    totals: dict[str, list[Fraction]] = defaultdict(list)
    for alliance_uid, per_indicator in table.items():
        full = full_totals.get(alliance_uid)
        if full is None:
            continue
        for reviewer_uid, total in reviewer_totals(per_indicator).items():
            deviations[reviewer_uid].append(total - full)
            totals[reviewer_uid].append(total)
    return [
        Calibration(
            uid,
            len(deviations[uid]),
            sum(deviations[uid], Fraction(0)) / len(deviations[uid]),
            _sd(deviations[uid]),
            sum(totals[uid], Fraction(0)) / len(totals[uid]),
            _sd(totals[uid]),
        )
        for uid in sorted(deviations)
    ]


def normalised_totals(table: Table) -> dict[str, float]:
    """Alliance uid -> the mean of its reviewers' totals after z-scoring each reviewer.

    Each reviewer's totals are turned into z-scores over their own alliances and rescaled
    to the mean and standard deviation of all reviewer totals, so a harsh or a lenient
    reviewer weighs as an average one. Shown beside the raw consensus, never instead.
    """
    by_reviewer: dict[str, dict[str, Fraction]] = defaultdict(dict)
    for alliance_uid, per_indicator in table.items():
        for reviewer_uid, total in reviewer_totals(per_indicator).items():
            by_reviewer[reviewer_uid][alliance_uid] = total
    everything = [t for totals in by_reviewer.values() for t in totals.values()]
    if not everything:
        return {}
    grand_mean = float(sum(everything, Fraction(0)) / len(everything))
    grand_sd = _sd(everything)
    rescaled: dict[str, list[float]] = defaultdict(list)
    for totals in by_reviewer.values():
        values = list(totals.values())
        mean = float(sum(values, Fraction(0)) / len(values))
        sd = _sd(values)
        for alliance_uid, total in totals.items():
            z = (float(total) - mean) / sd if sd > 0 else 0.0
            rescaled[alliance_uid].append(grand_mean + z * grand_sd)
    return {uid: sum(v) / len(v) for uid, v in rescaled.items()}


# conflicts in the meeting ------------------------------------------------------------------
def meeting_conflicts(reviewers: Sequence[Reviewer]) -> dict[str, list[str]]:
    """Alliance uid -> uids of panel members (reviewers) who must step out for it."""
    result: dict[str, list[str]] = defaultdict(list)
    for reviewer in reviewers:
        for alliance_uid in sorted(reviewer.conflicts):
            result[alliance_uid].append(reviewer.uid)
    return dict(result)
