"""The results workbook: ranking, consensus per indicator, reviewers' scores and notes,
the panel's decisions, and the settings that produced them.

Every sheet has a frozen header row, an autofilter, widths that fit its text and number
formats for points. Text is never a formula: a name or note that starts with = + - @
is stored as a string cell (and marked with Excel's quote prefix), so opening the
workbook cannot run it.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from alliance_review.core.points import exact_text
from alliance_review.core.scoring import aggregate
from alliance_review.services.pdf_common import Progress, cancelled, check_folder, replacing
from alliance_review.services.results import RoundResult, compute
from alliance_review.services.round_digest import content_hash, settings_items
from alliance_review.storage.round_store import RoundStore

FORMULA_STARTS = ("=", "+", "-", "@")
POINTS_FORMAT = "0.00"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
MAX_WIDTH = 60


def text_width(value: Any) -> int:
    """Display width in Excel's character units: a CJK character counts two."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> Cell:
    """Write one cell; text that looks like a formula stays text."""
    if isinstance(value, Fraction):
        value = float(value)
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    if number_format is not None:
        cell.number_format = number_format
    return cell


class SheetWriter:
    """Fills one sheet row by row and finishes it (header, freeze, filter, widths)."""

    def __init__(self, ws: Worksheet, headers: Sequence[str], formats: Sequence[str | None]):
        self.ws = ws
        self.formats = list(formats)
        self.widths = [text_width(h) for h in headers]
        self.row = 1
        for column, header in enumerate(headers, start=1):
            cell = put(ws, 1, column, header)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center")

    def add(self, values: Sequence[Any]) -> None:
        self.row += 1
        for column, value in enumerate(values, start=1):
            put(self.ws, self.row, column, value, self.formats[column - 1])
            shown = f"{float(value):.2f}" if isinstance(value, Fraction) else value
            self.widths[column - 1] = max(self.widths[column - 1], text_width(shown))

    def finish(self, wrap_columns: Sequence[int] = (), freeze: str = "A2") -> None:
        """Freeze the header row (and the columns left of ``freeze``), filter, size."""
        ws = self.ws
        ws.freeze_panes = freeze
        last = get_column_letter(len(self.widths))
        ws.auto_filter.ref = f"A1:{last}{max(self.row, 1)}"
        for index, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = min(width + 3, MAX_WIDTH)
        for column in wrap_columns:
            for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def build_workbook(
    store: RoundStore, result: RoundResult, digest: str, progress: Progress | None = None
) -> Workbook:
    settings = result.settings
    rubric = store.rubric()
    indicators = list(rubric.indicators())
    alliances = {a.uid: a for a in store.alliances()}
    reviewers = {r.uid: r.name for r in store.reviewers()}
    wb = Workbook()

    ranked = SheetWriter(
        wb.active,
        ["序号", "名次", "联盟名称", "批次", "评分", "精确总分", "精确值", "档次"],
        [None, None, None, None, None, POINTS_FORMAT, None, None],
    )
    wb.active.title = "排名"
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
        wb.create_sheet("指标得分"),
        ["序号", "联盟名称"]
        + [f"{i.code} {i.name}（{exact_text(i.max_points)}分）" for i in indicators]
        + ["总分"],
        [None, None] + [POINTS_FORMAT] * (len(indicators) + 1),
    )
    for row in result.ranking:
        values = result.results[row.alliance.uid].indicator_consensus
        per_indicator.add(
            [row.seq, row.alliance.name] + [values.get(i.code) for i in indicators] + [row.total]
        )
    per_indicator.finish(freeze="C2")
    for index in range(3, len(indicators) + 3):
        per_indicator.ws.column_dimensions[get_column_letter(index)].width = 14
    if progress is not None and not progress(1, 3):
        raise cancelled()

    position = {row.alliance.uid: row.seq for row in result.ranking}
    order = {i.code: n for n, i in enumerate(indicators)}
    reviewer_order = {uid: n for n, uid in enumerate(reviewers)}
    scores = sorted(
        store.scores(),
        key=lambda s: (
            position.get(s.alliance_uid, len(position) + 1),
            reviewer_order.get(s.reviewer_uid, 0),
            order.get(s.indicator_code, 0),
        ),
    )
    names = {i.code: i.name for i in indicators}
    reviewer_sheet = SheetWriter(
        wb.create_sheet("评审专家评分"),
        ["序号", "联盟名称", "评审专家", "指标编号", "二级指标", "得分", "评分依据"],
        [None, None, None, None, None, None, None],
    )
    for score in scores:
        alliance = alliances.get(score.alliance_uid)
        reviewer_sheet.add(
            [
                position.get(score.alliance_uid),
                alliance.name if alliance else score.alliance_uid,
                reviewers.get(score.reviewer_uid, score.reviewer_uid),
                score.indicator_code,
                names.get(score.indicator_code, ""),
                score.points,
                score.note,
            ]
        )
    reviewer_sheet.finish(wrap_columns=[7])
    if progress is not None and not progress(2, 3):
        raise cancelled()

    computed = aggregate(rubric, scores, settings.consensus_method)
    decisions = SheetWriter(
        wb.create_sheet("最终决定"),
        ["联盟名称", "指标编号", "二级指标", "计算值", "最终决定", "理由"],
        [None, None, None, POINTS_FORMAT, POINTS_FORMAT, None],
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
    decisions.finish(wrap_columns=[6])

    settings_sheet = SheetWriter(wb.create_sheet("设置"), ["项目", "内容"], [None, None])
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
    return wb


def export_workbook(
    round_path: Path | str, out: Path | str, progress: Progress | None = None
) -> Path:
    """``alliance-review export-xlsx``: the results workbook of the round."""
    out = check_folder(out)
    with RoundStore.open(round_path) as store:
        result = compute(store)
        workbook = build_workbook(store, result, content_hash(store), progress)
    out = Path(out)
    with replacing(out) as temporary:
        workbook.save(temporary)
        if progress is not None and not progress(3, 3):
            raise cancelled()
    return out
