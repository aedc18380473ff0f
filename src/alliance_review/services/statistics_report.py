"""The statistics of the report: figures from a round (and last year's, and figures a
report printed, typed in for comparison), as text and JSON. The PDF is
``services.statistics_pdf``.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from alliance_review.core.errors import UserError
from alliance_review.core.evidence import done_items
from alliance_review.core.points import format_points
from alliance_review.core.published import PreviousYear, PublishedFigures
from alliance_review.core.report_figures import (
    figure_list,
    source_inconsistencies,
)
from alliance_review.core.shares import SHARE_RULE_ZH, SHARE_RULES
from alliance_review.core.statistics import (
    THRESHOLD,
    RoundStatistics,
    round_statistics,
)
from alliance_review.services.item_decisions import apply_decisions
from alliance_review.services.report_history import last_year
from alliance_review.services.report_record import round_record
from alliance_review.services.results import compute
from alliance_review.storage.round_store import RoundStore

PUBLISHED_HEADER = "批次  试点  参评  "


def load_published(path: Path | str, tiers: int) -> PublishedFigures:
    """Read a published-figures JSON file (see resources/published-figures-2015.json)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(
            f"无法读取公布数字文件「{path.name}」。",
            f"Cannot read the published figures file {path.name}.",
        ) from error
    return PublishedFigures.from_data(data, tiers)


def done_by_alliance(store: RoundStore, rule: str) -> dict[str, set[tuple[str, str]]]:
    """Alliance uid -> the evidence items (indicator, key) that count as done under
    ``rule``: enough of the reviewers who scored the alliance ticked them, unless the
    panel decided otherwise for an item (``services.item_decisions``)."""
    scored = store.reviewers_by_alliance()
    ticks: dict[tuple[str, str, str], int] = {}
    for reviewer_uid, alliance_uid, code, key in store.item_ticks():
        if reviewer_uid in scored.get(alliance_uid, ()):
            ticks[(alliance_uid, code, key)] = ticks.get((alliance_uid, code, key), 0) + 1
    found: dict[str, set[tuple[str, str]]] = {}
    for alliance_uid, code, key in done_items(ticks, {a: len(r) for a, r in scored.items()}, rule):
        found.setdefault(alliance_uid, set()).add((code, key))
    return apply_decisions(found, store.item_decisions())


def round_statistics_of(
    round_path: Path | str,
    previous: Path | str | PreviousYear | None = None,
    published: Path | str | None = None,
    share_rule: str = "largest_remainder",
    threshold: int = THRESHOLD,
) -> RoundStatistics:
    """The figures of a round; ``previous`` is last year's round file or typed figures,
    ``published`` a file of figures printed in a report, shown for comparison."""
    if share_rule not in SHARE_RULES:
        raise UserError(f"未知的占比取整规则 {share_rule}。", f"Unknown share rule {share_rule}.")
    with RoundStore.open(round_path) as store:
        result = compute(store).complete()
        rubric = store.rubric()
        alliances = store.alliances()
        absent = {uid: reason for uid, (reason, _) in store.non_participants().items()}
        reasons = store.participation_reasons()
        done = done_by_alliance(store, result.settings.item_rule)
        claimed = sorted(store.self_ticks())
        record = round_record(store)
        batches = store.batch_names()
    if not result.ranking:
        raise UserError(
            "本轮次还没有任何评分，无法统计（请先合并评审专家文件）。",
            "The round has no scores yet, so there is nothing to count (merge the reviewer"
            " files first).",
        )
    previous = last_year(round_path, result.settings.year, previous, share_rule)
    consensus = {uid: r.indicator_consensus for uid, r in result.results.items()}
    figures = None
    if published is not None:
        figures = load_published(published, len(result.settings.tiers))
    return round_statistics(
        result.settings.year,
        result.settings.tiers,
        rubric,
        alliances,
        result.ranking,
        consensus,
        previous,
        figures,
        absent=absent,
        reasons=reasons,
        done=done,
        claimed=claimed,
        share_rule=share_rule,
        threshold=threshold,
        item_rule=result.settings.item_rule,
        tier_by=result.settings.tier_by,
        record=record,
        batches=batches,
    )


def mean_text(value: Fraction | None) -> str:
    return "" if value is None else f"{float(value):.2f}"


def statistics_record(stats: RoundStatistics) -> dict[str, Any]:
    """Plain data for ``statistics --json``."""
    return {
        "year": stats.year,
        "on_roster": stats.on_roster,
        "took_part": stats.took_part,
        "did_not_take_part": stats.did_not_take_part,
        "previous_took_part": None if stats.previous is None else stats.previous.took_part,
        "participation_change": stats.participation_change,
        "share_rule": SHARE_RULE_ZH,
        "tiers": [
            {
                "name": t.name,
                "count": t.count,
                "share": t.share,
                "previous_share": t.previous_share,
                "change": t.change,
            }
            for t in stats.tier_figures
        ],
        "batches": [
            {
                "batch": b.batch,
                "on_roster": b.on_roster,
                "took_part": b.took_part,
                "took_part_share": b.took_part_share,
                "not_taking_part": b.not_taking_part,
                "by_reason": dict(b.by_reason),
                "tier_counts": list(b.tier_counts),
                "tier_shares": list(b.tier_shares),
                "top_two": b.top_two,
                "top_two_share": b.top_two_share,
                "at_threshold": b.at_threshold,
                "full_marks": list(b.full_marks),
            }
            for b in stats.batches
        ],
        "threshold": stats.threshold,
        "histogram": [
            {"low": h.low, "high": h.high, "count": h.count, "tier_counts": list(h.tier_counts)}
            for h in stats.histogram
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name,
                "max_points": format_points(i.max_points),
                "mean": mean_text(i.mean),
                "tier_means": [mean_text(m) for m in i.tier_means],
                "separation": None if i.separation is None else round(float(i.separation), 4),
            }
            for i in stats.indicators
        ],
        "published": None
        if stats.published is None
        else {
            "pilot_count": stats.published.pilot_count,
            "batches": [
                {
                    "batch": b.batch,
                    "on_roster": b.on_roster,
                    "took_part": b.took_part,
                    "tier_counts": list(b.tier_counts),
                    "tier_shares": None if b.tier_shares is None else list(b.tier_shares),
                    "rule_shares": list(b.rule_shares),
                    "follows_rule": b.follows_rule,
                }
                for b in stats.published.batches
            ],
        },
        "participation": None
        if stats.participation is None
        else {
            "pilots": stats.participation.pilots,
            "took_part": stats.participation.took_part,
            "not_taking_part": stats.participation.not_taking_part,
            "not_scored": list(stats.participation.not_scored),
            "by_reason": dict(stats.participation.by_reason),
        },
        "items": [
            {
                "indicator": i.code,
                "key": i.key,
                "name": i.name,
                "done": i.done,
                "tier_done": list(i.tier_done),
                "claimed": i.claimed,
            }
            for i in stats.items
        ],
        "full_marks": list(stats.full_marks),
        "repeated_full_marks": None
        if stats.repeated_full_marks is None
        else list(stats.repeated_full_marks),
        "item_rule": stats.item_rule,
        "tier_by": stats.tier_by,
        "figures": [
            {
                "key": f.key,
                "section": f.section,
                "label": f.label,
                "value": list(f.value) if isinstance(f.value, tuple) else f.value,
                "printed": list(f.printed) if isinstance(f.printed, tuple) else f.printed,
                "matches": f.matches,
            }
            for f in figure_list(stats)
        ],
        "source_inconsistencies": [zh for zh, _ in source_inconsistencies(stats)],
        "highest": None
        if stats.highest is None
        else {"score": stats.highest.printed_score, "names": list(stats.highest.names)},
        "lowest": None
        if stats.lowest is None
        else {"score": stats.lowest.printed_score, "names": list(stats.lowest.names)},
    }
