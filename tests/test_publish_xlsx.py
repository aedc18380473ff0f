"""The results workbook, read back with openpyxl row by row against the round."""

from __future__ import annotations

import sqlite3
import zipfile
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from alliance_review.core.points import exact_text
from alliance_review.services.results import compute
from alliance_review.services.round_digest import content_hash
from alliance_review.storage.round_store import RoundStore
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo_book(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "results.xlsx"
    result = run_cli("export-xlsx", demo_round_master, out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_ranked_sheet_is_the_ranking_row_by_row(demo_book: Path, demo_round_master: Path):
    with RoundStore.open(demo_round_master) as store:
        ranking = compute(store).ranking
    ws = openpyxl.load_workbook(demo_book)["排名"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("序号", "名次", "联盟名称", "批次", "评分", "精确总分", "精确值", "档次")
    assert len(rows) == 1 + len(ranking) == 126
    for values, row in zip(rows[1:], ranking, strict=True):
        assert values[0] == row.seq and values[1] == row.rank
        assert values[2] == row.alliance.name
        assert values[3] == (row.alliance.batch or "批次不详")
        assert values[4] == int(row.printed_score)
        assert values[5] == pytest.approx(float(row.total))
        assert Fraction(values[6]) == row.total
        assert values[7] == row.tier.name
    assert ws.freeze_panes == "D2" and ws.auto_filter.ref == "A1:H126"
    assert ws["F2"].number_format == "0.00"
    assert ws.column_dimensions["C"].width > 30  # the longest name fits


def test_indicator_reviewer_decision_and_settings_sheets(demo_book: Path, demo_round_master: Path):
    with RoundStore.open(demo_round_master) as store:
        result = compute(store).complete()
        scores = store.scores()
        digest = content_hash(store)
        codes = [i.code for i in store.rubric().indicators()]
    wb = openpyxl.load_workbook(demo_book)
    assert wb.sheetnames == ["排名", "指标得分", "评审专家评分", "最终决定", "设置"]
    per_indicator = list(wb["指标得分"].iter_rows(values_only=True))
    assert [h.split()[0] for h in per_indicator[0][2:-1]] == codes
    for values, row in zip(per_indicator[1:], result.ranking, strict=True):
        consensus = result.results[row.alliance.uid].indicator_consensus
        assert values[1] == row.alliance.name
        assert values[2:-1] == pytest.approx([float(consensus[c]) for c in codes])
        assert sum(values[2:-1]) == pytest.approx(float(row.total))
    reviewer_rows = list(wb["评审专家评分"].iter_rows(min_row=2, values_only=True))
    assert len(reviewer_rows) == len(scores) == 125 * 3 * 18
    notes = {(r[1], r[3], r[6]) for r in reviewer_rows}
    assert all(r[6] for r in reviewer_rows)  # every demo score has its evidence note
    assert len(notes) > 1000
    assert list(wb["最终决定"].iter_rows(values_only=True)) == [
        ("联盟名称", "指标编号", "二级指标", "计算值", "最终决定", "理由")
    ]
    settings = dict(wb["设置"].iter_rows(min_row=2, values_only=True))
    assert settings["共识方法"] == "平均值"
    assert settings["评分取整"] == "四舍五入"
    assert settings["轮次内容校验值 (SHA-256)"] == digest
    assert "活跃度高 ≥86" in settings["档次（按精确总分划分）"]


def test_text_that_looks_like_a_formula_stays_text(demo_round: Path, tmp_path: Path):
    with sqlite3.connect(demo_round) as conn:
        conn.execute(
            'UPDATE alliance SET name = \'=HYPERLINK("http://x","点我")\' WHERE position = 0'
        )
        conn.execute("UPDATE score SET note = '-2 分：未见会议纪要' WHERE rowid = 1")
        conn.execute("UPDATE score SET note = '+1 @全体 =SUM(A1:A9)' WHERE rowid = 2")
        (alliance,) = conn.execute("SELECT alliance_uid FROM score LIMIT 1").fetchone()
        conn.execute(
            "INSERT INTO decision VALUES (?, '1.1', 300, '=专家组讨论后改为 3 分', '2016-01-05')",
            (alliance,),
        )
    out = tmp_path / "results.xlsx"
    assert run_cli("export-xlsx", demo_round, out).returncode == 0
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and all(b"<f>" not in archive.read(n) for n in sheets)
    wb = openpyxl.load_workbook(out)
    names = [c.value for c in wb["排名"]["C"]]
    assert '=HYPERLINK("http://x","点我")' in names
    notes = {c.value for c in wb["评审专家评分"]["G"]}
    assert {"-2 分：未见会议纪要", "+1 @全体 =SUM(A1:A9)"} <= notes
    decisions = list(wb["最终决定"].iter_rows(min_row=2, values_only=True))
    assert len(decisions) == 1
    assert decisions[0][1:3] == ("1.1", "按年度编写联盟工作总结并制定下年度工作计划")
    assert decisions[0][4] == 3 and decisions[0][5] == "=专家组讨论后改为 3 分"
    with RoundStore.open(demo_round) as store:
        assert exact_text(store.decisions()[(alliance, "1.1")][0]) == "3"


def test_export_refuses_a_missing_folder_with_one_sentence(demo_round_master: Path, tmp_path: Path):
    result = run_cli("export-xlsx", demo_round_master, tmp_path / "nowhere" / "r.xlsx")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "nowhere" in result.stderr
