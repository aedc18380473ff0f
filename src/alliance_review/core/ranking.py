"""Ranking and tiers (活跃度高 / 较高 / 一般 / 较差).

Which number decides the tier is a round setting (``tier_by``): the exact consensus
total (the default) or the printed, rounded score. The 2015 appendix prints row 109 as
65 under the lowest tier, which is only consistent if its exact total was below 65
(e.g. 64.67) and the band was applied before rounding; ``printed_band_mismatches``
lists every such row so the secretary can decide before publishing. Bands are lower
bounds: "75-85" means 75 <= total < 86.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from alliance_review.core.errors import UserError
from alliance_review.core.exact import ExactTotals, round_ratio
from alliance_review.core.points import round_points
from alliance_review.core.roster import BATCHES, Alliance, batch_order

TIE_RULES = {
    "batch_then_roster": "同分按批次、再按名单顺序",
    "roster": "同分按名单顺序",
    "name": "同分按名称",
}


TIER_BY = {
    "total": ("按精确总分划档", "the exact total decides the tier"),
    "printed": ("按公布的取整分数划档", "the printed score decides the tier"),
}


@dataclass(frozen=True)
class TierBand:
    """A tier: its name and the lowest exact total it takes (None for the lowest tier)."""

    name: str
    min_total: Fraction | None


DEFAULT_TIERS: tuple[TierBand, ...] = (
    TierBand("活跃度高", Fraction(86)),
    TierBand("活跃度较高", Fraction(75)),
    TierBand("活跃度一般", Fraction(65)),
    TierBand("活跃度较差", None),
)


def check_tiers(tiers: Sequence[TierBand]) -> None:
    """Bands must be named, strictly descending, and end in an open lowest band."""
    if not tiers or tiers[-1].min_total is not None:
        raise UserError(
            "最后一档须为最低档（不设下限）。", "The last tier must be open at the bottom."
        )
    names = [t.name.strip() for t in tiers]
    if any(not n for n in names) or len(set(names)) != len(names):
        raise UserError("每一档须有名称且互不相同。", "Every tier needs a distinct name.")
    bounds = [t.min_total for t in tiers[:-1]]
    if any(b is None for b in bounds) or any(
        a is not None and b is not None and a <= b for a, b in zip(bounds, bounds[1:], strict=False)
    ):
        raise UserError(
            "各档下限须从高到低排列且互不相同。",
            "Tier lower bounds must be strictly descending.",
        )


def tier_of(total: Fraction, tiers: Sequence[TierBand] = DEFAULT_TIERS) -> TierBand:
    for band in tiers:
        if band.min_total is None or total >= band.min_total:
            return band
    return tiers[-1]


@dataclass(frozen=True)
class RankedRow:
    """One row of the appendix."""

    seq: int
    rank: int
    alliance: Alliance
    total: Fraction
    printed_score: Decimal
    tier: TierBand


def tie_key(
    alliance: Alliance, rule: str, batches: Sequence[str] = BATCHES
) -> tuple[int | str, ...]:
    """The order inside a tie; ``batches``: the round's batches in their order."""
    if rule == "batch_then_roster":
        return (batch_order(alliance.batch, batches), alliance.position)
    if rule == "roster":
        return (alliance.position,)
    if rule == "name":
        return (alliance.name, alliance.position)
    raise ValueError(f"unknown tie rule {rule!r}")


def rank(
    alliances: Sequence[Alliance],
    totals: Mapping[str, Fraction],
    tiers: Sequence[TierBand] = DEFAULT_TIERS,
    rounding: str = "half_up",
    tie_rule: str = "batch_then_roster",
    tier_by: str = "total",
    batches: Sequence[str] = BATCHES,
) -> list[RankedRow]:
    """Rank the alliances that have a total, best first.

    Equal exact totals share a rank (1, 1, 3); the printed sequence number is
    consecutive; the order inside a tie follows ``tie_rule``. ``tier_by`` says which
    number decides the tier: the exact total or the printed score.
    """
    if tier_by not in TIER_BY:
        raise ValueError(f"unknown tier rule {tier_by!r}")
    scored = [a for a in alliances if a.uid in totals]
    scored.sort(key=lambda a: (-totals[a.uid], *tie_key(a, tie_rule, batches)))
    rows: list[RankedRow] = []
    previous: Fraction | None = None
    current_rank = 0
    for seq, alliance in enumerate(scored, start=1):
        total = totals[alliance.uid]
        if total != previous:
            current_rank, previous = seq, total
        printed = round_points(total, rounding)
        rows.append(
            RankedRow(
                seq=seq,
                rank=current_rank,
                alliance=alliance,
                total=total,
                printed_score=printed,
                tier=tier_of(total if tier_by == "total" else Fraction(printed), tiers),
            )
        )
    return rows


def printed_band_mismatches(
    rows: Sequence[RankedRow], tiers: Sequence[TierBand]
) -> list[tuple[RankedRow, TierBand]]:
    """Rows whose printed score reads as another tier's band, with that tier.

    Under ``tier_by="total"`` a total of 85.5 prints as 86 under 活跃度较高 while 86 is
    活跃度高's band; a reader of the appendix would see a contradiction.
    """
    found = []
    for row in rows:
        reading = tier_of(Fraction(row.printed_score), tiers)
        if reading.name != row.tier.name:
            found.append((row, reading))
    return found


def tier_index(numerator: int, scale: int, tiers: Sequence[TierBand]) -> int:
    """``tier_of`` on an exact total ``numerator / scale``, by cross-multiplication."""
    for index, band in enumerate(tiers):
        bound = band.min_total
        if bound is None or numerator * bound.denominator >= bound.numerator * scale:
            return index
    return len(tiers) - 1


def rank_exact(
    alliances: Sequence[Alliance],
    totals: ExactTotals,
    tiers: Sequence[TierBand] = DEFAULT_TIERS,
    rounding: str = "half_up",
    tie_rule: str = "batch_then_roster",
    tier_by: str = "total",
    batches: Sequence[str] = BATCHES,
) -> list[RankedRow]:
    """``rank`` on integer totals: the same rows, compared without a Fraction per alliance.

    Totals share one denominator, so the order, the shared ranks and the tier bands are
    integer comparisons; a row's Fraction total and printed score are made once.
    """
    if tier_by not in TIER_BY:
        raise ValueError(f"unknown tier rule {tier_by!r}")
    numerators = totals.numerators
    scale = totals.scale
    scored = [a for a in alliances if a.uid in numerators]
    scored.sort(key=lambda a: (-numerators[a.uid], *tie_key(a, tie_rule, batches)))
    rows: list[RankedRow] = []
    previous: int | None = None
    current_rank = 0
    for seq, alliance in enumerate(scored, start=1):
        numerator = numerators[alliance.uid]
        if numerator != previous:
            current_rank, previous = seq, numerator
        printed = round_ratio(numerator, scale, rounding)
        tier = (
            tiers[tier_index(numerator, scale, tiers)]
            if tier_by == "total"
            else tier_of(Fraction(printed), tiers)
        )
        rows.append(
            RankedRow(
                seq=seq,
                rank=current_rank,
                alliance=alliance,
                total=Fraction(numerator, scale),
                printed_score=printed,
                tier=tier,
            )
        )
    return rows
