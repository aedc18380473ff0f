"""Merging returned reviewer files: the app beside its floor, time and peak memory.

    .venv/bin/python bench/bench_merge.py [--alliances 10000] [--files 30] [--runs 3]

The inputs come from the bench's generator (``bench/rounds.py``, v2: the real rubric,
notes of real length, evidence ticks): a round of that many alliances and 30 reviewers
(14 at 125 alliances, as the demo), 3 per alliance, each reviewer's scores and ticks
written into the reviewer file the round issued and sealed (signed) as a reviewer's
submission is. Built once into ``bench/.cache/merge-<alliances>-v2``.

The floor (``floor``) is a plain sqlite3 script doing the least any merge must do: for
each file, read and hash its bytes, verify its Ed25519 signature over its canonical
digest with the key the round issued (``storage.canonical``: the format defines what is
signed), then ``ATTACH`` it and copy its scores and ticks with ``INSERT … SELECT`` into the
round with the round's triggers and foreign keys on, one transaction per file, no other
check. ``merge_once`` and ``floor_once`` each run in a fresh process (``bench/child.py``),
so each peak memory is that run's own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CACHE = HERE / ".cache"


def reviewers_for(alliances: int) -> int:
    return 14 if alliances <= 125 else 30


def folder_for(alliances: int) -> Path:
    return CACHE / f"merge-{alliances}-v2"


def build(folder: Path, alliances: int) -> tuple[Path, list[Path]]:
    """The round before its merge and the sealed reviewer files (all of them)."""
    import rounds

    from alliance_review.services.reviewer_files import issue_reviewer_files
    from alliance_review.storage.reviewer_store import ReviewerStore

    reviewers = reviewers_for(alliances)
    folder.mkdir(parents=True, exist_ok=True)
    scored = rounds.build_round(
        folder / "scored.sqlite", alliances, reviewers=reviewers, decisions=False
    )
    round_path = rounds.build_round(
        folder / "round.sqlite", alliances, reviewers=reviewers, decisions=False, scored=False
    )
    issued, returned = folder / "issued", folder / "returned"
    for made in (issued, returned):
        shutil.rmtree(made, ignore_errors=True)
        made.mkdir()
    sealed = []
    with closing(sqlite3.connect(scored)) as source:
        for path in issue_reviewer_files(round_path, issued):
            with ReviewerStore.open(path) as file:
                (reviewer_uid,) = file.conn.execute("SELECT reviewer_uid FROM meta").fetchone()
                scores = source.execute(
                    "SELECT alliance_uid, indicator_code, points_centi, note FROM score"
                    " WHERE reviewer_uid = ?",
                    (reviewer_uid,),
                ).fetchall()
                ticks = source.execute(
                    "SELECT alliance_uid, indicator_code, key FROM item_tick"
                    " WHERE reviewer_uid = ?",
                    (reviewer_uid,),
                ).fetchall()
                with file.conn:
                    file.conn.executemany(
                        "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
                        " VALUES (?, ?, ?, ?)",
                        scores,
                    )
                    file.conn.executemany(
                        "INSERT INTO item_tick (alliance_uid, indicator_code, key)"
                        " VALUES (?, ?, ?)",
                        ticks,
                    )
                target = returned / path.name
                file.seal(target)
                sealed.append(target)
    scored.unlink()
    shutil.rmtree(issued)
    return round_path, sorted(sealed)


def prepared(alliances: int) -> tuple[Path, list[Path]]:
    """The cached inputs of that size (built once, in this process)."""
    folder = folder_for(alliances)
    listing = folder / "files.json"
    if not listing.exists():
        shutil.rmtree(folder, ignore_errors=True)
        round_path, files = build(folder, alliances)
        listing.write_text(json.dumps([str(p) for p in files]), encoding="utf-8")
    files = [Path(p) for p in json.loads(listing.read_text(encoding="utf-8"))]
    return folder / "round.sqlite", files


def prepare(alliances: int) -> float:
    """``prepared`` in a child process of the bench (untimed)."""
    prepared(alliances)
    return 0.0


def _fresh_round(alliances: int, name: str) -> tuple[Path, list[Path]]:
    round_path, files = prepared(alliances)
    target = round_path.with_name(name)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    with closing(sqlite3.connect(round_path)) as source, closing(sqlite3.connect(target)) as out:
        source.backup(out)
    return target, files


def merge_once(alliances: int, files: int = 0) -> dict[str, object]:
    """The app's merge of the first ``files`` files (0: all) into a fresh copy."""
    from alliance_review.services.merge import merge_into

    target, paths = _fresh_round(alliances, "merge-app.sqlite")
    paths = paths[:files] if files else paths
    start = time.perf_counter()
    reports = merge_into(target, paths)
    elapsed = time.perf_counter() - start
    assert all(r.outcome == "merged" for r in reports), [r.detail() for r in reports]
    return {"seconds": [elapsed], "files": len(paths)}


def floor_once(alliances: int, files: int = 0) -> dict[str, object]:
    target, paths = _fresh_round(alliances, "merge-floor.sqlite")
    paths = paths[:files] if files else paths
    return {"seconds": [floor(target, paths)], "files": len(paths)}


def floor(round_path: Path, files: list[Path]) -> float:
    """Hash, verify the signature, copy the rows: per file, one transaction each."""
    from alliance_review.storage import keys, sealing

    conn = sqlite3.connect(round_path.as_uri(), uri=True, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        del data
        with closing(sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)) as file:
            key_id, signature = file.execute("SELECT key_id, signature FROM signing").fetchone()
            signed = sealing.message(file, key_id)
        reviewer, public = conn.execute(
            "SELECT reviewer_uid, public_key FROM reviewer_key WHERE key_id = ?", (key_id,)
        ).fetchone()
        assert keys.verify(public, signature, signed), path
        conn.execute("ATTACH DATABASE ? AS rf", (path.as_uri() + "?mode=ro",))
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi, note,"
            " override_reason) SELECT ?, alliance_uid, indicator_code, points_centi, note,"
            " override_reason FROM rf.score",
            (reviewer,),
        )
        conn.execute(
            "INSERT INTO item_tick (reviewer_uid, alliance_uid, indicator_code, key)"
            " SELECT ?, alliance_uid, indicator_code, key FROM rf.item_tick",
            (reviewer,),
        )
        conn.execute(
            "INSERT INTO merged_revision (reviewer_uid, revision, content_hash, merged_at)"
            " SELECT ?, revision, ?, '2030-12-01T10:00:00+08:00' FROM rf.meta",
            (reviewer, digest),
        )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE rf")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alliances", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=0, help="the first N files (0: all)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import table

    app, peer = table.merge_figures(args.alliances, args.files, args.runs)
    print(f"{args.alliances:,} alliances, {args.files or 'all'} files; median of {args.runs}")
    print(f"merge: {app.median:.3f} s, peak {app.peak_mb:.0f} MB")
    print(f"floor: {peer.median:.3f} s, peak {peer.peak_mb:.0f} MB")
    print(f"ratio: {app.median / peer.median:.2f}x")


if __name__ == "__main__":
    main()
