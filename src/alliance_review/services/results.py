"""The round's computed result: consensus, totals, ranking, tiers.

The ranking is computed on integers (``storage.tally`` aggregates in SQL,
``core.ranking.rank_exact`` ranks): exact, without a Fraction per score. The per-alliance
detail (each indicator's consensus, each reviewer's total) is read only when asked for:
``RoundResult.results`` loads one alliance on ``results[uid]`` and every alliance at once
when iterated. The plain reference of the same computation is ``core.scoring.aggregate``
with ``core.ranking.rank`` (``tests/test_exact.py`` compares them on random rounds).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance_review.core.exact import ExactTotals, consensus_part
from alliance_review.core.points import exact_text
from alliance_review.core.ranking import RankedRow, printed_band_mismatches, rank_exact
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import AllianceResult
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.tally import Cell

if TYPE_CHECKING:  # the panel's analysis is not needed to rank (read-only commands)
    from alliance_review.core.analysis import Cells


class AllianceDetails(Mapping[str, AllianceResult]):
    """Alliance uid -> ``AllianceResult`` of every scored alliance, read when first asked.

    ``details[uid]`` reads that alliance's scores only; iterating reads every score once.
    Read from the round file (which must still be open) or from scores already in
    memory (``core.analysis.Cells``).
    """

    def __init__(
        self,
        cells: Callable[[str | None], Iterable[Cell]],
        decisions: Callable[[], dict[tuple[str, str], int]],
        method: str,
        codes: list[str],
        totals: ExactTotals,
    ):
        self.cells = cells
        self.decisions = decisions
        self.method = method
        self.codes = codes
        self.totals = totals
        self._loaded: dict[str, AllianceResult] = {}
        self._complete = False
        self._decisions: dict[tuple[str, str], int] | None = None

    def __len__(self) -> int:
        return len(self.totals)

    def __iter__(self) -> Iterator[str]:
        return iter(self.totals.numerators)

    def __contains__(self, uid: object) -> bool:
        return uid in self.totals

    def __getitem__(self, uid: str) -> AllianceResult:
        if uid not in self.totals:
            raise KeyError(uid)
        if uid not in self._loaded:
            self._build(self.cells(uid))
        return self._loaded[uid]

    def values(self) -> Any:
        self._load_all()
        return [self._loaded[uid] for uid in self]

    def items(self) -> Any:
        self._load_all()
        return [(uid, self._loaded[uid]) for uid in self]

    def _load_all(self) -> None:
        if not self._complete:
            self._build(self.cells(None))
            self._complete = True

    def _indicator_decisions(self) -> dict[tuple[str, str], int]:
        if self._decisions is None:
            self._decisions = self.decisions()
        return self._decisions

    def _build(self, rows: Iterable[Cell]) -> None:
        table: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
        for alliance_uid, code, reviewer_uid, centi in rows:
            table[alliance_uid][code][reviewer_uid] = centi
        for alliance_uid, per_indicator in table.items():
            if alliance_uid in self._loaded or alliance_uid not in self.totals:
                continue
            self._loaded[alliance_uid] = self._result(alliance_uid, per_indicator)

    def in_order(self, rows: Iterable[Cell]) -> Iterator[AllianceResult]:
        """The result of each alliance whose scores come together in ``rows`` (one alliance
        after another, as ``TallyRows.score_cells_in_order`` reads them), none kept: an
        export of every alliance holds one alliance's scores at a time."""
        for alliance_uid, cells in groupby(rows, key=itemgetter(0)):
            per_indicator: dict[str, dict[str, int]] = defaultdict(dict)
            for _, code, reviewer_uid, centi in cells:
                per_indicator[code][reviewer_uid] = centi
            if alliance_uid in self.totals:
                yield self._loaded.get(alliance_uid) or self._result(alliance_uid, per_indicator)

    def _result(
        self, alliance_uid: str, per_indicator: dict[str, dict[str, int]]
    ) -> AllianceResult:
        decisions = self._indicator_decisions()
        values: dict[str, Fraction] = {}
        reviewer_centi: dict[str, int] = defaultdict(int)
        for code in self.codes:
            by_reviewer = per_indicator.get(code, {})
            for reviewer_uid, centi in by_reviewer.items():
                reviewer_centi[reviewer_uid] += centi
            if (alliance_uid, code) in decisions:
                values[code] = Fraction(decisions[(alliance_uid, code)], 100)
            elif by_reviewer:
                num, den = consensus_part(list(by_reviewer.values()), self.method)
                values[code] = Fraction(num, 100 * den)
        return AllianceResult(
            alliance_uid,
            values,
            {r: Fraction(c, 100) for r, c in reviewer_centi.items()},
            self.totals.total(alliance_uid),
        )


@dataclass(frozen=True)
class RoundResult:
    """``results`` reads from the round file while it is open; ``complete()`` reads it all."""

    settings: RoundSettings
    results: Mapping[str, AllianceResult]
    ranking: list[RankedRow]

    def complete(self) -> RoundResult:
        """The same result with every alliance's detail read (usable after the file closes)."""
        if isinstance(self.results, dict):
            return self
        return replace(self, results=dict(self.results.items()))


def compute(
    store: RoundStore, method: str | None = None, cells: Cells | None = None
) -> RoundResult:
    """Rank the round with its own consensus method (or ``method`` to preview another).

    ``cells``: the round's scores already read (the detail then comes from them, and
    stays readable after the file is closed).
    """
    settings = store.settings()
    method = method or settings.consensus_method
    totals = store.exact_totals(method)
    ranking = rank_exact(
        store.alliances(),
        totals,
        settings.tiers,
        settings.rounding,
        settings.tie_rule,
        settings.tier_by,
        store.batch_names(),
    )
    codes = [i.code for i in store.rubric().indicators()]
    if cells is None:
        details = AllianceDetails(
            store.score_cells, store.indicator_decision_centi, method, codes, totals
        )
    else:
        decided = store.indicator_decision_centi()
        details = AllianceDetails(cells.score_cells, lambda: decided, method, codes, totals)
    return RoundResult(settings, details, ranking)


def band_mismatches(source: Path | str | RoundResult) -> list[tuple[str, str]]:
    """(Chinese, English) one line per alliance whose printed score reads as another
    tier's band than the tier it is printed under, for the secretary to decide on before
    publishing (e.g. 86 printed under 活跃度较高 while 86 is 活跃度高's band). ``source``:
    the round file, or a result already ranked (not ranked again)."""
    if isinstance(source, RoundResult):
        result = source
    else:
        with RoundStore.open_readonly(source) as store:
            result = compute(store)
    return [
        (
            f"第 {row.seq} 名「{row.alliance.name}」：评分 {row.printed_score}，"
            f"列在{row.tier.name}，但 {row.printed_score} 分属于{reading.name}的分数段",
            f"No. {row.seq} {row.alliance.name}: printed {row.printed_score} under "
            f"{row.tier.name}, but {row.printed_score} is in {reading.name}'s band",
        )
        for row, reading in printed_band_mismatches(result.ranking, result.settings.tiers)
    ]


def ranking_of(path: Path | str) -> RoundResult:
    """The round's ranking, read without writing the file (an older format is upgraded
    in memory)."""
    with RoundStore.open_readonly(path) as store:
        return compute(store)


def ranking_records(ranking: list[RankedRow]) -> list[dict[str, Any]]:
    """The ranked list as plain records (for ``ranking --json``)."""
    return [
        {
            "seq": row.seq,
            "rank": row.rank,
            "name": row.alliance.name,
            "printed_score": int(row.printed_score)
            if row.printed_score == row.printed_score.to_integral_value()
            else str(row.printed_score),
            "total": exact_text(row.total),
            "tier": row.tier.name,
        }
        for row in ranking
    ]
