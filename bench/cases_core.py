"""Benchmark cases without a window: ranking, the appendix PDF, merging.

Each function runs in its own process (``bench/child.py``) and returns seconds; the
parent reads the process's peak memory.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas


def _median_of(runs: int, work) -> list[float]:  # type: ignore[no-untyped-def]
    work()  # warm: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


# ranking ------------------------------------------------------------------------------------
def ranking(round_path: str, runs: int) -> dict[str, list[float]]:
    """What ``ranking --json`` computes and writes, in this process: the app's (the
    command's own functions) and the floor's (``bench/floor_ranking.py``: one SQL query,
    the same JSON; ``tests/test_bench_equivalence.py`` checks they print the same). Both
    open the file afresh each time (imports warm in both), taken in turns so that a
    loaded machine slows both alike."""
    import json

    from floor_ranking import ranking_json

    from alliance_review.services.results import ranking_of, ranking_records

    def app_json() -> str:
        records = ranking_records(ranking_of(round_path).ranking)
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"

    app, floor = [], []
    for _ in range(runs):
        floor += _median_of(1, lambda: ranking_json(round_path))
        app += _median_of(1, app_json)
    return {"seconds": app, "peer_seconds": floor}


# the appendix PDF ---------------------------------------------------------------------------
def pdf_export(round_path: str, out: str) -> float:
    """``export-pdf``'s work in this process: read, rank, hash, draw, write."""
    from alliance_review.services.appendix_pdf import export_appendix

    start = time.perf_counter()
    export_appendix(round_path, out)
    return time.perf_counter() - start


def pdf_canvas_floor(round_path: str, out: str) -> float:
    """The floor of ``export-pdf``: the ranking by one SQL query (``floor_ranking``), the
    content hash (the app's function, in a second thread as the app does), and a bare
    reportlab canvas drawing the same table: "附件", the title, the bordered grid with
    the header on a fill on every page, tier headings with their counts, names wrapped
    where they do not fit (measured with the font's widths), the app's row heights and
    margins, "第 N 页 共 M 页" and the metadata. No layout engine, nothing cached."""
    import sqlite3
    import threading

    from floor_ranking import ranked_rows
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from alliance_review.services import appendix_pdf as app
    from alliance_review.services.pdf_choices import default_title
    from alliance_review.services.pdf_common import FONT, register_font
    from alliance_review.services.round_digest import content_hash
    from alliance_review.storage.round_store import RoundStore

    start = time.perf_counter()
    digest: list[str] = []

    def hashing() -> None:
        with RoundStore.reading(round_path) as store:
            digest.append(content_hash(store))

    hasher = threading.Thread(target=hashing)
    hasher.start()
    conn = sqlite3.connect(Path(round_path).resolve().as_uri() + "?mode=ro", uri=True)
    method, year, title = conn.execute("SELECT consensus_method, year, title FROM round").fetchone()
    tiers = [name for (name,) in conn.execute("SELECT name FROM tier ORDER BY position")]
    ranked = ranked_rows(conn, method).fetchall()
    conn.close()
    register_font()
    name_width = app.TEXT_WIDTH - 2 * app.NUMBER_WIDTH
    widths = (app.NUMBER_WIDTH, name_width, app.NUMBER_WIDTH)
    counts = {tier: 0 for tier in tiers}
    for row in ranked:
        counts[row[6]] += 1
    lines: list[tuple[str, list[str], str, bool]] = []  # 序号, name lines, 评分, heading?
    by_tier: dict[str, list[tuple]] = {tier: [] for tier in tiers}  # type: ignore[type-arg]
    for row in ranked:
        by_tier[row[6]].append(row)
    room = name_width - 2 * app.PADDING
    for tier in tiers:
        if by_tier[tier]:
            lines.append(("", [f"{tier}的联盟（共 {counts[tier]} 家）"], "", True))
        for seq, _, name, printed, *_ in by_tier[tier]:
            parts, line, used = [], "", 0.0
            if stringWidth(name, FONT, app.BODY_SIZE) <= room:
                parts.append(name)
            else:
                for char in name:  # break where the next character would not fit
                    width = stringWidth(char, FONT, app.BODY_SIZE)
                    if line and used + width > room:
                        parts.append(line)
                        line, used = "", 0.0
                    line, used = line + char, used + width
                parts.append(line)
            lines.append((str(seq), parts, str(printed), False))
    canvas = Canvas(out, pagesize=A4, invariant=1)
    left, top, bottom = app.LEFT, A4[1] - app.TOP, app.BOTTOM
    header = ("序号", ["联盟名称"], "评分", False)
    pages: list[list[tuple[str, list[str], str, bool]]] = [[]]
    y = top - app.LABEL_LEADING - 10 - app.TITLE_LEADING - 16 - 23
    for entry in lines:
        height = 23 + 16 * (len(entry[1]) - 1)
        if y - height < bottom:
            pages.append([])
            y = top - 23
        pages[-1].append(entry)
        y -= height
    for number, page in enumerate(pages, start=1):
        y = top
        if number == 1:
            canvas.setFont(FONT, app.LABEL_SIZE)
            canvas.drawString(left, y - app.LABEL_SIZE, "附件")
            canvas.setFont(FONT, app.TITLE_SIZE)
            canvas.drawCentredString(left + app.TEXT_WIDTH / 2, y - app.LABEL_LEADING - 28,
                                     default_title(year))  # fmt: skip
            y -= app.LABEL_LEADING + 10 + app.TITLE_LEADING + 16
        canvas.setFont(FONT, app.BODY_SIZE)
        for seq, parts, score, is_heading in [header, *page]:
            height = 23 + 16 * (len(parts) - 1)
            if is_heading or (seq, parts[0]) == ("序号", "联盟名称"):
                canvas.setFillGray(0.96 if is_heading else 0.9)
                canvas.rect(left, y - height, app.TEXT_WIDTH, height, fill=1, stroke=0)
                canvas.setFillGray(0)
            if is_heading:
                canvas.rect(left, y - height, app.TEXT_WIDTH, height)
                canvas.drawString(left + app.PADDING, y - 16, parts[0])
            else:
                x = left
                for width, text in zip(widths, (seq, parts, score), strict=True):
                    canvas.rect(x, y - height, width, height)
                    if isinstance(text, list):
                        for at, part in enumerate(text):
                            canvas.drawString(x + app.PADDING, y - 16 - 16 * at, part)
                    else:
                        canvas.drawCentredString(x + width / 2, y - 16, text)
                    x += width
            y -= height
        canvas.setFont(FONT, 10.5)
        canvas.drawCentredString(A4[0] / 2, 14 * mm, f"第 {number} 页 共 {len(pages)} 页")
        canvas.showPage()
    hasher.join()
    canvas.setTitle(default_title(year))
    canvas.setSubject(f"{title}；轮次内容校验值 SHA-256 {digest[0]}")
    canvas.save()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


# merging ------------------------------------------------------------------------------------
def merge_prepare(folder: str) -> float:
    """30 sealed reviewer files of 150 alliances x 18 indicators, and the round (untimed)."""
    import bench_merge

    _, files = bench_merge.build(Path(folder))
    (Path(folder) / "files.txt").write_text("\n".join(map(str, files)), encoding="utf-8")
    return 0.0


def merge(folder: str, runs: int) -> dict[str, list[float]]:
    """The app's merge (checked, one transaction per file) and the bare floor
    (ATTACH + INSERT ... SELECT, no checks), in turns, each into a fresh copy."""
    import shutil

    import bench_merge

    from alliance_review.services.merge import merge_into

    base = Path(folder)
    files = [Path(p) for p in (base / "files.txt").read_text(encoding="utf-8").splitlines()]
    app, floor = [], []
    for number in range(runs + 1):
        target = base / f"merge-{number}.sqlite"
        shutil.copyfile(base / "round.sqlite", target)
        start = time.perf_counter()
        reports = merge_into(target, files)
        elapsed = time.perf_counter() - start
        assert all(r.outcome == "merged" for r in reports), [r.detail() for r in reports]
        bare = base / f"floor-{number}.sqlite"
        shutil.copyfile(base / "round.sqlite", bare)
        bare_seconds = bench_merge.floor(bare, files)
        if number:  # the first of each is a warm-up
            app.append(elapsed)
            floor.append(bare_seconds)
    return {"seconds": app, "peer_seconds": floor}
