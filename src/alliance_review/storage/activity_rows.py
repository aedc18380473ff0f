"""Rows of participation (who took part and why not) and of evidence ticks.

Mixed into ``RoundStore`` (``self.conn``); services call these methods, never SQL.
"""

from __future__ import annotations

import sqlite3

from alliance_review.core.roster import Alliance
from alliance_review.storage import audit, rows
from alliance_review.storage.db import atomic
from alliance_review.storage.register_rows import read_pilots


class ActivityRows:
    """Participation and evidence-item rows; mixed into ``RoundStore``."""

    conn: sqlite3.Connection

    def item_ticks(self, alliance_uid: str | None = None) -> set[tuple[str, str, str, str]]:
        """(reviewer uid, alliance uid, indicator code, item key) of every tick (of one
        alliance's, when given)."""
        sql = "SELECT reviewer_uid, alliance_uid, indicator_code, key FROM item_tick"
        if alliance_uid is None:
            return set(self.conn.execute(sql))
        return set(self.conn.execute(sql + " WHERE alliance_uid = ?", (alliance_uid,)))

    def put_item_ticks(self, ticks: set[tuple[str, str, str, str]]) -> None:
        with atomic(self.conn):
            self.conn.executemany(
                "INSERT OR IGNORE INTO item_tick (reviewer_uid, alliance_uid, indicator_code, key)"
                " VALUES (?, ?, ?, ?)",
                sorted(ticks),
            )
            audit.append(self.conn, "item_ticks", {"added": len(ticks)})

    def self_ticks(self) -> set[tuple[str, str, str]]:
        """(alliance uid, indicator code, item key) the alliances ticked themselves."""
        return rows.read_self_ticks(self.conn)

    def put_self_ticks(self, ticks: set[tuple[str, str, str]]) -> None:
        with atomic(self.conn):
            rows.write_self_ticks(self.conn, ticks)
            audit.append(self.conn, "self_ticks", {"added": len(ticks)})

    def replace_self_ticks(self, alliance_uid: str, ticks: set[tuple[str, str]]) -> None:
        """The evidence items an alliance says it did become exactly ``ticks``
        ((indicator code, item key)), in the caller's transaction."""
        self.conn.execute("DELETE FROM self_item_tick WHERE alliance_uid = ?", (alliance_uid,))
        self.conn.executemany(
            "INSERT INTO self_item_tick (alliance_uid, indicator_code, key) VALUES (?, ?, ?)",
            [(alliance_uid, code, key) for code, key in sorted(ticks)],
        )
        audit.append(self.conn, "self_ticks", {"alliance": alliance_uid, "ticks": len(ticks)})

    def participation_reasons(self) -> list[str]:
        return [
            n
            for (n,) in self.conn.execute("SELECT name FROM participation_reason ORDER BY position")
        ]

    def non_participants(self) -> dict[str, tuple[str, str]]:
        """Alliance uid -> (reason, note) of every pilot alliance that did not take part."""
        return {
            uid: (reason, note)
            for uid, reason, note in self.conn.execute(
                "SELECT n.alliance_uid, n.reason, n.note FROM non_participant n"
                " JOIN alliance a ON a.uid = n.alliance_uid ORDER BY a.position"
            )
        }

    def put_non_participants(self, absent: dict[str, tuple[str, str]]) -> None:
        """Mark alliances (uid -> (reason, note)) as not taking part; reasons missing from
        the list are added to it (a new round's roster brings its own)."""
        with atomic(self.conn):
            for reason in sorted(
                {r for r, _ in absent.values()} - set(self.participation_reasons())
            ):
                self.conn.execute(
                    "INSERT INTO participation_reason (position, name) VALUES"
                    " ((SELECT coalesce(max(position), -1) + 1 FROM participation_reason), ?)",
                    (reason,),
                )
            self.conn.executemany(
                "INSERT INTO non_participant (alliance_uid, reason, note) VALUES (?, ?, ?)",
                [(uid, reason, note) for uid, (reason, note) in absent.items()],
            )
            audit.append(self.conn, "participation", {"not_taking_part": sorted(absent)})

    def participants(self) -> list[Alliance]:
        """The alliances that take part (everyone not marked as not taking part)."""
        absent = set(self.non_participants())
        return [a for a in read_pilots(self.conn) if a.uid not in absent]

    def participation_row(self, uid: str) -> tuple[str, str] | None:
        """(reason, note) if the alliance is marked as not taking part, else None."""
        row = self.conn.execute(
            "SELECT reason, note FROM non_participant WHERE alliance_uid = ?", (uid,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def alliance_name(self, uid: str) -> str | None:
        row = self.conn.execute("SELECT name FROM alliance WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else str(row[0])

    def assigned_reviewers(self, alliance_uid: str) -> tuple[str, ...]:
        """Reviewer uids assigned to an alliance, in reviewer order."""
        return tuple(
            r
            for (r,) in self.conn.execute(
                "SELECT a.reviewer_uid FROM assignment a JOIN reviewer r ON r.uid ="
                " a.reviewer_uid WHERE a.alliance_uid = ? ORDER BY r.position",
                (alliance_uid,),
            )
        )

    def mark_not_taking_part(self, uid: str, reason: str, note: str) -> None:
        """Drop the alliance's assignments and mark it (the caller checked for scores)."""
        with atomic(self.conn):
            self.conn.execute("DELETE FROM assignment WHERE alliance_uid = ?", (uid,))
            self.conn.execute(
                "INSERT INTO non_participant (alliance_uid, reason, note) VALUES (?, ?, ?)"
                " ON CONFLICT (alliance_uid) DO UPDATE SET reason = excluded.reason,"
                " note = excluded.note",
                (uid, reason, note),
            )
            audit.append(
                self.conn, "participation", {"not_taking_part": uid, "reason": reason, "note": note}
            )

    def mark_taking_part(self, uid: str, reviewers: tuple[str, ...] = ()) -> None:
        """Unmark the alliance and give back the assignments ``reviewers``."""
        with atomic(self.conn):
            self.conn.execute("DELETE FROM non_participant WHERE alliance_uid = ?", (uid,))
            self.conn.executemany(
                "INSERT OR IGNORE INTO assignment (reviewer_uid, alliance_uid) VALUES (?, ?)",
                [(r, uid) for r in reviewers],
            )
            audit.append(
                self.conn, "participation", {"taking_part": uid, "reviewers": list(reviewers)}
            )

    def reason_use_count(self, name: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM non_participant WHERE reason = ?", (name,)
            ).fetchone()[0]
        )

    def write_reasons(self, order: list[str], renames: dict[str, str] | None = None) -> None:
        """Make the list of reasons ``order``: ``renames`` (old -> new) first, so the
        alliances marked with a renamed reason follow it; unlisted, unused ones go."""
        with atomic(self.conn):
            for old, new in (renames or {}).items():
                self.conn.execute(
                    "UPDATE participation_reason SET name = ? WHERE name = ?", (new, old)
                )
            self.conn.execute("UPDATE participation_reason SET position = position + 100000")
            for position, name in enumerate(order):
                self.conn.execute(
                    "INSERT INTO participation_reason (position, name) VALUES (?, ?)"
                    " ON CONFLICT (name) DO UPDATE SET position = excluded.position",
                    (position, name),
                )
            marks = ",".join("?" * len(order))
            self.conn.execute(
                f"DELETE FROM participation_reason WHERE name NOT IN ({marks})", order
            )
            audit.append(
                self.conn, "participation_reasons", {"order": order, "renames": renames or {}}
            )

    def publication_time(self) -> str | None:
        """The round's own date for what it publishes: the lock time of a locked round
        (when the file records one), else the latest of its creation, merges and panel
        decisions, so an unchanged round always gives the same date."""
        locked_at = getattr(self, "locked_at", None)
        if callable(locked_at):
            moment = locked_at()
            if moment:
                return str(moment)
        row = self.conn.execute(
            "SELECT max(t) FROM (SELECT created_at AS t FROM round"
            " UNION ALL SELECT merged_at FROM merged_revision"
            " UNION ALL SELECT decided_at FROM decision)"
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def reviewers_of(self, alliance_uid: str) -> set[str]:
        """The reviewers who scored one alliance (at least one score merged)."""
        return {
            uid
            for (uid,) in self.conn.execute(
                "SELECT DISTINCT reviewer_uid FROM score WHERE alliance_uid = ?", (alliance_uid,)
            )
        }

    def reviewers_by_alliance(self) -> dict[str, set[str]]:
        """Alliance uid -> the reviewers who scored it (at least one score merged)."""
        found: dict[str, set[str]] = {}
        for reviewer_uid, alliance_uid in self.conn.execute(
            "SELECT DISTINCT reviewer_uid, alliance_uid FROM score"
        ):
            found.setdefault(alliance_uid, set()).add(reviewer_uid)
        return found

    # the panel's decisions on evidence items ------------------------------------------
    def item_decisions(
        self, alliance_uid: str | None = None
    ) -> dict[tuple[str, str, str], tuple[bool, str]]:
        """(alliance uid, indicator code, item key) -> (counts as done, rationale), of
        every alliance (or one)."""
        sql = "SELECT alliance_uid, indicator_code, key, done, rationale FROM item_decision"
        args: tuple[str, ...] = ()
        if alliance_uid is not None:
            sql, args = sql + " WHERE alliance_uid = ?", (alliance_uid,)
        return {
            (a, c, k): (bool(done), rationale)
            for a, c, k, done, rationale in self.conn.execute(sql, args)
        }

    def put_item_decision(
        self, alliance_uid: str, code: str, key: str, done: bool, rationale: str, at: str
    ) -> None:
        """Record (or replace) a decision on an item and log it, in the caller's transaction."""
        self.conn.execute(
            "INSERT INTO item_decision (alliance_uid, indicator_code, key, done, rationale,"
            " decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (alliance_uid, indicator_code,"
            " key) DO UPDATE SET done = excluded.done, rationale = excluded.rationale,"
            " decided_at = excluded.decided_at",
            (alliance_uid, code, key, int(done), rationale, at),
        )
        self.conn.execute(
            "INSERT INTO item_decision_log (alliance_uid, indicator_code, key, done, rationale,"
            " at, action) VALUES (?, ?, ?, ?, ?, ?, 'set')",
            (alliance_uid, code, key, int(done), rationale, at),
        )
        audit.append(
            self.conn,
            "item_decision",
            {"alliance": alliance_uid, "indicator": code, "item": key, "done": done,
             "rationale": rationale},
        )  # fmt: skip

    def delete_item_decision(self, alliance_uid: str, code: str, key: str, at: str) -> None:
        self.conn.execute(
            "DELETE FROM item_decision WHERE alliance_uid = ? AND indicator_code = ? AND key = ?",
            (alliance_uid, code, key),
        )
        self.conn.execute(
            "INSERT INTO item_decision_log (alliance_uid, indicator_code, key, done, rationale,"
            " at, action) VALUES (?, ?, ?, NULL, '', ?, 'withdrawn')",
            (alliance_uid, code, key, at),
        )
        audit.append(
            self.conn,
            "item_decision",
            {"alliance": alliance_uid, "indicator": code, "item": key, "withdrawn": True},
        )

    def item_decision_log_rows(self) -> list[tuple[str, str, str, int | None, str, str, str]]:
        """Oldest first: alliance, indicator, item key, done (1/0/None), rationale, time,
        action ('set' / 'withdrawn')."""
        return list(
            self.conn.execute(
                "SELECT alliance_uid, indicator_code, key, done, rationale, at, action"
                " FROM item_decision_log ORDER BY id"
            )
        )
