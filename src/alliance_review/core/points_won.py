"""Where points were won and lost: the figures behind section 五 of the report.

The 2015 report argues its summary "通过对各联盟得、失分的情况分析": alliances whose
secretariat runs to rule score higher on every category, the lower tiers lose most on
self-funded and commissioned projects, few alliances publicise their work. These are
the figures for that argument, from the consensus per indicator of the ranked
alliances (an indicator nobody scored counts 0, as in the total). Pure functions; no
files, no Qt. Rates are the share of the points available, rounded half up to whole
percent; mean points to one decimal (``one_decimal``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.points import round_points
from alliance_review.core.ranking import RankedRow, TierBand
from alliance_review.core.rubric import Rubric

SECRETARIAT_WORD = "秘书处"  # indicators of the secretariat: their name has this word
FULL_TIME_WORD = "专职"  # the evidence item "配备秘书处专职人员"
PUBLICITY_WORD = "宣传"  # the category of publicity and exchange
SHOWN = 3  # indicators named where a tier loses most / that separate the top tier


def rate(part: Fraction, whole: Fraction) -> int:
    """``part`` as a whole percent of ``whole``, half up (0 of nothing)."""
    return int(round_points(100 * part / whole, "half_up")) if whole else 0


def one_decimal(value: Fraction) -> str:
    return f"{round_points(value, 'half_up', 1):f}"


@dataclass(frozen=True)
class CategoryRate:
    """Share of the category's points won: overall and per tier (None: an empty tier)."""

    code: str
    name: str
    max_points: Fraction
    overall: int
    tiers: tuple[int | None, ...]


@dataclass(frozen=True)
class IndicatorLoss:
    """Mean points a group of alliances lost on one indicator, and its rate."""

    code: str
    name: str
    lost: str  # mean points lost, one decimal
    rate: int  # share of the indicator's points won


@dataclass(frozen=True)
class Separation:
    """An indicator's rate in the top tier and in the other tiers together."""

    code: str
    name: str
    top: int
    rest: int

    @property
    def gap(self) -> int:
        return self.top - self.rest


@dataclass(frozen=True)
class GroupMean:
    """How many alliances are in a group and their mean total (one decimal)."""

    count: int
    mean: str | None


@dataclass(frozen=True)
class Secretariat:
    """Mean total with and without every secretariat indicator at full marks, and with and
    without the full-time staff item done (None: the rubric has no such item)."""

    codes: tuple[str, ...]
    full: GroupMean
    not_full: GroupMean
    staff_item: str | None = None
    with_staff: GroupMean | None = None
    without_staff: GroupMean | None = None


@dataclass(frozen=True)
class PublicityItem:
    code: str
    name: str
    done: int
    share: int  # of the alliances taking part


@dataclass(frozen=True)
class Publicity:
    category: str
    items: tuple[PublicityItem, ...]
    none_done: int  # alliances with none of the category's items done
    all_done: int


@dataclass(frozen=True)
class PointsWon:
    categories: tuple[CategoryRate, ...]
    losses: tuple[tuple[IndicatorLoss, ...], ...]  # per tier, the largest first
    separating: tuple[Separation, ...]  # largest gap first
    secretariat: Secretariat | None
    publicity: Publicity | None


def _mean(values: Sequence[Fraction]) -> str | None:
    return one_decimal(sum(values, Fraction(0)) / len(values)) if values else None


def points_won(
    rubric: Rubric,
    rows: Sequence[RankedRow],
    consensus: Mapping[str, Mapping[str, Fraction]],
    tiers: Sequence[TierBand],
    done: Mapping[str, Collection[tuple[str, str]]],
) -> PointsWon:
    """Section 五's figures over the ranked alliances (best first)."""
    index = {t.name: i for i, t in enumerate(tiers)}
    groups: list[list[RankedRow]] = [[] for _ in tiers]
    for row in rows:
        groups[index[row.tier.name]].append(row)

    def won(members: Sequence[RankedRow], codes: Sequence[str]) -> Fraction:
        return sum(
            (consensus.get(r.alliance.uid, {}).get(c, Fraction(0)) for r in members for c in codes),
            Fraction(0),
        )

    categories = []
    for category in rubric.categories:
        codes = [i.code for i in category.indicators]
        top = sum((i.max_points for i in category.indicators), Fraction(0))
        categories.append(
            CategoryRate(
                category.code,
                category.name,
                top,
                rate(won(rows, codes), top * len(rows)),
                tuple(rate(won(g, codes), top * len(g)) if g else None for g in groups),
            )
        )
    indicators = list(rubric.indicators())
    losses = []
    for members in groups:
        found = []
        for indicator in indicators:
            if not members:
                break
            got = won(members, [indicator.code]) / len(members)
            found.append((indicator.max_points - got, indicator, got))
        found.sort(key=lambda entry: -entry[0])  # stable: rubric order on a tie
        losses.append(
            tuple(
                IndicatorLoss(i.code, i.name, one_decimal(lost), rate(got, i.max_points))
                for lost, i, got in found[:SHOWN]
                if lost > 0
            )
        )
    separating: list[Separation] = []
    rest = [r for g in groups[1:] for r in g]
    if groups and groups[0] and rest:
        for indicator in indicators:
            top_rate = rate(won(groups[0], [indicator.code]), indicator.max_points * len(groups[0]))
            rest_rate = rate(won(rest, [indicator.code]), indicator.max_points * len(rest))
            separating.append(Separation(indicator.code, indicator.name, top_rate, rest_rate))
        separating.sort(key=lambda s: -s.gap)
        separating = [s for s in separating[:SHOWN] if s.gap > 0]
    return PointsWon(
        tuple(categories),
        tuple(losses),
        tuple(separating),
        _secretariat(rubric, rows, consensus, done),
        _publicity(rubric, rows, done),
    )


def _secretariat(
    rubric: Rubric,
    rows: Sequence[RankedRow],
    consensus: Mapping[str, Mapping[str, Fraction]],
    done: Mapping[str, Collection[tuple[str, str]]],
) -> Secretariat | None:
    chosen = [i for i in rubric.indicators() if SECRETARIAT_WORD in i.name]
    if not chosen or not rows:
        return None
    full: list[Fraction] = []
    other: list[Fraction] = []
    for row in rows:
        mine = consensus.get(row.alliance.uid, {})
        at_full = all(mine.get(i.code, Fraction(0)) >= i.max_points for i in chosen)
        (full if at_full else other).append(row.total)
    staff = next(
        (
            (i.code, item)
            for i in rubric.indicators()
            for item in i.items
            if FULL_TIME_WORD in item.name
        ),
        None,
    )
    result = Secretariat(
        tuple(i.code for i in chosen),
        GroupMean(len(full), _mean(full)),
        GroupMean(len(other), _mean(other)),
    )
    if staff is None:
        return result
    code, item = staff
    having = [r.total for r in rows if (code, item.key) in done.get(r.alliance.uid, ())]
    lacking = [r.total for r in rows if (code, item.key) not in done.get(r.alliance.uid, ())]
    return Secretariat(
        result.codes,
        result.full,
        result.not_full,
        item.name,
        GroupMean(len(having), _mean(having)),
        GroupMean(len(lacking), _mean(lacking)),
    )


def _publicity(
    rubric: Rubric, rows: Sequence[RankedRow], done: Mapping[str, Collection[tuple[str, str]]]
) -> Publicity | None:
    category = next((c for c in rubric.categories if PUBLICITY_WORD in c.name), None)
    if category is None or not rows:
        return None
    keys = [(i.code, item.key, item.name) for i in category.indicators for item in i.items]
    if not keys:
        return None
    items = []
    for code, key, name in keys:
        count = sum(1 for r in rows if (code, key) in done.get(r.alliance.uid, ()))
        items.append(PublicityItem(code, name, count, rate(Fraction(count), Fraction(len(rows)))))
    none_done = sum(
        1 for r in rows if not any((c, k) in done.get(r.alliance.uid, ()) for c, k, _ in keys)
    )
    all_done = sum(
        1 for r in rows if all((c, k) in done.get(r.alliance.uid, ()) for c, k, _ in keys)
    )
    return Publicity(category.name, tuple(items), none_done, all_done)
