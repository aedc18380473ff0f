"""How the evaluation was done, from the round's own record: section 一 of the report.

The rubric, who was invited and took part, the self-evaluations received, the
reviewers and how many alliances each scored, the panel's decisions and the lock, each
with its dates from the audit trail where the trail records them. Pure data; the
service ``services.report_record`` reads it from a round file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

Span = tuple[str, str]  # first and last date, "YYYY-MM-DD" in the local time zone


def local_date(moment: str) -> str:
    """An ISO time from the file as the local calendar date "YYYY-MM-DD"."""
    when = datetime.fromisoformat(moment)
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.date().isoformat()


def span(moments: Sequence[str]) -> Span | None:
    dates = sorted(local_date(m) for m in moments)
    return (dates[0], dates[-1]) if dates else None


@dataclass(frozen=True)
class CategoryPoints:
    name: str
    indicators: int
    points: Fraction


@dataclass(frozen=True)
class RoundRecord:
    title: str
    year: int
    period: str
    categories: tuple[CategoryPoints, ...]
    max_points: Fraction
    pilots: int
    invited: int  # pilots not marked as not taking part
    selfeval_issued: int  # alliances sent a self-evaluation workbook by the app
    selfeval_issued_on: Span | None
    selfeval_received: int  # alliances with a self-evaluation in the round
    selfeval_imported_on: Span | None  # when workbooks were read in (the trail's dates)
    reviewers: tuple[str, ...]  # names, in the round's order, of those who scored
    reviewers_per_alliance: tuple[int, int] | None  # fewest and most, over scored alliances
    alliances_per_reviewer: tuple[int, int] | None
    files_issued_on: Span | None
    files_merged: int  # reviewers whose file was merged
    merged_on: Span | None
    decided_alliances: int  # alliances with a panel decision on points
    decided_points: int  # indicator and total decisions
    decided_items: int  # decisions on evidence items
    decided_on: Span | None
    locked: bool
    locked_on: str | None
    consensus_method: str  # label, e.g. 平均值
    rounding: str  # label, e.g. 四舍五入

    @property
    def indicators(self) -> int:
        return sum(c.indicators for c in self.categories)
