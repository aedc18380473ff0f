"""A lock that cannot be laundered (issue 19, defects 1, 5 and 7).

Each test runs an attack of the second insider run with sqlite3 and the app's own
commands, and sees it refused or reported, the round's full content (every table, the
trail included) unchanged where nothing may be written.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from alliance_review.services import restore
from alliance_review.storage import audit, backups
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.schema import ROUND_FILE, apply_ladder

from . import panel_rounds as pr
from .conftest import run_cli


def full_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return pr.dump(path, skip=())


def check_json(path: Path) -> tuple[int, dict[str, object]]:
    done = run_cli("check", path, "--json")
    return done.returncode, json.loads(done.stdout)


@pytest.fixture
def locked_round(tmp_path: Path) -> Path:
    round_path = pr.build_round(tmp_path / "round.sqlite", uid="round-laundering-test")
    files = pr.submitted(round_path, tmp_path)
    assert run_cli("merge", round_path, *files.values()).returncode == 0
    assert run_cli("lock", round_path).returncode == 0
    return round_path


def tamper_scores(path: Path) -> None:
    """Unlock with sqlite3, set one reviewer's scores to 0, lock again: no key used."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE round SET locked = 0")
        conn.execute("UPDATE score SET points_centi = 0 WHERE reviewer_uid = 'r1'")
        conn.execute("UPDATE round SET locked = 1")
        conn.commit()


def downgrade_to(path: Path, out: Path, version: int) -> Path:
    """The file as the attack left it: the newer steps' tables dropped and ``user_version``
    set back, every row of the older tables kept (the trail included, in its order)."""
    with closing(sqlite3.connect(out)) as target, closing(sqlite3.connect(path)) as source:
        target.execute("BEGIN")
        apply_ladder(target, ROUND_FILE, 0, version)
        tables = [
            name
            for (name,) in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables, key=lambda t: (t == "round", t != "audit")):
            columns = [row[1] for row in target.execute(f'PRAGMA table_info("{table}")')]
            listed = ", ".join(f'"{c}"' for c in columns)
            order = " ORDER BY id" if table == "audit" else ""
            rows = source.execute(f'SELECT {listed} FROM "{table}"{order}').fetchall()
            marks = ", ".join("?" for _ in columns)
            target.execute(f'DELETE FROM "{table}"')  # rows the ladder itself put in
            target.executemany(f'INSERT INTO "{table}" ({listed}) VALUES ({marks})', rows)
        target.commit()
    return out


def test_a_downgraded_tampered_locked_round_is_never_upgraded_and_checks_altered(
    locked_round: Path, tmp_path: Path
):
    """Defect 1: edited with sqlite3 only, the newest tables dropped, user_version=5. The
    next ranking, export or window open upgraded it with an unsigned entry recording the
    tampered content, and check said locked and valid. Now nothing upgrades or writes it."""
    tamper_scores(locked_round)
    old = downgrade_to(locked_round, tmp_path / "downgraded.sqlite", 5)
    before, raw = full_dump(old), old.read_bytes()
    for command in (
        ("ranking", old),
        ("export-pdf", old, tmp_path / "appendix.pdf"),
        ("decide", old, "联盟1号", "--points", "80", "--rationale", "讨论"),
        ("unlock", old),
    ):
        done = run_cli(*command)
        assert "Traceback" not in done.stderr
        assert old.read_bytes() == raw and full_dump(old) == before, command[0]
        if command[0] != "ranking":
            assert done.returncode == 1, command[0]
            assert "锁定后被改动" in done.stderr, done.stderr
    assert not (tmp_path / "appendix.pdf").exists()
    code, record = check_json(old)
    assert code == 1 and record["lock"] == "altered-after-locking", record
    assert old.read_bytes() == raw
    # the window opens nothing of it for writing either
    with pytest.raises(Exception, match="锁定后被改动"):
        RoundStore.open(old)
    assert old.read_bytes() == raw and full_dump(old) == before


def append_upgrade_entry(conn: sqlite3.Connection) -> None:
    """An unsigned upgrade entry recording the file's content as it is, before and after."""
    digest = audit.content_digest(conn)
    audit.append(conn, audit.UPGRADE, {
        "from": 5, "to": ROUND_FILE.version, "locked": True,
        "content_sha256": digest, "content_sha256_before": digest,
    })  # fmt: skip
    conn.commit()


def test_an_upgrade_entry_appended_by_hand_never_makes_a_lock(locked_round: Path):
    """Defect 1, second way: the tampered content recorded in an unsigned upgrade entry
    appended with the app's own chain arithmetic (plain SHA-256)."""
    tamper_scores(locked_round)
    with closing(sqlite3.connect(locked_round)) as conn:
        append_upgrade_entry(conn)
    code, record = check_json(locked_round)
    assert code == 1 and record["lock"] == "altered-after-locking", record
    assert record["chain"] == "intact"
    text = run_cli("check", locked_round).stdout
    assert "锁定后被改动" in text and "升级前内容与签名锁定时的内容不一致" in text


def test_an_upgrade_entry_after_a_signed_unlock_never_locks_again(locked_round: Path):
    assert run_cli("unlock", locked_round).returncode == 0
    with closing(sqlite3.connect(locked_round)) as conn:
        conn.execute("UPDATE score SET points_centi = 0 WHERE reviewer_uid = 'r1'")
        conn.execute("UPDATE round SET locked = 1")
        append_upgrade_entry(conn)
    code, record = check_json(locked_round)
    assert code == 1 and record["lock"] == "altered-after-locking", record
    assert (
        "解除锁定之后，一条未签名的升级记录又把轮次标为锁定"
        in run_cli("check", locked_round).stdout
    )


def test_unlocking_or_locking_an_altered_round_is_refused(locked_round: Path):
    """A signed unlock (or lock) of a round altered behind the app would vouch for it."""
    tamper_scores(locked_round)
    before = full_dump(locked_round)
    for command in ("unlock", "lock"):
        done = run_cli(command, locked_round)
        if command == "lock":  # already locked: nothing to do, nothing written
            assert full_dump(locked_round) == before
            continue
        assert done.returncode == 1 and "在应用之外被改动过" in done.stderr, done.stderr
        assert full_dump(locked_round) == before


def test_a_tampered_backup_is_never_restored(locked_round: Path, tmp_path: Path):
    """Defect 1, third way: the downgraded tampered file placed in the backups folder
    under a backup's name. The restore refuses it; the round is as it was."""
    genuine = full_dump(locked_round)
    tampered = tmp_path / "tampered.sqlite"
    shutil.copyfile(locked_round, tampered)
    tamper_scores(tampered)
    folder = backups.folder_of("round-laundering-test")
    planted = folder / "20990101-000000-000000-lock-round.sqlite"
    downgrade_to(tampered, planted, 5)
    with RoundStore.open(locked_round) as store:
        assert backups.listing("round-laundering-test")[0].path == planted
        with pytest.raises(Exception, match="锁定后被改动"):
            restore.restore_backup(store, planted)
    assert full_dump(locked_round) == genuine
    assert run_cli("check", locked_round).returncode == 0


def test_cutting_the_trail_back_to_before_the_lock_is_reported(locked_round: Path):
    """Defect 5: triggers dropped, the trail cut back to before the lock, the lock flag
    cleared, triggers re-created: an unlocked round with an intact chain. This computer's
    anchor (data folder) remembers the lock's chain head."""
    code, record = check_json(locked_round)
    assert code == 0 and record["anchor"] == "matches"
    with closing(sqlite3.connect(locked_round)) as conn:
        (lock_id,) = conn.execute("SELECT id FROM audit WHERE action = 'lock'").fetchone()
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("DELETE FROM audit WHERE id >= ?", (lock_id,))
        conn.execute("UPDATE round SET locked = 0")
        conn.execute("UPDATE score SET points_centi = 0 WHERE reviewer_uid = 'r1'")
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    code, record = check_json(locked_round)
    assert record["chain"] == "intact" and record["lock"] == "unlocked"
    assert code == 1 and record["valid"] is False and record["anchor"] == "shorter"
    text = run_cli("check", locked_round).stdout
    assert "审计记录比本机上次所见的短" in text and f"只有 {lock_id - 1} 条" in text
    assert "结论: 不可信" in text


def test_the_anchor_follows_merges_and_a_rewritten_trail_differs(tmp_path: Path):
    round_path = pr.build_round(tmp_path / "round.sqlite", uid="round-anchor-test")
    code, record = check_json(round_path)
    assert code == 0 and record["anchor"] == "none"  # never merged, locked, ... here
    files = pr.submitted(round_path, tmp_path)
    assert run_cli("merge", round_path, files["r0"]).returncode == 0
    code, record = check_json(round_path)
    assert code == 0 and record["anchor"] == "matches"
    with closing(sqlite3.connect(round_path)) as conn:  # the last entry rewritten
        last = audit.entries(conn)[-1]
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'audit_append_only_delete'"
        ).fetchone()
        conn.execute("DROP TRIGGER audit_append_only_delete")
        conn.execute("DELETE FROM audit WHERE id = ?", (last.id,))
        conn.execute(sql)
        audit.append(conn, last.action, {"rewritten": True})
        conn.commit()
    code, record = check_json(round_path)
    assert code == 1 and record["anchor"] == "differs"
    assert "审计记录与本机上次所见的不同" in run_cli("check", round_path).stdout


def test_restoring_the_backup_before_the_lock_says_it_unlocks(locked_round: Path):
    """Also seen: restoring the backup taken just before the lock silently unlocked."""
    (before_lock,) = [b for b in backups.listing("round-laundering-test") if b.reason == "lock"]
    with RoundStore.open(locked_round) as store:
        assert restore.unlocks(store, before_lock.path)
        done = restore.restore_backup(store, before_lock.path)
        assert done.unlocked and not store.is_locked()
        assert "轮次现已解除锁定" in done.sentence("zh")
        assert "now unlocked" in done.sentence("en")
        entry = store.audit_entries()[-1]
        assert entry.action == "restore"
        assert entry.data()["locked_before"] is True and entry.data()["locked"] is False
    code, record = check_json(locked_round)
    assert code == 0 and record["anchor"] == "matches" and record["lock"] == "unlocked"


RESTORE_KILLED_AT = r"""
import os, signal, sys
from alliance_review.services import restore
from alliance_review.storage.round_store import RoundStore

stop, seen = int(sys.argv[3]), 0


def lines(frame, event, arg):
    global seen
    if event == "line":
        seen += 1
        if seen == stop:
            os.kill(os.getpid(), signal.SIGKILL)
    return lines


def calls(frame, event, arg):
    return lines if frame.f_code.co_name == "restore_content" else None


sys.settrace(calls)
with RoundStore.open(sys.argv[1]) as store:
    restore.restore_backup(store, sys.argv[2])
sys.settrace(None)
print(seen)
"""


def _restore_killed_at(
    round_path: Path, backup: Path, line: int
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RESTORE_KILLED_AT, str(round_path), str(backup), str(line)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize(
    "every_line", [pytest.param(False, id="last-lines"), pytest.param(True, marks=pytest.mark.slow)]
)
def test_a_restore_killed_at_any_line_leaves_the_round_as_it_was_or_restored_with_its_entry(
    locked_round: Path, tmp_path: Path, every_line: bool
):
    """Defect 7: the restore and its audit entry were two transactions; killed between,
    the round was restored with no entry and check said valid. Killed at every line of the
    restore now (the slow tier; else its last lines, around the one write), the round is
    as it was, or restored with its entry; check agrees."""
    (before_merge,) = [b for b in backups.listing("round-laundering-test") if b.reason == "merge"]
    backup = shutil.copyfile(before_merge.path, tmp_path / before_merge.path.name)
    as_it_was = full_dump(locked_round)
    restored_content = pr.dump(backup)
    backup_trail = full_dump(backup)["audit"]
    data = Path(os.environ["ALLIANCE_REVIEW_DATA_DIR"])
    data_then = shutil.copytree(data, tmp_path / "data-then")
    trial = tmp_path / "trial.sqlite"

    def again(line: int) -> subprocess.CompletedProcess[str]:
        """The round, and this computer's data folder, as before; then restore."""
        shutil.rmtree(data)
        shutil.copytree(data_then, data)
        shutil.copyfile(locked_round, trial)
        return _restore_killed_at(trial, backup, line)

    counted = again(0)
    assert counted.returncode == 0, counted.stderr
    lines = int(counted.stdout.split()[-1])
    assert lines > 10
    outcomes = set()
    for line in range(1 if every_line else lines - 6, lines + 1):
        done = again(line)
        assert done.returncode == -signal.SIGKILL, (line, done.stderr)
        now = full_dump(trial)
        if now == as_it_was:
            outcomes.add("as it was")
        else:
            assert pr.dump(trial) == restored_content, line
            trail = sorted(now["audit"])
            assert trail[:-1] == sorted(backup_trail) and trail[-1][2] == "restore", line
            outcomes.add("restored")
        code, record = check_json(trial)
        assert code == 0 and record["chain"] == "intact", (line, record)
        assert record["anchor"] == "matches", (line, record)
    assert outcomes == {"as it was", "restored"}
