"""Citations survive the scoring workbook: exported as text, edited in the workbook the
way a reviewer does offline, recognised again on import (and said when they cite no
document or page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.services.reviewer_sheet import COL_CODE, COL_NOTE, COL_UID, HEADER_ROW
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.conftest import run_cli
from tests.documents_support import TD, round_with_documents


@pytest.fixture(scope="module")
def td_file(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("sheet")
    round_path = round_with_documents(demo_round_master, work)
    (work / "issued").mkdir()
    for path in issue_reviewer_files(round_path, work / "issued"):
        with ReviewerStore.open(path) as store:
            if any(a.name == TD for a in store.alliances()):
                return path
    raise AssertionError("no reviewer has TD")


def test_citations_go_out_as_text_and_are_recognised_on_the_way_back(td_file, tmp_path):
    working = tmp_path / td_file.name
    shutil.copyfile(td_file, working)
    with ReviewerStore.open(working) as store:
        td = next(a.uid for a in store.alliances() if a.name == TD)
        store.set_score(td, "1.1", None, "见〔2015年度工作总结 p.12〕")
    book = tmp_path / "评分表.xlsx"
    assert run_cli("export-sheet", working, book).returncode == 0
    workbook = openpyxl.load_workbook(book)
    sheet = workbook.worksheets[0]
    rows = {
        (sheet.cell(r, COL_UID).value, sheet.cell(r, COL_CODE).value): r
        for r in range(HEADER_ROW + 1, sheet.max_row + 1)
    }
    note_cell = sheet.cell(rows[(td, "1.1")], COL_NOTE)
    assert note_cell.value == "见〔2015年度工作总结 p.12〕" and note_cell.data_type == "s"
    # offline, the reviewer adds citations by hand: two good, two that cite nothing held
    note_cell.value = "见〔2015年度工作总结 p.12〕和[2016年工作计划 P. 3]"
    sheet.cell(rows[(td, "1.2")], COL_NOTE).value = "〔年度报告 p.2〕未附；〔2016年工作计划 第9页〕"
    workbook.save(book)

    preview = run_cli("import-sheet", working, book, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "评分依据中引用佐证材料 4 处，其中 2 处可对应到文档" in preview.stdout
    assert "〔年度报告 p.2〕：该联盟没有这个文档" in preview.stdout
    assert "〔2016年工作计划 第9页〕：文档没有这一页" in preview.stdout  # the plan has 8 pages
    done = run_cli("import-sheet", working, book)
    assert done.returncode == 0
    with ReviewerStore.open(working) as store:
        notes = {code: note for (uid, code), (_, note) in store.scores().items() if uid == td}
    assert notes["1.1"] == "见〔2015年度工作总结 p.12〕和[2016年工作计划 P. 3]"  # as typed
    assert notes["1.2"] == "〔年度报告 p.2〕未附；〔2016年工作计划 第9页〕"


def test_the_windows_import_preview_names_a_citation_of_no_document(qtbot, td_file, tmp_path):
    from tests.gui_support import settle
    from tests.reviewer_gui import open_window

    working = tmp_path / td_file.name
    shutil.copyfile(td_file, working)
    book = tmp_path / "评分表.xlsx"
    assert run_cli("export-sheet", working, book).returncode == 0
    workbook = openpyxl.load_workbook(book)
    sheet = workbook.worksheets[0]
    with ReviewerStore.open(working) as store:
        td = next(a.uid for a in store.alliances() if a.name == TD)
    row = next(
        r
        for r in range(HEADER_ROW + 1, sheet.max_row + 1)
        if (sheet.cell(r, COL_UID).value, sheet.cell(r, COL_CODE).value) == (td, "1.3")
    )
    sheet.cell(row, COL_NOTE).value = "见〔专家委员会纪要 p.1〕"
    workbook.save(book)
    _window, workspace = open_window(qtbot, working)
    workspace.import_workbook(book)
    settle(qtbot)
    summary = workspace.import_dialog.summary.text()
    assert "评分依据中引用佐证材料 1 处，其中 0 处可对应到文档" in summary
    assert "〔专家委员会纪要 p.1〕：该联盟没有这个文档" in summary
    workspace.import_dialog.reject()
    workspace.close_file()
