"""Reading and writing a reviewer file (one reviewer's assigned alliances and scores).

Every edit commits at once (WAL, synchronous=FULL): a reviewer never needs a Save button
and loses nothing if the laptop dies. ``seal`` writes the copy that travels back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.storage import keys, rows, sealing
from alliance_review.storage.db import atomic, vacuum_into
from alliance_review.storage.files import (
    FileInfo,
    create_file,
    finish_atomically,
    open_file,
    write_atomically_to,
)
from alliance_review.storage.round_store import now_text
from alliance_review.storage.schema import REVIEWER_FILE

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
    """A reviewer file opened for scoring."""

    def __init__(self, conn: sqlite3.Connection, path: Path, info: FileInfo | None = None):
        self.conn = conn
        self.path = path
        self.info = info

    @classmethod
    def open(cls, path: Path | str) -> ReviewerStore:
        conn, info = open_file(path, REVIEWER_FILE)
        return cls(conn, Path(path), info)

    def close(self) -> None:
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
        key_id: str,
        private_key: bytes,
    ) -> None:
        """Fill a newly built file: who it is for, the rubric, the alliances to score, and
        the key its submissions are signed with (the round keeps the public half)."""
        with atomic(self.conn):
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
    ) -> None:
        """Store many (alliance, indicator, points, note) at once, all or nothing.

        ``not_done``: alliances whose done mark goes with the change (their scores no
        longer meet the rules), cleared in the same transaction.
        """
        rubric = self.rubric()
        batch = list(items)
        for _, code, points, _ in batch:
            if points is not None:
                rubric.indicator(code).check_score(points)
        with atomic(self.conn):
            self.conn.executemany(
                "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (alliance_uid, indicator_code) DO UPDATE"
                " SET points_centi = excluded.points_centi, note = excluded.note",
                [(a, c, None if p is None else rows.to_centi(p), n) for a, c, p, n in batch],
            )
            self.conn.executemany(
                "UPDATE alliance_status SET done = 0 WHERE alliance_uid = ?",
                [(uid,) for uid in not_done],
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

    def seal(self, out: Path) -> int:
        """Seal a new revision, sign it, and write the copy that travels to ``out`` (without
        the private key); returns the revision."""
        if not self.can_sign():
            raise UserError(
                "此评审专家文件由旧版软件发放，没有签名密钥，提交后联络组无法核验。"
                "请向联络组索取新的评审专家文件，并用离线评分表（导出/导入评分表）把评分带过去。",
                "This reviewer file was issued by an older version and has no signing key, so "
                "the secretary could not verify a submission. Ask for a new reviewer file and "
                "carry your scores over with the scoring workbook (export-sheet / import-sheet).",
            )
        with atomic(self.conn):
            self.conn.execute(
                "UPDATE meta SET revision = revision + 1, sealed_at = ?", (now_text(),)
            )
            sealing.sign_file(self.conn)
        vacuum_into(self.conn, out, sealing.strip_private_key)
        revision: int = self.conn.execute("SELECT revision FROM meta").fetchone()[0]
        return revision


@contextmanager
def building_reviewer_file(path: Path | str) -> Iterator[ReviewerStore]:
    """Build a new reviewer file beside ``path`` and move it into place whole."""
    path = Path(path)
    temporary = write_atomically_to(path)
    conn = create_file(temporary, REVIEWER_FILE, building=True)
    try:
        yield ReviewerStore(conn, temporary)
    except BaseException:
        conn.close()
        write_atomically_to(path)
        raise
    finish_atomically(conn, temporary, path)
