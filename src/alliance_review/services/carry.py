"""Carrying a round forward: ``new-round --from LAST`` and the New round dialog.

Last year's round gives the register (every alliance with its identity, batch, short
name, former names and status), the batches, the reviewers with their own alliances and
declared conflicts (they refer to alliances by identity, so they stay linked whatever
the list renames), the rubric, the tiers and the rules, and its results with those of
the years it carried (history) — whatever else is given. Never its assignments, scores,
decisions, self-evaluations or issued keys. This year's list, when given, updates the
carried register (``services.roster_update``) instead of replacing it.

Last year's file is only read (``RoundStore.snapshot``: into memory, an older format
upgraded there); it never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alliance_review.core.register import Batch, RegisterEntry
from alliance_review.core.roster import Reviewer
from alliance_review.core.roster_update import Comparison, compare
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Rubric
from alliance_review.services.history import Carried, carried_from
from alliance_review.services.roster_plan import ImportPlan
from alliance_review.services.roster_update import given_fields
from alliance_review.storage.round_store import RoundStore
from alliance_review.tabular.text import normal_name

NOT_CARRIED = (
    ("评审分配", "assignments"),
    ("评分", "scores"),
    ("评价工作小组的决定", "panel decisions"),
    ("自评价", "self-evaluations"),
    ("已发放文件的密钥", "the keys of issued files"),
)


@dataclass
class LastRound:
    """What last year's round gives a new round."""

    path: Path
    settings: RoundSettings
    rubric: Rubric
    register: list[RegisterEntry]
    batches: list[Batch]
    reviewers: list[Reviewer]
    history: Carried | None  # None when last year's round is not earlier than the new one

    @property
    def pilots(self) -> int:
        return sum(1 for e in self.register if e.active)

    @property
    def own_conflicts(self) -> int:
        return sum(len(r.own_alliances) for r in self.reviewers)

    @property
    def declared_conflicts(self) -> int:
        return sum(len(r.declared_conflicts - r.own_alliances) for r in self.reviewers)


def read_last(path: Path | str, year: int) -> LastRound:
    """Last year's round, read (never written) for a round of ``year``."""
    with RoundStore.open_readonly(path) as last:
        settings = last.settings()
        return LastRound(
            Path(path),
            settings,
            last.rubric(),
            last.register(),
            last.batches(),
            last.reviewers(),
            carried_from(last) if settings.year < year else None,
        )


@dataclass
class CarryPreview:
    """What a new round will hold, shown before it is created (the dialog, --dry-run)."""

    last: LastRound | None
    plan: ImportPlan | None
    comparison: Comparison | None
    messages: list[tuple[str, str]] = field(default_factory=list)


def preview(
    last: LastRound | None, plan: ImportPlan | None, include_hidden: bool = False
) -> CarryPreview:
    """The comparison of this year's list with the carried register (or the list alone)."""
    register = last.register if last is not None else []
    comparison = None
    if plan is not None:
        comparison = compare(
            plan.listed(include_hidden), register, given_fields(plan), normal_name
        )
    result = CarryPreview(last, plan, comparison)
    result.messages = describe(result)
    return result


def describe(p: CarryPreview) -> list[tuple[str, str]]:
    """What is carried and what is not, one (zh, en) line each."""
    lines: list[tuple[str, str]] = []
    last = p.last
    if last is not None:
        s = last.settings
        lines.append(
            (
                f"从「{s.title}」（{s.year} 年）继承：评价指标、档次与规则；"
                f"联盟 {len(last.register)} 家（试点 {last.pilots} 家，"
                f"退出或暂停 {len(last.register) - last.pilots} 家）；"
                f"批次 {len(last.batches)} 个（{'、'.join(b.name for b in last.batches)}）。",
                f"From {s.title} ({s.year}): the rubric, tiers and rules; "
                f"{len(last.register)} alliances ({last.pilots} pilots, "
                f"{len(last.register) - last.pilots} withdrawn or suspended); "
                f"{len(last.batches)} batches ({', '.join(b.name for b in last.batches)}).",
            )
        )
        lines.append(
            (
                f"评审专家 {len(last.reviewers)} 位，连同本人所在联盟 {last.own_conflicts} 个、"
                f"申报回避 {last.declared_conflicts} 个（按联盟身份对应，不受更名影响）。",
                f"{len(last.reviewers)} reviewers with {last.own_conflicts} own alliance(s) and "
                f"{last.declared_conflicts} declared conflict(s) (linked by the alliances' "
                "identity, whatever the names).",
            )
        )
        if last.history is not None:
            years = "、".join(str(r.year) for r in last.history.rounds)
            lines.append(
                (
                    f"往年结果：{years} 年"
                    + (
                        ""
                        if last.history.final
                        else f"（{s.year} 年轮次尚未锁定为最终结果，按现状继承）"
                    )
                    + "。",
                    f"Results of {', '.join(str(r.year) for r in last.history.rounds)}"
                    + (
                        ""
                        if last.history.final
                        else f" ({s.year} is not locked as final: carried as it stands)"
                    )
                    + ".",
                )
            )
        else:
            lines.append(
                (
                    f"上一轮次的年度（{s.year}）不早于新轮次，往年结果不继承。",
                    f"Last round's year ({s.year}) is not earlier than the new round's; "
                    "its results are not carried.",
                )
            )
        lines.append(
            (
                "不继承：" + "、".join(zh for zh, _ in NOT_CARRIED) + "。",
                "Not carried: " + ", ".join(en for _, en in NOT_CARRIED) + ".",
            )
        )
    c = p.comparison
    if c is not None:
        lines.append(
            (
                f"本年度名单：不变 {len(c.unchanged)} 家，有变动 {len(c.changed)} 家，"
                f"新增 {len(c.new)} 家"
                + (f"，名单中没有的 {len(c.missing)} 家将登记为本年度退出" if last else "")
                + (f"，备注为退出的 {len(c.withdrawing)} 家" if c.withdrawing else "")
                + "。",
                f"This year's list: {len(c.unchanged)} unchanged, {len(c.changed)} changed, "
                f"{len(c.new)} new"
                + (f", {len(c.missing)} not on the list marked withdrawn this year" if last else "")
                + (
                    f", {len(c.withdrawing)} marked withdrawn in the remarks"
                    if c.withdrawing
                    else ""
                )
                + ".",
            )
        )
    return lines
