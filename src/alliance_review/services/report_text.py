"""The sentences of the report draft, sections 二-四, in the report's own phrasing.

Every number comes from the round's statistics (``core.statistics.RoundStatistics``);
the wording follows the 2015 report so that a secretary edits rather than writes. The
app never presents these sentences as the official text: the draft says so on its first
page (``DRAFT_NOTICE``).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from alliance_review.core.activity import ItemFigure
from alliance_review.core.participation import REASON_MEANINGS
from alliance_review.core.points import format_points
from alliance_review.core.ranking import TierBand
from alliance_review.core.rubric import Rubric
from alliance_review.core.statistics import RoundStatistics

ORDINALS = "一二三四五六七八九十"
DRAFT_NOTICE = (
    "说明：本稿是“联盟活跃度评价”软件根据评价轮次数据生成的报告草稿，第二至第四部分的"
    "数字均由评价结果计算得出，文字仅为起草用的表述，供秘书处修改、补充后定稿；"
    "本稿不是正式报告文本。"
)


def ordinal(number: int) -> str:
    """1 -> 一, 12 -> 十二 (counts in sentences such as "有三种情况")."""
    if number <= 10:
        return ORDINALS[number - 1] if number > 0 else "零"
    tens, ones = divmod(number, 10)
    return (ORDINALS[tens - 1] if tens > 1 else "") + "十" + (ORDINALS[ones - 1] if ones else "")


def band_phrases(tiers: Sequence[TierBand]) -> list[str]:
    """ "活跃度高（86 分以上）", "活跃度较高（75 至 85 分）", ... from the round's bands."""
    phrases = []
    upper: Fraction | None = None
    for tier in tiers:
        low = tier.min_total
        if low is None:
            text = "" if upper is None else f"{_below(upper)}分以下"
        elif upper is None:
            text = f"{format_points(low)} 分以上"
        elif low.denominator == 1 and upper.denominator == 1:
            text = f"{format_points(low)} 至 {format_points(upper - 1)} 分"
        else:
            text = f"{format_points(low)} 分及以上、不足 {format_points(upper)} 分"
        phrases.append(f"{tier.name}（{text}）" if text else tier.name)
        upper = low
    return phrases


def _below(upper: Fraction) -> str:
    if upper.denominator == 1:
        return f"{format_points(upper - 1)} "
    return f"不足 {format_points(upper)} "


def change_phrase(change: int | None, previous_year: int) -> str:
    if change is None:
        return ""
    if change == 0:
        return f"，与 {previous_year} 年持平"
    verb = "提高" if change > 0 else "下降"
    return f"，相比 {previous_year} 年{verb}了 {abs(change)} 个百分点"


def section_two(stats: RoundStatistics) -> list[str]:
    """二、试点联盟活跃度总体情况 (the chart goes after the first paragraph)."""
    previous_year = stats.year - 1
    first = f"{stats.on_roster} 家试点联盟中，共有 {stats.took_part} 家联盟参加了本次活跃度评价工作"
    change = stats.participation_change
    if change is not None:
        first += f"，相比 {previous_year} 年{'增加' if change >= 0 else '减少'}了 {abs(change)} 家"
    first += "。"
    if stats.full_marks and stats.highest is not None:
        first += f"有 {len(stats.full_marks)} 家联盟得到了满分 {stats.highest.printed_score} 分，"
    elif stats.highest is not None:
        first += f"最高分为 {stats.highest.printed_score} 分，"
    if stats.lowest is not None:
        first += f"最低分为 {stats.lowest.printed_score} 分，"
    bands = band_phrases(stats.tiers)
    first += (
        "按照分数分布情况（如下图所示），将各试点联盟活跃度划分为"
        + "、".join(bands)
        + f"{len(bands)} 档。"
    )
    parts = []
    for tier in stats.tier_figures:
        parts.append(
            f"{tier.name}的联盟共 {tier.count} 家，占 {tier.share}%"
            + change_phrase(tier.change, previous_year)
        )
    second = "其中，" + "；".join(parts) + "。"
    paragraphs = [first, second]
    absent = stats.participation
    if absent is not None and absent.not_taking_part:
        reasons = [(r, n) for r, n in absent.by_reason if n]
        text = f"没有参加本次评价的试点联盟共有 {absent.not_taking_part} 家"
        if reasons:
            text += f"，据了解有{ordinal(len(reasons))}种情况："
            text += "；".join(
                f"{ordinal(i)}是{REASON_MEANINGS.get(reason, reason)}（{count} 家）"
                for i, (reason, count) in enumerate(reasons, start=1)
            )
        paragraphs.append(text + "。")
    if absent is not None and absent.not_scored:
        paragraphs.append(
            f"另有 {len(absent.not_scored)} 家参评联盟尚无评分，未计入以上数字："
            + "、".join(absent.not_scored)
            + "。"
        )
    return paragraphs


def _item_phrase(count: int, group: int, item: ItemFigure) -> str:
    if group and count == group:
        return f"全部 {count} 家{item.name}"
    if count == 0:
        return f"没有联盟{item.name}"
    if 2 * count < group:
        return f"{count} 家（不到半数）{item.name}"
    return f"{count} 家{item.name}"


def section_three(stats: RoundStatistics, rubric: Rubric) -> list[tuple[str, list[str]]]:
    """三、从各项指标来看: per category, a heading and its paragraphs."""
    by_indicator: dict[str, list[ItemFigure]] = {}
    for item in stats.items:
        by_indicator.setdefault(item.code, []).append(item)
    whole = {w.code: w for w in stats.indicator_items}
    tier_sizes = [t.count for t in stats.tier_figures]
    result: list[tuple[str, list[str]]] = []
    for number, category in enumerate(rubric.categories, start=1):
        items = [i for ind in category.indicators for i in by_indicator.get(ind.code, [])]
        if not items:
            continue
        overall: list[str] = []
        for indicator in category.indicators:
            mine = by_indicator.get(indicator.code, [])
            if len(mine) == 2 and indicator.code in whole:
                # "122 家编写本年度工作总结并制定下年度工作计划" (both items, as the
                # report counts 1.1), then each item where it differs from both
                done = whole[indicator.code].done
                text = f"{done} 家{'并'.join(i.name for i in mine)}"
                apart = [f"{i.done} 家{i.name}" for i in mine if i.done != done]
                overall.append(text + (f"（{'，'.join(apart)}）" if apart else ""))
            else:
                overall.extend(_item_phrase(i.done, stats.took_part, i) for i in mine)
        paragraphs = [f"{stats.took_part} 家联盟中，" + "，".join(overall) + "。"]
        for index, tier in enumerate(stats.tiers):
            size = tier_sizes[index]
            if not size:
                continue
            phrases = []
            for indicator in category.indicators:
                mine = by_indicator.get(indicator.code, [])
                counts = {i.tier_done[index] for i in mine}
                if len(mine) > 1 and len(counts) == 1:
                    joined = ItemFigure(
                        indicator.code, "", "并".join(i.name for i in mine), "", 0, (), 0
                    )
                    phrases.append(_item_phrase(counts.pop(), size, joined))
                else:
                    phrases.extend(_item_phrase(i.tier_done[index], size, i) for i in mine)
            paragraphs.append(f"{tier.name}的 {size} 家联盟中，" + "，".join(phrases) + "。")
        result.append((f"{number}. 在{category.name}方面：", paragraphs))
    return result


def section_four(stats: RoundStatistics) -> list[str]:
    """四、不同批次试点联盟的活跃度情况."""
    paragraphs = []
    names = [t.name for t in stats.tiers]
    top_two = "和".join([names[0], *(n.removeprefix("活跃度") for n in names[1:2])])
    repeated = set(stats.repeated_full_marks or ())
    for index, batch in enumerate(stats.batches):
        lead = "从不同批次试点联盟分析看：" if index == 0 else ""
        text = (
            f"{lead}{batch.on_roster} 家{batch.batch}试点联盟中参加此次活跃度评价的共 "
            f"{batch.took_part} 家，占 {batch.took_part_share}%。"
        )
        cells = [
            f"{name}的 {count} 家，占 {share}%"
            for name, count, share in zip(names, batch.tier_counts, batch.tier_shares, strict=True)
        ]
        text += "其中" + "；".join(cells) + "。"
        text += (
            f"{top_two}的联盟有 {batch.top_two} 家，达到参评总数的 {batch.top_two_share}%；"
            f"有 {batch.at_threshold} 家联盟评分在 {stats.threshold} 分以上。"
        )
        if batch.full_marks:
            text += "、".join(batch.full_marks) + "得到了满分"
            twice = [n for n in batch.full_marks if n in repeated]
            if twice:
                text += "，特别是" + "、".join(twice) + "连续两年获得满分"
            text += "。"
        paragraphs.append(text)
    if stats.repeated_full_marks == ():
        paragraphs.append("没有联盟连续两年获得满分。")
    return paragraphs
