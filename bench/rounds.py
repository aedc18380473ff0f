"""Synthetic rounds for the benchmarks: 1,000 or 10,000 alliances, 60 reviewers, 20 indicators.

The 125-alliance size is the demo round itself (``services.demo.build_demo``). Larger
rounds are written straight into a round file (settings, rubric, roster, reviewers,
assignments, scores with notes), seeded, so every run measures the same data. Scores are
integer points within each indicator's max with some reviewers lenient and some harsh, so
totals spread over every tier and ties occur.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.storage.db import atomic
from alliance_review.storage.round_store import building_round

BATCHES = ("第一批", "第二批", "第三批", None)
WORDS = ("新材料", "智能制造", "现代农业", "生物医药", "节能环保", "海洋装备", "集成电路", "煤化工")


def rubric_of(indicators: int = 20) -> Rubric:
    """``indicators`` indicators in 4 categories whose max points sum to 100."""
    per_category = indicators // 4
    maxima = [100 // indicators + (1 if n < 100 % indicators else 0) for n in range(indicators)]
    categories = []
    for c in range(4):
        items = tuple(
            Indicator(
                f"{c + 1}.{i + 1}",
                f"二级指标{c + 1}.{i + 1}",
                "评分依据和标准",
                Fraction(maxima[c * per_category + i]),
            )
            for i in range(per_category)
        )
        categories.append(Category(str(c + 1), f"一级指标{c + 1}", items))
    return Rubric(tuple(categories))


def alliance_name(n: int, rng: random.Random) -> str:
    return (
        f"{n:05d}"
        + "".join(rng.choices(WORDS, k=rng.choice((1, 2, 2, 3, 5))))
        + "产业技术创新战略联盟"
    )


def build_round(
    path: Path,
    alliances: int,
    reviewers: int = 60,
    indicators: int = 20,
    per_alliance: int = 3,
    seed: int = 14,
) -> Path:
    """Write a scored round of the given size to ``path``; returns ``path``."""
    rng = random.Random(seed)
    rubric = rubric_of(indicators)
    roster = [
        Alliance(f"a{n:05d}", alliance_name(n, rng), n, BATCHES[n % len(BATCHES)])
        for n in range(alliances)
    ]
    panel = [
        Reviewer(f"r{n:02d}", f"评审专家{n:02d}", frozenset({roster[n].uid}))
        for n in range(reviewers)
    ]
    assignment = {
        a.uid: [
            f"r{(n + 1 + k * (reviewers // per_alliance)) % reviewers:02d}"
            for k in range(per_alliance)
        ]
        for n, a in enumerate(roster)
    }
    leniency = [rng.uniform(-0.08, 0.08) for _ in range(reviewers)]
    maxima = [(i.code, int(i.max_points)) for i in rubric.indicators()]
    settings = RoundSettings(uid=f"bench-{alliances}", title=f"基准测试 {alliances}", year=2030)
    with building_round(path) as store:
        store.write_settings(settings)
        store.write_rubric(rubric)
        store.add_alliances(roster)
        store.add_reviewers(panel)
        store.set_assignments(assignment)
        rows = []
        for alliance in roster:
            level = rng.uniform(0.3, 1.0)
            for reviewer_uid in assignment[alliance.uid]:
                bias = leniency[int(reviewer_uid[1:])]
                for code, top in maxima:
                    share = min(1.0, max(0.0, level + bias + rng.uniform(-0.15, 0.15)))
                    rows.append(
                        (reviewer_uid, alliance.uid, code, round(top * share) * 100, f"依据{code}")
                    )
        with atomic(store.conn):
            store.conn.executemany(
                "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi,"
                " note) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
    return path


def build_cached(path: str, alliances: int) -> float:
    """``build_round`` into a temporary name, renamed into place when complete."""
    target = Path(path)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    build_round(partial, alliances)
    partial.replace(target)
    return 0.0


def build_demo_cached(path: str) -> float:
    from alliance_review.services.demo import build_demo

    build_demo(path)
    return 0.0
