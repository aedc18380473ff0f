"""The panel's work on a system without POSIX (Windows, where most users are): every
POSIX-only attribute removed from ``os``, the platform module told it is on Windows, and
paths with spaces and Chinese, as a secretary's Documents folder has them.

Issue, fill and seal reviewer files, merge them, import a roster, export and import a
scoring workbook, export the appendix PDF and the results workbook, verify the PDF: all
through the command line's own functions, in this process (so the missing attributes
are missing for them)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pypdf
import pytest

from alliance_review.cli import main
from alliance_review.storage.db import storage_error
from alliance_review.system import host

from . import panel_rounds as pr

POSIX_ONLY = (
    "O_NONBLOCK", "O_NOCTTY", "O_DIRECTORY", "O_NOFOLLOW", "O_CLOEXEC", "O_SYNC", "O_DSYNC",
    "O_ASYNC", "O_NDELAY", "O_PATH", "O_TMPFILE", "fchmod", "fchown", "chown", "lchown",
    "getuid", "geteuid", "getgid", "getegid", "mkfifo", "mknod", "fork", "setsid", "getpgid",
    "killpg", "pipe2", "posix_fadvise", "sched_getaffinity",
)  # fmt: skip


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """(``tmp_path`` first: pytest names its folder after ``getpass.getuser()``.)"""
    for name in POSIX_ONLY:
        if hasattr(os, name):
            monkeypatch.delattr(os, name)
    monkeypatch.setattr(host, "IS_WINDOWS", True)
    monkeypatch.setattr(host, "IS_POSIX", False)
    monkeypatch.setattr(shutil, "_use_fd_functions", False)  # as shutil decides on Windows
    monkeypatch.setenv("ALLIANCE_REVIEW_LANG", "zh")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main([str(a) for a in args])
    said = capsys.readouterr()
    assert "Traceback" not in said.out + said.err
    return code, said.out + said.err


def test_merge_import_export_and_verify_without_posix(
    windows_like: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert not hasattr(os, "O_NONBLOCK") and not hasattr(os, "fchmod")
    documents = tmp_path / "我的文档" / "联络组 2016"
    documents.mkdir(parents=True)
    round_path = pr.build_round(documents / "评价轮次 2016.alr-round")
    returned = pr.submitted(round_path, documents / "评审专家文件")

    code, said = run(capsys, "merge", round_path, *returned.values())
    assert code == 0, said
    assert said.count("[已合并]") == len(returned) and "[拒绝]" not in said, said

    roster = documents / "新增联盟 名单.csv"
    roster.write_bytes("名称,批次\n后来加入的产业技术创新战略联盟,第二批\n".encode("gbk"))
    code, said = run(capsys, "roster-import", round_path, roster)
    assert code == 0 and "已导入 1 家联盟" in said, said
    conn = sqlite3.connect(round_path)
    names = {name for (name,) in conn.execute("SELECT name FROM alliance")}
    merged = conn.execute("SELECT count(DISTINCT reviewer_uid) FROM score").fetchone()[0]
    conn.close()
    assert "后来加入的产业技术创新战略联盟" in names and merged == len(returned)

    working = next((documents / "评审专家文件" / "working").glob("*.alr-review"))
    sheet = documents / "离线 评分表.xlsx"
    code, said = run(capsys, "export-sheet", working, sheet)
    assert code == 0, said
    assert openpyxl.load_workbook(sheet, read_only=True).sheetnames
    code, said = run(capsys, "import-sheet", working, sheet, "--dry-run")
    assert code == 0, said

    appendix = documents / "附件 2016.pdf"
    code, said = run(capsys, "export-pdf", round_path, appendix)
    assert code == 0, said
    assert len(pypdf.PdfReader(appendix).pages) >= 1
    code, said = run(capsys, "verify-pdf", round_path, appendix)
    assert code == 0 and "一致" in said, said

    results = documents / "评价结果 2016.xlsx"
    code, said = run(capsys, "export-xlsx", round_path, results)
    assert code == 0, said
    assert openpyxl.load_workbook(results, read_only=True).sheetnames

    leftovers = [p.name for p in documents.rglob("*") if p.name.endswith(".part")]
    assert leftovers == []


def test_a_device_is_refused_without_posix(
    windows_like: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """No O_NONBLOCK to lean on: what is opened is checked before a byte is read."""
    round_path = pr.build_round(tmp_path / "评价轮次.alr-round")
    code, said = run(capsys, "roster-import", round_path, os.devnull)
    assert code == 1 and "不是普通文件" in said, said
    code, said = run(capsys, "merge", round_path, os.devnull)
    assert code == 1 and "不是普通文件" in said, said


def test_a_windows_path_in_an_error_is_told_by_its_file_name(windows_like: None):
    error = PermissionError(
        errno.EACCES, "The process cannot access the file", "C:\\Users\\秘书\\文档\\评价结果.xlsx"
    )
    error.winerror = 32  # type: ignore[attr-defined]
    refusal = storage_error(error)
    assert refusal is not None
    assert refusal.message("zh").startswith("「评价结果.xlsx」正被另一个程序打开")
    too_long = FileNotFoundError(errno.ENOENT, "No such file", "C:\\" + "深" * 300 + "\\a.pdf")
    refusal = storage_error(too_long)
    assert refusal is not None and "路径或文件名太长" in refusal.message("zh")
