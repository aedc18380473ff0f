"""This year's list against the round's register: a comparison, not a refusal.

Each listed alliance is matched to the register by identity as a person would: its name
as stored, the same but for spacing, width or brackets, a former name, or its short
name. The comparison then says what is unchanged, what changed (batch, contact, short
name, the spelling of the name: old -> new; a withdrawn alliance listed again), what is
new, and which pilots of the register the list no longer has (offered as withdrawn this
year). Rows whose remarks say the alliance withdrew (退出, 撤销, 不再参评 ...) are offered
as "withdraw these".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from alliance_review.core.register import SUSPENDED, WITHDRAWN, RegisterEntry
from alliance_review.core.roster import Alliance
from alliance_review.core.roster_checks import name_key

_WITHDRAWN = re.compile(r"退出|撤销|撤消|不再参评|不再参加|取消试点|取消资格|注销|解散|终止试点")
_SUSPENDED = re.compile(r"暂停|暂缓")
_NEGATED = re.compile(r"(未|不|没有|无|拟)(申请)?$")


def withdrawal_in(remark: str) -> str | None:
    """WITHDRAWN or SUSPENDED when a remark says so ("已退出", "撤销试点", "暂停评价"),
    None otherwise (also for "未退出", "不退出")."""
    for status, pattern in ((WITHDRAWN, _WITHDRAWN), (SUSPENDED, _SUSPENDED)):
        for found in pattern.finditer(remark):
            if not _NEGATED.search(remark[: found.start()]):
                return status
    return None


@dataclass(frozen=True)
class ListedAlliance:
    """One row of the list, read and checked: what it would store."""

    row: int
    name: str
    batch: str | None
    contact: str = ""
    short_name: str = ""
    withdrawal: str | None = None  # WITHDRAWN / SUSPENDED when its remark says so
    remark: str = ""


@dataclass(frozen=True)
class Changed:
    """A listed alliance already in the register whose data the list changes."""

    row: int
    before: Alliance
    after: Alliance
    reinstated: bool = False  # withdrawn or suspended in the register, listed again

    @property
    def fields(self) -> tuple[str, ...]:
        pairs = (
            ("name", self.before.name, self.after.name),
            ("batch", self.before.batch, self.after.batch),
            ("contact", self.before.contact, self.after.contact),
            ("short_name", self.before.short_name, self.after.short_name),
        )
        return tuple(n for n, a, b in pairs if a != b) + (("status",) if self.reinstated else ())


@dataclass
class Comparison:
    """The four groups (and the rows whose remarks say withdrawn), in list order."""

    unchanged: list[tuple[int, Alliance]] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    new: list[ListedAlliance] = field(default_factory=list)
    missing: list[RegisterEntry] = field(default_factory=list)
    # rows whose remark says withdrawn/suspended: with the register's entry when matched
    withdrawing: list[tuple[ListedAlliance, RegisterEntry | None]] = field(default_factory=list)
    # a second row naming an alliance an earlier row named: (row, earlier row)
    repeated: list[tuple[int, int]] = field(default_factory=list)


def match(
    listed: Sequence[ListedAlliance], register: Sequence[RegisterEntry]
) -> dict[int, RegisterEntry]:
    """Row -> the register entry the row names (each entry matched once, first row first)."""
    by_name = {e.alliance.name: e for e in register}
    by_key: dict[str, list[RegisterEntry]] = {}
    by_former: dict[str, list[RegisterEntry]] = {}
    by_short: dict[str, list[RegisterEntry]] = {}
    for entry in register:
        by_key.setdefault(name_key(entry.alliance.name), []).append(entry)
        for former in entry.former_names:
            by_former.setdefault(name_key(former.name), []).append(entry)
        if entry.alliance.short_name:
            by_short.setdefault(name_key(entry.alliance.short_name), []).append(entry)
    found: dict[int, RegisterEntry] = {}
    for item in listed:
        key = name_key(item.name)
        candidates = [by_name[item.name]] if item.name in by_name else []
        for table in (by_key, by_former, by_short):
            if not candidates and len(table.get(key, [])) == 1:
                candidates = table[key]
        if not candidates and item.short_name:
            short = by_short.get(name_key(item.short_name), [])
            candidates = short if len(short) == 1 else []
        if candidates:
            found[item.row] = candidates[0]
    return found


def compare(
    listed: Sequence[ListedAlliance],
    register: Sequence[RegisterEntry],
    given: Sequence[str] = ("batch", "contact", "short_name"),
    spelled: Callable[[str], str] = str,
) -> Comparison:
    """The list against the register. ``given``: the fields the list has a column for
    (a blank cell never erases what the register holds); ``spelled``: a stored name as
    the list's names are normalised (a list that writes a name exactly as the register
    holds it is no spelling change, though the list's reading normalises it)."""
    matched = match(listed, register)
    result = Comparison()
    seen: dict[str, int] = {}
    for item in listed:
        entry = matched.get(item.row)
        if entry is not None and entry.alliance.uid in seen:
            result.repeated.append((item.row, seen[entry.alliance.uid]))
            continue
        if entry is not None:
            seen[entry.alliance.uid] = item.row
        if item.withdrawal is not None:
            result.withdrawing.append((item, entry))
            continue
        if entry is None:
            result.new.append(item)
            continue
        before = entry.alliance
        same = spelled(before.name) == item.name
        after = Alliance(
            before.uid,
            before.name if same else item.name,
            before.position,
            item.batch if "batch" in given and item.batch else before.batch,
            item.contact if "contact" in given and item.contact else before.contact,
            item.short_name if "short_name" in given and item.short_name else before.short_name,
        )
        if after == before and entry.active:
            result.unchanged.append((item.row, before))
        else:
            result.changed.append(Changed(item.row, before, after, not entry.active))
    result.missing = [e for e in register if e.active and e.alliance.uid not in seen]
    return result
