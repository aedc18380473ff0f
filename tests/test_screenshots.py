"""Screenshots of the main screens at 1024x700 and at 200 % scaling, in Chinese and English,
saved for people to look at, with every text that does not fit reported as a failure.

The pictures go to ``$ALLIANCE_REVIEW_SCREENSHOTS`` or else ``tests/screenshots/`` (ignored
by git): ``{1x,2x}-{zh_CN,en}-{screen}.png``. Each scale runs in a process of its own
(``tests/screens.py``), since Qt reads ``QT_SCALE_FACTOR`` once, at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_review.services.reviewer_workflow import submit
from tests.reviewer_support import issue_one

ROOT = Path(__file__).parents[1]
pytestmark = pytest.mark.gui  # the window, in processes of its own (tests/screens.py)
SCREENS = (
    "reviewer",
    "reviewer-entries",
    "reviewer-bottom",
    "reviewer-sealed",
    "reviewer-import-preview",
    *(f"round-setup-{n}" for n in range(1, 8)),
    "round-panel",
    "round-results",
    "round-publish",
    "round-publish-statistics",
)


def screenshot_folder() -> Path:
    return Path(os.environ.get("ALLIANCE_REVIEW_SCREENSHOTS") or ROOT / "tests" / "screenshots")


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_main_screens_fit_at_1024x700_in_both_languages(
    demo_round: Path, tmp_path: Path, scale: str
):
    reviewer = issue_one(demo_round, tmp_path / "issued")
    sealed = submit(reviewer).path
    folder = screenshot_folder()
    env = dict(
        os.environ,
        QT_SCALE_FACTOR=scale,
        QT_QPA_PLATFORM="offscreen",
        ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.screens",
            str(folder),
            str(demo_round),
            str(reviewer),
            str(sealed),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, list[str]] = json.loads(done.stdout)
    expected = {f"{scale}x-{lang}-{screen}.png" for lang in ("zh_CN", "en") for screen in SCREENS}
    assert expected <= set(found), sorted(expected - set(found))
    for name in expected:
        assert (folder / name).stat().st_size > 10_000, name
    problems = {name: found[name] for name in sorted(found) if found[name]}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
