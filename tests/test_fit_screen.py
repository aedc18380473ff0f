"""Windows that fit the screen: a saved geometry is restored only on a screen of the same
size and scale where it still fits (a window used once at 200 % reopened 442 px wide at
100 %, its list one character per line); every dialog fits the available screen, its
content scrolling inside, so its Close button can be reached (About, Keyboard shortcuts
and the Guide were taller than the screen at 200 %, the Guide also at 1024x700)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from alliance_review.gui import fit
from alliance_review.gui.main_window import MainWindow
from tests.reviewer_support import issue_one
from tests.xserver import x_server

ROOT = Path(__file__).parents[1]
#: where the screenshots are kept after the test (to look at them)
SHOTS = (
    Path(os.environ.get("ALLIANCE_REVIEW_SHOTS", ""))
    if os.environ.get("ALLIANCE_REVIEW_SHOTS")
    else None
)


def saved(qtbot, width: int, height: int, signature: str | None = None) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.close()
    if signature is not None:
        QSettings().setValue("window/screen", signature)


def test_a_geometry_from_another_scale_or_too_small_is_not_restored(qtbot):
    room = fit.room(None)
    default = min(1280, int((room.width() + fit.FRAME.width()) * 0.9))
    # saved at 200 % (another scale): the default size, not the saved one
    saved(qtbot, 600, 400, signature="1024x700@2")
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.width() == default
    # saved on this screen but 442 px wide: too small to be of use
    saved(qtbot, 442, 400)
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.width() == default


def test_a_geometry_that_fits_this_screen_is_restored(qtbot):
    room = fit.room(None)
    width, height = min(760, room.width()), min(520, room.height())
    saved(qtbot, width, height)
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (width, height)


def test_a_dialog_asks_for_no_more_than_the_screen_has(qtbot):
    from alliance_review.gui.help import AboutDialog, GuideViewer, ShortcutsDialog, guide_path

    window = MainWindow()
    qtbot.addWidget(window)
    room = fit.room(window)
    for dialog in (
        AboutDialog(window),
        ShortcutsDialog(window.menuBar(), window),
        GuideViewer(guide_path("reviewer"), "guide", window),
    ):
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
        assert dialog.maximumHeight() <= room.height()
        assert dialog.minimumSizeHint().height() <= room.height()


@pytest.fixture(params=[("1024x700x24", "1"), ("1024x700x24", "2")], ids=["1024x700", "scale-2"])
def small_screen(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    size, scale = request.param
    with x_server(size) as display:
        yield display, scale


@pytest.mark.slow
def test_on_a_small_or_scaled_screen_the_help_dialogs_fit_and_their_buttons_show(
    small_screen: tuple[str, str], demo_round: Path, tmp_path: Path
):
    display, scale = small_screen
    if shutil.which("import") is None:
        pytest.skip("no screenshot tool (imagemagick's import)")
    reviewer_file = issue_one(demo_round, tmp_path / "issued")
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_SCALE_FACTOR=scale,
        ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path / "config"),
        XDG_SESSION_TYPE="",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.dialog_child", str(reviewer_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None and process.stdin is not None
    seen = []
    try:
        while True:
            line = process.stdout.readline()
            if not line:
                break
            report = json.loads(line)
            seen.append(report["name"])
            shot = tmp_path / f"{report['name']}-scale{scale}.png"
            subprocess.run(
                ["import", "-window", "root", str(shot)], env=env, check=True, timeout=60
            )
            if SHOTS is not None:
                SHOTS.mkdir(parents=True, exist_ok=True)
                shutil.copy(shot, SHOTS / shot.name)
            x, y, width, height = report["frame"]
            rx, ry, rwidth, rheight = report["room"]
            assert x >= rx and y >= ry, report
            assert x + width <= rx + rwidth and y + height <= ry + rheight, report
            if report["name"] != "main":
                right, bottom = report["buttons_bottom_right"]
                assert right <= rx + rwidth and bottom <= ry + rheight, report
            process.stdin.write("\n")
            process.stdin.flush()
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert seen == ["main", "guide", "shortcuts", "about"]
    assert process.returncode == 0
