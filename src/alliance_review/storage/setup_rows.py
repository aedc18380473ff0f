"""Row-level edits of a round's set-up: rubric in place, roster, reviewers, assignments.

``RoundStore`` writes a round whole (the demo, a new round); the secretary edits one
thing at a time in a round that may already hold scores, so these functions change
rows in place and never cascade-delete a score. Callers wrap them in ``store.atomic()``.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.rubric import Rubric
from alliance_review.storage import audit
from alliance_review.storage.rows import from_centi, to_centi, write_items


@dataclass(frozen=True)
class RemovedAlliance:
    """What deleting an alliance took with it, so an undo can put it all back."""

    alliance: Alliance
    conflicts: tuple[tuple[str, str], ...]  # (reviewer uid, kind)
    assigned: tuple[str, ...]  # reviewer uids
    self_scores: tuple[tuple[str, int | None, str], ...]  # (indicator, centi, note)
    self_ticks: tuple[tuple[str, str], ...] = ()  # (indicator, evidence item key)
    not_taking_part: tuple[str, str] | None = None  # (reason, note)
    selfeval_issue: tuple[str, str] | None = None  # (token, issued_at) of its workbook
    former_names: tuple[tuple[str, int], ...] = ()  # (name, renamed_in)
    status: tuple[str, int, str, str] | None = None  # (status, since, reason, recorded_at)


class SetupRows:
    """Row-level set-up edits; mixed into ``RoundStore`` (``self.conn``)."""

    conn: sqlite3.Connection

    # rubric ------------------------------------------------------------------------------
    def write_rubric_in_place(self, rubric: Rubric, renames: dict[str, str] | None = None) -> None:
        """Make the stored rubric equal ``rubric`` without touching scores.

        ``renames`` (old code -> new code) renames indicators and categories first, so
        their scores follow (the foreign keys cascade on update). Rows that are gone are
        deleted; the caller has checked that nothing refers to them.
        """
        for old, new in (renames or {}).items():
            if old == new:
                continue
            self.conn.execute("UPDATE indicator SET code = ? WHERE code = ?", (new, old))
            self.conn.execute("UPDATE category SET code = ? WHERE code = ?", (new, old))
        wanted_categories = [c.code for c in rubric.categories]
        wanted_indicators = [i.code for i in rubric.indicators()]
        # park positions so that reordering never collides with itself
        self.conn.execute("UPDATE category SET position = position + 100000")
        self.conn.execute("UPDATE indicator SET position = position + 100000")
        for c_pos, category in enumerate(rubric.categories):
            self.conn.execute(
                "INSERT INTO category (code, position, name) VALUES (?, ?, ?)"
                " ON CONFLICT (code) DO UPDATE SET position = excluded.position,"
                " name = excluded.name",
                (category.code, c_pos, category.name),
            )
            for i_pos, ind in enumerate(category.indicators):
                self.conn.execute(
                    "INSERT INTO indicator (code, category_code, position, name, criteria,"
                    " max_centi, step_centi) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (code) DO UPDATE SET category_code = excluded.category_code,"
                    " position = excluded.position, name = excluded.name,"
                    " criteria = excluded.criteria, max_centi = excluded.max_centi,"
                    " step_centi = excluded.step_centi",
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
        write_items(self.conn, rubric)
        marks = ",".join("?" * len(wanted_indicators))
        self.conn.execute(f"DELETE FROM indicator WHERE code NOT IN ({marks})", wanted_indicators)
        marks = ",".join("?" * len(wanted_categories))
        self.conn.execute(f"DELETE FROM category WHERE code NOT IN ({marks})", wanted_categories)
        audit.append(
            self.conn, "rubric", {"indicators": wanted_indicators, "renames": renames or {}}
        )

    def points_by_indicator(self, table: str) -> dict[str, list[Fraction]]:
        """Every stored point value per indicator code, from ``score`` or ``self_score``."""
        if table not in ("score", "self_score"):
            raise ValueError(table)
        found: dict[str, list[Fraction]] = {}
        for code, centi in self.conn.execute(
            f"SELECT indicator_code, points_centi FROM {table} WHERE points_centi IS NOT NULL"
        ):
            found.setdefault(code, []).append(from_centi(centi))
        return found

    def ticked_items(self) -> dict[str, list[str]]:
        """Indicator code -> keys of evidence items a reviewer or an alliance ticked."""
        found: dict[str, list[str]] = {}
        for code, key in self.conn.execute(
            "SELECT indicator_code, key FROM item_tick UNION SELECT indicator_code, key"
            " FROM self_item_tick ORDER BY 1, 2"
        ):
            found.setdefault(code, []).append(key)
        return found

    def score_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM score").fetchone()[0])

    # roster ------------------------------------------------------------------------------
    def insert_alliance(self, alliance: Alliance) -> None:
        """Insert at ``alliance.position``, moving later alliances down one place."""
        self._open_position("alliance", alliance.position)
        self.conn.execute(
            "INSERT INTO alliance (uid, position, name, batch, contact, short_name)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                alliance.uid,
                alliance.position,
                alliance.name,
                alliance.batch,
                alliance.contact,
                alliance.short_name,
            ),
        )
        audit.append(self.conn, "roster", {"add": alliance.uid, "name": alliance.name})

    def update_alliance(self, alliance: Alliance) -> None:
        self.conn.execute(
            "UPDATE alliance SET name = ?, batch = ?, contact = ?, short_name = ? WHERE uid = ?",
            (alliance.name, alliance.batch, alliance.contact, alliance.short_name, alliance.uid),
        )
        audit.append(
            self.conn,
            "roster",
            {"edit": alliance.uid, "name": alliance.name, "batch": alliance.batch},
        )

    def alliance_score_count(self, uid: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM score WHERE alliance_uid = ?", (uid,)
            ).fetchone()[0]
        )

    def remove_alliance(self, uid: str) -> RemovedAlliance:
        row = self.conn.execute(
            "SELECT uid, name, position, batch, contact, short_name FROM alliance WHERE uid = ?",
            (uid,),
        ).fetchone()
        if row is None:
            raise KeyError(uid)
        removed = RemovedAlliance(
            Alliance(row[0], row[1], row[2], row[3], row[4], row[5]),
            tuple(
                self.conn.execute(
                    "SELECT reviewer_uid, kind FROM conflict WHERE alliance_uid = ?", (uid,)
                ).fetchall()
            ),
            tuple(
                r
                for (r,) in self.conn.execute(
                    "SELECT reviewer_uid FROM assignment WHERE alliance_uid = ?", (uid,)
                )
            ),
            tuple(
                self.conn.execute(
                    "SELECT indicator_code, points_centi, note FROM self_score"
                    " WHERE alliance_uid = ?",
                    (uid,),
                ).fetchall()
            ),
            tuple(
                self.conn.execute(
                    "SELECT indicator_code, key FROM self_item_tick WHERE alliance_uid = ?",
                    (uid,),
                ).fetchall()
            ),
            self.conn.execute(
                "SELECT reason, note FROM non_participant WHERE alliance_uid = ?", (uid,)
            ).fetchone(),
            self.conn.execute(
                "SELECT token, issued_at FROM selfeval_issue WHERE alliance_uid = ?", (uid,)
            ).fetchone(),
            tuple(
                self.conn.execute(
                    "SELECT name, renamed_in FROM alliance_name WHERE alliance_uid = ?", (uid,)
                ).fetchall()
            ),
            self.conn.execute(
                "SELECT status, since, reason, recorded_at FROM pilot_status"
                " WHERE alliance_uid = ?",
                (uid,),
            ).fetchone(),
        )
        self.conn.execute("DELETE FROM alliance WHERE uid = ?", (uid,))
        self._close_position("alliance", removed.alliance.position)
        audit.append(self.conn, "roster", {"remove": uid, "name": removed.alliance.name})
        return removed

    def restore_alliance(self, removed: RemovedAlliance) -> None:
        self.insert_alliance(removed.alliance)
        uid = removed.alliance.uid
        self.conn.executemany(
            "INSERT INTO conflict (reviewer_uid, alliance_uid, kind) VALUES (?, ?, ?)",
            [(r, uid, kind) for r, kind in removed.conflicts],
        )
        self.conn.executemany(
            "INSERT INTO assignment (reviewer_uid, alliance_uid) VALUES (?, ?)",
            [(r, uid) for r in removed.assigned],
        )
        self.conn.executemany(
            "INSERT INTO self_score (alliance_uid, indicator_code, points_centi, note)"
            " VALUES (?, ?, ?, ?)",
            [(uid, code, centi, note) for code, centi, note in removed.self_scores],
        )
        self.conn.executemany(
            "INSERT INTO self_item_tick (alliance_uid, indicator_code, key) VALUES (?, ?, ?)",
            [(uid, code, key) for code, key in removed.self_ticks],
        )
        if removed.not_taking_part is not None:
            self.conn.execute(
                "INSERT INTO non_participant (alliance_uid, reason, note) VALUES (?, ?, ?)",
                (uid, *removed.not_taking_part),
            )
        if removed.selfeval_issue is not None:  # its workbook out there imports again
            self.conn.execute(
                "INSERT INTO selfeval_issue (alliance_uid, token, issued_at) VALUES (?, ?, ?)",
                (uid, *removed.selfeval_issue),
            )
        self.conn.executemany(
            "INSERT INTO alliance_name (alliance_uid, name, renamed_in) VALUES (?, ?, ?)",
            [(uid, name, year) for name, year in removed.former_names],
        )
        if removed.status is not None:
            self.conn.execute(
                "INSERT INTO pilot_status (alliance_uid, status, since, reason, recorded_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (uid, *removed.status),
            )

    def move_row(self, table: str, uid: str, position: int) -> None:
        """Move one alliance or reviewer to ``position``, shifting the others."""
        (old,) = self.conn.execute(
            f"SELECT position FROM {self._table(table)} WHERE uid = ?", (uid,)
        ).fetchone()
        self.conn.execute(f"UPDATE {table} SET position = -1 WHERE uid = ?", (uid,))
        self._close_position(table, old)
        self._open_position(table, position)
        self.conn.execute(f"UPDATE {table} SET position = ? WHERE uid = ?", (position, uid))
        audit.append(
            self.conn,
            "roster" if table == "alliance" else "reviewers",
            {"move": uid, "to": position},
        )

    @staticmethod
    def _table(table: str) -> str:
        if table not in ("alliance", "reviewer"):
            raise ValueError(table)
        return table

    def _open_position(self, table: str, position: int) -> None:
        self.conn.execute(
            f"UPDATE {self._table(table)} SET position = position + 1 WHERE position >= ?",
            (position,),
        )

    def _close_position(self, table: str, position: int) -> None:
        self.conn.execute(
            f"UPDATE {self._table(table)} SET position = position - 1 WHERE position > ?",
            (position,),
        )

    # reviewers ---------------------------------------------------------------------------
    def insert_reviewer(self, reviewer: Reviewer, position: int) -> None:
        self._open_position("reviewer", position)
        self.conn.execute(
            "INSERT INTO reviewer (uid, position, name) VALUES (?, ?, ?)",
            (reviewer.uid, position, reviewer.name),
        )
        self.write_conflicts(reviewer)
        audit.append(self.conn, "reviewers", {"add": reviewer.uid, "name": reviewer.name})

    def write_conflicts(self, reviewer: Reviewer) -> None:
        self.conn.execute("DELETE FROM conflict WHERE reviewer_uid = ?", (reviewer.uid,))
        self.conn.executemany(
            "INSERT INTO conflict (reviewer_uid, alliance_uid, kind) VALUES (?, ?, ?)",
            [(reviewer.uid, a, "own") for a in sorted(reviewer.own_alliances)]
            + [
                (reviewer.uid, a, "declared")
                for a in sorted(reviewer.declared_conflicts - reviewer.own_alliances)
            ],
        )

    def update_reviewer(self, reviewer: Reviewer) -> None:
        self.conn.execute(
            "UPDATE reviewer SET name = ? WHERE uid = ?", (reviewer.name, reviewer.uid)
        )
        self.write_conflicts(reviewer)
        audit.append(self.conn, "reviewers", {"edit": reviewer.uid, "name": reviewer.name})

    def reviewer_position(self, uid: str) -> int:
        row = self.conn.execute("SELECT position FROM reviewer WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise KeyError(uid)
        return int(row[0])

    def remove_reviewer(self, uid: str) -> tuple[int, tuple[str, ...]]:
        """Delete a reviewer (no scores); returns its position and its assigned alliances."""
        position = self.reviewer_position(uid)
        assigned = tuple(
            a
            for (a,) in self.conn.execute(
                "SELECT alliance_uid FROM assignment WHERE reviewer_uid = ?", (uid,)
            )
        )
        self.conn.execute("DELETE FROM reviewer WHERE uid = ?", (uid,))
        self._close_position("reviewer", position)
        audit.append(self.conn, "reviewers", {"remove": uid})
        return position, assigned

    def reviewer_score_count(self, uid: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM score WHERE reviewer_uid = ?", (uid,)
            ).fetchone()[0]
        )

    # assignments -------------------------------------------------------------------------
    def scored_pairs(self) -> set[tuple[str, str]]:
        """(alliance uid, reviewer uid) pairs that hold at least one score."""
        return {
            (a, r)
            for r, a in self.conn.execute("SELECT DISTINCT reviewer_uid, alliance_uid FROM score")
        }

    def add_pair(self, alliance_uid: str, reviewer_uid: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO assignment (reviewer_uid, alliance_uid) VALUES (?, ?)",
            (reviewer_uid, alliance_uid),
        )

    def remove_pair(self, alliance_uid: str, reviewer_uid: str) -> None:
        self.conn.execute(
            "DELETE FROM assignment WHERE reviewer_uid = ? AND alliance_uid = ?",
            (reviewer_uid, alliance_uid),
        )

    # self-evaluations --------------------------------------------------------------------
    def replace_self_scores(
        self, alliance_uid: str, rows: dict[str, tuple[Fraction | None, str]]
    ) -> None:
        """An alliance's self-evaluation becomes exactly ``rows`` (indicator -> points, note)."""
        self.conn.execute("DELETE FROM self_score WHERE alliance_uid = ?", (alliance_uid,))
        self.conn.executemany(
            "INSERT INTO self_score (alliance_uid, indicator_code, points_centi, note)"
            " VALUES (?, ?, ?, ?)",
            [
                (alliance_uid, code, None if p is None else to_centi(p), note)
                for code, (p, note) in rows.items()
            ],
        )

    def selfeval_tokens(self) -> dict[str, str]:
        """Alliance uid -> the token its self-evaluation workbooks went out with."""
        return {
            str(uid): str(token)
            for uid, token in self.conn.execute("SELECT alliance_uid, token FROM selfeval_issue")
        }

    def issue_selfeval_tokens(
        self, alliance_uids: Sequence[str], rotate: bool = False
    ) -> dict[str, str]:
        """The token for each alliance's workbook: the one recorded when its workbook first
        went out (so a workbook issued earlier still imports), or a new random one recorded
        now; ``rotate`` replaces the recorded ones (workbooks issued earlier are then
        refused). One audit entry names the alliances that got a new token."""
        tokens = self.selfeval_tokens()
        fresh = [uid for uid in alliance_uids if rotate or uid not in tokens]
        if not fresh:
            return {uid: tokens[uid] for uid in alliance_uids}
        at = datetime.now().astimezone().isoformat(timespec="seconds")
        for uid in fresh:
            tokens[uid] = secrets.token_hex(16)
        self.conn.executemany(
            "INSERT INTO selfeval_issue (alliance_uid, token, issued_at) VALUES (?, ?, ?)"
            " ON CONFLICT (alliance_uid) DO UPDATE SET token = excluded.token,"
            " issued_at = excluded.issued_at",
            [(uid, tokens[uid], at) for uid in fresh],
        )
        audit.append(self.conn, "selfeval", {"issued": fresh, "rotated": rotate})
        return {uid: tokens[uid] for uid in alliance_uids}
