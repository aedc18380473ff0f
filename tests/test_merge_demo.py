"""The demo before the meeting: a round without scores and 14 submitted reviewer files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alliance_review.storage.files import identify

from .conftest import run_cli


def scores(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT reviewer_uid, alliance_uid, indicator_code, points_centi, note FROM score"
            " ORDER BY 1, 2, 3"
        ).fetchall()
    finally:
        conn.close()


def test_demo_reviewer_files_merge_into_the_plain_demo_result(
    tmp_path: Path, demo_round_master: Path
):
    out, folder = tmp_path / "before.sqlite", tmp_path / "returned"
    folder.mkdir()
    done = run_cli("demo", out, "--reviewer-files", folder)
    assert done.returncode == 0, done.stderr
    files = sorted(folder.glob("*.alr-review"))
    assert len(files) == 14 and len(list(folder.iterdir())) == 14  # no -wal, no leftovers
    for path in files:
        info = identify(path)
        assert info.kind.name == "reviewer" and info.round_uid == identify(out).round_uid
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT revision, sealed_at IS NOT NULL FROM meta").fetchone() == (1, 1)
        conn.close()
    assert scores(out) == []
    before = run_cli("ranking", out, "--json")
    assert before.returncode == 0 and before.stdout.strip() == "[]"

    merged = run_cli("merge", out, folder)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.count("[已合并]") == 14
    assert scores(out) == scores(demo_round_master)
    assert (
        run_cli("ranking", out, "--json").stdout
        == run_cli("ranking", demo_round_master, "--json").stdout
    )


def test_demo_makes_a_missing_reviewer_folder_and_refuses_a_file_in_its_place(tmp_path: Path):
    done = run_cli("demo", tmp_path / "x.sqlite", "--reviewer-files", tmp_path / "new" / "files")
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "new" / "files").glob("*.alr-review"))) == 14
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    done = run_cli("demo", tmp_path / "y.sqlite", "--reviewer-files", tmp_path / "taken")
    assert done.returncode == 1 and "不是文件夹" in done.stderr
    assert not (tmp_path / "y.sqlite").exists()
