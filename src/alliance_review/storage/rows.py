"""Converting domain values to and from stored rows (shared by both file kinds)."""

from __future__ import annotations

import sqlite3
from fractions import Fraction

from alliance_review.core.evidence import EvidenceItem
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.core.scoring import Score


def to_centi(points: Fraction) -> int:
    centi = points * 100
    if centi.denominator != 1:
        raise ValueError(f"{points} is not a multiple of 0.01")
    return int(centi)


def from_centi(centi: int) -> Fraction:
    return Fraction(centi, 100)


def write_rubric(conn: sqlite3.Connection, rubric: Rubric) -> None:
    conn.execute("DELETE FROM indicator")
    conn.execute("DELETE FROM category")
    for c_pos, category in enumerate(rubric.categories):
        conn.execute(
            "INSERT INTO category (code, position, name) VALUES (?, ?, ?)",
            (category.code, c_pos, category.name),
        )
        for i_pos, ind in enumerate(category.indicators):
            conn.execute(
                "INSERT INTO indicator (code, category_code, position, name, criteria,"
                " max_centi, step_centi) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    ind.code,
                    category.code,
                    i_pos,
                    ind.name,
                    ind.criteria,
                    to_centi(ind.max_points),
                    to_centi(ind.step),
                ),
            )
    write_items(conn, rubric)


def write_items(conn: sqlite3.Connection, rubric: Rubric) -> None:
    """Make the stored evidence items and points rules equal the rubric's.

    Items are updated in place (a renamed item keeps its ticks); an item that is gone
    is deleted, which the round file refuses while ticks refer to it.
    """
    for indicator in rubric.indicators():
        keys = [item.key for item in indicator.items]
        conn.execute(
            "UPDATE evidence_item SET position = position + 100000 WHERE indicator_code = ?",
            (indicator.code,),
        )
        for position, item in enumerate(indicator.items):
            conn.execute(
                "INSERT INTO evidence_item (indicator_code, key, position, name)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (indicator_code, key) DO UPDATE"
                " SET position = excluded.position, name = excluded.name",
                (indicator.code, item.key, position, item.name),
            )
        marks = ",".join("?" * len(keys))
        conn.execute(
            f"DELETE FROM evidence_item WHERE indicator_code = ? AND key NOT IN ({marks})",
            (indicator.code, *keys),
        )
        conn.execute("DELETE FROM item_points WHERE indicator_code = ?", (indicator.code,))
        conn.executemany(
            "INSERT INTO item_points (indicator_code, ticked, points_centi) VALUES (?, ?, ?)",
            [
                (indicator.code, ticked, to_centi(points))
                for ticked, points in enumerate(indicator.points_rule or ())
            ],
        )


def read_rubric(conn: sqlite3.Connection) -> Rubric:
    items: dict[str, list[EvidenceItem]] = {}
    for code, key, name in conn.execute(
        "SELECT indicator_code, key, name FROM evidence_item ORDER BY indicator_code, position"
    ):
        items.setdefault(code, []).append(EvidenceItem(key, name))
    rules: dict[str, list[Fraction]] = {}
    for code, centi in conn.execute(
        "SELECT indicator_code, points_centi FROM item_points ORDER BY indicator_code, ticked"
    ):
        rules.setdefault(code, []).append(from_centi(centi))
    categories = []
    for code, name in conn.execute("SELECT code, name FROM category ORDER BY position"):
        indicators = tuple(
            Indicator(
                i_code,
                i_name,
                criteria,
                from_centi(max_c),
                from_centi(step_c),
                tuple(items.get(i_code, ())),
                tuple(rules[i_code]) if i_code in rules else None,
            )
            for i_code, i_name, criteria, max_c, step_c in conn.execute(
                "SELECT code, name, criteria, max_centi, step_centi FROM indicator"
                " WHERE category_code = ? ORDER BY position",
                (code,),
            )
        )
        categories.append(Category(code, name, indicators))
    return Rubric(tuple(categories))


# evidence ticks: (alliance uid, indicator code, item key) ------------------------------
Tick = tuple[str, str, str]


def read_self_ticks(conn: sqlite3.Connection) -> set[Tick]:
    return set(conn.execute("SELECT alliance_uid, indicator_code, key FROM self_item_tick"))


def write_self_ticks(conn: sqlite3.Connection, ticks: set[Tick] | list[Tick]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO self_item_tick (alliance_uid, indicator_code, key) VALUES (?, ?, ?)",
        sorted(ticks),
    )


def write_alliances(conn: sqlite3.Connection, alliances: list[Alliance]) -> None:
    conn.executemany(
        "INSERT INTO alliance (uid, position, name, batch, contact) VALUES (?, ?, ?, ?, ?)",
        [(a.uid, a.position, a.name, a.batch, a.contact) for a in alliances],
    )


def read_alliances(conn: sqlite3.Connection) -> list[Alliance]:
    return [
        Alliance(uid, name, position, batch, contact)
        for uid, name, position, batch, contact in conn.execute(
            "SELECT uid, name, position, batch, contact FROM alliance ORDER BY position"
        )
    ]


def read_self_scores(
    conn: sqlite3.Connection,
) -> dict[tuple[str, str], tuple[Fraction | None, str]]:
    """(alliance uid, indicator code) -> (self-score or None, self-evaluation text)."""
    return read_points_and_notes(conn, "self_score")


def read_points_and_notes(
    conn: sqlite3.Connection, table: str
) -> dict[tuple[str, str], tuple[Fraction | None, str]]:
    """Rows keyed by (alliance, indicator) of a points-and-note table (self_score, score)."""
    if table not in ("self_score", "score"):
        raise ValueError(table)
    return {
        (a, i): (None if p is None else from_centi(p), note)
        for a, i, p, note in conn.execute(
            f"SELECT alliance_uid, indicator_code, points_centi, note FROM {table}"
        )
    }


def write_self_scores(
    conn: sqlite3.Connection, rows: dict[tuple[str, str], tuple[Fraction | None, str]]
) -> None:
    conn.executemany(
        "INSERT INTO self_score (alliance_uid, indicator_code, points_centi, note)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (alliance_uid, indicator_code) DO UPDATE"
        " SET points_centi = excluded.points_centi, note = excluded.note",
        [(a, i, None if p is None else to_centi(p), note) for (a, i), (p, note) in rows.items()],
    )


def score_row(score: Score) -> tuple[str, str, str, int, str, str]:
    return (
        score.reviewer_uid,
        score.alliance_uid,
        score.indicator_code,
        to_centi(score.points),
        score.note,
        score.override_reason,
    )
