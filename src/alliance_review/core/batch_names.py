"""Pilot batch names as offices write them, read as the round's batches.

Lists write the same batch many ways: "第一批", "1", "1批", "一", "首批", "第一批次",
"二批", "Ⅱ", "第三批（2012年）". Each reads as the canonical "第N批" (with the year in
brackets kept as the year the batch was designated); a name that is one of the round's
own batches (any wording the secretary gave it) is taken as it is. A well-formed batch
the round does not have yet ("第四批") is a new batch to add; anything else is unknown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

DIGITS = "零一二三四五六七八九"
UNKNOWN_WORDS = ("批次不详", "不详", "未知", "待定", "-", "—", "/")
_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"[（(【\[]\s*((?:19|20|21)\d\d)\s*年?\s*(?:批准|认定|确定|公布)?\s*[)）】\]]$")
_BRACKET = re.compile(r"[（(【\[][^（()）【】\[\]]*[)）】\]]$")
_SHAPE = re.compile(r"^第?([0-9一二三四五六七八九十两首IVXⅰ-ⅻⅠ-Ⅻ]+)(?:批次|批)?(?:试点)?(?:联盟)?$")
_ROMAN = {"I": 1, "V": 5, "X": 10}


class UnknownBatch(ValueError):
    pass


def chinese_number(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九 (1 to 99)."""
    if not 1 <= number <= 99:
        raise ValueError(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


def batch_of_number(number: int) -> str:
    return f"第{chinese_number(number)}批"


def batch_number(name: str) -> int | None:
    """The N of a batch named "第N批" (第四批 -> 4), None for a name of another shape."""
    shape = _SHAPE.match(name)
    return _number(shape.group(1)) if shape and name.startswith("第") else None


def _number(text: str) -> int | None:
    if text == "首":
        return 1
    if text.isdigit():
        value = int(text)
        return value if 1 <= value <= 99 else None
    if set(text) <= set(_ROMAN):
        return _roman(text)
    if set(text) <= set(DIGITS[1:] + "十两"):
        text = text.replace("两", "二")
        if "十" not in text:
            return DIGITS.index(text) if len(text) == 1 else None
        head, _, tail = text.partition("十")
        if len(head) > 1 or len(tail) > 1 or "十" in tail:
            return None
        return (DIGITS.index(head) if head else 1) * 10 + (DIGITS.index(tail) if tail else 0)
    return None


def _roman(text: str) -> int | None:
    total, previous = 0, 0
    for letter in reversed(text):
        value = _ROMAN[letter]
        total += -value if value < previous else value
        previous = max(previous, value)
    valid = {n: _to_roman(n) for n in range(1, 40)}
    return total if valid.get(total) == text else None


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


@dataclass(frozen=True)
class BatchReading:
    """What a batch cell means: the batch's name (None: unknown batch), whether the round
    has it already, and the year the cell gives for it (from "（2012年）")."""

    name: str | None
    known: bool = True
    designated: int | None = None
    spelled: str = ""  # the cell's text when it was not already the stored name


def read_batch(text: str | None, batches: Sequence[str]) -> BatchReading:
    """The batch ``text`` names among the round's ``batches``; UnknownBatch otherwise."""
    raw = _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))
    if raw.endswith(".0") and raw[:-2].isdigit():  # a number cell from Excel
        raw = raw[:-2]
    if not raw or raw in UNKNOWN_WORDS:
        return BatchReading(None)
    if raw in batches:
        return BatchReading(raw)
    year_match = _YEAR.search(raw)
    designated = int(year_match.group(1)) if year_match else None
    core = _BRACKET.sub("", raw) if _BRACKET.search(raw) else raw
    if core in batches:
        return BatchReading(core, True, designated, text or "")
    shape = _SHAPE.match(core.upper())
    number = _number(shape.group(1)) if shape else None
    if number is None:
        raise UnknownBatch(text)
    name = batch_of_number(number)
    return BatchReading(name, name in batches, designated, "" if name == raw else (text or ""))
