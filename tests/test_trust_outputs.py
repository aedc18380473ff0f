"""Writers never replace what they should not (issue 19, defects 8 and 13).

On the command line an existing file is replaced only with ``--force``: a round or
reviewer file, and as much a PDF, a workbook, a JSON or a font; and never an input of the
command, forced or not (``export-pdf R F --font F`` replaced the font, ``report R J
--published J`` the JSON, ``demo NEW --reviewer-files DIR`` the reviewer files in DIR).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import run_cli
from .document_files import reportlab_pdf

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


def digests(folder: Path) -> dict[str, str]:
    """Each file's SHA-256, but SQLite's shared-memory index and an empty log: a reader of
    a file in WAL mode makes them beside it (holding nothing of the file's content)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
    }


@pytest.mark.parametrize("round_kind", ["fresh", "older-format"])
def test_nothing_that_only_reads_a_file_changes_a_byte_of_it(
    demo_round: Path, documents_master: Path, tmp_path: Path, round_kind: str
):
    """Defect 11 and its kin: every command that only reads its inputs leaves each of them
    byte for byte as it was, and nothing with content appears beside them: a
    round fresh from the demo (rollback journal, not yet opened for writing), one of an
    older format (never upgraded by a reading), a reviewer file submitted and one still
    being scored, a PDF, a workbook, a font and a figures JSON. (Reading a file in WAL
    mode, SQLite makes its ``-shm`` index and an empty ``-wal`` beside it.)"""
    from .conftest import DATA

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    issued = tmp_path / "issued"
    issued.mkdir()
    assert run_cli("issue", demo_round, issued).returncode == 0
    working = shutil.copyfile(sorted(issued.iterdir())[0], inputs / "working.alr-review")
    sent = inputs / "sent.alr-review"
    assert run_cli("submit", working, "--out", sent).returncode == 0
    source = DATA / "round-v5.sqlite" if round_kind == "older-format" else demo_round
    round_path = shutil.copyfile(source, inputs / "round.alr-round")
    last_year = shutil.copyfile(demo_round, inputs / "last-year.alr-round")
    font = shutil.copyfile(FONT, inputs / FONT.name)
    figures = shutil.copyfile(FIGURES, inputs / FIGURES.name)
    out = tmp_path / "out"
    out.mkdir()
    assert run_cli("export-pdf", round_path, out / "made.pdf").returncode == 0 or (
        round_kind == "older-format"  # the fixture has no scores: nothing to print
    )
    made = out / "made.pdf"
    pdf = shutil.copyfile(made, inputs / "appendix.pdf") if made.exists() else None
    workbook = inputs / "sheet.xlsx"
    assert run_cli("export-sheet", working, out / "sheet.xlsx").returncode == 0
    shutil.copyfile(out / "sheet.xlsx", workbook)
    # a round holding documents, and a folder of documents sent by alliances
    with_documents = shutil.copyfile(documents_master, inputs / "documents.alr-round")
    sent_documents = inputs / "sent"
    sent_documents.mkdir()
    reportlab_pdf(sent_documents / "TD联盟-年度总结.pdf", pages=2)
    sent_before = digests(sent_documents)
    before = digests(inputs)
    commands = [
        ("check", round_path),
        ("check", round_path, "--json"),
        ("check", sent),
        ("check", working),
        ("ranking", round_path),
        ("ranking", round_path, "--json"),
        ("statistics", round_path, "--previous", last_year, "--published", figures),
        ("statistics", round_path, "--pdf", out / "stats.pdf", "--font", font),
        ("export-pdf", round_path, out / "a.pdf", "--font", font),
        ("export-xlsx", round_path, out / "results.xlsx"),
        ("report", round_path, out / "report.docx", "--previous", last_year,
         "--published", figures),
        ("roster-export", round_path, out / "roster.xlsx"),
        ("rubric-export", round_path, out / "rubric.json"),
        ("export-sheet", sent, out / "sent.xlsx"),
        ("export-sheet", working, out / "working.xlsx"),
        ("import-sheet", working, workbook, "--dry-run"),
        ("history", round_path),
        ("history", round_path, "--json"),
        ("roster", round_path, "list", "--all"),
        ("batches", round_path, "list"),
        ("documents", round_path, "list", "--all"),
        ("documents", round_path, "import", sent_documents, "--dry-run"),
        ("documents", with_documents, "list"),
        ("documents", with_documents, "import", sent_documents, "--dry-run"),
        ("check", with_documents),
    ]  # fmt: skip
    if pdf is not None:
        commands.append(("verify-pdf", round_path, pdf))
    for command in commands:
        done = run_cli(*command)
        assert "Traceback" not in done.stderr, command
        assert digests(inputs) == before, command
        assert digests(sent_documents) == sent_before, command


def test_a_merged_file_whose_workbook_was_exported_merges_again_as_unchanged(tmp_path: Path):
    """Defect 11: export-sheet switched the submitted file to WAL, so its bytes changed and
    merging it again was refused as "same revision, different content"."""
    from . import panel_rounds as pr

    round_path = pr.build_round(tmp_path / "round.sqlite")
    sent = pr.submitted(round_path, tmp_path)["r1"]
    assert run_cli("merge", round_path, sent).returncode == 0
    assert run_cli("export-sheet", sent, tmp_path / "r1.xlsx").returncode == 0
    again = run_cli("merge", round_path, sent)
    assert again.returncode == 0 and "[无变化]" in again.stdout, again.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="no permission bits on Windows")
@pytest.mark.parametrize(("umask", "mode"), [(0o002, 0o664), (0o022, 0o644), (0o077, 0o600)])
def test_exports_are_readable_as_the_umask_says(
    demo_round: Path, tmp_path: Path, umask: int, mode: int
):
    """Also seen: exports were written 0600, so colleagues sharing the folder could not
    open them. Each export (and each file issued or submitted to travel) gets the mode the
    user's umask gives a new file."""
    issued = tmp_path / "issued"
    issued.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="zh")

    def run(*args: object) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "alliance_review", *map(str, args)],
            capture_output=True, text=True, encoding="utf-8", env=env,
            preexec_fn=lambda: os.umask(umask),  # noqa: PLW1509 (the child's own umask)
        )  # fmt: skip
        assert done.returncode == 0, (args, done.stderr)

    run("issue", demo_round, issued)
    reviewer = sorted(issued.iterdir())[0]
    run("export-pdf", demo_round, out / "附件.pdf")
    run("export-xlsx", demo_round, out / "结果.xlsx")
    run("statistics", demo_round, "--pdf", out / "统计.pdf")
    run("report", demo_round, out / "报告.docx")
    run("roster-export", demo_round, out / "名单.xlsx")
    run("rubric-export", demo_round, out / "指标.json")
    run("export-sheet", reviewer, out / "评分表.xlsx")
    run("submit", reviewer, "--out", out / "提交.alr-review")
    written = sorted(out.iterdir()) + sorted(issued.iterdir())
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
    assert set(modes.values()) == {mode}, modes
