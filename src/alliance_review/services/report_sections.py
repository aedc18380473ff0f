"""Sections 一 (how the evaluation was done) and 五 (小结及建议) of the report draft.

Section 一 is worded from the round's own record (``core.round_record``: the rubric,
the self-evaluations, the reviewers, the panel's decisions, the lock, with dates from
the audit trail); section 五 states where points were won and lost
(``core.points_won``) and leaves the recommendations to the secretary in a marked
paragraph. As in ``report_text``, every number is a named figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from alliance_review.core.statistics import RoundStatistics
from alliance_review.services.report_text import Figures, join

SECRETARY_MARK = "【请秘书处撰写】"
PRINCIPLES_TODO = (
    SECRETARY_MARK + "评价原则，以及本年度评价指标与上年相比的调整情况（本段为占位，定稿前"
    "替换或删除）。"
)
RECOMMENDATIONS_TODO = (
    SECRETARY_MARK + "小结及建议：请根据以上得、失分情况，就秘书处运行规范、协同创新活动、"
    "宣传示范等方面归纳结论并提出建议（本段为占位，定稿前替换或删除）。"
)


def date_text(day: str) -> str:
    """ "2016-03-02" -> "2016 年 3 月 2 日"."""
    year, month, date = (int(part) for part in day.split("-"))
    return f"{year} 年 {month} 月 {date} 日"


def span_text(value: Sequence[str]) -> str:
    first, last = value
    if first == last:
        return date_text(first)
    (y1, m1, d1), (y2, m2, d2) = ([int(p) for p in d.split("-")] for d in (first, last))
    if y1 != y2:
        return f"{date_text(first)}至{date_text(last)}"
    if m1 != m2:
        return f"{date_text(first)}至 {m2} 月 {d2} 日"
    return f"{date_text(first)}至 {d2} 日"


def section_one(v: Figures) -> list[str]:
    """一、活跃度评价的原则、指标及评价方法: the round's own record."""
    year, pilots = v["record.year"], v["record.pilots"]
    first = f"联络组开展了 {year} 年度联盟活跃度评价工作，评价范围涵盖了 {pilots} 家试点联盟"
    if v["record.period"]:
        first += f"，评价时限为{v['record.period']}"
    rubric = (
        f"活跃度评价指标共有 {v['record.categories']} 个一级指标、"
        f"{v['record.indicators']} 个二级指标，满分 {v['record.max_points']} 分。"
    )
    categories = []
    number = 1
    while f"record.category.{number}.points" in v:
        categories.append(
            f"{v[f'record.category.{number}.name']}（{v[f'record.category.{number}.indicators']}"
            f" 个二级指标，共 {v[f'record.category.{number}.points']} 分）"
        )
        number += 1
    if categories:
        rubric += "其中" + "、".join(categories) + "。"
    rubric += "每项指标都有明确的评分依据和标准，各二级指标的分值见下表。"
    return [first + "。", PRINCIPLES_TODO, rubric]


def section_one_method(v: Figures) -> list[str]:
    """The steps of the evaluation, in order, each with its dates where recorded."""
    steps = []
    issued, received = v["record.selfeval_issued"], v["record.selfeval_received"]
    if issued:
        when = v["record.selfeval_issued_on"]
        steps.append(
            (f"{span_text(when)}，" if when else "")
            + f"联络组向 {issued} 家试点联盟发放了《{v['record.year']}年度产业技术创新战略联盟"
            "活跃度自评价表》"
        )
    if received:
        text = f"共收到 {received} 家联盟的自评价表"
        if v["record.selfeval_imported_on"]:
            text += f"（{span_text(v['record.selfeval_imported_on'])}导入）"
        steps.append(text)
    else:
        steps.append("评价轮次中没有联盟的自评价表")
    names = list(v["record.reviewer_names"])
    if names:
        steps.append(f"评价工作小组由{join(names)}共 {len(names)} 位评审专家组成")
        least, most = (
            v["record.reviewers_per_alliance.least"],
            v["record.reviewers_per_alliance.most"],
        )
        count = f"{least}" if least == most else f"{least} 至 {most}"
        each = "评分" if most == 1 else "分别评分"
        steps.append(f"每家参评联盟由 {count} 位评审专家{each}")
        least, most = (
            v["record.alliances_per_reviewer.least"],
            v["record.alliances_per_reviewer.most"],
        )
        count = f"{least}" if least == most else f"{least} 至 {most}"
        steps.append(f"每位评审专家评价 {count} 家联盟")
    if v["record.files_issued_on"]:
        steps.append(f"{span_text(v['record.files_issued_on'])}，向评审专家发放了评审文件")
    merged = v["record.files_merged"]
    if merged:
        when = v["record.merged_on"]
        steps.append(
            (f"{span_text(when)}，" if when else "") + f"收回并合并了 {merged} 位评审专家的评分"
        )
    first = "；".join(steps) + "。"
    method = (
        f"各二级指标的得分取各位评审专家评分的{v['record.consensus_method']}，总分为各二级指标"
        f"得分之和，公布的评分按{v['record.rounding']}取整到整数。"
    )
    points, items = v["record.decided_points"], v["record.decided_items"]
    if points or items:
        decided = []
        if points:
            decided.append(
                f"对 {v['record.decided_alliances']} 家联盟的 {points} 项得分作出了最终决定"
            )
        if items:
            decided.append(f"对 {items} 项评价要点是否开展作出了认定")
        when = v["record.decided_on"]
        panel = (
            "经评价工作小组集中讨论"
            + (f"（{span_text(when)}）" if when else "")
            + "，"
            + "，".join(decided)
            + "。"
        )
    else:
        panel = "经评价工作小组集中讨论，未改动计算得出的得分。"
    if v["record.locked_on"]:
        lock = f"{date_text(v['record.locked_on'])}，评价结果锁定为最终结果（详见附件）。"
    elif v["record.locked"]:
        lock = "评价结果已锁定为最终结果（详见附件）。"
    else:
        lock = "评价结果尚未锁定为最终结果，本稿的数字可能随评分和决定变化。"
    return [first, method + panel + lock]


def section_five(stats: RoundStatistics, v: Figures) -> list[str]:
    """五、小结及建议: the figures of where points were won and lost, then the marked
    paragraph for the secretary's recommendations."""
    won = stats.points_won
    if won is None:
        return [RECOMMENDATIONS_TODO]
    paragraphs = ["通过对各联盟得、失分的情况分析（得分率为平均得分占满分的比例），可以看出："]
    names = [c.name for c in won.categories]
    rows = []
    for tier in stats.tiers:
        if not v[f"tier.{tier.name}.count"]:
            continue
        rates = [f"{v[f'five.tier.{tier.name}.category.{c.code}.rate']}%" for c in won.categories]
        rows.append((tier.name, join(rates)))
    if rows:
        text = f"各档次联盟在{join(names)} {v['five.categories']} 个方面的得分率："
        text += "；".join(f"{name}的联盟依次为 {rates}" for name, rates in rows) + "。"
        paragraphs.append(text)
    name_of = {x.code: x.name for group in won.losses for x in group}
    name_of |= {x.code: x.name for x in won.separating}

    def indicator(code: str) -> str:  # 2.2“组织成员单位共同开展…”: the code, its name quoted
        return f"{code}“{name_of[code]}”" if name_of.get(code) else code

    losses = []
    for tier in stats.tiers:
        found = []
        rank = 1
        while f"five.tier.{tier.name}.lost.{rank}.code" in v:
            base = f"five.tier.{tier.name}.lost.{rank}"
            lost, rate = v[f"{base}.points"], v[f"{base}.rate"]
            found.append(f"{indicator(v[f'{base}.code'])}（平均失 {lost} 分，得分率 {rate}%）")
            rank += 1
        if found:
            losses.append(f"{tier.name}的联盟是{join(found)}")
    if losses:
        paragraphs.append("各档次联盟平均失分最多的二级指标：" + "；".join(losses) + "。")
    separating = []
    rank = 1
    while f"five.separating.{rank}.code" in v:
        base = f"five.separating.{rank}"
        separating.append(
            f"{indicator(v[f'{base}.code'])}（{v[f'{base}.top']}%，其他联盟 {v[f'{base}.rest']}%）"
        )
        rank += 1
    if separating:
        top = stats.tiers[0].name
        paragraphs.append(
            f"{top}的联盟与其他联盟得分率相差最大的二级指标是{join(separating)}"
            f"（括号内为{top}的联盟的得分率）。"
        )
    office = won.secretariat
    if office is not None:
        paragraphs.append(_secretariat_sentence(v, office.staff_item))
    if won.publicity is not None:
        paragraphs.append(_publicity_sentence(v, won.publicity.category, won.publicity.items))
    numbered = [f"{n}. {text}" for n, text in enumerate(paragraphs[1:], start=1)]
    return [paragraphs[0], *numbered, RECOMMENDATIONS_TODO]


def _group(v: Figures, name: str, who: str, alone: str) -> str:
    count, mean = v[f"five.secretariat.{name}.count"], v[f"five.secretariat.{name}.mean"]
    if not count:
        return alone
    return (
        f"{who}的 {count} 家联盟平均总分为 {mean} 分"
        if count > 1
        else (f"{who}的 1 家联盟总分为 {mean} 分")
    )


def _secretariat_sentence(v: Figures, staff: str | None) -> str:
    codes = join(list(v["five.secretariat.codes"]))
    which = f"秘书处的 {v['five.secretariat.indicators']} 项二级指标（{codes}）均得满分"
    text = _group(v, "full", which, f"没有联盟{which}")
    text += "，" + _group(v, "not_full", "其余", "其余联盟没有")
    if staff is not None:
        text += "；" + _group(v, "staff", staff, f"没有联盟{staff}")
        text += "，" + _group(v, "no_staff", "未" + staff, f"所有联盟都{staff}")
    return text + "。"


def _publicity_sentence(v: Figures, category: str, items: Sequence[object]) -> str:
    parts = []
    for number, item in enumerate(items, start=1):
        name = getattr(item, "name", "")
        done, share = v[f"five.publicity.{number}.done"], v[f"five.publicity.{number}.share"]
        if done:
            parts.append(f"{name}的 {done} 家（占 {share}%）")
        else:
            parts.append(f"没有联盟{name}")
    text = f"在{category}方面，" + "，".join(parts)
    none, every = v["five.publicity.none"], v["five.publicity.all"]
    if none:
        text += f"；有 {none} 家联盟各项都没有开展"
    if every:
        text += f"，{every} 家联盟各项都已开展"
    return text + "。"
