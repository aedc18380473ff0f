"""export-pdf prints the same bytes as before its speed-ups (issue 23).

The appendix is ranked once per export (the band check reuses the export's ranking) and
the font is looked up once per name instead of once per character. Neither may change a
byte of the file: the same round with the same settings is printed by the code of the
commit before those changes (taken from git) and by this code, and the two PDFs must be
byte-identical (reportlab's invariant mode and the round's own date make them
deterministic), as must the command's words about band mismatches.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "9a5e76e9b0ce83e9f08ef76dbf352e1a1ac6ea72"  # main before issue 23's first run


@pytest.fixture(scope="module")
def code_before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package and its resources as they were at ``BEFORE``."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("needs the git history of the repository")
    known = subprocess.run(
        [git, "-C", str(ROOT), "cat-file", "-e", f"{BEFORE}^{{commit}}"], capture_output=True
    )
    if known.returncode != 0:
        pytest.skip(f"commit {BEFORE[:10]} is not in this clone (shallow?)")
    folder = tmp_path_factory.mktemp("before")
    archive = folder / "before.tar"
    subprocess.run(
        [git, "-C", str(ROOT), "archive", "-o", str(archive), BEFORE, "src", "resources"],
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def export_before(code: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import alliance_review;"
        " assert alliance_review.__file__.startswith(sys.argv[1]), alliance_review.__file__;"
        " from alliance_review.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="zh")
    return subprocess.run(
        [sys.executable, "-c", script, str(code), "export-pdf", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A round with long names that wrap, decisions and ties."""
    sys.path.insert(0, str(ROOT / "bench"))
    import rounds

    return rounds.build_round(tmp_path_factory.mktemp("gen") / "gen.alr-round", 400, seed=23)


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--show-ties", "--tiers", "活跃度较高,活跃度一般", "--title", "附件二 试点联盟活跃度"],
        ["--font", "song"],
    ],
    ids=["default", "ties-tiers-title", "song-font"],
)
def test_export_pdf_bytes_are_what_they_were(
    options: list[str], code_before: Path, demo_round: Path, generated: Path, tmp_path: Path
) -> None:
    if options[:1] == ["--font"]:
        from alliance_review.services.pdf_common import system_song_font

        if system_song_font() is None:
            pytest.skip("no Song/Ming TrueType font on this system")
    wrapped = 0
    for source in (demo_round, generated):
        path = tmp_path / f"copy-{source.name}"
        shutil.copyfile(source, path)
        (tmp_path / "before").mkdir(exist_ok=True)
        before, after = tmp_path / "before" / "a.pdf", tmp_path / "a.pdf"
        old = export_before(code_before, path, before, *options)
        assert old.returncode == 0, old.stderr
        new = run_cli("export-pdf", path, after, *options)
        assert new.returncode == 0, new.stderr
        assert after.read_bytes() == before.read_bytes(), source.name
        assert new.stderr == old.stderr  # the band mismatches, word for word
        assert new.stdout == old.stdout.replace(str(before), str(after))
        import pdfplumber

        with pdfplumber.open(after) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages)
            wrapped += sum(
                1 for line in text.splitlines() if line and not line[0].isdigit() and "联盟" in line
            )
    assert wrapped >= 1  # some names wrapped onto a second line
