"""The report draft as a Word document (``alliance-review report ROUND OUT.docx``).

python-docx writes a plain .docx that Word and WPS open and a secretary edits: A4,
named styles that restyle the whole draft at once (标题 for headings, 正文 for body
text, 表格 for every table, plus 报告标题, 图注 and 说明), sections 二-四 as
sentences carrying the computed numbers (``services.report_text``), the score
distribution chart with its tier bands as a PNG (the statistics PDF's own drawing), the
per-batch and per-item tables, and the appendix table grouped by tier. The first page
says that this is a draft made by the app, not the official text.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from alliance_review.core.points import format_points
from alliance_review.core.published import PreviousYear
from alliance_review.core.report_figures import (
    differences,
    figure_list,
    source_inconsistencies,
    value_text,
    values,
)
from alliance_review.core.statistics import RoundStatistics
from alliance_review.services.appendix_pdf import appendix_entries, default_title
from alliance_review.services.histogram_chart import histogram_drawing
from alliance_review.services.output import Progress, cancelled, check_folder, replacing
from alliance_review.services.page_images import drawing_png
from alliance_review.services.report_sections import section_five, section_one, section_one_method
from alliance_review.services.report_text import (
    DRAFT_NOTICE,
    section_four,
    section_three,
    section_two,
)
from alliance_review.services.results import compute
from alliance_review.services.statistics_report import round_statistics_of
from alliance_review.storage.round_store import RoundStore

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
STYLE_TITLE = "报告标题"
STYLE_HEADING = "标题"
STYLE_BODY = "正文"
STYLE_TABLE = "表格"
STYLE_CAPTION = "图注"
STYLE_NOTE = "说明"
STYLE_GAP = "表后空行"
STYLE_TODO = "待撰写"


def _fonts(style: Any, east_asian: str, size: float, bold: bool = False) -> None:
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def _styles(document: Any) -> None:
    styles = document.styles
    title = styles.add_style(STYLE_TITLE, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(title, HEADING_FONT, 18, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    heading = styles.add_style(STYLE_HEADING, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(heading, HEADING_FONT, 14, bold=True)
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True
    heading.element.get_or_add_pPr().append(_outline_level(0))
    body = styles.add_style(STYLE_BODY, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(body, BODY_FONT, 12)
    body.paragraph_format.first_line_indent = Pt(24)
    body.paragraph_format.line_spacing = 1.5
    body.paragraph_format.space_after = Pt(0)
    caption = styles.add_style(STYLE_CAPTION, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(caption, BODY_FONT, 10.5)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(6)
    caption.paragraph_format.keep_with_next = True
    note = styles.add_style(STYLE_NOTE, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(note, BODY_FONT, 10.5)
    note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    note.paragraph_format.space_after = Pt(6)
    gap = styles.add_style(STYLE_GAP, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(gap, BODY_FONT, 6)
    gap.paragraph_format.space_after = Pt(0)
    todo = styles.add_style(STYLE_TODO, WD_STYLE_TYPE.PARAGRAPH)
    _fonts(todo, BODY_FONT, 12)
    todo.font.color.rgb = RGBColor(0x9C, 0x57, 0x00)
    todo.paragraph_format.first_line_indent = Pt(24)
    todo.paragraph_format.line_spacing = 1.5
    todo.paragraph_format.space_before = Pt(6)
    todo.paragraph_format.space_after = Pt(6)
    table = styles.add_style(STYLE_TABLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    _fonts(table, BODY_FONT, 10.5)
    table.paragraph_format.space_after = Pt(0)


def _outline_level(level: int) -> Any:
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    return element


def _a4(document: Any) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(28)
        section.top_margin, section.bottom_margin = Mm(30), Mm(26)


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _table(
    document: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float] | None = None,
    left: Sequence[int] = (),
) -> Any:
    """A table in the 表格 style; ``widths`` in mm, ``left``: columns aligned left."""
    table = document.add_table(rows=1, cols=len(header), style=STYLE_TABLE)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = widths is None
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, "E6E6E6")
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = str(value)
            cell.paragraphs[0].alignment = (
                WD_ALIGN_PARAGRAPH.LEFT if column in left else WD_ALIGN_PARAGRAPH.CENTER
            )
    if widths is not None:
        _widths(table, widths)
    return table


def _widths(table: Any, widths: Sequence[float]) -> None:
    """Column widths in mm, both in the grid (LibreOffice, WPS) and per cell (Word)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _paragraph(document: Any, text: str, style: str = STYLE_BODY) -> Any:
    return document.add_paragraph(text, style=style)


class _Captions:
    """Tables and figures numbered in the order they appear (表 1, 表 2, ...; 图 1)."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.tables = 0
        self.figures = 0

    def table(self, title: str) -> None:
        self.tables += 1
        _paragraph(self.document, f"表 {self.tables}  {title}", STYLE_CAPTION)

    def figure(self, title: str) -> None:
        self.figures += 1
        _paragraph(self.document, f"图 {self.figures}  {title}", STYLE_CAPTION)


def _space_after_table(document: Any) -> None:
    """An empty line under a table, so a note or paragraph never touches its border."""
    _paragraph(document, "", STYLE_GAP)


def _secretary(document: Any, text: str) -> None:
    """A paragraph the secretary writes: marked, shaded, never mistaken for the report."""
    paragraph = _paragraph(document, text, STYLE_TODO)
    properties = paragraph._p.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "FFF2CC")
    properties.append(shading)


def _page_numbers(document: Any) -> None:
    """ "— 3 —" centred in every page's footer (a PAGE field, so Word renumbers it)."""
    for section in document.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("— ")
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                           ("end", None)):  # fmt: skip
            if kind is not None:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)
            elif text == "PAGE":
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = " PAGE "
                run._r.append(instruction)
            else:
                run._r.append(_text_element(text or ""))
        paragraph.add_run(" —")


def _text_element(text: str) -> Any:
    element = OxmlElement("w:t")
    element.text = text
    return element


def report_document(
    stats: RoundStatistics,
    round_title: str,
    rubric: Any,
    ranking: Sequence[Any],
    tiers: Sequence[Any],
    chart_png: bytes,
) -> Any:
    document = Document()
    _styles(document)
    _a4(document)
    _page_numbers(document)
    v = values(stats)
    captions = _Captions(document)
    core = document.core_properties
    core.title = f"{stats.year} 年度产业技术创新战略联盟活跃度评价工作报告（草稿）"
    core.author = "联盟活跃度评价 (alliance-review)"
    core.comments = DRAFT_NOTICE
    _paragraph(document, core.title, STYLE_TITLE)
    _paragraph(document, DRAFT_NOTICE + f"数据来源：评价轮次《{round_title}》。", STYLE_NOTE)

    if stats.record is not None:
        _section_one(document, captions, rubric, v)
    _section_two(document, captions, stats, v, chart_png)
    _section_three(document, captions, stats, rubric, v)
    _section_four(document, captions, stats, v)
    _section_five(document, captions, stats, v)
    _checks(document, stats)
    _appendix(document, stats.year, ranking, tiers)
    return document


def _section_one(document: Any, captions: _Captions, rubric: Any, v: Any) -> None:
    _paragraph(document, "一、活跃度评价的原则、指标及评价方法", STYLE_HEADING)
    intro, principles, points = section_one(v)
    _paragraph(document, intro)
    _secretary(document, principles)
    _paragraph(document, points)
    captions.table("评价指标及分值")
    rows = []
    for category in rubric.categories:
        for number, indicator in enumerate(category.indicators):
            rows.append(
                [
                    category.name if number == 0 else "",
                    f"{indicator.code} {indicator.name}",
                    format_points(indicator.max_points),
                ]
            )
    _table(document, ["一级指标", "二级指标", "分值"], rows, [46, 92, 16], left=(0, 1))
    _space_after_table(document)
    for text in section_one_method(v):
        _paragraph(document, text)


def _section_two(
    document: Any, captions: _Captions, stats: RoundStatistics, v: Any, chart_png: bytes
) -> None:
    _paragraph(document, "二、试点联盟活跃度总体情况", STYLE_HEADING)
    two = section_two(stats, v)
    _paragraph(document, two[0])
    document.add_picture(BytesIO(chart_png), width=Mm(150))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    captions.figure("得分分布（每 5 分一组，底色为各档次的分数段）")
    for text in two[1:]:
        _paragraph(document, text)
    previous_year = v.get("previous_year") or stats.year - 1
    captions.table("各档次家数与占比")
    _table(
        document,
        ["档次", "家数", "占比", f"{previous_year} 年占比", "变化（百分点）"],
        [
            [
                t.name,
                t.count,
                f"{t.share}%",
                "" if t.previous_share is None else f"{t.previous_share}%",
                "" if t.change is None else f"{t.change:+d}",
            ]
            for t in stats.tier_figures
        ],
    )
    _space_after_table(document)
    for note in band_notes(stats, v):
        _paragraph(document, note, STYLE_NOTE)


def _section_three(
    document: Any, captions: _Captions, stats: RoundStatistics, rubric: Any, v: Any
) -> None:
    _paragraph(document, "三、从各项指标来看的试点联盟活跃度情况", STYLE_HEADING)
    lead = _paragraph(document, "从各项指标的评价要点可以看出：")
    lead.paragraph_format.keep_with_next = True
    for heading, paragraphs in section_three(stats, rubric, v):
        _paragraph(document, heading + paragraphs[0])
        for text in paragraphs[1:]:
            _paragraph(document, text)
    if stats.items:
        captions.table("开展各评价要点的联盟（家）")
        _table(
            document,
            ["指标", "评价要点", "合计", *[t.name for t in stats.tiers]],
            [[i.code, i.name, i.done, *i.tier_done] for i in stats.items],
            [12, 70, 12, *[60 / max(len(stats.tiers), 1)] * len(stats.tiers)],
            left=(1,),
        )
        _space_after_table(document)


def _section_four(document: Any, captions: _Captions, stats: RoundStatistics, v: Any) -> None:
    _paragraph(document, "四、不同批次试点联盟的活跃度情况", STYLE_HEADING)
    for text in section_four(stats, v):
        _paragraph(document, text)
    captions.table("各批次试点联盟的活跃度情况")
    top_two = "、".join(t.name.removeprefix("活跃度") for t in stats.tiers[:2])
    _table(
        document,
        [
            "批次",
            "试点",
            "参评\n(参评率)",
            *[t.name for t in stats.tiers],
            f"{top_two}合计",
            f"{stats.threshold} 分以上",
            "满分",
        ],
        [
            [
                b.batch,
                b.on_roster,
                f"{b.took_part}\n({b.took_part_share}%)",
                *[f"{c}\n({s}%)" for c, s in zip(b.tier_counts, b.tier_shares, strict=True)],
                f"{b.top_two}\n({b.top_two_share}%)",
                b.at_threshold,
                len(b.full_marks),
            ]
            for b in stats.batches
        ],
        [16, 12, 17, *[17] * len(stats.tiers), 17, 13, 11],
    )
    _space_after_table(document)
    notes = list(stats.notes) + [
        f"“{stats.threshold} 分以上”按公布的评分计，含 {stats.threshold} 分。",
    ]
    for note in notes:
        _paragraph(document, note, STYLE_NOTE)


def _section_five(document: Any, captions: _Captions, stats: RoundStatistics, v: Any) -> None:
    _paragraph(document, "五、小结及建议", STYLE_HEADING)
    paragraphs = section_five(stats, v)
    for text in paragraphs[:-1]:
        _paragraph(document, text)
    won = stats.points_won
    if won is not None and won.categories:
        captions.table("各档次联盟各一级指标的得分率（%）")
        _table(
            document,
            ["一级指标", "满分", "全部参评联盟", *[t.name for t in stats.tiers]],
            [
                [
                    c.name,
                    format_points(c.max_points),
                    c.overall,
                    *["" if r is None else r for r in c.tiers],
                ]
                for c in won.categories
            ],
            [44, 12, 22, *[76 / max(len(stats.tiers), 1)] * len(stats.tiers)],
            left=(0,),
        )
        _space_after_table(document)
    _secretary(document, paragraphs[-1])


def band_notes(stats: RoundStatistics, v: Any) -> list[str]:
    """Notes under the tier table: which number decides the tier, and the rows whose
    printed score reads as another tier's band (the warnings of export-pdf)."""
    notes = []
    if stats.tier_by == "total":
        notes.append(
            "注：档次按精确总分划分，公布的评分是取整后的分数；各档的分数段指精确总分的范围"
            "（含下限，不含上一档的下限）。"
        )
    else:
        notes.append("注：档次按公布的评分（取整后的分数）划分。")
    count = v["band_mismatches"]
    if count:
        rows = [
            f"第 {v[f'band_mismatch.{n}.seq']} 名「{name}」（公布评分 "
            f"{v[f'band_mismatch.{n}.score']} 分，列在{tier}，按分数段读作{reading}）"
            for n, (_, name, _, tier, reading) in enumerate(stats.band_mismatches, start=1)
        ]
        lead = "有 1 家联盟" if count == 1 else f"有 {count} 家联盟"
        notes.append(f"附件中{lead}的公布评分落在另一档次的分数段内：" + "；".join(rows) + "。")
    return notes


def _checks(document: Any, stats: RoundStatistics) -> None:
    """Where the computed figures differ from figures typed in from a published report."""
    compared = [f for f in figure_list(stats) if f.compared]
    conflicts = source_inconsistencies(stats)
    if not compared and not conflicts:
        return
    _paragraph(document, "附：数字核对（供秘书处参考，不属于报告正文）", STYLE_HEADING)
    wrong = differences(compared)
    _paragraph(
        document,
        f"与录入的公布数字对照 {len(compared)} 项，其中 {len(wrong)} 项不符：",
        STYLE_NOTE,
    )
    if wrong:
        _table(
            document,
            ["数字", "本轮次", "公布", ""],
            [[f.label, value_text(f.value), value_text(f.printed), "不符"] for f in wrong],
            [80, 28, 28, 18],
            left=(0,),
        )
    for zh, _ in conflicts:
        _paragraph(document, zh, STYLE_NOTE)


def _appendix(document: Any, year: int, ranking: Sequence[Any], tiers: Sequence[Any]) -> None:
    document.add_page_break()
    _paragraph(document, "附件", STYLE_HEADING)
    _paragraph(document, default_title(year), STYLE_TITLE)
    entries = appendix_entries(ranking, tiers)
    table = document.add_table(rows=1, cols=3, style=STYLE_TABLE)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ("序号", "联盟名称", "评分"), strict=True):
        cell.text = text
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, "E6E6E6")
    _repeat_header(table.rows[0])
    for entry in entries:
        cells = table.add_row().cells
        if hasattr(entry, "text"):  # a tier heading spans the row
            merged = cells[0].merge(cells[2])
            merged.text = entry.text
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _shade(merged, "F5F5F5")
            continue
        cells[0].text = str(entry.seq)
        cells[1].text = entry.alliance.name
        cells[2].text = f"{entry.printed_score}"
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _widths(table, (16, 122, 16))


def export_report(
    round_path: Path | str,
    out: Path | str,
    previous: Path | str | PreviousYear | None = None,
    published: Path | str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report draft of ``round_path`` to ``out`` (.docx), whole or not at all."""
    out = check_folder(out)
    stats = round_statistics_of(round_path, previous, published)
    if progress is not None and not progress(1, 4):
        raise cancelled()
    with RoundStore.open(round_path) as store:
        result = compute(store)
        rubric = store.rubric()
        title = store.settings().title
    chart = drawing_png(histogram_drawing(stats, width=440, height=230), dpi=200)
    if progress is not None and not progress(2, 4):
        raise cancelled()
    document = report_document(stats, title, rubric, result.ranking, result.settings.tiers, chart)
    if progress is not None and not progress(3, 4):
        raise cancelled()
    with replacing(out) as temporary:
        document.save(str(temporary))
        if progress is not None and not progress(4, 4):
            raise cancelled()
    return out
