"""The scoring sheet's columns, and one row of it read back (``reviewer_sheet``).

One row per alliance and indicator; the alliance uid and the indicator's step ride in
hidden columns, so a row is matched by id, never by a name a reviewer may have retyped.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from alliance_review.core.rubric import Indicator
from alliance_review.core.score_entry import MAX_NOTE_CHARS, EntryState, read_cell, refusal
from alliance_review.tabular import control_problem
from alliance_review.tabular.text import column_letter, value_text

HEADERS = (
    "联盟",
    "指标编号",
    "二级指标",
    "满分",
    "自评分",
    "自评说明",
    "评分",
    "评分依据",
    "alliance_uid",
    "step",
)
WIDTHS = (34, 9, 42, 7, 8, 42, 8, 48, 12, 6)
(COL_ALLIANCE, COL_CODE, COL_NAME, COL_MAX, COL_SELF, COL_SELF_NOTE, COL_SCORE, COL_NOTE,
 COL_UID, COL_STEP) = range(1, 11)  # fmt: skip
HEADER_ROW = 3

# the uid column is hidden: a row whose alliance is not known is named by its name cell
_ALLIANCE, _CODE, _SCORE, NOTE_LETTER = (
    column_letter(c - 1) for c in (COL_ALLIANCE, COL_CODE, COL_SCORE, COL_NOTE)
)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else value_text(value).strip()


def read_score_row(
    number: int,
    cells: list[Any],
    indicators: dict[str, Indicator],
    names: dict[str, str],
    seen: dict[tuple[str, str], str],
    formulas: dict[tuple[int, int], tuple[str, bool]],
    scores: dict[tuple[str, str], tuple[Fraction | None, str]],
) -> tuple[str, str, str] | tuple[str, str, Fraction | None, str, str]:
    """The row's (uid, code, points, note, score cell ref), or (cell ref, reason, reason in
    English) when it is bad; a cell named is one the reviewer sees (never a hidden one)."""
    uid = _text(cells[COL_UID - 1])
    code = _text(cells[COL_CODE - 1])
    if uid not in names:
        return (
            f"{_ALLIANCE}{number}",
            "不是本文件中的联盟（联盟编号无法识别）",
            "not an alliance of this file (its identifier is not recognised)",
        )
    indicator = indicators.get(code)
    if indicator is None:
        return (
            f"{_CODE}{number}",
            f"指标编号「{code[:20]}」不在评价指标中",
            f'the indicator code "{code[:20]}" is not in the rubric',
        )
    key = (uid, code)
    if key in seen:
        return (
            f"{_CODE}{number}",
            f"与 {seen[key]} 重复（同一联盟同一指标）",
            f"repeats {seen[key]} (the same alliance and indicator)",
        )
    seen[key] = f"{_CODE}{number}"
    score_ref = f"{_SCORE}{number}"
    if formulas and (number, COL_SCORE - 1) in formulas:
        return (score_ref, "评分是公式，请直接填写数字", "the score is a formula; write the number")
    raw = cells[COL_SCORE - 1]
    entry = read_cell(raw, indicator)
    if entry.state is EntryState.INVALID:
        error = refusal(raw, indicator)
        return (score_ref, error.zh, error.en)
    points = entry.points
    note = _text(cells[COL_NOTE - 1])
    note_ref = f"{NOTE_LETTER}{number}"
    if len(note) > MAX_NOTE_CHARS:
        return (
            note_ref,
            f"评分依据有 {len(note)} 字，最多 {MAX_NOTE_CHARS} 字",
            f"the evidence note has {len(note)} characters, at most {MAX_NOTE_CHARS}",
        )
    if note and note != scores.get(key, (None, ""))[1]:
        bad = control_problem(note, number, COL_NOTE - 1)
        if bad is not None:
            return (note_ref, bad[0], bad[1])
    return (uid, code, points, note, score_ref)


