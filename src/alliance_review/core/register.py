"""The register of the programme: pilot batches, alliances' names over time, their
status this year, and the results of earlier years (history).

An alliance is one identity across years: its ``uid`` is carried by ``new-round --from``;
a rename keeps it (the old name becomes a ``FormerName``). Status is per year: an
alliance without a ``PilotStatus`` is a pilot this year (scored or marked as not taking
part); a withdrawn (退出/撤销) or suspended one stays in the register, with its history,
but is no pilot this year: it is not assigned, gets no workbook and is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from alliance_review.core.ranking import TierBand
from alliance_review.core.roster import Alliance

WITHDRAWN, SUSPENDED = "withdrawn", "suspended"
STATUSES = {WITHDRAWN: ("退出", "withdrawn"), SUSPENDED: ("暂停", "suspended")}

# a year's result of one alliance
RANKED, NOT_TAKING_PART, NOT_SCORED = "ranked", "not_taking_part", "not_scored"
RESULT_STATUSES = {
    RANKED: ("参评", "ranked"),
    NOT_TAKING_PART: ("未参评", "did not take part"),
    NOT_SCORED: ("未评分", "not scored"),
    WITHDRAWN: ("退出", "withdrawn"),
    SUSPENDED: ("暂停", "suspended"),
}


@dataclass(frozen=True)
class Batch:
    """A pilot batch of the programme: its name, order and the year it was designated."""

    name: str
    position: int
    designated: int | None = None


@dataclass(frozen=True)
class FormerName:
    """A name the alliance bore until it was renamed in the round of ``renamed_in``."""

    name: str
    renamed_in: int


@dataclass(frozen=True)
class PilotStatus:
    """Why an alliance is no pilot this year: withdrawn or suspended since a year."""

    status: str  # WITHDRAWN | SUSPENDED
    since: int
    reason: str = ""


@dataclass(frozen=True)
class RegisterEntry:
    """One alliance of the register with its status and its former names."""

    alliance: Alliance
    status: PilotStatus | None = None
    former_names: tuple[FormerName, ...] = ()

    @property
    def active(self) -> bool:
        return self.status is None


@dataclass(frozen=True)
class HistoryRound:
    """An earlier round whose results a round carries: its year, the rubric's full marks
    and the tier bands of that year (highest first)."""

    year: int
    round_uid: str
    title: str
    full: Fraction
    tiers: tuple[TierBand, ...]


@dataclass(frozen=True)
class YearResult:
    """One alliance's result in an earlier year, as that year's round held it."""

    alliance_uid: str
    year: int
    name: str  # the name it bore that year
    batch: str | None
    status: str  # one of RESULT_STATUSES
    reason: str = ""  # why it did not take part, withdrew or was suspended
    total: Fraction | None = None  # the exact consensus total (ranked only)
    printed: Decimal | None = None  # the score the appendix printed
    tier: str | None = None
    rank: int | None = None
