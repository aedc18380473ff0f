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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from alliance_review.core.points import exact_text
from alliance_review.core.scoring import aggregate
from alliance_review.services.output import Progress, cancelled, check_folder, guard, replacing
from alliance_review.services.results import RoundResult, compute
from alliance_review.services.round_digest import content_hash, settings_items
from alliance_review.services.xlsx import FORMULA_STARTS, HEADER_FONT, WRAP
from alliance_review.storage.round_store import RoundStore

POINTS_FORMAT = "0.00"
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
MAX_WIDTH = 60


def text_width(value: Any) -> int:
    """Display width in Excel's character units: a CJK character counts two."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def cell_for(ws: Any, value: Any, number_format: str | None = None, wrap: bool = False) -> Any:
    """A write-only cell; text that looks like a formula stays text."""
    if isinstance(value, Fraction):
        value = float(value)
    is_formula_like = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    if not (is_formula_like or number_format or wrap):
        return value
    cell = WriteOnlyCell(ws, value=value)
    if is_formula_like:
        cell.data_type = "s"
        cell.quotePrefix = True
    if number_format is not None and isinstance(value, (int, float)):
        cell.number_format = number_format
    if wrap:
        cell.alignment = WRAP
    return cell


class SheetWriter:
    """Collects one sheet's rows, then writes it whole: frozen header, filter, widths.

    The workbook is write-only (streamed), so widths are measured before the rows go out.
    """

    def __init__(
        self, wb: Workbook, title: str, headers: Sequence[str], formats: Sequence[str | None]
    ):
        self.ws = wb.create_sheet(title)
        self.headers = list(headers)
        self.formats = list(formats)
        self.widths = [text_width(h) for h in headers]
        self.rows: list[Sequence[Any]] = []

    def add(self, values: Sequence[Any]) -> None:
        self.rows.append(values)
        for column, value in enumerate(values):
            shown = f"{float(value):.2f}" if isinstance(value, Fraction) else value
            self.widths[column] = max(self.widths[column], text_width(shown))

    def finish(
        self,
        wrap_columns: Sequence[int] = (),
        freeze: str = "A2",
        widths: dict[int, int] | None = None,
    ) -> None:
        """Freeze the header row (and the columns left of ``freeze``), filter, size, write."""
        ws = self.ws
        ws.freeze_panes = freeze
        # printed: landscape, as wide as one page, the header row on every page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = "1:1"
        last = get_column_letter(len(self.widths))
        ws.auto_filter.ref = f"A1:{last}{len(self.rows) + 1}"
        for index, width in enumerate(self.widths, start=1):
            width = (widths or {}).get(index, min(width + 3, MAX_WIDTH))
            ws.column_dimensions[get_column_letter(index)].width = width
        header = []
        for text in self.headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = HEADER_ALIGNMENT
            header.append(cell)
        ws.append(header)
        wrapped = {c - 1 for c in wrap_columns}
        for values in self.rows:
            ws.append(
                [
                    cell_for(ws, value, self.formats[column], column in wrapped)
                    for column, value in enumerate(values)
                ]
            )


def build_workbook(
    store: RoundStore, result: RoundResult, digest: str, progress: Progress | None = None
) -> Workbook:
    settings = result.settings
    rubric = store.rubric()
    indicators = list(rubric.indicators())
    alliances = {a.uid: a for a in store.alliances()}
    reviewers = {r.uid: r.name for r in store.reviewers()}
    wb = Workbook(write_only=True)

    ranked = SheetWriter(
        wb,
        "排名",
        ["序号", "名次", "联盟名称", "批次", "评分", "精确总分", "精确值", "档次"],
        [None, None, None, None, None, POINTS_FORMAT, None, None],
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
        wb,
        "指标得分",
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
    per_indicator.finish(freeze="C2", widths={i: 14 for i in range(3, len(indicators) + 3)})
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
        wb,
        "评审专家评分",
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
        wb,
        "最终决定",
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

    settings_sheet = SheetWriter(wb, "设置", ["项目", "内容"], [None, None])
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
    out = guard(check_folder(out), [round_path])
    with RoundStore.open(round_path) as store:
        result = compute(store)
        workbook = build_workbook(store, result, content_hash(store), progress)
    out = Path(out)
    with replacing(out) as temporary:
        workbook.save(temporary)
        if progress is not None and not progress(3, 3):
            raise cancelled()
    return out
