"""Three years of the programme from the command line (issue 17): 2014 from the office's
list, 2015 made --from 2014 with this year's list (a rename, two withdrawals, a new batch
and new pilots), 2016 made --from 2015. Reviewers and their conflicts survive both steps;
history and the year-over-year figures come out right, checked against plain SQL."""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from fractions import Fraction
from pathlib import Path

import xlsxwriter
from docx import Document

from alliance_review.services.demo_scores import split_over_indicators
from alliance_review.services.history import year_over_year_of
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from tests.conftest import run_cli
from tests.report_check import check_draft

N = "产业技术创新战略联盟"
A = {key: f"{key}{N}" for key in "甲乙丙丁戊己庚辛"}
RENAMED = f"乙新材料{N}"
NEW = [f"子{N}", f"丑{N}"]
KEYS = {name: key for key, name in A.items()} | {RENAMED: "乙"}
TOTALS_2014 = {"甲": 100, "乙": 90, "丙": 80, "丁": 70, "戊": 60, "己": 88, "庚": 76, "辛": 66}
TOTALS_2015 = {"甲": 100, "乙": 95, "丙": 70, "丁": 72, "戊": 86, "己": 88, NEW[0]: 80, NEW[1]: 60}


def cli(*args: object) -> str:
    done = run_cli(*args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


def write_list_2014(path: Path) -> Path:
    """The office's 2014 list as GBK text, with a title row and a total row."""
    rows = ["2014年度试点联盟名单", "序号,联盟名称,批次"]
    batches = ["第一批"] * 3 + ["第二批"] * 5
    rows += [
        f"{i},{name},{batch}"
        for i, (name, batch) in enumerate(zip(A.values(), batches, strict=True), 1)
    ]
    rows.append("合计：8 家")
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("gb18030"))
    return path


def write_list_2015(path: Path) -> Path:
    """The 2015 list (xlsxwriter): 辛 is missing, 庚's remark says withdrawn, two new pilots
    of a fourth batch."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("2015")
    sheet.write_row(0, 0, ["序号", "试点联盟名称", "批次", "备注"])
    rows = [(A[k], b, "") for k, b in zip("甲乙丙", ["第一批"] * 3, strict=True)]
    rows += [(A[k], "第二批", "") for k in "丁戊己"]
    rows += [(A["庚"], "第二批", "2015年3月申请退出"), (NEW[0], "第四批", ""), (NEW[1], "4", "")]
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [str(r), *row])
    book.close()
    return path


def write_reviewers(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("专家")
    sheet.write_row(0, 0, ["姓名", "所在联盟", "回避联盟"])
    sheet.write_row(1, 0, ["王一", "甲联盟", ""])
    sheet.write_row(2, 0, ["李二 研究员 甲大学", "乙联盟秘书长", "丙联盟"])
    sheet.write_row(3, 0, ["张三", A["丁"], ""])
    sheet.write_row(4, 0, ["赵四", "", ""])
    sheet.write_row(5, 0, ["钱五", "", ""])
    book.close()
    return path


def score_round(round_file: Path, totals: dict[str, int], folder: Path) -> None:
    """Assign reviewers, issue the files, score them through each reviewer's own file
    (each reviewer gives an alliance the same points, so its total is as ``totals``
    says), submit, merge, lock."""
    cli("assign", round_file, "--seed", "3")
    issued = folder / "issued"
    issued.mkdir()
    cli("issue", round_file, issued)
    for working in sorted(issued.iterdir()):
        with ReviewerStore.open(working) as file:
            maxima = [int(i.max_points) for i in file.rubric().indicators()]
            codes = [i.code for i in file.rubric().indicators()]
            items = []
            for alliance in file.alliances():
                key = KEYS.get(alliance.name, alliance.name)
                rng = random.Random(alliance.uid)  # the same split from every reviewer
                points = split_over_indicators(totals[key], maxima, rng)
                items += [
                    (alliance.uid, c, Fraction(p), "依据材料")
                    for c, p in zip(codes, points, strict=True)
                ]
            file.set_scores(items)
            for alliance in file.alliances():
                file.set_done(alliance.uid, True)
        cli("submit", working, "--out", folder / f"sealed-{working.name}")
    cli("merge", round_file, *sorted(folder.glob("sealed-*")))
    cli("lock", round_file, "--reason", "评价结束")


def reviewers_of(path: Path) -> dict[str, tuple[set[str], set[str]]]:
    """Reviewer name -> (own alliance uids, declared alliance uids), read with sqlite3."""
    with closing(sqlite3.connect(path)) as conn:
        found: dict[str, tuple[set[str], set[str]]] = {}
        for name, alliance, kind in conn.execute(
            "SELECT r.name, c.alliance_uid, c.kind FROM reviewer r"
            " LEFT JOIN conflict c ON c.reviewer_uid = r.uid"
        ):
            own, declared = found.setdefault(name, (set(), set()))
            if alliance is not None:
                (own if kind == "own" else declared).add(alliance)
        return found


def test_three_years_2014_2015_2016(tmp_path: Path):
    # 2014: a new round from the office's list, reviewers from their list, scored, locked
    r14, r15, r16 = (tmp_path / f"{y}.sqlite" for y in (2014, 2015, 2016))
    cli("new-round", r14, "--title", "2014年度评价", "--year", "2014",
        "--roster", write_list_2014(tmp_path / "2014.csv"))  # fmt: skip
    cli("reviewers", r14, "import", write_reviewers(tmp_path / "专家.xlsx"))
    before = reviewers_of(r14)
    assert set(before) == {"王一", "李二", "张三", "赵四", "钱五"}  # "李二 研究员…": the name
    (folder := tmp_path / "s14").mkdir()
    score_round(r14, TOTALS_2014, folder)

    # 2015: from 2014 with this year's list; a rename; the carried reviewers
    out = cli("new-round", r15, "--title", "2015年度评价", "--year", "2015", "--from", r14,
              "--roster", write_list_2015(tmp_path / "2015.xlsx"))  # fmt: skip
    assert "评审专家 5 位" in out and "往年结果：2014 年" in out
    assert reviewers_of(r15) == before  # same people, same alliances by identity
    cli("roster", r15, "rename", A["乙"], RENAMED)
    assert reviewers_of(r15) == before  # a rename keeps every link
    listing = cli("roster", r15, "list", "--all")
    assert f"{A['辛']}  第二批  退出（2015） 未列入 2015 年度名单" in listing
    assert f"{A['庚']}  第二批  退出（2015） 2015年3月申请退出" in listing
    assert cli("batches", r15, "list").count("第四批") == 1
    (folder := tmp_path / "s15").mkdir()
    score_round(r15, TOTALS_2015, folder)

    # year over year in 2015, against 2014 as the round carries it
    with RoundStore.open(r15) as store:
        figures = year_over_year_of(store)
    assert figures.previous_year == 2014
    assert figures.full_marks_twice == (A["甲"],)
    assert (figures.up, figures.down, figures.unchanged) == (1, 1, 4)
    assert sorted(figures.new_pilots) == sorted(NEW)
    assert sorted(figures.withdrawn_since) == sorted([A["庚"], A["辛"]])
    check_against_sql(r15, figures)

    # the report draft of 2015 compares with 2014 from the round's own history, as it does
    # with last year's file named, and every number of it holds against both files
    from_history, from_file = tmp_path / "报告-历史.docx", tmp_path / "报告-上年文件.docx"
    cli("report", r15, from_history)
    cli("report", r15, from_file, "--previous", r14)
    check_draft(from_history, r15, r14)
    text = [p.text for p in Document(str(from_history)).paragraphs]
    assert text == [p.text for p in Document(str(from_file)).paragraphs]
    assert any("相比 2014 年" in line for line in text)

    # 2016: from 2015; both earlier years travel with it
    out = cli("new-round", r16, "--title", "2016年度评价", "--year", "2016", "--from", r15)
    assert "往年结果：2014、2015 年" in out
    assert reviewers_of(r16) == before
    years = cli("history", r16, RENAMED)
    assert f"2014  90 分  活跃度高  第 2 名  {A['乙']}" in years  # the name it bore then
    assert f"2015  95 分  活跃度高  第 2 名  {RENAMED}" in years
    assert "2016（本轮）  未评分" in years
    gone = json.loads(cli("history", r16, A["辛"], "--json"))
    assert [(y["year"], y["status"]) for y in gone] == [
        (2014, "ranked"),
        (2015, "withdrawn"),
        (2016, "withdrawn"),
    ]
    with RoundStore.open(r16) as store:
        assert len(store.alliances()) == 8 and len(store.register()) == 10
        assert [b.name for b in store.batches()] == ["第一批", "第二批", "第三批", "第四批"]
    r16_bytes = r16.read_bytes()
    cli("history", r16)  # only reads: not a byte of the file changes
    assert r16.read_bytes() == r16_bytes


def check_against_sql(path: Path, figures) -> None:  # type: ignore[no-untyped-def]
    """The same figures from the file with plain SQL: this year's totals from the scores
    (every reviewer gave an alliance the same points), last year's from the history."""
    with closing(sqlite3.connect(path)) as conn:
        now = dict(conn.execute(
            "SELECT a.name, sum(s.points_centi) / count(DISTINCT s.reviewer_uid) FROM score s"
            " JOIN alliance a ON a.uid = s.alliance_uid GROUP BY a.uid"
        ))  # fmt: skip
        before = {
            uid: (total, tier)
            for uid, total, tier in conn.execute(
                "SELECT alliance_uid, total_num * 100 / total_den, tier FROM history"
                " WHERE year = 2014 AND status = 'ranked'"
            )
        }
        uid_of = dict(conn.execute("SELECT name, uid FROM alliance"))
        withdrawn = {n for (n,) in conn.execute(
            "SELECT a.name FROM pilot_status p JOIN alliance a ON a.uid = p.alliance_uid"
        )}  # fmt: skip
        in_2014 = {u for (u,) in conn.execute("SELECT alliance_uid FROM history WHERE year = 2014")}
    order = ["活跃度高", "活跃度较高", "活跃度一般", "活跃度较差"]

    def tier(centi: int) -> int:
        return 0 if centi >= 8600 else 1 if centi >= 7500 else 2 if centi >= 6500 else 3

    steps = [
        order.index(before[uid_of[name]][1]) - tier(total)
        for name, total in now.items()
        if uid_of[name] in before
    ]
    assert (figures.up, figures.down, figures.unchanged) == (
        sum(s > 0 for s in steps),
        sum(s < 0 for s in steps),
        sum(s == 0 for s in steps),
    )
    twice = sorted(
        n for n, t in now.items() if t == 10000 and before.get(uid_of[n], (0,))[0] == 10000
    )
    assert sorted(figures.full_marks_twice) == twice
    assert sorted(figures.new_pilots) == sorted(n for n in now if uid_of[n] not in in_2014)
    assert sorted(figures.withdrawn_since) == sorted(withdrawn)
