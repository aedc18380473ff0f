"""The report's figures computed independently from a round file: plain SQL and plain
arithmetic here, never the app's statistics, ranking or evidence modules.

``Truth(path)`` reads the file with sqlite3 and computes what every sentence of the
draft states: participation, tiers and shares, items done per tier, batches, the
round's record (with the audit trail's dates) and where points were won and lost.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN}
BATCH_UNKNOWN = "批次不详"


def half_up(value: Fraction, places: int = 0) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def pct(part: Fraction | int, whole: Fraction | int) -> int:
    return int(half_up(Fraction(100) * Fraction(part) / Fraction(whole))) if whole else 0


def hamilton(counts: list[int]) -> list[int]:
    whole = sum(counts)
    if not whole:
        return [0] * len(counts)
    exact = [Fraction(100 * c, whole) for c in counts]
    shares = [int(e) for e in exact]
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: 100 - sum(shares)]:
        shares[i] += 1
    return shares


def local_day(moment: str) -> str:
    when = datetime.fromisoformat(moment)
    return (when.astimezone() if when.tzinfo else when).date().isoformat()


def consensus(values: list[int], method: str) -> Fraction:
    ordered = sorted(values)
    if method == "median":
        mid = len(ordered) // 2
        if len(ordered) % 2:
            return Fraction(ordered[mid], 100)
        return Fraction(ordered[mid - 1] + ordered[mid], 200)
    if method == "trimmed_mean" and len(ordered) >= 4:
        ordered = ordered[1:-1]
    return Fraction(sum(ordered), 100 * len(ordered))


class Truth:
    def __init__(self, path: Path) -> None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        q = conn.execute
        (self.year, self.period, method, rounding, self.tier_by, rule, locked) = q(
            "SELECT year, period, consensus_method, rounding, tier_by, item_rule, locked FROM round"
        ).fetchone()
        self.locked = bool(locked)
        self.tiers = [
            (name, None if m is None else Fraction(m, 100))
            for name, m in q("SELECT name, min_centi FROM tier ORDER BY position")
        ]
        self.tier_names = [n for n, _ in self.tiers]
        self.categories = q("SELECT code, name FROM category ORDER BY position").fetchall()
        rows = q(
            "SELECT i.code, i.name, i.max_centi, i.category_code FROM indicator i"
            " JOIN category c ON c.code = i.category_code ORDER BY c.position, i.position"
        ).fetchall()
        self.indicators = [(c, n, Fraction(m, 100), cat) for c, n, m, cat in rows]
        self.max_of = {c: m for c, _, m, _ in self.indicators}
        self.name_of = {c: n for c, n, _, _ in self.indicators}
        self.items = q(
            "SELECT e.indicator_code, e.key, e.name FROM evidence_item e"
            " JOIN indicator i ON i.code = e.indicator_code"
            " JOIN category c ON c.code = i.category_code"
            " ORDER BY c.position, i.position, e.position"
        ).fetchall()
        tables = {n for (n,) in q("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # this year's pilots (a withdrawn or suspended one has a pilot_status row)
        pilots = "SELECT uid, name, batch FROM alliance"
        if "pilot_status" in tables:
            pilots += " WHERE uid NOT IN (SELECT alliance_uid FROM pilot_status)"
        self.alliances = q(pilots + " ORDER BY position").fetchall()
        self.batches = (
            [n for (n,) in q("SELECT name FROM batch ORDER BY position")]
            if "batch" in tables
            else ["第一批", "第二批", "第三批"]
        )
        self.name = {u: n for u, n, _ in self.alliances}
        self.batch = {u: b if b in self.batches else BATCH_UNKNOWN for u, _, b in self.alliances}
        reasons = [r for (r,) in q("SELECT name FROM participation_reason ORDER BY position")]
        self.absent = dict(q("SELECT alliance_uid, reason FROM non_participant").fetchall())
        self.reasons = [(r, sum(1 for x in self.absent.values() if x == r)) for r in reasons]
        scores = q("SELECT reviewer_uid, alliance_uid, indicator_code, points_centi FROM score")
        cells: dict[str, dict[str, list[int]]] = {}
        self.scored_by: dict[str, set[str]] = {}
        for reviewer, alliance, code, centi in scores:
            cells.setdefault(alliance, {}).setdefault(code, []).append(centi)
            self.scored_by.setdefault(alliance, set()).add(reviewer)
        decisions = {
            (a, c): Fraction(p, 100)
            for a, c, p in q("SELECT alliance_uid, indicator_code, points_centi FROM decision")
        }
        self.consensus: dict[str, dict[str, Fraction]] = {}
        self.total: dict[str, Fraction] = {}
        for alliance, by_code in cells.items():
            mine = {c: consensus(v, method) for c, v in by_code.items()}
            for (a, c), points in decisions.items():
                if a == alliance and c:
                    mine[c] = points
            self.consensus[alliance] = mine
            self.total[alliance] = decisions.get((alliance, ""), sum(mine.values(), Fraction(0)))
        self.ranked = sorted(self.total, key=lambda u: -self.total[u])
        self.printed = {
            u: int(
                (Decimal(t.numerator) / Decimal(t.denominator)).quantize(
                    Decimal(1), rounding=ROUNDING[rounding]
                )
            )
            for u, t in self.total.items()
        }
        self.tier = {}
        for u in self.ranked:
            value = self.total[u] if self.tier_by == "total" else Fraction(self.printed[u])
            self.tier[u] = next(n for n, m in self.tiers if m is None or value >= m)
        ticks: dict[tuple[str, str, str], int] = {}
        for reviewer, alliance, code, key in q(
            "SELECT reviewer_uid, alliance_uid, indicator_code, key FROM item_tick"
        ):
            if reviewer in self.scored_by.get(alliance, ()):
                ticks[(alliance, code, key)] = ticks.get((alliance, code, key), 0) + 1
        self.done: dict[str, set[tuple[str, str]]] = {u: set() for u in self.ranked}
        for (alliance, code, key), count in ticks.items():
            n = len(self.scored_by.get(alliance, ()))
            ok = {
                "majority": 2 * count > n,
                "half": 2 * count >= n,
                "any": count >= 1,
                "all": count >= n,
            }[rule]
            if ok and n and alliance in self.done:
                self.done[alliance].add((code, key))
        for alliance, code, key, done in q(
            "SELECT alliance_uid, indicator_code, key, done FROM item_decision"
        ):
            if alliance in self.done:
                (self.done[alliance].add if done else self.done[alliance].discard)((code, key))
        self._record(q)
        conn.close()

    def _record(self, q) -> None:  # type: ignore[no-untyped-def]
        audit = [
            (at, action, json.loads(detail))
            for at, action, detail in q("SELECT at, action, detail FROM audit ORDER BY id")
        ]

        def span(*actions: str, key: str | None = None, outcome: str | None = None):  # type: ignore[no-untyped-def]
            days = sorted(
                local_day(at)
                for at, action, detail in audit
                if action in actions
                and (key is None or key in detail)
                and (outcome is None or detail.get("outcome") == outcome)
            )
            return (days[0], days[-1]) if days else None

        self.selfeval_issued = q("SELECT count(*) FROM selfeval_issue").fetchone()[0]
        self.selfeval_issued_on = span("selfeval", key="issued")
        self.selfeval_received = q(
            "SELECT count(DISTINCT alliance_uid) FROM self_score WHERE points_centi IS NOT NULL"
        ).fetchone()[0]
        self.selfeval_imported_on = span("self_ticks", key="alliance")
        self.reviewer_names = [
            n
            for (n,) in q(
                "SELECT name FROM reviewer WHERE uid IN (SELECT reviewer_uid FROM score)"
                " ORDER BY position"
            )
        ]
        loads = [
            n for (n,) in q("SELECT count(DISTINCT alliance_uid) FROM score GROUP BY reviewer_uid")
        ]
        per = [len(v) for v in self.scored_by.values()]
        self.per_alliance = (min(per), max(per)) if per else None
        self.per_reviewer = (min(loads), max(loads)) if loads else None
        self.files_issued_on = span("issue")
        self.files_merged = q("SELECT count(*) FROM merged_revision").fetchone()[0]
        self.merged_on = span("merge", outcome="merged")
        self.decided_alliances = q("SELECT count(DISTINCT alliance_uid) FROM decision").fetchone()[
            0
        ]
        self.decided_points = q("SELECT count(*) FROM decision").fetchone()[0]
        self.decided_items = q("SELECT count(*) FROM item_decision").fetchone()[0]
        self.decided_on = span("decision", "item_decision")
        locks = [local_day(at) for at, action, _ in audit if action == "lock"]
        self.locked_on = locks[-1] if self.locked and locks else None

    # figures -------------------------------------------------------------------------
    def members(self, tier: str | None = None, batch: str | None = None) -> list[str]:
        return [
            u
            for u in self.ranked
            if (tier is None or self.tier[u] == tier) and (batch is None or self.batch[u] == batch)
        ]

    def tier_counts(self, batch: str | None = None) -> list[int]:
        return [len(self.members(t, batch)) for t in self.tier_names]

    def item_count(self, code: str, key: str, tier: str | None = None) -> int:
        return sum(1 for u in self.members(tier) if (code, key) in self.done[u])

    def joint_count(self, code: str, tier: str | None = None) -> int:
        keys = [k for c, k, _ in self.items if c == code]
        return sum(1 for u in self.members(tier) if all((code, k) in self.done[u] for k in keys))

    def full_marks(self, batch: str | None = None) -> list[str]:
        top = sum(self.max_of.values(), Fraction(0))
        return [self.name[u] for u in self.members(batch=batch) if self.total[u] >= top]

    def won(self, members: list[str], codes: list[str]) -> Fraction:
        return sum(
            (self.consensus[u].get(c, Fraction(0)) for u in members for c in codes), Fraction(0)
        )

    def category_rate(self, category: str, tier: str | None = None) -> int:
        codes = [c for c, _, _, cat in self.indicators if cat == category]
        members = self.members(tier)
        top = sum((self.max_of[c] for c in codes), Fraction(0))
        return pct(self.won(members, codes), top * len(members))

    def losses(self, tier: str) -> list[tuple[str, str, int]]:
        members = self.members(tier)
        found = []
        for code, _, top, _ in self.indicators:
            got = self.won(members, [code]) / len(members)
            found.append((top - got, code, got))
        found.sort(key=lambda e: -e[0])
        return [
            (c, f"{half_up(lost, 1):f}", pct(got, self.max_of[c]))
            for lost, c, got in found[:3]
            if lost > 0
        ]

    def separating(self) -> list[tuple[str, int, int]]:
        top = self.members(self.tier_names[0])
        rest = [u for u in self.ranked if self.tier[u] != self.tier_names[0]]
        if not top or not rest:
            return []
        found = [
            (c, pct(self.won(top, [c]), m * len(top)), pct(self.won(rest, [c]), m * len(rest)))
            for c, _, m, _ in self.indicators
        ]
        found.sort(key=lambda s: -(s[1] - s[2]))
        return [s for s in found[:3] if s[1] > s[2]]

    def mean_total(self, members: list[str]) -> str | None:
        if not members:
            return None
        return f"{half_up(sum((self.total[u] for u in members), Fraction(0)) / len(members), 1):f}"
