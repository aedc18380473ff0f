"""Row-level reads and writes of the panel's work: merges, decisions, locking, settings.

Mixed into ``RoundStore`` (``self.conn``) so that no service issues SQL of its own.
Points are integer hundredths here; the services convert.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from alliance_review.storage import audit

# (alliance uid, indicator code) -> (points in hundredths, note, reason for leaving the rule)
ScoreRows = dict[tuple[str, str], tuple[int, str, str]]
MergeLogRow = tuple[str, str, "str | None", "int | None", str, str, str]
REISSUED, REVOKED = "reissued", "revoked"
KEY_RETIRED = "key_retired"  # the audit entry of a key retired


@dataclass(frozen=True)
class IssuedKey:
    """A key the round issued with a reviewer file; ``retired_at`` None: the current one."""

    reviewer_uid: str
    public_key: bytes
    issued_at: str
    retired_at: str | None
    retired_why: str | None  # REISSUED | REVOKED


class PanelRows:
    """The panel's rows; mixed into ``RoundStore``."""

    conn: sqlite3.Connection

    # issued reviewer files' keys ----------------------------------------------------------
    def add_reviewer_key(self, key_id: str, reviewer_uid: str, public_key: bytes, at: str) -> None:
        """Record the public half of the key an issued reviewer file signs with; the key
        the reviewer had until now retires (one current key per reviewer)."""
        for (retired,) in self.conn.execute(
            "SELECT key_id FROM reviewer_key WHERE reviewer_uid = ? AND retired_at IS NULL",
            (reviewer_uid,),
        ).fetchall():
            self._retire_key(retired, reviewer_uid, at, REISSUED, replaced_by=key_id)
        self.conn.execute(
            "INSERT INTO reviewer_key (key_id, reviewer_uid, public_key, issued_at)"
            " VALUES (?, ?, ?, ?)",
            (key_id, reviewer_uid, public_key, at),
        )
        audit.append(self.conn, "issue", {"reviewer": reviewer_uid, "key": key_id})

    def _retire_key(
        self, key_id: str, reviewer_uid: str, at: str, why: str, replaced_by: str = ""
    ) -> None:
        self.conn.execute(
            "UPDATE reviewer_key SET retired_at = ?, retired_why = ? WHERE key_id = ?",
            (at, why, key_id),
        )
        detail = {"reviewer": reviewer_uid, "key": key_id, "why": why}
        if replaced_by:
            detail["replaced_by"] = replaced_by
        audit.append(self.conn, KEY_RETIRED, detail)

    def revoke_reviewer_key(self, reviewer_uid: str, at: str) -> str | None:
        """Retire the reviewer's current key without issuing another (the id, or None
        when the reviewer holds no current key)."""
        row = self.conn.execute(
            "SELECT key_id FROM reviewer_key WHERE reviewer_uid = ? AND retired_at IS NULL",
            (reviewer_uid,),
        ).fetchone()
        if row is None:
            return None
        self._retire_key(str(row[0]), reviewer_uid, at, REVOKED)
        return str(row[0])

    def reviewer_key(self, key_id: str) -> IssuedKey | None:
        """An issued file's key (its reviewer, public half, when issued and retired), or
        None if this round never issued it."""
        row = self.conn.execute(
            "SELECT reviewer_uid, public_key, issued_at, retired_at, retired_why"
            " FROM reviewer_key WHERE key_id = ?",
            (key_id,),
        ).fetchone()
        if row is None:
            return None
        return IssuedKey(str(row[0]), bytes(row[1]), str(row[2]), row[3], row[4])

    def retired_keys(self) -> set[str]:
        """Ids of the keys the file holds as retired (``check`` compares the trail)."""
        return {
            str(k)
            for (k,) in self.conn.execute(
                "SELECT key_id FROM reviewer_key WHERE retired_at IS NOT NULL"
            )
        }

    def latest_keys(self) -> dict[str, IssuedKey]:
        """Reviewer uid -> the key of the file issued to them last (current or retired);
        reviewers never issued a file are absent."""
        latest: dict[str, IssuedKey] = {}
        for row in self.conn.execute(
            "SELECT reviewer_uid, public_key, issued_at, retired_at, retired_why"
            " FROM reviewer_key ORDER BY issued_at, rowid"
        ):
            latest[str(row[0])] = IssuedKey(str(row[0]), bytes(row[1]), str(row[2]), row[3], row[4])
        return latest

    def issued_reviewers(self) -> set[str]:
        """Reviewers a file has been issued to (with a key)."""
        return {r for (r,) in self.conn.execute("SELECT DISTINCT reviewer_uid FROM reviewer_key")}

    # merging ------------------------------------------------------------------------------
    def merged_revisions(self) -> dict[str, tuple[int, str]]:
        """Reviewer uid -> (merged revision, content hash of the file merged)."""
        return {
            r: (revision, digest)
            for r, revision, digest in self.conn.execute(
                "SELECT reviewer_uid, revision, content_hash FROM merged_revision"
            )
        }

    def merged_revision(self, reviewer_uid: str) -> tuple[int, str] | None:
        row = self.conn.execute(
            "SELECT revision, content_hash FROM merged_revision WHERE reviewer_uid = ?",
            (reviewer_uid,),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def reviewer_score_rows(self, reviewer_uid: str) -> ScoreRows:
        return {
            (a, i): (p, note, reason)
            for a, i, p, note, reason in self.conn.execute(
                "SELECT alliance_uid, indicator_code, points_centi, note, override_reason"
                " FROM score WHERE reviewer_uid = ?",
                (reviewer_uid,),
            )
        }

    def log_merge(
        self,
        file_name: str,
        content_hash: str,
        reviewer_uid: str | None,
        revision: int | None,
        at: str,
        outcome: str,
        detail: str,
    ) -> None:
        self.conn.execute(
            "INSERT INTO merge_log (file_name, content_hash, reviewer_uid, revision, at, outcome,"
            " detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (file_name, content_hash, reviewer_uid, revision, at, outcome, detail),
        )
        audit.append(
            self.conn,
            "merge",
            {
                "file": file_name,
                "sha256": content_hash,
                "reviewer": reviewer_uid,
                "revision": revision,
                "outcome": outcome,
            },
        )

    def merge_log(self) -> list[MergeLogRow]:
        """Oldest first: file, hash, reviewer, revision, time, outcome, detail."""
        return list(
            self.conn.execute(
                "SELECT file_name, content_hash, reviewer_uid, revision, at, outcome, detail"
                " FROM merge_log ORDER BY id"
            )
        )

    # decisions ----------------------------------------------------------------------------
    def put_decision(
        self, alliance_uid: str, code: str, centi: int, rationale: str, at: str
    ) -> None:
        """Record (or replace) a decision and log it, in the caller's transaction."""
        self.conn.execute(
            "INSERT INTO decision (alliance_uid, indicator_code, points_centi, rationale,"
            " decided_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (alliance_uid, indicator_code)"
            " DO UPDATE SET points_centi = excluded.points_centi,"
            " rationale = excluded.rationale, decided_at = excluded.decided_at",
            (alliance_uid, code, centi, rationale, at),
        )
        self.conn.execute(
            "INSERT INTO decision_log (alliance_uid, indicator_code, points_centi, rationale,"
            " at, action) VALUES (?, ?, ?, ?, ?, 'set')",
            (alliance_uid, code, centi, rationale, at),
        )
        audit.append(
            self.conn,
            "decision",
            {"alliance": alliance_uid, "indicator": code, "centi": centi, "rationale": rationale},
        )

    def delete_decision(self, alliance_uid: str, code: str, at: str) -> None:
        self.conn.execute(
            "DELETE FROM decision WHERE alliance_uid = ? AND indicator_code = ?",
            (alliance_uid, code),
        )
        self.conn.execute(
            "INSERT INTO decision_log (alliance_uid, indicator_code, points_centi, rationale,"
            " at, action) VALUES (?, ?, NULL, '', ?, 'withdrawn')",
            (alliance_uid, code, at),
        )
        audit.append(
            self.conn, "decision", {"alliance": alliance_uid, "indicator": code, "withdrawn": True}
        )

    def decision_log_rows(self) -> list[tuple[str, str, int | None, str, str, str]]:
        """Oldest first: alliance, indicator, points (hundredths), rationale, time, action."""
        return list(
            self.conn.execute(
                "SELECT alliance_uid, indicator_code, points_centi, rationale, at, action"
                " FROM decision_log ORDER BY id"
            )
        )

    # round settings the panel changes -----------------------------------------------------
    def set_locked_flag(self, locked: bool) -> None:
        self.conn.execute("UPDATE round SET locked = ?", (int(locked),))

    def set_disagreement_centi(self, centi: int) -> None:
        self.conn.execute("UPDATE round SET disagreement_centi = ?", (centi,))
        audit.append(self.conn, "settings", {"disagreement_centi": centi})

    def set_consensus_method(self, method: str) -> None:
        self.conn.execute("UPDATE round SET consensus_method = ?", (method,))
        audit.append(self.conn, "settings", {"consensus_method": method})

    def wait_for_writers(self, seconds: float) -> None:
        """How long a write waits for another connection's write to finish."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def change_marker(self) -> tuple[int, int]:
        """Changes when the file does: this connection's writes, or another connection's."""
        return (
            self.conn.total_changes,
            int(self.conn.execute("PRAGMA data_version").fetchone()[0]),
        )
