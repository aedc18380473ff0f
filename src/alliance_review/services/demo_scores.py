"""The demo's synthetic scores and ticks, made so that the report's figures come out.

For each alliance the generator aims at an exact consensus total ``T`` with
``round(T)`` equal to the published score and ``tier_of(T)`` equal to the published tier
(row 109: 65 printed under the lowest tier needs T = 64 2/3), splits ``3T`` over three
reviewers with some disagreement, and each reviewer's total over the indicators.

Evidence items: ``ITEM_TARGETS`` gives, per item and tier, how many alliances did it
(the figures section 三 of the 2015 report prints, and plausible ones where it only
says "大多数" or "很少"). The alliances that did not are drawn from the lower scores of
their tier. Every reviewer of an alliance ticks a done item and leaves a not-done item
unticked, except that now and then one reviewer of three differs, which the majority
rule absorbs. A reviewer's points follow their own ticks: an indicator with a points
rule gets what the rule suggests, an indicator with items none of which the reviewer
ticked gets at most a third of its points; where a reviewer's total cannot be met that
way, the reviewer departs from the rule and says why (``override_reason``).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from alliance_review.core.errors import UserError
from alliance_review.core.points import round_points
from alliance_review.core.ranking import DEFAULT_TIERS, tier_of
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.core.scoring import Score
from alliance_review.services.demo_notes import reviewer_note, self_note

TIER_NAMES = tuple(t.name for t in DEFAULT_TIERS)
# (indicator, item) -> alliances that did it per tier (高, 较高, 一般, 较差). Printed in
# the report: 1.1 122 of 125 (both items), 4.1 103; of the 56 high: 2.1 all, 2.2 55 / 55
# / 50, 2.3 all 56, 2.4 49; of the 34 fairly high: 2.2 28 / 29 / fewer than half, 2.3 32,
# 2.4 25. The rest follow the report's words ("绝大多数", "大多数", "很少", "明显不足").
ITEM_TARGETS: dict[tuple[str, str], tuple[int, int, int, int]] = {
    ("1.1", "summary"): (56, 34, 18, 14),
    ("1.1", "plan"): (56, 34, 18, 14),
    ("1.2", "council"): (54, 31, 12, 4),
    ("1.3", "experts"): (52, 28, 10, 3),
    ("1.4", "staff"): (55, 30, 12, 5),
    ("1.5", "rules"): (54, 29, 11, 4),
    ("1.6", "meetings"): (53, 27, 9, 3),
    ("2.1", "chain"): (56, 28, 12, 4),
    ("2.2", "self_funded"): (55, 28, 6, 2),
    ("2.2", "government"): (55, 29, 13, 5),
    ("2.2", "commissioned"): (50, 15, 4, 1),
    ("2.3", "standards"): (56, 32, 10, 3),
    ("2.4", "patents"): (49, 25, 6, 1),
    ("3.1", "events"): (55, 32, 14, 6),
    ("3.2", "transfer"): (52, 29, 11, 4),
    ("3.3", "training"): (50, 28, 12, 5),
    ("3.4", "trends"): (50, 26, 6, 2),
    ("3.4", "report"): (46, 22, 4, 1),
    ("4.1", "website"): (56, 34, 10, 3),
    ("4.2", "bulletin"): (52, 30, 13, 2),
    ("4.3", "exchange"): (53, 29, 12, 2),
    ("4.4", "publicity"): (54, 31, 13, 3),
}
# items done or not together (the summary and the plan of 1.1: a half point never arises)
LINKED = {("1.1", "plan"): ("1.1", "summary")}
DISSENT = 0.12  # chance that one reviewer of three differs from the others on an item
OVERRIDE_UP = "项目数量多、参与单位广，按评分标准酌情加分。"
OVERRIDE_DOWN = "项目规模小、参与单位少，按评分标准酌情减分。"

Tick = tuple[str, str, str]  # (alliance uid, indicator code, item key)


@dataclass
class DemoScores:
    scores: list[Score] = field(default_factory=list)
    ticks: dict[str, set[Tick]] = field(default_factory=dict)  # reviewer uid -> ticks
    self_scores: dict[tuple[str, str], tuple[Fraction | None, str]] = field(default_factory=dict)
    self_ticks: set[Tick] = field(default_factory=set)


def target_total(score: int, tier_name: str) -> Fraction:
    """An exact mean-of-three total that prints as ``score`` and falls in the named tier."""
    for thirds in (0, -1, 1):
        total = Fraction(3 * score + thirds, 3)
        if round_points(total) == score and tier_of(total, DEFAULT_TIERS).name == tier_name:
            return total
    raise UserError(f"演示数据无法得到 {score} 分、{tier_name}。")


def split_total(total: int, parts: int, spread: int, rng: random.Random) -> list[int]:
    """``parts`` integers in 0..100 summing to ``total``, differing by up to ``spread``."""
    values = [total // parts + (1 if i < total % parts else 0) for i in range(parts)]
    for _ in range(spread):
        give, take = rng.sample(range(parts), 2)
        if values[give] < 100 and values[take] > 0:
            values[give] += 1
            values[take] -= 1
    rng.shuffle(values)
    return values


def split_over_indicators(
    total: int,
    maxima: Sequence[int],
    rng: random.Random,
    low: Sequence[int] | None = None,
    high: Sequence[int] | None = None,
) -> list[int]:
    """Points within ``low..high`` per indicator (default 0..max), summing to ``total``,
    roughly proportional to the room each indicator has."""
    low = list(low or [0] * len(maxima))
    high = list(high or maxima)
    room = sum(h - lo for lo, h in zip(low, high, strict=True))
    share = (total - sum(low)) / room if room else 0
    points = [
        min(h, max(lo, round(lo + (h - lo) * share + rng.uniform(-0.8, 0.8))))
        for lo, h in zip(low, high, strict=True)
    ]
    while sum(points) != total:
        step = 1 if sum(points) < total else -1
        free = [i for i, p in enumerate(points) if low[i] <= p + step <= high[i]]
        points[rng.choice(free)] += step
    return points


def done_sets(
    alliances: Sequence[Alliance],
    published: Mapping[str, Mapping[str, str]],
    rng: random.Random,
) -> dict[str, set[tuple[str, str]]]:
    """Alliance uid -> the (indicator, item) it did, meeting ``ITEM_TARGETS`` per tier."""
    done: dict[str, set[tuple[str, str]]] = {a.uid: set() for a in alliances}
    by_tier: dict[str, list[Alliance]] = {name: [] for name in TIER_NAMES}
    for alliance in alliances:
        by_tier[published[alliance.name]["published_tier"]].append(alliance)
    for tier_index, name in enumerate(TIER_NAMES):
        # lowest published score first: the alliances that did not, come from there
        members = sorted(by_tier[name], key=lambda a: int(published[a.name]["score"]))
        chosen: dict[tuple[str, str], set[str]] = {}
        for item, targets in ITEM_TARGETS.items():
            if item in LINKED:
                chosen[item] = chosen[LINKED[item]]
                continue
            missing = len(members) - targets[tier_index]
            pool = [a.uid for a in members[: max(2 * missing, missing)]]
            pool = [uid for uid in pool if int(published[_name(members, uid)]["score"]) < 100]
            chosen[item] = set(rng.sample(pool, missing))
        for alliance in members:
            for item in ITEM_TARGETS:
                if alliance.uid not in chosen[item]:
                    done[alliance.uid].add(item)
    return done


def _name(members: Sequence[Alliance], uid: str) -> str:
    return next(a.name for a in members if a.uid == uid)


def reviewer_ticks(
    done: set[tuple[str, str]], reviewers: int, perfect: bool, rng: random.Random
) -> list[set[tuple[str, str]]]:
    """Each reviewer's ticks: the done items, with one dissent now and then."""
    ticks = [set(done) for _ in range(reviewers)]
    for item in ITEM_TARGETS:
        if item in LINKED or perfect or rng.random() >= DISSENT:
            continue
        dissenter = rng.randrange(reviewers)
        linked = [item, *(k for k, v in LINKED.items() if v == item)]
        for each in linked:
            if each in done:
                ticks[dissenter].discard(each)
            else:
                ticks[dissenter].add(each)
    return ticks


def reviewer_points(
    indicators: Sequence[Indicator], total: int, ticked: set[tuple[str, str]], rng: random.Random
) -> tuple[list[int], dict[str, str]]:
    """Points per indicator following the reviewer's ticks, summing to ``total``; and the
    override reasons where a rule's suggestion had to give way."""
    maxima = [int(i.max_points) for i in indicators]
    low, high = [], []
    fixed: dict[int, int] = {}
    for index, indicator in enumerate(indicators):
        count = sum(1 for item in indicator.items if (indicator.code, item.key) in ticked)
        suggestion = indicator.suggest(count)
        if suggestion is not None:
            fixed[index] = int(suggestion)
            low.append(int(suggestion))
            high.append(int(suggestion))
        elif indicator.items and count == 0:
            low.append(0)
            high.append(maxima[index] // 3)
        else:
            low.append(min(1, maxima[index]))
            high.append(maxima[index])
    reasons: dict[str, str] = {}
    if total > sum(high):
        # first: points without a tick where no rule says otherwise
        for index in range(len(indicators)):
            if index not in fixed:
                high[index] = maxima[index]
        for index in fixed:
            if total > sum(high):
                high[index] = maxima[index]
                reasons[indicators[index].code] = OVERRIDE_UP
    if total < sum(low):
        for index in range(len(indicators)):
            if index not in fixed:
                low[index] = 0
        for index in fixed:
            if total < sum(low):
                low[index] = 0
                reasons[indicators[index].code] = OVERRIDE_DOWN
    points = split_over_indicators(total, maxima, rng, low, high)
    for index, indicator in enumerate(indicators):
        if index in fixed and points[index] == fixed[index]:
            reasons.pop(indicator.code, None)
    return points, reasons


def generate(
    rubric: Rubric,
    alliances: Sequence[Alliance],
    assignment: Mapping[str, list[str]],
    published: Mapping[str, Mapping[str, str]],
    rng: random.Random,
) -> DemoScores:
    """Scores, ticks and self-evaluations of the participating ``alliances``."""
    indicators = list(rubric.indicators())
    maxima = [int(i.max_points) for i in indicators]
    result = DemoScores()
    done = done_sets(alliances, published, rng)
    for alliance in alliances:
        row = published[alliance.name]
        total = target_total(int(row["score"]), row["published_tier"])
        reviewer_uids = assignment[alliance.uid]
        # about one alliance in ten gets a real disagreement for the panel to discuss
        spread = rng.choice((14, 18, 24)) if rng.random() < 0.1 else rng.randint(0, 5)
        per_reviewer = split_total(int(total * len(reviewer_uids)), len(reviewer_uids), spread, rng)
        perfect = total == 100
        ticks = reviewer_ticks(done[alliance.uid], len(reviewer_uids), perfect, rng)
        for reviewer_uid, reviewer_total, ticked in zip(
            reviewer_uids, per_reviewer, ticks, strict=True
        ):
            points, reasons = reviewer_points(indicators, reviewer_total, ticked, rng)
            for indicator, value, top in zip(indicators, points, maxima, strict=True):
                result.scores.append(
                    Score(
                        reviewer_uid,
                        alliance.uid,
                        indicator.code,
                        Fraction(value),
                        reviewer_note(indicator.code, value, top, rng),
                        reasons.get(indicator.code, ""),
                    )
                )
            result.ticks.setdefault(reviewer_uid, set()).update(
                (alliance.uid, code, key) for code, key in ticked
            )
        claimed = set(done[alliance.uid])
        for item in ITEM_TARGETS:
            if item not in claimed and item not in LINKED and rng.random() < 0.3:
                claimed.add(item)
                claimed.update(k for k, v in LINKED.items() if v == item)
        result.self_ticks.update((alliance.uid, code, key) for code, key in claimed)
        self_points = split_over_indicators(min(100, round(total) + rng.randint(0, 6)), maxima, rng)
        for indicator, value, top in zip(indicators, self_points, maxima, strict=True):
            result.self_scores[(alliance.uid, indicator.code)] = (
                Fraction(value),
                self_note(indicator.code, value, top),
            )
    return result
