"""The round's ranking and the panel's analysis, kept up to date one alliance at a time.

The window computes both once, in the background, when a round opens. After that a
change announces which alliances' scores or decisions changed (``gui.notice.Change``):
``LiveRanking.update`` recomputes only those alliances' totals (their scores read by the
primary key, not the whole table) and moves them in the ranked order, renumbering only
the rows from their old and new places until the order is as it was; ``LiveAnalysis``
re-reads those alliances' scores into its integer table and recomputes their figures
(the round-wide sums are made from the figures kept). Anything else (settings, rubric,
roster, reviewers, assignments) is a ``rebuild``. Finished analyses are kept by the
round's content hash, so an undo back to a state already analysed costs nothing.

``tests/test_live.py`` checks, over random sequences of edits, that the kept state always
equals a fresh computation. No Qt here: the window runs these in a worker thread, with a
connection of the worker's own.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction

from alliance_review.core.analysis import Analyser, Cells
from alliance_review.core.exact import ExactTotals, combine, consensus_part
from alliance_review.core.ranking import RankedRow, rank_exact, tie_key
from alliance_review.core.roster import Alliance
from alliance_review.core.round import RoundSettings
from alliance_review.services.panel import TOTAL, Analysis, analysis_of
from alliance_review.services.results import AllianceDetails, RoundResult
from alliance_review.storage.round_store import RoundStore

Key = tuple[object, ...]


class LiveRanking:
    """The ranked rows of a round; ``update`` after some alliances' scores or decisions
    changed, ``rebuild`` after anything else. ``cells``: the round's scores in memory
    (the detail of ``result`` is read from them, else from the file while it is open)."""

    def __init__(self, store: RoundStore, cells: Cells | None = None) -> None:
        self.cells = cells
        self.rebuild(store)

    def rebuild(self, store: RoundStore) -> RoundResult:
        self.settings: RoundSettings = store.settings()
        self.alliances: dict[str, Alliance] = {a.uid: a for a in store.alliances()}
        self.batches = store.batch_names()
        self.codes = [i.code for i in store.rubric().indicators()]
        totals = store.exact_totals(self.settings.consensus_method)
        self.scale = totals.scale
        self.numerators: dict[str, int] = dict(totals.numerators)
        s = self.settings
        self.rows: list[RankedRow] = rank_exact(
            list(self.alliances.values()),
            totals,
            s.tiers,
            s.rounding,
            s.tie_rule,
            s.tier_by,
            self.batches,
        )
        self.order: list[Key] = [self._key(r.alliance.uid) for r in self.rows]
        return self.result(store)

    def result(self, store: RoundStore) -> RoundResult:
        decided = store.indicator_decision_centi()
        totals = ExactTotals(self.scale, dict(self.numerators))
        source = store.score_cells if self.cells is None else self.cells.score_cells
        details = AllianceDetails(
            source, lambda: decided, self.settings.consensus_method, self.codes, totals
        )
        return RoundResult(self.settings, details, list(self.rows))

    def _key(self, uid: str) -> Key:
        tie = tie_key(self.alliances[uid], self.settings.tie_rule, self.batches)
        return (-self.numerators[uid], *tie, uid)

    def _total(self, store: RoundStore, uid: str) -> int | None:
        """The alliance's exact total over ``self.scale``, its scores read by the key."""
        values: dict[str, list[int]] = {}
        for _, code, _, centi in store.score_cells(uid):
            values.setdefault(code, []).append(centi)
        if not values:
            return None
        method = self.settings.consensus_method
        parts = [(uid, code, *consensus_part(v, method)) for code, v in values.items()]
        decided = store.decisions_centi(uid)
        indicator = {(uid, code): p for code, p in decided.items() if code != TOTAL}
        total = {uid: decided[TOTAL]} if TOTAL in decided else {}
        one = combine(parts, indicator, total, self.codes)
        if self.scale % one.scale:
            raise ValueError("more reviewers than the ranking's common denominator allows")
        return one.numerators[uid] * (self.scale // one.scale)

    def update(self, store: RoundStore, uids: Iterable[str]) -> RoundResult:
        """The alliances ``uids`` changed: their totals again, moved to their new places."""
        try:
            changed = {uid: self._total(store, uid) for uid in set(uids)}
        except ValueError:  # more reviewers than any alliance had before: start again
            return self.rebuild(store)
        touched: list[int] = []
        for uid, numerator in changed.items():
            if uid in self.numerators:
                at = bisect.bisect_left(self.order, self._key(uid))
                del self.order[at]
                del self.rows[at]
                touched.append(at)
                del self.numerators[uid]
            if numerator is None or uid not in self.alliances:
                continue
            self.numerators[uid] = numerator
            key = self._key(uid)
            at = bisect.bisect_left(self.order, key)
            self.order.insert(at, key)
            self.rows.insert(at, self._row(uid))
            touched.append(at)
        if touched:
            self._renumber(min(touched), max(touched))
        return self.result(store)

    def _row(self, uid: str) -> RankedRow:
        s = self.settings
        (row,) = rank_exact(
            [self.alliances[uid]],
            ExactTotals(self.scale, {uid: self.numerators[uid]}),
            s.tiers,
            s.rounding,
            s.tie_rule,
            s.tier_by,
            self.batches,
        )
        return row

    def _renumber(self, low: int, high: int) -> None:
        """Sequence numbers and shared ranks from the tie that ``low`` is in, until past
        ``high`` the rows are as they were."""
        start = min(low, len(self.rows) - 1)
        while start > 0 and self.order[start - 1][0] == self.order[start][0]:
            start -= 1
        for at in range(max(start, 0), len(self.rows)):
            row = self.rows[at]
            seq = at + 1
            tied = at > 0 and self.order[at - 1][0] == self.order[at][0]
            rank = self.rows[at - 1].rank if tied else seq
            if at > high and row.seq == seq and row.rank == rank:
                break  # every later row is as it was
            if row.seq != seq or row.rank != rank:
                self.rows[at] = replace(row, seq=seq, rank=rank)


class LiveAnalysis:
    """The panel's analysis, kept per alliance; finished analyses kept by content hash
    (with the disagreement threshold, the one input of the analysis the hash leaves out)."""

    def __init__(self, keep: int = 4) -> None:
        self.analyser: Analyser | None = None
        self.ranking: LiveRanking | None = None
        self.by_hash: OrderedDict[tuple[str, Fraction], Analysis] = OrderedDict()
        self.keep = keep

    def rebuild(self, store: RoundStore, digest: str | None = None) -> Analysis:
        found = self._kept(store, digest)
        if found is not None:
            self.analyser = self.ranking = None  # built when next needed
            return found
        settings = store.settings()
        rubric = store.rubric()
        cells = Cells.of([i.code for i in rubric.indicators()], store.score_cells())
        self.analyser = Analyser(
            rubric, cells, settings.consensus_method, settings.disagreement_span
        )
        self.ranking = LiveRanking(store, cells)
        return self._finish(store, self.ranking.result(store), digest)

    def update(self, store: RoundStore, uids: Iterable[str], digest: str | None = None) -> Analysis:
        """The scores or decisions of ``uids`` changed (nothing else)."""
        if self.analyser is None or self.ranking is None:
            return self.rebuild(store, digest)
        uids = set(uids)
        for uid in uids:  # the kept state follows the file, kept analysis or not
            self.analyser.cells.replace_alliance(uid, store.score_cells(uid))
        self.analyser.forget(uids)
        result = self.ranking.update(store, uids)
        found = self._kept(store, digest)
        if found is not None:
            return found
        return self._finish(store, result, digest)

    def _kept(self, store: RoundStore, digest: str | None) -> Analysis | None:
        key = None if digest is None else (digest, store.settings().disagreement_span)
        if key is None or key not in self.by_hash:
            return None
        self.by_hash.move_to_end(key)
        return self.by_hash[key]

    def _finish(self, store: RoundStore, result: RoundResult, digest: str | None) -> Analysis:
        assert self.analyser is not None
        analysis = analysis_of(store, self.analyser, result)
        if digest is not None:
            self.by_hash[(digest, analysis.total_span)] = analysis
            while len(self.by_hash) > self.keep:
                self.by_hash.popitem(last=False)
        return analysis
