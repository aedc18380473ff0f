"""The names the app gives files: their own extensions, words in the user's language, and
older ``.sqlite`` files still accepted everywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alliance_review.core.file_names import ROUND_SUFFIX
from tests.conftest import run_cli
from tests.file_checks import application_id


def run_cli_en(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "alliance_review", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_issued_and_demo_reviewer_files_end_in_alr_review_and_merge_from_a_folder(
    tmp_path: Path,
):
    folder = tmp_path / "returned"
    done = run_cli("demo", tmp_path / f"before{ROUND_SUFFIX}", "--reviewer-files", folder)
    assert done.returncode == 0, done.stderr
    files = sorted(folder.iterdir())
    assert len(files) == 14 and all(f.suffix == ".alr-review" for f in files)
    assert {application_id(f) for f in files} == {0x414C5256}
    assert application_id(tmp_path / f"before{ROUND_SUFFIX}") == 0x414C5252
    # a returned file renamed the old way is still taken from the folder
    files[0].rename(files[0].with_suffix(".sqlite"))
    merged = run_cli("merge", tmp_path / f"before{ROUND_SUFFIX}", folder)
    assert merged.returncode == 0, merged.stderr
    ranking = run_cli("ranking", tmp_path / f"before{ROUND_SUFFIX}", "--json")
    assert ranking.returncode == 0 and ranking.stdout.count('"seq"') == 125


def test_submit_names_the_copy_in_the_interface_language(demo_round: Path, tmp_path: Path):
    issued = run_cli("issue", demo_round, tmp_path / "issued")
    assert issued.returncode == 0, issued.stderr
    reviewer_file = sorted((tmp_path / "issued").glob("*.alr-review"))[0]
    english = run_cli_en("submit", reviewer_file)
    assert english.returncode == 0, english.stderr
    first = [p.name for p in (tmp_path / "issued").glob("*-submitted-r*")]
    assert len(first) == 1 and first[0].startswith(f"{reviewer_file.stem}-submitted-r")
    revision = int(first[0].removesuffix(".alr-review").rsplit("-r", 1)[1])
    chinese = run_cli("submit", reviewer_file)
    assert chinese.returncode == 0, chinese.stderr
    second = f"{reviewer_file.stem}-提交-r{revision + 1}.alr-review"
    assert (tmp_path / "issued" / second).is_file()
    assert application_id(tmp_path / "issued" / first[0]) == 0x414C5256


def test_self_evaluation_workbooks_are_named_in_the_interface_language(
    demo_round: Path, tmp_path: Path
):
    english = run_cli_en("selfeval-out", demo_round, tmp_path / "en")
    assert english.returncode == 0, english.stderr
    names = sorted(p.name for p in (tmp_path / "en").iterdir())
    assert names and all(n.endswith("-self-evaluation.xlsx") for n in names)
    assert names[0].startswith("001-")
    chinese = run_cli("selfeval-out", demo_round, tmp_path / "zh")
    assert chinese.returncode == 0, chinese.stderr
    zh_names = sorted(p.name for p in (tmp_path / "zh").iterdir())
    assert len(zh_names) == len(names) and all(n.endswith("-自评价表.xlsx") for n in zh_names)
    assert [n.removesuffix("-自评价表.xlsx") for n in zh_names] == [
        n.removesuffix("-self-evaluation.xlsx") for n in names
    ]
