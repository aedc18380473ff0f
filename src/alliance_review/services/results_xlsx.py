"""The results workbook: ranking, consensus per indicator, reviewers' scores and notes,
the panel's decisions, and the settings that produced them.

Every sheet has a frozen header row, an autofilter, widths that fit its text and number
formats for points. Text is never a formula: a name or note that starts with = + - @
is stored as a string cell (and marked with Excel's quote prefix), so opening the
workbook cannot run it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from xlsxwriter.worksheet import Worksheet

from alliance_review.core.points import exact_text
from alliance_review.core.scoring import AllianceResult, aggregate
from alliance_review.services.output import Progress, cancelled, check_folder, guard
from alliance_review.services.results import AllianceDetails, RoundResult, compute
from alliance_review.services.round_digest import content_hash, settings_items
from alliance_review.services.xlsx_out import Book, Styles, writing
from alliance_review.storage.round_store import RoundStore

POINTS_FORMAT = "0.00"
HEADER = {"bold": True, "bg_color": "#DDDDDD", "align": "center", "valign": "vcenter",
          "text_wrap": True}  # fmt: skip
MAX_WIDTH = 60
PRINT_HEADER = "联盟活跃度评价结果"


def text_width(value: Any) -> int:
    """Display width in Excel's character units: a CJK character counts two."""
    text = "" if value is None else str(value)
    # UTF-8 takes 1 byte for ASCII and 3 for CJK: (bytes + characters) / 2 is 1 and 2
    return (len(text.encode("utf-8")) + len(text)) // 2


class SheetWriter:
    """One sheet streamed row by row (xlsxwriter, constant memory): the header first, each
    row written as it is added, widths measured on the way and set when it is finished,
    so memory stays flat in the row count. Text is always text, never a formula."""

    def __init__(
        self,
        book: Book,
        styles: Styles,
        title: str,
        headers: Sequence[str],
        formats: Sequence[str | None],
        wrap_columns: Sequence[int] = (),
        right_columns: Sequence[int] = (),
        fixed: dict[int, int] | None = None,
        header_height: float | None = None,
        centi_columns: Sequence[int] = (),
    ):
        self.ws: Worksheet = book.add_worksheet(title)
        self.styles = styles
        self.formats = list(formats)
        self.wrapped = {c - 1 for c in wrap_columns}
        self.right = {c - 1 for c in right_columns}
        self.right_text = styles.get(align="right")
        self.fixed = dict(fixed or {})  # columns of a set width (1-based)
        # columns whose points come as integer hundredths (shown and measured as points)
        self.centi = {c - 1 for c in centi_columns}
        self.widths = [text_width(h) for h in headers]
        self.rows = 0
        self.points = styles.get(num_format=POINTS_FORMAT)
        self.wrap = styles.get(text_wrap=True, valign="top")
        if header_height is not None:  # before the row is written (streamed sheets)
            self.ws.set_row(0, header_height)
        for column, text in enumerate(headers):
            styles.text(self.ws, 0, column, text, styles.get(**HEADER))

    def add(self, values: Sequence[Any]) -> None:
        self.rows += 1
        row, ws, widths = self.rows, self.ws, self.widths
        for column, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, Fraction) or column in self.centi:
                value = float(value) if isinstance(value, Fraction) else value / 100
                shown = len(f"{value:.2f}")
            elif widths[column] >= MAX_WIDTH:
                shown = 0  # as wide as a column gets: no need to measure
            elif isinstance(value, str):
                shown = text_width(value[: MAX_WIDTH + 1])
            else:
                shown = len(str(value))
            if shown > widths[column]:
                widths[column] = shown
            if isinstance(value, str):
                if column in self.wrapped:
                    self.styles.text(ws, row, column, value, self.wrap)
                elif column in self.right:
                    self.styles.text(ws, row, column, value, self.right_text)
                else:
                    self.styles.text(ws, row, column, value)
            elif self.formats[column] is not None and isinstance(value, float):
                ws.write_number(row, column, value, self.points)
            else:
                ws.write_number(row, column, value)

    def finish(self, freeze: str = "A2", widths: dict[int, int] | None = None) -> None:
        """Freeze the header row (and the columns left of ``freeze``), filter, size."""
        ws = self.ws
        ws.freeze_panes(freeze)
        # printed: landscape, as wide as one page, the header row on every page
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.hide_gridlines(0)  # printed with gridlines, as a table reads on paper
        ws.set_header(f"&L&A&R{PRINT_HEADER}")
        ws.set_footer("&C第 &P 页，共 &N 页")
        ws.autofilter(0, 0, self.rows, len(self.widths) - 1)
        for index, width in enumerate(self.widths, start=1):
            chosen = {**self.fixed, **(widths or {})}.get(index, min(width + 3, MAX_WIDTH))
            ws.set_column(index - 1, index - 1, chosen)


def write_sheets(
    book: Book,
    store: RoundStore,
    result: RoundResult,
    digest: str,
    progress: Progress | None = None,
) -> None:
    settings = result.settings
    styles = Styles(book)
    rubric = store.rubric()
    indicators = list(rubric.indicators())
    alliances = {a.uid: a for a in store.alliances()}
    ranked = SheetWriter(
        book,
        styles,
        "排名",
        ["序号", "名次", "联盟名称", "批次", "评分", "精确总分", "精确值", "档次"],
        [None, None, None, None, None, POINTS_FORMAT, None, None],
        right_columns=[7],  # the exact value as text, apart from the exact total beside it
    )
    for row in result.ranking:
        ranked.add(
            [
                row.seq,
                row.rank,
                row.alliance.name,
                row.alliance.batch or "批次不详",
                int(row.printed_score)
                if row.printed_score == row.printed_score.to_integral_value()
                else float(row.printed_score),
                row.total,
                exact_text(row.total),
                row.tier.name,
            ]
        )
    ranked.finish(freeze="D2")

    per_indicator = SheetWriter(
        book,
        styles,
        "指标得分",
        ["序号", "联盟名称"]
        + [f"{i.code} {i.name}（{exact_text(i.max_points)}分）" for i in indicators]
        + ["总分"],
        [None, None] + [POINTS_FORMAT] * (len(indicators) + 1),
        fixed={i: 10 for i in range(3, len(indicators) + 4)},
        header_height=105,  # the indicators' names wrap in the header
    )
    in_ranking = [row.alliance.uid for row in result.ranking]
    details = _in_order(store, result, in_ranking)
    for row in result.ranking:
        values = next(details).indicator_consensus
        per_indicator.add(
            [row.seq, row.alliance.name] + [values.get(i.code) for i in indicators] + [row.total]
        )
    per_indicator.finish(freeze="C2")
    if progress is not None and not progress(1, 3):
        raise cancelled()

    reviewer_sheet = SheetWriter(
        book,
        styles,
        "评审专家评分",
        ["序号", "联盟名称", "评审专家", "指标编号", "二级指标", "得分", "评分依据"],
        [None, None, None, None, None, None, None],
        wrap_columns=[7],
        centi_columns=[6],
    )
    for line in store.reviewer_score_lines(in_ranking):  # in order, from SQL, integers
        reviewer_sheet.add(line)
    reviewer_sheet.finish()
    if progress is not None and not progress(2, 3):
        raise cancelled()

    position = {row.alliance.uid: row.seq for row in result.ranking}
    names = {i.code: i.name for i in indicators}
    decided = {alliance_uid for alliance_uid, _ in store.decisions()}
    computed = aggregate(  # the computed value beside each decision: decided alliances only
        rubric, store.scores_of(decided), settings.consensus_method
    )
    decisions = SheetWriter(
        book,
        styles,
        "最终决定",
        ["联盟名称", "指标编号", "二级指标", "计算值", "最终决定", "理由"],
        [None, None, None, POINTS_FORMAT, POINTS_FORMAT, None],
        wrap_columns=[6],
    )
    for (alliance_uid, code), (points, rationale) in sorted(
        store.decisions().items(), key=lambda item: (position.get(item[0][0], 0), item[0][1])
    ):
        alliance = alliances.get(alliance_uid)
        before = computed.get(alliance_uid)
        value = None
        if before is not None:
            value = before.indicator_consensus.get(code) if code else before.total
        decisions.add(
            [
                alliance.name if alliance else alliance_uid,
                code or "总分",
                names.get(code, "") if code else "",
                value,
                points,
                rationale,
            ]
        )
    decisions.finish()

    settings_sheet = SheetWriter(book, styles, "设置", ["项目", "内容"], [None, None])
    for label, text in settings_items(settings, digest):
        settings_sheet.add([label, text])
    for indicator in indicators:
        category = rubric.category_of(indicator.code)
        settings_sheet.add(
            [
                f"指标 {indicator.code}",
                f"{category.name} / {indicator.name}（满分 {exact_text(indicator.max_points)}）",
            ]
        )
    settings_sheet.finish()


def _in_order(store: RoundStore, result: RoundResult, uids: list[str]) -> Iterator[AllianceResult]:
    """Each alliance's detail in the order of ``uids``: read alliance by alliance in one
    sorted query where the result reads from the round (none kept), else looked up."""
    if isinstance(result.results, AllianceDetails):
        return result.results.in_order(store.score_cells_in_order(uids))
    return (result.results[uid] for uid in uids)


def export_workbook(
    round_path: Path | str, out: Path | str, progress: Progress | None = None
) -> Path:
    """``alliance-review export-xlsx``: the results workbook of the round, streamed to a
    file beside ``out`` that replaces it only when complete (a cancel leaves it as it was)."""
    out = guard(check_folder(out), [round_path])
    with RoundStore.open_readonly(round_path) as store:
        result = compute(store)
        digest = content_hash(store)
        with writing(Path(out), constant_memory=True) as book:
            write_sheets(book, store, result, digest, progress)
            if progress is not None and not progress(3, 3):
                raise cancelled()
    return Path(out)
