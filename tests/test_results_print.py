"""The results workbook printed: set up for paper (landscape, one page wide, header row on
every page, frozen header, page numbers), checked by printing it with LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def book(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("print") / "结果.xlsx"
    done = run_cli("export-xlsx", demo_round_master, out)
    assert done.returncode == 0, done.stderr
    return out


def test_every_sheet_is_set_up_for_paper(book: Path):
    workbook = openpyxl.load_workbook(book)
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (setup.fitToWidth in (1, None), setup.fitToHeight) == (True, 0), sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith("2"), sheet.title
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert sheet.oddHeader.left.text == "&A"  # the sheet's name on every page
        assert sheet.print_options.gridLines, sheet.title
    ranked = workbook["排名"]
    # the exact value (text) stands apart from the exact total (a number) beside it
    assert ranked["G2"].alignment.horizontal == "right"


@pytest.mark.slow  # LibreOffice prints 96 pages
def test_printed_by_an_office_suite_the_summary_sheets_take_few_pages(book: Path, tmp_path: Path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is installed by packaging/system-deps.sh --tests"
    profile = tmp_path / "profile"
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    pdf = tmp_path / (book.stem + ".pdf")
    assert pdf.exists()
    pages: Counter[str] = Counter()
    last_column_on_every_page = True
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            text = page.extract_text() or ""
            sheet = text.split()[0]  # the header names the sheet
            pages[sheet] += 1
            assert f"第 {sum(pages.values())} 页，共 {len(document.pages)} 页" in text
            if sheet == "指标得分":
                last_column_on_every_page &= "总分" in text
            if sheet == "排名":
                last_column_on_every_page &= "档次" in text
    # 125 ranked alliances on 4 landscape pages, the 18 indicators one page wide
    assert pages["排名"] <= 4 and pages["指标得分"] <= 2, pages
    assert pages["设置"] == 1 and pages["最终决定"] == 1, pages
    assert last_column_on_every_page
    # the reviewers' 6,751 scores with their notes: one line each, one page wide
    assert pages["评审专家评分"] <= 95, pages
