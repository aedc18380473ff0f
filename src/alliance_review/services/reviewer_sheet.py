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

from alliance_review.core.errors import FileRefused, UserError
from alliance_review.core.items_table import ITEMS_SHEET
from alliance_review.core.points import format_points
from alliance_review.services.output import guard
from alliance_review.services.reviewer_workflow import (
    NoteRule,
    missing_for_done,
    ticks_by_indicator,
)
from alliance_review.services.sheet_citations import CitedPage, citation_lines, cited_pages
from alliance_review.services.sheet_columns import (
    COL_ALLIANCE,
    COL_CODE,
    COL_MAX,
    COL_NAME,
    COL_NOTE,
    COL_SCORE,
    COL_SELF,
    COL_SELF_NOTE,
    COL_STEP,
    COL_UID,
    HEADER_ROW,
    HEADERS,
    NOTE_LETTER,
    WIDTHS,
    read_score_row,
)
from alliance_review.services.sheet_done import (
    DONE_SHEET,
    DoneMarks,
    done_lines,
    judge_done_marks,
    read_done_marks,
    read_present,
    write_done_sheet,
)
from alliance_review.services.sheet_items import (
    BORDER,
    ItemMarks,
    TickChange,
    has_header,
    header_row,
    items_of,
    read_item_marks,
    tick_changes,
    ticks_after,
    write_items_sheet,
)
from alliance_review.services.xlsx_out import Styles, writing
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.tabular import Limits
from alliance_review.tabular.text import column_letter, value_text

SHEET_TITLE = "评分表"
META_SHEET = "_ids"
# /2: with the sheet of evidence items; /3: with the sheet of done marks (sheet_done)
FORMAT = "alliance-review-scoring-sheet/3"
FORMATS = ("alliance-review-scoring-sheet/1", "alliance-review-scoring-sheet/2", FORMAT)
WITH_ITEMS = FORMATS[1:]
MAX_REPORTED = 12
LIMITS = Limits(columns=30)
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
    """Write the scoring workbook for every alliance in ``store``; returns the row count.

    Streamed (xlsxwriter, constant memory): rows go to disk as they are made, so memory
    stays flat however many alliances the file holds; the file replaces ``out`` only when
    complete."""
    out = guard(Path(out), [store.path])
    meta = store.meta()
    rubric = store.rubric()
    scores = store.scores()
    self_scores = store.self_scores()
    indicators = list(rubric.indicators())
    alliances = store.alliances()
    with writing(out, constant_memory=True) as book:
        book.lock_structure = True
        styles = Styles(book)
        ws = book.add_worksheet(SHEET_TITLE)
        styles.text(
            ws, 0, 0, f"{meta.round_title} — 评分表（评审专家：{meta.reviewer_name}）",
            styles.get(bold=True, font_size=13),
        )  # fmt: skip
        with_items = bool(items_of(rubric))
        styles.text(
            ws, 1, 0,
            "只需填写「评分」和「评分依据」两列；评分须在 0 到满分之间并符合计分档。"
            + ("评价要点在「评价要点」工作表中填写“是”或“否”。" if with_items else "")
            + "填好后在程序中选择「导入评分表」。请勿增删行列或修改其他单元格。",
            styles.get(font_color="#555555", font_size=9),
        )  # fmt: skip
        header_row(styles, ws, HEADER_ROW, HEADERS, WIDTHS, (COL_UID, COL_STEP))
        border = BORDER
        plain = styles.get(**border, valign="top")
        wrapped = styles.get(**border, valign="top", text_wrap=True)
        entry = styles.get(**border, valign="top", locked=False, bg_color="#FFF9E0")
        note_entry = styles.get(**border, valign="top", locked=False, bg_color="#FFF9E0",
                                text_wrap=True)  # fmt: skip
        put_text, put_value = styles.text, styles.value
        fixed = [
            (
                i,
                i.code,
                _number(i.max_points),
                _number(i.step),
                _lines(i.name, WIDTHS[COL_NAME - 1]),
            )
            for i in indicators
        ]
        self_width, note_width = WIDTHS[COL_SELF_NOTE - 1], WIDTHS[COL_NOTE - 1]
        row = HEADER_ROW - 1
        for alliance in alliances:
            uid, name = alliance.uid, alliance.name
            for indicator, code, top, step, name_lines in fixed:
                row += 1
                points, note = scores.get((uid, code), (None, ""))
                self_points, self_note = self_scores.get((uid, code), (None, ""))
                lines = name_lines
                if self_note:
                    lines = max(lines, _lines(self_note, self_width))
                if note:
                    lines = max(lines, _lines(note, note_width))
                if lines > 1:
                    ws.set_row(row, 15 * lines)
                put_text(ws, row, COL_ALLIANCE - 1, name, plain)
                ws.write_string(row, COL_CODE - 1, code, plain)
                put_text(ws, row, COL_NAME - 1, indicator.name, wrapped)
                ws.write_number(row, COL_MAX - 1, top, plain)
                put_value(ws, row, COL_SELF - 1, _number(self_points), plain)
                put_text(ws, row, COL_SELF_NOTE - 1, self_note, wrapped)
                put_value(ws, row, COL_SCORE - 1, _number(points), entry)
                put_text(ws, row, COL_NOTE - 1, note, note_entry)
                ws.write_string(row, COL_UID - 1, uid, plain)
                ws.write_number(row, COL_STEP - 1, step, plain)
        last = row + 1  # 1-based, as the sheet numbers it
        first = HEADER_ROW + 1
        g, d, j = f"G{first}", f"D{first}", f"J{first}"
        if last >= first:
            ws.data_validation(
                first - 1, COL_SCORE - 1, last - 1, COL_SCORE - 1,
                {
                    "validate": "custom",
                    "value": f"=AND(ISNUMBER({g}),{g}>=0,{g}<={d},"
                    f"MOD(ROUND({g}*100,0),ROUND({j}*100,0))=0)",
                    "ignore_blank": True,
                    "error_title": "评分超出范围",
                    "error_message": "评分须在 0 到该指标满分之间，并符合计分档（例如整数分）。",
                    "input_title": "评分",
                    "input_message": "0 到满分之间",
                },
            )  # fmt: skip
        ws.autofilter(HEADER_ROW - 1, 0, max(last, HEADER_ROW) - 1, len(HEADERS) - 1)
        ws.freeze_panes(HEADER_ROW, COL_CODE - 1)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(HEADER_ROW - 1)
        ws.protect(
            "", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True}
        )
        write_items_sheet(
            book, styles, meta.reviewer_name, rubric, alliances, store.ticks(),
            store.self_ticks(),
        )  # fmt: skip
        write_done_sheet(
            book, styles, meta.reviewer_name, alliances, scores, len(indicators), store.done()
        )
        ids = book.add_worksheet(META_SHEET)
        for number, (field, value) in enumerate(
            (
                ("format", FORMAT),
                ("round_uid", meta.round_uid),
                ("reviewer_uid", meta.reviewer_uid),
                ("reviewer_name", meta.reviewer_name),
            )
        ):
            styles.text(ids, number, 0, field)
            styles.text(ids, number, 1, value)
        ids.protect()
        ids.very_hidden()
        ws.activate()
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
    choice (``chosen(erase=True)``, ``import-sheet --erase-blanks``). The evidence items
    follow the same rule: ``tick_changes`` (是 ticks, 否 unticks, blank keeps) and
    ``tick_erasures`` (blank cells over the file's ticks).
    """

    rows: int
    changes: list[SheetChange]  # what the workbook changes, blank cells keeping the file's
    no_longer_done: list[str]  # alliances whose done mark the kept changes would clear
    # the blank cells' entries as the workbook has them, and the done marks they would clear
    erasures: list[SheetChange] = dataclass_field(default_factory=list)
    no_longer_done_erasing: list[str] = dataclass_field(default_factory=list)
    tick_changes: list[TickChange] = dataclass_field(default_factory=list)
    tick_erasures: list[TickChange] = dataclass_field(default_factory=list)
    item_names: dict[str, dict[str, str]] = dataclass_field(default_factory=dict)
    citations: list[CitedPage] = dataclass_field(default_factory=list)
    # the done marks the 完成情况 sheet sets (是) or clears (否), kept or erasing blanks;
    # uid -> (name, cell)
    marked_done: list[str] = dataclass_field(default_factory=list)
    marked_done_erasing: list[str] = dataclass_field(default_factory=list)
    unmarked_done: list[str] = dataclass_field(default_factory=list)
    done_cells: dict[str, tuple[str, str]] = dataclass_field(default_factory=dict)

    def citation_lines(self, language: str = "zh") -> list[str]:
        return citation_lines(self.citations, language)

    def chosen(self, erase: bool) -> tuple[list[SheetChange], list[str]]:
        """The entries to write and the done marks they (and the chosen ticks) clear."""
        done_cleared = self.no_longer_done_erasing if erase else self.no_longer_done
        if not erase or not self.erasures:
            return self.changes, done_cleared
        by_key = {(c.alliance_uid, c.code): c for c in self.changes}
        by_key.update({(c.alliance_uid, c.code): c for c in self.erasures})
        return list(by_key.values()), done_cleared

    def chosen_ticks(self, erase: bool) -> list[TickChange]:
        """The indicators whose ticked items change, with or without the erasures."""
        if not erase or not self.tick_erasures:
            return self.tick_changes
        by_key = {(c.alliance_uid, c.code): c for c in self.tick_changes}
        by_key.update({(c.alliance_uid, c.code): c for c in self.tick_erasures})
        return list(by_key.values())

    def chosen_done(self, erase: bool) -> dict[str, bool]:
        """The done marks the sheet sets (True) or clears (False)."""
        marked = self.marked_done_erasing if erase else self.marked_done
        return {uid: False for uid in self.unmarked_done} | {uid: True for uid in marked}

    def count(self, erase: bool) -> int:
        """How many entries, indicators' ticks and done marks the import writes."""
        entries, ticks = self.chosen(erase)[0], self.chosen_ticks(erase)
        return len(entries) + len(ticks) + len(self.chosen_done(erase))

    @property
    def erasure_count(self) -> int:
        return len(self.erasures) + len(self.tick_erasures)

    def items_text(self, change: TickChange) -> str:
        """ "+年度总结 −年度计划" for a tick change."""
        names = self.item_names.get(change.code, {})
        return " ".join(
            [f"+{names.get(k, k)}" for k in names if k in change.new - change.old]
            + [f"−{names.get(k, k)}" for k in names if k in change.old - change.new]
        )

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

        def tick_line(c: TickChange) -> str:
            label = "evidence items: " if english else "评价要点："
            return f"{c.cells}  {c.alliance_name}  {c.code}  {label}{self.items_text(c)}"

        erased = {(c.alliance_uid, c.code) for c in self.erasures} if erase else set()
        lines = [line(c) for c in self.changes if (c.alliance_uid, c.code) not in erased]
        erased_ticks = {(c.alliance_uid, c.code) for c in self.tick_erasures} if erase else set()
        lines += [
            tick_line(c) for c in self.tick_changes if (c.alliance_uid, c.code) not in erased_ticks
        ]
        lines += done_lines(self.chosen_done(erase), self.done_cells, english)
        if self.erasure_count:
            count = self.erasure_count
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
            lines.extend("  " + tick_line(c) for c in self.tick_erasures)
        return lines + self.citation_lines(language)


def _refuse(zh: str, en: str) -> UserError:
    return UserError(zh, en)


def _letter(column: int) -> str:
    return column_letter(column - 1)


def read_sheet(store: ReviewerStore, path: Path | str) -> SheetImport:
    """Check the whole workbook against the file and list what it would change.

    Read with the one tabular reader, within bounds made from what the file can hold (its
    alliances times the indicators), so a bomb is refused before it is parsed."""
    path = Path(path)
    meta = store.meta()
    rubric = store.rubric()
    alliances = store.alliances()
    expected = len(alliances) * len(list(rubric.indicators()))
    with_items = bool(items_of(rubric))
    item_rows = len(alliances) * sum(len(i.items) for i in rubric.indicators())
    limits = LIMITS.scaled(max(expected, item_rows) + HEADER_ROW + 100, 30)
    try:
        grids = read_present(
            path, limits, [SHEET_TITLE, META_SHEET], [ITEMS_SHEET] * with_items + [DONE_SHEET]
        )
    except FileRefused as error:
        if "没有名为" in error.zh or "CSV" in error.zh:
            raise _refuse(
                f"「{path.name}」不是本软件导出的评分表。",
                f"{path.name} is not a scoring workbook exported by this app.",
            ) from error
        raise _refuse(
            f"「{path.name}」不是可读取的 Excel 评分表：{error.zh}",
            f"{path.name} is not a readable Excel scoring workbook: {error.en}",
        ) from error
    ids = {
        value_text(r[0]): value_text(r[1]) if len(r) > 1 else ""
        for r in grids[META_SHEET].rows
        if r and value_text(r[0])
    }
    if ids.get("round_uid") != meta.round_uid or ids.get("reviewer_uid") != meta.reviewer_uid:
        raise _refuse(
            f"「{path.name}」属于另一位评审专家或另一评价轮次，不能导入此文件。",
            f"{path.name} belongs to another reviewer or round; it cannot be imported here.",
        )
    if ids.get("format") not in FORMATS:
        raise _refuse(
            f"「{path.name}」不是本软件导出的评分表。",
            f"{path.name} is not a scoring workbook exported by this app.",
        )
    for needed, present in ((ITEMS_SHEET, with_items), (DONE_SHEET, True)):
        since = WITH_ITEMS if needed == ITEMS_SHEET else (FORMAT,)
        if present and ids.get("format") in since and needed not in grids:
            raise _refuse(
                f"「{path.name}」中的「{needed}」工作表不见了，无法读取；请重新导出评分表。",
                f"The sheet {needed} is missing from {path.name}; export the workbook anew.",
            )
    sheet = grids[SHEET_TITLE]
    rows = sheet.rows
    if not has_header(rows, HEADER_ROW, HEADERS):
        raise _refuse(
            f"「{path.name}」的表头被改动过（第 {HEADER_ROW} 行），无法按列读取。",
            f"The header row ({HEADER_ROW}) of {path.name} was changed; columns cannot be read.",
        )
    names = {a.uid: a.name for a in alliances}
    scores = store.scores()
    errors: list[tuple[str, str, str]] = []
    seen: dict[tuple[str, str], str] = {}
    kept_scores = dict(scores)  # blank cells keep the file's values
    erased_scores = dict(scores)  # blank cells erase them
    changes: list[SheetChange] = []
    erasures: list[SheetChange] = []
    count = 0
    formulas = sheet.formulas
    by_code = {i.code: i for i in rubric.indicators()}
    width = len(HEADERS)
    for index in range(HEADER_ROW, len(rows)):
        values = rows[index]
        cells = list(values[:width]) + [""] * max(0, width - len(values))
        if all(v in (None, "") for v in cells):
            continue
        count += 1
        number = index + 1
        problem = read_score_row(number, cells, by_code, names, seen, formulas, scores)
        if len(problem) == 3:
            errors.append(problem)
            continue
        uid, code, points, note, score_cell = problem
        note_cell = f"{NOTE_LETTER}{number}"
        old_points, old_note = scores.get((uid, code), (None, ""))
        kept = (old_points if points is None else points, note or old_note)
        kept_scores[(uid, code)] = kept
        erased_scores[(uid, code)] = (points, note)
        if (old_points, old_note) != kept:
            # the cell that changed: the note's when only the note did
            cell = score_cell if old_points != kept[0] else note_cell
            changes.append(SheetChange(uid, names[uid], code, old_points, old_note, *kept, cell))
        if kept != (points, note):
            cell = score_cell if kept[0] != points else note_cell
            erasures.append(
                SheetChange(uid, names[uid], code, old_points, old_note, points, note, cell)
            )
    marks = ItemMarks()
    if ITEMS_SHEET in grids and ids.get("format") in WITH_ITEMS:
        items = grids[ITEMS_SHEET]
        marks, problems = read_item_marks(items.rows, items.formulas, rubric, names, path.name)
        errors.extend(problems)
    done_marks = DoneMarks()
    if DONE_SHEET in grids and ids.get("format") == FORMAT:
        sheet_of_marks = grids[DONE_SHEET]
        done_marks, problems = read_done_marks(
            sheet_of_marks.rows, sheet_of_marks.formulas, names, path.name
        )
        errors.extend(problems)
    rule = NoteRule.of(meta)
    self_scores = store.self_scores()
    done = store.done()
    reasons = store.override_reasons()
    file_ticks = {k: frozenset(v) for k, v in ticks_by_indicator(store.ticks()).items()}
    ticked, unticked = tick_changes(marks, file_ticks, names, rubric)
    kept_ticks = ticks_after(file_ticks, ticked)
    erased_ticks = ticks_after(kept_ticks, unticked)
    judged = judge_done_marks(
        done_marks,
        done,
        names,
        lambda uid: missing_for_done(
            rubric, uid, kept_scores, self_scores, rule, kept_ticks, reasons
        ),
        lambda uid: missing_for_done(
            rubric, uid, erased_scores, self_scores, rule, erased_ticks, reasons
        ),
    )
    errors.extend(judged.problems)
    if errors:
        shown = errors[:MAX_REPORTED]
        more = len(errors) - len(shown)
        raise UserError(
            f"评分表「{path.name}」有 {len(errors)} 处错误，未导入任何内容：\n"
            + "\n".join(f"{ref}：{zh}" for ref, zh, _en in shown)
            + (f"\n……另有 {more} 处" if more else ""),
            f"{path.name} has {len(errors)} error(s); nothing was imported:\n"
            + "\n".join(f"{ref}: {en}" for ref, _zh, en in shown)
            + (f"\n… and {more} more" if more else ""),
        )

    def breaking(
        after: dict[Key, Entry],
        after_ticks: dict[Key, frozenset[str]],
        touched: list[SheetChange],
        touched_ticks: list[TickChange],
    ) -> list[str]:
        uids = {c.alliance_uid for c in touched} | {c.alliance_uid for c in touched_ticks}
        return sorted(
            uid
            for uid in done & uids
            if missing_for_done(rubric, uid, after, self_scores, rule, after_ticks, reasons)
        )

    return SheetImport(
        count,
        changes,
        breaking(kept_scores, kept_ticks, changes, ticked),
        erasures,
        breaking(erased_scores, erased_ticks, changes + erasures, ticked + unticked),
        ticked,
        unticked,
        {i.code: {item.key: item.name for item in i.items} for i in items_of(rubric)},
        cited_pages(store, changes),
        judged.marked,
        judged.marked_erasing,
        judged.unmarked,
        {uid: (names[uid], cell) for uid, cell in done_marks.cells.items()},
    )


def apply_sheet(store: ReviewerStore, sheet: SheetImport, *, erase: bool = False) -> None:
    """Write the chosen changes of a checked workbook in one transaction."""
    changes, no_longer_done = sheet.chosen(erase)
    marks = sheet.chosen_done(erase)
    store.set_scores(
        ((c.alliance_uid, c.code, c.new_points, c.new_note) for c in changes),
        [*no_longer_done, *(uid for uid, mark in marks.items() if not mark)],
        [uid for uid, mark in marks.items() if mark],
        ticks=((c.alliance_uid, c.code, c.new) for c in sheet.chosen_ticks(erase)),
    )


def import_sheet(
    reviewer_file: Path | str, workbook: Path | str, *, dry_run: bool, erase: bool = False
) -> SheetImport:
    """Check a workbook and (unless ``dry_run``) write its changes; ``erase``: blank cells
    erase the file's scores and notes too."""
    if dry_run:  # read only: not a byte of the file changes
        with ReviewerStore.open_sealed(reviewer_file) as store:
            return read_sheet(store, workbook)
    with ReviewerStore.open(reviewer_file) as store:
        sheet = read_sheet(store, workbook)
        apply_sheet(store, sheet, erase=erase)
        return sheet


def export_sheet_file(reviewer_file: Path | str, out: Path | str) -> int:
    """The workbook of a reviewer file, read without changing a byte of it (no upgrade,
    no journal mode: a file merged before would be refused as "same revision, different
    content" if its bytes changed)."""
    guard(out, [reviewer_file])  # before the file is opened
    with ReviewerStore.open_sealed(reviewer_file) as store:
        return export_sheet(store, out)
