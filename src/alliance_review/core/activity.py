"""What the alliances did and who took part: the counts behind sections 二-四 of the report.

Pure functions over the roster, the ranked rows and the evidence items counted as done
(``core.evidence.done_items``); no files, no Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.ranking import RankedRow, TierBand
from alliance_review.core.roster import BATCH_UNKNOWN, BATCHES, Alliance
from alliance_review.core.rubric import Rubric

Done = Mapping[str, Collection[tuple[str, str]]]  # alliance uid -> (indicator, item key)


@dataclass(frozen=True)
class Participation:
    """Every pilot alliance on the roster: how many took part, how many did not and why."""

    pilots: int
    took_part: int  # ranked: has a total
    not_taking_part: int  # marked as not taking part
    not_scored: tuple[str, ...]  # taking part but no score yet (names)
    by_reason: tuple[tuple[str, int], ...]  # in the order of the round's list of reasons


def participation(
    alliances: Sequence[Alliance],
    rows: Sequence[RankedRow],
    absent: Mapping[str, str],
    reasons: Sequence[str],
) -> Participation:
    """``absent``: alliance uid -> reason of every alliance marked as not taking part."""
    ranked = {r.alliance.uid for r in rows}
    counts = {reason: 0 for reason in reasons}
    for reason in absent.values():
        counts[reason] = counts.get(reason, 0) + 1
    return Participation(
        pilots=len(alliances),
        took_part=len(ranked),
        not_taking_part=len(absent),
        not_scored=tuple(a.name for a in alliances if a.uid not in ranked and a.uid not in absent),
        by_reason=tuple(counts.items()),
    )


def batch_of(alliance: Alliance, batches: Sequence[str] = BATCHES) -> str:
    """The alliance's batch among the round's ``batches``, else 批次不详."""
    batch = alliance.batch
    return batch if batch is not None and batch in batches else BATCH_UNKNOWN


def full_marks(rows: Sequence[RankedRow], top: Fraction) -> tuple[str, ...]:
    """Names of the alliances whose exact total is the rubric's maximum, in ranked order."""
    return tuple(r.alliance.name for r in rows if r.total >= top)


def same_name(name: str) -> str:
    """A name as compared across years: spaces and full-width brackets do not count."""
    return "".join(name.split()).replace("（", "(").replace("）", ")")


def repeated(names: Sequence[str], before: Collection[str]) -> tuple[str, ...]:
    """The ``names`` that also appear in last year's ``before`` (compared by ``same_name``)."""
    earlier = {same_name(n) for n in before}
    return tuple(n for n in names if same_name(n) in earlier)


@dataclass(frozen=True)
class ItemFigure:
    """How many alliances did one evidence item, overall and per tier, and how many claimed
    it in their own self-evaluation."""

    code: str
    key: str
    name: str
    indicator_name: str
    done: int
    tier_done: tuple[int, ...]
    claimed: int


@dataclass(frozen=True)
class IndicatorItemsFigure:
    """Alliances that did every evidence item of one indicator (e.g. both 1.1 items)."""

    code: str
    name: str
    items: int
    done: int
    tier_done: tuple[int, ...]


def item_figures(
    rubric: Rubric,
    rows: Sequence[RankedRow],
    tiers: Sequence[TierBand],
    done: Done,
    claimed: Collection[tuple[str, str, str]] = (),
) -> tuple[tuple[ItemFigure, ...], tuple[IndicatorItemsFigure, ...]]:
    """Per item and per indicator with items: counts over the ranked alliances."""
    index = {t.name: i for i, t in enumerate(tiers)}
    ranked = {r.alliance.uid for r in rows}
    claims = {(code, key): 0 for code, key in ((c, k) for _, c, k in claimed)}
    for uid, code, key in claimed:
        if uid in ranked:
            claims[(code, key)] = claims.get((code, key), 0) + 1
    items: list[ItemFigure] = []
    whole: list[IndicatorItemsFigure] = []
    for indicator in rubric.indicators():
        if not indicator.items:
            continue
        all_done = [0] * len(tiers)
        for item in indicator.items:
            per_tier = [0] * len(tiers)
            for row in rows:
                if (indicator.code, item.key) in done.get(row.alliance.uid, ()):
                    per_tier[index[row.tier.name]] += 1
            items.append(
                ItemFigure(
                    indicator.code,
                    item.key,
                    item.name,
                    indicator.name,
                    sum(per_tier),
                    tuple(per_tier),
                    claims.get((indicator.code, item.key), 0),
                )
            )
        for row in rows:
            mine = done.get(row.alliance.uid, ())
            if all((indicator.code, item.key) in mine for item in indicator.items):
                all_done[index[row.tier.name]] += 1
        whole.append(
            IndicatorItemsFigure(
                indicator.code,
                indicator.name,
                len(indicator.items),
                sum(all_done),
                tuple(all_done),
            )
        )
    return tuple(items), tuple(whole)
