"""Reading and writing a round file (the secretary's file, holds everything)."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from alliance_review.core.errors import FileRefused
from alliance_review.core.ranking import TierBand
from alliance_review.core.register import RegisterEntry
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Rubric
from alliance_review.core.scoring import Score
from alliance_review.storage import anchor, audit, backups, rows
from alliance_review.storage.activity_rows import ActivityRows
from alliance_review.storage.backup_documents import fill_in
from alliance_review.storage.db import atomic, connect, connect_readonly, open_checked
from alliance_review.storage.digest_rows import DigestRows
from alliance_review.storage.files import (
    FileInfo,
    altered_after_locking,
    building_file,
    inspect,
    open_file,
    read_into_memory,
    upgrade,
)
from alliance_review.storage.panel_rows import PanelRows
from alliance_review.storage.register_rows import RegisterRows
from alliance_review.storage.schema import ROUND_FILE
from alliance_review.storage.setup_rows import SetupRows
from alliance_review.storage.tally import TallyRows

RESTORE = "restore"


def now_text() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class RoundStore(SetupRows, RegisterRows, PanelRows, TallyRows, DigestRows, ActivityRows):
    """A round file opened for reading and editing.

    Services read and write a round only through these methods (no SQL outside
    ``storage/``); ``atomic()`` groups several of them into one transaction.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, info: FileInfo | None = None):
        self.conn = conn
        self.path = path
        self.info = info
        #: an older format upgraded in a copy in memory (``open_readonly``): no other
        #: connection sees it
        self.in_memory = False

    @classmethod
    def open(cls, path: Path | str) -> RoundStore:
        conn, info = open_file(path, ROUND_FILE)
        return cls(conn, Path(path), info)

    @classmethod
    def open_readonly(cls, path: Path | str) -> RoundStore:
        """Open a round to read only: not a byte of the file changes (no upgrade, no
        journal mode, no ``-wal``). An older format is upgraded in a copy in memory, its
        upgrade entry recorded there as on disk (so its lock reads the same); a file on
        read-only storage is read as the immutable file it is there."""
        path = Path(path)
        conn = open_checked(path, readonly=True)
        in_memory = False
        try:
            info = inspect(conn, path)
            if info.kind is not ROUND_FILE:
                raise FileRefused(
                    f"「{path.name}」是{info.kind.label_zh}，这里需要评价轮次文件。",
                    f"{path.name} is a {info.kind.name} file; a round file is needed here.",
                )
            if info.needs_upgrade:
                conn.close()
                conn, _ = read_into_memory(path, ROUND_FILE)
                info, in_memory = inspect(conn, path), True
            else:
                conn.execute("PRAGMA query_only = ON")
        except BaseException:
            conn.close()
            raise
        store = cls(conn, path, info)
        store.in_memory = in_memory
        return store

    @classmethod
    def reading(cls, path: Path | str) -> RoundStore:
        """A read-only connection of its own, for a worker thread while the window holds
        the file open (so the file is known, upgraded and in WAL mode already)."""
        return cls(connect_readonly(path), Path(path))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> RoundStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # the audit trail ----------------------------------------------------------------------
    def record(
        self, action: str, detail: dict[str, Any], signing_key: bytes | None = None
    ) -> audit.AuditEntry:
        """Append an entry to the round's hash-chained audit trail (in one transaction)."""
        with atomic(self.conn):
            return audit.append(self.conn, action, detail, signing_key)

    def audit_entries(self) -> list[audit.AuditEntry]:
        return audit.entries(self.conn)

    def lock_state(self) -> audit.LockState:
        with self.read_transaction():
            return audit.lock_state(self.conn)

    def seal_lock(self, locked: bool, signing_key: bytes, reason: str = "") -> audit.AuditEntry:
        """Lock (recording the content digest) or unlock, in a signed entry of the trail."""
        with atomic(self.conn):
            self.set_locked_flag(locked)
            from alliance_review.storage import keys  # cryptography: only to sign

            detail: dict[str, Any] = {
                "fingerprint": keys.fingerprint(keys.public_of(signing_key)),
                "reason": reason,
            }
            if locked:
                detail["content_sha256"] = audit.content_digest(self.conn)
            entry = audit.append(
                self.conn, audit.LOCK if locked else audit.UNLOCK, detail, signing_key
            )
        self.record_anchor(entry.action)
        return entry

    def record_anchor(self, action: str) -> None:
        """Keep the chain head in this computer's data folder (``storage.anchor``), once
        committed: a head kept of a transaction rolled back would say the trail was cut."""
        if not self.conn.in_transaction:
            anchor.record(
                self.conn, self.conn.execute("SELECT uid FROM round").fetchone()[0], action
            )

    def anchor_comparison(self) -> anchor.Comparison | None:
        """The trail against this computer's anchor of the round (None: it has none)."""
        with self.read_transaction():
            uid = self.conn.execute("SELECT uid FROM round").fetchone()[0]
            return anchor.compare(self.conn, uid)

    def is_locked(self) -> bool:
        """The lock flag alone (readable in every format from version 2 on)."""
        return bool(self.conn.execute("SELECT locked FROM round").fetchone()[0])

    def locked_at(self) -> str | None:
        """When the round was locked (the lock entry its lock comes from; an upgrade since
        does not count), or None when it is not locked or an older release locked it
        without recording when."""
        return audit.locked_at(self.conn)

    def restore_content(
        self, source: Path, progress: Callable[[int, int], bool] | None = None
    ) -> tuple[Path, bool, bool]:
        """Make this round hold what ``source`` (a backup of it) holds, the restore's
        entry appended to the restored trail, in one write; returns the backup taken of
        what the round held, and whether the round was locked before and is after.

        The backup is copied into a private scratch file, upgraded there if older (its
        upgrade entry recording the content before it), checked (a locked backup whose
        lock does not hold is refused: ``AlteredAfterLocking``) and given the entry; then
        SQLite's backup API copies that file into the open connection in one step, one
        transaction: killed at any moment, the round is as it was, or restored with its
        entry. What the round holds is backed up (reason "restore") once the backup has
        passed its checks. Nothing of the backup file itself is written. The contents of
        its documents, kept once beside the backups, are put back into the scratch copy
        first (``backup_documents.fill_in``: one missing or altered refuses the restore).
        """
        with self.read_transaction():
            was_locked = self.is_locked()
            head = self.conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        with tempfile.TemporaryDirectory(prefix="alliance-review-restore-") as scratch:
            staged = Path(scratch) / "restored.sqlite"
            original = open_checked(source, readonly=True)
            try:
                info = inspect(original, source)
                copy = connect(staged, wal=False)
                original.backup(copy)
            finally:
                original.close()
            try:
                fill_in(copy, backups.documents_store(self.settings().uid), source.name, progress)
                with atomic(copy):
                    if info.needs_upgrade:
                        upgrade(copy, info)
                    state = audit.lock_state(copy)
                    if state.state == audit.ALTERED:
                        raise altered_after_locking(source, state.reason_zh, state.reason)
                    locked = bool(copy.execute("SELECT locked FROM round").fetchone()[0])
                    replaced = self.backup(RESTORE)
                    audit.append(copy, RESTORE, {
                        "from": source.name, "replaced_backup": replaced.name,
                        "replaced_head": head[0] if head else "",
                        "locked_before": was_locked, "locked": locked,
                    })  # fmt: skip
                staged_head = copy.execute(
                    "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"
                ).fetchone()
                anchor.record(self.conn, self.conn.execute("SELECT uid FROM round").fetchone()[0],
                              RESTORE, (int(staged_head[0]), str(staged_head[1])))  # fmt: skip
                copy.backup(self.conn)
            finally:
                copy.close()
        self.record_anchor(RESTORE)
        return replaced, was_locked, locked

    def backup(self, reason: str) -> Path:
        """A rotated backup of this round in the user data folder (``storage.backups``)."""
        return backups.take(self.conn, self.settings().uid, self.path, reason)

    @contextmanager
    def read_transaction(self) -> Iterator[RoundStore]:
        """A read transaction: everything read inside sees one state of the file."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            self.conn.execute("COMMIT")

    @contextmanager
    def atomic(self) -> Iterator[RoundStore]:
        """One transaction (a savepoint when nested); any exception rolls it back."""
        with atomic(self.conn):
            yield self

    # settings ---------------------------------------------------------------
    def settings(self) -> RoundSettings:
        row = self.conn.execute(
            "SELECT uid, title, year, period, description, consensus_method, rounding,"
            " tie_rule, reviewers_per_alliance, note_below_full, note_margin_centi, locked,"
            " disagreement_centi, item_rule, tier_by FROM round"
        ).fetchone()
        tiers = tuple(
            TierBand(name, None if m is None else rows.from_centi(m))
            for name, m in self.conn.execute("SELECT name, min_centi FROM tier ORDER BY position")
        )
        return RoundSettings(
            uid=row[0],
            title=row[1],
            year=row[2],
            period=row[3],
            description=row[4],
            consensus_method=row[5],
            rounding=row[6],
            tie_rule=row[7],
            reviewers_per_alliance=row[8],
            tiers=tiers,
            note_below_full=bool(row[9]),
            note_margin=rows.from_centi(row[10]),
            locked=bool(row[11]),
            disagreement_span=rows.from_centi(row[12]),
            item_rule=row[13],
            tier_by=row[14],
        )

    def write_settings(self, s: RoundSettings) -> None:
        with atomic(self.conn):
            self.conn.execute(
                "INSERT INTO round (id, uid, title, year, period, description, consensus_method,"
                " rounding, tie_rule, reviewers_per_alliance, note_below_full, note_margin_centi,"
                " locked, disagreement_centi, item_rule, tier_by, created_at)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET uid = excluded.uid, title = excluded.title,"
                " year = excluded.year, period = excluded.period,"
                " description = excluded.description,"
                " consensus_method = excluded.consensus_method, rounding = excluded.rounding,"
                " tie_rule = excluded.tie_rule,"
                " reviewers_per_alliance = excluded.reviewers_per_alliance,"
                " note_below_full = excluded.note_below_full,"
                " note_margin_centi = excluded.note_margin_centi, locked = excluded.locked,"
                " disagreement_centi = excluded.disagreement_centi,"
                " item_rule = excluded.item_rule, tier_by = excluded.tier_by",
                (
                    s.uid,
                    s.title,
                    s.year,
                    s.period,
                    s.description,
                    s.consensus_method,
                    s.rounding,
                    s.tie_rule,
                    s.reviewers_per_alliance,
                    int(s.note_below_full),
                    rows.to_centi(s.note_margin),
                    int(s.locked),
                    rows.to_centi(s.disagreement_span),
                    s.item_rule,
                    s.tier_by,
                    now_text(),
                ),
            )
            self.conn.execute("DELETE FROM tier")
            self.conn.executemany(
                "INSERT INTO tier (position, name, min_centi) VALUES (?, ?, ?)",
                [
                    (pos, t.name, None if t.min_total is None else rows.to_centi(t.min_total))
                    for pos, t in enumerate(s.tiers)
                ],
            )
            audit.append(self.conn, "settings", {"title": s.title, "year": s.year})

    # rubric and roster --------------------------------------------------------
    def rubric(self) -> Rubric:
        return rows.read_rubric(self.conn)

    def write_rubric(self, rubric: Rubric) -> None:
        with atomic(self.conn):
            rows.write_rubric(self.conn, rubric)
            audit.append(self.conn, "rubric", {"indicators": [i.code for i in rubric.indicators()]})

    def add_alliances(self, alliances: list[Alliance]) -> None:
        """Write pilots of this year (a new round, the demo); ``write_register`` writes
        alliances with their status and former names."""
        with atomic(self.conn):
            self.write_register([RegisterEntry(a) for a in alliances])

    def reviewers(self) -> list[Reviewer]:
        conflicts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for reviewer_uid, alliance_uid, kind in self.conn.execute(
            "SELECT reviewer_uid, alliance_uid, kind FROM conflict"
        ):
            conflicts[reviewer_uid][kind].add(alliance_uid)
        return [
            Reviewer(
                uid,
                name,
                frozenset(conflicts[uid]["own"]),
                frozenset(conflicts[uid]["declared"]),
            )
            for uid, name in self.conn.execute("SELECT uid, name FROM reviewer ORDER BY position")
        ]

    def add_reviewers(self, reviewers: list[Reviewer]) -> None:
        with atomic(self.conn):
            start = self.conn.execute("SELECT count(*) FROM reviewer").fetchone()[0]
            for pos, reviewer in enumerate(reviewers, start=start):
                self.conn.execute(
                    "INSERT INTO reviewer (uid, position, name) VALUES (?, ?, ?)",
                    (reviewer.uid, pos, reviewer.name),
                )
                self.conn.executemany(
                    "INSERT INTO conflict (reviewer_uid, alliance_uid, kind) VALUES (?, ?, ?)",
                    [(reviewer.uid, a, "own") for a in sorted(reviewer.own_alliances)]
                    + [(reviewer.uid, a, "declared") for a in sorted(reviewer.declared_conflicts)],
                )
            audit.append(self.conn, "reviewers", {"added": len(reviewers)})

    # assignments and scores ----------------------------------------------------
    def assignments(self) -> dict[str, list[str]]:
        """Alliance uid -> reviewer uids, in reviewer order."""
        result: dict[str, list[str]] = defaultdict(list)
        for alliance_uid, reviewer_uid in self.conn.execute(
            "SELECT a.alliance_uid, a.reviewer_uid FROM assignment a"
            " JOIN reviewer r ON r.uid = a.reviewer_uid ORDER BY r.position"
        ):
            result[alliance_uid].append(reviewer_uid)
        return dict(result)

    def set_assignments(self, assignment: dict[str, list[str]]) -> None:
        with atomic(self.conn):
            self.conn.execute("DELETE FROM assignment")
            self.conn.executemany(
                "INSERT INTO assignment (reviewer_uid, alliance_uid) VALUES (?, ?)",
                [(r, a) for a, reviewers in assignment.items() for r in reviewers],
            )
            audit.append(self.conn, "assignment", {"pairs": sum(map(len, assignment.values()))})

    def has_scores(self) -> bool:
        """Whether any reviewer's scores were merged into the round yet."""
        return bool(self.conn.execute("SELECT EXISTS (SELECT 1 FROM score)").fetchone()[0])

    def has_self_scores(self) -> bool:
        """Whether any alliance's self-evaluation holds points."""
        return bool(
            self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM self_score WHERE points_centi IS NOT NULL)"
            ).fetchone()[0]
        )

    def has_assignments(self) -> bool:
        """Whether any reviewer is assigned an alliance (without reading them all)."""
        return bool(self.conn.execute("SELECT EXISTS (SELECT 1 FROM assignment)").fetchone()[0])

    def scores(self) -> list[Score]:
        return [
            Score(r, a, i, rows.from_centi(p), note, reason)
            for r, a, i, p, note, reason in self.conn.execute(
                "SELECT reviewer_uid, alliance_uid, indicator_code, points_centi, note,"
                " override_reason FROM score"
            )
        ]

    def scores_of(self, alliance_uids: Collection[str]) -> list[Score]:
        """``scores`` of the alliances given only."""
        return [
            Score(r, a, i, rows.from_centi(p), note, reason)
            for r, a, i, p, note, reason in self.conn.execute(
                "SELECT reviewer_uid, alliance_uid, indicator_code, points_centi, note,"
                " override_reason FROM score"
                " WHERE alliance_uid IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(alliance_uids)),),
            )
        ]

    def put_scores(self, scores: list[Score]) -> None:
        with atomic(self.conn):
            self.conn.executemany(
                "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi, note,"
                " override_reason) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (reviewer_uid, alliance_uid, indicator_code)"
                " DO UPDATE SET points_centi = excluded.points_centi, note = excluded.note,"
                " override_reason = excluded.override_reason",
                [rows.score_row(s) for s in scores],
            )

    def self_scores(self) -> dict[tuple[str, str], tuple[Fraction | None, str]]:
        return rows.read_self_scores(self.conn)

    def put_self_scores(self, scores: dict[tuple[str, str], tuple[Fraction | None, str]]) -> None:
        with atomic(self.conn):
            rows.write_self_scores(self.conn, scores)

    # decisions ------------------------------------------------------------------
    def decisions(self) -> dict[tuple[str, str], tuple[Fraction, str]]:
        """(alliance uid, indicator code or "" for the total) -> (points, rationale)."""
        return {
            (a, i): (rows.from_centi(p), rationale)
            for a, i, p, rationale in self.conn.execute(
                "SELECT alliance_uid, indicator_code, points_centi, rationale FROM decision"
            )
        }


@contextmanager
def building_round(path: Path | str) -> Iterator[RoundStore]:
    """Build a new round file beside ``path`` and move it into place whole.

    If anything fails, the half-built file is removed and ``path`` stays as it was.
    """
    with building_file(Path(path), ROUND_FILE) as (conn, temporary):
        store = RoundStore(conn, temporary)
        yield store
        store.record("created", {"round": store.settings().uid})
