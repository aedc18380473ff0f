"""The ranked appendix (附件) as a PDF, in the layout of the published 2015 appendix.

"附件" label, the title, a table 序号 / 联盟名称 / 评分 with the rows grouped under tier
headings that give the tier's count ("活跃度高的联盟（共 56 家）"); A4 portrait; the
column header on every page; "第 N 页 共 M 页" at the foot; long names wrap in their
cell. Headings use the tier names configured in the round: the published 2015 appendix
heads its lowest group "活跃度差的联盟" while its own text and data call that tier
"活跃度较差", so the printed heading follows the round's tier name.

Speed: the table is cut into tables of ``CHUNK_ROWS`` rows laid one below the other, so
a page break only re-measures one chunk and 10,000 rows take linear time. The column
header of later pages is drawn by the page template (a header row inside each chunk
would show up mid-page).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from alliance_review.core.errors import UserError
from alliance_review.core.ranking import RankedRow, TierBand
from alliance_review.core.round import RoundSettings
from alliance_review.services.output import Progress, cancelled, check_folder, guard, replacing
from alliance_review.services.page_images import page_texts, pdf_metadata
from alliance_review.services.pdf_common import (
    NumberedCanvas,
    font,
    register_font,
    round_moment,
    using_font,
)
from alliance_review.services.results import RoundResult, compute
from alliance_review.services.round_digest import content_hash, keyword_fields, settings_keywords
from alliance_review.storage.audit import LOCKED_SIGNED, LockState
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.submission import read_bytes

AUTHOR = "产业技术创新战略联盟试点工作联络组"
MAX_PDF_BYTES = 512 * 1024 * 1024  # a PDF to verify is read only up to this size
CHUNK_ROWS = 40
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 26 * mm, 30 * mm, 26 * mm
TEXT_WIDTH = A4[0] - LEFT - RIGHT
BODY_SIZE, BODY_LEADING = 12, 16
PADDING = 6
# 序号 and 评分 are narrow; 联盟名称 takes the rest, so a name of 26 characters fits
# on one line and the 27-character row 107 wraps, as it does in the published appendix.
NUMBER_WIDTH = 54.0
LINE = colors.black
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
HEADING_FILL = colors.Color(0.96, 0.96, 0.96)


def default_title(year: int) -> str:
    return f"{year} 年度产业技术创新战略联盟活跃度情况"


@dataclass(frozen=True)
class AppendixOptions:
    """What to print: the title (None: the default for the year), which tiers (None:
    all), whether to add a 名次 column that shows shared ranks of equal totals."""

    title: str | None = None
    tiers: tuple[str, ...] | None = None
    show_rank_ties: bool = False
    label: str = "附件"
    author: str = AUTHOR
    font: Path | None = None  # a TrueType file to print with (None: the bundled font)


@dataclass(frozen=True)
class Heading:
    tier: TierBand
    count: int

    @property
    def text(self) -> str:
        return heading_text(self.tier.name, self.count)


def heading_text(tier_name: str, count: int) -> str:
    return f"{tier_name}的联盟（共 {count} 家）"


Entry = Heading | RankedRow


def appendix_entries(
    ranking: Sequence[RankedRow], tiers: Sequence[TierBand], include: Sequence[str] | None = None
) -> list[Entry]:
    """Tier headings with their counts, each followed by its rows, best tier first.

    A tier with no alliance is left out; a heading's count is the whole tier's count.
    """
    names = [t.name for t in tiers]
    if include is not None:
        unknown = [n for n in include if n not in names]
        if unknown:
            raise UserError(
                f"本轮次没有档次「{unknown[0]}」（可选：{'、'.join(names)}）。",
                f"This round has no tier {unknown[0]!r} (choose from {', '.join(names)}).",
            )
    entries: list[Entry] = []
    for tier in tiers:
        if include is not None and tier.name not in include:
            continue
        rows = [r for r in ranking if r.tier.name == tier.name]
        if rows:
            entries.append(Heading(tier, len(rows)))
            entries.extend(rows)
    return entries


class _Layout:
    """Column widths, styles and cell builders for one appendix."""

    def __init__(self, show_rank_ties: bool) -> None:
        register_font()
        self.show_rank_ties = show_rank_ties
        numbers = 3 if show_rank_ties else 2
        self.name_width = TEXT_WIDTH - numbers * NUMBER_WIDTH
        self.widths = (
            [NUMBER_WIDTH, NUMBER_WIDTH, self.name_width, NUMBER_WIDTH]
            if show_rank_ties
            else [NUMBER_WIDTH, self.name_width, NUMBER_WIDTH]
        )

    @property
    def columns(self) -> int:
        return len(self.widths)

    def header(self) -> list[str]:
        if self.show_rank_ties:
            return ["序号", "名次", "联盟名称", "评分"]
        return ["序号", "联盟名称", "评分"]

    def name_cell(self, name: str) -> str:
        # A cell string with line breaks is drawn line by line, far faster than a
        # Paragraph; the name is broken where the next character would not fit.
        return "\n".join(wrap_text(name, self.name_width - 2 * PADDING))

    def row(self, entry: Entry) -> list[Any]:
        if isinstance(entry, Heading):
            return [entry.text] + [""] * (self.columns - 1)
        score = f"{entry.printed_score:f}"
        cells: list[Any] = [str(entry.seq)]
        if self.show_rank_ties:
            # equal exact totals share a rank (1, 1, 3): the same number is printed
            cells.append(str(entry.rank))
        cells += [self.name_cell(entry.alliance.name), score]
        return cells

    def base_style(self) -> list[tuple[Any, ...]]:
        name_column = self.columns - 2
        return [
            ("FONT", (0, 0), (-1, -1), font(), BODY_SIZE, BODY_LEADING),
            ("GRID", (0, 0), (-1, -1), 0.6, LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("ALIGN", (name_column, 0), (name_column, -1), "LEFT"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]

    def header_table(self) -> Table:
        table = Table([self.header()], colWidths=self.widths)
        table.setStyle(
            TableStyle(
                [
                    *self.base_style(),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                ]
            )
        )
        return table

    def chunk_table(self, entries: Sequence[Entry]) -> Table:
        style = self.base_style()
        for index, entry in enumerate(entries):
            if isinstance(entry, Heading):
                style += [
                    ("SPAN", (0, index), (-1, index)),
                    ("ALIGN", (0, index), (-1, index), "LEFT"),
                    ("BACKGROUND", (0, index), (-1, index), HEADING_FILL),
                    ("LEFTPADDING", (0, index), (-1, index), 2 * PADDING),
                    ("NOSPLIT", (0, index), (-1, min(index + 1, len(entries) - 1))),
                ]
        table = Table(
            [self.row(e) for e in entries], colWidths=self.widths, style=TableStyle(style)
        )

        return table


_TOKEN = re.compile(r"[A-Za-z0-9]+|.", re.DOTALL)


def wrap_text(text: str, width: float, size: float = BODY_SIZE) -> list[str]:
    """Lines of ``text`` no wider than ``width`` points; Latin words and numbers stay whole.

    Chinese breaks between any two characters, as in the published appendix (row 107).
    """
    if stringWidth(text, font(), size) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0.0
    for token in _TOKEN.findall(text):
        token_width = stringWidth(token, font(), size)
        if line and used + token_width > width:
            lines.append(line.rstrip())
            line, used = token.lstrip(), stringWidth(token.lstrip(), font(), size)
        else:
            line, used = line + token, used + token_width
    if line:
        lines.append(line)
    return lines


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chunks(entries: Sequence[Entry], size: int = CHUNK_ROWS) -> list[list[Entry]]:
    """Cut the rows into groups of about ``size``; a heading never ends a group."""
    groups: list[list[Entry]] = []
    current: list[Entry] = []
    for entry in entries:
        current.append(entry)
        if len(current) >= size and not isinstance(entry, Heading):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


class _AppendixDoc(BaseDocTemplate):  # type: ignore[misc]
    """Two page templates: the first page flows its own header row, later pages draw it."""

    def __init__(self, filename: str, layout: _Layout, **kwargs: Any) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            invariant=1,
            initialFontName=font(),
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
            **kwargs,
        )
        self.layout = layout
        self.header = layout.header_table()
        _, self.header_height = self.header.wrap(TEXT_WIDTH, A4[1])
        first = Frame(LEFT, BOTTOM, TEXT_WIDTH, A4[1] - TOP - BOTTOM, 0, 0, 0, 0, id="first")
        later = Frame(
            LEFT, BOTTOM, TEXT_WIDTH, A4[1] - TOP - BOTTOM - self.header_height, 0, 0, 0, 0
        )
        self.addPageTemplates(
            [
                PageTemplate("first", [first], autoNextPageTemplate="later"),
                PageTemplate("later", [later], onPage=self._draw_header),
            ]
        )
        self.progress: Progress | None = None
        self.rows_total = 0
        self.rows_done = 0

    def _draw_header(self, canvas: Any, doc: Any) -> None:
        self.header.drawOn(canvas, LEFT, A4[1] - TOP - self.header_height)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if not isinstance(flowable, Table) or self.progress is None:
            return
        self.rows_done += len(flowable._cellvalues)
        if not self.progress(self.rows_done, self.rows_total):
            raise cancelled()


def build_appendix(
    out: Path | str,
    result: RoundResult,
    digest: str,
    options: AppendixOptions | None = None,
    progress: Progress | None = None,
    moment: datetime | None = None,
    lock: LockState | None = None,
) -> Path:
    """Write the appendix of ``result`` to ``out`` (replaced only when complete), dated
    ``moment`` (the round's own date; None: reportlab's fixed date).

    The metadata carries the round's content hash, the settings, what was chosen to print
    (so ``verify-pdf`` can print it again and compare page by page) and, for a locked
    round, the lock's signature and the signing key's fingerprint."""
    options = options or AppendixOptions()
    with using_font(options.font):
        return _build_appendix(Path(out), result, digest, options, progress, moment, lock)


def _build_appendix(
    out: Path,
    result: RoundResult,
    digest: str,
    options: AppendixOptions,
    progress: Progress | None,
    moment: datetime | None,
    lock: LockState | None = None,
) -> Path:
    settings: RoundSettings = result.settings
    entries = appendix_entries(result.ranking, settings.tiers, options.tiers)
    layout = _Layout(options.show_rank_ties)
    title = options.title or default_title(settings.year)
    label_style = ParagraphStyle("label", fontName=font(), fontSize=16, leading=22)
    title_style = ParagraphStyle(
        "title", fontName=font(), fontSize=18, leading=26, alignment=TA_CENTER, wordWrap="CJK"
    )
    story: list[Flowable] = [
        Paragraph(_escape(options.label), label_style),
        Spacer(1, 10),
        Paragraph(_escape(title), title_style),
        Spacer(1, 16),
    ]
    groups = chunks(entries)
    out = Path(out)
    with replacing(out) as temporary:
        doc = _AppendixDoc(
            str(temporary),
            layout,
            title=title,
            author=options.author,
            subject=f"{settings.title}；轮次内容校验值 SHA-256 {digest}",
            keywords=settings_keywords(settings, digest) + _appendix_keywords(options, lock),
            creator="联盟活跃度评价 (alliance-review)",
            lang="zh-CN",
        )
        story.append(doc.header)
        story += [layout.chunk_table(group) for group in groups]
        doc.progress = progress
        doc.rows_total = len(entries) + 1
        doc.build(story, canvasmaker=NumberedCanvas.dated(moment))
    return out


def _appendix_keywords(options: AppendixOptions, lock: LockState | None) -> str:
    tiers = ",".join(options.tiers) if options.tiers is not None else "*"
    text = f"; appendix-tiers={tiers}; show-ties={int(options.show_rank_ties)}"
    if options.font is not None:
        text += f"; font={options.font}"
    if lock is not None and lock.state == LOCKED_SIGNED:
        text += f"; lock-signature={lock.signature}; key-fingerprint={lock.fingerprint}"
    return text


@dataclass(frozen=True)
class PreparedAppendix:
    """What the appendix prints, read from the round: the ranked result and its hash."""

    result: RoundResult
    digest: str
    lock: LockState | None = None
    moment: datetime | None = None  # the round's own date for the PDF


def prepare_appendix(round_path: Path | str) -> PreparedAppendix:
    """Read, rank and hash the round (everything ``export-pdf`` does before drawing), in
    one read transaction so the rows printed and the hash agree."""
    with RoundStore.open(round_path) as store, store.read_transaction():
        result = compute(store)
        digest = content_hash(store)
        lock = store.lock_state()
        moment = round_moment(store.publication_time())
    if not result.ranking:
        raise UserError(
            "本轮次还没有任何评分，无法生成附件。",
            "The round has no scores yet; there is no appendix to print.",
        )
    return PreparedAppendix(result, digest, lock, moment)


def export_appendix(
    round_path: Path | str,
    out: Path | str,
    options: AppendixOptions | None = None,
    progress: Progress | None = None,
) -> Path:
    """``alliance-review export-pdf``: the round's appendix as a PDF."""
    guard(check_folder(out), [round_path])
    prepared = prepare_appendix(round_path)
    return build_appendix(
        out, prepared.result, prepared.digest, options, progress, prepared.moment, prepared.lock
    )


@dataclass(frozen=True)
class Verification:
    """Whether a PDF prints what its round holds now (pages, hash, lock signature)."""

    matches: bool
    round_hash: str
    pdf_hash: str | None
    pdf_round: str | None
    pages: int = 0
    difference: tuple[int, str, str] | None = None  # page, printed, expected
    content_checked: bool = False
    lock_fingerprint: str = ""
    lock_differs: bool = False


def _first_difference(found: list[str], expected: list[str]) -> tuple[int, str, str] | None:
    """The first page whose text differs (whitespace aside: line breaks may fall elsewhere
    with another font), with a few characters around the first difference on each side."""
    for number in range(max(len(found), len(expected))):
        got = "".join((found[number] if number < len(found) else "").split())
        want = "".join((expected[number] if number < len(expected) else "").split())
        if got == want:
            continue
        at = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), None)
        at = min(len(got), len(want)) if at is None else at
        start = max(0, at - 12)
        return number + 1, got[start : at + 12], want[start : at + 12]
    return None


def _recorded_font(name: str | None) -> Path | None:
    """The font the PDF says it was printed with, if this computer has it."""
    if not name:
        return None
    path = Path(name)
    return path if path.is_file() else None


def verify_appendix(round_path: Path | str, pdf_path: Path | str) -> Verification:
    """Print the appendix again from the round as it is now, with the choices the PDF
    records, and compare what every page prints; also the content hash and, for a round
    locked when the PDF was made, the lock signature. Opens the round read-only."""
    pdf_path = Path(pdf_path)
    data = read_bytes(pdf_path, MAX_PDF_BYTES)
    metadata = pdf_metadata(pdf_path)
    fields = keyword_fields(metadata.get("Keywords", ""))
    pdf_hash = fields.get("content-sha256")
    printed = page_texts(data)
    with RoundStore.open_readonly(round_path) as store, store.read_transaction():
        result = compute(store)
        digest = content_hash(store)
        lock = store.lock_state()
        moment = round_moment(store.publication_time())
    is_appendix = "appendix-tiers" in fields or any("联盟名称" in page for page in printed[:1])
    difference = None
    if is_appendix and pdf_hash is not None:
        tiers = fields.get("appendix-tiers", "*")
        options = AppendixOptions(
            title=metadata.get("Title") or None,
            tiers=None if tiers == "*" else tuple(t for t in tiers.split(",") if t),
            show_rank_ties=fields.get("show-ties") == "1",
            font=_recorded_font(fields.get("font")),
        )
        with tempfile.TemporaryDirectory(prefix="alliance-review-verify-") as scratch:
            expected = Path(scratch) / "expected.pdf"
            build_appendix(expected, result, digest, options, None, moment, lock)
            difference = _first_difference(printed, page_texts(expected))
    signed = fields.get("lock-signature")
    lock_differs = signed is not None and signed != lock.signature
    return Verification(
        pdf_hash == digest and difference is None and not lock_differs,
        digest,
        pdf_hash,
        fields.get("round"),
        len(printed),
        difference,
        is_appendix,
        fields.get("key-fingerprint", ""),
        lock_differs,
    )
