"""The platform module (``alliance_review.system``): reading foreign files, folders of the
app, permissions and the console, as a user on each platform meets them."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import platformdirs
import pytest

from alliance_review.system import host, permissions, places
from alliance_review.system.console import tolerant
from alliance_review.system.reading import NotRegularFile, open_for_reading, read_limited

posix_only = pytest.mark.skipif(os.name == "nt", reason="FIFOs and modes are POSIX")


def test_a_regular_file_is_read_whole_and_byte_for_byte(tmp_path: Path):
    data = bytes(range(256)) * 10 + b"\r\n\x1a"  # no newline translation, no Ctrl+Z end
    path = tmp_path / "名单.csv"
    path.write_bytes(data)
    with open_for_reading(path) as handle:
        assert handle.read() == data
    assert read_limited(path, len(data)) == data
    assert read_limited(path, len(data) - 1) is None


@posix_only
def test_a_fifo_is_refused_at_once_and_never_blocks(tmp_path: Path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            open_for_reading(fifo)
        except BaseException as error:  # noqa: BLE001 - recorded for the assertion
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(30)  # a blocking open would still be waiting for a writer
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], NotRegularFile)


@posix_only
def test_a_link_to_a_device_and_a_folder_are_refused_as_what_they_are(tmp_path: Path):
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFile):
        open_for_reading(link)
    with pytest.raises(IsADirectoryError):
        open_for_reading(tmp_path)
    with pytest.raises(FileNotFoundError):
        open_for_reading(tmp_path / "gone.csv")


def test_the_app_folders_follow_the_overrides_and_else_the_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    for name in ("DATA", "CONFIG", "LOG"):
        monkeypatch.delenv(f"ALLIANCE_REVIEW_{name}_DIR", raising=False)
    assert places.data_dir() == Path(platformdirs.user_data_dir("alliance-review", False))
    assert places.config_dir() == Path(platformdirs.user_config_dir("alliance-review", False))
    assert places.log_dir() == Path(platformdirs.user_log_dir("alliance-review", False))
    monkeypatch.setenv("ALLIANCE_REVIEW_CONFIG_DIR", str(tmp_path / "config"))
    assert places.config_dir() == tmp_path / "config"
    assert places.data_dir() == tmp_path / "config" / "data"
    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ALLIANCE_REVIEW_LOG_DIR", str(tmp_path / "log"))
    assert places.data_dir() == tmp_path / "data"
    assert places.log_dir() == tmp_path / "log"
    folder = places.private_dir("backups", "round")
    assert folder == tmp_path / "data" / "backups" / "round" and folder.is_dir()
    if os.name != "nt":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_one_data_folder_for_the_window_and_the_storage():
    """The demo round, the key and the backups live in one folder, whatever set it."""
    from alliance_review.gui import help as help_page
    from alliance_review.storage import backups, keys

    assert keys.secretary_key_path().parent.parent == places.data_dir()
    assert backups.folder_of("r").parent.parent == places.data_dir()
    assert "data_dir" not in vars(help_page) or help_page.data_dir is places.data_dir


@posix_only
def test_an_export_is_readable_as_the_umask_says_and_a_key_is_private(tmp_path: Path):
    from alliance_review.system.writing import write_bytes

    old = os.umask(0o002)
    try:
        permissions._umask = None  # read again, as a process started under this umask
        write_bytes(tmp_path / "附件.pdf", b"%PDF-1.4")
        write_bytes(tmp_path / "key.pem", b"secret", private=True)
    finally:
        os.umask(old)
        permissions._umask = None
    assert stat.S_IMODE((tmp_path / "附件.pdf").stat().st_mode) == 0o664
    assert stat.S_IMODE((tmp_path / "key.pem").stat().st_mode) == 0o600
    # replacing an export keeps the mode the user gave it
    (tmp_path / "附件.pdf").chmod(0o640)
    write_bytes(tmp_path / "附件.pdf", b"%PDF-1.7")
    assert stat.S_IMODE((tmp_path / "附件.pdf").stat().st_mode) == 0o640


def test_nothing_is_changed_on_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(host, "IS_POSIX", False)
    monkeypatch.setattr(host, "IS_WINDOWS", True)
    path = tmp_path / "key.pem"
    path.write_bytes(b"x")
    before = path.stat().st_mode
    permissions.make_private(path)
    assert path.stat().st_mode == before
    assert permissions.umask() == 0


def test_a_gbk_stream_prints_chinese_and_replaces_what_gbk_lacks():
    import io

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="gbk", errors="strict")
    tolerant(stream)
    stream.write("农机装备产业技术创新战略联盟😀𠀀\n")
    stream.flush()
    assert raw.getvalue().decode("gbk") == "农机装备产业技术创新战略联盟??\n"


def test_the_command_line_on_a_gbk_console_prints_chinese_and_never_fails(
    demo_round: Path,
):
    """A Chinese Windows console (code page 936), output redirected: names print in GBK,
    a character GBK lacks becomes "?", and the command succeeds."""
    with sqlite3.connect(demo_round) as conn:
        (uid,) = conn.execute("SELECT uid FROM alliance ORDER BY position LIMIT 1").fetchone()
        conn.execute("UPDATE alliance SET name = '😀表情𠀀联盟' WHERE uid = ?", (uid,))
    conn.close()
    env = dict(os.environ, PYTHONIOENCODING="gbk", ALLIANCE_REVIEW_LANG="zh")
    done = subprocess.run(
        [sys.executable, "-m", "alliance_review", "ranking", str(demo_round)],
        capture_output=True,
        env=env,
        timeout=120,
    )
    out = done.stdout.decode("gbk")
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert "?表情?联盟" in out
    assert "联盟" in out.replace("?表情?联盟", "")  # the other names, whole
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr


def test_the_system_package_stays_free_of_the_app(tmp_path: Path):
    """The package imports only the standard library and platformdirs."""
    code = (
        "import sys, alliance_review.system.writing, alliance_review.system.console, "
        "alliance_review.system.places, alliance_review.system.names;"
        "print(sorted(m for m in sys.modules if m.startswith('alliance_review.')"
        " and not m.startswith('alliance_review.system')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
