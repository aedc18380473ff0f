"""Synthetic rounds for the benchmarks: 1,000 / 10,000 / 50,000 alliances, 60 reviewers.

The 125-alliance size is the demo round itself (``services.demo.build_demo``). Larger
rounds are written straight into a round file, seeded, so every run measures the same
data, and shaped like a real round: the real 2015 rubric (18 indicators, 4 categories,
half-point steps on some, evidence items), 3 reviewers per alliance, every score on its
indicator's step with an evidence note of the demo's kind (30-35 characters on average),
the reviewers' ticks of evidence items, and some panel decisions (about 1 alliance in
100 has an indicator decided, 1 in 300 its total), each with a rationale and an audit
entry, as the panel's own edits leave them. Some reviewers are lenient and some harsh,
so totals spread over every tier and ties occur. ``tests/test_bench_equivalence.py``
checks these properties on a small generated round.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.services.demo_notes import EVIDENCE
from alliance_review.services.resources import default_rubric
from alliance_review.storage.db import atomic
from alliance_review.storage.round_store import building_round

BATCHES = ("第一批", "第二批", "第三批", None)
WORDS = ("新材料", "智能制造", "现代农业", "生物医药", "节能环保", "海洋装备", "集成电路", "煤化工")
ENDINGS = ("酌情扣分", "按标准扣分", "扣")
RATIONALES = (
    "工作小组复核佐证材料后认定，评审专家意见分歧较大，以复核结果为准。",
    "补充材料证明该项工作已完成，经工作小组讨论按复核分计。",
    "评审专家之间相差超过阈值，工作小组逐项核对后决定。",
)


def alliance_name(n: int, rng: random.Random) -> str:
    return (
        f"{n:05d}"
        + "".join(rng.choices(WORDS, k=rng.choice((1, 2, 2, 3, 5))))
        + "产业技术创新战略联盟"
    )


def note(code: str, centi: int, top_centi: int, rng: random.Random) -> str:
    """An evidence note as a reviewer writes one (the demo's sentences, 30-35 chars)."""
    good, short = EVIDENCE.get(code, ("材料齐全", "材料不足"))
    if centi >= top_centi:
        return f"{good}，符合评分标准，佐证材料齐全。"
    if centi == 0:
        return f"自评价表未提供相关材料，{short}。"
    lost = Fraction(top_centi - centi, 100)
    shown = str(lost.numerator) if lost.denominator == 1 else f"{float(lost):g}"
    return f"{good}；但{short}，{rng.choice(ENDINGS)}{shown}分。"


def build_round(
    path: Path,
    alliances: int,
    reviewers: int = 60,
    per_alliance: int = 3,
    seed: int = 14,
    method: str = "mean",
    decisions: bool = True,
    scored: bool = True,
) -> Path:
    """Write a scored round of the given size to ``path``; returns ``path``. Unscored
    (``scored=False``): the same round (roster, panel, assignment) before any score."""
    rng = random.Random(seed)
    rubric = default_rubric()
    roster = [
        Alliance(f"a{n:05d}", alliance_name(n, rng), n, BATCHES[n % len(BATCHES)])
        for n in range(alliances)
    ]
    panel = [
        Reviewer(f"r{n:02d}", f"评审专家{n:02d}", frozenset({roster[n % alliances].uid}))
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
    indicators = [
        (i.code, int(i.max_points * 100), int(i.step * 100), [item.key for item in i.items])
        for i in rubric.indicators()
    ]
    settings = RoundSettings(
        uid=f"bench-{alliances}", title=f"基准测试 {alliances}", year=2030, consensus_method=method
    )
    with building_round(path) as store:
        store.write_settings(settings)
        store.write_rubric(rubric)
        store.add_alliances(roster)
        store.add_reviewers(panel)
        store.set_assignments(assignment)
        scores, ticks = [], []
        for alliance in roster if scored else ():
            level = rng.uniform(0.3, 1.0)
            for reviewer_uid in assignment[alliance.uid]:
                bias = leniency[int(reviewer_uid[1:])]
                for code, top, step, keys in indicators:
                    share = min(1.0, max(0.0, level + bias + rng.uniform(-0.15, 0.15)))
                    centi = round(top * share / step) * step
                    scores.append(
                        (reviewer_uid, alliance.uid, code, centi, note(code, centi, top, rng))
                    )
                    ticks += [
                        (reviewer_uid, alliance.uid, code, key)
                        for key in keys
                        if rng.random() < share
                    ]
        with atomic(store.conn):
            store.conn.executemany(
                "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi,"
                " note) VALUES (?, ?, ?, ?, ?)",
                scores,
            )
            store.conn.executemany(
                "INSERT INTO item_tick (reviewer_uid, alliance_uid, indicator_code, key)"
                " VALUES (?, ?, ?, ?)",
                ticks,
            )
        if decisions:
            decide(store, roster, indicators, rng)
    return path


def decide(store, roster, indicators, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """Panel decisions as the panel records them (decision, its log, an audit entry):
    an indicator of about 1 alliance in 100, the total of about 1 in 300."""
    at = "2030-12-01T10:00:00+08:00"
    with atomic(store.conn):
        for alliance in roster:
            draw = rng.random()
            if draw < 0.01:
                code, top, step, _ = rng.choice(indicators)
                centi = rng.randrange(0, top + 1, step)
                store.put_decision(alliance.uid, code, centi, rng.choice(RATIONALES), at)
            elif draw < 0.01 + 1 / 300:
                centi = rng.randrange(4000, 10001, 50)
                store.put_decision(alliance.uid, "", centi, rng.choice(RATIONALES), at)


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


def upgrade_cached(path: str) -> float:
    """Open a cached round once, so a round written before a schema step is upgraded
    here (with its backup), not in the middle of a measurement."""
    from alliance_review.storage.round_store import RoundStore

    RoundStore.open(path).close()
    return 0.0
