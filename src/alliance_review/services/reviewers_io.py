"""Reviewer lists (评审专家名单) from a workbook or CSV, with their own alliance(s) for
conflicts: read with the one tabular reader, previewed row by row, then written in one
transaction. The same rules as the roster: a header found by its words, problems by row,
nothing written while a row is blocked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alliance_review.core import name_rules
from alliance_review.core.errors import UserError
from alliance_review.core.people import (
    alliance_reference,
    derived_short_name,
    short_keys,
    split_person,
)
from alliance_review.core.register import RegisterEntry
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.roster_checks import name_key
from alliance_review.services import roster, table_import
from alliance_review.services.register import closest
from alliance_review.services.table_import import Note, Table, cell, data_rows, unusable
from alliance_review.storage.round_store import RoundStore
from alliance_review.tabular.text import clean_text, normal_name

FIELDS = ("name", "own", "declared")
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "专家姓名", "评审专家", "专家", "名字", "name", "reviewer", "reviewer name"),
    "own": (
        "所在联盟",
        "所属联盟",
        "本人所在联盟",
        "工作联盟",
        "联盟",
        "联盟名称",
        "own alliance",
        "alliance",
    ),  # fmt: skip
    "declared": ("回避联盟", "需回避联盟", "回避", "利益冲突", "conflicts", "declared conflicts"),
    "seq": ("序号", "编号", "no", "no.", "#"),
    "title": ("职务", "职称", "单位", "工作单位", "title", "position"),
}
_SPLIT = re.compile(r"[;；、,，/\n]+")


@dataclass(frozen=True)
class ReviewerRow:
    row: int
    name: str
    own: frozenset[str]
    declared: frozenset[str]


@dataclass(frozen=True)
class ReviewerProblem:
    row: int
    kind: str
    zh: str
    en: str
    blocking: bool = True


@dataclass
class ReviewerPlan:
    rows: list[ReviewerRow]
    problems: list[ReviewerProblem]
    notes: list[Note] = field(default_factory=list)

    def accepted(self) -> list[ReviewerRow]:
        blocked = {p.row for p in self.problems if p.blocking}
        return [r for r in self.rows if r.row not in blocked]

    def errors(self) -> list[ReviewerProblem]:
        """The problems that leave a row out (a reviewer already listed is no error)."""
        return [p for p in self.problems if p.blocking and p.kind != "exists"]

    def describe(self, names: dict[str, str], english: bool = False) -> list[str]:
        by_row: dict[int, list[ReviewerProblem]] = {}
        for p in self.problems:
            by_row.setdefault(p.row, []).append(p)
        lines = []
        for r in self.rows:
            found = by_row.get(r.row, [])
            mark = "✗" if any(p.blocking for p in found) else ("!" if found else " ")
            own = "；".join(sorted(names.get(u, u) for u in r.own)) or "—"
            declared = "；".join(sorted(names.get(u, u) for u in r.declared))
            conflicts = (
                (f"  declared: {declared}" if english else f"  回避：{declared}")
                if declared
                else ""
            )
            text = "  ".join(p.en if english else p.zh for p in found)
            lines.append(f"{mark} {r.row:>5}  {r.name}  {own}{conflicts}  {text}".rstrip())
        for n in self.notes:
            lines.append(f"· {n.row:>5}  {n.en if english else n.zh}")
        return lines


person_name = name_rules.person_name


def read_table(path: Path | str) -> Table:
    return table_import.read_table(path, HEADER_WORDS, "name", ("评审专家名单", "reviewer list"))


class AllianceFinder:
    """The alliance a reviewer list names, as people name alliances: the full name (but
    for spacing, width, brackets), a former name, its short name or the short form the
    source uses ("住宅联盟", "AVS联盟"), with "本人所在：" and a role ("秘书长") around it."""

    def __init__(self, entries: Sequence[Alliance | RegisterEntry]) -> None:
        self.entries = [e if isinstance(e, RegisterEntry) else RegisterEntry(e) for e in entries]
        self.by_name = {e.alliance.name: e.alliance.uid for e in self.entries}
        self.by_key: dict[str, set[str]] = {}
        self.by_short: dict[str, set[str]] = {}
        for e in self.entries:
            a = e.alliance
            keys = {name_key(a.name)} | {name_key(f.name) for f in e.former_names}
            for key in keys:
                self.by_key.setdefault(key, set()).add(a.uid)
            for key in short_keys(a.name, a.short_name):
                self.by_short.setdefault(key, set()).add(a.uid)
        self.names = {e.alliance.uid: e.alliance.name for e in self.entries}

    def find(self, text: str) -> str | None:
        wanted = clean_text(text)
        if wanted in self.by_name:
            return self.by_name[wanted]
        for candidate in (wanted, alliance_reference(wanted)):
            key = name_key(normal_name(candidate))
            for table in (self.by_key, self.by_short):
                found = table.get(key, set())
                if len(found) == 1:
                    return next(iter(found))
        return None

    def closest(self, text: str) -> str | None:
        shorts = [
            (derived_short_name(e.alliance.name) or e.alliance.name, e.alliance.name)
            for e in self.entries
        ]
        wanted = alliance_reference(clean_text(text))
        near = closest(wanted, [n for _, n in shorts] + [s for s, _ in shorts])
        if near is None:
            return None
        return next((full for short, full in shorts if near in (short, full)), near)


def plan_import(
    table: Table,
    alliances: Sequence[Alliance | RegisterEntry],
    existing: Sequence[Reviewer],
) -> ReviewerPlan:
    mapping = table_import.guess(table, HEADER_WORDS)
    column = mapping["name"]
    assert column is not None  # the header was found by this field
    table_import.refuse_numbers_as_names(table, column, ("姓名", "names"))
    finder = AllianceFinder(alliances)
    taken = {r.name for r in existing}
    notes: list[Note] = []
    rows: list[ReviewerRow] = []
    problems: list[ReviewerProblem] = []
    seen: dict[str, int] = {}
    used = [c for c in (mapping["name"], mapping["own"], mapping["declared"]) if c is not None]
    limits = {"name": name_rules.REVIEWER_NAME_CHARS + 100}  # a name cell may hold more
    for number, values, _section in data_rows(table, used, notes, column):
        uids: dict[str, set[str]] = {"own": set(), "declared": set()}
        for field_name in FIELDS:
            problem = unusable(
                cell(values, mapping[field_name]),
                number,
                mapping[field_name],
                limits.get(field_name, 2000),
            )
            if problem is not None:
                problems.append(ReviewerProblem(number, "unusable", *problem))
        raw = cell(values, column)
        person = split_person(clean_text(raw))
        name = person_name(person.name)
        for part in ("own", "declared"):
            for text in _SPLIT.split(cell(values, mapping[part])):
                wanted = clean_text(text)
                if not wanted:
                    continue
                uid = finder.find(wanted)
                if uid is not None:
                    uids[part].add(uid)
                    continue
                near = finder.closest(wanted)
                problems.append(
                    ReviewerProblem(
                        number,
                        "unknown_alliance",
                        f"「{wanted}」不在本轮次的联盟名单中"
                        + (f"；最接近的是「{near}」" if near else "")
                        + "。",
                        f"{wanted} is not on this round's roster"
                        + (f"; the closest is {near}" if near else "")
                        + ".",
                    )
                )
        if person.split:
            problems.append(
                ReviewerProblem(
                    number,
                    "split",
                    f"单元格「{clean_text(raw)}」拆分为姓名「{name}」"
                    + (f"、职务「{person.title}」" if person.title else "")
                    + (f"、单位「{person.employer}」" if person.employer else "")
                    + "；只保存姓名，请核对。",
                    f"The cell {clean_text(raw)!r} is split into the name {name!r}"
                    + (f", the title {person.title!r}" if person.title else "")
                    + (f", the employer {person.employer!r}" if person.employer else "")
                    + "; only the name is stored: please check.",
                    blocking=False,
                )
            )
        if not name:
            problems.append(ReviewerProblem(number, "blank", "姓名为空。", "The name is blank."))
        elif name in seen:
            problems.append(
                ReviewerProblem(
                    number,
                    "duplicate",
                    f"「{name}」与第 {seen[name]} 行重复。",
                    f"{name} repeats row {seen[name]}.",
                )
            )
        elif name in taken:
            problems.append(
                ReviewerProblem(
                    number,
                    "exists",
                    f"「{name}」已在评审专家列表中，此行不导入。",
                    f"{name} is already listed; the row is left out.",
                )
            )
        elif name != clean_text(raw) and not person.split:
            problems.append(
                ReviewerProblem(
                    number,
                    "normalised",
                    f"姓名按统一写法保存为「{name}」（原为「{clean_text(raw)}」）。",
                    f"The name is stored as {name!r} (written {clean_text(raw)!r}).",
                    blocking=False,
                )
            )
        seen.setdefault(name, number)
        own = frozenset(uids["own"])
        rows.append(ReviewerRow(number, name, own, frozenset(uids["declared"]) - own))
    problems.sort(key=lambda p: p.row)
    return ReviewerPlan(rows, problems, notes)


def apply_import(store: RoundStore, plan: ReviewerPlan) -> list[Reviewer]:
    """Add the accepted rows in one transaction; a refusal writes nothing."""
    accepted = plan.accepted()
    if not accepted:
        raise UserError("没有可导入的评审专家。", "No reviewer can be imported.")
    with store.atomic():
        return [roster.add_reviewer(store, r.name, r.own, r.declared) for r in accepted]


def refusal(path: Path, problems: Sequence[ReviewerProblem]) -> UserError:
    """The command line's refusal: the first problems with their rows."""
    blocking = [p for p in problems if p.blocking and p.kind != "exists"]
    shown = blocking[:3]
    zh = "；".join(f"第 {p.row} 行：{p.zh.rstrip('。')}" for p in shown) + "。"
    en = "; ".join(f"row {p.row}: {p.en.rstrip('.')}" for p in shown) + "."
    if len(blocking) > len(shown):
        zh += f"另有 {len(blocking) - len(shown)} 处问题；--dry-run 可列出全部。"
        en += f" {len(blocking) - len(shown)} more problem(s); --dry-run lists them all."
    return UserError(
        f"未导入任何内容。「{path.name}」{zh}可用 --skip-bad 只导入没有问题的行。",
        f"Nothing imported. {path.name}, {en} --skip-bad imports the rows without a problem.",
    )


def find_alliance(alliances: Sequence[Alliance | RegisterEntry], text: str) -> str:
    """The uid of the alliance ``text`` names, as a reviewer list would name it (the full
    name but for spacing and width, a former or short name, "住宅联盟"); refused with the
    closest name otherwise."""
    finder = AllianceFinder(alliances)
    uid = finder.find(text)
    if uid is not None:
        return uid
    wanted = clean_text(text)
    near = finder.closest(wanted)
    raise UserError(
        f"「{wanted}」不在本轮次的联盟名单中" + (f"；最接近的是「{near}」" if near else "") + "。",
        f"{wanted} is not on this round's roster"
        + (f"; the closest is {near}" if near else "")
        + ".",
    )
