"""Read-only storage, files that are not files, and the window's banner (issue 19).

Defect 9: a round on read-only storage (a read-only mount or permissions) was reported
as "damaged or incomplete" by check, ranking and export-pdf. It opens for reading now
(immutable where SQLite cannot make its ``-shm``), and a write says "read-only". Also
seen: check on a FIFO said "not found". The window shows across the top a round altered
after locking, or whose trail is shorter than this computer last saw.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.storage import files

from . import panel_rounds as pr
from .conftest import run_cli
from .gui_support import settle


def read_only_mount(
    source: Path, mount: Path, commands: list[list[str]]
) -> list[dict[str, object]]:
    """Run each command (``alliance-review`` arguments) with ``source`` bind-mounted
    read-only at ``mount``, in a mount namespace of its own (Linux, as root); each
    result: exit code, stdout, stderr."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces (unshare)")
    mount.mkdir()
    results = source.parent / "results.json"
    runner = source.parent / "runner.py"
    runner.write_text(
        "import json, subprocess, sys\n"
        f"commands = json.loads({json.dumps(json.dumps(commands))})\n"
        "done = [subprocess.run([sys.executable, '-m', 'alliance_review', *c],"
        " capture_output=True, text=True, encoding='utf-8') for c in commands]\n"
        f"open({str(results)!r}, 'w', encoding='utf-8').write(json.dumps("
        "[{'code': d.returncode, 'out': d.stdout, 'err': d.stderr} for d in done]))\n",
        encoding="utf-8",
    )
    script = (
        f"mount --bind {shlex.quote(str(source))} {shlex.quote(str(mount))}"
        f" && mount -o remount,bind,ro {shlex.quote(str(mount))}"
        f" && {shlex.quote(sys.executable)} {shlex.quote(str(runner))}"
    )
    env = dict(
        os.environ,
        PYTHONIOENCODING="utf-8",
        ALLIANCE_REVIEW_LANG="zh",
        ALLIANCE_REVIEW_CONFIG_DIR=str(source.parent.parent / "config"),
    )
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env,
        timeout=600,
    )  # fmt: skip
    if done.returncode != 0 and "unshare" in done.stderr:
        pytest.skip(f"mount namespaces not permitted here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return list(json.loads(results.read_text(encoding="utf-8")))


def test_a_round_on_read_only_storage_is_read_and_refuses_writes(demo_round: Path, tmp_path: Path):
    """Defect 9, on a real read-only mount: the reading commands answer as on writable
    storage; a write says read-only in one sentence; no byte (and no -wal, -shm) appears."""
    folder = tmp_path / "share"
    folder.mkdir()
    assert run_cli("lock", demo_round).returncode == 0
    source = shutil.copyfile(demo_round, folder / "round-2015.alr-round")
    raw = source.read_bytes()
    with closing(sqlite3.connect(source)) as conn:  # as the app leaves it: in WAL mode
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    writable_ranking = run_cli("ranking", demo_round, "--json").stdout
    mount = tmp_path / "ro"
    there = str(mount / source.name)
    out = tmp_path / "out"
    out.mkdir()
    check, ranking, export, verify, decide, unlock, window = read_only_mount(
        folder,
        mount,
        [
            ["check", there, "--json"],
            ["ranking", there, "--json"],
            ["export-pdf", there, str(out / "appendix.pdf")],
            ["verify-pdf", there, str(out / "appendix.pdf")],
            ["decide", there, "联盟", "--points", "80", "--rationale", "讨论"],
            ["unlock", there],
            ["gui", there, "--self-test", str(out / "window.json")],
        ],
    )
    assert check["code"] == 0, check
    record = json.loads(str(check["out"]))
    assert record["valid"] is True and record["lock"] == "locked-signed"
    assert ranking["code"] == 0 and ranking["out"] == writable_ranking
    assert export["code"] == 0, export
    assert verify["code"] == 0 and "一致" in str(verify["out"]), verify
    for refused in (decide, unlock):
        assert refused["code"] == 1, refused
        assert "只读" in str(refused["err"]) and "Traceback" not in str(refused["err"])
        assert len(str(refused["err"]).strip().splitlines()) == 1, refused
    assert "损坏" not in "".join(str(r["err"]) for r in (check, ranking, export, decide))
    assert window["code"] == 0, window
    report = json.loads((out / "window.json").read_text(encoding="utf-8"))
    assert report["view"] == "RoundView" and "只读" in report["banner"], report
    assert source.read_bytes() == raw
    assert [p.name for p in folder.iterdir()] == [source.name]  # no -wal, no -shm


def test_check_names_a_fifo_a_folder_and_a_missing_file(tmp_path: Path):
    """Also seen: check on a FIFO said "not found". It says what it is, without opening it
    (which would wait for a writer forever)."""
    fifo = tmp_path / "round.alr-round"
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(fifo)
    done = run_cli("check", fifo)
    assert done.returncode == 1 and "不是普通文件（而是管道或设备）" in done.stderr
    folder = tmp_path / "folder.alr-round"
    folder.mkdir()
    assert "是一个文件夹" in run_cli("check", folder).stderr
    assert "找不到文件" in run_cli("check", tmp_path / "missing.alr-round").stderr
    for command in ("ranking", "export-pdf"):
        refused = run_cli(command, fifo, *(["out.pdf"] if command == "export-pdf" else []))
        assert refused.returncode == 1 and "不是普通文件" in refused.stderr, command


def open_round(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path)
    settle(qtbot)
    return window


def test_the_window_opens_a_read_only_round_for_reading_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, demo_round: Path, monkeypatch: pytest.MonkeyPatch
):
    """The folder cannot be written (as a read-only share reports it): the round opens,
    the banner says read-only, and an edit is refused with one sentence naming it."""
    monkeypatch.setattr(files, "writable", lambda path: False)
    before = pr.dump(demo_round, skip=())
    window = open_round(qtbot, demo_round)
    banner = window.view.banner
    assert banner.isVisible() and "只读" in banner.text()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    panel = window.view.tab_by_name["panel"]
    assert panel.lock_control.set_locked(True) is False
    assert told and "只读" in told[0], told
    window.grab().save(str(demo_round.with_name("read-only-round.png")))
    window.close_file()
    assert pr.dump(demo_round, skip=()) == before


def test_the_window_shows_a_round_altered_after_locking(  # type: ignore[no-untyped-def]
    qtbot, demo_round: Path
):
    assert run_cli("lock", demo_round).returncode == 0
    with closing(sqlite3.connect(demo_round)) as conn:
        conn.execute("UPDATE round SET locked = 0")
        conn.execute("UPDATE score SET points_centi = 0 WHERE rowid = 1")
        conn.execute("UPDATE round SET locked = 1")
        conn.commit()
    window = open_round(qtbot, demo_round)
    text = window.view.banner.text()
    assert window.view.banner.isVisible()
    assert "锁定后被改动：内容与锁定时记录的不一致" in text and "从备份恢复" in text
    window.grab().save(str(demo_round.with_name("altered-round.png")))
    window.close_file()


def test_the_window_shows_a_trail_cut_back(qtbot, demo_round: Path):  # type: ignore[no-untyped-def]
    assert run_cli("lock", demo_round).returncode == 0
    assert run_cli("unlock", demo_round).returncode == 0
    with closing(sqlite3.connect(demo_round)) as conn:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit)")
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    window = open_round(qtbot, demo_round)
    assert "审计记录比本机上次所见的短" in window.view.banner.text()
    window.close_file()
