"""The set-up commands, run as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl

from alliance_review.services import selfeval
from tests.file_checks import digest

from .conftest import run_cli


def test_new_round_assign_and_workbooks_from_the_command_line(tmp_path: Path):
    roster = tmp_path / "名单.csv"
    roster.write_text(
        "名称,批次,联系人\n" + "".join(f"第{i}联盟,{1 + i % 3},秘书{i}\n" for i in range(1, 11)),
        encoding="utf-8-sig",
    )
    rubric = tmp_path / "rubric.json"
    out = tmp_path / "2016.sqlite"
    done = run_cli(
        "new-round", out, "--title", "2016年度评价", "--year", "2016", "--roster", roster
    )
    assert done.returncode == 0, done.stderr
    assert "联盟 10 个" in done.stdout
    assert run_cli("rubric-export", out, rubric).returncode == 0
    assert json.loads(rubric.read_text(encoding="utf-8"))["format"] == "alliance-review-rubric"

    refused = run_cli("assign", out)
    assert refused.returncode == 1 and "还没有评审专家" in refused.stderr

    # the roster keeps the order of the file
    conn = sqlite3.connect(out)
    names = [n for (n,) in conn.execute("SELECT name FROM alliance ORDER BY position")]
    conn.close()
    assert names[0] == "第1联盟"

    written = run_cli("selfeval-out", out, tmp_path / "wb")
    assert written.returncode == 0, written.stderr
    books = sorted((tmp_path / "wb").glob("*.xlsx"))
    assert len(books) == 10
    workbook = openpyxl.load_workbook(books[0])
    sheet = workbook[selfeval.FORM_SHEET]
    sheet["F7"] = 9  # max of 1.1 is 5
    workbook.save(books[0])
    before = digest(out)
    bad = run_cli("selfeval-in", out, books[0], books[1], "--all-or-nothing")
    assert bad.returncode == 1 and "F7" in bad.stderr and "未导入任何内容" in bad.stderr
    assert digest(out) == before
    # a workbook wrong everywhere: the first problems and a count, not a wall of text
    for row in range(7, 25):
        sheet.cell(row, 6).value = 99
    workbook.save(books[0])
    wall = run_cli("selfeval-in", out, books[0])
    assert wall.returncode == 1 and "F9" in wall.stderr and "F10" not in wall.stderr
    assert "另有 15 处问题" in wall.stderr and "。；" not in wall.stderr
    assert digest(out) == before
    for row in range(7, 25):
        sheet.cell(row, 6).value = None
    sheet["F7"] = 4
    workbook.save(books[0])
    good = run_cli("selfeval-in", out, books[0], books[1])
    assert good.returncode == 0, good.stderr
    assert "第1联盟" in good.stdout


def test_next_year_from_last_year_then_assign_is_reproducible(demo_round: Path, tmp_path: Path):
    out = tmp_path / "2016.sqlite"
    done = run_cli(
        "new-round", out, "--title", "2016年度评价", "--year", "2016", "--from", demo_round
    )
    assert done.returncode == 0, done.stderr
    assert "联盟 146 个，评审专家 14 位" in done.stdout
    assigned = run_cli("assign", out, "--seed", "5")
    assert assigned.returncode == 0, assigned.stderr
    assert "31–32" in assigned.stdout  # all 146 pilots: last year's absentees take part anew

    def pairs() -> set[tuple[str, str]]:
        conn = sqlite3.connect(out)
        found = set(conn.execute("SELECT alliance_uid, reviewer_uid FROM assignment"))
        clash = conn.execute(
            "SELECT count(*) FROM assignment a JOIN conflict c"
            " ON c.reviewer_uid = a.reviewer_uid AND c.alliance_uid = a.alliance_uid"
        ).fetchone()[0]
        conn.close()
        assert clash == 0
        return found

    first = pairs()
    assert len(first) == 438
    assert run_cli("assign", out, "--seed", "5").returncode == 0
    assert pairs() == first
    assert run_cli("assign", out, "--seed", "6").returncode == 0
    assert pairs() != first


def test_new_round_refuses_existing_files_and_bad_input(demo_round: Path, tmp_path: Path):
    before = digest(demo_round)
    done = run_cli("new-round", demo_round, "--title", "x", "--year", "2016")
    assert done.returncode == 1 and "已存在" in done.stderr
    assert digest(demo_round) == before
    bad_rubric = tmp_path / "rubric.json"
    bad_rubric.write_text("{}", encoding="utf-8")
    out = tmp_path / "new.sqlite"
    done = run_cli("new-round", out, "--title", "x", "--year", "2016", "--rubric", bad_rubric)
    assert done.returncode == 1 and "不是评价指标文件" in done.stderr
    assert not out.exists()
    done = run_cli("new-round", out, "--title", "x", "--year", "1800")
    assert done.returncode == 1 and "1800" in done.stderr and not out.exists()


def test_issue_writes_one_file_per_reviewer_and_refuses_an_unready_round(
    demo_round: Path, tmp_path: Path
):
    done = run_cli("issue", demo_round, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    files = sorted((tmp_path / "out").glob("*.alr-review"))
    assert len(files) == 14 and "已发放 14 份" in done.stdout
    conn = sqlite3.connect(files[0])
    tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "reviewer" not in tables and "assignment" not in tables  # nothing about others
    conn.close()

    fresh = tmp_path / "2016.sqlite"
    assert (
        run_cli(
            "new-round", fresh, "--title", "2016", "--year", "2016", "--from", demo_round
        ).returncode
        == 0
    )
    refused = run_cli("issue", fresh, tmp_path / "out2")
    assert refused.returncode == 1 and "评审专家不足" in refused.stderr
    assert not list((tmp_path / "out2").glob("*.alr-review"))


def test_new_round_warns_of_near_duplicate_names_and_keeps_formula_signs_as_text(
    tmp_path: Path,
):
    roster = tmp_path / "名单.csv"
    roster.write_text(
        '联盟名称,批次\nTD 产业联盟,第二批\nTD产业联盟,第二批\n=HYPERLINK("x"),第一批\n@SUM联盟,\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.sqlite"
    done = run_cli("new-round", out, "--title", "2016年度", "--year", "2016", "--roster", roster)
    assert done.returncode == 0, done.stderr
    assert "TD 产业联盟" in done.stderr and "TD产业联盟" in done.stderr
    assert done.stderr.count("注意") == 1  # the pair once
    exported = tmp_path / "名单.xlsx"
    assert run_cli("roster-export", out, exported).returncode == 0
    sheet = openpyxl.load_workbook(exported).active
    cells = {c.value: c.data_type for c in sheet["B"]}
    assert cells['=HYPERLINK("x")'] == "s" and cells["@SUM联盟"] == "s"
