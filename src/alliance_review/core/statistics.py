"""The statistics of the report: participation, tiers, batches, distribution, indicators.

Pure functions over the ranked rows and the consensus per indicator; no files, no Qt.

Rounding rule for shares (stated in every report that prints them): a share is the
percentage of its group, rounded to a whole percent by the largest-remainder method
(Hamilton): every share is first rounded down, then the points still missing to 100 go
one each to the largest remainders, ties to the tier listed first. So the shares of one
breakdown always sum to 100. The 2015 report's tier shares (45/27/14/14 of 56/34/18/17)
follow this rule; its batch-1 shares (58/24/6/12) follow no single rule, so published
figures are shown as typed, never recomputed.

A change against the previous year is the difference of the two rounded shares in
percentage points, as the report prints it (45 % - 31 % = +14).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from alliance_review.core.errors import UserError
from alliance_review.core.ranking import RankedRow, TierBand
from alliance_review.core.roster import BATCH_UNKNOWN, BATCHES, Alliance
from alliance_review.core.rubric import Rubric

SHARE_RULE_ZH = (
    "占比按各组总数计算，取整到百分之一，采用最大余数法（先全部舍去小数，"
    "再把差额逐一分给余数最大的项，余数相同时先给排在前面的档次），各项之和为 100%。"
)
SHARE_RULE_EN = (
    "Shares are percentages of their group rounded to whole percent by the largest-remainder "
    "method (round all down, give the missing points to the largest remainders, earlier "
    "tier first on a tie); the shares of a breakdown sum to 100."
)
PUBLISHED_FORMAT = "alliance-review-published-figures"
CHANGE_RULE_ZH = "与上年相比的变化为两年取整后占比之差，单位为百分点。"


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


@dataclass(frozen=True)
class TierFigure:
    """One tier: its count and share, and last year's share and the change if known."""

    name: str
    count: int
    share: int
    previous_share: int | None = None

    @property
    def change(self) -> int | None:
        return None if self.previous_share is None else self.share - self.previous_share


@dataclass(frozen=True)
class PreviousYear:
    """Last year's figures: a count that took part and the tier shares in percent.

    From last year's round file, or typed in from last year's published report.
    """

    took_part: int | None
    shares: tuple[int, ...]
    source: str = ""

    @classmethod
    def parse(cls, shares_text: str, count: int | None = None, source: str = "") -> PreviousYear:
        """Read typed shares such as "31,32,25,12" (percent, tier order)."""
        try:
            shares = tuple(int(part) for part in shares_text.replace("，", ",").split(","))
        except ValueError as error:
            raise UserError(
                f"上年占比「{shares_text}」应为以逗号分隔的整数，如 31,32,25,12。",
                f"Last year's shares {shares_text!r} must be whole numbers separated by "
                "commas, e.g. 31,32,25,12.",
            ) from error
        if any(s < 0 or s > 100 for s in shares) or sum(shares) != 100:
            raise UserError(
                f"上年各档占比之和为 {sum(shares)}%，应为 100%。",
                f"Last year's shares sum to {sum(shares)}, not 100.",
            )
        if count is not None and count < 0:
            raise UserError("上年参评联盟数不能为负数。", "Last year's count cannot be negative.")
        return cls(count, shares, source)


@dataclass(frozen=True)
class PublishedBatch:
    """One pilot batch as a report printed it (typed in for comparison, never recomputed)."""

    batch: str
    on_roster: int
    took_part: int
    tier_counts: tuple[int, ...]
    tier_shares: tuple[int, ...] | None = None

    @property
    def rule_shares(self) -> tuple[int, ...]:
        """The shares our rule gives for the printed counts."""
        return tuple(largest_remainder(self.tier_counts))

    @property
    def follows_rule(self) -> bool | None:
        return None if self.tier_shares is None else self.tier_shares == self.rule_shares


@dataclass(frozen=True)
class PublishedFigures:
    """Figures from a published report, typed in: the pilot count, last year, batches."""

    year: int | None = None
    pilot_count: int | None = None
    previous: PreviousYear | None = None
    batches: tuple[PublishedBatch, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], tiers: int) -> PublishedFigures:
        """Read the ``alliance-review-published-figures`` JSON structure."""

        def refuse(detail: str) -> UserError:
            return UserError(
                f"公布数字文件格式不正确：{detail}。",
                f"The published figures file is malformed: {detail}.",
            )

        if not isinstance(data, Mapping) or data.get("format") != PUBLISHED_FORMAT:
            raise refuse(f"缺少 format: {PUBLISHED_FORMAT}")
        try:
            previous = None
            if data.get("previous") is not None:
                shares = ",".join(str(int(v)) for v in data["previous"]["shares"])
                count = data["previous"].get("took_part")
                previous = PreviousYear.parse(
                    shares, None if count is None else int(count), "published"
                )
            batches = []
            for item in data.get("batches", []):
                counts = tuple(int(v) for v in item["tier_counts"])
                printed = item.get("tier_shares")
                batches.append(
                    PublishedBatch(
                        str(item["batch"]),
                        int(item["on_roster"]),
                        int(item["took_part"]),
                        counts,
                        None if printed is None else tuple(int(v) for v in printed),
                    )
                )
            pilot = data.get("pilot_count")
            year = data.get("year")
            figures = cls(
                None if year is None else int(year),
                None if pilot is None else int(pilot),
                previous,
                tuple(batches),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise refuse(str(error)) from error
        for batch in figures.batches:
            if len(batch.tier_counts) != tiers or (
                batch.tier_shares is not None and len(batch.tier_shares) != tiers
            ):
                raise refuse(f"{batch.batch} 的档次数不是 {tiers}")
            if sum(batch.tier_counts) != batch.took_part:
                raise refuse(f"{batch.batch} 各档家数之和不等于参评数")
        if figures.previous is not None and len(figures.previous.shares) != tiers:
            raise refuse(f"上年占比的档次数不是 {tiers}")
        return figures


@dataclass(frozen=True)
class BatchFigure:
    """Participation and tier distribution of one pilot batch (or of the unknown batch)."""

    batch: str
    on_roster: int
    took_part: int
    tier_counts: tuple[int, ...]
    tier_shares: tuple[int, ...]


@dataclass(frozen=True)
class HistogramBin:
    """Alliances whose exact total lies in ``low <= total < high`` (the top bin is closed)."""

    low: int
    high: int
    count: int
    tier_counts: tuple[int, ...]


@dataclass(frozen=True)
class IndicatorFigure:
    """Mean consensus points of one indicator, overall and per tier."""

    code: str
    name: str
    max_points: Fraction
    mean: Fraction | None
    tier_means: tuple[Fraction | None, ...]

    @property
    def separation(self) -> Fraction | None:
        """Top-tier mean minus bottom-tier mean, as a share of the indicator's max points."""
        known = [m for m in self.tier_means if m is not None]
        if len(known) < 2 or not self.max_points:
            return None
        return (known[0] - known[-1]) / self.max_points


@dataclass(frozen=True)
class Extreme:
    """A printed score at either end of the ranking; ``total`` is that row's exact total."""

    printed_score: int | str
    total: Fraction
    names: tuple[str, ...]


@dataclass(frozen=True)
class RoundStatistics:
    year: int
    tiers: tuple[TierBand, ...]
    on_roster: int
    took_part: int
    tier_figures: tuple[TierFigure, ...]
    batches: tuple[BatchFigure, ...]
    histogram: tuple[HistogramBin, ...]
    indicators: tuple[IndicatorFigure, ...]
    highest: Extreme | None
    lowest: Extreme | None
    previous: PreviousYear | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    published: PublishedFigures | None = None

    @property
    def did_not_take_part(self) -> int:
        return self.on_roster - self.took_part

    @property
    def participation_change(self) -> int | None:
        if self.previous is None or self.previous.took_part is None:
            return None
        return self.took_part - self.previous.took_part


def _printed(row: RankedRow) -> int | str:
    value = row.printed_score
    return int(value) if value == value.to_integral_value() else str(value)


def _extreme(rows: Sequence[RankedRow], best: bool) -> Extreme | None:
    """The highest (or lowest) printed score and every alliance printed with it."""
    if not rows:
        return None
    row = rows[0] if best else rows[-1]
    names = tuple(r.alliance.name for r in rows if r.printed_score == row.printed_score)
    return Extreme(_printed(row), row.total, names)


def tier_counts(rows: Sequence[RankedRow], tiers: Sequence[TierBand]) -> list[int]:
    index = {t.name: i for i, t in enumerate(tiers)}
    counts = [0] * len(tiers)
    for row in rows:
        counts[index[row.tier.name]] += 1
    return counts


def histogram(
    rows: Sequence[RankedRow], tiers: Sequence[TierBand], width: int = 5, top: int = 100
) -> list[HistogramBin]:
    """Bins of ``width`` points from below the lowest total up to ``top`` (closed at top)."""
    if not rows:
        return []
    lowest = min(r.total for r in rows)
    start = (int(lowest) // width) * width
    index = {t.name: i for i, t in enumerate(tiers)}
    edges = list(range(start, top, width))
    counts = [[0] * len(tiers) for _ in edges]
    for row in rows:
        position = min(int((row.total - start) // width), len(edges) - 1)
        counts[position][index[row.tier.name]] += 1
    return [
        HistogramBin(low, min(low + width, top), sum(c), tuple(c))
        for low, c in zip(edges, counts, strict=True)
    ]


def indicator_means(
    rubric: Rubric,
    rows: Sequence[RankedRow],
    consensus: Mapping[str, Mapping[str, Fraction]],
    tiers: Sequence[TierBand],
) -> list[IndicatorFigure]:
    """Mean consensus per indicator, overall and per tier (which indicators separate tiers)."""
    figures = []
    for indicator in rubric.indicators():
        per_tier: list[list[Fraction]] = [[] for _ in tiers]
        index = {t.name: i for i, t in enumerate(tiers)}
        for row in rows:
            value = consensus.get(row.alliance.uid, {}).get(indicator.code)
            if value is not None:
                per_tier[index[row.tier.name]].append(value)
        everything = [v for values in per_tier for v in values]
        figures.append(
            IndicatorFigure(
                indicator.code,
                indicator.name,
                indicator.max_points,
                _mean(everything),
                tuple(_mean(values) for values in per_tier),
            )
        )
    return figures


def _mean(values: Sequence[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def batch_figures(
    alliances: Sequence[Alliance], rows: Sequence[RankedRow], tiers: Sequence[TierBand]
) -> list[BatchFigure]:
    """Per pilot batch, then an honest "批次不详" group for alliances of unknown batch."""
    groups = [*BATCHES, BATCH_UNKNOWN]

    def group_of(alliance: Alliance) -> str:
        return alliance.batch if alliance.batch in BATCHES else BATCH_UNKNOWN

    figures = []
    for group in groups:
        members = [a for a in alliances if group_of(a) == group]
        ranked = [r for r in rows if group_of(r.alliance) == group]
        if not members and not ranked:
            continue
        counts = tier_counts(ranked, tiers)
        figures.append(
            BatchFigure(
                group, len(members), len(ranked), tuple(counts), tuple(largest_remainder(counts))
            )
        )
    return figures


def round_statistics(
    year: int,
    tiers: Sequence[TierBand],
    rubric: Rubric,
    alliances: Sequence[Alliance],
    rows: Sequence[RankedRow],
    consensus: Mapping[str, Mapping[str, Fraction]],
    previous: PreviousYear | None = None,
    published: PublishedFigures | None = None,
) -> RoundStatistics:
    """Every figure of the report from the ranked rows (best first).

    Last year's figures come from ``previous``, else from ``published`` if it has them.
    """
    if previous is None and published is not None:
        previous = published.previous
    tiers = tuple(tiers)
    if previous is not None and len(previous.shares) != len(tiers):
        raise UserError(
            f"上年有 {len(previous.shares)} 档占比，本轮次有 {len(tiers)} 档，无法比较。",
            f"Last year has {len(previous.shares)} tier shares but this round has "
            f"{len(tiers)} tiers; they cannot be compared.",
        )
    counts = tier_counts(rows, tiers)
    shares = largest_remainder(counts)
    figures = tuple(
        TierFigure(
            tier.name,
            count,
            share,
            None if previous is None else previous.shares[i],
        )
        for i, (tier, count, share) in enumerate(zip(tiers, counts, shares, strict=True))
    )
    notes = [SHARE_RULE_ZH]
    if previous is not None:
        notes.append(CHANGE_RULE_ZH)
    return RoundStatistics(
        year=year,
        tiers=tiers,
        on_roster=len(alliances),
        took_part=len(rows),
        tier_figures=figures,
        batches=tuple(batch_figures(alliances, rows, tiers)),
        histogram=tuple(histogram(rows, tiers)),
        indicators=tuple(indicator_means(rubric, rows, consensus, tiers)),
        highest=_extreme(rows, best=True),
        lowest=_extreme(rows, best=False),
        previous=previous,
        notes=tuple(notes),
        published=published,
    )


def previous_from_rows(rows: Sequence[RankedRow], tiers: Sequence[TierBand]) -> PreviousYear:
    """Last year's figures computed from last year's ranked round."""
    return PreviousYear(len(rows), tuple(largest_remainder(tier_counts(rows, tiers))), "round")
