"""The ranked appendix (附件) as a PDF, in the layout of the published 2015 appendix.

"附件" label, the title, a table 序号 / 联盟名称 / 评分 with the rows grouped under tier
headings that give the tier's count ("活跃度高的联盟（共 56 家）"); A4 portrait; the
column header on every page; "第 N 页 共 M 页" at the foot; long names wrap in their
cell. Headings use the tier names configured in the round: the published 2015 appendix
heads its lowest group "活跃度差的联盟" while its own text and data call that tier
"活跃度较差", so the printed heading follows the round's tier name.

Speed: the table is drawn straight onto the canvas (``services.appendix_draw``): one
layout pass cuts the pages, one drawing pass writes each page once with its number, so
time is linear in the rows and memory holds no page for later. ``prepare_appendix``
ranks the round in SQL and hashes it in a second thread meanwhile (``content_hash``
streams the scores from SQLite); the hash is only needed for the metadata, written last.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from alliance_review.core.errors import UserError
from alliance_review.core.ranking import RankedRow, TierBand
from alliance_review.core.round import RoundSettings
from alliance_review.services.appendix_draw import Geometry, Line, draw_table
from alliance_review.services.output import Progress, cancelled, check_folder, guard, replacing
from alliance_review.services.pdf_choices import default_title as default_title
from alliance_review.services.pdf_common import date_canvas, font, round_moment, using_font
from alliance_review.services.results import RoundResult, compute
from alliance_review.services.round_digest import content_hash, settings_keywords
from alliance_review.storage.audit import ALTERED, LOCKED_SIGNED, LockState
from alliance_review.storage.round_store import RoundStore

AUTHOR = "产业技术创新战略联盟试点工作联络组"
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 26 * mm, 30 * mm, 26 * mm
TEXT_WIDTH = A4[0] - LEFT - RIGHT
BODY_SIZE, BODY_LEADING = 12, 16
LABEL_SIZE, LABEL_LEADING = 16, 22
TITLE_SIZE, TITLE_LEADING = 18, 26
PADDING = 6
# 序号 and 评分 are narrow; 联盟名称 takes the rest, so a name of 26 characters fits
# on one line and the 27-character row 107 wraps, as it does in the published appendix.
NUMBER_WIDTH = 54.0
LINE = colors.black
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
HEADING_FILL = colors.Color(0.96, 0.96, 0.96)


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
    """Column widths and cell texts for one appendix."""

    def __init__(self, show_rank_ties: bool) -> None:
        self.show_rank_ties = show_rank_ties
        numbers = 3 if show_rank_ties else 2
        self.name_width = TEXT_WIDTH - numbers * NUMBER_WIDTH
        self.widths = (
            (NUMBER_WIDTH, NUMBER_WIDTH, self.name_width, NUMBER_WIDTH)
            if show_rank_ties
            else (NUMBER_WIDTH, self.name_width, NUMBER_WIDTH)
        )
        self.align = ("C",) * (len(self.widths) - 2) + ("L", "C")

    def header(self) -> Line:
        cells = (
            ("序号", "名次", "联盟名称", "评分")
            if self.show_rank_ties
            else ("序号", "联盟名称", "评分")
        )
        return Line(cells)

    def name_cell(self, name: str) -> str:
        # A cell string with line breaks is drawn line by line; the name is broken where
        # the next character would not fit.
        return "\n".join(wrap_text(name, self.name_width - 2 * PADDING))

    def row(self, entry: Entry) -> Line:
        if isinstance(entry, Heading):
            return Line((entry.text,), heading=True, align=("L",))
        cells = [str(entry.seq)]
        if self.show_rank_ties:
            # equal exact totals share a rank (1, 1, 3): the same number is printed
            cells.append(str(entry.rank))
        cells += [self.name_cell(entry.alliance.name), f"{entry.printed_score:f}"]
        return Line(tuple(cells), align=self.align)

    def geometry(self) -> Geometry:
        return Geometry(
            left=LEFT,
            top=A4[1] - TOP,
            bottom=BOTTOM,
            widths=self.widths,
            font=font(),
            size=BODY_SIZE,
            leading=BODY_LEADING,
            padding=PADDING,
            top_padding=3,
            bottom_padding=4,
            line_width=0.6,
            line=LINE,
            header_fill=HEADER_FILL,
            heading_fill=HEADING_FILL,
            footer_y=14 * mm,
            page_width=A4[0],
        )


_TOKEN = re.compile(r"[A-Za-z0-9]+|.", re.DOTALL)


def wrap_text(text: str, width: float, size: float = BODY_SIZE) -> list[str]:
    """Lines of ``text`` no wider than ``width`` points; Latin words and numbers stay whole.

    Chinese breaks between any two characters, as in the published appendix (row 107).
    """
    name = font()  # looked up once per text, not once per character
    if stringWidth(text, name, size) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0.0
    for token in _TOKEN.findall(text):
        token_width = _token_width(token, name, size)
        if line and used + token_width > width:
            lines.append(line.rstrip())
            line, used = token.lstrip(), _token_width(token.lstrip(), name, size)
        else:
            line, used = line + token, used + token_width
    if line:
        lines.append(line)
    return lines


@functools.lru_cache(maxsize=8192)
def _token_width(token: str, name: str, size: float) -> float:
    """A character's or a word's width (the same few recur in thousands of names)."""
    return float(stringWidth(token, name, size))


def build_appendix(
    out: Path | str,
    result: RoundResult,
    digest: str | Callable[[], str],
    options: AppendixOptions | None = None,
    progress: Progress | None = None,
    moment: datetime | None = None,
    lock: LockState | None = None,
) -> Path:
    """Write the appendix of ``result`` to ``out`` (replaced only when complete), dated
    ``moment`` (the round's own date; None: reportlab's fixed date).

    The metadata carries the round's content hash, the settings, what was chosen to print
    (so ``verify-pdf`` can print it again and compare page by page) and, for a locked
    round, the lock's signature and the signing key's fingerprint. ``digest`` may be a
    function: it is called after the pages are drawn (the metadata is written last), so
    it can be computed meanwhile.
    """
    options = options or AppendixOptions()
    with using_font(options.font):
        return _build_appendix(Path(out), result, digest, options, progress, moment, lock)


def _build_appendix(
    out: Path,
    result: RoundResult,
    digest: str | Callable[[], str],
    options: AppendixOptions,
    progress: Progress | None,
    moment: datetime | None,
    lock: LockState | None,
) -> Path:
    settings: RoundSettings = result.settings
    entries = appendix_entries(result.ranking, settings.tiers, options.tiers)
    layout = _Layout(options.show_rank_ties)
    geometry = layout.geometry()
    title = options.title or default_title(settings.year)
    title_lines = wrap_text(title, TEXT_WIDTH, TITLE_SIZE)

    def opening(canvas: Canvas) -> float:
        """附件 and the title above the table on the first page; the y below them."""
        top = A4[1] - TOP
        canvas.setFillColor(LINE)
        canvas.setFont(font(), LABEL_SIZE)
        canvas.drawString(LEFT, top - LABEL_SIZE, options.label)
        y = top - LABEL_LEADING - 10
        canvas.setFont(font(), TITLE_SIZE)
        for line in title_lines:
            canvas.drawCentredString(LEFT + TEXT_WIDTH / 2, y - TITLE_SIZE, line)
            y -= TITLE_LEADING
        return float(y - 16)

    first_top = A4[1] - TOP - LABEL_LEADING - 10 - TITLE_LEADING * len(title_lines) - 16
    rows = [layout.row(e) for e in entries]

    def report(done: int, total: int) -> None:
        if progress is not None and not progress(done, total):
            raise cancelled()

    with replacing(out) as temporary:
        canvas = Canvas(
            str(temporary),
            pagesize=A4,
            invariant=1,
            lang="zh-CN",
            initialFontName=font(),
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
        )
        date_canvas(canvas, moment)
        canvas.setTitle(title)
        canvas.setAuthor(options.author)
        canvas.setCreator("联盟活跃度评价 (alliance-review)")
        draw_table(canvas, rows, layout.header(), geometry, opening, first_top, report)
        digest = digest() if callable(digest) else digest
        canvas.setSubject(f"{settings.title}；轮次内容校验值 SHA-256 {digest}")
        canvas.setKeywords(settings_keywords(settings, digest) + _appendix_keywords(options, lock))
        canvas.save()
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
    """Read, rank and hash the round (everything ``export-pdf`` does before drawing).

    The hash (one ordered scan of the scores, serialised by SQLite) runs in a second
    thread on its own connection while this one ranks (one GROUP BY): SQLite and hashlib
    release the GIL, so on two cores the two overlap. If another connection wrote the
    round meanwhile, both are read again, so the hash always belongs to the ranking.
    """
    with RoundStore.open_readonly(round_path) as store:
        for _ in range(3):
            before = store.change_marker()
            hashing = _Hashing.beside(store)
            try:
                result = compute(store)
                lock = store.lock_state()
                moment = round_moment(store.publication_time())
            except BaseException:
                hashing.cancel()
                raise
            digest = hashing.digest()
            if store.change_marker() == before:
                break
    if not result.ranking:
        raise UserError(
            "本轮次还没有任何评分，无法生成附件。",
            "The round has no scores yet; there is no appendix to print.",
        )
    return PreparedAppendix(result, digest, lock, moment)


class _Hashing(threading.Thread):
    """``content_hash`` of the round file on a connection of its own."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="content-hash", daemon=True)
        self.path = path
        self.value: str | None = None
        self.error: BaseException | None = None
        self.stop = threading.Event()

    @staticmethod
    def beside(store: RoundStore) -> _Hashing | _HashingHere:
        """Started on its own connection; or, for an older format upgraded in memory
        (which no other connection sees), computed here when asked for."""
        if store.in_memory:
            return _HashingHere(store)
        hashing = _Hashing(store.path)
        hashing.start()
        return hashing

    def run(self) -> None:
        try:
            with RoundStore.open_readonly(self.path) as store:
                self.value = content_hash(store, self.stop)
        except BaseException as error:  # handed to the caller by digest()
            self.error = error

    def cancel(self) -> None:
        """Stop and wait: no thread of ours outlives the export (a Python thread running
        beside the window's may collect the window's objects off its thread)."""
        self.stop.set()
        self.join()

    def digest(self) -> str:
        self.join()
        if self.error is not None:
            raise self.error
        assert self.value is not None
        return self.value


class _HashingHere:
    """``content_hash`` on the store's own connection, when asked for."""

    def __init__(self, store: RoundStore) -> None:
        self.store = store

    def cancel(self) -> None:
        pass

    def digest(self) -> str:
        return content_hash(self.store)


def _refuse_altered(lock: LockState) -> None:
    """No appendix is printed from a locked round whose lock no longer holds."""
    if lock.state == ALTERED:
        raise UserError(
            f"评价轮次锁定后被改动过（{lock.reason_zh}），不能据此导出附件；请先用 check 查看，"
            "或从备份恢复。",
            f"The round was altered after locking ({lock.reason}); no appendix is exported "
            "from it. Look at it with check, or restore a backup.",
        )


def export_appendix(
    round_path: Path | str,
    out: Path | str,
    options: AppendixOptions | None = None,
    progress: Progress | None = None,
    printed: Callable[[RoundResult], None] | None = None,
) -> Path:
    """``alliance-review export-pdf``: the round's appendix as a PDF.

    Reading, ranking, hashing and drawing overlap: the hash is computed in a second
    thread while this one ranks and draws (it is needed only for the metadata, written
    last). Should another connection write the round meanwhile, the export is made again,
    so the hash in the file always belongs to the ranking printed. ``printed`` is given
    the ranked result the file prints (e.g. to list its band mismatches without ranking
    the round again).
    """
    guard(check_folder(out), [round_path, None if options is None else options.font])
    for _ in range(3):
        with RoundStore.open_readonly(round_path) as store:
            before = store.change_marker()
            hashing = _Hashing.beside(store)
            try:
                result = compute(store)
                if not result.ranking:
                    raise UserError(
                        "本轮次还没有任何评分，无法生成附件。",
                        "The round has no scores yet; there is no appendix to print.",
                    )
                moment = round_moment(store.publication_time())
                lock = store.lock_state()
                _refuse_altered(lock)
                written = build_appendix(
                    out, result, hashing.digest, options, progress, moment, lock
                )
            except BaseException:
                hashing.cancel()
                raise
            if store.change_marker() == before:
                break
    if printed is not None:
        printed(result)
    return written
