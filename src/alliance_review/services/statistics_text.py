"""The report's statistics as lines of text, in Chinese or English, for the terminal
(``alliance-review statistics``), the statistics PDF and the window.

Each statistic is computed once (``core.statistics.RoundStatistics``); this module only
words it, from one phrase table per language (``PHRASES``). Names that come from the
round (tiers, batches, reasons, alliances) and the labels of figures printed in the
Chinese report are data, quoted as they are in both languages.
"""

from __future__ import annotations

from alliance_review.core.report_figures import (
    differences,
    figure_list,
    source_inconsistencies,
    value_text,
)
from alliance_review.core.shares import (
    HALF_UP_RULE_EN,
    HALF_UP_RULE_ZH,
    SHARE_RULE_EN,
    SHARE_RULE_ZH,
    SINGLE_SHARE_RULE_ZH,
    percent,
)
from alliance_review.core.statistics import CHANGE_RULE_ZH, RoundStatistics

PHRASES: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{year} 年度活跃度评价统计",
        "took_part": "参评联盟 {took} 家（试点联盟共 {pilots} 家，未参评 {absent} 家",
        "reasons": "：{reasons}",
        "reason": "{reason} {count} 家",
        "list": "，",
        "close": "）",
        "not_scored": "；另有 {count} 家参评联盟尚无评分",
        "previous_more": "，比上年（{before} 家）增加 {change} 家",
        "previous_fewer": "，比上年（{before} 家）减少 {change} 家",
        "end": "。",
        "extremes": "最高分 {high}（{high_count} 家），最低分 {low}（{low_count} 家）。",
        "tier_header": "档次  家数  占比  上年占比  变化（百分点）",
        "batch_header": "批次  试点  参评（参评率）  {tiers}  {top_two}  {threshold}分及以上  满分",
        "top_two": "{first}+{second}",
        "count_share": "{count}（{share}%）",
        "names": "、",
        "full_marks": "满分联盟：{names}。",
        "repeated": "连续两年满分：{names}。",
        "none": "无",
        "items_header": "评价要点  开展的联盟  {tiers}",
        "published_title": "报告公布的数字（录入，供对照）",
        "published_pilots": "试点联盟 {pilots} 家，参评 {took} 家，未参评 {absent} 家。",
        "published_header": "批次  试点  参评  {tiers}  最大余数法",
        "published_cell": "{count}（{printed}／{rule}%）",
        "follows": "符合",
        "departs": "不符合",
        "published_key": "各档格式：家数（公布占比／按最大余数法的占比）。",
        "compared": "与公布数字对照：共 {compared} 项，不符 {wrong} 项。",
        "differs": "不符  {label}：本轮次 {value}，公布 {printed}",
        "conflicts": "公布数字自身不一致之处（照录，不作更正）：",
    },
    "en": {
        "title": "Activity evaluation statistics {year}",
        "took_part": "{took} alliances took part (of {pilots} pilot alliances; {absent} did not",
        "reasons": ": {reasons}",
        "reason": "{reason} {count}",
        "list": ", ",
        "close": ")",
        "not_scored": "; {count} alliance(s) taking part have no scores yet",
        "previous_more": "; last year {before} took part (change +{change})",
        "previous_fewer": "; last year {before} took part (change -{change})",
        "end": ".",
        "extremes": "Highest score {high} ({high_count} alliance(s)), lowest {low} ({low_count}).",
        "tier_header": "Tier  Count  Share  Last year  Change (points)",
        "batch_header": "Batch  Pilots  Took part (rate)  {tiers}  {top_two}  "
        "{threshold} and above  Full marks",
        "top_two": "Top two tiers",
        "count_share": "{count} ({share}%)",
        "names": ", ",
        "full_marks": "Full marks: {names}.",
        "repeated": "Full marks two years running: {names}.",
        "none": "none",
        "items_header": "Evidence item  Alliances  {tiers}",
        "published_title": "Figures printed in the report (typed in, for comparison)",
        "published_pilots": "{pilots} pilot alliances, {took} took part, {absent} did not.",
        "published_header": "Batch  Pilots  Took part  {tiers}  Largest remainder",
        "published_cell": "{count} ({printed}/{rule}%)",
        "follows": "yes",
        "departs": "no",
        "published_key": "Each tier: count (published share / share by the largest remainder).",
        "compared": "Against the published figures: {compared} compared, {wrong} differ.",
        "differs": "Differs  {label}: this round {value}, published {printed}",
        "conflicts": "Where the published figures disagree with themselves (quoted, not "
        "corrected):",
    },
}

# the notes of the statistics (core.statistics: the declared rules), by language
NOTES = {
    "en": {
        SHARE_RULE_ZH: SHARE_RULE_EN,
        HALF_UP_RULE_ZH: HALF_UP_RULE_EN,
        SINGLE_SHARE_RULE_ZH: "Single shares (the participation rate, the two top tiers "
        "together) are rounded half up to whole percent.",
        CHANGE_RULE_ZH: "The change against last year is the difference of the two years' "
        "rounded shares, in percentage points.",
    },
}


def signed(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


def participation_line(stats: RoundStatistics, language: str = "zh") -> str:
    p = PHRASES[language]
    text = p["took_part"].format(
        took=stats.took_part, pilots=stats.on_roster, absent=stats.did_not_take_part
    )
    part = stats.participation
    if part is not None and part.not_taking_part:
        reasons = p["list"].join(
            p["reason"].format(reason=reason, count=n) for reason, n in part.by_reason if n
        )
        text += p["reasons"].format(reasons=reasons)
    text += p["close"]
    if part is not None and part.not_scored:
        text += p["not_scored"].format(count=len(part.not_scored))
    change = stats.participation_change
    if change is not None and stats.previous is not None:
        phrase = p["previous_more"] if change >= 0 else p["previous_fewer"]
        text += phrase.format(before=stats.previous.took_part, change=abs(change))
    return text + p["end"]


def statistics_lines(stats: RoundStatistics, language: str = "zh") -> list[str]:
    """The figures as the report's sentences and small tables, for the terminal and the app."""
    p = PHRASES[language]
    lines = [p["title"].format(year=stats.year), "", participation_line(stats, language)]
    if stats.highest is not None and stats.lowest is not None:
        lines.append(
            p["extremes"].format(
                high=stats.highest.printed_score,
                high_count=len(stats.highest.names),
                low=stats.lowest.printed_score,
                low_count=len(stats.lowest.names),
            )
        )
    lines += ["", p["tier_header"]]
    for t in stats.tier_figures:
        previous = "" if t.previous_share is None else f"{t.previous_share}%"
        lines.append(f"{t.name}  {t.count}  {t.share}%  {previous}  {signed(t.change)}")
    lines.append("")
    names = [t.name.removeprefix("活跃度") for t in stats.tiers[:2]]
    top_two = p["top_two"].format(first=names[0], second=names[-1]) if names else ""
    lines.append(
        p["batch_header"].format(
            tiers="  ".join(t.name for t in stats.tiers), top_two=top_two, threshold=stats.threshold
        )
    )
    for b in stats.batches:
        cells = "  ".join(
            p["count_share"].format(count=c, share=s)
            for c, s in zip(b.tier_counts, b.tier_shares, strict=True)
        )
        took = p["count_share"].format(count=b.took_part, share=b.took_part_share)
        top = p["count_share"].format(count=b.top_two, share=b.top_two_share)
        lines.append(
            f"{b.batch}  {b.on_roster}  {took}  {cells}  {top}  {b.at_threshold}  "
            f"{len(b.full_marks)}"
        )
    if stats.full_marks:
        lines.append(p["full_marks"].format(names=p["names"].join(stats.full_marks)))
    repeated = stats.repeated_full_marks
    if repeated is not None:
        lines.append(p["repeated"].format(names=p["names"].join(repeated) or p["none"]))
    if stats.items:
        lines += ["", p["items_header"].format(tiers="  ".join(t.name for t in stats.tiers))]
        for item in stats.items:
            cells = "  ".join(str(n) for n in item.tier_done)
            lines.append(f"{item.code} {item.name}  {item.done}  {cells}")
    lines.extend(published_lines(stats, language))
    compared = [f for f in figure_list(stats) if f.compared]
    if compared:
        wrong = differences(compared)
        lines += ["", p["compared"].format(compared=len(compared), wrong=len(wrong))]
        lines.extend(
            p["differs"].format(
                label=f.label, value=value_text(f.value), printed=value_text(f.printed)
            )
            for f in wrong
        )
    conflicts = source_inconsistencies(stats)
    if conflicts:
        lines += ["", p["conflicts"]]
        lines.extend(en if language == "en" else zh for zh, en in conflicts)
    lines.append("")
    notes = NOTES.get(language, {})
    lines.extend(notes.get(note, note) for note in stats.notes)
    return lines


def published_rows(stats: RoundStatistics, language: str = "zh") -> list[list[str]]:
    """Published per-batch figures beside the shares our rule gives for the same counts."""
    if stats.published is None:
        return []
    p = PHRASES[language]
    rows = []
    for b in stats.published.batches:
        cells = []
        for i, count in enumerate(b.tier_counts):
            printed = "" if b.tier_shares is None else f"{b.tier_shares[i]}%"
            cells.append(p["published_cell"].format(count=count, printed=printed,
                                                    rule=b.rule_shares[i]))  # fmt: skip
        verdict = {True: p["follows"], False: p["departs"], None: ""}[b.follows_rule]
        took = p["count_share"].format(count=b.took_part, share=percent(b.took_part, b.on_roster))
        rows.append([b.batch, str(b.on_roster), took, *cells, verdict])
    return rows


def published_lines(stats: RoundStatistics, language: str = "zh") -> list[str]:
    if stats.published is None:
        return []
    p = PHRASES[language]
    lines = ["", p["published_title"]]
    if stats.published.pilot_count is not None:
        pilots = stats.published.pilot_count
        lines.append(
            p["published_pilots"].format(
                pilots=pilots, took=stats.took_part, absent=pilots - stats.took_part
            )
        )
    if stats.published.batches:
        lines.append(p["published_header"].format(tiers="  ".join(t.name for t in stats.tiers)))
        lines.extend("  ".join(row) for row in published_rows(stats, language))
        lines.append(p["published_key"])
    return lines
