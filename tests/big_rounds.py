"""Large synthetic rounds for the tests that watch the window stay responsive.

``returned_files``: a round of 30 reviewers and their 30 sealed reviewer files, every
assigned alliance scored on 16 indicators (as ``bench/bench_merge.py`` builds them, at a
size a test can afford). ``ranked_round``: a round of 10,000 scored alliances, for the
appendix and the statistics.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.services.reviewer_files import issue_reviewer_files
from alliance_review.storage.db import atomic
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import building_round

WORDS = ("新材料", "智能制造", "现代农业", "生物医药", "节能环保", "海洋装备", "集成电路")


def rubric(per_category: int = 4) -> Rubric:
    """Four categories of ``per_category`` indicators, 100 points in all."""
    count = 4 * per_category
    base, extra = divmod(100, count)
    maxima = [base + (1 if n < extra else 0) for n in range(count)]
    categories = []
    for c in range(4):
        indicators = tuple(
            Indicator(
                f"{c + 1}.{i + 1}",
                f"指标{c + 1}.{i + 1}",
                "",
                Fraction(maxima[c * per_category + i]),
            )
            for i in range(per_category)
        )
        categories.append(Category(str(c + 1), f"一级指标{c + 1}", indicators))
    return Rubric(tuple(categories))


def alliance_name(rng: random.Random, n: int) -> str:
    words = "".join(rng.choices(WORDS, k=rng.choice((1, 2, 2, 3))))
    return f"{n:05d}{words}产业技术创新战略联盟"


def returned_files(
    folder: Path, reviewers: int = 30, per_reviewer: int = 60, per_alliance: int = 3
) -> tuple[Path, list[Path]]:
    """A round and its reviewers' sealed files, every assignment fully scored."""
    rng = random.Random(30)
    count = reviewers * per_reviewer // per_alliance
    round_path = folder / "round.sqlite"
    alliances = [Alliance(f"a{n:05d}", alliance_name(rng, n), n) for n in range(count)]
    people = [Reviewer(f"r{n:02d}", f"评审专家{n:02d}") for n in range(reviewers)]
    step = reviewers // per_alliance
    assignment = {
        a.uid: [f"r{(n + k * step) % reviewers:02d}" for k in range(per_alliance)]
        for n, a in enumerate(alliances)
    }
    with building_round(round_path) as store:
        store.write_settings(RoundSettings(uid="big-round", title="大轮次", year=2016))
        store.write_rubric(rubric())
        store.add_alliances(alliances)
        store.add_reviewers(people)
        store.set_assignments(assignment)
    issued, returned = folder / "issued", folder / "returned"
    issued.mkdir()
    returned.mkdir()
    sealed = []
    for path in issue_reviewer_files(round_path, issued):
        with ReviewerStore.open(path) as file:
            codes = [(i.code, int(i.max_points)) for i in file.rubric().indicators()]
            rows = [
                (a.uid, code, rng.randint(0, top) * 100, f"评分依据 {code}")
                for a in file.alliances()
                for code, top in codes
            ]
            with atomic(file.conn):  # one transaction: not one disk sync per score
                file.conn.executemany(
                    "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
                    " VALUES (?, ?, ?, ?)",
                    rows,
                )
            target = returned / path.name
            file.seal(target)
            sealed.append(target)
    return round_path, sealed


def ranked_round(path: Path, count: int = 10_000) -> Path:
    """A round of ``count`` alliances, each scored by one reviewer on four indicators."""
    rng = random.Random(10_000)
    alliances = [Alliance(f"a{n:05d}", alliance_name(rng, n), n) for n in range(count)]
    for n, a in enumerate(alliances):
        alliances[n] = Alliance(a.uid, a.name, a.position, ("第一批", "第二批", "第三批")[n % 3])
    the_rubric = rubric(per_category=1)
    with building_round(path) as store:
        store.write_settings(RoundSettings(uid="ten-thousand", title="万家联盟", year=2030))
        store.write_rubric(the_rubric)
        store.add_alliances(alliances)
        store.add_reviewers([Reviewer("r0", "评审专家")])
        store.set_assignments({a.uid: ["r0"] for a in alliances})
        codes = [(i.code, int(i.max_points)) for i in the_rubric.indicators()]
        with atomic(store.conn):
            store.conn.executemany(
                "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi,"
                " note) VALUES ('r0', ?, ?, ?, '')",
                [
                    (a.uid, code, rng.randint(top // 3, top) * 100)
                    for a in alliances
                    for code, top in codes
                ],
            )
    return path
