"""xdg-open on a bare window manager (Xvfb + openbox, no desktop environment) starts the
app on a double-clicked file: xdg-open then reads the desktop entry's Exec line itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.desktop_support import desktop_entry, installed_env, recording_bundle

ROOT = Path(__file__).parents[1]
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
# a real X server and a window manager, on a Linux desktop: the slow tier
pytestmark = [pytest.mark.slow, pytest.mark.linux]


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
    mailed = Path(shutil.copyfile(demo_round, tmp_path / "2015 round.alr-round"))
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
