"""A round (评价轮次): one year's evaluation settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from alliance_review.core.ranking import DEFAULT_TIERS, TierBand


@dataclass(frozen=True)
class RoundSettings:
    """Everything that decides how a round's scores become the published result.

    ``note_margin``: a reviewer must write an evidence note when a score is below full
    marks (``note_below_full``) or differs from the alliance's self-score by more than
    this many points.
    ``disagreement_span``: the panel's threshold for reviewer totals far apart.
    ``tier_by``: "total" puts an alliance in the band of its exact total (so 64.67 is
    printed as 65 under the lowest tier, as the 2015 appendix does with row 109);
    "printed" in the band of the score as printed.
    """

    uid: str
    title: str
    year: int
    period: str = ""
    description: str = ""
    consensus_method: str = "mean"
    rounding: str = "half_up"
    tie_rule: str = "batch_then_roster"
    reviewers_per_alliance: int = 3
    tiers: tuple[TierBand, ...] = DEFAULT_TIERS
    note_below_full: bool = True
    note_margin: Fraction = field(default=Fraction(2))
    locked: bool = False
    # the panel flags an alliance whose reviewer totals span more than this many points
    disagreement_span: Fraction = field(default=Fraction(10))
    # an evidence item counts as done when its reviewers' ticks meet this rule
    # (core.evidence.ITEM_RULES)
    item_rule: str = "majority"
    # which number decides the tier: the exact total ("total") or the printed score
    tier_by: str = "total"
