from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# The suite (CI) searches the same examples every run, so a result can be reproduced;
# HYPOTHESIS_PROFILE=explore searches afresh each run, with more examples.
settings.register_profile("suite", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=500, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The user data folder (secretary's signing key, round backups) of this test session, also
# for the command line run as a subprocess: never the real one of whoever runs the tests.
os.environ.setdefault("ALLIANCE_REVIEW_DATA_DIR", tempfile.mkdtemp(prefix="alliance-review-data-"))

DATA = Path(__file__).parent / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test in one tier, fast, gui or slow, from its file (``tests/tiers.py``); the
    tests of another platform skipped, saying why."""
    from tests.tiers import assign, skip_elsewhere

    assign(items)
    skip_elsewhere(items)

PUBLISHED = Path(__file__).parents[1] / "resources" / "published-appendix-2015.csv"


@pytest.fixture(scope="session")
def demo_round_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from alliance_review.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo-2015.sqlite")


@pytest.fixture
def demo_round(demo_round_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo round for a test that may change it."""
    target = tmp_path / "demo-2015.sqlite"
    shutil.copyfile(demo_round_master, target)
    return target


@pytest.fixture(scope="session")
def documents_master(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo round with the alliances' documents imported (``tests.documents_support``)."""
    from tests.documents_support import round_with_documents

    return round_with_documents(demo_round_master, tmp_path_factory.mktemp("documents"))


@pytest.fixture
def round_docs(documents_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the round with documents for a test that may change it."""
    target = tmp_path / "round.alr-round"
    shutil.copyfile(documents_master, target)
    return target


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it: a separate process."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="zh")
    return subprocess.run(
        [sys.executable, "-m", "alliance_review", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture
def reviewer_file(demo_round: Path, tmp_path: Path) -> Path:
    """The first reviewer's file, issued from a fresh copy of the demo round."""
    from tests.reviewer_support import issue_one

    return issue_one(demo_round, tmp_path / "issued")


@pytest.fixture
def round_path(tmp_path: Path) -> Path:
    """The panel's designed round (``tests/panel_rounds.py``), issued, nothing merged."""
    from tests import panel_rounds

    return panel_rounds.build_round(tmp_path / "round.sqlite")


@pytest.fixture
def returned(round_path: Path, tmp_path: Path) -> dict[str, Path]:
    """Every reviewer's submitted file of ``round_path``, by reviewer."""
    from tests import panel_rounds

    return panel_rounds.submitted(round_path, tmp_path)


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sentences of the warnings the window shows (none is shown on screen)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


@pytest.fixture(scope="session")
def qapp(tmp_path_factory: pytest.TempPathFactory):
    """The one QApplication, set up as the app sets itself up (font, settings, language)."""
    os.environ["ALLIANCE_REVIEW_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    from alliance_review.gui.app import make_application

    return make_application(["alliance-review-tests"])


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test its own user data folder (signing key, backups, chain anchors): copies of
    the one demo round share its id, and what one test did to its copy (locked, merged)
    is another computer's past for the next test."""
    monkeypatch.setenv("ALLIANCE_REVIEW_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def fresh_settings():
    """Every test starts from default settings (recent files, language, geometry)."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings().clear()


@pytest.fixture(autouse=True)
def _interface_language_as_a_user_starts(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Every window test starts in the interface language a user gets by default
    (Chinese): a test that switches to English must not decide the next test's words."""
    yield
    if "qapp" in request.fixturenames:
        from alliance_review.gui import i18n

        if i18n.chosen_language() != "zh_CN" or i18n.language_in_force() != "zh_CN":
            i18n.set_language("zh_CN")
