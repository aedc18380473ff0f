"""Lists as offices send them in the programme's second year (issue 17), from real writers
(xlsxwriter, LibreOffice's xlsx/xls/ods, GBK CSV): hidden and filtered rows, remarks that
say withdrawn, section and tier headings, line breaks in names, a cover sheet, batch
spellings and later batches, this year's full list against last year's register, and
reviewer lists with names, titles and short names in their cells."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from alliance_review.core.errors import FileRefused
from alliance_review.services import reviewers_io, roster_io, roster_update
from alliance_review.storage.round_store import RoundStore

from .conftest import DATA, run_cli

CORPUS = DATA / "office" / "register"
FILES = sorted(
    p
    for p in CORPUS.iterdir()
    if p.with_name(p.name + ".json").exists() and "reviewers" not in p.name
)


def expected_of(path: Path) -> dict:
    return json.loads(path.with_name(path.name + ".json").read_text("utf-8"))


def plan_of(path: Path, batches=None) -> roster_io.ImportPlan:
    return roster_io.roster_plan(path, None, batches or ["第一批", "第二批", "第三批"])


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.name)
def test_every_list_reads_as_it_means(source: Path):
    expected = expected_of(source)
    plan = plan_of(source)
    assert len(plan.entries) == expected["entries"]
    assert len(plan.accepted()) == expected["accepted"]
    assert len(plan.hidden()) == expected["hidden"]
    assert len(plan.withdrawing()) == expected["withdrawing"]
    assert not plan.blocked_rows()  # nothing in these lists is refused
    listed = plan.listed()
    assert listed[0].name == expected["first"]
    # no heading, total or tier row ever becomes an alliance
    assert not any(
        a.name.startswith(("一、", "二、", "三、", "活跃度", "合计")) or "（共" in a.name
        for a in listed
    )
    if "batches" in expected:
        assert dict(Counter(a.batch for a in listed)) == expected["batches"]


@pytest.mark.parametrize("source", [p for p in FILES if p.name.startswith("hidden-rows")],
                         ids=lambda p: p.name)  # fmt: skip
def test_hidden_and_filtered_rows_are_their_own_group_left_out_unless_included(source: Path):
    expected = expected_of(source)
    plan = plan_of(source)
    assert [e.row for e in plan.hidden()] == expected["hidden_rows"]
    assert {e.hidden for e in plan.hidden()} <= {"hidden", "filtered"}
    assert len(plan.listed()) == 9 and len(plan.listed(include_hidden=True)) == 12
    lines = plan.describe()
    assert [line.split()[1] for line in lines if line.startswith("h")] == ["6", "9", "12"]


@pytest.mark.parametrize("source", [p for p in FILES if p.name.startswith("remarks")],
                         ids=lambda p: p.name)  # fmt: skip
def test_remarks_that_say_withdrawn_are_offered_and_a_negation_is_not(source: Path):
    expected = expected_of(source)
    plan = plan_of(source)
    withdrawing = plan.withdrawing()
    assert [e.row for e in withdrawing] == expected["withdrawn_rows"]
    listed = {a.row: a for a in plan.listed()}
    assert listed[5].withdrawal == "withdrawn" and listed[11].withdrawal == "suspended"
    assert listed[10].withdrawal is None  # "未退出，继续参评"
    assert listed[5].remark == "已退出"


def test_a_list_grouped_by_batch_takes_each_section_s_batch_and_says_so():
    plan = plan_of(CORPUS / "sections-libreoffice.xls")
    notes = [n.zh for n in plan.notes]
    assert sum(n.startswith("小节标题") for n in notes) == 3
    assert sum("批次取自小节标题" in n for n in notes) == 3
    assert [a.batch for a in plan.listed()] == ["第一批"] * 4 + ["第二批"] * 4 + ["第三批"] * 4


def test_last_year_s_appendix_pasted_as_the_roster_reads_125_alliances():
    plan = plan_of(CORPUS / "pasted-appendix-libreoffice.ods")
    assert len(plan.listed()) == 125
    tiers = [n.zh for n in plan.notes if n.zh.startswith("附件的档次标题")]
    assert len(tiers) == 4 and "活跃度高的联盟（共 56 家）" in tiers[0]


@pytest.mark.parametrize("source", [p for p in FILES if p.name.startswith("line-breaks")],
                         ids=lambda p: p.name)  # fmt: skip
def test_line_breaks_in_names_are_removed_and_said_and_a_merged_name_is_read_once(
    source: Path,
):
    expected = expected_of(source)
    plan = plan_of(source)
    assert [a.name for a in plan.listed()] == expected["names"]
    breaks = [p for p in plan.problems if p.kind == "normalised" and "换行" in p.zh]
    assert len(breaks) == expected["line_breaks"] and not any(p.blocking for p in breaks)
    merged = [n for n in plan.notes if "合并" in n.zh]
    assert len(merged) == expected["merged_continuation"]
    assert plan.mapping["name"] == 1  # "试点联盟名称" is the name's header


@pytest.mark.parametrize("source", [p for p in FILES if p.name.startswith("cover-sheet")],
                         ids=lambda p: p.name)  # fmt: skip
def test_the_roster_behind_a_cover_sheet_is_found_and_its_sheet_named(source: Path, tmp_path):
    expected = expected_of(source)
    table = roster_io.read_table(source)
    assert table.sheet == expected["sheet"] and table.sheets == ("封面", "试点联盟")
    plan = plan_of(source)
    shorts = {a.name: a.short_name for a in plan.listed() if a.short_name}
    assert shorts == {n: s for n, s in expected["short_names"].items()} | {
        plan.listed()[1].name: "半导体照明联盟"
    }
    # the sheet chosen by name or number; a sheet without the header is refused naming it
    assert roster_io.read_table(source, 2).sheet == "试点联盟"
    assert roster_io.read_table(source, "试点联盟").sheet == "试点联盟"
    with pytest.raises(FileRefused, match="封面"):
        roster_io.read_table(source, "封面")
    with pytest.raises(FileRefused, match="第 3 个工作表"):
        roster_io.read_table(source, 3)
    preview = run_cli("new-round", tmp_path / "r.sqlite", "--title", "t", "--year", "2016",
                      "--roster", source, "--dry-run")  # fmt: skip
    assert preview.returncode == 0 and "工作表：试点联盟" in preview.stdout


@pytest.mark.parametrize("source", [p for p in FILES if p.name.startswith("spellings")],
                         ids=lambda p: p.name)  # fmt: skip
def test_batch_spellings_read_as_the_round_s_batches_and_a_later_batch_is_offered(
    source: Path,
):
    expected = expected_of(source)
    plan = plan_of(source)
    assert [b.name for b in plan.new_batches()] == expected["new_batches"]
    lines = plan.describe()
    # the preview shows what is stored (第一批, not "1批") and says how it was written
    first = next(line for line in lines if line.split()[1] == "2")
    assert "  第一批  " in first and "批次「1批」按「第一批」保存" in first
    spelled = [p for p in plan.problems if p.kind == "batch_spelling"]
    assert {p.row for p in spelled} == {2, 3, 4, 5, 6, 7, 8}
    later = [p.row for p in plan.problems if p.kind == "new_batch"]
    assert later == [9, 10]  # "第四批" and "第4批": the same later batch
    assert plan.readings[7].designated == expected["designated"]["第三批"]


def test_a_new_round_from_a_list_with_a_later_batch_adds_the_batch(tmp_path: Path):
    out = tmp_path / "2016.sqlite"
    done = run_cli("new-round", out, "--title", "2016", "--year", "2016",
                   "--roster", CORPUS / "spellings-libreoffice.xls")  # fmt: skip
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT name FROM batch ORDER BY position").fetchall() == [
            ("第一批",),
            ("第二批",),
            ("第三批",),
            ("第四批",),
        ]
        counts = dict(conn.execute("SELECT batch, count(*) FROM alliance GROUP BY batch"))
    assert counts == {"第一批": 3, "第二批": 2, "第三批": 2, "第四批": 2}


def test_a_new_round_from_a_list_with_remarks_holds_the_withdrawn_in_its_register(
    tmp_path: Path,
):
    out = tmp_path / "2016.sqlite"
    done = run_cli("new-round", out, "--title", "2016", "--year", "2016",
                   "--roster", CORPUS / "remarks-gbk.csv")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "联盟 6 个，另有退出或暂停 4 个" in done.stdout
    with sqlite3.connect(out) as conn:
        statuses = dict(conn.execute("SELECT status, count(*) FROM pilot_status GROUP BY status"))
    assert statuses == {"withdrawn": 3, "suspended": 1}


# this year's full list against last year's register -----------------------------------
@pytest.mark.parametrize("name", ["update-2016-libreoffice.xlsx", "update-2016-gbk.csv"])
def test_this_year_s_full_list_is_compared_in_four_groups(demo_round: Path, name: str):
    source = CORPUS / name
    expected = expected_of(source)
    with RoundStore.open(demo_round) as store:
        plan = roster_io.roster_plan(source, None, store.batch_names())
        c = roster_update.compare_plan(store, plan)
        placeholders = [e.alliance.name for e in store.register() if "虚构占位" in e.alliance.name]
    assert sorted(e.alliance.name for e in c.missing) == sorted(
        expected["missing_names"] + placeholders
    )
    assert [ch.before.name for ch in c.changed] == expected["changed_names"]
    assert [ch.fields for ch in c.changed] == [("name",), ("batch",)]
    assert len(c.new) == expected["new"] and {i.batch for i in c.new} == {"第四批"}
    assert [(i.name, m is not None) for i, m in c.withdrawing] == [
        (expected["withdrawn_name"], True)
    ]
    assert len(c.unchanged) == 124 - 2 - 2 - 1


def test_roster_import_update_on_the_command_line_applies_the_four_groups(
    demo_round: Path, tmp_path: Path
):
    source = CORPUS / "update-2016-libreoffice.xls"
    with RoundStore.open(demo_round) as store:
        store.conn.execute("DELETE FROM score")
        store.conn.execute("DELETE FROM assignment")
    with sqlite3.connect(demo_round) as conn:
        before = conn.execute("SELECT count(*) FROM alliance").fetchone()[0]
    dry = run_cli("roster-import", demo_round, source, "--update", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "不变 119 家；有变动 2 家；新增 2 家；名单中没有的试点联盟 24 家" in dry.stdout
    assert "名称：TD 产业技术创新战略联盟 → TD产业技术创新战略联盟" in dry.stdout
    with sqlite3.connect(demo_round) as conn:
        assert conn.execute("SELECT count(*) FROM alliance").fetchone()[0] == before
    done = run_cli("roster-import", demo_round, source, "--update")
    assert done.returncode == 0, done.stderr
    assert "新增 2 家，更新 2 家，登记退出 25 家" in done.stdout
    with RoundStore.open(demo_round) as store:
        register = {e.alliance.name: e for e in store.register()}
        assert len(store.alliances()) == 146 - 25 + 2
        td = register["TD产业技术创新战略联盟"]  # renamed: the old name kept
        assert [f.name for f in td.former_names] == ["TD 产业技术创新战略联盟"]
        gone = register[expected_of(source)["missing_names"][0]]
        assert gone.status is not None and gone.status.reason == "未列入 2015 年度名单"
        assert store.batch_names()[-1] == "第四批"
    again = run_cli("roster-import", demo_round, source, "--update", "--dry-run")
    assert "有变动 0 家；新增 0 家；名单中没有的试点联盟 0 家" in again.stdout


# reviewer lists ---------------------------------------------------------------------------
REVIEWERS = sorted(p for p in CORPUS.iterdir() if p.name.startswith("reviewers") and
                   p.suffix != ".json")  # fmt: skip


@pytest.mark.parametrize("source", REVIEWERS, ids=lambda p: p.name)
def test_a_reviewer_list_splits_names_resolves_short_names_and_suggests(
    demo_round: Path, source: Path
):
    expected = expected_of(source)
    with RoundStore.open(demo_round) as store:
        register = store.register()
        plan = reviewers_io.plan_import(reviewers_io.read_table(source), register, [])
    names = {e.alliance.uid: e.alliance.name for e in register}
    assert [r.name for r in plan.rows] == expected["reviewers"]
    assert sorted({p.row for p in plan.problems if p.kind == "split"}) == expected["split_rows"]
    split = next(p for p in plan.problems if p.kind == "split")
    assert "职务「研究员」" in split.zh and "单位「中国农业大学」" in split.zh
    by_name = {r.name: r for r in plan.rows}
    for person, alliance in expected["own"].items():
        assert [names[u] for u in by_name[person].own] == [alliance]
    for person, alliances in expected["declared"].items():
        assert sorted(names[u] for u in by_name[person].declared) == sorted(alliances)
    (unknown,) = [p for p in plan.problems if p.kind == "unknown_alliance"]
    assert unknown.row == expected["unknown_row"] and "最接近的是" in unknown.zh
    # one bad row: the others can still be imported
    assert [r.name for r in plan.accepted()] == ["李四", "王建国", "赵强", "周明"]
    lines = "\n".join(plan.describe(names))
    assert "回避：数字音视频编解码（AVS）产业技术创新战略联盟" in lines


def test_reviewers_import_skip_bad_imports_the_good_rows_and_names_the_bad(demo_round: Path):
    source = CORPUS / "reviewers-libreoffice.ods"
    refused = run_cli("reviewers", demo_round, "import", source)
    assert refused.returncode == 1 and "第 6 行" in refused.stderr
    assert "--skip-bad" in refused.stderr
    done = run_cli("reviewers", demo_round, "import", source, "--skip-bad")
    assert done.returncode == 1 and "已导入 4 位评审专家" in done.stdout
    assert "未导入第 6 行" in done.stderr
    with RoundStore.open(demo_round) as store:
        names = {r.name for r in store.reviewers()}
    assert {"李四", "王建国", "赵强", "周明"} <= names and "李四研究员中国农业大学" not in names


def test_an_exported_roster_imports_back_unchanged(demo_round: Path, tmp_path: Path):
    out = tmp_path / "名单.xlsx"
    assert run_cli("roster", demo_round, "add", "新材料产业技术创新战略联盟", "--batch", "2",
                   "--short", "新材料联盟").returncode == 0  # fmt: skip
    assert run_cli("roster-export", demo_round, out).returncode == 0
    again = run_cli("roster-import", demo_round, out, "--update", "--dry-run")
    assert again.returncode == 0, again.stderr
    assert "不变 147 家；有变动 0 家；新增 0 家；名单中没有的试点联盟 0 家" in again.stdout
