"""Rubric edits: refused when they would invalidate stored scores; settings checked."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import RubricError, UserError
from alliance_review.core.rubric import Category, Rubric
from alliance_review.services import setup
from alliance_review.services.resources import default_rubric
from alliance_review.storage.round_store import RoundStore


def with_indicator(rubric: Rubric, target: str, **changes) -> Rubric:
    return Rubric(
        tuple(
            Category(
                c.code,
                c.name,
                tuple(replace(i, **changes) if i.code == target else i for i in c.indicators),
            )
            for c in rubric.categories
        ),
        rubric.note,
    )


def without_indicator(rubric: Rubric, code: str) -> Rubric:
    return Rubric(
        tuple(
            Category(c.code, c.name, tuple(i for i in c.indicators if i.code != code))
            for c in rubric.categories
        )
    )


def test_a_scored_rubric_refuses_edits_that_break_scores_and_keeps_the_rest(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        assert setup.rubric_is_locked(store)
        rubric = store.rubric()
        top = max(s.points for s in store.scores() if s.indicator_code == "2.2")
        with pytest.raises(RubricError) as refused:
            setup.set_rubric(store, with_indicator(rubric, "2.2", max_points=top - 1))
        assert "2.2" in str(refused.value) and "满分不能低于" in str(refused.value)
        with pytest.raises(RubricError, match="不能删除"):
            setup.set_rubric(store, without_indicator(rubric, "4.4"))
        with pytest.raises(RubricError, match="不能改计分档"):
            setup.set_rubric(store, with_indicator(rubric, "2.2", step=Fraction(4)))
        assert store.rubric() == rubric  # nothing written

        # accepted: a wording change, a higher max, a finer step, a renamed code
        edited = with_indicator(rubric, "1.1", name="年度工作总结与计划", step=Fraction(1, 2))
        edited = with_indicator(edited, "2.2", max_points=Fraction(13), code="2.2a")
        setup.set_rubric(store, edited, renames={"2.2": "2.2a"})
        stored = store.rubric()
        assert stored.indicator("1.1").name == "年度工作总结与计划"
        assert stored.indicator("2.2a").max_points == 13
        assert any(s.indicator_code == "2.2a" for s in store.scores())  # scores followed
        assert "应为 100 分" in " ".join(stored.problems())  # shown, not refused


def test_an_unscored_rubric_takes_any_well_formed_change(tmp_path: Path):
    out = setup.new_round(tmp_path / "r.sqlite", "2016年度", 2016)
    with RoundStore.open(out) as store:
        assert not setup.rubric_is_locked(store)
        rubric = store.rubric()
        setup.set_rubric(store, without_indicator(rubric, "4.4"))
        assert [i.code for i in store.rubric().indicators()][-1] == "4.3"
        with pytest.raises(RubricError, match="重复"):
            setup.set_rubric(store, with_indicator(store.rubric(), "4.3", code="4.2"))
        with pytest.raises(RubricError, match="整数倍"):
            setup.set_rubric(store, with_indicator(store.rubric(), "4.3", step=Fraction(3)))


def test_rubric_export_and_import_round_trip(demo_round: Path, tmp_path: Path):
    with RoundStore.open(demo_round) as store:
        path = setup.export_rubric(store, tmp_path / "rubric.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["format"] == "alliance-review-rubric"
        assert data["categories"][0]["indicators"][0]["name"].startswith("按年度编写")
        assert setup.import_rubric(store, path) == store.rubric()
        assert store.rubric().categories == default_rubric().categories


def test_settings_are_checked_before_they_are_written(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        with pytest.raises(UserError, match="标题"):
            setup.update_settings(store, title="  ")
        with pytest.raises(UserError):
            setup.update_settings(store, tiers=setup.tiers_from_text([("高", "80"), ("低", "90")]))
        before = setup.update_settings(
            store,
            reviewers_per_alliance=4,
            rounding="half_even",
            tie_rule="name",
            period="2016年全年",
            tiers=setup.tiers_from_text([("优", "85"), ("良", "70"), ("差", "")]),
        )
        assert before.reviewers_per_alliance == 3
        now = store.settings()
        assert (now.reviewers_per_alliance, now.rounding, now.tie_rule) == (4, "half_even", "name")
        assert [t.name for t in now.tiers] == ["优", "良", "差"]


def test_a_new_round_from_last_year_copies_set_up_but_no_scores(demo_round: Path, tmp_path: Path):
    out = setup.new_round(
        tmp_path / "2016.sqlite", "2016年度评价", 2016, period="2016年", from_round=demo_round
    )
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one whole file
    conn.close()
    with RoundStore.open(demo_round) as last, RoundStore.open(out) as new:
        assert new.settings().uid != last.settings().uid
        assert new.settings().title == "2016年度评价" and new.settings().year == 2016
        assert new.settings().tiers == last.settings().tiers
        assert new.rubric() == last.rubric()
        assert new.alliances() == last.alliances()
        assert new.reviewers() == last.reviewers()
        assert new.assignments() == {} and new.scores() == [] and new.self_scores() == {}
    with pytest.raises(UserError, match="已存在"):
        setup.new_round(out, "x", 2016)


def test_a_round_locked_as_final_refuses_every_set_up_edit(demo_round: Path, tmp_path: Path):
    from alliance_review.services import assigning, roster, selfeval
    from alliance_review.services.panel import set_locked

    with RoundStore.open(demo_round) as store:
        alliances = store.alliances()
        paths = selfeval.write_workbooks(store, tmp_path / "wb", [alliances[0].uid])
        set_locked(store, True)
        rubric = store.rubric()
        reviewers, assignment = store.reviewers(), store.assignments()
        attempts = [
            # issuing records each workbook's token: a write, refused too
            lambda: selfeval.write_workbooks(store, tmp_path / "wb2", [alliances[0].uid]),
            lambda: setup.update_settings(store, title="改"),
            lambda: setup.set_rubric(store, with_indicator(rubric, "1.1", name="改")),
            lambda: roster.add_alliance(store, "新联盟"),
            lambda: roster.update_alliance(store, replace(alliances[0], name="改")),
            lambda: roster.add_reviewer(store, "新专家"),
            lambda: assigning.auto_assign(store, seed=3),
            lambda: selfeval.apply_workbooks(store, selfeval.read_workbooks(store, paths)),
        ]
        for attempt in attempts:
            with pytest.raises(UserError, match="已锁定"):
                attempt()
        assert store.rubric() == rubric and store.alliances() == alliances
        assert store.reviewers() == reviewers and store.assignments() == assignment
        assert store.settings().title.startswith("2015")
