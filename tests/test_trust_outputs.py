"""Writers never replace what they should not (issue 19, defects 8 and 13).

On the command line an existing file is replaced only with ``--force``: a round or
reviewer file, and as much a PDF, a workbook, a JSON or a font; and never an input of the
command, forced or not (``export-pdf R F --font F`` replaced the font, ``report R J
--published J`` the JSON, ``demo NEW --reviewer-files DIR`` the reviewer files in DIR).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import run_cli

FONT = Path(__file__).parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"
FIGURES = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_demo_refuses_to_replace_reviewer_files_in_its_folder(tmp_path: Path):
    """Defect 8: demo NEW --reviewer-files DIR overwrote the files in DIR."""
    folder = tmp_path / "returned"
    assert run_cli("demo", tmp_path / "first.alr-round", "--reviewer-files", folder).returncode == 0
    before = snapshot(folder)
    assert len(before) == 14
    done = run_cli("demo", tmp_path / "second.alr-round", "--reviewer-files", folder)
    assert done.returncode == 1 and "不会被覆盖" in done.stderr and "--force" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert snapshot(folder) == before
    assert not (tmp_path / "second.alr-round").exists()
    forced = run_cli("demo", tmp_path / "second.alr-round", "--reviewer-files", folder, "--force")
    assert forced.returncode == 0, forced.stderr
    assert snapshot(folder).keys() == before.keys()


@pytest.mark.parametrize(
    ("command", "input_flag", "source"),
    [
        ("export-pdf", "--font", FONT),
        ("statistics --pdf", "--font", FONT),
        ("statistics --pdf", "--published", FIGURES),
        ("report", "--published", FIGURES),
    ],
)
def test_an_export_never_replaces_its_font_or_figures(
    demo_round: Path, tmp_path: Path, command: str, input_flag: str, source: Path
):
    """Defect 13: export-pdf R F --font F replaced the font; report R J --published J the
    JSON. Refused with or without --force; the input byte for byte as it was."""
    given = shutil.copyfile(source, tmp_path / source.name)
    raw = given.read_bytes()
    words = command.split()
    for force in ((), ("--force",)):
        done = run_cli(words[0], demo_round, *words[1:], given, input_flag, given, *force)
        assert done.returncode == 1, (command, done.stdout)
        assert "不能覆盖输入" in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert given.read_bytes() == raw


def test_report_never_replaces_last_years_round(demo_round: Path, tmp_path: Path):
    last_year = shutil.copyfile(demo_round, tmp_path / "last-year.alr-round")
    raw = last_year.read_bytes()
    for force in ((), ("--force",)):
        done = run_cli("report", demo_round, last_year, "--previous", last_year, *force)
        assert done.returncode == 1 and "不能覆盖输入" in done.stderr
        assert last_year.read_bytes() == raw


def test_every_writer_keeps_an_existing_file_unless_forced(demo_round: Path, tmp_path: Path):
    """A file already at the output's place (here a note someone keeps) stays as it was
    without --force, with one sentence naming it; --force replaces it."""
    issued = tmp_path / "issued"
    issued.mkdir()
    assert run_cli("issue", demo_round, issued).returncode == 0
    reviewer = sorted(issued.iterdir())[0]
    cases = [
        ("export-pdf", demo_round, "{out}"),
        ("export-xlsx", demo_round, "{out}"),
        ("statistics", demo_round, "--pdf", "{out}"),
        ("report", demo_round, "{out}"),
        ("roster-export", demo_round, "{out}"),
        ("rubric-export", demo_round, "{out}"),
        ("export-sheet", reviewer, "{out}"),
        ("submit", reviewer, "--out", "{out}"),
        ("demo", tmp_path / "demo-again.alr-round", "--previous", "{out}"),
    ]
    for number, (command, *arguments) in enumerate(cases):
        out = tmp_path / f"kept-{number}.out"
        out.write_text("留着：不要覆盖。", encoding="utf-8")
        given = [str(out) if a == "{out}" else a for a in arguments]
        done = run_cli(command, *given)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert f"「{out.name}」已存在，不会被覆盖" in done.stderr and "--force" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert out.read_text(encoding="utf-8") == "留着：不要覆盖。", command
        forced = run_cli(command, *given, "--force")
        assert forced.returncode == 0, (command, forced.stderr)
        assert out.read_bytes() != "留着：不要覆盖。".encode(), command
    # a folder of self-evaluation workbooks: each existing workbook is kept the same way
    folder = tmp_path / "selfeval"
    assert run_cli("selfeval-out", demo_round, folder).returncode == 0
    before = snapshot(folder)
    again = run_cli("selfeval-out", demo_round, folder)
    assert again.returncode == 1 and "已存在，不会被覆盖" in again.stderr
    assert snapshot(folder) == before
