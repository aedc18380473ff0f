"""The round's computed result: consensus, totals, ranking, tiers."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from alliance_review.core.points import exact_text
from alliance_review.core.ranking import RankedRow, printed_band_mismatches, rank
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import AllianceResult, aggregate
from alliance_review.storage.round_store import RoundStore


@dataclass(frozen=True)
class RoundResult:
    settings: RoundSettings
    results: dict[str, AllianceResult]
    ranking: list[RankedRow]


def compute(store: RoundStore, method: str | None = None) -> RoundResult:
    """Rank the round with its own consensus method (or ``method`` to preview another)."""
    settings = store.settings()
    decisions = store.decisions()
    indicator_overrides = {(a, i): p for (a, i), (p, _) in decisions.items() if i}
    total_overrides = {a: p for (a, i), (p, _) in decisions.items() if not i}
    results = aggregate(
        store.rubric(),
        store.scores(),
        method or settings.consensus_method,
        indicator_overrides,
        total_overrides,
    )
    totals: dict[str, Fraction] = {uid: r.total for uid, r in results.items()}
    ranking = rank(
        store.alliances(),
        totals,
        settings.tiers,
        settings.rounding,
        settings.tie_rule,
        settings.tier_by,
    )
    return RoundResult(settings, results, ranking)


def band_mismatches(path: Path | str) -> list[tuple[str, str]]:
    """(Chinese, English) one line per alliance whose printed score reads as another
    tier's band than the tier it is printed under, for the secretary to decide on before
    publishing (e.g. 86 printed under 活跃度较高 while 86 is 活跃度高's band)."""
    with RoundStore.open(path) as store:
        result = compute(store)
    return [
        (
            f"第 {row.seq} 名「{row.alliance.name}」：评分 {row.printed_score}，"
            f"列在{row.tier.name}，但 {row.printed_score} 分属于{reading.name}的分数段",
            f"No. {row.seq} {row.alliance.name}: printed {row.printed_score} under "
            f"{row.tier.name}, but {row.printed_score} is in {reading.name}'s band",
        )
        for row, reading in printed_band_mismatches(result.ranking, result.settings.tiers)
    ]


def ranking_of(path: Path | str) -> RoundResult:
    with RoundStore.open(path) as store:
        return compute(store)


def ranking_records(ranking: list[RankedRow]) -> list[dict[str, Any]]:
    """The ranked list as plain records (for ``ranking --json``)."""
    return [
        {
            "seq": row.seq,
            "rank": row.rank,
            "name": row.alliance.name,
            "printed_score": int(row.printed_score)
            if row.printed_score == row.printed_score.to_integral_value()
            else str(row.printed_score),
            "total": exact_text(row.total),
            "tier": row.tier.name,
        }
        for row in ranking
    ]
