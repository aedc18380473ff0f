"""Documents in the round: import a folder (preview, then add), add, list, remove; kinds
told by content; contents stored once by hash; citations read from notes."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

import tests.document_files as files
from alliance_review.core import citations
from alliance_review.core.documents import (
    Document,
    clean_title,
    match_alliance,
    short_names,
    title_from_file_name,
    unique_title,
)
from alliance_review.core.errors import RoundLocked
from alliance_review.services import documents as service
from alliance_review.storage.round_store import RoundStore
from tests.conftest import run_cli
from tests.documents_support import FIBRE, LIGHTING, TD, documents_folder, everything, query


def rows_of(round_path: Path) -> list[tuple]:
    with closing(sqlite3.connect(round_path)) as conn:
        return conn.execute(
            "SELECT a.name, d.title, d.kind, d.pages, d.sha256, d.view_sha256, d.file_name"
            " FROM document d JOIN alliance a ON a.uid = d.alliance_uid ORDER BY a.name, d.title"
        ).fetchall()


# reading names and citations ----------------------------------------------------------------
def test_a_citation_is_written_one_way_and_read_the_ways_people_type_it():
    assert citations.cite("工作总结", 12) == "〔工作总结 p.12〕"
    note = "见〔工作总结 p.12〕和[工作总结 P. 3]，另见【会议纪要 第2页】；〔无页码〕不算。"
    found = citations.find(note)
    assert [(c.title, c.page) for c in found] == [
        ("工作总结", 12),
        ("工作总结", 3),
        ("会议纪要", 2),
    ]
    assert note[found[0].start : found[0].end] == "〔工作总结 p.12〕"
    assert citations.at(note, found[1].start + 2) == found[1]
    assert citations.at(note, 0) is None


def test_citations_resolve_against_the_alliances_documents():
    summary = Document(1, "a", 0, "2015年度工作总结", "x.pdf", "pdf", "0" * 64, 10, "0" * 64, 50)
    note = (
        "〔2015年度工作总结 p.12〕〔2015 年度工作总结 p.50〕〔2015年度工作总结 p.51〕〔计划 p.1〕"
    )
    resolved = citations.resolve(note, [summary])
    assert [(r.document is summary, r.problem) for r in resolved] == [
        (True, ""),
        (True, ""),
        (True, "no such page"),
        (False, "unknown document"),
    ]


def test_titles_come_from_file_names_without_the_alliances_name():
    names = ("TD 产业技术创新战略联盟", *short_names("TD 产业技术创新战略联盟"))
    assert "TD" in names and "TD联盟" in names
    assert title_from_file_name("TD联盟-2015年度工作总结.pdf", names) == "2015年度工作总结"
    assert title_from_file_name("会议纪要〔第三次〕.docx", names) == "会议纪要(第三次)"
    assert clean_title("a\nb\u200bc" + "长" * 60) == "a bc" + "长" * 36
    assert unique_title("工作总结", {"工作总结", "工作总结 (2)"}) == "工作总结 (3)"


def test_files_are_matched_to_alliances_by_name_and_short_name():
    names = {
        "td": ("TD 产业技术创新战略联盟", *short_names("TD 产业技术创新战略联盟")),
        "tdx": ("TD-SCDMA 产业技术创新战略联盟", *short_names("TD-SCDMA 产业技术创新战略联盟")),
        "rice": ("杂交水稻产业技术创新战略联盟", *short_names("杂交水稻产业技术创新战略联盟")),
        "rice2": ("水稻产业技术创新战略联盟", *short_names("水稻产业技术创新战略联盟")),
    }
    assert match_alliance("杂交水稻联盟-总结.pdf", names).uids == ("rice",)
    assert match_alliance("ＴＤ联盟 计划.pdf", names).uids == ("td",)  # full-width letters
    assert match_alliance("TD-SCDMA联盟.pdf", names).uids == ("tdx",)  # the longer name wins
    assert match_alliance("水稻联盟.pdf", names).uids == ("rice2",)
    assert match_alliance("年度总结.pdf", names).uids == ()


# the command line ------------------------------------------------------------------------------
def test_import_previews_then_adds_the_matched_files_and_names_the_rest(
    demo_round: Path, tmp_path: Path
):
    folder = documents_folder(tmp_path / "sent")
    files.reportlab_pdf(folder / "总结.pdf", pages=2)  # names no alliance
    shutil.copyfile(folder / "总结.pdf", folder / "TD联盟与化纤联盟联合简报.pdf")  # which one?
    (folder / "说明.txt").write_text("不是文档", encoding="utf-8")

    dry = run_cli("documents", demo_round, "import", folder, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"TD联盟/2015年度工作总结.pdf  →  {TD}" in dry.stdout
    assert f"化纤联盟网站截图.png  →  {FIBRE}" in dry.stdout
    assert "未匹配  总结.pdf" in dry.stdout and "不收录  说明.txt" in dry.stdout
    assert f"不确定  TD联盟与化纤联盟联合简报.pdf  可指：{TD}、{FIBRE}" in dry.stdout
    assert "匹配 4 个，不确定 1 个，未匹配 1 个，不收录 1 个" in dry.stdout
    assert rows_of(demo_round) == []  # a dry run adds nothing

    done = run_cli("documents", demo_round, "import", folder)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "共添加 4 个文档，0 个未添加" in done.stdout
    found = rows_of(demo_round)
    assert sorted((n, t, k, p) for n, t, k, p, *_ in found) == sorted(
        [
            (FIBRE, "网站截图", "png", 1),
            (LIGHTING, "理事会会议纪要", "pdf", 3),
            (TD, "2015年度工作总结", "pdf", 50),
            (TD, "2016年工作计划", "pdf", 8),
        ]
    )
    # each content is stored under the SHA-256 of the file's bytes (computed here anew)
    summary = next(r for r in found if r[1] == "2015年度工作总结")
    expected = hashlib.sha256((folder / "TD联盟" / "2015年度工作总结.pdf").read_bytes()).hexdigest()
    assert summary[4] == expected == summary[5]
    with closing(sqlite3.connect(demo_round)) as conn:
        stored = conn.execute(
            "SELECT content FROM document_blob WHERE sha256 = ?", (expected,)
        ).fetchone()[0]
        texts = dict(
            conn.execute("SELECT page, text FROM document_page WHERE sha256 = ?", (expected,))
        )
        picture = conn.execute(
            "SELECT b.size, d.view_sha256 != d.sha256 FROM document d JOIN document_blob b"
            " ON b.sha256 = d.view_sha256 WHERE d.kind = 'png'"
        ).fetchone()
    assert hashlib.sha256(stored).hexdigest() == expected
    assert len(texts) == 50 and "第 12 页" in texts[12] and "理事会" in texts[12]
    assert picture[0] > 0 and picture[1] == 1  # the screenshot is shown as a PDF made of it

    listing = run_cli("documents", demo_round, "list")
    assert "2015年度工作总结\tpdf\t50" in listing.stdout
    assert "3 个联盟共 4 个文档" in listing.stdout

    summary_file = folder / "TD联盟" / "2015年度工作总结.pdf"
    again = run_cli("documents", demo_round, "add", "TD联盟", summary_file)
    assert "已有  2015年度工作总结.pdf（即「2015年度工作总结」）" in again.stdout
    assert len(rows_of(demo_round)) == 4  # stored once


def test_hostile_and_wrong_files_are_refused_with_a_sentence_each(demo_round: Path, tmp_path: Path):
    bad = tmp_path / "bad"
    bad.mkdir()
    files.malformed_pdf(bad / "半截.pdf")
    files.time_bomb_pdf(bad / "画不完.pdf")
    (bad / "伪装.pdf").write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a zip named .pdf
    (bad / "空.pdf").write_bytes(b"")
    files.reportlab_pdf(bad / "好的.pdf", pages=3)
    names = ["半截.pdf", "画不完.pdf", "伪装.pdf", "空.pdf", "好的.pdf"]
    result = run_cli("documents", demo_round, "add", "TD联盟", *[bad / n for n in names])
    assert result.returncode == 1
    out = result.stdout
    assert "未添加  「半截.pdf」：文档已损坏或不是有效的 PDF" in out
    assert "未添加  「画不完.pdf」：文档" in out  # too long or too much: stopped
    assert "未添加  「伪装.pdf」的内容不是 PDF 文件（文件名与内容不符）" in out
    assert "未添加  「空.pdf」是空文件" in out
    assert "已添加  好的" in out and "共添加 1 个文档，4 个未添加" in out
    assert [r[1] for r in rows_of(demo_round)] == ["好的"]


def test_a_pipe_is_never_opened(demo_round: Path, tmp_path: Path):
    fifo = tmp_path / "TD联盟-总结.pdf"
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(fifo)
    result = run_cli("documents", demo_round, "add", "TD联盟", fifo)
    assert result.returncode == 1 and "不是普通文件" in result.stdout


def test_remove_drops_the_content_once_no_document_needs_it(round_docs: Path):
    result = run_cli("documents", round_docs, "remove", "TD联盟", "2016年工作计划")
    assert result.returncode == 0 and "已删除" in result.stdout
    with closing(sqlite3.connect(round_docs)) as conn:
        titles = [t for (t,) in conn.execute("SELECT title FROM document ORDER BY title")]
        blobs = conn.execute("SELECT count(*) FROM document_blob").fetchone()[0]
        needed = conn.execute(
            "SELECT count(*) FROM (SELECT sha256 FROM document UNION SELECT view_sha256"
            " FROM document WHERE view_sha256 IS NOT NULL)"
        ).fetchone()[0]
        trail = conn.execute("SELECT detail FROM audit WHERE action = 'documents'").fetchall()
    assert "2016年工作计划" not in titles and blobs == needed == 4
    assert any("2016年工作计划" in detail for (detail,) in trail)


def test_a_locked_round_takes_no_document(round_docs: Path, tmp_path: Path):
    assert run_cli("lock", round_docs).returncode == 0
    extra = files.reportlab_pdf(tmp_path / "TD联盟-简报.pdf", pages=2)
    result = run_cli("documents", round_docs, "add", "TD联盟", extra)
    assert result.returncode == 1 and "锁定" in result.stderr
    with RoundStore.open(round_docs) as store:
        with pytest.raises(RoundLocked):
            service.remove_document(store, 1)
    assert run_cli("check", round_docs).returncode == 0  # still locked and signed


def test_check_finds_a_document_altered_behind_the_apps_back(round_docs: Path):
    assert run_cli("check", round_docs).returncode == 0
    with closing(sqlite3.connect(round_docs)) as conn:
        conn.execute(
            "UPDATE document_blob SET content = CAST(zeroblob(size) AS BLOB)"
            " WHERE sha256 = (SELECT sha256 FROM document WHERE title = '2016年工作计划')"
        )
        conn.commit()
    result = run_cli("check", round_docs)
    said = result.stdout + result.stderr
    assert result.returncode == 1 and "1 个文档的内容与其指纹（SHA-256）不符" in said


# office documents, the way alliances make them -------------------------------------------------
needs_libreoffice = pytest.mark.skipif(files.SOFFICE is None, reason="LibreOffice not installed")


def import_office_documents(round_path: Path, tmp_path: Path) -> tuple[tuple, tuple]:
    """A work summary (python-docx) and a project list (xlsxwriter) imported for TD."""
    folder = tmp_path / "TD联盟"
    folder.mkdir()
    files.docx_file(folder / "2015年度工作总结.docx")
    files.xlsx_file(folder / "项目清单.xlsx")
    result = run_cli("documents", round_path, "import", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    found = {r[1]: r for r in rows_of(round_path)}
    return found["2015年度工作总结"], found["项目清单"]


def texts_of(round_path: Path, sha256: str) -> list[str]:
    with closing(sqlite3.connect(round_path)) as conn:
        return [
            t
            for (t,) in conn.execute(
                "SELECT text FROM document_page WHERE sha256 = ? ORDER BY page", (sha256,)
            )
        ]


@needs_libreoffice
def test_office_documents_are_converted_by_libreoffice(demo_round: Path, tmp_path: Path):
    summary, projects = import_office_documents(demo_round, tmp_path)
    assert summary[2] == "docx" and summary[3] >= 2 and summary[5] not in (None, summary[4])
    assert projects[2] == "xlsx" and projects[5] is not None
    with closing(sqlite3.connect(demo_round)) as conn:
        view = conn.execute(
            "SELECT content FROM document_blob WHERE sha256 = ?", (summary[5],)
        ).fetchone()[0]
    assert view.startswith(b"%PDF") and "专家委员会" in " ".join(texts_of(demo_round, summary[5]))


def test_without_libreoffice_an_office_document_keeps_its_text(
    demo_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("ALLIANCE_REVIEW_SOFFICE", "")  # as on a machine without LibreOffice
    summary, projects = import_office_documents(demo_round, tmp_path)
    assert summary[5] is None and projects[5] is None  # nothing to show but the text
    pages, sheets = texts_of(demo_round, summary[4]), texts_of(demo_round, projects[4])
    assert len(pages) == summary[3] >= 2 and "专家委员会" in pages[0]  # page breaks kept
    assert len(sheets) == 2 and "联合攻关项目 3" in sheets[0] and "标准名称" in sheets[1]


def test_a_reviewer_file_shown_read_only_leaves_the_contents_in_the_file(
    round_docs: Path, tmp_path: Path
):
    """A sealed copy, or a file another window holds, is read into memory (the file is
    never written): every row and the schema as SQLite's own copy has them, the documents'
    contents left in the file; an older format upgraded in memory alike."""
    from alliance_review.services.reviewer_files import issue_reviewer_files
    from alliance_review.storage.files import read_into_memory
    from alliance_review.storage.reviewer_store import ReviewerStore
    from alliance_review.storage.schema import REVIEWER_FILE

    (tmp_path / "issued").mkdir()
    issued = issue_reviewer_files(round_docs, tmp_path / "issued")
    carrying = next(
        p
        for p in issued
        if query(p, "SELECT count(*) FROM document_blob WHERE content IS NOT NULL")[0][0]
    )
    older = sorted((Path(__file__).parent / "data").glob("reviewer-v*.sqlite"))
    assert len(older) >= 4
    for original in [carrying, *older]:
        path = tmp_path / ("shown-" + original.name)
        shutil.copyfile(original, path)
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        whole, _ = read_into_memory(path, REVIEWER_FILE)  # SQLite's backup: the reference
        try:
            expected = everything(whole)
        finally:
            whole.close()
        with ReviewerStore.open_sealed(path) as shown:
            got = everything(shown.conn)
            in_memory = shown.conn.execute(
                "SELECT count(*) FROM document_blob WHERE content IS NOT NULL"
            ).fetchone()[0]
        assert in_memory == 0
        blobs = expected.pop("document_blob")
        assert got.pop("document_blob") == [(sha, size, None) for sha, size, _ in blobs]
        assert got == expected
        if original == carrying:
            assert blobs and all(content == sha for sha, _, content in blobs)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert not list(tmp_path.glob(path.name + "-*"))  # no -wal, no -shm
