"""Last year's figures for the year-over-year sentences of the report: how many took part,
the tier shares and who had full marks (participation +9, tier shares ±, 连续两年获得满分).

One interface, ``last_year``, with two sources:

- a file the user names (``--previous``: last year's round, or figures typed in), read
  here as before;
- the round's own history, for a round made ``new-round --from`` last year: the register
  keeps earlier rounds' results per alliance in the round (round ladder step 7:
  ``history_round``, ``history_tier``, ``history``), so such a round needs no
  ``--previous`` file.
"""

from __future__ import annotations

from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.published import PreviousYear
from alliance_review.core.shares import shares
from alliance_review.core.statistics import previous_from_rows
from alliance_review.services.results import compute
from alliance_review.storage.round_store import RoundStore


def from_round_file(path: Path | str, year: int, share_rule: str) -> PreviousYear:
    """Last year's figures computed from last year's round file (older than ``year``)."""
    with RoundStore.open(path) as store:
        earlier = compute(store)
        top = store.rubric().max_points
    if earlier.settings.year >= year:
        raise UserError(
            f"上年评价轮次应早于本轮次（{year} 年度），所选文件是 {earlier.settings.year} 年度的。",
            f"Last year's round must be older than this round ({year}); the chosen file is "
            f"for {earlier.settings.year}.",
        )
    found = previous_from_rows(earlier.ranking, earlier.settings.tiers, top, share_rule)
    return PreviousYear(found.took_part, found.shares, found.source, found.full_marks,
                        earlier.settings.year)  # fmt: skip


def from_history(store: RoundStore, share_rule: str) -> PreviousYear | None:
    """Last year's figures from the round's own history: the latest earlier year it
    carries (None: it carries none). Full marks are compared by the name the alliance
    bore that year, as with a --previous file."""
    year = store.settings().year
    rounds = [r for r in store.history_rounds() if r.year < year]
    if not rounds:
        return None
    last = max(rounds, key=lambda r: r.year)
    ranked = [r for r in store.history() if r.year == last.year and r.status == "ranked"]
    ranked.sort(key=lambda r: (r.rank is None, r.rank or 0))
    counts = [sum(1 for r in ranked if r.tier == tier.name) for tier in last.tiers]
    full = tuple(r.name for r in ranked if r.total is not None and r.total >= last.full)
    return PreviousYear(len(ranked), tuple(shares(counts, share_rule)), "history", full,
                        last.year)  # fmt: skip


def last_year(
    round_path: Path | str,
    year: int,
    previous: Path | str | PreviousYear | None,
    share_rule: str,
) -> PreviousYear | None:
    """Last year's figures: from ``previous`` when the user gives it, else the round's own
    history, else None (the report then makes no comparison)."""
    if isinstance(previous, PreviousYear):
        return previous
    if previous is not None:
        return from_round_file(previous, year, share_rule)
    with RoundStore.open(round_path) as store:
        return from_history(store, share_rule)
