"""The built-in demo round: the 2015 rubric and roster, 14 reviewers, synthetic scores.

Reproduces the published 2015 appendix (order, printed scores, tiers) from scores a
seeded generator makes per reviewer and indicator; no result is stored. The scores
reach the round as a real round's do: through issued, filled, sealed and merged
reviewer files. For each
alliance the generator aims at an exact consensus total ``T`` with ``round(T)`` equal to
the published score and ``tier_of(T)`` equal to the published tier (row 109: 65 printed
under the lowest tier needs T = 64 2/3), then splits ``3T`` over three reviewers with
some disagreement, and each reviewer's total over the indicators.
"""

from __future__ import annotations

import random
import tempfile
import uuid
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from alliance_review.core.assignment import assign
from alliance_review.core.errors import UserError
from alliance_review.core.points import round_points
from alliance_review.core.ranking import DEFAULT_TIERS, tier_of
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Rubric
from alliance_review.core.scoring import Score
from alliance_review.services import resources
from alliance_review.services.demo_notes import reviewer_note, self_note
from alliance_review.services.merge import merge_files
from alliance_review.services.output import guard
from alliance_review.services.reviewer_files import issue_reviewer_file, reviewer_file_name
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore, building_round

DEMO_SEED = 2015

# The 14 alliances whose secretaries-general formed the 2015 working group, as the
# report names them, and the roster entry each one is.
WORKING_GROUP = (
    ("农机装备", "农业装备产业技术创新战略联盟"),
    ("新一代煤化工", "新一代煤（能源）化工产业技术创新战略联盟"),
    ("TD", "TD 产业技术创新战略联盟"),
    ("住宅", "住宅产业技术创新战略联盟"),
    ("再生资源", "再生资源产业技术创新战略联盟"),
    ("纺织装备", "新一代纺织设备产业技术创新联盟"),
    ("半导体照明", "半导体照明产业技术创新战略联盟"),
    ("太阳能光热", "太阳能光热产业技术创新战略联盟"),
    ("饲料", "饲料产业技术创新战略联盟"),
    ("商用汽车新能源动力", "商用汽车与工程机械新能源动力系统产业技术创新战略联盟"),
    ("应急救援装备", "应急救援装备产业技术创新战略联盟"),
    ("大豆加工", "大豆产业技术创新战略联盟"),
    ("木竹", "木竹产业技术创新战略联盟"),
    ("粉末冶金", "粉末冶金产业技术创新战略联盟"),
)

Progress = Callable[[int, int], bool]


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def demo_settings(rng: random.Random) -> RoundSettings:
    return RoundSettings(
        uid=_uid(rng),
        title="2015年度产业技术创新战略联盟活跃度评价（演示）",
        year=2015,
        period="2015年1月1日至12月31日",
        description=(
            "演示轮次：评价指标、联盟名单与最终排名取自《2015年度联盟活跃度评价工作报告》"
            "及其附件；各评审专家的逐项评分、评分依据与自评价均为程序按固定种子生成的"
            "虚构数据，仅用于演示和测试。"
        ),
    )


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


def split_over_indicators(total: int, maxima: list[int], rng: random.Random) -> list[int]:
    """Indicator points within each max, summing to ``total``, roughly proportional."""
    full = sum(maxima)
    share = total / full
    points = [min(m, max(0, round(m * share + rng.uniform(-0.8, 0.8)))) for m in maxima]
    while sum(points) != total:
        step = 1 if sum(points) < total else -1
        room = [i for i, p in enumerate(points) if 0 <= p + step <= maxima[i]]
        points[rng.choice(room)] += step
    return points


def build_demo(
    out: Path | str,
    seed: int = DEMO_SEED,
    progress: Progress | None = None,
    reviewer_files: Path | str | None = None,
) -> Path:
    """Write the demo round to ``out``, its scores arriving the way a real round's do.

    The round is set up (rubric, roster, reviewers, assignments, self-evaluations), one
    reviewer file per reviewer is issued, filled through the reviewer's own service and
    sealed (revision 1). Without ``reviewer_files`` the sealed files are merged, so the
    plain demo round is the merged one. With it, they are written into that folder and
    ``out`` stays as it stands before the merge (no scores).
    """
    out = guard(Path(out), [reviewer_files])  # never over an existing round unless forced
    target_dir = None if reviewer_files is None else Path(reviewer_files)
    if target_dir is not None:
        if target_dir.exists() and not target_dir.is_dir():
            raise UserError(
                f"「{target_dir}」是一个文件，不是文件夹。",
                f"{target_dir} is a file, not a folder.",
            )
        target_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    rubric = resources.default_rubric()
    settings = demo_settings(rng)
    roster = resources.roster_2015()
    alliances = [
        Alliance(_uid(rng), row["name"], pos, row["batch"] or None, row["contact"])
        for pos, row in enumerate(roster)
    ]
    by_name = {a.name: a for a in alliances}
    reviewers = [
        Reviewer(_uid(rng), f"{short}联盟秘书长", frozenset({by_name[name].uid}))
        for short, name in WORKING_GROUP
    ]
    assignment = assign(alliances, reviewers, settings.reviewers_per_alliance, seed)
    published = {row["name"]: row for row in resources.published_appendix_2015()}
    scores, self_scores = _generate_scores(rubric, alliances, assignment, published, rng)
    with building_round(out) as store, tempfile.TemporaryDirectory() as scratch:
        store.write_settings(settings)
        store.write_rubric(rubric)
        store.add_alliances(alliances)
        store.add_reviewers(reviewers)
        store.set_assignments(assignment)
        store.put_self_scores(self_scores)
        sealed = _submitted_reviewer_files(
            store, reviewers, scores, Path(scratch), target_dir or Path(scratch), progress
        )
        if target_dir is None:
            for report in merge_files(store, sealed, backup=False):
                if report.refused:  # the demo's own files must merge; anything else is a bug
                    raise UserError(report.detail("zh"), report.detail("en"))
    return out


def _submitted_reviewer_files(
    store: RoundStore,
    reviewers: list[Reviewer],
    scores: list[Score],
    scratch: Path,
    target_dir: Path,
    progress: Progress | None,
) -> list[Path]:
    """Issue, fill (through ReviewerStore) and seal one file per reviewer."""
    by_reviewer: dict[str, list[Score]] = {}
    for score in scores:
        by_reviewer.setdefault(score.reviewer_uid, []).append(score)
    year = store.settings().year
    sealed: list[Path] = []
    for number, reviewer in enumerate(reviewers, start=1):
        name = reviewer_file_name(year, reviewer)
        working = issue_reviewer_file(store, reviewer, scratch / f"working-{name}")
        with ReviewerStore.open(working) as file, file.atomic():
            for score in by_reviewer.get(reviewer.uid, []):
                file.set_score(score.alliance_uid, score.indicator_code, score.points, score.note)
            for alliance in file.alliances():
                file.set_done(alliance.uid, True)
        with ReviewerStore.open(working) as file:
            file.seal(target_dir / name)
        sealed.append(target_dir / name)
        if progress is not None and not progress(number, len(reviewers)):
            for path in sealed:
                if target_dir != scratch:
                    path.unlink(missing_ok=True)
            raise UserError("已取消。", "Cancelled.")
    return sealed


def _generate_scores(
    rubric: Rubric,
    alliances: list[Alliance],
    assignment: dict[str, list[str]],
    published: dict[str, dict[str, str]],
    rng: random.Random,
) -> tuple[list[Score], dict[tuple[str, str], tuple[Fraction | None, str]]]:
    indicators = list(rubric.indicators())
    maxima = [int(i.max_points) for i in indicators]
    scores: list[Score] = []
    self_scores: dict[tuple[str, str], tuple[Fraction | None, str]] = {}
    for alliance in alliances:
        row = published[alliance.name]
        total = target_total(int(row["score"]), row["published_tier"])
        reviewer_uids = assignment[alliance.uid]
        # about one alliance in ten gets a real disagreement for the panel to discuss
        spread = rng.choice((14, 18, 24)) if rng.random() < 0.1 else rng.randint(0, 5)
        per_reviewer = split_total(int(total * len(reviewer_uids)), len(reviewer_uids), spread, rng)
        for reviewer_uid, reviewer_total in zip(reviewer_uids, per_reviewer, strict=True):
            points = split_over_indicators(reviewer_total, maxima, rng)
            for indicator, value, top in zip(indicators, points, maxima, strict=True):
                scores.append(
                    Score(
                        reviewer_uid,
                        alliance.uid,
                        indicator.code,
                        Fraction(value),
                        reviewer_note(indicator.code, value, top, rng),
                    )
                )
        self_points = split_over_indicators(min(100, round(total) + rng.randint(0, 6)), maxima, rng)
        for indicator, value, top in zip(indicators, self_points, maxima, strict=True):
            self_scores[(alliance.uid, indicator.code)] = (
                Fraction(value),
                self_note(indicator.code, value, top),
            )
    return scores, self_scores
