"""Roster: near-duplicate names, import with a mapping and a problem report, export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from alliance_review.core.errors import UserError
from alliance_review.core.roster import BATCHES, Alliance
from alliance_review.core.roster_checks import (
    RosterEntry,
    check_roster,
    name_key,
    near_duplicates,
    parse_batch,
)
from alliance_review.services import roster, roster_io, roster_update
from alliance_review.storage.round_store import RoundStore

from .conftest import run_cli


def test_names_differing_in_spacing_width_or_brackets_are_near_duplicates():
    assert name_key("TD 产业技术创新战略联盟") == name_key("TD产业技术创新战略联盟")
    assert name_key("数字音视频编解码（AVS）产业技术创新战略联盟") == name_key(
        "数字音视频编解码(AVS)产业技术创新战略联盟"
    )
    assert name_key("ＴＤ产业") == name_key("td产业")
    assert name_key("化纤产业技术创新战略联盟") != name_key("化纤产业技术创新联盟")
    roster_rows = [
        Alliance("a", "数字音视频编解码（AVS）产业技术创新战略联盟", 0),
        Alliance("b", "数字音视频编解码(AVS)产业技术创新战略联盟", 1),
        Alliance("c", "住宅产业技术创新战略联盟", 2),
    ]
    assert set(near_duplicates(roster_rows)) == {"a", "b"}


def test_batches_are_read_in_the_ways_secretaries_type_them():
    assert parse_batch("第一批") == "第一批"
    assert parse_batch(" 2 ") == "第二批"
    assert parse_batch("三") == "第三批"
    assert parse_batch("3.0") == "第三批"
    assert parse_batch("") is None and parse_batch("批次不详") is None
    with pytest.raises(ValueError):
        parse_batch("第四批")  # not one of the round's batches (the default three)
    assert parse_batch("第四批", ["第一批", "第二批", "第三批", "第四批"]) == "第四批"
    assert parse_batch("Ⅱ") == parse_batch("二批") == parse_batch("第二批次") == "第二批"
    assert parse_batch("首批") == parse_batch("1批") == "第一批"
    assert parse_batch("第三批（2012年）") == "第三批"


def test_the_check_reports_every_kind_of_problem_with_its_row():
    entries = [
        RosterEntry(2, "甲联盟", "第一批"),
        RosterEntry(3, "  ", "第一批"),
        RosterEntry(4, "甲联盟", ""),
        RosterEntry(5, "乙 联盟", "甲类"),
        RosterEntry(6, "乙联盟", ""),
        RosterEntry(7, "丙联盟", ""),
    ]
    problems = check_roster(entries, [Alliance("x", "丙联盟", 0)])
    found = {(p.row, p.kind, p.blocking) for p in problems}
    assert found == {
        (3, "blank", True),
        (4, "duplicate", True),
        (5, "unknown_batch", True),
        (6, "near_duplicate", False),
        (7, "exists", True),
    }
    assert any("第 2 行" in p.zh for p in problems if p.row == 4)


def write_roster_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_import_previews_problems_then_writes_only_clean_rows(demo_round: Path, tmp_path: Path):
    source = write_roster_xlsx(
        tmp_path / "名单.xlsx",
        [
            ["联系人", "名称", "试点批次"],
            ["王五", "新材料产业技术创新战略联盟", 1],
            ["", "", "第二批"],
            ["赵六", "TD产业技术创新战略联盟", ""],
            ["", "新材料产业技术创新战略联盟", ""],
            [None, None, None],
            ["", "海洋装备产业技术创新战略联盟", "第七批"],
        ],
    )
    table = roster_io.read_table(source)
    mapping = roster_io.guess_mapping(table.header)
    assert mapping == {
        "name": 1,
        "batch": 2,
        "contact": 0,
        "phone": None,
        "short_name": None,
        "remark": None,
    }
    with RoundStore.open(demo_round) as store:
        plan = roster_io.plan_import(table, mapping, batches=store.batch_names())
        kinds = {(p.row, p.kind) for p in plan.problems}
        assert kinds == {
            (2, "batch_spelling"),  # "1" is stored as 第一批, and said
            (3, "blank"),
            (4, "no_batch"),  # a blank batch where others are given is said, not silent
            (5, "duplicate"),
            (5, "no_batch"),
            (7, "new_batch"),  # a later batch is offered, not refused
        }
        assert [(a.name, a.batch, a.contact) for a in plan.listed()] == [
            ("新材料产业技术创新战略联盟", "第一批", "王五"),
            ("TD产业技术创新战略联盟", None, "赵六"),
            ("海洋装备产业技术创新战略联盟", "第七批", ""),
        ]
        # "TD产业…" is the demo's "TD 产业…" (spacing folded): the same alliance, whose
        # spelling and contact the list changes (an import that adds leaves them); the
        # others are new
        comparison = roster_update.compare_plan(store, plan)
        assert [(c.before.name, c.after.name, c.fields) for c in comparison.changed] == [
            ("TD 产业技术创新战略联盟", "TD产业技术创新战略联盟", ("name", "contact"))
        ]
        assert [i.name for i in comparison.new] == [
            "新材料产业技术创新战略联盟",
            "海洋装备产业技术创新战略联盟",
        ]
        assert store.conn.execute("SELECT count(*) FROM alliance").fetchone()[0] == 146
        done = roster_update.apply(store, plan, comparison, roster_update.ADD_ONLY)
        names = [(a.name, a.batch) for a in store.alliances()]
        assert names[-2:] == [
            ("新材料产业技术创新战略联盟", "第一批"),
            ("海洋装备产业技术创新战略联盟", "第七批"),
        ]
        assert store.batch_names()[-1] == "第七批"
        roster_update.undo(store, done)
        assert len(store.alliances()) == 146 and store.batch_names() == list(BATCHES)


def test_new_round_refuses_a_roster_with_problems_and_writes_nothing(tmp_path: Path):
    from alliance_review.services.setup import new_round_from_files

    source = tmp_path / "roster.csv"
    source.write_text("联盟名称,批次\n甲联盟,第一批\n甲联盟,第二批\n", encoding="utf-8")
    out = tmp_path / "new.sqlite"
    with pytest.raises(UserError) as refused:
        new_round_from_files(out, "2016", 2016, roster_file=source)
    assert "第 3 行" in str(refused.value)
    assert not out.exists() and not list(tmp_path.glob("new.sqlite*"))


def test_a_formula_excel_never_calculated_is_reported_with_its_cell_not_as_a_blank_name(
    tmp_path: Path,
):
    # openpyxl (and other programs) write formulas without a cached value; read back,
    # such a cell has no value at all.  That is not a blank name: say which cell it is.
    source = write_roster_xlsx(
        tmp_path / "公式.xlsx",
        [
            ["联盟名称", "批次"],
            ["甲联盟", "第一批"],
            ['=CONCATENATE("乙","联盟")', "第二批"],
            ["丙联盟", "=B2"],
            ["", ""],
        ],
    )
    table = roster_io.read_table(source)
    plan = roster_io.plan_import(table, roster_io.guess_mapping(table.header))
    found = {(p.row, p.kind): p for p in plan.problems}
    assert set(found) == {(3, "formula"), (4, "formula"), (4, "no_batch")}
    assert "A3" in found[(3, "formula")].zh and "A3" in found[(3, "formula")].en
    assert "B4" in found[(4, "formula")].zh
    assert roster_io.plan_rows(plan) == [("甲联盟", "第一批", "")]

    out = tmp_path / "new.sqlite"
    refused = run_cli("new-round", out, "--title", "t", "--year", "2016", "--roster", source)
    assert refused.returncode == 1
    assert "A3" in refused.stderr and "B4" in refused.stderr  # every problem, not the first
    assert "Traceback" not in refused.stderr
    assert not out.exists()


def test_export_writes_names_starting_with_formula_signs_as_text(tmp_path: Path):
    alliances = [
        Alliance("a", "=SUM(1,2)联盟", 0, "第一批", "+86 10 1234"),
        Alliance("b", "-减排联盟", 1),
        Alliance("c", "@联盟", 2),
        Alliance("d", "TD 产业技术创新战略联盟", 3, "第二批"),
    ]
    path = roster_io.export_roster(alliances, tmp_path / "roster.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert [sheet.cell(r, 2).value for r in range(2, 6)] == [a.name for a in alliances]
    assert all(sheet.cell(r, 2).data_type == "s" for r in range(2, 6))
    assert sheet.cell(2, 4).value == "+86 10 1234" and sheet.cell(2, 4).data_type == "s"
    table = roster_io.read_table(path)
    plan = roster_io.plan_import(table, roster_io.guess_mapping(table.header))
    assert plan.problems == []
    assert [e.name for e in plan.entries] == [a.name for a in alliances]


def test_editing_refuses_duplicates_and_unknown_batches(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        first, second = store.alliances()[:2]
        with pytest.raises(UserError, match="已在名单中"):
            roster.update_alliance(store, Alliance(second.uid, first.name, second.position))
        with pytest.raises(UserError, match="本轮次没有批次「第五批」"):
            roster.add_alliance(store, "新联盟", batch="第五批")
        added = roster.add_alliance(store, " 新  联盟 ", batch="2", position=0)
        # spaces between Chinese characters go, as the imports store names
        assert store.alliances()[0].name == "新联盟" and added.batch == "第二批"
        with pytest.raises(UserError, match="已有 54 条评分"):
            roster.remove_alliance(store, first.uid)
        removed = roster.remove_alliance(store, added.uid)
        assert store.alliances()[0].uid == first.uid
        roster.restore_alliance(store, removed)
        assert store.alliances()[0].uid == added.uid
