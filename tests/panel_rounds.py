"""A small round for the panel tests, built and filled through the app's own services.

8 alliances, 5 reviewers (four of them secretaries of alliances A0..A3), 3 reviewers per
alliance. Reviewer files are issued, scored with ``ReviewerStore.set_score`` and sealed,
exactly as a reviewer's app does it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from alliance_review.core.assignment import assign
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.services import resources
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage import keys, sealing
from alliance_review.storage.db import atomic
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import building_round

ALLIANCES = [Alliance(f"a{n}", f"联盟{n}号", n, "第一批" if n < 4 else "第二批") for n in range(8)]
REVIEWERS = [
    Reviewer(f"r{n}", f"评审专家{n}", frozenset({f"a{n}"}) if n < 4 else frozenset())
    for n in range(5)
]
# how good each alliance is (share of full marks) and how lenient each reviewer is
LEVEL = {"a0": 0.95, "a1": 0.86, "a2": 0.8, "a3": 0.7, "a4": 0.6, "a5": 0.9, "a6": 0.75, "a7": 0.5}
BIAS = {"r0": 0.08, "r1": 0.0, "r2": -0.02, "r3": -0.12, "r4": 0.03}

Points = Callable[[str, str, str, Fraction], Fraction]  # reviewer, alliance, code, max


def designed_points(reviewer: str, alliance: str, code: str, top: Fraction) -> Fraction:
    """Deterministic scores with a lenient r0, a harsh r3 and one wild indicator."""
    if alliance == "a5" and code == "2.2":
        return Fraction(0) if reviewer == first_reviewer("a5") else top
    share = min(1.0, max(0.0, LEVEL[alliance] + BIAS.get(reviewer, 0.0)))
    return Fraction(round(float(top) * share))


_assignment: dict[str, list[str]] | None = None


def assignment() -> dict[str, list[str]]:
    global _assignment
    if _assignment is None:
        _assignment = assign(ALLIANCES, REVIEWERS, 3, seed=5)
    return _assignment


def first_reviewer(alliance: str) -> str:
    return assignment()[alliance][0]


def build_round(path: Path, uid: str = "round-panel-test") -> Path:
    settings = RoundSettings(uid=uid, title="测试评价轮次", year=2016)
    with building_round(path) as store:
        store.write_settings(settings)
        store.write_rubric(resources.default_rubric())
        store.add_alliances(ALLIANCES)
        store.add_reviewers(REVIEWERS)
        store.set_assignments(assignment())
    return path


def issue(round_path: Path, folder: Path) -> dict[str, Path]:
    """Reviewer uid -> their working (issued, not yet sealed) file."""
    folder.mkdir(parents=True, exist_ok=True)
    files = issue_reviewer_files(round_path, folder)
    result = {}
    for path in files:
        with ReviewerStore.open(path) as file:
            result[file.meta().reviewer_uid] = path
    return result


def fill(path: Path, points: Points = designed_points, only: set[str] | None = None) -> None:
    with ReviewerStore.open(path) as file, atomic(file.conn):  # one commit, not one per score
        reviewer = file.meta().reviewer_uid
        rubric = file.rubric()
        for alliance in file.alliances():
            if only is not None and alliance.uid not in only:
                continue
            for indicator in rubric.indicators():
                value = points(reviewer, alliance.uid, indicator.code, indicator.max_points)
                file.set_score(alliance.uid, indicator.code, value, f"依据 {indicator.code}")
            file.set_done(alliance.uid, True)


def seal(path: Path, out: Path) -> Path:
    with ReviewerStore.open(path) as file:
        file.seal(out)
    return out


def submitted(round_path: Path, folder: Path, points: Points = designed_points) -> dict[str, Path]:
    """Issue, fill and seal every reviewer's file; reviewer uid -> sealed file (revision 1)."""
    working = issue(round_path, folder / "working")
    out = folder / "returned"
    out.mkdir(exist_ok=True)
    result = {}
    for reviewer, path in working.items():
        fill(path, points)
        result[reviewer] = seal(path, out / f"{reviewer}-r1.sqlite")
    return result


def dump(
    path: Path, skip: tuple[str, ...] = ("merge_log", "audit")
) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (sorted), except ``skip`` (the logs): the round's full content."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if name not in skip
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def working_of(submission: Path) -> Path:
    """The working file (issued by ``submitted``) whose key signed ``submission``."""
    conn = sqlite3.connect(submission)
    key_id = conn.execute("SELECT key_id FROM signing").fetchone()[0]
    conn.close()
    for path in sorted((submission.parent.parent / "working").iterdir()):
        with ReviewerStore.open(path) as file:
            if file.seal_state().key_id == key_id:
                return path
    raise LookupError(submission)


def resign(submission: Path, working: Path | None = None) -> Path:
    """Sign an edited submission again with the key of the reviewer's own working file:
    what an insider holding their own file and key can do (the signature then holds, so
    the merge's other rules must catch what the file says)."""
    with ReviewerStore.open(working or working_of(submission)) as file:
        private = file.conn.execute("SELECT private_key FROM signing").fetchone()[0]
    conn = sqlite3.connect(submission, isolation_level=None)
    try:
        key_id = conn.execute("SELECT key_id FROM signing").fetchone()[0]
        conn.execute(
            "UPDATE signing SET signature = ?",
            (keys.sign(private, sealing.message(conn, key_id)),),
        )
    finally:
        conn.close()
    return submission


def merge_log_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT file_name, content_hash, reviewer_uid, revision, outcome, detail"
            " FROM merge_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def assignment_of(reviewer: str) -> set[str]:
    return {a for a, rs in assignment().items() if reviewer in rs}
