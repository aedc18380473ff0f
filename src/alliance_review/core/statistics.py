"""The statistics of the report: participation, tiers, batches, distribution, indicators.

Pure functions over the ranked rows and the consensus per indicator; no files, no Qt.
Shares follow a declared rule (``core.shares``); figures a report printed are typed in
(``core.published``) and shown beside, never recomputed.

A change against the previous year is the difference of the two rounded shares in
percentage points, as the report prints it (45 % - 31 % = +14).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from alliance_review.core.activity import (
    Done,
    IndicatorItemsFigure,
    ItemFigure,
    Participation,
    batch_of,
    full_marks,
    item_figures,
    participation,
    repeated,
)
from alliance_review.core.errors import UserError
from alliance_review.core.points_won import PointsWon, points_won
from alliance_review.core.published import PreviousYear as PreviousYear
from alliance_review.core.published import PublishedFigures as PublishedFigures
from alliance_review.core.ranking import RankedRow, TierBand, printed_band_mismatches
from alliance_review.core.roster import BATCH_UNKNOWN, BATCHES, Alliance
from alliance_review.core.round_record import RoundRecord
from alliance_review.core.rubric import Rubric
from alliance_review.core.shares import SHARE_RULE_ZH as SHARE_RULE_ZH
from alliance_review.core.shares import (
    SHARE_RULES,
    SINGLE_SHARE_RULE_ZH,
    percent,
    shares,
)
from alliance_review.core.shares import largest_remainder as largest_remainder

CHANGE_RULE_ZH = "与上年相比的变化为两年取整后占比之差，单位为百分点。"
THRESHOLD = 90


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
class BatchFigure:
    """Participation and tier distribution of one pilot batch (or of the unknown batch).

    ``top_two``: alliances in the two best tiers; ``at_threshold``: printed score at or
    above ``RoundStatistics.threshold``; ``full_marks``: names at the rubric's maximum.
    """

    batch: str
    on_roster: int
    took_part: int
    tier_counts: tuple[int, ...]
    tier_shares: tuple[int, ...]
    not_taking_part: int = 0
    by_reason: tuple[tuple[str, int], ...] = ()
    top_two: int = 0
    at_threshold: int = 0
    full_marks: tuple[str, ...] = ()

    @property
    def took_part_share(self) -> int:
        return percent(self.took_part, self.on_roster)

    @property
    def top_two_share(self) -> int:
        return percent(self.top_two, self.took_part)


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
    participation: Participation | None = None
    items: tuple[ItemFigure, ...] = ()
    indicator_items: tuple[IndicatorItemsFigure, ...] = ()
    full_marks: tuple[str, ...] = ()
    threshold: int = THRESHOLD
    share_rule: str = "largest_remainder"
    item_rule: str = "majority"
    tier_by: str = "total"
    # (seq, name, printed score, tier it is in, tier its printed score reads as)
    band_mismatches: tuple[tuple[int, str, str, str, str], ...] = ()
    # section 五: where points were won and lost; section 一: the round's own record
    points_won: PointsWon | None = None
    record: RoundRecord | None = None

    @property
    def repeated_full_marks(self) -> tuple[str, ...] | None:
        """This year's full marks that had full marks last year too (None: not known)."""
        if self.previous is None or self.previous.full_marks is None:
            return None
        return repeated(self.full_marks, self.previous.full_marks)

    @property
    def did_not_take_part(self) -> int:
        if self.participation is not None:
            return self.participation.not_taking_part
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
    alliances: Sequence[Alliance],
    rows: Sequence[RankedRow],
    tiers: Sequence[TierBand],
    absent: Mapping[str, str] | None = None,
    rule: str = "largest_remainder",
    threshold: int = THRESHOLD,
    top: Fraction | None = None,
    reasons: Sequence[str] = (),
    batches: Sequence[str] = BATCHES,
) -> list[BatchFigure]:
    """Per pilot batch, then an honest "批次不详" group for alliances of unknown batch.

    ``absent``: alliance uid -> reason of those marked as not taking part; ``batches``:
    the round's batches in their order (the register keeps them as data). This is the
    one place the report iterates over batches.
    """
    absent = absent or {}
    figures = []
    for group in [*batches, BATCH_UNKNOWN]:
        members = [a for a in alliances if batch_of(a, batches) == group]
        ranked = [r for r in rows if batch_of(r.alliance, batches) == group]
        if not members and not ranked:
            continue
        counts = tier_counts(ranked, tiers)
        why: dict[str, int] = {reason: 0 for reason in reasons}
        for alliance in members:
            if alliance.uid in absent:
                why[absent[alliance.uid]] = why.get(absent[alliance.uid], 0) + 1
        figures.append(
            BatchFigure(
                group,
                len(members),
                len(ranked),
                tuple(counts),
                tuple(shares(counts, rule)),
                sum(why.values()),
                tuple(why.items()),
                sum(counts[:2]),
                sum(1 for r in ranked if r.printed_score >= threshold),
                () if top is None else full_marks(ranked, top),
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
    *,
    absent: Mapping[str, str] | None = None,
    reasons: Sequence[str] = (),
    done: Done | None = None,
    claimed: Sequence[tuple[str, str, str]] = (),
    share_rule: str = "largest_remainder",
    threshold: int = THRESHOLD,
    item_rule: str = "majority",
    tier_by: str = "total",
    record: RoundRecord | None = None,
    batches: Sequence[str] = BATCHES,
) -> RoundStatistics:
    """Every figure of the report from the ranked rows (best first).

    Last year's figures come from ``previous``, else from ``published`` if it has them.
    ``absent`` (alliance uid -> reason) marks the pilots that did not take part,
    ``reasons`` is the round's list of reasons; ``done`` the evidence items each
    alliance counts as having done (``claimed``: its own ticks).
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
    overall = shares(counts, share_rule)
    figures = tuple(
        TierFigure(
            tier.name,
            count,
            share,
            None if previous is None else previous.shares[i],
        )
        for i, (tier, count, share) in enumerate(zip(tiers, counts, overall, strict=True))
    )
    notes = [SHARE_RULES[share_rule][0], SINGLE_SHARE_RULE_ZH]
    if previous is not None:
        notes.append(CHANGE_RULE_ZH)
    absent = dict(absent or {})
    top = rubric.max_points
    items, indicator_items = item_figures(rubric, rows, tiers, done or {}, claimed)
    return RoundStatistics(
        year=year,
        tiers=tiers,
        on_roster=len(alliances),
        took_part=len(rows),
        tier_figures=figures,
        batches=tuple(
            batch_figures(
                alliances, rows, tiers, absent, share_rule, threshold, top, reasons, batches
            )
        ),
        histogram=tuple(histogram(rows, tiers)),
        indicators=tuple(indicator_means(rubric, rows, consensus, tiers)),
        highest=_extreme(rows, best=True),
        lowest=_extreme(rows, best=False),
        previous=previous,
        notes=tuple(notes),
        published=published,
        participation=participation(alliances, rows, absent, reasons),
        items=items,
        indicator_items=indicator_items,
        full_marks=full_marks(rows, top),
        threshold=threshold,
        share_rule=share_rule,
        item_rule=item_rule,
        tier_by=tier_by,
        band_mismatches=tuple(
            (row.seq, row.alliance.name, f"{row.printed_score}", row.tier.name, reading.name)
            for row, reading in printed_band_mismatches(rows, tiers)
        ),
        points_won=points_won(rubric, rows, consensus, tiers, done or {}),
        record=record,
    )


def previous_from_rows(
    rows: Sequence[RankedRow],
    tiers: Sequence[TierBand],
    top: Fraction | None = None,
    rule: str = "largest_remainder",
) -> PreviousYear:
    """Last year's figures computed from last year's ranked round (``top``: its rubric's
    maximum, for the alliances at full marks)."""
    return PreviousYear(
        len(rows),
        tuple(shares(tier_counts(rows, tiers), rule)),
        "round",
        None if top is None else full_marks(rows, top),
    )
