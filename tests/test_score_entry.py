"""What a reviewer types into a score field is read, never repaired (core, no window)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from alliance_review.core.errors import UserError
from alliance_review.core.rubric import Indicator
from alliance_review.core.score_entry import (
    MAX_NOTE_CHARS,
    EntryState,
    allowed_values,
    check_note,
    read_entry,
)

WHOLE = Indicator("1.1", "年度工作总结", "", Fraction(4))
HALVES = Indicator("2.1", "协同创新", "", Fraction(5), Fraction(1, 2))
VALID, INVALID, EMPTY = EntryState.VALID, EntryState.INVALID, EntryState.EMPTY


@pytest.mark.parametrize(
    ("text", "state", "points"),
    [
        ("", EMPTY, None),  # nothing typed: no score (a deliberate clear in the window)
        ("0", VALID, Fraction(0)),
        ("4", VALID, Fraction(4)),
        ("04", VALID, Fraction(4)),
        ("4 ", VALID, Fraction(4)),
        ("９", INVALID, None),  # full-width 9: read as 9, above 4
        ("３", VALID, Fraction(3)),  # full-width digits are digits
        ("9", INVALID, None),  # above the maximum: never cut, never blank
        ("44", INVALID, None),  # was saved as 4
        ("-1", INVALID, None),  # was saved as 1
        ("-", INVALID, None),
        ("2.5", INVALID, None),  # whole points: was saved as 2
        ("2.", INVALID, None),
        (".", INVALID, None),
        (" ", INVALID, None),  # a space is no clear (it erased a saved score)
        ("1e0", INVALID, None),
        ("½", INVALID, None),
        ("四", INVALID, None),
        ("1" * 40, INVALID, None),
    ],
)
def test_whole_point_entries(text: str, state: EntryState, points: Fraction | None):
    entry = read_entry(text, WHOLE)
    assert (entry.state, entry.points) == (state, points)


@pytest.mark.parametrize(
    ("text", "state", "points"),
    [
        ("2.5", VALID, Fraction(5, 2)),
        ("２．５", VALID, Fraction(5, 2)),  # full-width point too
        ("2。5", VALID, Fraction(5, 2)),  # "." typed in Chinese punctuation mode
        ("5.0", VALID, Fraction(5)),
        ("2.3", INVALID, None),  # off the 0.5 step
        ("5.5", INVALID, None),
        ("2.50", VALID, Fraction(5, 2)),
    ],
)
def test_half_point_entries(text: str, state: EntryState, points: Fraction | None):
    entry = read_entry(text, HALVES)
    assert (entry.state, entry.points) == (state, points)


def test_the_allowed_values_in_words():
    assert allowed_values(WHOLE) == "0-4，整数分"
    assert allowed_values(WHOLE, "en") == "0-4, whole points"
    assert allowed_values(HALVES) == "0-5，步长 0.5"
    assert allowed_values(HALVES, "en") == "0-5, steps of 0.5"


def test_a_note_longer_than_the_limit_is_refused_in_one_sentence():
    check_note("材" * MAX_NOTE_CHARS)
    with pytest.raises(UserError) as refused:
        check_note("材" * (MAX_NOTE_CHARS + 1))
    assert str(MAX_NOTE_CHARS) in str(refused.value) and "2001" in refused.value.en
