"""One file-name function (``system.names.file_name``): a name typed by a person, however
long and whatever it holds, gives a file name every platform accepts."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path, PureWindowsPath

import openpyxl
import pytest

from alliance_review.system import host
from alliance_review.system.names import NAME_BYTES, file_name

from .conftest import run_cli

LONG_ALLIANCE = ("国家农业机械装备产业技术创新战略联盟暨智能农机装备协同创新中心" * 7)[:200]
LONG_REVIEWER = ("中国农业机械化科学研究院集团有限公司首席专家" * 6)[:120]


def fits_everywhere(name: str) -> bool:
    """ext4 (255 bytes), NTFS/APFS (255 UTF-16 units), HFS+ (decomposed), eCryptfs (143)."""
    return all(
        len(unicodedata.normalize(form, name).encode("utf-8")) <= NAME_BYTES
        and len(unicodedata.normalize(form, name).encode("utf-16-le")) // 2 <= 255
        for form in ("NFC", "NFD")
    )


def test_a_200_character_alliance_name_gives_a_valid_name_that_keeps_its_ends():
    name = file_name("001", LONG_ALLIANCE, "自评价表", suffix=".xlsx")
    assert fits_everywhere(name)
    assert name.startswith("001-国家农业机械装备产业技术创新战略联盟")
    assert name.endswith("…-自评价表.xlsx")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('农机/装备:联盟*?"<>|', "农机_装备_联盟"),
        ("  尾部有点和空格. . ", "尾部有点和空格"),
        ("CON", "_CON"),
        ("nul", "_nul"),
        ("com1", "_com1"),
        ("", "_"),
        ("制表\t换行\n联盟", "制表_换行_联盟"),
    ],
)
def test_characters_and_names_no_platform_takes_are_replaced(typed: str, expected: str):
    assert file_name(typed, suffix=".pdf") == expected + ".pdf"


def test_decomposing_letters_and_emoji_are_counted_as_each_system_counts_them():
    for typed in ("é" * 200, "한국" * 80, "😀" * 100):
        name = file_name(typed, suffix=".pdf")
        assert fits_everywhere(name) and name.endswith("….pdf")


def test_a_name_for_a_deep_windows_folder_keeps_the_path_under_max_path(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr(host, "IS_WINDOWS", True)
    folder = PureWindowsPath("C:\\Users\\秘书处\\Documents\\" + "二〇一五年度联盟活跃度评价" * 15)
    name = file_name("001", LONG_ALLIANCE, "自评价表", suffix=".xlsx", folder=folder)
    assert len(str(folder / name)) <= 259 and name.endswith("…-自评价表.xlsx")
    # the same name elsewhere is only bounded by the name's own limit
    monkeypatch.setattr(host, "IS_WINDOWS", False)
    assert len(file_name("001", LONG_ALLIANCE, "自评价表", suffix=".xlsx", folder=folder)) > len(
        name
    )


def test_selfeval_out_and_issue_take_very_long_names(demo_round: Path, tmp_path: Path):
    """A 200-character Chinese alliance name and a 120-character reviewer name: the
    workbooks and reviewer files are written, open, and are found again by their names."""
    with sqlite3.connect(demo_round) as conn:
        (alliance,) = conn.execute("SELECT uid FROM alliance ORDER BY position LIMIT 1").fetchone()
        conn.execute("UPDATE alliance SET name = ? WHERE uid = ?", (LONG_ALLIANCE, alliance))
        (reviewer,) = conn.execute(
            "SELECT reviewer_uid FROM assignment GROUP BY reviewer_uid LIMIT 1"
        ).fetchone()
        conn.execute("UPDATE reviewer SET name = ? WHERE uid = ?", (LONG_REVIEWER, reviewer))
    conn.close()

    written = run_cli("selfeval-out", demo_round, tmp_path / "自评价表")
    assert written.returncode == 0, written.stderr
    books = sorted((tmp_path / "自评价表").glob("001-*.xlsx"))
    assert len(books) == 1 and fits_everywhere(books[0].name)
    sheet = openpyxl.load_workbook(books[0], read_only=True).worksheets[0]
    assert any(LONG_ALLIANCE in str(v) for row in sheet.iter_rows(values_only=True) for v in row)

    issued = run_cli("issue", demo_round, tmp_path / "发放")
    assert issued.returncode == 0, issued.stderr
    files = sorted((tmp_path / "发放").glob("*.alr-review"))
    assert all(fits_everywhere(f.name) for f in files)
    long_file = next(f for f in files if f.name.startswith("2015-中国农业机械化科学研究院"))
    with sqlite3.connect(long_file) as copy:
        assert copy.execute("SELECT reviewer_name FROM meta").fetchone() == (LONG_REVIEWER,)
    copy.close()

    # the reviewer submits: the returned copy's name is cut too, and the panel merges it
    submitted = run_cli("submit", long_file)
    assert submitted.returncode == 0, submitted.stderr
    returned = [f for f in (tmp_path / "发放").glob("*.alr-review") if "-提交-r" in f.name]
    assert len(returned) == 1 and fits_everywhere(returned[0].name)
    merged = run_cli("merge", demo_round, returned[0], "--accept-removals")
    assert merged.returncode == 0, merged.stderr
