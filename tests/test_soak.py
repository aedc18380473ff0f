"""The reviewer window survives a working day of typing, and its process ends normally."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reviewer_support import issue_one

SOAK = Path(__file__).with_name("soak_reviewer.py")


@pytest.mark.slow
def test_5000_keystrokes_and_300_switches_end_normally(demo_round: Path, tmp_path: Path):
    path = issue_one(demo_round, tmp_path / "issued")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONPATH=os.pathsep.join([str(SOAK.parents[1]), os.environ.get("PYTHONPATH", "")]),
    )
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(SOAK), str(path), "5000", "300"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert "Fatal Python error" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    assert "typed 5000 keys, switched 300 times" in done.stdout
