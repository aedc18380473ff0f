"""A small synthetic 2014 round: last year's round the 2015 demo compares itself with.

The 2015 report gives only a few facts about 2014: 116 alliances took part, the tier
shares were 31 / 32 / 25 / 12 % (the 2015 text's changes, +14 / -5 / -11 / +2 points,
imply them), and 半导体照明 had full marks in both years. This round holds 116 of the
2015 participants with tier counts 36 / 37 / 29 / 14 (the shares 31 / 32 / 25 / 12 by
the largest-remainder rule) and three full marks: 半导体照明 and two alliances that
are not at full marks in 2015, so exactly one alliance has full marks two years
running. Everything else about it is invented; one reviewer scores every alliance,
written straight into the round (no reviewer files), so it takes a moment to build.
"""

from __future__ import annotations

import random
import uuid
from fractions import Fraction
from pathlib import Path

from alliance_review.core.ranking import DEFAULT_TIERS
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import Score
from alliance_review.services import resources
from alliance_review.services.demo_scores import split_over_indicators
from alliance_review.storage.round_store import building_round

SEED = 2014
TIER_COUNTS = (36, 37, 29, 14)
# the lowest total each tier's synthetic scores are drawn from, and the highest
TIER_RANGES = ((86, 99), (75, 85), (65, 74), (40, 64))
TWO_YEARS = "半导体照明产业技术创新战略联盟"
LEFT_OUT = 9  # 2015 had 9 more participants


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_previous_demo(out: Path | str, seed: int = SEED) -> Path:
    """Write the synthetic 2014 demo round to ``out`` (built beside it, moved in whole)."""
    rng = random.Random(seed)
    published = resources.published_appendix_2015()
    pilots = {row["name"]: row["batch"] for row in resources.pilots_2015()}
    full_2015 = {row["name"] for row in published if row["score"] == "100"}
    names = [row["name"] for row in published]
    keep = [n for n in names if n != TWO_YEARS]
    rng.shuffle(keep)
    chosen = [TWO_YEARS, *keep[: len(names) - LEFT_OUT - 1]]
    # full marks in 2014: 半导体照明 and two alliances without full marks in 2015
    others = [n for n in chosen if n not in full_2015][:2]
    order = [TWO_YEARS, *others, *[n for n in chosen if n != TWO_YEARS and n not in others]]
    totals: dict[str, int] = {}
    position = 0
    for tier_index, count in enumerate(TIER_COUNTS):
        low, high = TIER_RANGES[tier_index]
        for _ in range(count):
            name = order[position]
            totals[name] = 100 if position < 3 else rng.randint(low, high)
            position += 1
    alliances = [
        Alliance(_uid(rng), name, pos, pilots.get(name) or None)
        for pos, name in enumerate(sorted(chosen, key=names.index))
    ]
    reviewer = Reviewer(_uid(rng), "2014年度评价工作小组（演示）")
    rubric = resources.default_rubric()
    indicators = list(rubric.indicators())
    maxima = [int(i.max_points) for i in indicators]
    scores: list[Score] = []
    for alliance in alliances:
        points = split_over_indicators(totals[alliance.name], maxima, rng)
        scores.extend(
            Score(reviewer.uid, alliance.uid, indicator.code, Fraction(value), "演示数据")
            for indicator, value in zip(indicators, points, strict=True)
        )
    settings = RoundSettings(
        uid=_uid(rng),
        title="2014年度产业技术创新战略联盟活跃度评价（演示）",
        year=2014,
        period="2014年1月1日至12月31日",
        description=(
            "演示用的上年轮次：仅参评家数（116 家）、各档占比（31%、32%、25%、12%）与"
            "“半导体照明联盟连续两年满分”取自 2015 年度报告的叙述，其余名单、评分均为"
            "程序按固定种子生成的虚构数据，仅用于演示 2015 年度与上年的比较。"
        ),
        tiers=DEFAULT_TIERS,
    )
    with building_round(out) as store:
        store.write_settings(settings)
        store.write_rubric(rubric)
        store.add_alliances(alliances)
        store.add_reviewers([reviewer])
        store.set_assignments({a.uid: [reviewer.uid] for a in alliances})
        store.put_scores(scores)
    return Path(out)
