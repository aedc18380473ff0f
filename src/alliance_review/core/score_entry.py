"""What a reviewer types into a score or note field, read without changing it.

This is the one reader of a typed or imported number: the window's score field, the
offline scoring workbook, the self-evaluation workbook and the command line's
``--points`` all call it, so one text gets one answer everywhere.

``read_entry`` never repairs a value: "44" on a 0-4 indicator is refused (with the allowed
values in words), never cut to 4; "-1" is refused, never read as 1; a blank field is "no
score", which the window treats as a deliberate clear. Full-width digits and points
(０-９, ．, 。), which a Chinese input method produces, read as digits and a point. Nothing
else is a number: "5/5", "1e1", "1_0", "4分", "满分", "+3", "٣" are refused (``Fraction``
would read the first three).
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from alliance_review.core.errors import ScoreError, UserError
from alliance_review.core.points import format_points, is_on_step
from alliance_review.core.rubric import Indicator

#: the longest evidence note (评分依据) a reviewer file holds, in characters
MAX_NOTE_CHARS = 2000

#: a typed score longer than this is no score (and is never read as a number)
MAX_SCORE_CHARS = 12

# a Chinese input method in Chinese punctuation mode types "." as "。"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．。", "0123456789..")
# ASCII digits only: ``\d`` (and so ``Fraction``) also takes Arabic-Indic and other digits
_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$", re.ASCII)


class EntryState(Enum):
    EMPTY = "empty"  # nothing typed: no score
    VALID = "valid"  # a score the indicator takes
    INVALID = "invalid"  # anything else: shown as invalid, never stored


class Problem(Enum):
    """Why an entry is invalid."""

    NOT_A_NUMBER = "not-a-number"  # "5/5", "4分", "满分", "-1", a date cell
    ABOVE = "above"  # a number above the indicator's maximum
    OFF_STEP = "off-step"  # "2.5" on a whole-point indicator


@dataclass(frozen=True)
class ScoreEntry:
    state: EntryState
    points: Fraction | None = None
    problem: Problem | None = None


def normalise(text: str) -> str:
    """Full-width digits and point as ASCII, surrounding blanks dropped."""
    return text.translate(_FULL_WIDTH).strip()


def read_number(text: str) -> Fraction | None:
    """A plain decimal number ("3", "2.5", "２．５"), exactly; None for anything else."""
    cleaned = normalise(text)
    if len(cleaned) > MAX_SCORE_CHARS or not _NUMBER.match(cleaned):
        return None
    return Fraction(cleaned)


def _check(points: Fraction, indicator: Indicator) -> ScoreEntry:
    if points > indicator.max_points:
        return ScoreEntry(EntryState.INVALID, problem=Problem.ABOVE)
    if not is_on_step(points, indicator.step):
        return ScoreEntry(EntryState.INVALID, problem=Problem.OFF_STEP)
    return ScoreEntry(EntryState.VALID, points)


def read_entry(text: str, indicator: Indicator) -> ScoreEntry:
    """Read a typed score for ``indicator``; a space alone is not a clear, it is invalid."""
    if text == "":
        return ScoreEntry(EntryState.EMPTY)
    points = read_number(text)
    if points is None:
        return ScoreEntry(EntryState.INVALID, problem=Problem.NOT_A_NUMBER)
    return _check(points, indicator)


def read_cell(value: object, indicator: Indicator) -> ScoreEntry:
    """A workbook cell's value read as ``read_entry`` reads typed text.

    A text cell is read as typed; a number cell (int, or a float read through its
    shortest decimal form) must be a value the indicator takes; a blank cell is no
    score; a date, a time, TRUE/FALSE or an error value is no number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ScoreEntry(EntryState.EMPTY)
    if isinstance(value, str):
        return read_entry(value.strip(), indicator)
    if isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time)):
        return ScoreEntry(EntryState.INVALID, problem=Problem.NOT_A_NUMBER)
    if isinstance(value, int):
        points = Fraction(value)
    elif isinstance(value, float) and math.isfinite(value):
        points = Fraction(Decimal(repr(value)))
    else:
        return ScoreEntry(EntryState.INVALID, problem=Problem.NOT_A_NUMBER)
    if points < 0:
        return ScoreEntry(EntryState.INVALID, problem=Problem.NOT_A_NUMBER)
    return _check(points, indicator)


def example(indicator: Indicator) -> str:
    """A value the indicator takes, to show how to write one: "3", or "2.5" with halves."""
    top = indicator.max_points
    if indicator.step.denominator == 1:
        return format_points(min(top, Fraction(3)) if top >= 1 else Fraction(0))
    value = indicator.step * ((top / indicator.step) // 2)
    if value.denominator == 1 and value + indicator.step <= top:
        value += indicator.step
    return format_points(value)


def shown_text(value: object) -> str:
    """What the reviewer wrote, quoted in a sentence (long texts cut)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, datetime.datetime):
        text = value.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
    else:
        text = str(value)
    return text if len(text) <= 20 else text[:20] + "…"


def refusal(
    value: object, indicator: Indicator, where_zh: str = "", where_en: str = ""
) -> ScoreError:
    """One sentence for an invalid entry: where it is (when given), what was written, why it
    is no score of the indicator, the values it takes and an example of what to write."""
    shown = shown_text(value)
    code, top = indicator.code, format_points(indicator.max_points)
    allowed_zh, allowed_en = allowed_values(indicator, "zh"), allowed_values(indicator, "en")
    sample = example(indicator)
    before_zh = f"{where_zh}：" if where_zh else ""
    before_en = f"{where_en}: " if where_en else ""
    problem = read_cell(value, indicator).problem
    if problem is Problem.ABOVE:
        zh = f"「{shown}」超过指标 {code} 的满分 {top} 分"
        en = f'"{shown}" is above the maximum of indicator {code} ({top})'
    elif problem is Problem.OFF_STEP:
        zh = f"「{shown}」不在指标 {code} 的计分档上"
        en = f'"{shown}" is off the step of indicator {code}'
    else:
        zh = f"「{shown}」不是分数"
        en = f'"{shown}" is not a score'
    return ScoreError(
        f"{before_zh}{zh}（可取 {allowed_zh}），请只写数字，例如 {sample}。",
        f"{before_en}{en} (it takes {allowed_en}); write the number alone, for example {sample}.",
    )


def allowed_values(indicator: Indicator, language: str = "zh") -> str:
    """The values an indicator takes, in words: "0-4，整数分" / "0-4, whole points"."""
    top = format_points(indicator.max_points)
    english = language.startswith("en")
    if indicator.step == 1:
        return f"0-{top}, whole points" if english else f"0-{top}，整数分"
    step = format_points(indicator.step)
    return f"0-{top}, steps of {step}" if english else f"0-{top}，步长 {step}"


def check_note(note: str) -> None:
    """Refuse a note longer than ``MAX_NOTE_CHARS`` (the file and every import)."""
    if len(note) > MAX_NOTE_CHARS:
        raise UserError(
            f"评分依据最多 {MAX_NOTE_CHARS} 字，这一条有 {len(note)} 字。",
            f"An evidence note holds at most {MAX_NOTE_CHARS} characters; this one has "
            f"{len(note)}.",
        )


def read_points(text: str) -> Fraction:
    """A number of points typed or given on the command line (a panel decision), read
    exactly or refused in one sentence: never a sign, an exponent, NaN or Infinity.

    The range (an indicator's maximum, 100 for a total) is checked where it is known.
    """
    points = read_number(text)
    if points is None:
        shown = shown_text(text)
        raise ScoreError(
            f"「{shown}」不是有效的分数：请写 0 或正数，最多两位小数，例如 85 或 85.5。",
            f'"{shown}" is not a valid number of points: write 0 or a positive number with at'
            " most two decimals, such as 85 or 85.5.",
        )
    return points
