"""Read-only commands do only the work they need (issue 23).

``ranking`` and ``statistics --json`` import neither the cryptography library, nor Qt,
nor the PDF or workbook libraries; ``ranking`` reads the round on one read-only
connection and changes no byte of it; a file this computer checked page by page and that
has not changed since is not checked again by the next process (a file from elsewhere,
one written since, or one damaged in place, is); the expected schema is built once per
computer, and a remembered one that disagrees is built again before a file is refused.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

HEAVY = ("cryptography", "PySide6", "reportlab", "openpyxl", "xlsxwriter", "python_calamine",
         "docx", "pdfplumber", "pypdf")  # fmt: skip


def imported(*args: str | Path) -> set[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "alliance_review", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return set(re.findall(r"\| +([\w.]+)$", done.stderr, re.MULTILINE))


def test_read_only_commands_import_only_what_they_use(demo_round: Path) -> None:
    for command in (["ranking", demo_round, "--json"], ["statistics", demo_round, "--json"]):
        modules = imported(*command)
        assert "alliance_review.services.results" in modules  # the measurement is real
        heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
        assert heavy == [], (command[0], heavy)
        if command[0] == "ranking":  # the panel's analysis is no part of ranking
            assert "alliance_review.core.analysis" not in modules


def test_ranking_changes_no_byte_of_the_round(demo_round: Path) -> None:
    before = demo_round.read_bytes()
    done = run_cli("ranking", demo_round, "--json")
    assert done.returncode == 0, done.stderr
    assert demo_round.read_bytes() == before
    assert done.stdout.startswith("[\n {\n") and done.stdout.endswith("}\n]\n")


def test_ranking_reads_a_round_of_an_older_format_without_upgrading_it(tmp_path: Path) -> None:
    """An older round is ranked from a copy upgraded in memory; the file keeps its bytes
    (and its version) until the app opens it to edit."""
    old = tmp_path / "round-v5.sqlite"
    shutil.copyfile(Path(__file__).parent / "data" / "round-v5.sqlite", old)
    before = old.read_bytes()
    done = run_cli("ranking", old, "--json")
    assert done.returncode == 0, done.stderr
    assert [row["name"] for row in json.loads(done.stdout)] == ["甲联盟", "乙联盟"]
    assert old.read_bytes() == before
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == 5


# the page-by-page check, remembered ----------------------------------------------------------
@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement of connections opened from now on (this test only), with a
    fresh process's memory: nothing checked or built yet in this process."""
    from alliance_review.storage import db, schema

    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    monkeypatch.setattr(db, "_checked", {})
    monkeypatch.setattr(schema, "_expected", {})
    return seen


def checks(seen: list[str]) -> int:
    return sum("quick_check" in s for s in seen)


def test_a_file_checked_by_another_process_is_not_checked_again(
    demo_round: Path, tmp_path: Path, statements: list[str]
) -> None:
    from alliance_review.storage import db

    done = run_cli("ranking", demo_round, "--json")  # another process checks it
    assert done.returncode == 0, done.stderr
    db.open_checked(demo_round, readonly=True).close()
    assert checks(statements) == 0
    copy = tmp_path / "copy.alr-round"  # the same bytes, another file: checked
    shutil.copyfile(demo_round, copy)
    db.open_checked(copy, readonly=True).close()
    assert checks(statements) == 1
    db._checked.clear()
    with sqlite3.connect(demo_round) as conn:  # written since: checked again
        conn.execute("UPDATE round SET title = title || ' '")
    db.open_checked(demo_round, readonly=True).close()
    assert checks(statements) == 2


def test_a_file_damaged_in_place_is_checked_and_refused(demo_round: Path) -> None:
    """Bytes overwritten in place, size and modification time put back: the change time
    tells, the file is checked again and refused."""
    from alliance_review.core.errors import FileRefused
    from alliance_review.storage import db

    db.open_checked(demo_round, readonly=True).close()  # checked and remembered
    found = demo_round.stat()
    page = 4096
    with demo_round.open("r+b") as handle:
        handle.seek(page * (found.st_size // page // 2))
        handle.write(b"\xff" * page)
    os.utime(demo_round, ns=(found.st_atime_ns, found.st_mtime_ns))
    assert demo_round.stat().st_size == found.st_size
    db._checked.clear()  # as in a new process
    with pytest.raises(FileRefused):
        db.open_checked(demo_round, readonly=True)
    done = run_cli("ranking", demo_round, "--json")
    assert done.returncode == 1 and "损坏" in done.stderr


def test_a_record_that_is_not_ours_is_ignored(demo_round: Path, statements: list[str]) -> None:
    from alliance_review.storage import db, known_schemas
    from alliance_review.system.places import data_dir

    record = data_dir() / db._RECORD
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text("[1, 2", encoding="utf-8")  # broken
    db.open_checked(demo_round, readonly=True).close()
    assert checks(statements) == 1
    record.write_bytes(b"{" + b" " * (db._RECORD_BYTES + 1) + b"}")  # too large
    db._checked.clear()
    db.open_checked(demo_round, readonly=True).close()
    assert checks(statements) == 2
    assert known_schemas.recalled("no such key") is None


# the expected schema, remembered ------------------------------------------------------------
def test_the_expected_schema_is_built_once_and_rebuilt_when_it_disagrees(
    demo_round: Path, statements: list[str]
) -> None:
    from alliance_review.storage import files, known_schemas, schema

    files.identify(demo_round)  # built (or recalled from an earlier process) and kept
    schema._expected.clear()
    del statements[:]
    files.identify(demo_round)
    assert not any(s.startswith("CREATE") for s in statements)  # recalled, not built
    key = known_schemas.key_of(schema.ROUND_FILE.application_id, schema.ROUND_LADDER)
    known_schemas.remember(key, [("table", "nonsense", "CREATE TABLE nonsense (x)")])
    schema._expected.clear()
    info = files.identify(demo_round)  # a wrong record: built afresh, the file accepted
    assert info.kind is schema.ROUND_FILE
    assert any(s.startswith("CREATE") for s in statements)
    assert known_schemas.recalled(key) == schema.expected_signature(
        schema.ROUND_FILE, schema.ROUND_FILE.version
    )


@pytest.mark.posix  # file names are bytes there; Windows names are always Unicode
def test_a_round_named_in_another_code_page_is_ranked_and_its_check_remembered(
    demo_round: Path, tmp_path: Path
) -> None:
    """A round copied from a Chinese Windows' archive keeps its GBK-encoded name on a UTF-8
    system: Python sees undecodable bytes (surrogates) in its path. The ranking is printed
    and the data folder's record of the check is written (it made the command fail)."""
    odd = tmp_path / os.fsdecode("评价轮次-2015".encode("gbk") + b".alr-round")
    shutil.copyfile(demo_round, odd)
    done = run_cli("ranking", odd, "--json")
    assert done.returncode == 0, done.stderr
    assert [row["seq"] for row in json.loads(done.stdout)][:3] == [1, 2, 3]
    record = Path(os.environ["ALLIANCE_REVIEW_DATA_DIR"]) / "checked-files.json"
    assert str(odd.resolve()) in json.loads(record.read_text(encoding="ascii"))
