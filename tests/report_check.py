"""Read a report draft back with python-docx and check every number of every sentence
against ``report_truth.Truth`` (plain SQL on the round file).

Each paragraph of sections 一-五 is matched against the phrases the report uses, built
here from the independently computed figures; a number that no checked phrase covers
fails the check, so no figure goes unchecked. The tables are checked cell by cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from docx import Document

from alliance_review.core.participation import REASON_MEANINGS
from tests.report_truth import BATCH_UNKNOWN, Truth, hamilton, pct

CN = "零一二三四五六七八九十"
THRESHOLD = 90
SECTIONS = ("一、", "二、", "三、", "四、", "五、")


def join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "、".join(parts[:-1]) + "和" + parts[-1]


def points(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def day(text: str) -> str:
    y, m, d = (int(p) for p in text.split("-"))
    return f"{y} 年 {m} 月 {d} 日"


def days(pair: tuple[str, str]) -> str:
    first, last = pair
    if first == last:
        return day(first)
    (y1, m1, _), (y2, m2, d2) = ([int(p) for p in x.split("-")] for x in pair)
    if y1 != y2:
        return f"{day(first)}至{day(last)}"
    return f"{day(first)}至 {m2} 月 {d2} 日" if m1 != m2 else f"{day(first)}至 {d2} 日"


class Paragraph:
    """A paragraph's text and which of its characters a checked phrase covers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.covered = [False] * len(text)

    def claim(self, pattern: str, check: Callable[[re.Match[str]], None] | None = None) -> int:
        found = list(re.finditer(pattern, self.text))
        for match in found:
            if check is not None:
                check(match)
            self.covered[match.start() : match.end()] = [True] * (match.end() - match.start())
        return len(found)

    def says(self, phrase: str) -> None:
        assert self.claim(re.escape(phrase)), f"«{phrase}» not in «{self.text}»"

    def unchecked(self) -> list[str]:
        return [
            m.group()
            for m in re.finditer(r"\d+", self.text)
            if not all(self.covered[m.start() : m.end()])
        ]


class Draft:
    """The draft's paragraphs by section (headings, captions and notes included)."""

    def __init__(self, path: Path) -> None:
        self.document = Document(str(path))
        self.sections: dict[str, list[Paragraph]] = {s: [] for s in SECTIONS}
        self.captions: list[str] = []
        current = None
        for p in self.document.paragraphs:
            style, text = p.style.name, p.text
            if style == "标题":
                current = next((s for s in SECTIONS if text.startswith(s)), None)
                continue
            if style == "图注":
                self.captions.append(text)
            if current is not None and text.strip():
                self.sections[current].append(Paragraph(text))

    def one(self, section: str, phrase: str) -> Paragraph:
        found = [p for p in self.sections[section] if phrase in p.text]
        assert len(found) == 1, (phrase, [p.text for p in found])
        return found[0]

    def says(self, section: str, phrase: str) -> Paragraph:
        paragraph = self.one(section, phrase)
        paragraph.says(phrase)
        return paragraph

    def table(self, header: str) -> list[list[str]]:
        for table in self.document.tables:
            rows = [[c.text for c in row.cells] for row in table.rows]
            if rows[0][0] == header:
                return rows
        raise AssertionError(f"no table headed {header}")


def check_draft(path: Path, round_path: Path, previous: Path | None = None) -> Draft:
    """Every number of sections 一-五 and of their tables, against the round file."""
    draft = Draft(path)
    truth = Truth(round_path)
    before = Truth(previous) if previous is not None else None
    section_one(draft, truth)
    section_two(draft, truth, before)
    section_three(draft, truth)
    section_four(draft, truth, before)
    section_five(draft, truth)
    numbers = [int(m.group(1)) for c in draft.captions for m in [re.match(r"[表图] (\d+)", c)] if m]
    assert [c[0] for c in draft.captions] and numbers, draft.captions
    tables = [n for c, n in zip(draft.captions, numbers, strict=True) if c.startswith("表")]
    assert tables == list(range(1, len(tables) + 1)), draft.captions
    for section, paragraphs in draft.sections.items():
        for paragraph in paragraphs:
            paragraph.claim(r"^[表图] \d+  ")  # caption numbers: checked above
            assert not paragraph.unchecked(), (section, paragraph.unchecked(), paragraph.text)
    return draft


def section_one(draft: Draft, t: Truth) -> None:
    s = "一、"
    first = draft.says(
        s,
        f"联络组开展了 {t.year} 年度联盟活跃度评价工作，评价范围涵盖了 "
        f"{len(t.alliances)} 家试点联盟",
    )
    if t.period:
        first.says(f"评价时限为{t.period}")
    total = sum(t.max_of.values(), Fraction(0))
    rubric = draft.says(
        s,
        f"活跃度评价指标共有 {len(t.categories)} 个一级指标、"
        f"{len(t.indicators)} 个二级指标，满分 {points(total)} 分",
    )
    for code, name in t.categories:
        mine = [m for c, _, m, cat in t.indicators if cat == code]
        rubric.says(f"{name}（{len(mine)} 个二级指标，共 {points(sum(mine, Fraction(0)))} 分）")
    rows = draft.table("一级指标")
    expected, last = [], None
    for code, name, top, category in t.indicators:
        label = dict(t.categories)[category]
        expected.append([label if label != last else "", f"{code} {name}", points(top)])
        last = label
    assert rows[1:] == expected
    steps = draft.one(s, "评价工作小组由")
    if t.selfeval_issued:
        when = f"{days(t.selfeval_issued_on)}，" if t.selfeval_issued_on else ""
        steps.says(f"{when}联络组向 {t.selfeval_issued} 家试点联盟发放了《{t.year}年度")
    if t.selfeval_received:
        when = f"（{days(t.selfeval_imported_on)}导入）" if t.selfeval_imported_on else ""
        steps.says(f"共收到 {t.selfeval_received} 家联盟的自评价表{when}")
    names = t.reviewer_names
    steps.says(f"评价工作小组由{join(names)}共 {len(names)} 位评审专家组成")
    for pair, words in (
        (t.per_alliance, "每家参评联盟由 {} 位"),
        (t.per_reviewer, "每位评审专家评价 {} 家"),
    ):
        assert pair is not None
        steps.says(words.format(pair[0] if pair[0] == pair[1] else f"{pair[0]} 至 {pair[1]}"))
    if t.files_issued_on:
        steps.says(f"{days(t.files_issued_on)}，向评审专家发放了评审文件")
    if t.files_merged:
        when = f"{days(t.merged_on)}，" if t.merged_on else ""
        steps.says(f"{when}收回并合并了 {t.files_merged} 位评审专家的评分")
    method = draft.one(s, "集中讨论")
    if t.decided_points or t.decided_items:
        if t.decided_on:
            method.says(f"集中讨论（{days(t.decided_on)}）")
        if t.decided_points:
            method.says(
                f"对 {t.decided_alliances} 家联盟的 {t.decided_points} 项得分作出了最终决定"
            )
        if t.decided_items:
            method.says(f"对 {t.decided_items} 项评价要点是否开展作出了认定")
    else:
        method.says("未改动计算得出的得分")
    if t.locked_on:
        method.says(f"{day(t.locked_on)}，评价结果锁定为最终结果")
    elif not t.locked:
        method.says("评价结果尚未锁定为最终结果")


def band_texts(t: Truth) -> list[str]:
    texts, upper = [], None
    for _, low in t.tiers:
        if low is None:
            texts.append(f"{points(upper - 1)} 分以下" if upper is not None else "不设分数段")
        elif upper is None:
            texts.append(f"{points(low)} 分以上")
        else:
            texts.append(f"{points(low)} 至 {points(upper - 1)} 分")
        upper = low
    return texts


def change(new: int, old: int, year: int, subject: str = "") -> str:
    if new == old:
        return f"，{subject}与 {year} 年持平"
    return f"，{subject}相比 {year} 年{'提高' if new > old else '下降'}了 {abs(new - old)} 个百分点"


def section_two(draft: Draft, t: Truth, before: Truth | None) -> None:
    s, took, pilots = "二、", len(t.ranked), len(t.alliances)
    last = before.year if before is not None else t.year - 1
    if took == pilots:
        first = draft.says(s, f"全部 {pilots} 家试点联盟都参加了本次活跃度评价工作")
    else:
        first = draft.says(s, f"{pilots} 家试点联盟中，共有 {took} 家联盟参加了本次活跃度评价工作")
    if before is not None:
        old = len(before.ranked)
        first.says(
            f"，参评家数与 {last} 年持平"
            if took == old
            else f"，相比 {last} 年{'增加' if took > old else '减少'}了 {abs(took - old)} 家"
        )
    high, low = t.printed[t.ranked[0]], t.printed[t.ranked[-1]]
    full = len(t.full_marks())
    if high == low:
        first.says(f"参评联盟的得分均为 {high} 分")
    elif full:
        lead = "只有 1 家联盟" if full == 1 else f"有 {full} 家联盟"
        first.says(f"{lead}得到了满分 {high} 分，最低分为 {low} 分")
    else:
        first.says(f"最高分为 {high} 分，最低分为 {low} 分")
    bands = [f"{n}（{b}）" for n, b in zip(t.tier_names, band_texts(t), strict=True)]
    first.says(f"将各试点联盟活跃度划分为{join(bands)}，共 {len(bands)} 档")
    first.says("（如图 1 所示）")
    for p in draft.sections[s]:
        p.claim(r"^图 1  得分分布（每 5 分一组")  # the chart's bins are 5 points wide
    counts = t.tier_counts()
    shares = hamilton(counts)
    old_shares = hamilton(before.tier_counts()) if before is not None else None
    tiers = draft.one(s, "其中，")
    for n, (name, count, share) in enumerate(zip(t.tier_names, counts, shares, strict=True)):
        tail = "" if old_shares is None else change(share, old_shares[n], last)
        if count:
            tiers.says(f"{name}的联盟共 {count} 家，占 {share}%{tail}")
        else:
            tail = "" if old_shares is None else change(share, old_shares[n], last, "占比")
            tiers.says(f"没有{name}的联盟{tail}")
    rows = draft.table("档次")
    for row, name, count, share in zip(rows[1:], t.tier_names, counts, shares, strict=True):
        assert row[:3] == [name, str(count), f"{share}%"], row
        if old_shares is not None:
            old = old_shares[t.tier_names.index(name)]
            assert row[3:] == [f"{old}%", f"{share - old:+d}"], row
    absent = len(t.absent)
    if absent:
        lead = (
            "有 1 家试点联盟没有参加本次评价"
            if absent == 1
            else f"没有参加本次评价的试点联盟共有 {absent} 家"
        )
        paragraph = draft.says(s, lead)
        used = [(r, c) for r, c in t.reasons if c]
        if len(used) > 1:
            paragraph.says(f"据了解有{CN[len(used)]}种情况")
            for n, (reason, count) in enumerate(used, start=1):
                paragraph.says(f"{CN[n]}是{REASON_MEANINGS.get(reason, reason)}（{count} 家）")
        elif used:
            paragraph.says(f"原因是{REASON_MEANINGS.get(used[0][0], used[0][0])}")
    mismatched = {}
    for u in t.ranked:
        reading = next(n for n, m in t.tiers if m is None or t.printed[u] >= m)
        if reading != t.tier[u]:
            mismatched[t.name[u]] = (u, reading)
    if mismatched:
        note = draft.says(s, f"有 {len(mismatched)} 家联盟的公布评分落在另一档次的分数段内")

        def row(m: re.Match[str]) -> None:
            u, reading = mismatched[m["name"]]
            higher = sum(1 for x in t.ranked if t.total[x] > t.total[u])
            same = sum(1 for x in t.ranked if t.total[x] == t.total[u])
            assert higher < int(m["seq"]) <= higher + same, m.group()
            assert (int(m["score"]), m["tier"], m["reading"]) == (t.printed[u], t.tier[u], reading)

        found = note.claim(
            r"第 (?P<seq>\d+) 名「(?P<name>[^」]+)」（公布评分 (?P<score>\d+) 分，"
            r"列在(?P<tier>[^，]+)，按分数段读作(?P<reading>[^）]+)）",
            row,
        )
        assert found == len(mismatched)


def section_three(draft: Draft, t: Truth) -> None:
    s = "三、"
    paragraphs = draft.sections[s]
    category_of = {c: cat for c, _, _, cat in t.indicators}
    categories = [(c, n) for c, n in t.categories if any(category_of[i[0]] == c for i in t.items)]
    heads = [p for p in paragraphs if re.match(r"\d+\. 在", p.text)]
    assert len(heads) == len(categories), [p.text for p in heads]
    for number, (head, (code, name)) in enumerate(zip(heads, categories, strict=True), start=1):
        head.says(f"{number}. 在{name}方面：")
        start = paragraphs.index(head)
        block = [head]
        for p in paragraphs[start + 1 :]:
            if re.match(r"\d+\. 在", p.text) or p.text.startswith("表 "):
                break
            block.append(p)
        items = [i for i in t.items if category_of[i[0]] == code]
        groups = [(None, len(t.ranked))] + [
            (n, c) for n, c in zip(t.tier_names, t.tier_counts(), strict=True) if c
        ]
        assert len(block) == len(groups), [p.text for p in block]
        for paragraph, (tier, size) in zip(block, groups, strict=True):
            activities(paragraph, t, items, tier, size)
    rows = draft.table("指标")
    assert [r[:3] for r in rows[1:]] == [[c, n, str(t.item_count(c, k))] for c, k, n in t.items]
    for row, (c, k, _) in zip(rows[1:], t.items, strict=True):
        assert row[3:] == [str(t.item_count(c, k, n)) for n in t.tier_names], row


def activities(
    p: Paragraph, t: Truth, items: list[tuple[str, str, str]], tier: str | None, size: int
) -> None:
    """One paragraph of section 三: each item's count, said as the report says it."""
    if tier is None and size == 1:
        p.says("参评联盟只有 1 家：")
    elif tier is None:
        p.says(f"{size} 家联盟中，")
    elif size == 1:
        p.says(f"{tier}的联盟只有 1 家：")
    else:
        p.says(f"{tier}的 {size} 家联盟中，")
    counts: dict[str, int] = {}  # what the sentence names -> the true count
    codes = list(dict.fromkeys(c for c, _, _ in items))
    for code in codes:
        mine = [i for i in items if i[0] == code]
        each = [t.item_count(c, k, tier) for c, k, _ in mine]
        joint = t.joint_count(code, tier)
        if len(mine) == 2 and each[0] == each[1] == joint:
            counts["并".join(n for _, _, n in mine)] = joint
        else:
            counts.update({n: c for (_, _, n), c in zip(mine, each, strict=True)})
    lead = "只有 1 家：" if size == 1 else "家联盟中，"
    body = p.text[p.text.index(lead) + len(lead) :]
    for part in body.rstrip("。").split("；"):
        named = names_in(part, counts)
        if size == 1:
            expected = 0 if part.startswith("没有") else 1
            assert all(counts[n] == expected for n in named), (part, counts)
        elif part.startswith("全部"):
            assert all(counts[n] == size for n in named), (part, counts)
        elif part.startswith("不到半数的有："):
            for n in named:
                assert 0 < 2 * counts[n] < size, (n, counts[n], size)
                p.says(f"{n}（{counts[n]} 家）")
        elif part.startswith(("没有联盟", "以下各项没有联盟开展：")):
            assert all(counts[n] == 0 for n in named), (part, counts)
        else:
            for n in named:
                assert 2 * counts[n] >= size and counts[n] < size, (n, counts[n], size)
                p.says(f"{counts[n]} 家{n}")
        for n in named:
            counts.pop(n)
    assert not counts, f"not stated: {counts} in «{p.text}»"


def names_in(part: str, counts: dict[str, int]) -> list[str]:
    """The item names a part of a sentence states, longest first (a joint name holds two)."""
    found, rest = [], part
    for name in sorted(counts, key=len, reverse=True):
        if name in rest:
            found.append(name)
            rest = rest.replace(name, "")
    return found


def section_four(draft: Draft, t: Truth, before: Truth | None) -> None:
    s = "四、"
    batches = [
        b
        for b in (*t.batches, BATCH_UNKNOWN)
        if any(t.batch[u] == b for u, _, _ in t.alliances)
    ]
    full_before = set(before.full_marks()) if before is not None else None
    first, second = t.tier_names[0], t.tier_names[1]
    shared = 0
    while shared < min(len(first), len(second)) - 1 and first[shared] == second[shared]:
        shared += 1
    top_name = first + "和" + second[shared:]
    rows = draft.table("批次")
    assert [r[0] for r in rows[1:]] == batches
    for batch, row in zip(batches, rows[1:], strict=True):
        label = "批次不详的试点联盟" if batch == BATCH_UNKNOWN else f"{batch}试点联盟"
        pilots = sum(1 for u, _, _ in t.alliances if t.batch[u] == batch)
        members = t.members(batch=batch)
        took = len(members)
        if not took:
            draft.says(s, f"{pilots} 家{label}都没有参加此次活跃度评价")
            continue
        if took == pilots:
            p = draft.says(s, f"{pilots} 家{label}全部参加了此次活跃度评价")
        else:
            p = draft.says(
                s, f"{pilots} 家{label}中参加此次活跃度评价的共 {took} 家，占 {pct(took, pilots)}%"
            )
        counts = t.tier_counts(batch)
        shares = hamilton(counts)
        for name, count, share in zip(t.tier_names, counts, shares, strict=True):
            if count:
                p.says(f"{name}的 {count} 家，占 {share}%")
        empty = [n for n, c in zip(t.tier_names, counts, strict=True) if not c]
        if empty:
            p.says(f"没有{join(empty)}的联盟")
        top = counts[0] + counts[1]
        p.says(
            f"{top_name}的联盟有 {top} 家，达到参评总数的 {pct(top, took)}%"
            if top
            else f"没有{top_name}的联盟"
        )
        above = sum(1 for u in members if t.printed[u] >= THRESHOLD)
        p.says(
            f"有 {above} 家联盟评分在 {THRESHOLD} 分以上"
            if above
            else f"没有联盟评分在 {THRESHOLD} 分以上"
        )
        full = t.full_marks(batch)
        if full:
            # in ranked order, which orders ties by the round's tie rule: compared as a set
            assert p.claim(r"(?:^|。)([^。]+)得到了满分", names_check(full)) == 1
            twice = [n for n in full if full_before is not None and n in full_before]
            if twice:
                assert (
                    p.claim(r"特别是([^。]+)连续两年获得满分", names_check(twice))
                    == 1
                )
        assert row[1:3] == [str(pilots), f"{took}\n({pct(took, pilots)}%)"], row
        assert row[3 : 3 + len(counts)] == [
            f"{c}\n({x}%)" for c, x in zip(counts, shares, strict=True)
        ]
    for p in draft.sections[s]:
        p.claim(re.escape(f"“{THRESHOLD} 分以上”按公布的评分计，含 {THRESHOLD} 分"))
        p.claim(r"各项之和为 100%")


def names_check(names: list[str]) -> Callable[[re.Match[str]], None]:
    """The names joined as the report joins them, in any order (ties follow a tie rule)."""

    def check(match: re.Match[str]) -> None:
        text = match[1]
        assert all(n in text for n in names) and len(text) == len(join(names)), (text, names)

    return check


def section_five(draft: Draft, t: Truth) -> None:
    s = "五、"
    numbers = [int(m[1]) for p in draft.sections[s] for m in [re.match(r"(\d)\. ", p.text)] if m]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    for p in draft.sections[s]:
        p.claim(r"^\d\. ")
    names = [n for _, n in t.categories]
    rates = draft.says(s, f"各档次联盟在{join(names)} {len(names)} 个方面的得分率：")
    for tier, count in zip(t.tier_names, t.tier_counts(), strict=True):
        if count:
            values = [f"{t.category_rate(c, tier)}%" for c, _ in t.categories]
            rates.says(f"{tier}的联盟依次为 {join(values)}")
    name_of = {c: n for c, n, _, _ in t.indicators}

    def named(code: str) -> str:
        return f"{code}“{name_of[code]}”"

    losses = draft.says(s, "各档次联盟平均失分最多的二级指标：")
    for tier, count in zip(t.tier_names, t.tier_counts(), strict=True):
        found = t.losses(tier) if count else []
        if found:
            losses.says(
                f"{tier}的联盟是"
                + join([f"{named(c)}（平均失 {lost} 分，得分率 {r}%）" for c, lost, r in found])
            )
    separating = t.separating()
    if separating:
        top = t.tier_names[0]
        draft.says(
            s,
            f"{top}的联盟与其他联盟得分率相差最大的二级指标是"
            + join([f"{named(c)}（{a}%，其他联盟 {b}%）" for c, a, b in separating]),
        )
    office = [c for c, n, _, _ in t.indicators if "秘书处" in n]
    if office:
        full = [
            u
            for u in t.ranked
            if all(t.consensus[u].get(c, Fraction(0)) >= t.max_of[c] for c in office)
        ]
        rest = [u for u in t.ranked if u not in full]
        which = f"秘书处的 {len(office)} 项二级指标（{join(office)}）均得满分"
        p = draft.says(s, which)
        group(p, which, full, t, f"没有联盟{which}")
        group(p, "其余", rest, t, "其余联盟没有")
        staff = [(c, k, n) for c, k, n in t.items if "专职" in n]
        if staff:
            c, k, n = staff[0]
            having = [u for u in t.ranked if (c, k) in t.done[u]]
            group(p, n, having, t, f"没有联盟{n}")
            group(p, "未" + n, [u for u in t.ranked if u not in having], t, f"所有联盟都{n}")
    publicity = next(((c, n) for c, n in t.categories if "宣传" in n), None)
    if publicity is not None:
        keys = [
            (c, k, n)
            for c, k, n in t.items
            if dict((x[0], x[3]) for x in t.indicators)[c] == publicity[0]
        ]
        p = draft.says(s, f"在{publicity[1]}方面，")
        for c, k, n in keys:
            done = t.item_count(c, k)
            p.says(f"{n}的 {done} 家（占 {pct(done, len(t.ranked))}%）" if done else f"没有联盟{n}")
        none = sum(1 for u in t.ranked if not any((c, k) in t.done[u] for c, k, _ in keys))
        every = sum(1 for u in t.ranked if all((c, k) in t.done[u] for c, k, _ in keys))
        if none:
            p.says(f"有 {none} 家联盟各项都没有开展")
        if every:
            p.says(f"{every} 家联盟各项都已开展")
    rows = _rates_table(draft)
    for row, (code, name) in zip(rows[1:], t.categories, strict=True):
        expected = [
            str(t.category_rate(code, n)) if c else ""
            for n, c in zip(t.tier_names, t.tier_counts(), strict=True)
        ]
        assert row[0] == name and row[2:] == [str(t.category_rate(code)), *expected], row


def _rates_table(draft: Draft) -> list[list[str]]:
    for table in draft.document.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows[0][:3] == ["一级指标", "满分", "全部参评联盟"]:
            return rows
    raise AssertionError("no table of rates")


def group(p: Paragraph, who: str, members: list[str], t: Truth, alone: str) -> None:
    if not members:
        p.says(alone)
    elif len(members) == 1:
        p.says(f"{who}的 1 家联盟总分为 {t.mean_total(members)} 分")
    else:
        p.says(f"{who}的 {len(members)} 家联盟平均总分为 {t.mean_total(members)} 分")
