"""The demo round must reproduce the published 2015 appendix exactly."""

from __future__ import annotations

import csv
import sqlite3
from collections import Counter
from pathlib import Path

from alliance_review.core.assignment import loads
from alliance_review.services.demo import WORKING_GROUP, build_demo
from alliance_review.services.results import ranking_of
from alliance_review.storage.round_store import RoundStore

from .conftest import PUBLISHED


def published() -> list[dict[str, str]]:
    with PUBLISHED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_demo_ranking_equals_the_published_appendix(demo_round_master: Path):
    ranking = ranking_of(demo_round_master).ranking
    expected = published()
    assert len(ranking) == len(expected) == 125
    assert [(str(r.seq), r.alliance.name, str(r.printed_score), r.tier.name) for r in ranking] == [
        (p["seq"], p["name"], p["score"], p["published_tier"]) for p in expected
    ]
    counts = Counter(r.tier.name for r in ranking)
    assert [counts[t] for t in ("活跃度高", "活跃度较高", "活跃度一般", "活跃度较差")] == [
        56,
        34,
        18,
        17,
    ]
    assert sum(1 for r in ranking if r.printed_score == 100) == 6
    assert min(r.printed_score for r in ranking) == 39


def test_demo_has_14_working_group_reviewers_3_per_alliance_none_on_their_own(
    demo_round_master: Path,
):
    with RoundStore.open(demo_round_master) as store:
        reviewers = store.reviewers()
        assignment = store.assignments()
        alliances = {a.uid: a for a in store.alliances()}
        scores = store.scores()
        rubric = store.rubric()
        description = store.settings().description
    assert [r.name for r in reviewers] == [f"{short}联盟秘书长" for short, _ in WORKING_GROUP]
    assert all(len(v) == 3 for v in assignment.values()) and len(assignment) == 125
    for reviewer in reviewers:
        (own,) = reviewer.own_alliances
        assert reviewer.uid not in assignment[own]
    counts = loads(assignment).values()
    assert max(counts) - min(counts) <= 1
    indicators = len(list(rubric.indicators()))
    assert len(scores) == 125 * 3 * indicators
    assert all(s.note for s in scores)
    assert "虚构" in description
    # every pilot has a batch: the six the report names, the rest a synthetic assignment
    assert {a.batch for a in alliances.values()} == {"第一批", "第二批", "第三批"}
    assert len(alliances) == 146 and len(set(alliances) - set(assignment)) == 21


def test_demo_is_reproducible_from_its_seed(tmp_path: Path):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_demo(first)
    build_demo(second)

    def content(path: Path) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT reviewer_uid, alliance_uid, indicator_code, points_centi, note FROM score"
            " ORDER BY 1, 2, 3"
        ).fetchall()
        conn.close()
        return rows

    assert content(first) == content(second)
