"""The offline scoring workbook: export a reviewer's alliances to Excel and read it back.

One row per alliance and indicator. Only the score and evidence-note cells are
unlocked; the sheet is protected (filters still work) and a data validation holds the
score to 0..max on the rubric's step. Hidden columns and a hidden sheet carry the
identifiers (round, reviewer, alliance uid, indicator code), so an import matches rows
by id, never by a name a reviewer may have retyped. An import is checked whole first:
any bad row refuses the whole workbook with its cell reference, and nothing is written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from fractions import Fraction
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from alliance_review.core.errors import UserError
from alliance_review.core.points import format_points, parse_points
from alliance_review.core.rubric import Rubric
from alliance_review.core.score_entry import MAX_NOTE_CHARS
from alliance_review.services.reviewer_workflow import NoteRule, missing_for_done
from alliance_review.services.xlsx import put_text, save_workbook
from alliance_review.storage.reviewer_store import ReviewerStore

SHEET_TITLE = "评分表"
META_SHEET = "_ids"
FORMAT = "alliance-review-scoring-sheet/1"
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
MAX_REPORTED = 12
Key = tuple[str, str]
Entry = tuple[Fraction | None, str]


def _lines(text: str, width: int) -> int:
    """How many lines a wrapped cell needs (a CJK character is about 1.8 columns wide)."""
    units = sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in text)
    return max(1, math.ceil(units / max(width - 1, 1)))


def _number(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def export_sheet(store: ReviewerStore, out: Path | str) -> int:
    """Write the scoring workbook for every alliance in ``store``; returns the row count."""
    out = Path(out)
    meta = store.meta()
    rubric = store.rubric()
    scores = store.scores()
    self_scores = store.self_scores()
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    put_text(ws.cell(1, 1), f"{meta.round_title} — 评分表（评审专家：{meta.reviewer_name}）")
    ws.cell(1, 1).font = Font(bold=True, size=13)
    put_text(
        ws.cell(2, 1),
        "只需填写「评分」和「评分依据」两列；评分须在 0 到满分之间并符合计分档。"
        "填好后在程序中选择「导入评分表」。请勿增删行列或修改其他单元格。",
    )
    ws.cell(2, 1).font = Font(color="555555", size=9)
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="DCE6F1")
    input_fill = PatternFill("solid", fgColor="FFF9E0")
    for column, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, column)
        put_text(cell, title)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    row = HEADER_ROW
    for alliance in store.alliances():
        for indicator in rubric.indicators():
            row += 1
            key = (alliance.uid, indicator.code)
            points, note = scores.get(key, (None, ""))
            self_points, self_note = self_scores.get(key, (None, ""))
            put_text(ws.cell(row, COL_ALLIANCE), alliance.name)
            put_text(ws.cell(row, COL_CODE), indicator.code)
            put_text(ws.cell(row, COL_NAME), indicator.name)
            ws.cell(row, COL_MAX).value = _number(indicator.max_points)
            ws.cell(row, COL_SELF).value = _number(self_points)
            put_text(ws.cell(row, COL_SELF_NOTE), self_note)
            ws.cell(row, COL_SCORE).value = _number(points)
            put_text(ws.cell(row, COL_NOTE), note)
            put_text(ws.cell(row, COL_UID), alliance.uid)
            ws.cell(row, COL_STEP).value = _number(indicator.step)
            for column in range(1, len(HEADERS) + 1):
                cell = ws.cell(row, column)
                cell.border = border
                cell.alignment = Alignment(
                    vertical="top", wrap_text=column in (COL_NAME, COL_SELF_NOTE, COL_NOTE)
                )
            for column in (COL_SCORE, COL_NOTE):
                ws.cell(row, column).protection = Protection(locked=False)
                ws.cell(row, column).fill = input_fill
            lines = max(
                _lines(str(ws.cell(row, c).value or ""), WIDTHS[c - 1])
                for c in (COL_NAME, COL_SELF_NOTE, COL_NOTE)
            )
            ws.row_dimensions[row].height = 15 * lines
    last = row
    score_letter = ws.cell(HEADER_ROW, COL_SCORE).column_letter
    max_letter = ws.cell(HEADER_ROW, COL_MAX).column_letter
    step_letter = ws.cell(HEADER_ROW, COL_STEP).column_letter
    first = HEADER_ROW + 1
    g, d, j = f"{score_letter}{first}", f"{max_letter}{first}", f"{step_letter}{first}"
    validation = DataValidation(
        type="custom",
        formula1=f"AND(ISNUMBER({g}),{g}>=0,{g}<={d},MOD(ROUND({g}*100,0),ROUND({j}*100,0))=0)",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="评分超出范围",
        error="评分须在 0 到该指标满分之间，并符合计分档（例如整数分）。",
        promptTitle="评分",
        prompt="0 到满分之间",
        showInputMessage=True,
    )
    ws.add_data_validation(validation)
    if last >= first:
        validation.add(f"{score_letter}{first}:{score_letter}{last}")
    ws.auto_filter.ref = f"A{HEADER_ROW}:{ws.cell(HEADER_ROW, len(HEADERS)).column_letter}{last}"
    ws.freeze_panes = ws.cell(first, COL_CODE)
    # printed: landscape, one page wide, the header row on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    for column in (COL_UID, COL_STEP):
        ws.column_dimensions[ws.cell(HEADER_ROW, column).column_letter].hidden = True
    ws.protection.sheet = True
    ws.protection.autoFilter = False  # filtering stays allowed on the protected sheet
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ids = wb.create_sheet(META_SHEET)
    for number, (field, value) in enumerate(
        (
            ("format", FORMAT),
            ("round_uid", meta.round_uid),
            ("reviewer_uid", meta.reviewer_uid),
            ("reviewer_name", meta.reviewer_name),
        ),
        start=1,
    ):
        put_text(ids.cell(number, 1), field)
        put_text(ids.cell(number, 2), value)
    ids.sheet_state = "veryHidden"
    ids.protection.sheet = True
    wb.security.lockStructure = True
    save_workbook(wb, out)
    return last - HEADER_ROW


# import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetChange:
    """One indicator whose score or note the workbook changes."""

    alliance_uid: str
    alliance_name: str
    code: str
    old_points: Fraction | None
    old_note: str
    new_points: Fraction | None
    new_note: str
    cell: str


@dataclass(frozen=True)
class SheetImport:
    """What a checked workbook would change.

    A blank score or note cell where the file holds one is not a change by default: a
    workbook exported before later work in the window would otherwise erase that work.
    Those cells are listed apart in ``erasures`` ("5 → —"); erasing them is an explicit
    choice (``chosen(erase=True)``, ``import-sheet --erase-blanks``).
    """

    rows: int
    changes: list[SheetChange]  # what the workbook changes, blank cells keeping the file's
    no_longer_done: list[str]  # alliances whose done mark ``changes`` would clear
    # the blank cells' entries as the workbook has them, and the done marks they would clear
    erasures: list[SheetChange] = dataclass_field(default_factory=list)
    no_longer_done_erasing: list[str] = dataclass_field(default_factory=list)

    def chosen(self, erase: bool) -> tuple[list[SheetChange], list[str]]:
        """The entries to write and the done marks they clear, with or without erasures."""
        if not erase or not self.erasures:
            return self.changes, self.no_longer_done
        by_key = {(c.alliance_uid, c.code): c for c in self.changes}
        by_key.update({(c.alliance_uid, c.code): c for c in self.erasures})
        return list(by_key.values()), self.no_longer_done_erasing

    def describe(self, language: str = "zh", erase: bool = False) -> list[str]:
        english = language.startswith("en")

        def show(points: Fraction | None) -> str:
            return "—" if points is None else format_points(points)

        def line(c: SheetChange) -> str:
            parts = []
            if c.old_points != c.new_points:
                parts.append(f"{show(c.old_points)} → {show(c.new_points)}")
            if c.old_note != c.new_note:
                parts.append(("note: " if english else "评分依据：") + (c.new_note or "—"))
            return f"{c.cell}  {c.alliance_name}  {c.code}  " + "；".join(parts)

        erased = {(c.alliance_uid, c.code) for c in self.erasures} if erase else set()
        lines = [line(c) for c in self.changes if (c.alliance_uid, c.code) not in erased]
        if self.erasures:
            count = len(self.erasures)
            if erase:
                lines.append(
                    f"Erased because the workbook's cells are blank ({count}):"
                    if english
                    else f"评分表中为空、将清除的 {count} 项："
                )
            else:
                lines.append(
                    f"Blank in the workbook, kept as they are ({count}; --erase-blanks erases "
                    "them):"
                    if english
                    else f"评分表中为空、保留现有内容的 {count} 项（加 --erase-blanks 则清除）："
                )
            lines.extend("  " + line(c) for c in self.erasures)
        return lines


def _refuse(zh: str, en: str) -> UserError:
    return UserError(zh, en)


def _cell_points(value: Any) -> Fraction | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    return parse_points(value)


def read_sheet(store: ReviewerStore, path: Path | str) -> SheetImport:
    """Check the whole workbook against the file and list what it would change."""
    path = Path(path)
    try:
        wb = load_workbook(path, data_only=False)
    except (InvalidFileException, OSError, KeyError, ValueError, BadZipFile) as error:
        raise _refuse(
            f"「{path.name}」不是可读取的 Excel 评分表。",
            f"{path.name} is not a readable Excel scoring workbook.",
        ) from error
    meta = store.meta()
    if META_SHEET not in wb.sheetnames or SHEET_TITLE not in wb.sheetnames:
        raise _refuse(
            f"「{path.name}」不是本软件导出的评分表。",
            f"{path.name} is not a scoring workbook exported by this app.",
        )
    ids = {
        str(r[0].value): str(r[1].value or "")
        for r in wb[META_SHEET].iter_rows(max_col=2)
        if r[0].value
    }
    if ids.get("round_uid") != meta.round_uid or ids.get("reviewer_uid") != meta.reviewer_uid:
        raise _refuse(
            f"「{path.name}」属于另一位评审专家或另一评价轮次，不能导入此文件。",
            f"{path.name} belongs to another reviewer or round; it cannot be imported here.",
        )
    ws = wb[SHEET_TITLE]
    header = [ws.cell(HEADER_ROW, c).value for c in range(1, len(HEADERS) + 1)]
    if tuple(header) != HEADERS:
        raise _refuse(
            f"「{path.name}」的表头被改动过（第 {HEADER_ROW} 行），无法按列读取。",
            f"The header row ({HEADER_ROW}) of {path.name} was changed; columns cannot be read.",
        )
    rubric = store.rubric()
    names = {a.uid: a.name for a in store.alliances()}
    scores = store.scores()
    errors: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], str] = {}
    kept_scores = dict(scores)  # blank cells keep the file's values
    erased_scores = dict(scores)  # blank cells erase them
    changes: list[SheetChange] = []
    erasures: list[SheetChange] = []
    rows = 0
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=len(HEADERS)):
        if all(c.value in (None, "") for c in row):
            continue
        rows += 1
        problem = _read_row(row, rubric, names, seen)
        if isinstance(problem, tuple) and len(problem) == 2:
            errors.append(problem)
            continue
        uid, code, points, note, cell = problem
        old_points, old_note = scores.get((uid, code), (None, ""))
        kept = (old_points if points is None else points, note or old_note)
        kept_scores[(uid, code)] = kept
        erased_scores[(uid, code)] = (points, note)
        if (old_points, old_note) != kept:
            changes.append(SheetChange(uid, names[uid], code, old_points, old_note, *kept, cell))
        if kept != (points, note):
            erasures.append(
                SheetChange(uid, names[uid], code, old_points, old_note, points, note, cell)
            )
    if errors:
        shown = errors[:MAX_REPORTED]
        more = len(errors) - len(shown)
        raise UserError(
            f"评分表「{path.name}」有 {len(errors)} 处错误，未导入任何内容：\n"
            + "\n".join(f"{ref}：{zh}" for ref, zh in shown)
            + (f"\n……另有 {more} 处" if more else ""),
            f"{path.name} has {len(errors)} error(s); nothing was imported:\n"
            + "\n".join(f"{ref}: {zh}" for ref, zh in shown),
        )
    rule = NoteRule.of(meta)
    self_scores = store.self_scores()
    done = store.done()

    def breaking(after: dict[Key, Entry], touched: list[SheetChange]) -> list[str]:
        uids = {c.alliance_uid for c in touched}
        return sorted(
            uid for uid in done & uids if missing_for_done(rubric, uid, after, self_scores, rule)
        )

    return SheetImport(
        rows,
        changes,
        breaking(kept_scores, changes),
        erasures,
        breaking(erased_scores, changes + erasures),
    )


def _read_row(
    row: tuple[Cell, ...], rubric: Rubric, names: dict[str, str], seen: dict[tuple[str, str], str]
) -> tuple[str, str] | tuple[str, str, Fraction | None, str, str]:
    """The row's (uid, code, points, note, cell ref), or (cell ref, reason) when it is bad."""
    uid_cell, code_cell = row[COL_UID - 1], row[COL_CODE - 1]
    score_cell, note_cell = row[COL_SCORE - 1], row[COL_NOTE - 1]
    uid = str(uid_cell.value or "").strip()
    code = str(code_cell.value or "").strip()
    if uid not in names:
        return (uid_cell.coordinate, "不是本文件中的联盟（联盟编号无法识别）")
    try:
        indicator = rubric.indicator(code)
    except KeyError:
        return (code_cell.coordinate, f"指标编号「{code}」不在评价指标中")
    if (uid, code) in seen:
        return (code_cell.coordinate, f"与 {seen[(uid, code)]} 重复（同一联盟同一指标）")
    seen[(uid, code)] = code_cell.coordinate
    if score_cell.data_type == "f":
        return (score_cell.coordinate, "评分是公式，请直接填写数字")
    try:
        points = _cell_points(score_cell.value)
    except (ValueError, ZeroDivisionError, TypeError):
        return (score_cell.coordinate, f"「{score_cell.value}」不是分数")
    if points is not None:
        try:
            indicator.check_score(points)
        except UserError as error:
            return (score_cell.coordinate, str(error))
    note = "" if note_cell.value is None else str(note_cell.value).strip()
    if len(note) > MAX_NOTE_CHARS:
        return (note_cell.coordinate, f"评分依据有 {len(note)} 字，最多 {MAX_NOTE_CHARS} 字")
    return (uid, code, points, note, score_cell.coordinate)


def apply_sheet(store: ReviewerStore, sheet: SheetImport, *, erase: bool = False) -> None:
    """Write the chosen changes of a checked workbook in one transaction."""
    changes, no_longer_done = sheet.chosen(erase)
    store.set_scores(
        ((c.alliance_uid, c.code, c.new_points, c.new_note) for c in changes), no_longer_done
    )


def import_sheet(
    reviewer_file: Path | str, workbook: Path | str, *, dry_run: bool, erase: bool = False
) -> SheetImport:
    """Check a workbook and (unless ``dry_run``) write its changes; ``erase``: blank cells
    erase the file's scores and notes too."""
    with ReviewerStore.open(reviewer_file) as store:
        sheet = read_sheet(store, workbook)
        if not dry_run:
            apply_sheet(store, sheet, erase=erase)
        return sheet


def export_sheet_file(reviewer_file: Path | str, out: Path | str) -> int:
    with ReviewerStore.open(reviewer_file) as store:
        return export_sheet(store, out)
