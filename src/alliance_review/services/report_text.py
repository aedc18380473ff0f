"""The sentences of the report draft, sections 二-四, in the report's own phrasing.

Every number is a named figure (``core.report_figures.values``: the keys of
``figure_list``); nothing is counted or computed here, only worded. The wording follows
the 2015 report so that a secretary edits rather than writes, and reads as a secretary
writes: no "0 家" (none is said as 没有), one is 只有 1 家, lists are joined with 、 and
和, a joint statement ("A并B") only where every alliance counted did both, and the
qualifier 不到半数 said once per paragraph. The app never presents these sentences as
the official text: the draft says so on its first page (``DRAFT_NOTICE``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from alliance_review.core.activity import ItemFigure
from alliance_review.core.participation import REASON_MEANINGS
from alliance_review.core.roster import BATCH_UNKNOWN
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.core.statistics import RoundStatistics

Figures = Mapping[str, Any]
ORDINALS = "一二三四五六七八九十"
DRAFT_NOTICE = (
    "说明：本稿是“联盟活跃度评价”软件根据评价轮次数据生成的报告草稿，各部分的数字均由"
    "评价轮次的记录和评价结果计算得出，文字仅为起草用的表述，供秘书处修改、补充后定稿；"
    "本稿不是正式报告文本。"
)


def ordinal(number: int) -> str:
    """1 -> 一, 12 -> 十二 (counts in sentences such as "有三种情况")."""
    if number <= 10:
        return ORDINALS[number - 1] if number > 0 else "零"
    tens, ones = divmod(number, 10)
    return (ORDINALS[tens - 1] if tens > 1 else "") + "十" + (ORDINALS[ones - 1] if ones else "")


def join(parts: Sequence[str]) -> str:
    """A、B和C (two: A和B; one: A)."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return "、".join(parts[:-1]) + "和" + parts[-1]


def change_phrase(change: int | None, previous_year: int, subject: str = "") -> str:
    if change is None:
        return ""
    if change == 0:
        return f"，{subject}与 {previous_year} 年持平"
    verb = "提高" if change > 0 else "下降"
    return f"，{subject}相比 {previous_year} 年{verb}了 {abs(change)} 个百分点"


def section_two(stats: RoundStatistics, v: Figures) -> list[str]:
    """二、试点联盟活跃度总体情况 (the chart goes after the first paragraph)."""
    previous_year = v.get("previous_year") or stats.year - 1
    pilots, took = v["pilots"], v["took_part"]
    if took == pilots:
        first = f"全部 {pilots} 家试点联盟都参加了本次活跃度评价工作"
    else:
        first = f"{pilots} 家试点联盟中，共有 {took} 家联盟参加了本次活跃度评价工作"
    change = v.get("took_part_change")
    if change == 0:
        first += f"，参评家数与 {previous_year} 年持平"
    elif change is not None:
        more = "增加" if change > 0 else "减少"
        first += f"，相比 {previous_year} 年{more}了 {abs(change)} 家"
    first += "。"
    full, highest, lowest = v["full_marks"], v["highest"], v["lowest"]
    if highest == lowest:
        first += f"参评联盟的得分均为 {highest} 分。"
    elif full:
        lead = "只有 1 家联盟" if full == 1 else f"有 {full} 家联盟"
        first += f"{lead}得到了满分 {highest} 分，最低分为 {lowest} 分。"
    else:
        first += f"最高分为 {highest} 分，最低分为 {lowest} 分。"
    bands = [f"{t.name}（{v[f'tier.{t.name}.band']}）" for t in stats.tiers]
    first += (
        "按照分数分布情况（如图 1 所示），将各试点联盟活跃度划分为"
        + join(bands)
        + f"，共 {len(bands)} 档。"
    )
    parts = []
    for tier in stats.tiers:
        base = f"tier.{tier.name}"
        count, tier_change = v[f"{base}.count"], v.get(f"{base}.change")
        if count:
            text = f"{tier.name}的联盟共 {count} 家，占 {v[f'{base}.share']}%"
            parts.append(text + change_phrase(tier_change, previous_year))
        else:
            parts.append(
                f"没有{tier.name}的联盟" + change_phrase(tier_change, previous_year, "占比")
            )
    paragraphs = [first, "其中，" + "；".join(parts) + "。"]
    absent = v["not_taking_part"]
    part = stats.participation
    if absent and part is not None:
        used = [reason for reason, _ in part.by_reason if v[f"reason.{reason}"]]
        if absent == 1:
            text = "有 1 家试点联盟没有参加本次评价"
        else:
            text = f"没有参加本次评价的试点联盟共有 {absent} 家"
        if len(used) == 1:
            text += f"，原因是{REASON_MEANINGS.get(used[0], used[0])}"
        elif used:
            text += f"，据了解有{ordinal(v['reasons'])}种情况："
            text += "；".join(
                f"{ordinal(i)}是{REASON_MEANINGS.get(reason, reason)}（{v[f'reason.{reason}']} 家）"
                for i, reason in enumerate(used, start=1)
            )
        paragraphs.append(text + "。")
    if part is not None and part.not_scored:
        paragraphs.append(
            f"另有 {v['not_scored']} 家参评联盟尚无评分，未计入以上数字："
            + "、".join(part.not_scored)
            + "。"
        )
    return paragraphs


def _activities(
    v: Figures, indicators: Sequence[Indicator], items: Mapping[str, list[ItemFigure]], prefix: str
) -> list[tuple[str, int]]:
    """(what was done, how many) for each item; two items of one indicator done by the
    same alliances read as one ("A并B", the joint count); otherwise each on its own."""
    found = []
    for indicator in indicators:
        mine = items.get(indicator.code, [])
        counts = [v[f"{prefix}item.{i.code}.{i.key}"] for i in mine]
        joint = v.get(f"{prefix}items.{indicator.code}.all")
        if len(mine) == 2 and joint is not None and counts[0] == counts[1] == joint:
            found.append(("并".join(i.name for i in mine), joint))
        else:
            found.extend((i.name, count) for i, count in zip(mine, counts, strict=True))
    return found


def activity_sentence(lead: str, size: int, done: Sequence[tuple[str, int]]) -> str:
    """ "{lead}全部A和B；30 家C，28 家D；不到半数的有：E（15 家）；没有联盟F。" ."""
    if size == 1:
        did = [name for name, count in done if count]
        lacking = [name for name, count in done if not count]
        parts = [join(did)] if did else []
        if lacking:
            parts.append("没有" + join(lacking))
        return lead.rstrip("，：") + "：" + "；".join(parts) + "。"
    everyone = [name for name, count in done if count == size]
    most = [(name, count) for name, count in done if 2 * count >= size and count < size]
    few = [(name, count) for name, count in done if 0 < count and 2 * count < size]
    nobody = [name for name, count in done if not count]
    parts = []
    if everyone:
        parts.append("全部" + join(everyone))
    if most:
        parts.append("，".join(f"{count} 家{name}" for name, count in most))
    if few:
        parts.append("不到半数的有：" + join([f"{name}（{count} 家）" for name, count in few]))
    if len(nobody) == 1:
        parts.append(f"没有联盟{nobody[0]}")
    elif nobody:
        parts.append("以下各项没有联盟开展：" + join(nobody))
    return lead + "；".join(parts) + "。"


def section_three(
    stats: RoundStatistics, rubric: Rubric, v: Figures
) -> list[tuple[str, list[str]]]:
    """三、从各项指标来看: per category, a heading and its paragraphs."""
    by_indicator: dict[str, list[ItemFigure]] = {}
    for item in stats.items:
        by_indicator.setdefault(item.code, []).append(item)
    result: list[tuple[str, list[str]]] = []
    number = 0
    for category in rubric.categories:
        if not any(by_indicator.get(i.code) for i in category.indicators):
            continue
        number += 1
        took = v["took_part"]
        done = _activities(v, category.indicators, by_indicator, "")
        lead = "参评联盟只有 1 家" if took == 1 else f"{took} 家联盟中，"
        paragraphs = [activity_sentence(lead, took, done)]
        for tier in stats.tiers:
            size = v[f"tier.{tier.name}.count"]
            if not size:
                continue
            done = _activities(v, category.indicators, by_indicator, f"tier.{tier.name}.")
            lead = (
                f"{tier.name}的联盟只有 1 家" if size == 1 else f"{tier.name}的 {size} 家联盟中，"
            )
            paragraphs.append(activity_sentence(lead, size, done))
        result.append((f"{number}. 在{category.name}方面：", paragraphs))
    return result


def top_two_name(stats: RoundStatistics) -> str:
    names = [t.name for t in stats.tiers[:2]]
    if len(names) < 2:
        return "".join(names)
    shared = 0
    while shared < min(map(len, names)) - 1 and names[0][shared] == names[1][shared]:
        shared += 1
    return names[0] + "和" + names[1][shared:]


def section_four(stats: RoundStatistics, v: Figures) -> list[str]:
    """四、不同批次试点联盟的活跃度情况: one paragraph per batch of the round."""
    paragraphs: list[str] = []
    repeated = set(v.get("repeated_full_marks") or ())
    threshold = stats.threshold
    for batch in stats.batches:
        base = f"batch.{batch.batch}"
        label = "批次不详的试点联盟" if batch.batch == BATCH_UNKNOWN else f"{batch.batch}试点联盟"
        pilots, took = v[f"{base}.pilots"], v[f"{base}.took_part"]
        lead = "从不同批次试点联盟分析看：" if not paragraphs else ""
        if not took:
            paragraphs.append(f"{lead}{pilots} 家{label}都没有参加此次活跃度评价。")
            continue
        if took == pilots:
            text = f"{lead}{pilots} 家{label}全部参加了此次活跃度评价。"
        else:
            text = (
                f"{lead}{pilots} 家{label}中参加此次活跃度评价的共 {took} 家，"
                f"占 {v[f'{base}.took_part_share']}%。"
            )
        cells, empty = [], []
        for tier in stats.tiers:
            count = v[f"{base}.tier.{tier.name}.count"]
            if count:
                cells.append(f"{tier.name}的 {count} 家，占 {v[f'{base}.tier.{tier.name}.share']}%")
            else:
                empty.append(tier.name)
        if empty:
            cells.append(f"没有{join(empty)}的联盟")
        text += "其中" + "；".join(cells) + "。"
        if len(stats.tiers) >= 2:
            top, share = v[f"{base}.top_two"], v[f"{base}.top_two_share"]
            if top:
                text += f"{top_two_name(stats)}的联盟有 {top} 家，达到参评总数的 {share}%；"
            else:
                text += f"没有{top_two_name(stats)}的联盟；"
        above = v[f"{base}.at_or_above.{threshold}"]
        if above:
            text += f"有 {above} 家联盟评分在 {threshold} 分以上。"
        else:
            text += f"没有联盟评分在 {threshold} 分以上。"
        full = list(v[f"{base}.full_marks"])
        if full:
            text += join(full) + "得到了满分"
            twice = [name for name in full if name in repeated]
            if twice:
                text += "，特别是" + join(twice) + "连续两年获得满分"
            text += "。"
        paragraphs.append(text)
    if v.get("repeated_full_marks") == () and v["full_marks"]:
        paragraphs.append("没有联盟连续两年获得满分。")
    return paragraphs
