"""Checks of a roster before it is written: blank, duplicate and near-duplicate names.

The published 2015 names show how the same alliance is typed differently: "TD 产业…"
with a space, "（AVS）" with full-width brackets where another list has "(AVS)".
``name_key`` folds those differences so that near-duplicates are flagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from alliance_review.core.batch_names import UnknownBatch, read_batch
from alliance_review.core.roster import BATCHES, Alliance

__all__ = ["UnknownBatch", "parse_batch", "check_roster", "name_key", "clean_name"]

_SPACE = re.compile(r"\s+")
_BRACKETS = str.maketrans({"[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")"})


def name_key(name: str) -> str:
    """A name with width, spacing, bracket shape and letter case folded away."""
    folded = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    return _SPACE.sub("", folded).casefold()


def clean_name(name: str) -> str:
    """What is stored: outer spaces removed, inner runs of spaces made one."""
    return _SPACE.sub(" ", name.strip())


def parse_batch(text: str | None, batches: Sequence[str] = BATCHES) -> str | None:
    """ "第一批", "1", "一", "首批", "Ⅱ" -> the batch among ``batches``; blank -> None;
    anything else (a batch the round does not have) is refused (``UnknownBatch``)."""
    reading = read_batch(text, batches)
    if not reading.known:
        raise UnknownBatch(text)
    return reading.name


@dataclass(frozen=True)
class RosterEntry:
    """One row read from a roster file, before it becomes an alliance."""

    row: int  # the row number in the source file (1-based, as a spreadsheet shows it)
    name: str
    batch: str = ""  # as the cell (or the section heading above the row) writes it
    contact: str = ""
    short_name: str = ""
    remark: str = ""  # the remarks column (备注)
    hidden: str = ""  # "hidden" or "filtered": a row the sheet does not show


@dataclass(frozen=True)
class RosterProblem:
    """A problem with one row; ``blocking`` rows are left out of the import."""

    row: int
    kind: str  # "blank", "duplicate", "exists", "near_duplicate", "unknown_batch"
    zh: str
    en: str
    blocking: bool = True


def check_roster(
    entries: Sequence[RosterEntry],
    existing: Sequence[Alliance] = (),
    batches: Sequence[str] = BATCHES,
) -> list[RosterProblem]:
    """Every problem of the entries, alone and against ``existing`` (an import that adds
    to a roster; an update compares instead: ``core.roster_update``). A batch that is not
    one of ``batches`` is a problem unless it is a later batch ("第四批": the plan offers
    to add it)."""
    problems: list[RosterProblem] = []
    seen_exact: dict[str, int] = {}
    seen_key: dict[str, tuple[int, str]] = {}
    existing_exact = {a.name for a in existing}
    existing_key = {name_key(a.name): a.name for a in existing}
    for entry in entries:
        name = clean_name(entry.name)
        if not name:
            problems.append(
                RosterProblem(entry.row, "blank", "联盟名称为空。", "The alliance name is blank.")
            )
            continue
        key = name_key(name)
        if name in seen_exact:
            first = seen_exact[name]
            problems.append(
                RosterProblem(
                    entry.row,
                    "duplicate",
                    f"「{name}」与第 {first} 行重复。",
                    f"{name} repeats row {first}.",
                )
            )
        elif name in existing_exact:
            problems.append(
                RosterProblem(
                    entry.row,
                    "exists",
                    f"「{name}」已在名单中。",
                    f"{name} is already on the roster.",
                )
            )
        elif key in seen_key:
            first, other = seen_key[key]
            problems.append(
                RosterProblem(
                    entry.row,
                    "near_duplicate",
                    f"「{name}」与第 {first} 行「{other}」只差空格、全半角或括号，可能是同一联盟。",
                    f"{name} differs from row {first} ({other}) only in spacing, width or "
                    "brackets; it may be the same alliance.",
                    blocking=False,
                )
            )
        elif key in existing_key:
            other = existing_key[key]
            problems.append(
                RosterProblem(
                    entry.row,
                    "near_duplicate",
                    f"「{name}」与名单中的「{other}」只差空格、全半角或括号，可能是同一联盟。",
                    f"{name} differs from {other} on the roster only in spacing, width or "
                    "brackets; it may be the same alliance.",
                    blocking=False,
                )
            )
        seen_exact.setdefault(name, entry.row)
        seen_key.setdefault(key, (entry.row, name))
        try:
            read_batch(entry.batch, batches)
        except UnknownBatch:
            problems.append(
                RosterProblem(
                    entry.row,
                    "unknown_batch",
                    f"批次「{entry.batch}」无法识别：不是本轮次的批次（{'、'.join(batches)}），"
                    "也不是“第N批”的写法，此行未导入；请改正批次或留空。",
                    f"Unknown batch {entry.batch!r}: not one of this round's batches "
                    f"({', '.join(batches)}) nor a batch written as 第N批; the row is left "
                    "out: correct it or leave it blank.",
                )
            )
    return problems


def near_duplicates(alliances: Sequence[Alliance]) -> dict[str, str]:
    """Alliance uid -> the name of another roster entry it nearly duplicates."""
    groups: dict[str, list[Alliance]] = {}
    for alliance in alliances:
        groups.setdefault(name_key(alliance.name), []).append(alliance)
    found: dict[str, str] = {}
    for group in groups.values():
        for alliance in group if len(group) > 1 else ():
            found[alliance.uid] = next(a.name for a in group if a.uid != alliance.uid)
    return found
