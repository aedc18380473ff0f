"""The command line, run as a subprocess the way a user runs it."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest

from .conftest import PUBLISHED, run_cli


def test_demo_check_and_ranking_json(tmp_path: Path):
    out = tmp_path / "演示 2015.sqlite"
    done = run_cli("demo", out)
    assert done.returncode == 0, done.stderr
    assert out.is_file() and not Path(str(out) + "-wal").exists()
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, travels whole
    conn.close()

    checked = run_cli("check", out)
    assert checked.returncode == 0
    assert (
        "评价轮次文件" in checked.stdout and "2015" in checked.stdout and "通过" in checked.stdout
    )

    ranked = run_cli("ranking", out, "--json")
    assert ranked.returncode == 0, ranked.stderr
    records = json.loads(ranked.stdout)
    with PUBLISHED.open(encoding="utf-8") as handle:
        published = list(csv.DictReader(handle))
    assert [(r["seq"], r["name"], r["printed_score"], r["tier"]) for r in records] == [
        (int(p["seq"]), p["name"], int(p["score"]), p["published_tier"]) for p in published
    ]
    assert set(records[0]) == {"seq", "rank", "name", "printed_score", "total", "tier"}
    row_109 = records[108]
    assert Fraction(row_109["total"]) < 65 and row_109["printed_score"] == 65
    assert [r["rank"] for r in records[:7]] == [1, 1, 1, 1, 1, 1, 7]


def test_ranking_plain_text(demo_round: Path):
    done = run_cli("ranking", demo_round)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].split() == [
        "1",
        "TD",
        "产业技术创新战略联盟",
        "100",
        "活跃度高",
    ]


@pytest.mark.parametrize("kind", ["foreign", "empty", "truncated"])
def test_check_refuses_bad_files_with_one_sentence_and_exit_1(
    tmp_path: Path, demo_round: Path, kind: str
):
    target = tmp_path / "bad.sqlite"
    if kind == "foreign":
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE notes (text)")
        conn.commit()
        conn.close()
    elif kind == "empty":
        target.write_bytes(b"")
    else:
        target.write_bytes(demo_round.read_bytes()[:50_000])
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    done = run_cli("check", target)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_demo_refuses_an_unwritable_place_without_a_traceback(tmp_path: Path):
    done = run_cli("demo", tmp_path / "no such folder" / "x.sqlite")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2():
    assert run_cli("ranking").returncode == 2
    assert run_cli("no-such-command").returncode == 2


def test_check_refuses_a_file_whose_rows_break_its_own_references(demo_round: Path):
    conn = sqlite3.connect(demo_round)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM assignment")  # scores now point at no assignment
    conn.commit()
    conn.close()
    done = run_cli("check", demo_round)
    assert done.returncode == 1 and "完整性" in done.stderr


def test_ranking_of_a_round_without_scores_says_so(tmp_path: Path):
    before = tmp_path / "before.sqlite"
    assert run_cli("demo", before, "--reviewer-files", tmp_path / "files").returncode == 0
    done = run_cli("ranking", before)
    assert done.returncode == 1 and "还没有评分" in done.stderr and done.stdout == ""


def test_refusals_follow_an_english_locale(tmp_path: Path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "ALLIANCE_REVIEW_LANG"}
    env.update(LANG="en_US.UTF-8", LC_ALL="", PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "alliance_review", "check", str(tmp_path / "missing.sqlite")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr.strip() == "The file missing.sqlite does not exist."


def test_a_closed_pipe_is_not_an_error(demo_round: Path):
    """``alliance-review ranking ROUND | head``: the reader has gone before the writer ends."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: the first write meets a broken pipe
    writer = subprocess.run(
        [sys.executable, "-m", "alliance_review", "ranking", str(demo_round)],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    os.close(write_end)
    assert writer.returncode == 0 and writer.stderr == ""
