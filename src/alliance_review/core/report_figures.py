"""Every figure of sections 二-四 of the report as one list, and the comparison with the
figures a report printed.

Each ``Figure`` has a stable key (the same key names the printed value in a published
figures file, see ``resources/published-figures-2015.json``), the section it belongs
to, a Chinese label, the value computed from the round, and the printed value if one
was typed in. A printed value is a number, a list of names, or a bound such as "<17"
where the text only says "fewer than half of 34". ``source_inconsistencies`` lists where
the printed figures disagree with each other (the 2015 report's batch sizes sum to 150
while its text says 146 pilots): such figures are shown as printed, never "fixed".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core.activity import same_name
from alliance_review.core.points import format_points
from alliance_review.core.ranking import TierBand
from alliance_review.core.roster import BATCH_UNKNOWN
from alliance_review.core.shares import largest_remainder, percent, shares
from alliance_review.core.statistics import RoundStatistics

Value = int | str | tuple[str, ...]
_BOUND = re.compile(r"^\s*(<=|>=|<|>|＜|＞)\s*(\d+)\s*$")


@dataclass(frozen=True)
class Figure:
    key: str
    section: str  # "一" to "五"
    label: str
    value: Value | None  # None: the round cannot tell (e.g. no previous year)
    printed: Value | None = None

    @property
    def compared(self) -> bool:
        return self.printed is not None

    @property
    def matches(self) -> bool | None:
        """Whether the computed value agrees with the printed one (None: nothing printed
        or nothing computed)."""
        if self.printed is None or self.value is None:
            return None
        return agrees(self.value, self.printed)


def agrees(value: Value, printed: Value) -> bool:
    if isinstance(printed, tuple) or isinstance(value, tuple):
        if not (isinstance(printed, tuple) and isinstance(value, tuple)):
            return False
        return sorted(map(same_name, value)) == sorted(map(same_name, printed))
    if isinstance(printed, str):
        bound = _BOUND.match(printed)
        if bound is None or not isinstance(value, int):
            return str(value) == printed
        operator, limit = bound.group(1), int(bound.group(2))
        return {
            "<": value < limit,
            "＜": value < limit,
            "<=": value <= limit,
            ">": value > limit,
            "＞": value > limit,
            ">=": value >= limit,
        }[operator]
    return value == printed


def value_text(value: Value | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return "、".join(value) if value else "（无）"
    return str(value)


def figure_list(stats: RoundStatistics) -> list[Figure]:
    """Every figure of sections 二-四, each with its printed value where one was typed in."""
    printed = dict(stats.published.figures) if stats.published is not None else {}
    if stats.published is not None:
        published = stats.published
        if published.pilot_count is not None:
            printed.setdefault("pilots", published.pilot_count)
        if published.previous is not None and published.previous.took_part is not None:
            printed.setdefault("took_part_change", stats.took_part - published.previous.took_part)
        for batch in published.batches:
            base = f"batch.{batch.batch}"
            printed.setdefault(f"{base}.pilots", batch.on_roster)
            printed.setdefault(f"{base}.took_part", batch.took_part)
            for band, count in zip(stats.tiers, batch.tier_counts, strict=False):
                printed.setdefault(f"{base}.tier.{band.name}.count", count)
            for band, share in zip(stats.tiers, batch.tier_shares or (), strict=False):
                printed.setdefault(f"{base}.tier.{band.name}.share", share)
    figures: list[Figure] = []

    def add(key: str, section: str, label: str, value: Value | None) -> None:
        figures.append(Figure(key, section, label, value, printed.get(key)))

    part = stats.participation
    add("pilots", "二", "试点联盟总数", stats.on_roster)
    add("took_part", "二", "参评联盟", stats.took_part)
    add("took_part_change", "二", "参评联盟比上年增加", stats.participation_change)
    previous_year = None
    if stats.previous is not None:
        previous_year = stats.previous.year or stats.year - 1
    add("previous_year", "二", "上年", previous_year)
    add("full_marks", "二", "满分联盟", len(stats.full_marks))
    add("highest", "二", "最高分", None if stats.highest is None else stats.highest.printed_score)
    add("lowest", "二", "最低分", None if stats.lowest is None else stats.lowest.printed_score)
    for figure, band_text in zip(stats.tier_figures, band_texts(stats.tiers), strict=True):
        name = figure.name
        add(f"tier.{name}.band", "二", f"{name}的分数段", band_text)
        add(f"tier.{name}.count", "二", f"{name}的联盟（家）", figure.count)
        add(f"tier.{name}.share", "二", f"{name}的联盟占比（%）", figure.share)
        add(f"tier.{name}.change", "二", f"{name}占比比上年变化（百分点）", figure.change)
    add("not_taking_part", "二", "未参评的试点联盟", stats.did_not_take_part)
    add("band_mismatches", "二", "公布评分落在另一档分数段的联盟", len(stats.band_mismatches))
    for number, (seq, name, score, _, _) in enumerate(stats.band_mismatches, start=1):
        add(f"band_mismatch.{number}.seq", "二", f"{name}的序号", seq)
        add(f"band_mismatch.{number}.score", "二", f"{name}的公布评分", score)
    if part is not None:
        add("not_scored", "二", "参评但尚无评分的联盟", len(part.not_scored))
        used = [reason for reason, count in part.by_reason if count]
        add("reasons", "二", "未参评原因（种）", len(used))
        for reason, count in part.by_reason:
            add(f"reason.{reason}", "二", f"未参评原因：{reason}（家）", count)

    for whole in stats.indicator_items:
        if whole.items > 1:
            add(f"items.{whole.code}.all", "三", f"{whole.code} 各要点均已开展的联盟", whole.done)
    for item in stats.items:
        add(f"item.{item.code}.{item.key}", "三", f"开展了“{item.name}”的联盟", item.done)
    for tier_index, tier in enumerate(stats.tiers):
        for whole in stats.indicator_items:
            if whole.items > 1:
                add(
                    f"tier.{tier.name}.items.{whole.code}.all",
                    "三",
                    f"{tier.name}的联盟中 {whole.code} 各要点均已开展的",
                    whole.tier_done[tier_index],
                )
        for item in stats.items:
            add(
                f"tier.{tier.name}.item.{item.code}.{item.key}",
                "三",
                f"{tier.name}的联盟中开展了“{item.name}”的",
                item.tier_done[tier_index],
            )

    for group in stats.batches:
        if group.batch == BATCH_UNKNOWN and not group.on_roster:
            continue
        base = f"batch.{group.batch}"
        add(f"{base}.pilots", "四", f"{group.batch}试点联盟", group.on_roster)
        add(f"{base}.took_part", "四", f"{group.batch}参评联盟", group.took_part)
        add(f"{base}.took_part_share", "四", f"{group.batch}参评率（%）", group.took_part_share)
        for tier, count, share in zip(
            stats.tiers, group.tier_counts, group.tier_shares, strict=True
        ):
            add(f"{base}.tier.{tier.name}.count", "四", f"{group.batch}{tier.name}（家）", count)
            add(f"{base}.tier.{tier.name}.share", "四", f"{group.batch}{tier.name}占比（%）", share)
        two = "、".join(t.name for t in stats.tiers[:2])
        add(f"{base}.top_two", "四", f"{group.batch}{two}的联盟", group.top_two)
        add(f"{base}.top_two_share", "四", f"{group.batch}{two}占比（%）", group.top_two_share)
        add(
            f"{base}.at_or_above.{stats.threshold}",
            "四",
            f"{group.batch}评分在 {stats.threshold} 分及以上的联盟",
            group.at_threshold,
        )
        add(f"{base}.full_marks", "四", f"{group.batch}得满分的联盟", group.full_marks)
    add("repeated_full_marks", "四", "连续两年满分的联盟", stats.repeated_full_marks)
    for key, label, value in record_figures(stats) + points_won_figures(stats):
        add(key, key.split(".")[0] == "record" and "一" or "五", label, value)
    known = {f.key for f in figures}
    for key, value in printed.items():
        if key not in known:  # printed but not computable from this round: shown, flagged
            figures.append(Figure(key, _section_of(key), key, None, value))
    return figures


def band_texts(tiers: Sequence[TierBand]) -> list[str]:
    """ "86 分以上", "75 至 85 分", ..., "64 分以下" from the round's bands (lower bounds)."""
    texts = []
    upper: Fraction | None = None
    for tier in tiers:
        low = tier.min_total
        if low is None:
            if upper is None:
                text = "不设分数段"
            elif upper.denominator == 1:
                text = f"{format_points(upper - 1)} 分以下"
            else:
                text = f"不足 {format_points(upper)} 分"
        elif upper is None:
            text = f"{format_points(low)} 分以上"
        elif low.denominator == 1 and upper.denominator == 1:
            text = f"{format_points(low)} 至 {format_points(upper - 1)} 分"
        else:
            text = f"{format_points(low)} 分及以上、不足 {format_points(upper)} 分"
        texts.append(text)
        upper = low
    return texts


def _span(value: tuple[str, str] | None) -> tuple[str, ...] | None:
    return None if value is None else value


def record_figures(stats: RoundStatistics) -> list[tuple[str, str, Value | None]]:
    """Section 一: the round's own record (dates "YYYY-MM-DD" as a (first, last) pair)."""
    record = stats.record
    if record is None:
        return []
    found: list[tuple[str, str, Value | None]] = [
        ("record.year", "评价年度", record.year),
        ("record.period", "评价时限", record.period),
        ("record.categories", "一级指标（个）", len(record.categories)),
        ("record.indicators", "二级指标（个）", record.indicators),
        ("record.max_points", "满分", format_points(record.max_points)),
        ("record.pilots", "试点联盟", record.pilots),
        ("record.invited", "参加评价的联盟", record.invited),
        ("record.selfeval_issued", "发放自评价表（家）", record.selfeval_issued),
        ("record.selfeval_issued_on", "发放自评价表日期", _span(record.selfeval_issued_on)),
        ("record.selfeval_received", "收到自评价表（家）", record.selfeval_received),
        ("record.selfeval_imported_on", "导入自评价表日期", _span(record.selfeval_imported_on)),
        ("record.reviewers", "评审专家（位）", len(record.reviewers)),
        ("record.reviewer_names", "评审专家", record.reviewers),
        ("record.files_issued_on", "发放评审文件日期", _span(record.files_issued_on)),
        ("record.files_merged", "合并评审文件（位）", record.files_merged),
        ("record.merged_on", "合并评审文件日期", _span(record.merged_on)),
        ("record.decided_alliances", "作出最终决定的联盟", record.decided_alliances),
        ("record.decided_points", "最终决定（项得分）", record.decided_points),
        ("record.decided_items", "评价要点的决定（项）", record.decided_items),
        ("record.decided_on", "最终决定日期", _span(record.decided_on)),
        ("record.locked", "已锁定", int(record.locked)),
        ("record.locked_on", "锁定日期", record.locked_on),
        ("record.consensus_method", "汇总方法", record.consensus_method),
        ("record.rounding", "取整规则", record.rounding),
    ]
    for index, category in enumerate(record.categories, start=1):
        found.append((f"record.category.{index}.name", "一级指标", category.name))
        found.append((f"record.category.{index}.indicators", f"{category.name}（个）",
                      category.indicators))  # fmt: skip
        found.append((f"record.category.{index}.points", f"{category.name}（分）",
                      format_points(category.points)))  # fmt: skip
    for name, pair in (
        ("reviewers_per_alliance", record.reviewers_per_alliance),
        ("alliances_per_reviewer", record.alliances_per_reviewer),
    ):
        found.append((f"record.{name}.least", name, None if pair is None else pair[0]))
        found.append((f"record.{name}.most", name, None if pair is None else pair[1]))
    return found


def points_won_figures(stats: RoundStatistics) -> list[tuple[str, str, Value | None]]:
    """Section 五: rates (whole percent) and mean points (one decimal, as text)."""
    won = stats.points_won
    if won is None:
        return []
    found: list[tuple[str, str, Value | None]] = [
        ("five.categories", "一级指标（个）", len(won.categories))
    ]
    for category in won.categories:
        base = f"five.category.{category.code}"
        found.append((f"{base}.rate", f"{category.name}得分率（%）", category.overall))
        for tier, value in zip(stats.tiers, category.tiers, strict=True):
            found.append((f"five.tier.{tier.name}.category.{category.code}.rate",
                          f"{tier.name}{category.name}得分率（%）", value))  # fmt: skip
    for tier, losses in zip(stats.tiers, won.losses, strict=True):
        for rank, loss in enumerate(losses, start=1):
            base = f"five.tier.{tier.name}.lost.{rank}"
            found.append((f"{base}.code", f"{tier.name}失分第 {rank} 的指标", loss.code))
            found.append((f"{base}.points", f"{tier.name}{loss.code}平均失分", loss.lost))
            found.append((f"{base}.rate", f"{tier.name}{loss.code}得分率（%）", loss.rate))
    for rank, separation in enumerate(won.separating, start=1):
        base = f"five.separating.{rank}"
        found.append((f"{base}.code", f"区分度第 {rank} 的指标", separation.code))
        found.append((f"{base}.top", f"{separation.code}最高档得分率（%）", separation.top))
        found.append((f"{base}.rest", f"{separation.code}其他档得分率（%）", separation.rest))
    office = won.secretariat
    if office is not None:
        groups = [("full", office.full), ("not_full", office.not_full)]
        if office.with_staff is not None and office.without_staff is not None:
            groups += [("staff", office.with_staff), ("no_staff", office.without_staff)]
        found.append(("five.secretariat.codes", "秘书处的二级指标", office.codes))
        found.append(("five.secretariat.indicators", "秘书处的二级指标（项）", len(office.codes)))
        for name, group in groups:
            found.append((f"five.secretariat.{name}.count", f"秘书处 {name}（家）", group.count))
            found.append((f"five.secretariat.{name}.mean", f"秘书处 {name} 平均总分",
                          group.mean))  # fmt: skip
    publicity = won.publicity
    if publicity is not None:
        for number, item in enumerate(publicity.items, start=1):
            found.append((f"five.publicity.{number}.done", f"开展了“{item.name}”的联盟",
                          item.done))  # fmt: skip
            found.append((f"five.publicity.{number}.share", f"“{item.name}”占比（%）",
                          item.share))  # fmt: skip
        found.append(("five.publicity.none", "宣传各项均未开展的联盟", publicity.none_done))
        found.append(("five.publicity.all", "宣传各项均已开展的联盟", publicity.all_done))
    return found


def values(stats: RoundStatistics) -> dict[str, Value | None]:
    """Every computed figure by its key: what the report's sentences are made of."""
    return {f.key: f.value for f in figure_list(stats) if f.value is not None or f.printed is None}


def _section_of(key: str) -> str:
    if key.startswith(("batch.", "repeated")):
        return "四"
    if key.startswith(("item.", "items.")) or ".item." in key:
        return "三"
    return "二"


def differences(figures: Sequence[Figure]) -> list[Figure]:
    """The figures whose computed value does not agree with the printed one (不符)."""
    return [f for f in figures if f.matches is False]


def source_inconsistencies(stats: RoundStatistics) -> list[tuple[str, str]]:
    """(Chinese, English) sentences on where the printed figures disagree with each other.

    They are listed, never corrected: the app shows the printed figures as printed.
    """
    published = stats.published
    if published is None:
        return []
    found: list[tuple[str, str]] = []
    figures = published.figures
    batches = published.batches
    pilot = published.pilot_count
    if batches and pilot is not None:
        total = sum(b.on_roster for b in batches)
        if total != pilot:
            sizes = " + ".join(str(b.on_roster) for b in batches)
            found.append(
                (
                    f"报告所列各批次试点联盟数 {sizes} = {total} 家，与正文的试点联盟总数 "
                    f"{pilot} 家不符。",
                    f"The report's batch sizes {sizes} sum to {total}, not the {pilot} pilot "
                    "alliances its text gives.",
                )
            )
    absent = figures.get("not_taking_part")
    if batches and isinstance(absent, int):
        per_batch = [b.on_roster - b.took_part for b in batches]
        if sum(per_batch) != absent:
            parts = " + ".join(str(n) for n in per_batch)
            found.append(
                (
                    f"按各批次数字，未参评的试点联盟为 {parts} = {sum(per_batch)} 家，"
                    f"与正文的 {absent} 家不符。",
                    f"By the batch figures {parts} = {sum(per_batch)} alliances did not take "
                    f"part, not the {absent} the text gives.",
                )
            )
    took = figures.get("took_part")
    if pilot is not None and isinstance(took, int) and isinstance(absent, int):
        if took + absent != pilot:
            found.append(
                (
                    f"参评 {took} 家加未参评 {absent} 家为 {took + absent} 家，与试点联盟总数"
                    f" {pilot} 家不符。",
                    f"{took} taking part plus {absent} not taking part is {took + absent}, "
                    f"not {pilot}.",
                )
            )
    for batch in batches:
        if batch.tier_shares is None:
            continue
        by_remainder = tuple(largest_remainder(batch.tier_counts))
        by_half_up = tuple(shares(batch.tier_counts, "half_up"))
        if batch.tier_shares not in (by_remainder, by_half_up):
            text = "/".join(map(str, batch.tier_shares))
            found.append(
                (
                    f"{batch.batch}各档占比公布为 {text}%，既不是最大余数法的 "
                    f"{'/'.join(map(str, by_remainder))}%，也不是各自四舍五入的 "
                    f"{'/'.join(map(str, by_half_up))}%（按 {batch.took_part} 家计）。",
                    f"{batch.batch}'s tier shares are printed as {text} %, neither the "
                    f"largest-remainder {'/'.join(map(str, by_remainder))} nor plain rounding "
                    f"{'/'.join(map(str, by_half_up))} (of {batch.took_part}).",
                )
            )
        top_share = figures.get(f"batch.{batch.batch}.top_two_share")
        top = figures.get(f"batch.{batch.batch}.top_two")
        if isinstance(top_share, int) and isinstance(top, int):
            exact = percent(top, batch.took_part)
            if top_share != exact:
                summed = sum(batch.tier_shares[:2])
                why = "，即两档公布占比之和" if summed == top_share else ""
                found.append(
                    (
                        f"{batch.batch}活跃度高和较高的 {top} 家公布占 {top_share}%"
                        f"{why}；{top}/{batch.took_part} 四舍五入为 {exact}%。",
                        f"{batch.batch}: {top} in the top two tiers printed as {top_share} %"
                        f"{' (the sum of the two printed shares)' if why else ''}; "
                        f"{top}/{batch.took_part} rounds to {exact} %.",
                    )
                )
    for seq, name, score, tier, reading in stats.band_mismatches:
        found.append(
            (
                f"第 {seq} 名「{name}」的评分印为 {score}，列在{tier}，而 {score} 分按档次"
                f"定义属于{reading}（档次按精确总分划分）。",
                f"Row {seq} ({name}) is printed as {score} under {tier}, while {score} reads "
                f"as {reading} by the bands (the exact total decides the tier).",
            )
        )
    return found
