"""A tamper-evident final round, and what ``check`` says about a file.

Locking records the content digest and the audit chain's head in an entry signed with
the secretary's key (user data folder); ``check`` recomputes them and says "altered after
locking" when content, chain or signature disagree. It opens files read-only.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from alliance_review.storage import schema
from alliance_review.storage.round_store import RoundStore
from tests.file_checks import check_json

from . import panel_rounds as pr
from .conftest import run_cli


@pytest.fixture
def locked_round(demo_round: Path) -> Path:
    done = run_cli("lock", demo_round)
    assert done.returncode == 0, done.stderr
    return demo_round


def test_a_locked_round_checks_as_signed_with_this_computers_key(locked_round: Path):
    before = locked_round.read_bytes()
    done = run_cli("check", locked_round)
    assert done.returncode == 0, done.stdout
    assert "锁定: 已锁定，签名有效" in done.stdout and "（本机密钥）" in done.stdout
    code, record = check_json(locked_round)
    assert code == 0
    assert record["kind"] == "round" and record["integrity"] == "ok" and record["valid"] is True
    assert record["version"] == schema.ROUND_FILE.version and record["locked"] is True
    assert record["chain"] == "intact" and record["lock"] == "locked-signed"
    assert record["this_computer_key"] is True and len(str(record["fingerprint"])) == 19
    assert locked_round.read_bytes() == before  # check never writes


def _sql(conn: sqlite3.Connection, *statements: str) -> None:
    for statement in statements:
        conn.execute(statement)
    conn.commit()


def test_unlock_edit_relock_with_sqlite3_is_altered_after_locking(locked_round: Path):
    conn = sqlite3.connect(locked_round)
    _sql(
        conn,
        "UPDATE round SET locked = 0",
        "UPDATE score SET points_centi = 0 WHERE rowid = 1",
        "UPDATE round SET locked = 1",
    )
    conn.close()
    done = run_cli("check", locked_round)
    assert done.returncode == 1
    assert "锁定后被改动：内容与锁定时记录的不一致。" in done.stdout
    code, record = check_json(locked_round)
    assert code == 1 and record["lock"] == "altered-after-locking" and record["valid"] is False


def _recreate_triggers(conn: sqlite3.Connection) -> None:
    """Put back the very triggers the ladder made, so the schema check still passes."""
    for step in schema.ROUND_LADDER:
        for statement in step:
            if statement.startswith("CREATE TRIGGER") and re.search(
                r"\bON (audit|merge_log|decision_log)\b", statement
            ):
                conn.execute(statement)


def test_deleting_the_logs_and_relocking_is_altered_after_locking(locked_round: Path):
    """Unlock, edit, relock and delete the logs, dropping and recreating the append-only
    triggers so the file's structure looks untouched."""
    conn = sqlite3.connect(locked_round)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit")
    conn.rollback()
    triggers = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN ('audit', 'merge_log', 'decision_log')"
        )
    ]
    _sql(conn, *(f"DROP TRIGGER {name}" for name in triggers))
    _sql(
        conn,
        "UPDATE round SET locked = 0",
        "UPDATE score SET points_centi = 0 WHERE rowid = 1",
        "DELETE FROM merge_log",
        "DELETE FROM decision_log",
        "DELETE FROM audit WHERE action IN ('lock', 'unlock')",
        "UPDATE round SET locked = 1",
    )
    _recreate_triggers(conn)
    conn.commit()
    conn.close()
    code, record = check_json(locked_round)
    assert code == 1 and record["lock"] == "altered-after-locking", record
    done = run_cli("check", locked_round)
    assert "锁定后被改动" in done.stdout
    # deleting the whole trail is no better
    conn = sqlite3.connect(locked_round)
    _sql(conn, *(f"DROP TRIGGER {name}" for name in triggers), "DELETE FROM audit")
    _recreate_triggers(conn)
    conn.commit()
    conn.close()
    code, record = check_json(locked_round)
    assert code == 1 and "没有签名的锁定记录" in run_cli("check", locked_round).stdout


def test_a_lock_entry_signed_by_another_key_or_stripped_is_detected(locked_round: Path):
    conn = sqlite3.connect(locked_round)
    name = "audit_append_only_update"
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    _sql(
        conn,
        f"DROP TRIGGER {name}",
        "UPDATE audit SET signature = zeroblob(64) WHERE action = 'lock'",
        sql,
    )
    conn.close()
    code, record = check_json(locked_round)
    assert code == 1 and record["chain"] == "broken"
    assert "签名无效" in run_cli("check", locked_round).stdout


def test_unlocking_is_a_signed_entry_and_a_later_edit_is_no_tampering(locked_round: Path):
    assert run_cli("unlock", locked_round).returncode == 0
    with RoundStore.open(locked_round) as store:
        actions = [e.action for e in store.audit_entries()]
        assert actions[-2:] == ["lock", "unlock"]
        assert all(e.signature for e in store.audit_entries() if e.action in ("lock", "unlock"))
    alliance = pr_first_alliance(locked_round)
    decided = run_cli("decide", locked_round, alliance, "--points", "80", "--rationale", "讨论")
    assert decided.returncode == 0, decided.stderr
    code, record = check_json(locked_round)
    assert code == 0 and record["lock"] == "unlocked" and record["chain"] == "intact"
    # unlocked with sqlite3 (no signed unlock entry): caught
    assert run_cli("lock", locked_round).returncode == 0
    conn = sqlite3.connect(locked_round)
    _sql(conn, "UPDATE round SET locked = 0")
    conn.close()
    code, record = check_json(locked_round)
    assert code == 1 and record["lock"] == "altered-after-locking"


def pr_first_alliance(path: Path) -> str:
    with RoundStore.open(path) as store:
        return store.alliances()[0].name


def test_check_on_a_reviewer_file_shows_seal_revision_progress_and_a_wal(tmp_path: Path):
    round_path = pr.build_round(tmp_path / "round.sqlite")
    working = pr.issue(round_path, tmp_path / "w")["r1"]
    code, record = check_json(working)
    assert code == 0 and record["kind"] == "reviewer" and record["sealed"] is False
    assert (record["revision"], record["signature"]) == (0, "unsigned")
    assert record["progress"] == {"alliances": 5, "scored": 0, "done": 0}
    pr.fill(working, only={sorted(pr.assignment_of("r1"))[0]})
    sent = pr.seal(working, tmp_path / "sent.sqlite")
    code, record = check_json(sent)
    assert code == 0 and record["sealed"] is True and record["revision"] == 1
    assert record["signature"] == "valid" and record["private_key"] is False
    assert record["progress"] == {"alliances": 5, "scored": 1, "done": 1}
    text = run_cli("check", sent).stdout
    assert "第 1 版（已封存" in text and "已完成 1 / 5 个联盟" in text and "签名: 有效" in text
    # the working file counts the revision but is not sealed itself (only the copy is)
    pr.fill(working)
    code, record = check_json(working)
    assert code == 0 and record["signature"] == "unsigned" and not record["sealed"]
    assert record["revision"] == 1 and record["private_key"] is True
    # the submitted copy edited afterwards: an error
    edited = tmp_path / "edited.sqlite"
    shutil.copyfile(sent, edited)
    conn = sqlite3.connect(edited)
    _sql(conn, "UPDATE score SET note = 'x' WHERE rowid = 1")
    conn.close()
    code, record = check_json(edited)
    assert code == 1 and record["signature"] == "invalid"
    # a -wal beside a file is warned about
    conn = sqlite3.connect(working, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE score SET note = 'y' WHERE rowid = 1")
    out = run_cli("check", working)
    code, record = check_json(working)
    conn.close()
    assert "警告：旁边有「" in out.stdout and "-wal」" in out.stdout
    assert record["wal_beside"] is True


def test_check_never_upgrades_an_older_file(tmp_path: Path):
    from .conftest import DATA

    old = tmp_path / "round-v3.sqlite"
    shutil.copyfile(DATA / "round-v3.sqlite", old)
    before = old.read_bytes()
    code, record = check_json(old)
    assert code == 0 and record["version"] == 3 and record["needs_upgrade"] is True
    assert record["lock"] == "no-audit-trail"
    assert old.read_bytes() == before


def test_verify_pdf_reads_the_pages_not_only_the_metadata(demo_round: Path, tmp_path: Path):
    """A doctored appendix with the genuine metadata (content hash, settings): one row's
    printed score changed. verify-pdf prints the appendix again and compares the pages."""
    import dataclasses

    from alliance_review.services.appendix_pdf import build_appendix
    from alliance_review.services.page_images import pdf_metadata
    from alliance_review.services.results import compute
    from alliance_review.services.round_digest import content_hash

    genuine = tmp_path / "appendix.pdf"
    assert run_cli("export-pdf", demo_round, genuine).returncode == 0
    with RoundStore.open(demo_round) as store:
        result = compute(store)
        digest = content_hash(store)
    row = result.ranking[9]
    doctored_rows = list(result.ranking)
    doctored_rows[9] = dataclasses.replace(row, printed_score=row.printed_score + 3)
    doctored = tmp_path / "doctored.pdf"
    build_appendix(doctored, dataclasses.replace(result, ranking=doctored_rows), digest)
    assert pdf_metadata(doctored)["Keywords"] == pdf_metadata(genuine)["Keywords"]
    assert run_cli("verify-pdf", demo_round, genuine).returncode == 0
    done = run_cli("verify-pdf", demo_round, doctored)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert "第 1 页印着" in done.stderr and str(row.printed_score + 3) in done.stderr


def test_a_locked_rounds_appendix_carries_the_signature_and_fingerprint(
    locked_round: Path, tmp_path: Path
):
    from alliance_review.services.page_images import pdf_metadata
    from alliance_review.services.round_digest import keyword_fields

    pdf = tmp_path / "final.pdf"
    assert run_cli("export-pdf", locked_round, pdf).returncode == 0
    fields = keyword_fields(pdf_metadata(pdf)["Keywords"])
    _, record = check_json(locked_round)
    assert fields["lock-signature"] == record["lock_signature"]
    assert fields["key-fingerprint"] == record["fingerprint"]
    same = run_cli("verify-pdf", locked_round, pdf)
    assert same.returncode == 0 and f"签名密钥指纹 {record['fingerprint']}" in same.stdout
    # unlocked and locked again (same content): the PDF's signature is no longer the lock
    assert run_cli("unlock", locked_round).returncode == 0
    assert run_cli("lock", locked_round).returncode == 0
    again = run_cli("verify-pdf", locked_round, pdf)
    assert again.returncode == 1 and "锁定签名" in again.stderr
