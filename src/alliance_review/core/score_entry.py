"""What a reviewer types into a score or note field, read without changing it.

``read_entry`` never repairs a value: "44" on a 0-4 indicator is refused (with the allowed
values in words), never cut to 4; "-1" is refused, never read as 1; a blank field is "no
score", which the window treats as a deliberate clear. Full-width digits and points
(０-９, ．, 。), which a Chinese input method produces, read as digits and a point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from alliance_review.core.errors import UserError
from alliance_review.core.points import format_points, is_on_step
from alliance_review.core.rubric import Indicator

#: the longest evidence note (评分依据) a reviewer file holds, in characters
MAX_NOTE_CHARS = 2000

#: a typed score longer than this is no score (and is never read as a number)
MAX_SCORE_CHARS = 12

# a Chinese input method in Chinese punctuation mode types "." as "。"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．。", "0123456789..")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")


class EntryState(Enum):
    EMPTY = "empty"  # nothing typed: no score
    VALID = "valid"  # a score the indicator takes
    INVALID = "invalid"  # anything else: shown as invalid, never stored


@dataclass(frozen=True)
class ScoreEntry:
    state: EntryState
    points: Fraction | None = None


def normalise(text: str) -> str:
    """Full-width digits and point as ASCII, surrounding blanks dropped."""
    return text.translate(_FULL_WIDTH).strip()


def read_entry(text: str, indicator: Indicator) -> ScoreEntry:
    """Read a typed score for ``indicator``; a space alone is not a clear, it is invalid."""
    if text == "":
        return ScoreEntry(EntryState.EMPTY)
    cleaned = normalise(text)
    if len(cleaned) > MAX_SCORE_CHARS or not _NUMBER.match(cleaned):
        return ScoreEntry(EntryState.INVALID)
    points = Fraction(cleaned)
    if points > indicator.max_points or not is_on_step(points, indicator.step):
        return ScoreEntry(EntryState.INVALID)
    return ScoreEntry(EntryState.VALID, points)


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
