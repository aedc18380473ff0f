"""The panel's analysis on integers: the same figures as ``core.agreement``, exactly.

``core.agreement`` is the plain reference: a ``Fraction`` per score, each figure computed
on its own. Here the round's scores are held once as integer hundredths (``Cells``: per
alliance, per reviewer, one array of the indicators' values) and every figure is made
from integer sums; a ``Fraction`` is built only for a value that is shown (a flag's
span, a moved total, a calibration mean), and the floats (alpha, ICC, deviations) come
from the same exact rationals as the reference's, so they are the same floats.
``tests/test_analysis_exact.py`` compares the two on random rounds.

Per alliance the work is independent of the others (``AllianceFigures``), so after a
change of one alliance's scores only that alliance is computed again; the round-wide
figures (agreement, calibration, normalised totals) are sums over those.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.agreement import (
    Calibration,
    Flag,
    IndicatorAgreement,
    TierMove,
    icc_from_sums,
)
from alliance_review.core.exact import common_denominator, consensus_part
from alliance_review.core.ranking import TierBand, tier_index
from alliance_review.core.rubric import Rubric

Cell = tuple[str, str, str, int]  # alliance uid, indicator code, reviewer uid, centi
MISSING = -(1 << 62)  # an indicator a reviewer has not scored


class Cells:
    """Every score of a round: alliance -> reviewer -> one array of centi per indicator.

    Indicators are the rubric's, in rubric order, then any other code a score names (a
    damaged file; counted in reviewer totals as the reference counts it, never in a
    consensus). Reviewers keep the order in which the scores first name them.
    """

    def __init__(self, rubric_codes: Sequence[str]) -> None:
        self.codes: list[str] = list(rubric_codes)
        self.in_rubric = len(self.codes)
        self.code_index = {code: n for n, code in enumerate(self.codes)}
        self.reviewer_order: dict[str, int] = {}
        self.rows: dict[str, dict[str, array[int]]] = {}

    @classmethod
    def of(cls, rubric_codes: Sequence[str], cells: Iterable[Cell]) -> Cells:
        """From (alliance, indicator, reviewer, centi) in the file's row order."""
        table = cls(rubric_codes)
        rows, index_of = table.rows, table.code_index
        last_alliance = last_reviewer = None
        found: array[int] | None = None
        # a file's rows come a reviewer's alliance at a time: look up only on a new pair
        for alliance_uid, code, reviewer_uid, centi in cells:
            if alliance_uid != last_alliance or reviewer_uid != last_reviewer:
                by_reviewer = rows.get(alliance_uid)
                found = None if by_reviewer is None else by_reviewer.get(reviewer_uid)
                last_alliance, last_reviewer = alliance_uid, reviewer_uid
            index = index_of.get(code)
            if index is None or found is None:
                table.put(alliance_uid, code, reviewer_uid, centi)  # the general way
                found = rows[alliance_uid][reviewer_uid]
            else:
                found[index] = centi
        return table

    def put(self, alliance_uid: str, code: str, reviewer_uid: str, centi: int) -> None:
        index = self.code_index.get(code)
        if index is None:  # a code outside the rubric: a column of its own
            index = self.code_index[code] = len(self.codes)
            self.codes.append(code)
            for others in self.rows.values():
                for row in others.values():
                    row.append(MISSING)
        self.reviewer_order.setdefault(reviewer_uid, len(self.reviewer_order))
        by_reviewer = self.rows.setdefault(alliance_uid, {})
        found = by_reviewer.get(reviewer_uid)
        if found is None:
            found = by_reviewer[reviewer_uid] = array("q", [MISSING] * len(self.codes))
        found[index] = centi

    def replace_alliance(
        self, alliance_uid: str, cells: Iterable[tuple[str, str, str, int]]
    ) -> None:
        """Put one alliance's scores anew (after they changed)."""
        self.rows.pop(alliance_uid, None)
        for a, code, reviewer_uid, centi in cells:
            if a == alliance_uid:
                self.put(a, code, reviewer_uid, centi)

    def score_cells(self, alliance_uid: str | None = None) -> Iterator[Cell]:
        """(alliance, indicator, reviewer, centi) of every score (of one alliance)."""
        uids = self.rows if alliance_uid is None else [alliance_uid]
        for uid in uids:
            for reviewer_uid, values in self.rows.get(uid, {}).items():
                for index, centi in enumerate(values):
                    if centi != MISSING:
                        yield uid, self.codes[index], reviewer_uid, centi

    def values(self, alliance_uid: str, index: int) -> list[int]:
        """The values of one indicator of one alliance (reviewers in their order)."""
        return [v[index] for v in self.rows.get(alliance_uid, {}).values() if v[index] != MISSING]

    def fractions(self, alliance_uid: str) -> dict[str, dict[str, Fraction]]:
        """One alliance as the reference's table: indicator -> reviewer -> points."""
        table: dict[str, dict[str, Fraction]] = {}
        for reviewer_uid, values in self.rows.get(alliance_uid, {}).items():
            for index, centi in enumerate(values):
                if centi != MISSING:
                    table.setdefault(self.codes[index], {})[reviewer_uid] = Fraction(centi, 100)
        return table


class FractionTable(Mapping[str, Mapping[str, Mapping[str, Fraction]]]):
    """``core.agreement.Table`` (alliance -> indicator -> reviewer -> points) read from
    ``Cells`` one alliance at a time, when asked."""

    def __init__(self, cells: Cells) -> None:
        self.cells = cells

    def __getitem__(self, uid: str) -> Mapping[str, Mapping[str, Fraction]]:
        if uid not in self.cells.rows:
            raise KeyError(uid)
        return self.cells.fractions(uid)

    def __iter__(self) -> Iterator[str]:
        return iter(self.cells.rows)

    def __len__(self) -> int:
        return len(self.cells.rows)


@dataclass(frozen=True)
class AllianceFigures:
    """What the analysis needs of one alliance, in integers.

    Totals are numerators over ``scale`` (centi times the common denominator).
    """

    reviewer_totals: dict[str, int]  # centi, every indicator the reviewer scored
    total: int | None  # the computed total (no decisions), None when nothing is scored
    without: dict[str, int | None]  # the total leaving one reviewer out (sorted uids)
    flags: list[Flag]
    units: list[list[int]]  # per rubric indicator: the values (empty: not scored)


class Analyser:
    """The panel's figures from ``Cells``, per alliance and for the round."""

    def __init__(self, rubric: Rubric, cells: Cells, method: str, total_span: Fraction) -> None:
        self.rubric = rubric
        self.cells = cells
        self.method = method
        self.total_span = total_span
        self.most = max((len(r) for r in cells.rows.values()), default=1)
        self.common = common_denominator(self.most)
        self.scale = 100 * self.common
        self.maxima = [int(i.max_points * 100) for i in rubric.indicators()]
        self.figures: dict[str, AllianceFigures] = {}

    def alliance(self, alliance_uid: str) -> AllianceFigures:
        found = self.figures.get(alliance_uid)
        if found is None:
            found = self.figures[alliance_uid] = self._alliance(alliance_uid)
        return found

    def forget(self, alliance_uids: Iterable[str]) -> None:
        """These alliances' scores changed: their figures are made again when asked."""
        for uid in alliance_uids:
            self.figures.pop(uid, None)
            reviewers = len(self.cells.rows.get(uid, {}))
            if reviewers > self.most:  # totals need a larger common denominator
                self.most = reviewers
                self.common = common_denominator(reviewers)
                self.scale = 100 * self.common
                self.figures.clear()

    def _alliance(self, uid: str) -> AllianceFigures:
        by_reviewer = self.cells.rows.get(uid, {})
        count = self.cells.in_rubric
        common, method = self.common, self.method
        totals = {r: sum(v for v in values if v != MISSING) for r, values in by_reviewer.items()}
        units = [
            [values[i] for values in by_reviewer.values() if values[i] != MISSING]
            for i in range(count)
        ]
        parts: list[int | None] = []  # each indicator's consensus over ``scale``
        for unit in units:
            if unit:
                num, den = consensus_part(unit, method)
                parts.append(num * (common // den))
            else:
                parts.append(None)
        scored = [p for p in parts if p is not None]
        total = sum(scored) if scored else None
        without: dict[str, int | None] = {}
        if len(totals) >= 2:
            for reviewer_uid in sorted(totals):
                without[reviewer_uid] = self._without(by_reviewer[reviewer_uid], units, parts)
        flags: list[Flag] = []
        span = max(totals.values()) - min(totals.values()) if len(totals) > 1 else 0
        bound = self.total_span
        if span * bound.denominator > bound.numerator * 100:
            flags.append(Flag("total_span", Fraction(span, 100)))
        for i, unit in enumerate(units):
            spread = max(unit) - min(unit) if len(unit) > 1 else 0
            if 2 * spread > self.maxima[i]:
                flags.append(Flag("indicator_spread", Fraction(spread, 100), self.cells.codes[i]))
        return AllianceFigures(totals, total, without, flags, units)

    def _without(
        self, left: array[int], units: list[list[int]], parts: list[int | None]
    ) -> int | None:
        """The total with one reviewer's values (``left``) taken out; the consensus of an
        indicator that reviewer did not score stays as it was."""
        common, method = self.common, self.method
        total = 0
        seen = False
        for i, part in enumerate(parts):
            value = left[i]
            if value == MISSING:
                if part is not None:
                    total += part
                    seen = True
                continue
            unit = units[i]
            if len(unit) == 1:
                continue  # that reviewer alone scored it
            if method == "mean":  # sum and count less one value
                total += (sum(unit) - value) * (common // (len(unit) - 1))
            else:
                rest = list(unit)
                rest.remove(value)  # the consensus depends on the values, not on who
                num, den = consensus_part(rest, method)
                total += num * (common // den)
            seen = True
        return total if seen else None

    # the round ----------------------------------------------------------------------------
    def computed_totals(self) -> dict[str, int]:
        """Alliance -> computed total (numerator over ``scale``), every scored alliance."""
        return {
            uid: figures.total
            for uid in self.cells.rows
            if (figures := self.alliance(uid)).total is not None
        }

    def flags(self) -> dict[str, list[Flag]]:
        """Alliance -> its flags (new lists: the caller may add to them)."""
        return {uid: list(f.flags) for uid in self.cells.rows if (f := self.alliance(uid)).flags}

    def tier_moves(self, tiers: Sequence[TierBand], fixed: Iterable[str]) -> list[TierMove]:
        """Every (alliance, reviewer) whose absence alone moves the alliance's tier."""
        fixed = set(fixed)
        moves = []
        for uid in self.cells.rows:
            figures = self.alliance(uid)
            if uid in fixed or figures.total is None or len(figures.reviewer_totals) < 2:
                continue
            tier = tiers[tier_index(figures.total, self.scale, tiers)].name
            for reviewer_uid, without in figures.without.items():
                if without is None:
                    continue
                other = tiers[tier_index(without, self.scale, tiers)].name
                if other != tier:
                    moves.append(
                        TierMove(uid, reviewer_uid, tier, other, Fraction(without, self.scale))
                    )
        return moves

    def indicator_agreement(self) -> list[IndicatorAgreement]:
        result = []
        for i, indicator in enumerate(self.rubric.indicators()):
            units = [u for uid in self.cells.rows if (u := self.alliance(uid).units[i])]
            spreads = [max(u) - min(u) for u in units if len(u) > 1]
            mean = Fraction(sum(spreads), 100 * len(spreads)) if spreads else Fraction(0)
            result.append(
                IndicatorAgreement(
                    indicator.code, alpha(units), mean, len(spreads), icc_oneway(units)
                )
            )
        return result

    def total_agreement(self) -> float | None:
        return alpha([list(self.alliance(uid).reviewer_totals.values()) for uid in self.cells.rows])

    def calibration(self) -> list[Calibration]:
        """Per reviewer (sorted by uid): totals against the computed totals."""
        deviations: dict[str, list[int]] = {}
        totals: dict[str, list[int]] = {}
        for uid in self.cells.rows:
            figures = self.alliance(uid)
            if figures.total is None:
                continue
            for reviewer_uid, centi in figures.reviewer_totals.items():
                deviations.setdefault(reviewer_uid, []).append(centi * self.common - figures.total)
                totals.setdefault(reviewer_uid, []).append(centi)
        return [
            Calibration(
                uid,
                len(deviations[uid]),
                Fraction(sum(deviations[uid]), self.scale * len(deviations[uid])),
                _sd(deviations[uid], self.scale),
                Fraction(sum(totals[uid]), 100 * len(totals[uid])),
                _sd(totals[uid], 100),
            )
            for uid in sorted(deviations)
        ]

    def normalised_totals(self) -> dict[str, float]:
        """``core.agreement.normalised_totals``: the same exact means and deviations; the
        few floats of an alliance are summed with reviewers in the order the file first
        names them (the reference's order can differ, and with it the last bit)."""
        by_reviewer: dict[str, dict[str, int]] = {}
        for uid in self.cells.rows:
            for reviewer_uid, centi in self.alliance(uid).reviewer_totals.items():
                by_reviewer.setdefault(reviewer_uid, {})[uid] = centi
        ordered = sorted(by_reviewer, key=self.cells.reviewer_order.__getitem__)
        everything = [c for r in ordered for c in by_reviewer[r].values()]
        if not everything:
            return {}
        grand_mean = float(Fraction(sum(everything), 100 * len(everything)))
        grand_sd = _sd(everything, 100)
        rescaled: dict[str, list[float]] = {}
        for reviewer_uid in ordered:
            totals = by_reviewer[reviewer_uid]
            values = list(totals.values())
            mean = float(Fraction(sum(values), 100 * len(values)))
            sd = _sd(values, 100)
            for uid, centi in totals.items():
                z = (float(Fraction(centi, 100)) - mean) / sd if sd > 0 else 0.0
                rescaled.setdefault(uid, []).append(grand_mean + z * grand_sd)
        return {uid: sum(v) / len(v) for uid, v in rescaled.items()}


def _sd(values: Sequence[int], scale: int) -> float:
    """Population standard deviation of ``values / scale``, as ``agreement._sd`` makes it."""
    if not values:
        return 0.0
    n = len(values)
    s1 = sum(values)
    s2 = sum(v * v for v in values)
    return math.sqrt(float(Fraction(n * s2 - s1 * s1, n * n * scale * scale)))


def alpha(units: Iterable[Sequence[int]]) -> float | None:
    """``agreement.krippendorff_alpha_interval`` of integer values (scale-free).

    The observed disagreement sums ``(m S2 - S1^2) / (m - 1)`` over units; grouped by
    the unit size m, that is a handful of fractions instead of one per unit.
    """
    n = s1 = s2 = 0
    by_size: dict[int, int] = {}
    for unit in units:
        m = len(unit)
        if m < 2:
            continue
        u1 = sum(unit)
        u2 = sum(v * v for v in unit)
        by_size[m] = by_size.get(m, 0) + 2 * (m * u2 - u1 * u1)
        n += m
        s1 += u1
        s2 += u2
    if n < 2:
        return None
    observed = sum((Fraction(d, m - 1) for m, d in by_size.items()), Fraction(0))
    expected = Fraction(2 * (n * s2 - s1 * s1), n * (n - 1))
    if expected == 0:
        return None
    return float(1 - (observed / n) / expected)


def icc_oneway(units: Iterable[Sequence[int]]) -> float | None:
    """``agreement.icc_oneway`` of integer values (scale-free), sums grouped by unit size."""
    a = n = s1 = s2 = sizes_squared = 0
    by_size: dict[int, int] = {}  # unit size -> sum of (unit sum)^2
    for unit in units:
        m = len(unit)
        if m < 2:
            continue
        u1 = sum(unit)
        a += 1
        n += m
        s1 += u1
        s2 += sum(v * v for v in unit)
        sizes_squared += m * m
        by_size[m] = by_size.get(m, 0) + u1 * u1
    if a < 2:
        return None
    unit_means_part = sum((Fraction(q, m) for m, q in by_size.items()), Fraction(0))
    return icc_from_sums(a, n, s1, s2, sizes_squared, unit_means_part)


def totals_as_fractions(totals: Mapping[str, int], scale: int) -> dict[str, Fraction]:
    return {uid: Fraction(n, scale) for uid, n in totals.items()}
