"""Reviewers as offices write them: a person's name, often with a title and an employer
in the same cell ("李四 研究员 中国农业大学", "王建国（秘书长）"), and their alliance named
as the source names alliances in running text ("住宅联盟", "TD联盟秘书长", "本人所在：…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alliance_review.core.roster_checks import name_key

TITLES = (
    "教授级高级工程师", "教授级高工", "正高级工程师", "高级工程师", "副研究员", "研究员",
    "副教授", "教授", "高工", "工程师", "副秘书长", "秘书长", "常务副理事长", "副理事长",
    "理事长", "副主任", "主任", "副院长", "院长", "副所长", "所长", "副处长", "处长",
    "副总经理", "总经理", "总工程师", "博士", "院士", "经理", "董事长", "部长",
)  # fmt: skip
_EMPLOYER = re.compile(
    r"(大学|学院|研究院|研究所|研究中心|中心|公司|集团|协会|学会|联盟|委员会|部|局|厅|所|院)$"
)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·]{2,5}$")
_BRACKETED = re.compile(r"^(?P<name>[^（(]+)[（(](?P<rest>[^）)]+)[）)]$")
_SEPARATORS = re.compile(r"[\s,，、/|;；]+")


@dataclass(frozen=True)
class PersonCell:
    """A name cell split: the name to store, and the title and employer it also held."""

    name: str
    title: str = ""
    employer: str = ""

    @property
    def split(self) -> bool:
        return bool(self.title or self.employer)


def split_person(text: str) -> PersonCell:
    """The person's name out of a cell that may also hold a title and an employer.

    "李四 研究员 中国农业大学" -> 李四 / 研究员 / 中国农业大学; "王建国（秘书长）" -> 王建国 /
    秘书长; "Zhang San" and "李　红" stay as they are (the caller folds spaces).
    """
    cleaned = text.strip()
    bracketed = _BRACKETED.match(cleaned)
    if bracketed and _CJK_NAME.match(bracketed.group("name").strip()):
        inner = split_person(f"{bracketed.group('name').strip()} {bracketed.group('rest')}")
        if inner.split:
            return inner
    parts = [p for p in _SEPARATORS.split(cleaned) if p]
    if len(parts) < 2 or not _CJK_NAME.match(parts[0]):
        glued = _glued(cleaned)
        return glued or PersonCell(cleaned)
    title: list[str] = []
    employer: list[str] = []
    for part in parts[1:]:
        if any(part.startswith(t) or part.endswith(t) for t in TITLES) and not employer:
            title.append(part)
        elif _EMPLOYER.search(part) or len(part) > 5:
            employer.append(part)
        else:
            return PersonCell(cleaned)  # "李 红": a name padded with a space, not a split
    return PersonCell(parts[0], " ".join(title), " ".join(employer))


def _glued(text: str) -> PersonCell | None:
    """ "李四研究员" (no space): a 2-3 character name followed by a title."""
    for title in TITLES:
        at = text.find(title)
        head = text[:at]
        if 2 <= at <= 3 and _CJK_NAME.match(head) and not _EMPLOYER.search(head):
            rest = text[at + len(title) :].strip()
            if not rest or _EMPLOYER.search(rest):
                return PersonCell(head, title, rest)
    return None


_PREFIX = re.compile(
    r"^(?:本人所在(?:联盟)?|所在联盟|所属联盟|本人联盟|所在|回避(?:联盟)?|需回避|利益冲突)\s*[:：]?\s*"
)
_ROLE = re.compile(r"(?:副?秘书长|秘书处|理事长|副理事长|专家委员会主任|联络员)$")
_LONG_TAILS = (
    "产业技术创新战略联盟",
    "技术创新战略联盟",
    "产业技术创新联盟",
    "创新战略联盟",
    "战略联盟",
)


def alliance_reference(text: str) -> str:
    """An alliance as a reviewer list names it, without "本人所在：" and a role after it
    ("TD联盟秘书长" -> "TD联盟")."""
    cleaned = _PREFIX.sub("", text.strip())
    without_role = _ROLE.sub("", cleaned).strip()
    return without_role or cleaned


def derived_short_name(name: str) -> str:
    """The short name the source forms from a full name: "住宅产业技术创新战略联盟" ->
    "住宅联盟", "TD 产业技术创新战略联盟" -> "TD联盟"; "" when the name is not so formed."""
    for tail in _LONG_TAILS:
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)].strip() + "联盟"
    return ""


_ABBREVIATION = re.compile(r"[（(]([A-Za-z][A-Za-z0-9\-]*)[）)]")


def short_keys(name: str, short_name: str = "") -> set[str]:
    """Every folded short form that names the alliance: its recorded short name, the one
    formed from its name, and "AVS联盟" for a name with "（AVS）" in it."""
    forms = [short_name, derived_short_name(name)]
    forms += [f"{m}联盟" for m in _ABBREVIATION.findall(name)]
    return {name_key(s) for s in forms if s}
