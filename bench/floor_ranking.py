"""The ranking's floor: what ``alliance-review ranking --json`` prints, from SQL alone.

    python bench/floor_ranking.py ROUND        # the same JSON as ``ranking ROUND --json``

One query does what the app does: the consensus of each alliance's indicator by the
round's method (mean; median from the middle values, windowed; trimmed mean without one
highest and one lowest value from 4 values on), the panel's decisions (an indicator's
decision replaces its consensus, a total's decision replaces the sum), the exact total
as one integer over a common denominator (``most!`` for the most reviewers any alliance
has), the shared ranks of ties (``RANK()``), the order inside a tie by the round's tie
rule, the printed score by the round's rounding rule and the tier by the round's bands
(on the exact total or on the printed score, as the round says). Python only reduces
each exact total to its lowest terms for the text and writes the JSON in one go.
``tests/test_bench_equivalence.py`` checks the output is the app's, byte for byte.
"""

from __future__ import annotations

import json
import math
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

# per (alliance, indicator): the consensus as numerator and denominator, in hundredths
PARTS = {
    "mean": "SELECT alliance_uid AS a, indicator_code AS i, SUM(points_centi) AS num,"
    " COUNT(*) AS den FROM score GROUP BY alliance_uid, indicator_code",
    "trimmed_mean": "SELECT alliance_uid AS a, indicator_code AS i,"
    " CASE WHEN COUNT(*) >= 4 THEN SUM(points_centi) - MAX(points_centi) - MIN(points_centi)"
    " ELSE SUM(points_centi) END AS num,"
    " CASE WHEN COUNT(*) >= 4 THEN COUNT(*) - 2 ELSE COUNT(*) END AS den"
    " FROM score GROUP BY alliance_uid, indicator_code",
    "median": "SELECT a, i, SUM(v) AS num, 2 - n % 2 AS den FROM ("
    " SELECT alliance_uid AS a, indicator_code AS i, points_centi AS v,"
    " ROW_NUMBER() OVER (PARTITION BY alliance_uid, indicator_code ORDER BY points_centi) AS r,"
    " COUNT(*) OVER (PARTITION BY alliance_uid, indicator_code) AS n FROM score)"
    " WHERE r IN ((n + 1) / 2, n / 2 + 1) GROUP BY a, i",
}

QUERY = """
WITH RECURSIVE
most (m) AS (SELECT COALESCE(MAX(n), 1) FROM
    (SELECT COUNT(*) AS n FROM assignment GROUP BY alliance_uid)),
factorial (k, f) AS (SELECT 1, 1 UNION ALL
    SELECT k + 1, f * (k + 1) FROM factorial, most WHERE k < m),
common (f) AS (SELECT f FROM factorial ORDER BY k DESC LIMIT 1),
part AS ({parts}),
summed (a, t) AS (SELECT a, SUM(CASE WHEN i IN (SELECT code FROM indicator)
        AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.alliance_uid = a
                        AND d.indicator_code = i)
    THEN num * ((SELECT f FROM common) / den) ELSE 0 END) FROM part GROUP BY a),
decided (a, c) AS (SELECT alliance_uid, SUM(points_centi) FROM decision
    WHERE indicator_code IN (SELECT code FROM indicator) GROUP BY alliance_uid),
total (a, n) AS (SELECT s.a, COALESCE(td.points_centi * (SELECT f FROM common),
        s.t + COALESCE(decided.c, 0) * (SELECT f FROM common))
    FROM summed s LEFT JOIN decided ON decided.a = s.a
    LEFT JOIN decision td ON td.alliance_uid = s.a AND td.indicator_code = ''),
ranked AS (SELECT al.uid AS uid, al.batch AS batch, al.name AS name, total.n AS n,
    100 * (SELECT f FROM common) AS scale,
    ROW_NUMBER() OVER w AS seq, RANK() OVER (ORDER BY total.n DESC) AS rank
    FROM total JOIN alliance al ON al.uid = total.a, round
    WINDOW w AS (ORDER BY total.n DESC,
        CASE WHEN round.tie_rule = 'batch_then_roster' THEN
            CASE al.batch WHEN '第一批' THEN 0 WHEN '第二批' THEN 1 WHEN '第三批' THEN 2 ELSE 3 END
        ELSE 0 END,
        CASE WHEN round.tie_rule = 'name' THEN al.name ELSE '' END,
        al.position)),
printed AS (SELECT ranked.*, CASE round.rounding
        WHEN 'down' THEN n / scale
        WHEN 'half_even' THEN n / scale + (2 * (n % scale) > scale
            OR (2 * (n % scale) = scale AND (n / scale) % 2 = 1))
        ELSE (2 * n + scale) / (2 * scale) END AS p,
    round.tier_by AS tier_by
    FROM ranked, round)
SELECT seq, rank, name, p, n, scale,
    (SELECT t.name FROM tier t WHERE t.min_centi IS NULL
        OR CASE WHEN tier_by = 'total' THEN n * 100 >= t.min_centi * scale
           ELSE p * 100 >= t.min_centi END
     ORDER BY t.position LIMIT 1), uid, batch
FROM printed ORDER BY seq
"""


def exact_text(numerator: int, denominator: int) -> str:
    """``core.points.exact_text`` of numerator/denominator: "98", "98.5" or "194/3"."""
    common = math.gcd(numerator, denominator)
    numerator, denominator = numerator // common, denominator // common
    if denominator == 1:
        return str(numerator)
    rest = denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest == 1:
        return f"{Decimal(numerator) / Decimal(denominator):f}"
    return f"{numerator}/{denominator}"


def records(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    (method,) = conn.execute("SELECT consensus_method FROM round").fetchone()
    return [
        {"seq": seq, "rank": rank, "name": name, "printed_score": printed,
         "total": exact_text(n, scale), "tier": tier}
        for seq, rank, name, printed, n, scale, tier, _, _ in ranked_rows(conn, method)
    ]  # fmt: skip


def ranked_rows(conn: sqlite3.Connection, method: str) -> sqlite3.Cursor:
    """(seq, rank, name, printed, numerator, scale, tier, uid, batch) in ranked order."""
    return conn.execute(QUERY.format(parts=PARTS[method]))


def ranking_json(path: str | Path) -> str:
    """What ``ranking --json`` prints, computed from a fresh read-only connection."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        found = records(conn)
    finally:
        conn.close()
    return json.dumps(found, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    sys.stdout.write(ranking_json(sys.argv[1]))
