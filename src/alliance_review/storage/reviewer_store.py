"""Reading and writing a reviewer file (one reviewer's assigned alliances and scores).

Every edit commits at once (WAL, synchronous=FULL): a reviewer never needs a Save button
and loses nothing if the laptop dies. ``seal`` writes the copy that travels back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.register import HistoryRound, YearResult
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.core.score_entry import check_note
from alliance_review.storage import documents, keys, reviewer_keys, rows, sealing
from alliance_review.storage.db import atomic, connect_readonly, open_checked, vacuum_into
from alliance_review.storage.files import (
    FileInfo,
    building_file,
    inspect,
    open_file,
    read_into_memory,
)
from alliance_review.storage.register_rows import read_history, read_history_rounds, write_history
from alliance_review.storage.round_store import now_text
from alliance_review.storage.schema import REVIEWER_FILE

#: a reviewer file that carries many megabytes of documents gets 64 KB pages: SQLite copies
#: a 2 MB document through 32 pages instead of 512 (issuing 14 files of 160 MB takes about
#: half the time); a file without is kept small with the default 4 KB (every table and
#: index takes a page at least: some 2.4 MB empty with 64 KB pages)
LARGE_PAGE_SIZE = 65536

SelfScores = dict[tuple[str, str], tuple[Fraction | None, str]]


@dataclass(frozen=True)
class ReviewerMeta:
    round_uid: str
    round_title: str
    round_year: int
    reviewer_uid: str
    reviewer_name: str
    issued_at: str
    note_below_full: bool
    note_margin: Fraction
    revision: int
    sealed_at: str | None


class ReviewerStore:
    """A reviewer file opened for scoring (or, read-only, a sealed copy)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        info: FileInfo | None = None,
        *,
        read_only: bool = False,
    ):
        self.conn = conn
        self.path = path
        self.info = info
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | str) -> ReviewerStore:
        conn, info = open_file(path, REVIEWER_FILE)
        return cls(conn, Path(path), info)

    @classmethod
    def reading(cls, path: Path | str) -> ReviewerStore:
        """A read-only connection of its own, for a worker thread while the window holds
        the file open (so the file is known, upgraded and in WAL mode already)."""
        return cls(connect_readonly(path), Path(path), read_only=True)

    @classmethod
    def open_sealed(cls, path: Path | str) -> ReviewerStore:
        """A sealed copy, read into memory: it can be shown, and the file is never written
        (not even a ``-wal`` beside it, nor an upgrade of an older format). The documents'
        contents are not read into memory: whoever shows one reads it from the file."""
        memory, info = read_into_memory(path, REVIEWER_FILE, contents=False)
        return cls(memory, Path(path), info, read_only=True)

    def checkpoint(self) -> None:
        """Copy what the ``-wal`` holds into the file itself, without waiting for readers:
        a copy of the file alone then holds every edit so far."""
        if not self.read_only:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        """Close, leaving the file complete on its own (the ``-wal`` folded back in)."""
        try:
            if not self.read_only and not self.conn.in_transaction:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # closing the last connection checkpoints as well; a busy reader may block it
        finally:
            self.conn.close()

    def __enter__(self) -> ReviewerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[ReviewerStore]:
        """One transaction (a savepoint when nested); any exception rolls it back."""
        with atomic(self.conn):
            yield self

    def write_issue(
        self,
        meta: ReviewerMeta,
        rubric: Rubric,
        alliances: list[Alliance],
        self_scores: SelfScores,
        self_ticks: set[tuple[str, str, str]] | None = None,
        key_id: str = "",
        private_key: bytes | None = None,
        history: tuple[list[HistoryRound], list[YearResult]] = ([], []),
    ) -> None:
        """Fill a newly built file: who it is for, the rubric, the alliances to score,
        their self-evaluations (points, notes, and the evidence items they ticked), the
        earlier years' results of those alliances (``history``: the years, and the rows of
        these alliances only), and the key its submissions are signed with (the round
        keeps the public half)."""
        with atomic(self.conn):
            if private_key is not None:
                self.conn.execute(
                    "INSERT INTO signing (id, key_id, public_key, private_key) VALUES (1, ?, ?, ?)",
                    (key_id, keys.public_of(private_key), private_key),
                )
            self.conn.execute(
                "INSERT INTO meta (id, round_uid, round_title, round_year, reviewer_uid,"
                " reviewer_name, issued_at, note_below_full, note_margin_centi, revision)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    meta.round_uid,
                    meta.round_title,
                    meta.round_year,
                    meta.reviewer_uid,
                    meta.reviewer_name,
                    meta.issued_at,
                    int(meta.note_below_full),
                    rows.to_centi(meta.note_margin),
                    meta.revision,
                ),
            )
            rows.write_rubric(self.conn, rubric)
            rows.write_alliances(self.conn, alliances)
            rows.write_self_scores(self.conn, self_scores)
            rows.write_self_ticks(self.conn, self_ticks or set())
            years, results = history
            mine = {a.uid for a in alliances}
            write_history(
                self.conn, years, [y for y in results if y.alliance_uid in mine], with_uid=False
            )

    def meta(self) -> ReviewerMeta:
        row = self.conn.execute(
            "SELECT round_uid, round_title, round_year, reviewer_uid, reviewer_name, issued_at,"
            " note_below_full, note_margin_centi, revision, sealed_at FROM meta"
        ).fetchone()
        return ReviewerMeta(
            row[0], row[1], row[2], row[3], row[4], row[5],
            bool(row[6]), rows.from_centi(row[7]), row[8], row[9],
        )  # fmt: skip

    def rubric(self) -> Rubric:
        return rows.read_rubric(self.conn)

    def alliances(self) -> list[Alliance]:
        return rows.read_alliances(self.conn)

    def self_scores(self) -> SelfScores:
        return rows.read_self_scores(self.conn)

    def history_rounds(self) -> list[HistoryRound]:
        """The earlier years this file carries results of (``round_uid`` is not kept)."""
        return read_history_rounds(self.conn, with_uid=False)

    def history(self, alliance_uid: str | None = None) -> list[YearResult]:
        """Earlier years' results of this reviewer's alliances (or of one of them)."""
        return read_history(self.conn, alliance_uid)

    def scores(self) -> dict[tuple[str, str], tuple[Fraction | None, str]]:
        """(alliance uid, indicator code) -> (points or None when not yet scored, note)."""
        return rows.read_points_and_notes(self.conn, "score")

    def set_score(self, alliance_uid: str, code: str, points: Fraction | None, note: str) -> None:
        """Store one indicator's score and note at once; refuses out-of-range or off-step."""
        self.set_scores([(alliance_uid, code, points, note)])

    def set_scores(
        self,
        items: Iterable[tuple[str, str, Fraction | None, str]],
        not_done: Iterable[str] = (),
        done: Iterable[str] = (),
        ticks: Iterable[tuple[str, str, Collection[str]]] = (),
    ) -> None:
        """Store many (alliance, indicator, points, note) at once, all or nothing.

        ``not_done`` / ``done``: alliances whose done mark goes with the change (cleared
        because their scores no longer meet the rules, or set again by an undo), written
        in the same transaction, so the file never holds the score without its mark.
        ``ticks``: (alliance, indicator, item keys): the indicator's ticked evidence items
        become exactly these keys, in the same transaction (a workbook import).
        """
        rubric = self.rubric()
        batch = list(items)
        for _, code, points, note in batch:
            if points is not None:
                rubric.indicator(code).check_score(points)
            check_note(note)
        tick_batch = [(u, c, self._checked_keys(c, keys, rubric)) for u, c, keys in ticks]
        with atomic(self.conn):
            self.conn.executemany(
                "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (alliance_uid, indicator_code) DO UPDATE"
                " SET points_centi = excluded.points_centi, note = excluded.note",
                [(a, c, None if p is None else rows.to_centi(p), n) for a, c, p, n in batch],
            )
            for uid, code, keys in tick_batch:
                self._write_ticks(uid, code, keys)
            marks = [(uid, 0) for uid in not_done] + [(uid, 1) for uid in done]
            self.conn.executemany(
                "INSERT INTO alliance_status (alliance_uid, done) VALUES (?, ?)"
                " ON CONFLICT (alliance_uid) DO UPDATE SET done = excluded.done",
                marks,
            )

    # evidence items ---------------------------------------------------------------
    def ticks(self) -> set[tuple[str, str, str]]:
        """(alliance uid, indicator code, item key) this reviewer ticked."""
        return set(self.conn.execute("SELECT alliance_uid, indicator_code, key FROM item_tick"))

    def self_ticks(self) -> set[tuple[str, str, str]]:
        """(alliance uid, indicator code, item key) the alliance ticked in its self-evaluation."""
        return rows.read_self_ticks(self.conn)

    def set_ticks(
        self, alliance_uid: str, code: str, keys: Iterable[str], not_done: Iterable[str] = ()
    ) -> None:
        """The ticked items of one indicator of one alliance become exactly ``keys``."""
        wanted = self._checked_keys(code, keys)
        with atomic(self.conn):
            self._write_ticks(alliance_uid, code, wanted)
            self.conn.executemany(
                "UPDATE alliance_status SET done = 0 WHERE alliance_uid = ?",
                [(uid,) for uid in not_done],
            )

    def _checked_keys(
        self, code: str, keys: Iterable[str], rubric: Rubric | None = None
    ) -> list[str]:
        """``keys`` sorted; KeyError for a key the indicator does not have."""
        wanted = sorted(set(keys))
        known = {item.key for item in (rubric or self.rubric()).indicator(code).items}
        unknown = [k for k in wanted if k not in known]
        if unknown:
            raise KeyError(unknown[0])
        return wanted

    def _write_ticks(self, alliance_uid: str, code: str, keys: list[str]) -> None:
        self.conn.execute(
            "DELETE FROM item_tick WHERE alliance_uid = ? AND indicator_code = ?",
            (alliance_uid, code),
        )
        self.conn.executemany(
            "INSERT INTO item_tick (alliance_uid, indicator_code, key) VALUES (?, ?, ?)",
            [(alliance_uid, code, key) for key in keys],
        )

    def put_ticks(self, ticks: Iterable[tuple[str, str, str]]) -> None:
        """Add many ticks at once (alliance, indicator, item key): the demo's filling."""
        with atomic(self.conn):
            self.conn.executemany(
                "INSERT OR IGNORE INTO item_tick (alliance_uid, indicator_code, key)"
                " VALUES (?, ?, ?)",
                sorted(ticks),
            )

    def override_reasons(self) -> dict[tuple[str, str], str]:
        """(alliance uid, indicator code) -> why the points depart from the rule."""
        return {
            (a, i): reason
            for a, i, reason in self.conn.execute(
                "SELECT alliance_uid, indicator_code, override_reason FROM score"
                " WHERE override_reason != ''"
            )
        }

    def set_override_reason(self, alliance_uid: str, code: str, reason: str) -> None:
        """Store why this score departs from the rule (the score row must exist or is made)."""
        with atomic(self.conn):
            self.conn.execute(
                "INSERT INTO score (alliance_uid, indicator_code, points_centi, note,"
                " override_reason) VALUES (?, ?, NULL, '', ?) ON CONFLICT"
                " (alliance_uid, indicator_code) DO UPDATE SET"
                " override_reason = excluded.override_reason",
                (alliance_uid, code, reason),
            )

    def rubric_indicator(self, code: str) -> Indicator:
        return self.rubric().indicator(code)

    def done(self) -> set[str]:
        return {
            uid
            for (uid,) in self.conn.execute("SELECT alliance_uid FROM alliance_status WHERE done")
        }

    def set_done(self, alliance_uid: str, done: bool) -> None:
        with atomic(self.conn):
            self.conn.execute(
                "INSERT INTO alliance_status (alliance_uid, done) VALUES (?, ?)"
                " ON CONFLICT (alliance_uid) DO UPDATE SET done = excluded.done",
                (alliance_uid, int(done)),
            )

    def seal_state(self) -> sealing.Seal:
        return sealing.read_seal(self.conn)

    def can_sign(self) -> bool:
        seal = self.seal_state()
        return seal.status != sealing.OLDER and seal.has_private_key

    def seal(self, out: Path, sealed_at: str | None = None) -> int:
        """Seal a new revision and write the copy that travels to ``out``; returns the revision.

        Only the copy is sealed (``sealed_at`` set) and signed with the file's key, and the
        copy keeps no private key; the working file counts the revision and stays open for
        scoring. The revision is counted first, so a copy interrupted half-way never reuses
        a revision number for other content.
        """
        seal = self.seal_state()
        if seal.status in (sealing.OLDER, sealing.NO_KEY):
            raise UserError(
                "此评审专家文件由旧版软件发放，没有签名密钥，提交后联络组无法核验。"
                "请向联络组索取新的评审专家文件，并用离线评分表（导出/导入评分表）把评分带过去。",
                "This reviewer file was issued by an older version and has no signing key, so "
                "the secretary could not verify a submission. Ask for a new reviewer file and "
                "carry your scores over with the scoring workbook (export-sheet / import-sheet).",
            )
        if not seal.has_private_key:
            raise UserError(
                "此文件是由已提交的副本继续得到的，副本不带签名密钥（这样经手提交文件的人无法"
                "以您的名义签名），因此不能提交。请在当初发给您、用来提交的评审专家文件中继续，"
                "或向联络组索取新的文件。",
                "This file was continued from a submitted copy, which carries no signing key (so "
                "that nobody handling a submission can sign in your name); it cannot be "
                "submitted. Continue in the reviewer file you were issued and submitted from, "
                "or ask the secretary for a new file.",
            )
        sealed_at = sealed_at or now_text()
        with atomic(self.conn):
            self.conn.execute("UPDATE meta SET revision = revision + 1, sealed_at = NULL")

        def finish(copy: sqlite3.Connection) -> None:
            copy.execute("UPDATE meta SET sealed_at = ?", (sealed_at,))
            # the round holds the documents: the copy names them by hash, small to send
            documents.strip_contents(copy)
            sealing.sign_file(copy)
            sealing.strip_private_key(copy)

        vacuum_into(self.conn, out, finish=finish)
        revision: int = self.conn.execute("SELECT revision FROM meta").fetchone()[0]
        return revision


def read_seal(path: Path | str) -> tuple[int, str | None]:
    """(revision, sealed_at) of a reviewer file, read without changing it; ``sealed_at`` is
    None for a working file, the time of sealing for a submitted copy."""
    path = Path(path)
    conn = open_checked(path, readonly=True)
    try:
        info = inspect(conn, path)
        if info.kind is not REVIEWER_FILE:
            return 0, None
        revision, sealed_at = conn.execute("SELECT revision, sealed_at FROM meta").fetchone()
    finally:
        conn.close()
    return int(revision), None if sealed_at is None else str(sealed_at)


@contextmanager
def building_reviewer_file(
    path: Path | str, page_size: int | None = None
) -> Iterator[ReviewerStore]:
    """Build a new reviewer file beside ``path`` and move it into place whole."""
    with building_file(Path(path), REVIEWER_FILE, page_size) as (conn, temporary):
        yield ReviewerStore(conn, temporary)


def _unseal(copy: sqlite3.Connection) -> None:
    copy.execute("UPDATE meta SET sealed_at = NULL")
    if sealing.has_signing(copy):
        copy.execute("UPDATE signing SET signature = NULL")
        reviewer_keys.give_back(copy)  # kept on this computer: the copy can be submitted


def write_working_copy(sealed: Path, out: Path) -> None:
    """Copy a sealed reviewer file to ``out`` as an unsealed working file (whole or not at
    all: built beside ``out`` and renamed into place)."""
    source = open_checked(sealed, readonly=True)
    try:
        inspect(source, sealed)
        vacuum_into(source, out, finish=_unseal)
    finally:
        source.close()
