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

RUNNER = """
import json, sqlite3, subprocess, sys
commands, dumps, results = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]


def dump(path):
    conn = sqlite3.connect(path)
    tables = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    rows = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    conn.close()
    return rows


done = [subprocess.run([sys.executable, '-m', 'alliance_review', *c],
                       capture_output=True, text=True, encoding='utf-8') for c in commands]
with open(results, 'w', encoding='utf-8') as out:
    json.dump({'runs': [{'code': d.returncode, 'out': d.stdout, 'err': d.stderr} for d in done],
               'dumps': [dump(p) for p in dumps]}, out)
"""


def full_content(path: Path) -> dict[str, list[str]]:
    """Every table's rows (as the runner dumps them): the round's full content."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def in_mount_namespace(
    setup: str,
    commands: list[list[str]],
    work: Path,
    dumps: tuple[Path, ...] = (),
    env: dict[str, str] | None = None,
) -> tuple[list[dict[str, object]], list[dict[str, list[str]]]]:
    """Run ``setup`` (shell: mounts) then each command (``alliance-review`` arguments) in
    a mount namespace of its own (Linux, as root); each result: exit code, stdout, stderr;
    then the full content of each round in ``dumps``, read there (a tmpfs mounted by
    ``setup`` is gone afterwards)."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces (unshare)")
    results = work / "results.json"
    script = " && ".join(
        [
            setup,
            shlex.join(
                [sys.executable, "-c", RUNNER, json.dumps(commands),
                 json.dumps([str(p) for p in dumps]), str(results)]
            ),
        ]
    )  # fmt: skip
    environment = dict(
        os.environ,
        PYTHONIOENCODING="utf-8",
        ALLIANCE_REVIEW_LANG="zh",
        ALLIANCE_REVIEW_CONFIG_DIR=str(work / "config"),
        **(env or {}),
    )
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
        env=environment, timeout=600,
    )  # fmt: skip
    if done.returncode != 0 and "unshare" in done.stderr:
        pytest.skip(f"mount namespaces not permitted here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    found = json.loads(results.read_text(encoding="utf-8"))
    return found["runs"], found["dumps"]


def read_only_mount(
    source: Path, mount: Path, commands: list[list[str]]
) -> list[dict[str, object]]:
    """``commands`` with ``source`` bind-mounted read-only at ``mount``."""
    mount.mkdir()
    setup = (
        f"mount --bind {shlex.quote(str(source))} {shlex.quote(str(mount))}"
        f" && mount -o remount,bind,ro {shlex.quote(str(mount))}"
    )
    return in_mount_namespace(setup, commands, source.parent)[0]


def test_a_full_disk_during_a_merge_is_named_and_changes_nothing(tmp_path: Path):
    """Also seen: a full disk during a merge was reported as "file damaged". The round,
    its data folder and the temporary folder on a small file system with a little room
    left (the backup fits, the merge's writes do not): one sentence naming the full disk,
    nothing of the round changed. With only the temporary folder full, each file that
    cannot be written is refused naming the full disk, and the others merge whole."""
    source = tmp_path / "source"
    assert run_cli("demo", source / "round.alr-round", "--reviewer-files", source / "returned",
                   ).returncode == 0  # fmt: skip
    before = full_content(source / "round.alr-round")
    small, scratch = tmp_path / "small", tmp_path / "scratch"
    small.mkdir(), scratch.mkdir()
    fill = (
        f"mount -t tmpfs -o size=40m tmpfs {small} && cp -r {source}/. {small}/"
        f" && mkdir {small}/tmp {small}/data"
        f" && dd if=/dev/zero of={small}/filler bs=1k"
        f" count=$(( $(df --output=avail -k {small} | tail -1) - 2000 )) 2>/dev/null"
    )
    runs, dumps = in_mount_namespace(
        fill,
        [["merge", f"{small}/round.alr-round", f"{small}/returned"]],
        tmp_path,
        dumps=(small / "round.alr-round",),
        env={"TMPDIR": f"{small}/tmp", "ALLIANCE_REVIEW_DATA_DIR": f"{small}/data"},
    )
    (merge,) = runs
    assert merge["code"] == 1 and "磁盘已满" in str(merge["err"]), merge
    assert "损坏" not in str(merge["out"]) + str(merge["err"])
    assert "Traceback" not in str(merge["err"])
    assert dumps[0] == before
    # only the temporary folder full: files refused naming it, the others merged whole
    tight = f"mount -t tmpfs -o size=1m tmpfs {scratch}"
    runs, dumps = in_mount_namespace(
        tight,
        [["merge", f"{source}/round.alr-round", f"{source}/returned"],
         ["check", f"{source}/round.alr-round"]],
        tmp_path,
        env={"TMPDIR": str(scratch)},
    )  # fmt: skip
    merge, check = runs
    refused = [line for line in str(merge["out"]).splitlines() if line.startswith("[拒绝]")]
    assert refused and all("磁盘已满" in line for line in refused), merge["out"]
    assert "损坏" not in str(merge["out"])
    assert check["code"] == 0, check


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
