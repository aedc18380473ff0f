"""A round's exact totals computed in SQL: one GROUP BY over the scores, integers throughout.

Per (alliance, indicator) the consensus is a pair (numerator, denominator) in centi
(``core.exact.consensus_part``): mean (SUM, COUNT); trimmed mean (SUM - MAX - MIN,
COUNT - 2) from 4 values on; median from SUM, MIN and MAX while an indicator has at most
4 values. The outer query sums ``numerator * (L / denominator)`` per alliance, L being
``core.exact.common_denominator`` of the most reviewers any alliance has, so each
alliance's total comes back as one integer. When that integer could leave SQLite's
64 bits, or a median needs 5 or more values, the pairs (or the values) are fetched and
combined in Python with unbounded integers instead: same result, slower.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator

from alliance_review.core.exact import (
    ExactTotals,
    combine,
    common_denominator,
    consensus_part,
    finish,
)

# |values| SQLite may hold in an integer with room to spare
_SAFE = 1 << 62

# per (alliance, indicator): the consensus as numerator and denominator
# and whether the pair is exact (a median from more than 4 values is not: done in Python)
_PARTS = {
    "mean": "SUM(points_centi), COUNT(*), 1",
    "trimmed_mean": (
        "CASE WHEN COUNT(*) >= 4 THEN SUM(points_centi) - MAX(points_centi) - MIN(points_centi)"
        " ELSE SUM(points_centi) END,"
        " CASE WHEN COUNT(*) >= 4 THEN COUNT(*) - 2 ELSE COUNT(*) END, 1"
    ),
    "median": (
        "CASE WHEN COUNT(*) >= 3 THEN SUM(points_centi) - MAX(points_centi) - MIN(points_centi)"
        " ELSE SUM(points_centi) END,"
        " CASE COUNT(*) WHEN 3 THEN 1 WHEN 4 THEN 2 ELSE COUNT(*) END, COUNT(*) <= 4"
    ),
}


def _decisions(conn: sqlite3.Connection) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    indicators: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = {}
    for alliance_uid, code, centi in conn.execute(
        "SELECT alliance_uid, indicator_code, points_centi FROM decision"
    ):
        if code:
            indicators[(alliance_uid, code)] = centi
        else:
            totals[alliance_uid] = centi
    return indicators, totals


def most_reviewers(conn: sqlite3.Connection) -> int:
    """The most values any (alliance, indicator) can have: scores need an assignment."""
    row = conn.execute(
        "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM assignment GROUP BY alliance_uid)"
    ).fetchone()
    return int(row[0] or 1)


def exact_totals(conn: sqlite3.Connection, method: str) -> ExactTotals:
    """Every scored alliance's exact total under ``method``, the panel's decisions applied."""
    if method not in _PARTS:
        raise ValueError(f"unknown consensus method {method!r}")
    codes = [code for (code,) in conn.execute("SELECT code FROM indicator")]
    indicator_decisions, total_decisions = _decisions(conn)
    decided = bool(indicator_decisions)
    most = most_reviewers(conn)
    common = common_denominator(most)
    # the largest |numerator| the sums can reach: every indicator at the largest value seen
    largest = conn.execute(
        "SELECT MAX(ABS(points_centi)) FROM (SELECT points_centi FROM decision"
        " UNION ALL SELECT max_centi FROM indicator)"
    ).fetchone()[0]
    in_sql = (method != "median" or most <= 4) and (
        (largest or 0) * (len(codes) + 1) * most * common < _SAFE
    )
    if in_sql:
        try:
            numerators = _sql_totals(conn, method, common, decided)
        except sqlite3.OperationalError as error:  # "integer overflow": a crafted file
            if "overflow" not in str(error):
                raise
        else:
            # an integer left 64 bits, or a part had more values than assignments allow
            # (a damaged file): SQLite answered with a REAL; start again in Python
            exact = {uid: n for uid, n in numerators.items() if type(n) is int}
            if len(exact) == len(numerators):
                return finish(exact, common, indicator_decisions, total_decisions, codes)
    return combine(_python_parts(conn, method), indicator_decisions, total_decisions, codes)


def _sql_totals(
    conn: sqlite3.Connection, method: str, common: int, decided: bool
) -> dict[str, int | float]:
    """Alliance -> numerator over ``100 * common`` of its undecided rubric indicators.

    A part whose denominator does not divide ``common`` or that is no exact pair (more
    values than the most reviewers of any alliance: a damaged file), or an indicator
    missing from the rubric (idem), adds a REAL 0.5, so the sum comes back as a float
    and the caller recomputes.
    """
    undecided = (
        " AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.alliance_uid = a"
        " AND d.indicator_code = i)"
        if decided
        else ""
    )
    query = (
        "WITH part (a, i, num, den, exact) AS ("
        f" SELECT alliance_uid, indicator_code, {_PARTS[method]}"
        " FROM score GROUP BY alliance_uid, indicator_code)"
        " SELECT a, SUM(CASE WHEN NOT exact OR ?1 % den != 0"
        " OR i NOT IN (SELECT code FROM indicator)"
        f" THEN 0.5 WHEN 1{undecided} THEN num * (?1 / den) ELSE 0 END) FROM part GROUP BY a"
    )
    return dict(conn.execute(query, (common,)).fetchall())


def _python_parts(conn: sqlite3.Connection, method: str) -> list[tuple[str, str, int, int]]:
    """(alliance, indicator, numerator, denominator) from every value, in Python."""
    values: dict[tuple[str, str], list[int]] = defaultdict(list)
    for alliance_uid, code, centi in conn.execute(
        "SELECT alliance_uid, indicator_code, points_centi FROM score"
    ):
        values[(alliance_uid, code)].append(centi)
    return [(a, i, *consensus_part(v, method)) for (a, i), v in values.items()]


Cell = tuple[str, str, str, int]  # alliance uid, indicator code, reviewer uid, centi


# alliances in a given order (a JSON array): a table SQLite looks alliances up in
_ORDERED = "ordered (uid, seq) AS MATERIALIZED (SELECT value, key FROM json_each(?))"


class TallyRows:
    """The reads the ranking and its detail need; mixed into ``RoundStore``."""

    conn: sqlite3.Connection

    def exact_totals(self, method: str) -> ExactTotals:
        return exact_totals(self.conn, method)

    def score_cells(self, alliance_uid: str | None = None) -> Iterator[Cell]:
        """Every score as integers (of one alliance, found through its assignments)."""
        if alliance_uid is None:
            return iter(
                self.conn.execute(
                    "SELECT alliance_uid, indicator_code, reviewer_uid, points_centi FROM score"
                )
            )
        return iter(
            self.conn.execute(
                "SELECT alliance_uid, indicator_code, reviewer_uid, points_centi FROM score"
                " WHERE reviewer_uid IN (SELECT reviewer_uid FROM assignment"
                " WHERE alliance_uid = ?) AND alliance_uid = ?",
                (alliance_uid, alliance_uid),
            )
        )

    def score_cells_in_order(self, alliance_uids: list[str]) -> Iterator[Cell]:
        """``score_cells`` of the alliances given, one alliance after another in that order
        (SQLite sorts, in bounded memory)."""
        return iter(
            self.conn.execute(
                f"WITH {_ORDERED} SELECT s.alliance_uid, s.indicator_code, s.reviewer_uid,"
                " s.points_centi FROM score s CROSS JOIN ordered o ON o.uid = s.alliance_uid"
                " ORDER BY o.seq",
                (json.dumps(alliance_uids),),
            )
        )

    def reviewer_score_lines(
        self, alliance_uids: list[str]
    ) -> Iterator[tuple[int | None, str, str, str, str, int, str]]:
        """Every score as the results workbook lists it: (the alliance's place in
        ``alliance_uids`` from 1, or None; alliance, reviewer, indicator code, indicator
        name, points in hundredths, note), by that place (the others last), reviewer,
        category and indicator: one sorted query, integers, nothing held."""
        return iter(
            self.conn.execute(
                f"WITH {_ORDERED} SELECT o.seq + 1, a.name, r.name, s.indicator_code, i.name,"
                " s.points_centi, s.note FROM score s JOIN alliance a ON a.uid = s.alliance_uid"
                " JOIN reviewer r ON r.uid = s.reviewer_uid"
                " JOIN indicator i ON i.code = s.indicator_code"
                " JOIN category c ON c.code = i.category_code"
                " LEFT JOIN ordered o ON o.uid = s.alliance_uid"
                " ORDER BY o.seq IS NULL, o.seq, r.position, c.position, i.position, s.rowid",
                (json.dumps(alliance_uids),),
            )
        )

    def reviewer_totals_centi(self) -> dict[str, list[tuple[str, int]]]:
        """Alliance -> (reviewer, total of their scores of the rubric's indicators, in
        hundredths), one GROUP BY (what ``AllianceResult.reviewer_totals`` adds up), in the
        order of the scores' primary key (no sort)."""
        totals: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for reviewer_uid, alliance_uid, centi in self.conn.execute(
            "SELECT reviewer_uid, alliance_uid, SUM(points_centi) FROM score"
            " WHERE indicator_code IN (SELECT code FROM indicator)"
            " GROUP BY reviewer_uid, alliance_uid"
        ):
            totals[alliance_uid].append((reviewer_uid, int(centi)))
        return dict(totals)

    def decisions_centi(self, alliance_uid: str) -> dict[str, int]:
        """One alliance's decisions: indicator code ("" for the total) -> hundredths."""
        return dict(
            self.conn.execute(
                "SELECT indicator_code, points_centi FROM decision WHERE alliance_uid = ?",
                (alliance_uid,),
            ).fetchall()
        )

    def indicator_decision_centi(self) -> dict[tuple[str, str], int]:
        """(alliance uid, indicator code) -> the panel's decided points in hundredths."""
        return _decisions(self.conn)[0]
