"""A round's results as history: what ``new-round --from`` carries into next year's round,
what a reviewer file carries of its own alliances, and the year-over-year figures.

A round made from last year's keeps last year's results (and every year before that it
carried), so it holds its own history without the older files at hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from alliance_review.core.history import YearOverYear, year_over_year
from alliance_review.core.register import (
    NOT_SCORED,
    NOT_TAKING_PART,
    RANKED,
    HistoryRound,
    YearResult,
)
from alliance_review.services.results import RoundResult, compute
from alliance_review.storage.round_store import RoundStore


def results_of(
    store: RoundStore, result: RoundResult | None = None
) -> tuple[HistoryRound, list[YearResult]]:
    """This round's results, one row per alliance of its register, as a later round
    carries them (exact total, printed score, tier and rank of the ranked ones; the
    reason of the others)."""
    settings = store.settings()
    result = result or compute(store)
    ranked = {row.alliance.uid: row for row in result.ranking}
    absent = store.non_participants()
    year = HistoryRound(
        settings.year, settings.uid, settings.title, store.rubric().max_points, settings.tiers
    )
    rows: list[YearResult] = []
    for entry in store.register():
        a = entry.alliance
        if entry.status is not None:
            rows.append(
                YearResult(a.uid, settings.year, a.name, a.batch, entry.status.status,
                           entry.status.reason)
            )  # fmt: skip
        elif a.uid in ranked:
            row = ranked[a.uid]
            rows.append(
                YearResult(a.uid, settings.year, a.name, a.batch, RANKED, "", row.total,
                           row.printed_score, row.tier.name, row.rank)
            )  # fmt: skip
        elif a.uid in absent:
            rows.append(
                YearResult(a.uid, settings.year, a.name, a.batch, NOT_TAKING_PART,
                           absent[a.uid][0])
            )  # fmt: skip
        else:
            rows.append(YearResult(a.uid, settings.year, a.name, a.batch, NOT_SCORED))
    return year, rows


@dataclass(frozen=True)
class Carried:
    """The history a new round takes from ``last``: its earlier years and its own."""

    rounds: list[HistoryRound]
    results: list[YearResult]
    final: bool  # whether last year's round was locked as final


def carried_from(last: RoundStore) -> Carried:
    year, rows = results_of(last)
    return Carried([*last.history_rounds(), year], [*last.history(), *rows], last.settings().locked)


def for_alliances(
    rounds: list[HistoryRound], results: list[YearResult], uids: Iterable[str]
) -> tuple[list[HistoryRound], list[YearResult]]:
    """The years and the rows of some alliances only (what a reviewer file carries)."""
    wanted = set(uids)
    mine = [y for y in results if y.alliance_uid in wanted]
    years = {y.year for y in mine}
    return [r for r in rounds if r.year in years], mine


def year_over_year_of(store: RoundStore, result: RoundResult | None = None) -> YearOverYear:
    """The year-over-year figures of this round against the latest year it carries."""
    result = result or compute(store)
    return year_over_year(
        store.history_rounds(),
        store.history(),
        store.register(),
        result.ranking,
        result.settings.tiers,
        store.rubric().max_points,
    )


def alliance_years(store: RoundStore, uid: str) -> list[YearResult]:
    """An alliance's years: the earlier ones the round carries, then this round's."""
    _, now = results_of(store)
    return [*store.history(uid), *(y for y in now if y.alliance_uid == uid)]
