"""The statistics report as a PDF: tables of the figures and the distribution chart.

Charts are drawn with reportlab's own graphics (``reportlab.graphics.shapes``), so the
PDF and the app (the same drawing rendered to an image) show the same chart.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from alliance_review.core.evidence import ITEM_RULES
from alliance_review.core.points import format_points
from alliance_review.core.report_figures import (
    differences,
    figure_list,
    source_inconsistencies,
    value_text,
)
from alliance_review.core.statistics import PreviousYear, RoundStatistics
from alliance_review.services.histogram_chart import histogram_drawing
from alliance_review.services.output import Progress, cancelled, check_folder, guard, replacing
from alliance_review.services.pdf_common import (
    NumberedCanvas,
    font,
    register_font,
    round_moment,
    using_font,
)
from alliance_review.services.round_digest import content_hash, settings_keywords
from alliance_review.services.statistics_report import (
    PUBLISHED_HEADER,
    mean_text,
    round_statistics_of,
)
from alliance_review.services.statistics_text import published_rows, signed, statistics_lines
from alliance_review.storage.round_store import RoundStore


class _Styles:
    def __init__(self) -> None:
        register_font()
        self.title = ParagraphStyle(
            "title", fontName=font(), fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=10
        )
        self.section = ParagraphStyle(
            "section", fontName=font(), fontSize=13, leading=20, spaceBefore=10, spaceAfter=4
        )
        self.body = ParagraphStyle(
            "body", fontName=font(), fontSize=10.5, leading=16, wordWrap="CJK"
        )
        self.note = ParagraphStyle(
            "note",
            fontName=font(),
            fontSize=8.5,
            leading=12,
            wordWrap="CJK",
            textColor=colors.Color(0.3, 0.3, 0.3),
        )
        self.cell = ParagraphStyle("cell", fontName=font(), fontSize=9, leading=12, wordWrap="CJK")
        self.head = ParagraphStyle(
            "head", parent=self.cell, alignment=TA_CENTER, fontSize=8.5, leading=11
        )


def _table(
    rows: list[list[Any]], widths: list[float], left_columns: tuple[int, ...] = (0,)
) -> Table:
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font(), 9, 12),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for column in left_columns:
        style.append(("ALIGN", (column, 1), (column, -1), "LEFT"))
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _published_section(stats: RoundStatistics, width: float, s: _Styles) -> list[Flowable]:
    """The figures a report printed (typed in), beside the shares our rule gives."""
    if stats.published is None:
        return []
    story: list[Flowable] = [
        Spacer(1, 6),
        Paragraph("报告公布的分批次数字（录入，供对照）", s.body),
    ]
    # each tier cell on two lines ("27" over "（58%／58%）") so it fits its column
    rows = [[cell.replace("（", "\n（") for cell in row] for row in published_rows(stats)]
    if rows:
        header = [*PUBLISHED_HEADER.split(), *[t.name for t in stats.tiers], "最大余数法"]
        tier_width = (width * 0.6) / max(len(stats.tiers), 1)
        # the heading stays with its table (never alone at the foot of a page)
        story[-1:] = [
            KeepTogether(
                [
                    story[-1],
                    _table(
                        [header, *rows],
                        [width * 0.1, width * 0.08, width * 0.12]
                        + [tier_width] * len(stats.tiers)
                        + [width * 0.1],
                    ),
                ]
            )
        ]
        story.append(Spacer(1, 3))
        story.append(
            Paragraph(
                "各档格式：家数（公布占比／按最大余数法的占比）。公布的占比不都符合同一取整规则，"
                "故照录而不重算。",
                s.note,
            )
        )
    if stats.published.pilot_count is not None:
        pilot = stats.published.pilot_count
        story.append(
            Paragraph(
                f"试点联盟共 {pilot} 家（公布），参评 {stats.took_part} 家，"
                f"未参评 {pilot - stats.took_part} 家。",
                s.note,
            )
        )
    return story


def _items_section(stats: RoundStatistics, width: float, s: _Styles) -> list[Flowable]:
    """What the alliances did: per evidence item, the alliances counted as having done it."""
    if not stats.items:
        return []
    header = ["指标", "评价要点", "合计", *[Paragraph(t.name, s.head) for t in stats.tiers], "自评"]
    rows: list[list[Any]] = [header]
    for item in stats.items:
        rows.append(
            [item.code, Paragraph(item.name, s.cell), item.done, *item.tier_done, item.claimed]
        )
    number = width * 0.08
    story: list[Flowable] = [
        Paragraph("评价要点：开展了该项活动的联盟（家）", s.section),
        _table(
            rows,
            [
                number,
                width - number * (3 + len(stats.tiers)),
                number,
                *[number] * len(stats.tiers),
                number,
            ],
            (1,),
        ),
        Spacer(1, 3),
        Paragraph(
            f"认定规则：{ITEM_RULES.get(stats.item_rule, (stats.item_rule, ''))[0]}即计为已开展；"
            "“自评”为联盟在自评价表中勾选的家数。",
            s.note,
        ),
    ]
    return story


def _comparison_section(stats: RoundStatistics, width: float, s: _Styles) -> list[Flowable]:
    """Computed figures against figures typed in from a published report, and where the
    published figures disagree with each other (listed, never corrected)."""
    compared = [f for f in figure_list(stats) if f.compared]
    conflicts = source_inconsistencies(stats)
    if not compared and not conflicts:
        return []
    wrong = differences(compared)
    story: list[Flowable] = [
        Paragraph("与公布数字对照", s.section),
        Paragraph(f"共对照 {len(compared)} 项，不符 {len(wrong)} 项。", s.body),
    ]
    if wrong:
        rows: list[list[Any]] = [["数字", "本轮次", "公布", ""]]
        rows += [
            [Paragraph(f.label, s.cell), value_text(f.value), value_text(f.printed), "不符"]
            for f in wrong
        ]
        story.append(_table(rows, [width * 0.55, width * 0.16, width * 0.16, width * 0.13], (0,)))
    if conflicts:
        story.append(Spacer(1, 4))
        story.append(Paragraph("公布数字自身不一致之处（照录，不作更正）：", s.body))
        story += [Paragraph(zh, s.note) for zh, _ in conflicts]
    return story


def statistics_story(stats: RoundStatistics, digest: str) -> list[Flowable]:
    s = _styles = _Styles()
    width = A4[0] - 50 * mm
    story: list[Flowable] = [Paragraph(f"{stats.year} 年度联盟活跃度评价统计", _styles.title)]

    story.append(Paragraph("一、参评情况", s.section))
    for line in statistics_lines(stats)[2:4]:
        story.append(Paragraph(line, s.body))

    story.append(Paragraph("二、各档次家数与占比", s.section))
    rows: list[list[Any]] = [["档次", "家数", "占比", "上年占比", "变化（百分点）"]]
    for t in stats.tier_figures:
        rows.append(
            [
                t.name,
                t.count,
                f"{t.share}%",
                "" if t.previous_share is None else f"{t.previous_share}%",
                signed(t.change),
            ]
        )
    rows.append(["合计", stats.took_part, f"{sum(t.share for t in stats.tier_figures)}%", "", ""])
    story.append(_table(rows, [width * f for f in (0.28, 0.14, 0.16, 0.18, 0.24)]))
    story.append(Spacer(1, 3))
    for note in stats.notes:
        story.append(Paragraph(note, s.note))
    if stats.previous is not None and stats.previous.source in ("typed", "published"):
        story.append(Paragraph("上年占比为按上年公布数字录入。", s.note))

    story.append(Paragraph("三、分批次情况", s.section))
    top_two = "+".join(t.name.removeprefix("活跃度") for t in stats.tiers[:2])
    rows = [
        [
            "批次",
            "试点",
            "参评\n（参评率）",
            *[Paragraph(t.name, s.head) for t in stats.tiers],
            f"{top_two}",
            f"{stats.threshold}分\n及以上",
            "满分",
        ]
    ]
    for b in stats.batches:
        rows.append(
            [
                b.batch,
                b.on_roster,
                f"{b.took_part}\n（{b.took_part_share}%）",
                *[f"{c}\n（{p}%）" for c, p in zip(b.tier_counts, b.tier_shares, strict=True)],
                f"{b.top_two}\n（{b.top_two_share}%）",
                b.at_threshold,
                len(b.full_marks),
            ]
        )
    tier_width = (width * 0.48) / max(len(stats.tiers), 1)
    story.append(
        _table(
            rows,
            [width * 0.1, width * 0.07, width * 0.1]
            + [tier_width] * len(stats.tiers)
            + [width * 0.1, width * 0.08, width * 0.07],
        )
    )
    if stats.participation is not None and stats.participation.not_taking_part:
        reasons = [r for r, _ in stats.participation.by_reason]
        rows = [["批次", "未参评", *reasons]]
        for b in stats.batches:
            counts = dict(b.by_reason)
            rows.append([b.batch, b.not_taking_part, *[counts.get(r, 0) for r in reasons]])
        rows.append(
            [
                "合计",
                stats.participation.not_taking_part,
                *[n for _, n in stats.participation.by_reason],
            ]
        )
        story.append(Spacer(1, 4))
        story.append(Paragraph("未参评的试点联盟（按批次和原因）", s.body))
        other = (width * 0.6) / max(len(reasons), 1)
        story.append(_table(rows, [width * 0.2, width * 0.2] + [other] * len(reasons)))
    repeated = stats.repeated_full_marks
    if stats.full_marks:
        story.append(Spacer(1, 3))
        story.append(Paragraph("满分联盟：" + "、".join(stats.full_marks) + "。", s.note))
    if repeated is not None:
        story.append(Paragraph("连续两年满分：" + ("、".join(repeated) or "无") + "。", s.note))
    story.append(Spacer(1, 3))
    story.append(
        Paragraph(
            "名单中未注明试点批次的联盟计入“批次不详”，不作推断；各批次内占比同样采用最大余数法。",
            s.note,
        )
    )
    story += _published_section(stats, width, s)

    story.append(
        KeepTogether(
            [
                Paragraph("四、得分分布", s.section),
                histogram_drawing(stats, width=width, height=230),
            ]
        )
    )

    story.append(Paragraph("五、各二级指标平均得分（按档次）", s.section))
    header = [
        "编号",
        "二级指标",
        "满分",
        "全部",
        *[Paragraph(t.name, s.head) for t in stats.tiers],
        "区分度",
    ]
    rows = [header]
    for i in stats.indicators:
        rows.append(
            [
                i.code,
                Paragraph(i.name, s.cell),
                format_points(i.max_points),
                mean_text(i.mean),
                *[mean_text(m) for m in i.tier_means],
                "" if i.separation is None else f"{float(i.separation) * 100:.0f}%",
            ]
        )
    number = width * 0.09
    name_width = width - number * (4 + len(stats.tiers)) - width * 0.02
    story.append(
        _table(
            rows,
            [
                number * 0.8,
                name_width + number * 0.2 + width * 0.02,
                number * 0.8,
                number,
                *[number] * len(stats.tiers),
                number * 1.2,
            ],
            (1,),
        )
    )
    story.append(Spacer(1, 3))
    story.append(
        Paragraph(
            "区分度 = (最高档平均分 − 最低档平均分) ÷ 满分；数值越大，该指标越能区分各档次。",
            s.note,
        )
    )

    story += _items_section(stats, width, s)
    story += _comparison_section(stats, width, s)

    story.append(Paragraph("最高分与最低分", s.section))
    for label, extreme in (("最高分", stats.highest), ("最低分", stats.lowest)):
        if extreme is not None:
            story.append(
                Paragraph(
                    f"{label} {extreme.printed_score}（{len(extreme.names)} 家）："
                    + "、".join(extreme.names),
                    s.body,
                )
            )
    story.append(Spacer(1, 10))
    story.append(Paragraph(f"轮次内容校验值（SHA-256）：{digest}", s.note))
    return story


def build_statistics_pdf(
    out: Path | str,
    stats: RoundStatistics,
    digest: str,
    keywords: str = "",
    progress: Progress | None = None,
    moment: datetime | None = None,
    font_file: Path | None = None,
) -> Path:
    with using_font(font_file):
        return _build(Path(out), stats, digest, keywords, progress, moment)


def _build(
    out: Path,
    stats: RoundStatistics,
    digest: str,
    keywords: str,
    progress: Progress | None,
    moment: datetime | None,
) -> Path:
    story = statistics_story(stats, digest)
    if progress is not None and not progress(1, 2):
        raise cancelled()
    with replacing(out) as temporary:
        doc = SimpleDocTemplate(
            str(temporary),
            pagesize=A4,
            leftMargin=25 * mm,
            rightMargin=25 * mm,
            topMargin=25 * mm,
            bottomMargin=25 * mm,
            invariant=1,
            initialFontName=font(),
            title=f"{stats.year} 年度联盟活跃度评价统计",
            author="产业技术创新战略联盟试点工作联络组",
            subject=f"轮次内容校验值 SHA-256 {digest}",
            keywords=keywords,
            creator="联盟活跃度评价 (alliance-review)",
            lang="zh-CN",
        )
        doc.build(story, canvasmaker=NumberedCanvas.dated(moment))
        if progress is not None and not progress(2, 2):
            raise cancelled()
    return out


def export_statistics_pdf(
    round_path: Path | str,
    out: Path | str,
    previous: Path | str | PreviousYear | None = None,
    published: Path | str | None = None,
    progress: Progress | None = None,
    font_file: Path | None = None,
) -> Path:
    """``alliance-review statistics --pdf``: the statistics report of the round."""
    inputs = [round_path, published, None if isinstance(previous, PreviousYear) else previous]
    guard(check_folder(out), inputs)
    stats = round_statistics_of(round_path, previous, published)
    with RoundStore.open(round_path) as store:
        digest = content_hash(store)
        keywords = settings_keywords(store.settings(), digest)
        moment = round_moment(store.publication_time())
    return build_statistics_pdf(out, stats, digest, keywords, progress, moment, font_file)
