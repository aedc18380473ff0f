"""Rounds for the report tests: a three-year programme (2014 → 2015 → 2016, each year made
``new-round --from`` the year before) and small random rounds.

Scores and ticks follow a hidden "activity" per alliance, so tiers and evidence items
correlate as in a real year, and two-item indicators are done by different alliances
(the joint count differs from each item's). Rounds are written through the store the
way the app writes them: set-up, participation, assignments, scores, ticks, imported
self-evaluations, panel decisions, the lock.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from alliance_review.core.assignment import assign
from alliance_review.core.ranking import DEFAULT_TIERS, TierBand
from alliance_review.core.roster import BATCHES, Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import Score
from alliance_review.services import resources
from alliance_review.services.panel import set_locked
from alliance_review.services.setup import new_round
from alliance_review.storage.round_store import RoundStore, building_round

REASONS = ("联系不畅", "不愿提供", "延误提交")


@dataclass
class Plan:
    """What one round holds; ``activity`` per alliance on the roster in [0, 1]."""

    year: int
    activity: list[float]
    absent: dict[int, str] = field(default_factory=dict)  # roster index -> reason
    reviewers: int = 6
    per_alliance: int = 3
    decisions: int = 0  # alliances given a decision (an indicator or the total)
    item_decisions: int = 0
    selfeval: int = 0  # alliances whose self-evaluation is imported
    lock: bool = False
    tiers: tuple[TierBand, ...] = DEFAULT_TIERS
    consensus_method: str = "mean"
    seed: int = 0


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build(path: Path, plan: Plan, from_round: Path | None = None) -> Path:
    rng = random.Random(plan.seed)
    if from_round is None:
        alliances = [
            Alliance(_uid(rng), f"试验{n:03d}产业技术创新战略联盟", n, rng.choice([*BATCHES, None]))
            for n in range(len(plan.activity))
        ]
        reviewers = [
            Reviewer(_uid(rng), f"评审专家{chr(0x7532 + n)}") for n in range(plan.reviewers)
        ]
        with building_round(path) as store:
            store.write_settings(
                RoundSettings(
                    uid=_uid(rng),
                    title=f"{plan.year}年度评价（测试）",
                    year=plan.year,
                    period=f"{plan.year}年1月1日至12月31日",
                    tiers=plan.tiers,
                    consensus_method=plan.consensus_method,
                )
            )
            store.write_rubric(resources.default_rubric())
            store.add_alliances(alliances)
            store.add_reviewers(reviewers)
    else:
        new_round(
            path,
            f"{plan.year}年度评价（测试）",
            plan.year,
            period=f"{plan.year}年1月1日至12月31日",
            from_round=from_round,
        )
    with RoundStore.open(path) as store:
        fill(store, plan, rng)
        if plan.lock:
            set_locked(store, True, "测试")
    return path


def fill(store: RoundStore, plan: Plan, rng: random.Random) -> None:
    alliances = store.alliances()
    reviewers = store.reviewers()
    activity = {a.uid: plan.activity[n % len(plan.activity)] for n, a in enumerate(alliances)}
    absent = {
        alliances[n].uid: (reason, "") for n, reason in plan.absent.items() if n < len(alliances)
    }
    store.put_non_participants(absent)
    taking = [a for a in alliances if a.uid not in absent]
    per = min(plan.per_alliance, len(reviewers))
    assignment = assign(taking, reviewers, per, plan.seed)
    store.set_assignments(assignment)
    rubric = store.rubric()
    scores: list[Score] = []
    ticks: set[tuple[str, str, str, str]] = set()
    for alliance_uid, chosen in assignment.items():
        level = activity[alliance_uid]
        for reviewer_uid in chosen:
            for indicator in rubric.indicators():
                top = int(indicator.max_points)
                points = round(top * min(1.0, max(0.0, rng.gauss(level, 0.15))))
                scores.append(
                    Score(reviewer_uid, alliance_uid, indicator.code, Fraction(points), "测试")
                )
                for item in indicator.items:
                    if rng.random() < level:
                        ticks.add((reviewer_uid, alliance_uid, indicator.code, item.key))
    store.put_scores(scores)
    store.put_item_ticks(ticks)
    ranked = [a.uid for a in taking if assignment.get(a.uid)]
    codes = [i.code for i in rubric.indicators()]
    items = [(i.code, item.key) for i in rubric.indicators() for item in i.items]
    with store.atomic():
        if plan.selfeval:
            store.issue_selfeval_tokens([a.uid for a in taking])
        for uid in ranked[: plan.selfeval]:
            store.replace_self_scores(
                uid, {code: (Fraction(rng.randint(0, 3)), "自评") for code in codes}
            )
            store.replace_self_ticks(uid, {items[0]})
        for uid in rng.sample(ranked, min(plan.decisions, len(ranked))):
            code = rng.choice(["", *codes])
            top = 100 if not code else int(rubric.indicator(code).max_points)
            store.put_decision(
                uid, code, 100 * rng.randint(0, top), "集中讨论", "2016-04-12T10:00:00+08:00"
            )
        for uid in rng.sample(ranked, min(plan.item_decisions, len(ranked))):
            code, key = rng.choice(items)
            store.put_item_decision(
                uid, code, key, rng.random() < 0.5, "集中讨论", "2016-04-12T10:00:00+08:00"
            )


def activities(count: int, rng: random.Random) -> list[float]:
    """A year's spread: most alliances active, a tail of inactive ones."""
    return [min(1.0, max(0.05, rng.betavariate(5, 1.6))) for _ in range(count)]


def programme(folder: Path) -> list[Path]:
    """Three years of one programme, each round made from the year before."""
    rng = random.Random(2016)
    roster = 60
    paths = []
    before: Path | None = None
    for year, absent, lock in ((2014, 8, True), (2015, 5, True), (2016, 4, False)):
        plan = Plan(
            year,
            activities(roster, rng),
            {n: REASONS[n % (1 if year == 2016 else 3)] for n in rng.sample(range(roster), absent)},
            reviewers=8,
            decisions=3,
            item_decisions=2,
            selfeval=20,
            lock=lock,
            seed=year,
        )
        path = build(folder / f"round-{year}.alr-round", plan, before)
        paths.append(path)
        before = path
    return paths
