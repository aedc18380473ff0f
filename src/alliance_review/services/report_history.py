"""Last year's figures for the year-over-year sentences of the report: how many took part,
the tier shares and who had full marks (participation +9, tier shares ±, 连续两年获得满分).

One interface, ``last_year``, with two sources:

- a file the user names (``--previous``: last year's round, or figures typed in), read
  here as before;
- the round's own history, for a round made ``new-round --from`` last year: the register
  keeps earlier rounds' results per alliance in the round (round ladder step 7, the
  register branch). ``from_history`` is where that source plugs in; until the register's
  history is on main it finds nothing, so the comparison needs ``--previous``.
"""

from __future__ import annotations

from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.published import PreviousYear
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
    """Last year's figures from the round's own history (None: the round keeps none).

    The round file has no history of earlier rounds yet (the register's step 7 adds it);
    when it does, this reads last year's results per alliance from it.
    """
    del store, share_rule
    return None


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
