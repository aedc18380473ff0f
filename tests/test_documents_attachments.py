"""Self-evaluation workbooks name their attachments (附件清单): the alliance lists what it
sends, the round keeps the list, says what has not arrived, and gives a file named only
by an attachment's name to the one alliance that lists it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import tests.document_files as files
from alliance_review.services import selfeval
from alliance_review.services.selfeval_attachments import SHEET
from alliance_review.storage.round_store import RoundStore
from tests.conftest import run_cli
from tests.documents_support import TD, query


def td_uid(round_path: Path) -> str:
    return query(round_path, "SELECT uid FROM alliance WHERE name = ?", TD)[0][0]


@pytest.fixture(scope="module")
def books_master(documents_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The round with documents and its self-evaluation workbooks, written once (their
    tokens recorded in the round): ``round.alr-round`` and ``out/*.xlsx``."""
    folder = tmp_path_factory.mktemp("books")
    round_path = shutil.copyfile(documents_master, folder / "round.alr-round")
    assert run_cli("selfeval-out", round_path, folder / "out").returncode == 0
    return folder


@pytest.fixture
def round_docs(books_master: Path, tmp_path: Path) -> Path:
    """A copy of the round whose workbooks ``td_workbook`` hands out."""
    shutil.copytree(books_master / "out", tmp_path / "out")
    return shutil.copyfile(books_master / "round.alr-round", tmp_path / "round.alr-round")


def td_workbook(round_path: Path, folder: Path) -> Path:
    """TD's workbook, as ``selfeval-out`` wrote it for ``round_path`` (in ``folder``)."""
    assert folder == round_path.parent / "out"
    return next(p for p in folder.glob("*.xlsx") if "TD" in p.name)


def list_attachments(workbook: Path, lines: list[tuple[str, str]], first: int = 4) -> Path:
    """Fill the list as an alliance does: a name and the indicators per row, in Excel."""
    book = openpyxl.load_workbook(workbook)
    sheet = book[SHEET]
    for offset, (name, codes) in enumerate(lines):
        sheet.cell(first + offset, 2).value = name or None
        sheet.cell(first + offset, 3).value = codes or None
    book.save(workbook)
    return workbook


def named_rows(round_path: Path, uid: str) -> list[tuple]:
    return query(
        round_path,
        "SELECT position, name, indicator_codes FROM selfeval_attachment"
        " WHERE alliance_uid = ? ORDER BY position",
        uid,
    )


def test_the_workbook_lists_attachments_and_the_round_says_which_have_not_arrived(
    round_docs: Path, tmp_path: Path
):
    workbook = td_workbook(round_docs, tmp_path / "out")
    sheet = openpyxl.load_workbook(workbook)[SHEET]
    assert sheet.protection.sheet
    titles = [sheet.cell(3, c).value for c in (1, 2)]
    assert titles == ["序号", "附件名称（与所附文件的文件名一致）"]
    assert sheet.cell(4, 2).protection.locked is False and sheet.cell(4, 1).protection.locked
    assert sheet.cell(4, 3).number_format == "@"  # a code typed stays text
    # as an alliance fills it: the file's name, a book-title-marked title, two codes, a
    # blank row between, an attachment supporting no indicator in particular
    list_attachments(
        workbook,
        [
            ("2015年度工作总结.pdf", "1.1"),
            ("《2016年工作计划》", "1.1、1.2"),
            ("专家委员会会议纪要", "1.3"),
            ("", ""),
            ("联盟章程", ""),
        ],
    )
    done = run_cli("selfeval-in", round_docs, workbook)
    assert done.returncode == 0, done.stderr
    assert "附件清单列出 4 个附件" in done.stdout
    uid = td_uid(round_docs)
    assert named_rows(round_docs, uid) == [
        (1, "2015年度工作总结.pdf", "1.1"),
        (2, "《2016年工作计划》", "1.1,1.2"),
        (3, "专家委员会会议纪要", "1.3"),
        (4, "联盟章程", ""),
    ]
    # TD sent its summary and plan (documents_support): two of four received
    assert sorted(t for (t,) in query(
        round_docs, "SELECT title FROM document WHERE alliance_uid = ?", uid
    )) == ["2015年度工作总结", "2016年工作计划"]  # fmt: skip
    listing = run_cli("documents", round_docs, "list")
    assert listing.returncode == 0, listing.stderr
    said = "自评价表列出 4 个附件，已收到 2 个；未收到：专家委员会会议纪要、联盟章程"
    assert said in listing.stdout
    assert "1 个联盟的自评价表列出的附件尚未全部收到。" in listing.stdout
    # the minutes arrive in a folder of their own, named only as the list names them
    sent = tmp_path / "later"
    sent.mkdir()
    files.reportlab_pdf(sent / "专家委员会会议纪要.pdf", pages=3, title="专家委员会会议纪要")
    preview = run_cli("documents", round_docs, "import", sent, "--dry-run")
    assert f"匹配  专家委员会会议纪要.pdf  →  {TD}" in preview.stdout, preview.stdout
    assert run_cli("documents", round_docs, "import", sent).returncode == 0
    assert query(
        round_docs, "SELECT alliance_uid FROM document WHERE title = '专家委员会会议纪要'"
    ) == [(uid,)]
    listing = run_cli("documents", round_docs, "list")
    assert "已收到 3 个；未收到：联盟章程" in listing.stdout


def test_an_attachment_named_by_every_alliance_decides_nothing(round_docs: Path, tmp_path: Path):
    """Two alliances list the same name: a file of that name is still unmatched."""
    books = sorted((tmp_path / "out").glob("*.xlsx"))[:2]
    for book in books:
        list_attachments(book, [("理事会会议纪要", "1.2")])
    assert run_cli("selfeval-in", round_docs, *books).returncode == 0
    sent = tmp_path / "sent"
    sent.mkdir()
    files.reportlab_pdf(sent / "理事会会议纪要.pdf", pages=1)
    preview = run_cli("documents", round_docs, "import", sent, "--dry-run")
    assert "未匹配  理事会会议纪要.pdf" in preview.stdout, preview.stdout


@pytest.mark.parametrize(
    ("name", "codes", "said"),
    [
        # BEL as Excel stores it in the file (openpyxl refuses the character itself)
        ("会议纪要_x0007_", "1.1", "“附件清单”单元格 B5 的附件名称含有不可见的控制字符（U+0007）"),
        ("会议\u202e纪要", "", "改变文字方向的控制字符"),
        ("纪" * 121, "", "超过 120 个"),
        ("会议纪要", "9.9", "“附件清单”单元格 C5：“9.9”不是本表的指标编号"),
        ("", "1.1", "第 5 行写了指标编号，却没有附件名称"),
    ],
    ids=["control", "direction", "long", "unknown-code", "codes-only"],
)
def test_a_bad_line_refuses_the_workbook_and_changes_nothing(
    round_docs: Path, tmp_path: Path, name: str, codes: str, said: str
):
    workbook = td_workbook(round_docs, tmp_path / "out")
    uid = td_uid(round_docs)
    before = query(round_docs, "SELECT * FROM self_score WHERE alliance_uid = ?", uid)
    list_attachments(workbook, [("年度工作总结", "1.1"), (name, codes)])
    done = run_cli("selfeval-in", round_docs, workbook)
    assert done.returncode == 1 and said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert named_rows(round_docs, uid) == []
    assert query(round_docs, "SELECT * FROM self_score WHERE alliance_uid = ?", uid) == before


def test_a_workbook_without_a_list_leaves_the_list_and_undo_puts_it_back(
    round_docs: Path, tmp_path: Path
):
    workbook = td_workbook(round_docs, tmp_path / "out")
    uid = td_uid(round_docs)
    list_attachments(workbook, [("2015年度工作总结", "1.1")])
    assert run_cli("selfeval-in", round_docs, workbook).returncode == 0
    kept = named_rows(round_docs, uid)
    assert kept == [(1, "2015年度工作总结", "1.1")]
    # the same workbook as a release before the list made it: no list, no place for one
    older = tmp_path / "older.xlsx"
    shutil.copyfile(workbook, older)
    book = openpyxl.load_workbook(older)
    meta = book["_meta"]
    row = next(r for r in range(1, meta.max_row + 1) if meta.cell(r, 1).value == "attachments")
    meta.delete_rows(row)
    del book[SHEET]
    book.save(older)
    with RoundStore.open(round_docs) as store:
        (checked,) = selfeval.read_workbooks(store, [older])
        assert checked.ok and checked.attachments is None
        replaced = selfeval.apply_workbooks(store, [checked])
    assert named_rows(round_docs, uid) == kept
    # a new list replaces the old one whole; undoing the import gives the old one back
    list_attachments(workbook, [("联盟章程", ""), ("2016年工作计划", "1.2")])
    with RoundStore.open(round_docs) as store:
        (checked,) = selfeval.read_workbooks(store, [workbook])
        replaced = selfeval.apply_workbooks(store, [checked])
        assert [n.name for n in checked.attachments or []] == ["联盟章程", "2016年工作计划"]
        assert named_rows(round_docs, uid) == [(1, "联盟章程", ""), (2, "2016年工作计划", "1.2")]
        selfeval.restore_self_scores(store, [uid], replaced)
    assert named_rows(round_docs, uid) == kept


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_list_saved_again_by_libreoffice_reads_the_same(round_docs: Path, tmp_path: Path):
    workbook = list_attachments(
        td_workbook(round_docs, tmp_path / "out"),
        [("2015年度工作总结.pdf", "1.1、1.3"), ("联盟章程", "")],
    )
    resaved = tmp_path / "resaved"
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(resaved), str(workbook)],
        capture_output=True, text=True, timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    back = resaved / workbook.name
    assert run_cli("selfeval-in", round_docs, back).returncode == 0
    assert named_rows(round_docs, td_uid(round_docs)) == [
        (1, "2015年度工作总结.pdf", "1.1,1.3"),
        (2, "联盟章程", ""),
    ]
