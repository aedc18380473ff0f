"""xlsxwriter's peers of ``export-xlsx`` and ``export-sheet``: the same workbook, from SQL.

Each peer starts from the app's input (the round file, the reviewer file), reads it with
plain SQL inside the timer, and writes with xlsxwriter (constant memory, as the app) the
same cells with the same formats (fonts, fills, borders, wrapping, number formats, the
quote prefix of text that starts like a formula, locked or not) and the same settings
(frozen panes, autofilter, column widths and hidden columns, row heights, print set-up,
data validations, sheet and structure protection, the hidden identifiers sheet). The
content hash in the results workbook's settings sheet is the app's own function (one
ordered scan of the scores: the same work on both sides); everything else is the peer's
own. ``tests/test_bench_equivalence.py`` compares the two files cell by cell and
setting by setting with openpyxl; when the app's layout changes, that test says so and
the peer follows.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from floor_ranking import PARTS, exact_text, ranked_rows

OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": True,
    "constant_memory": True,
    "in_memory": False,
}
FORMULA_STARTS = ("=", "+", "-", "@")
POINTS = "0.00"
MAX_WIDTH = 60


def read_only(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def text_width(text: str) -> int:
    return (len(text.encode("utf-8")) + len(text)) // 2


class Formats:
    """Each format once, with its quote-prefixed twin for text that starts like a formula."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.made: dict[tuple[tuple[str, Any], ...], tuple[Any, Any]] = {}

    def get(self, **properties: Any) -> tuple[Any, Any]:
        key = tuple(sorted(properties.items()))
        if key not in self.made:
            self.made[key] = (
                self.book.add_format(properties),
                self.book.add_format(dict(properties, quote_prefix=True)),
            )
        return self.made[key]


def put_text(sheet: Any, row: int, column: int, text: str, pair: tuple[Any, Any]) -> None:
    sheet.write_string(row, column, text, pair[1] if text.startswith(FORMULA_STARTS) else pair[0])


# the results workbook (export-xlsx) ------------------------------------------------------
PRINT_HEADER = "&L&A&R联盟活跃度评价结果"  # the sheet's name, and what the workbook is
PRINT_FOOTER = "&C第 &P 页，共 &N 页"


class Sheet:
    """A results sheet: the header, rows as they come, widths measured on the way;
    ``fixed``: 1-based columns of a set width; ``header_height``: the first row's."""

    def __init__(
        self,
        book: Any,
        formats: Formats,
        title: str,
        headers: Sequence[str],
        fixed: dict[int, int] | None = None,
        header_height: float | None = None,
    ):
        self.sheet = book.add_worksheet(title)
        self.widths = [text_width(h) for h in headers]
        self.fixed = dict(fixed or {})
        self.rows = 0
        self.plain = formats.get()
        self.wrap = formats.get(text_wrap=True, valign="top")
        self.right = formats.get(align="right")
        self.points = formats.get(num_format=POINTS)[0]
        if header_height is not None:
            self.sheet.set_row(0, header_height)
        header = formats.get(bold=True, bg_color="#DDDDDD", align="center", valign="vcenter",
                             text_wrap=True)  # fmt: skip
        for column, text in enumerate(headers):
            put_text(self.sheet, 0, column, text, header)

    def text(self, column: int, value: str, wrapped: bool = False, right: bool = False) -> None:
        if self.widths[column] < MAX_WIDTH:
            shown = text_width(value[: MAX_WIDTH + 1])
            if shown > self.widths[column]:
                self.widths[column] = shown
        style = self.wrap if wrapped else self.right if right else self.plain
        put_text(self.sheet, self.rows, column, value, style)

    def number(
        self, column: int, value: float | int, points: bool = False, exact: bool = False
    ) -> None:
        """``points``: with the points format; ``exact``: an exact value (the app's
        Fraction), measured with two decimals whatever its format."""
        shown = len(f"{value:.2f}") if points or exact else len(str(value))
        if shown > self.widths[column]:
            self.widths[column] = shown
        if points:
            self.sheet.write_number(self.rows, column, value, self.points)
        else:
            self.sheet.write_number(self.rows, column, value)

    def finish(self, freeze: str = "A2", widths: dict[int, int] | None = None) -> None:
        sheet = self.sheet
        sheet.freeze_panes(freeze)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.hide_gridlines(0)  # printed with gridlines
        sheet.set_header(PRINT_HEADER)
        sheet.set_footer(PRINT_FOOTER)
        sheet.autofilter(0, 0, self.rows, len(self.widths) - 1)
        for index, width in enumerate(self.widths, start=1):
            chosen = {**self.fixed, **(widths or {})}.get(index, min(width + 3, MAX_WIDTH))
            sheet.set_column(index - 1, index - 1, chosen)


def results_workbook(round_path: str | Path, out: str | Path) -> None:
    """``export-xlsx``'s workbook of the round at ``round_path``, written to ``out``."""
    from alliance_review.services.round_digest import content_hash, settings_items
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.reading(round_path) as store:  # the app's hash and setting labels
        settings = store.settings()
        digest = content_hash(store)
    conn = read_only(round_path)
    (method,) = conn.execute("SELECT consensus_method FROM round").fetchone()
    ranking = ranked_rows(conn, method).fetchall()
    indicators = conn.execute(
        "SELECT i.code, i.name, i.max_centi, c.name FROM indicator i"
        " JOIN category c ON c.code = i.category_code ORDER BY c.position, i.position"
    ).fetchall()
    codes = [code for code, *_ in indicators]
    book = xlsxwriter.Workbook(str(out), OPTIONS)
    formats = Formats(book)

    headers = ["序号", "名次", "联盟名称", "批次", "评分", "精确总分", "精确值", "档次"]
    ranked = Sheet(book, formats, "排名", headers)
    for seq, rank, name, printed, n, scale, tier, _, batch in ranking:
        ranked.rows += 1
        ranked.number(0, seq)
        ranked.number(1, rank)
        ranked.text(2, name)
        ranked.text(3, batch or "批次不详")
        ranked.number(4, printed)
        ranked.number(5, n / scale, points=True)
        ranked.text(6, exact_text(n, scale), right=True)
        ranked.text(7, tier)
    ranked.finish(freeze="D2")

    per = Sheet(book, formats, "指标得分", ["序号", "联盟名称"]
                + [f"{c} {name}（{exact_text(top, 100)}分）" for c, name, top, _ in indicators]
                + ["总分"], fixed={i: 10 for i in range(3, len(codes) + 4)},
                header_height=105)  # fmt: skip
    consensus = dict(
        (uid, values)
        for uid, *values in conn.execute(
            "WITH part AS ("
            + PARTS[method]
            + ") SELECT p.a, "
            + ", ".join(
                f"COALESCE((SELECT d.points_centi / 100.0 FROM decision d WHERE d.alliance_uid"
                f" = p.a AND d.indicator_code = '{c}'), MAX(CASE WHEN p.i = '{c}' THEN"
                " p.num * 1.0 / (100 * p.den) END))"
                for c in codes
            )
            + " FROM part p GROUP BY p.a"
        )
    )
    for seq, _, name, _, n, scale, _, uid, _ in ranking:
        per.rows += 1
        per.number(0, seq)
        per.text(1, name)
        for column, value in enumerate(consensus[uid], start=2):
            if value is not None:
                per.number(column, value, points=True)
        per.number(len(codes) + 2, n / scale, points=True)
    per.finish(freeze="C2")

    order = json.dumps([row[7] for row in ranking])
    headers = ["序号", "联盟名称", "评审专家", "指标编号", "二级指标", "得分", "评分依据"]
    scores = Sheet(book, formats, "评审专家评分", headers)
    for seq, name, reviewer, code, indicator, centi, note in conn.execute(
        "WITH ranked (uid, seq) AS (SELECT value, key + 1 FROM json_each(?))"
        " SELECT ranked.seq, a.name, r.name, s.indicator_code, i.name, s.points_centi, s.note"
        " FROM score s JOIN alliance a ON a.uid = s.alliance_uid"
        " JOIN reviewer r ON r.uid = s.reviewer_uid"
        " JOIN indicator i ON i.code = s.indicator_code"
        " JOIN category c ON c.code = i.category_code"
        " LEFT JOIN ranked ON ranked.uid = s.alliance_uid"
        " ORDER BY ranked.seq, r.position, c.position, i.position",
        (order,),
    ):
        scores.rows += 1
        scores.number(0, seq)
        scores.text(1, name)
        scores.text(2, reviewer)
        scores.text(3, code)
        scores.text(4, indicator)
        scores.number(5, centi / 100, exact=True)
        scores.text(6, note, wrapped=True)
    scores.finish()

    headers = ["联盟名称", "指标编号", "二级指标", "计算值", "最终决定", "理由"]
    decisions = Sheet(book, formats, "最终决定", headers)
    (most,) = conn.execute(
        "SELECT COALESCE(MAX(n), 1) FROM (SELECT COUNT(*) AS n FROM assignment"
        " GROUP BY alliance_uid)"
    ).fetchone()
    common = math.factorial(most)
    for name, code, indicator, computed, points, rationale in conn.execute(
        "WITH ranked (uid, seq) AS (SELECT value, key + 1 FROM json_each(?)),"
        f" part AS ({PARTS[method]})"
        " SELECT a.name, d.indicator_code, i.name, CASE WHEN d.indicator_code = '' THEN"
        f" (SELECT SUM(p.num * ({common} / p.den)) * 1.0 / {100 * common} FROM part p"
        "   WHERE p.a = d.alliance_uid AND p.i IN (SELECT code FROM indicator))"
        " ELSE (SELECT p.num * 1.0 / (100 * p.den) FROM part p WHERE p.a = d.alliance_uid"
        "   AND p.i = d.indicator_code) END,"
        " d.points_centi / 100.0, d.rationale"
        " FROM decision d JOIN alliance a ON a.uid = d.alliance_uid"
        " LEFT JOIN indicator i ON i.code = d.indicator_code"
        " LEFT JOIN ranked ON ranked.uid = d.alliance_uid"
        " ORDER BY COALESCE(ranked.seq, 0), d.indicator_code",
        (order,),
    ):
        decisions.rows += 1
        decisions.text(0, name)
        decisions.text(1, code or "总分")
        decisions.text(2, (indicator or "") if code else "")
        if computed is not None:
            decisions.number(3, computed, points=True)
        decisions.number(4, points, points=True)
        decisions.text(5, rationale, wrapped=True)
    decisions.finish()

    settings_sheet = Sheet(book, formats, "设置", ["项目", "内容"])
    lines = settings_items(settings, digest) + [
        (f"指标 {c}", f"{category} / {name}（满分 {exact_text(top, 100)}）")
        for c, name, top, category in indicators
    ]
    for label, text in lines:
        settings_sheet.rows += 1
        settings_sheet.text(0, label)
        settings_sheet.text(1, text)
    settings_sheet.finish()
    book.close()
    conn.close()


# the reviewer's scoring workbook (export-sheet) -------------------------------------------
class LockedBook(xlsxwriter.Workbook):  # type: ignore[misc]
    """A workbook whose sheet structure is locked (no inserting, deleting, unhiding)."""

    def _write_book_views(self) -> None:
        self._xml_empty_tag("workbookProtection", [("lockStructure", 1)])
        super()._write_book_views()


BORDER = {"border": 1, "border_color": "#BBBBBB"}
PROTECTION = {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True}


def lines_of(text: str, width: int) -> int:
    units = sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in text)
    return max(1, math.ceil(units / max(width - 1, 1)))


def number(centi: int) -> int | float:
    return centi // 100 if centi % 100 == 0 else centi / 100


def points_text(centi: int) -> str:
    if centi % 100 == 0:
        return str(centi // 100)
    return f"{centi / 100:.2f}".rstrip("0").rstrip(".")


def header(sheet: Any, formats: Formats, row: int, titles: Sequence[str],
           widths: Sequence[int], hidden: Sequence[int]) -> None:  # fmt: skip
    head = formats.get(**BORDER, bold=True, bg_color="#DCE6F1", align="center", valign="vcenter")
    for column, (title, width) in enumerate(zip(titles, widths, strict=True)):
        put_text(sheet, row - 1, column, title, head)
        sheet.set_column(column, column, width, None, {"hidden": True} if column in hidden else {})


def scoring_sheet(reviewer_path: str | Path, out: str | Path) -> int:
    """``export-sheet``'s workbook of the reviewer file at ``reviewer_path``; its rows."""
    from alliance_review.services import reviewer_sheet as app
    from alliance_review.services import sheet_items as items

    conn = read_only(reviewer_path)
    title, reviewer_name, round_uid, reviewer_uid = conn.execute(
        "SELECT round_title, reviewer_name, round_uid, reviewer_uid FROM meta"
    ).fetchone()
    indicators = conn.execute(
        "SELECT i.code, i.name, i.max_centi, i.step_centi FROM indicator i"
        " JOIN category c ON c.code = i.category_code ORDER BY c.position, i.position"
    ).fetchall()
    with_items = conn.execute("SELECT COUNT(*) FROM evidence_item").fetchone()[0] > 0
    book = LockedBook(str(out), OPTIONS)
    formats = Formats(book)
    sheet = book.add_worksheet(app.SHEET_TITLE)
    put_text(sheet, 0, 0, f"{title} — 评分表（评审专家：{reviewer_name}）",
             formats.get(bold=True, font_size=13))  # fmt: skip
    put_text(sheet, 1, 0,
             "只需填写「评分」和「评分依据」两列；评分须在 0 到满分之间并符合计分档。"
             + ("评价要点在「评价要点」工作表中填写“是”或“否”。" if with_items else "")
             + "填好后在程序中选择「导入评分表」。请勿增删行列或修改其他单元格。",
             formats.get(font_color="#555555", font_size=9))  # fmt: skip
    widths = app.WIDTHS
    header(sheet, formats, app.HEADER_ROW, app.HEADERS, widths, (8, 9))
    plain = formats.get(**BORDER, valign="top")
    wrapped = formats.get(**BORDER, valign="top", text_wrap=True)
    entry = formats.get(**BORDER, valign="top", locked=False, bg_color="#FFF9E0")
    note_entry = formats.get(**BORDER, valign="top", locked=False, bg_color="#FFF9E0",
                             text_wrap=True)  # fmt: skip
    name_lines = {code: lines_of(name, widths[2]) for code, name, _, _ in indicators}
    fixed = {code: (name, number(top), number(step)) for code, name, top, step in indicators}
    row = app.HEADER_ROW - 1
    for alliance, uid, code, points, note, self_points, self_note in conn.execute(
        "SELECT a.name, a.uid, i.code, s.points_centi, COALESCE(s.note, ''),"
        " e.points_centi, COALESCE(e.note, '')"
        " FROM alliance a CROSS JOIN indicator i JOIN category c ON c.code = i.category_code"
        " LEFT JOIN score s ON s.alliance_uid = a.uid AND s.indicator_code = i.code"
        " LEFT JOIN self_score e ON e.alliance_uid = a.uid AND e.indicator_code = i.code"
        " ORDER BY a.position, c.position, i.position"
    ):
        row += 1
        name, top, step = fixed[code]
        lines = name_lines[code]
        if self_note:
            lines = max(lines, lines_of(self_note, widths[5]))
        if note:
            lines = max(lines, lines_of(note, widths[7]))
        if lines > 1:
            sheet.set_row(row, 15 * lines)
        put_text(sheet, row, 0, alliance, plain)
        sheet.write_string(row, 1, code, plain[0])
        put_text(sheet, row, 2, name, wrapped)
        sheet.write_number(row, 3, top, plain[0])
        if self_points is None:
            sheet.write_blank(row, 4, None, plain[0])
        else:
            sheet.write_number(row, 4, number(self_points), plain[0])
        put_text(sheet, row, 5, self_note, wrapped)
        if points is None:
            sheet.write_blank(row, 6, None, entry[0])
        else:
            sheet.write_number(row, 6, number(points), entry[0])
        put_text(sheet, row, 7, note, note_entry)
        sheet.write_string(row, 8, uid, plain[0])
        sheet.write_number(row, 9, step, plain[0])
    last, first = row + 1, app.HEADER_ROW + 1
    g, d, j = f"G{first}", f"D{first}", f"J{first}"
    if last >= first:
        sheet.data_validation(first - 1, 6, last - 1, 6, {
            "validate": "custom",
            "value": f"=AND(ISNUMBER({g}),{g}>=0,{g}<={d},"
            f"MOD(ROUND({g}*100,0),ROUND({j}*100,0))=0)",
            "ignore_blank": True,
            "error_title": "评分超出范围",
            "error_message": "评分须在 0 到该指标满分之间，并符合计分档（例如整数分）。",
            "input_title": "评分",
            "input_message": "0 到满分之间",
        })  # fmt: skip
    sheet.autofilter(app.HEADER_ROW - 1, 0, max(last, app.HEADER_ROW) - 1, len(app.HEADERS) - 1)
    sheet.freeze_panes(app.HEADER_ROW, 1)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(app.HEADER_ROW - 1)
    sheet.protect("", PROTECTION)
    if with_items:
        items_sheet(book, formats, conn, reviewer_name, items)
    done_sheet(book, formats, conn, reviewer_name, len(indicators))
    ids = book.add_worksheet(app.META_SHEET)
    for at, (field, value) in enumerate((("format", app.FORMAT), ("round_uid", round_uid),
                                         ("reviewer_uid", reviewer_uid),
                                         ("reviewer_name", reviewer_name))):  # fmt: skip
        for column, text in enumerate((field, value)):
            if text.startswith(FORMULA_STARTS):
                put_text(ids, at, column, text, formats.get())
            else:
                ids.write_string(at, column, text)
    ids.protect()
    ids.very_hidden()
    sheet.activate()
    book.close()
    conn.close()
    return last - app.HEADER_ROW


def items_sheet(book: Any, formats: Formats, conn: sqlite3.Connection, reviewer_name: str,
                items: Any) -> None:  # fmt: skip
    """The evidence items sheet (``sheet_items.write_items_sheet``'s)."""
    from alliance_review.core.items_table import ITEMS_SHEET, YES

    rules: dict[str, list[int]] = {}
    for code, centi in conn.execute(
        "SELECT indicator_code, points_centi FROM item_points ORDER BY indicator_code, ticked"
    ):
        rules.setdefault(code, []).append(centi)
    widths = items.ITEM_WIDTHS
    fixed = []
    for code, name, key, item in conn.execute(
        "SELECT i.code, i.name, e.key, e.name FROM evidence_item e"
        " JOIN indicator i ON i.code = e.indicator_code"
        " JOIN category c ON c.code = i.category_code ORDER BY c.position, i.position, e.position"
    ):
        rule = "；".join(f"{n} 项 {points_text(p)} 分" for n, p in enumerate(rules.get(code, [])))
        lines = max(lines_of(name, widths[2]), lines_of(item, widths[3]), lines_of(rule, widths[6]))
        fixed.append((code, name, key, item, rule, lines))
    ticked = set(conn.execute("SELECT alliance_uid, indicator_code, key FROM item_tick"))
    claimed = set(conn.execute("SELECT alliance_uid, indicator_code, key FROM self_item_tick"))
    sheet = book.add_worksheet(ITEMS_SHEET)
    sheet.set_default_row(30)
    for at in range(items.ITEMS_HEADER_ROW):
        sheet.set_row(at, 15 if at else 20)
    put_text(sheet, 0, 0, f"评价要点 — 佐证材料中是否见到（评审专家：{reviewer_name}）",
             formats.get(bold=True, font_size=13))  # fmt: skip
    put_text(sheet, 1, 0,
             "在「是否有佐证」一列填“是”或“否”（可从下拉列表选择），留空表示未判断；"
             "「计分规则」是勾选项数对应的建议分，评分与之不同时请在程序中说明理由。",
             formats.get(font_color="#555555", font_size=9))  # fmt: skip
    header(sheet, formats, items.ITEMS_HEADER_ROW, items.ITEM_HEADERS, widths, (7, 8))
    plain = formats.get(**BORDER, valign="top")
    wrapped = formats.get(**BORDER, valign="top", text_wrap=True)
    centred = formats.get(**BORDER, valign="top", align="center")
    entry = formats.get(**BORDER, valign="top", align="center", locked=False, bg_color="#FFF9E0")
    row = items.ITEMS_HEADER_ROW - 1
    for uid, alliance in conn.execute("SELECT uid, name FROM alliance ORDER BY position"):
        for code, name, key, item, rule, lines in fixed:
            row += 1
            if lines > 2:
                sheet.set_row(row, 15 * lines)
            put_text(sheet, row, 0, alliance, plain)
            put_text(sheet, row, 1, code, plain)
            put_text(sheet, row, 2, name, wrapped)
            put_text(sheet, row, 3, item, wrapped)
            put_text(sheet, row, 4, YES if (uid, code, key) in claimed else "", centred)
            if (uid, code, key) in ticked:
                put_text(sheet, row, 5, YES, entry)
            else:
                sheet.write_blank(row, 5, None, entry[0])
            put_text(sheet, row, 6, rule, wrapped)
            put_text(sheet, row, 7, uid, plain)
            put_text(sheet, row, 8, key, plain)
    last, top = row, items.ITEMS_HEADER_ROW
    if last >= top:
        sheet.data_validation(top, 5, last, 5, {
            "validate": "list",
            "source": [YES, "否"],
            "ignore_blank": True,
            "error_title": "请填“是”或“否”",
            "error_message": "「是否有佐证」一列只能填“是”或“否”，也可以留空。",
        })  # fmt: skip
    sheet.autofilter(top - 1, 0, max(last, top - 1), len(items.ITEM_HEADERS) - 1)
    sheet.freeze_panes(top, 1)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(top - 1)
    sheet.protect("", PROTECTION)


def done_sheet(book: Any, formats: Formats, conn: sqlite3.Connection, reviewer_name: str,
               indicators: int) -> None:  # fmt: skip
    """The done marks sheet (``sheet_done.write_done_sheet``'s), from plain SQL."""
    from alliance_review.services import sheet_done as done

    sheet = book.add_worksheet(done.DONE_SHEET)
    put_text(sheet, 0, 0, f"完成情况 — 评完的联盟标记为已完成（评审专家：{reviewer_name}）",
             formats.get(bold=True, font_size=13))  # fmt: skip
    put_text(sheet, 1, 0,
             "在「已完成」一列填“是”或“否”（可从下拉列表选择）：“是”即标记为已完成，须已评完该联盟"
             "的全部指标并符合评分依据的要求；“否”取消已完成标记；留空表示不改变。",
             formats.get(font_color="#555555", font_size=9))  # fmt: skip
    header(sheet, formats, done.DONE_HEADER_ROW, done.DONE_HEADERS, done.DONE_WIDTHS, (3,))
    plain = formats.get(**BORDER, valign="top")
    centred = formats.get(**BORDER, valign="top", align="center")
    entry = formats.get(**BORDER, valign="top", align="center", locked=False, bg_color="#FFF9E0")
    row = done.DONE_HEADER_ROW - 1
    for name, uid, scored, finished in conn.execute(
        "SELECT a.name, a.uid,"
        " (SELECT COUNT(*) FROM score s WHERE s.alliance_uid = a.uid"
        "  AND s.points_centi IS NOT NULL),"
        " COALESCE((SELECT t.done FROM alliance_status t WHERE t.alliance_uid = a.uid), 0)"
        " FROM alliance a ORDER BY a.position"
    ):
        row += 1
        put_text(sheet, row, 0, name, plain)
        put_text(sheet, row, 1, f"{scored} / {indicators}", centred)
        put_text(sheet, row, 2, "是" if finished else "否", entry)
        put_text(sheet, row, 3, uid, plain)
    top = done.DONE_HEADER_ROW
    if row >= top:
        sheet.data_validation(top, 2, row, 2, {
            "validate": "list",
            "source": ["是", "否"],
            "ignore_blank": True,
            "error_title": "请填“是”或“否”",
            "error_message": "「已完成」一列只能填“是”或“否”，也可以留空。",
        })  # fmt: skip
    sheet.autofilter(top - 1, 0, max(row, top - 1), len(done.DONE_HEADERS) - 1)
    sheet.freeze_panes(top, 1)
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(top - 1)
    sheet.protect("", PROTECTION)
