"""Publishing choices: the PDF's date is the round's, the font is the user's choice."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from alliance_review.services.pdf_common import system_song_font
from tests.conftest import run_cli
from tests.publish_checks import assert_fonts_embedded


def pdf_date(pdf: Path) -> str:
    return str(PdfReader(pdf).metadata["/CreationDate"])


def test_the_pdf_is_dated_by_the_round_and_re_exports_are_identical(
    demo_round: Path, tmp_path: Path
):
    conn = sqlite3.connect(demo_round)
    (merged,) = conn.execute("SELECT max(merged_at) FROM merged_revision").fetchone()
    conn.close()
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run_cli("export-pdf", demo_round, first).returncode == 0
    assert run_cli("export-pdf", demo_round, second).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    moment = datetime.fromisoformat(merged)
    assert pdf_date(first).startswith("D:" + moment.strftime("%Y%m%d%H%M%S"))
    assert not pdf_date(first).startswith("D:2000")
    stats = tmp_path / "s.pdf"
    assert run_cli("statistics", demo_round, "--pdf", stats).returncode == 0
    assert pdf_date(stats) == pdf_date(first)


@pytest.mark.linux  # AR PL UMing from packaging/system-deps.sh
def test_the_pdf_can_use_a_song_font_or_any_truetype_file(demo_round: Path, tmp_path: Path):
    song = system_song_font()
    assert song is not None, "AR PL UMing is installed by packaging/system-deps.sh --tests"
    out = tmp_path / "附件-宋体.pdf"
    result = run_cli("export-pdf", demo_round, out, "--font", "song")
    assert result.returncode == 0, result.stderr
    assert_fonts_embedded(out)
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "UMing" in listing and "WenQuanYi" not in listing
    copied = tmp_path / "仿宋.ttc"  # any TrueType file the user points to
    shutil.copyfile(song, copied)
    stats = tmp_path / "统计.pdf"
    result = run_cli("statistics", demo_round, "--pdf", stats, "--font", copied)
    assert result.returncode == 0, result.stderr
    assert_fonts_embedded(stats)


def test_a_file_that_is_no_truetype_font_is_refused_and_nothing_is_written(
    demo_round: Path, tmp_path: Path
):
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"OTTO" + b"\0" * 200)  # an OpenType/CFF header: reportlab cannot embed
    out = tmp_path / "附件.pdf"
    result = run_cli("export-pdf", demo_round, out, "--font", fake)
    assert result.returncode == 1 and "TrueType" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()
    result = run_cli("export-pdf", demo_round, out, "--font", tmp_path / "missing.ttf")
    assert result.returncode == 1 and not out.exists()
