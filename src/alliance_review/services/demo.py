"""The built-in demo round: the 2015 rubric, the 146 pilot alliances, 14 reviewers.

Reproduces the published 2015 report: the appendix (order, printed scores, tiers) and
the figures of sections 二-四 (participation, tiers, batches, what alliances did), from
scores and ticks a seeded generator makes per reviewer and indicator
(``services.demo_scores``); no result is stored. The scores reach the round as a real
round's do: through issued, filled, sealed and merged reviewer files. The roster
(``resources/pilots-2015.csv``) holds the 125 published names, with batches consistent
with every figure, and 21 clearly marked synthetic placeholders that did not take part.
``build_previous_demo`` writes a small synthetic 2014 round for the comparisons.
"""

from __future__ import annotations

import random
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from alliance_review.core.assignment import assign
from alliance_review.core.errors import UserError
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import Score
from alliance_review.services import resources
from alliance_review.services.demo_scores import Tick, generate
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
            "演示轮次：评价指标、参评联盟名单与最终排名取自《2015年度联盟活跃度评价工作报告》"
            "及其附件；除报告点名的 6 家外，各联盟的试点批次为按报告第四部分各批次数字"
            "虚构的分配；21 家未参评联盟为虚构占位（报告未公布其名称）；各评审专家的逐项"
            "评分、评价要点勾选、评分依据与自评价均为程序按固定种子生成的虚构数据，"
            "仅用于演示和测试。"
        ),
    )


def build_demo(
    out: Path | str,
    seed: int = DEMO_SEED,
    progress: Progress | None = None,
    reviewer_files: Path | str | None = None,
    previous: Path | str | None = None,
) -> Path:
    """Write the demo round to ``out``, its scores arriving the way a real round's do.

    The round is set up (rubric, roster, reviewers, assignments, self-evaluations), one
    reviewer file per reviewer is issued, filled through the reviewer's own service and
    sealed (revision 1). Without ``reviewer_files`` the sealed files are merged, so the
    plain demo round is the merged one. With it, they are written into that folder and
    ``out`` stays as it stands before the merge (no scores). With ``previous``, the
    synthetic 2014 round (``services.demo_2014``) is written there too, for the
    comparisons with last year.
    """
    out = guard(Path(out), [reviewer_files, previous])  # no existing round unless forced
    if previous is not None:
        guard(previous, [out, reviewer_files])
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
    roster = resources.pilots_2015()
    alliances = [
        Alliance(_uid(rng), row["name"], pos, row["batch"] or None, row["contact"])
        for pos, row in enumerate(roster)
    ]
    absent = {
        a.uid: (row["reason"], row["note"])
        for a, row in zip(alliances, roster, strict=True)
        if row["reason"]
    }
    participants = [a for a in alliances if a.uid not in absent]
    by_name = {a.name: a for a in alliances}
    reviewers = [
        Reviewer(_uid(rng), f"{short}联盟秘书长", frozenset({by_name[name].uid}))
        for short, name in WORKING_GROUP
    ]
    if target_dir is not None:  # every file refused before any is written
        for reviewer in reviewers:
            guard(target_dir / reviewer_file_name(settings.year, reviewer), [out, previous])
    assignment = assign(participants, reviewers, settings.reviewers_per_alliance, seed)
    published = {row["name"]: row for row in resources.published_appendix_2015()}
    made = generate(rubric, participants, assignment, published, rng)
    with building_round(out) as store, tempfile.TemporaryDirectory() as scratch:
        store.write_settings(settings)
        store.write_rubric(rubric)
        store.add_alliances(alliances)
        store.put_non_participants(absent)
        store.add_reviewers(reviewers)
        store.set_assignments(assignment)
        store.put_self_scores(made.self_scores)
        store.put_self_ticks(made.self_ticks)
        sealed = _submitted_reviewer_files(
            store,
            reviewers,
            made.scores,
            made.ticks,
            Path(scratch),
            target_dir or Path(scratch),
            progress,
        )
        if target_dir is None:
            for report in merge_files(store, sealed, backup=False):
                if report.refused:  # the demo's own files must merge; anything else is a bug
                    raise UserError(report.detail("zh"), report.detail("en"))
    if previous is not None:
        from alliance_review.services.demo_2014 import build_previous_demo

        build_previous_demo(previous)
    return out


def _submitted_reviewer_files(
    store: RoundStore,
    reviewers: list[Reviewer],
    scores: list[Score],
    ticks: dict[str, set[Tick]],
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
            mine = by_reviewer.get(reviewer.uid, [])
            # one call: the rubric is read (to check every score) once per file, not per score
            file.set_scores([(s.alliance_uid, s.indicator_code, s.points, s.note) for s in mine])
            for score in mine:
                if score.override_reason:
                    file.set_override_reason(
                        score.alliance_uid, score.indicator_code, score.override_reason
                    )
            file.put_ticks(ticks.get(reviewer.uid, set()))
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
