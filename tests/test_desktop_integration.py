"""Desktop integration on Linux: packaging/linux/install.sh registers the app for one user,
and the MIME database then knows both kinds of file, by extension and by content
(SQLite application_id), and names the app as their default (what a double click uses).

Checked with the tools a desktop uses (xdg-utils, shared-mime-info), in a temporary XDG
home; packaging/system-deps.sh --tests installs them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop_support import desktop_command, desktop_entry, installed_env, xdg

ROOT = Path(__file__).parents[1]
# a double click opens the window (in another process), on a Linux desktop
pytestmark = [pytest.mark.gui, pytest.mark.linux]
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
ROUND_TYPE = "application/x-alliance-review-round"
REVIEWER_TYPE = "application/x-alliance-review-reviewer"
TOOLS = ("xdg-mime", "update-mime-database", "mimetype", "desktop-file-validate")


@pytest.fixture(autouse=True)
def desktop_tools():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    assert not missing, f"install {missing}: bash packaging/system-deps.sh --tests"


def fake_bundle(folder: Path) -> Path:
    """A bundle folder whose executable is this checkout's app (the frozen one is tested in
    tests/test_bundle.py); its name has a space, as "Program Files"-like paths do."""
    folder.mkdir(parents=True)
    executable = folder / "alliance-review"
    executable.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m alliance_review "$@"\n', encoding="utf-8"
    )
    executable.chmod(0o755)
    return folder


def with_application_id(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def plain_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    return path


def test_install_registers_both_file_kinds_by_extension_and_by_content(
    tmp_path: Path, demo_round: Path
):
    from tests.reviewer_support import issue_one

    reviewer = issue_one(demo_round, tmp_path / "issued")
    env = installed_env(tmp_path / "home")
    bundle = fake_bundle(tmp_path / "my apps" / "alliance-review")
    done = subprocess.run(
        ["sh", str(INSTALL), "--bundle", str(bundle)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "alliance-review.desktop"
    valid = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert desktop_entry(env)["MimeType"] == f"{ROUND_TYPE};{REVIEWER_TYPE};"

    files = tmp_path / "files"
    files.mkdir()
    cases = {
        with_application_id(demo_round, files / "2015.alr-round"): ROUND_TYPE,
        with_application_id(reviewer, files / "专家.alr-review"): REVIEWER_TYPE,
        # older files, named before the extensions existed: told apart by their content
        with_application_id(demo_round, files / "old round.sqlite"): ROUND_TYPE,
        with_application_id(reviewer, files / "old-reviewer.sqlite"): REVIEWER_TYPE,
        with_application_id(reviewer, files / "no extension"): REVIEWER_TYPE,
    }
    for path, expected in cases.items():
        assert xdg(env, "query", "filetype", path) == expected, path.name
    # an SQLite file of another program stays what it was
    other = xdg(env, "query", "filetype", plain_sqlite(files / "other.sqlite"))
    assert other in ("application/vnd.sqlite3", "application/x-sqlite3")
    for kind in (ROUND_TYPE, REVIEWER_TYPE):
        assert xdg(env, "query", "default", kind) == "alliance-review.desktop"
    icon = Path(env["XDG_DATA_HOME"]) / "icons/hicolor/48x48/mimetypes"
    assert (icon / "application-x-alliance-review-reviewer.png").is_file()


def test_a_double_click_runs_the_app_on_the_file_and_uninstall_removes_it(
    tmp_path: Path, demo_round: Path
):
    env = installed_env(tmp_path / "home")
    bundle = fake_bundle(tmp_path / "apps" / "alliance-review")
    subprocess.run(
        ["sh", str(INSTALL), "--bundle", str(bundle)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    mailed = with_application_id(demo_round, tmp_path / "2015 round.alr-round")
    command = desktop_command(env, mailed)
    assert command == [str(bundle / "alliance-review"), "gui", str(mailed)]
    report = tmp_path / "report.json"
    run_env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path / "config")
    )
    opened = subprocess.run(
        [*command, "--self-test", str(report)],
        env=run_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert opened.returncode == 0, opened.stderr
    assert '"role": "round"' in report.read_text(encoding="utf-8")

    removed = subprocess.run(
        ["sh", str(INSTALL), "--uninstall"], env=env, capture_output=True, text=True, timeout=120
    )
    assert removed.returncode == 0, removed.stderr
    assert not (Path(env["XDG_DATA_HOME"]) / "applications" / "alliance-review.desktop").exists()
    assert xdg(env, "query", "filetype", mailed) != ROUND_TYPE


def recording_bundle(folder: Path, record: Path) -> Path:
    """A bundle whose executable writes down how it was started (one argument a line)."""
    folder.mkdir(parents=True)
    executable = folder / "alliance-review"
    executable.write_text(f'#!/bin/sh\nprintf \'%s\\n\' "$@" > "{record}"\n', encoding="utf-8")
    executable.chmod(0o755)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("bundle_name", ["alliance-review", "Program Files/alliance-review"])
def test_xdg_open_on_a_bare_window_manager_starts_the_app_on_the_file(
    tmp_path: Path, demo_round: Path, bundle_name: str
):
    """xdg-open without a desktop environment (Xvfb + openbox) reads Exec itself and failed
    on the quoted path (gio worked)."""
    from tests.xserver import x_server

    if shutil.which("xdg-open") is None:
        pytest.skip("no xdg-open here")
    env = installed_env(tmp_path / "home")
    record = tmp_path / "started.txt"
    bundle = recording_bundle(tmp_path / "apps" / bundle_name, record)
    subprocess.run(
        ["sh", str(INSTALL), "--bundle", str(bundle)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert '"' not in desktop_entry(env)["Exec"]
    mailed = with_application_id(demo_round, tmp_path / "2015 round.alr-round")
    with x_server() as display:
        opened = subprocess.run(
            ["xdg-open", str(mailed)],
            env=dict(env, DISPLAY=display),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert opened.returncode == 0, opened.stderr
    assert record.read_text(encoding="utf-8").splitlines() == ["gui", str(mailed)]
