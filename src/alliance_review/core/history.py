"""Year over year: what a round's results say against the previous year's it carries.

The source's report says "连续两年获得满分" (full marks two years running); the report also
counts tier moves since last year (up, down, unchanged, by the tiers' order of each
year), new pilots this year and the alliances withdrawn since last year. All from the
round's own history (``core.register.YearResult`` rows of the previous year), never from
the older files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.ranking import RankedRow, TierBand
from alliance_review.core.register import (
    RANKED,
    SUSPENDED,
    WITHDRAWN,
    HistoryRound,
    RegisterEntry,
    YearResult,
)


@dataclass(frozen=True)
class TierMove:
    alliance_uid: str
    name: str
    before: str  # last year's tier
    after: str  # this year's tier
    step: int  # > 0 up (a better tier), < 0 down, 0 unchanged


@dataclass(frozen=True)
class YearOverYear:
    """This round against ``previous_year`` (None when the round carries no history)."""

    previous_year: int | None
    full_marks_twice: tuple[str, ...] = ()  # names, in this year's ranked order
    moves: tuple[TierMove, ...] = ()  # alliances ranked both years, in ranked order
    new_pilots: tuple[str, ...] = ()  # pilots this year not in the register last year
    withdrawn_since: tuple[str, ...] = ()  # pilots last year, withdrawn or suspended now

    @property
    def up(self) -> int:
        return sum(1 for m in self.moves if m.step > 0)

    @property
    def down(self) -> int:
        return sum(1 for m in self.moves if m.step < 0)

    @property
    def unchanged(self) -> int:
        return sum(1 for m in self.moves if m.step == 0)


def _position(tiers: Sequence[TierBand], name: str | None) -> int | None:
    return next((i for i, t in enumerate(tiers) if t.name == name), None)


def year_over_year(
    rounds: Sequence[HistoryRound],
    history: Sequence[YearResult],
    register: Sequence[RegisterEntry],
    ranking: Sequence[RankedRow],
    tiers: Sequence[TierBand],
    full: Fraction,
) -> YearOverYear:
    """The figures against the latest earlier year the round carries.

    ``register``: every alliance of the round with its status; ``ranking``: this year's
    ranked rows; ``tiers``: this year's bands (best first); ``full``: this year's full
    marks. A tier move compares the tiers' places in each year's own list of tiers.
    """
    if not rounds:
        return YearOverYear(None)
    last = rounds[-1]
    before = {y.alliance_uid: y for y in history if y.year == last.year}
    pilots_before = {uid for uid, y in before.items() if y.status not in (WITHDRAWN, SUSPENDED)}
    twice = tuple(
        row.alliance.name
        for row in ranking
        if row.total >= full
        and (y := before.get(row.alliance.uid)) is not None
        and y.status == RANKED
        and y.total is not None
        and y.total >= last.full
    )
    moves = []
    for row in ranking:
        y = before.get(row.alliance.uid)
        if y is None or y.status != RANKED:
            continue
        was = _position(last.tiers, y.tier)
        now = _position(tiers, row.tier.name)
        if was is None or now is None:
            continue
        moves.append(TierMove(row.alliance.uid, row.alliance.name, str(y.tier), row.tier.name,
                              was - now))  # fmt: skip
    new = tuple(e.alliance.name for e in register if e.active and e.alliance.uid not in before)
    gone = tuple(
        e.alliance.name for e in register if not e.active and e.alliance.uid in pilots_before
    )
    return YearOverYear(last.year, twice, tuple(moves), new, gone)
