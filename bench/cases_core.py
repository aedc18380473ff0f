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
def appendix_rows(round_path: str) -> list[tuple[str, str, str]]:
    """(序号, 联盟名称, 评分) rows with the tier headings, as the appendix prints them."""
    from alliance_review.services.appendix_pdf import Heading, appendix_entries
    from alliance_review.services.results import compute
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(round_path) as store:
        result = compute(store)
    rows = []
    for entry in appendix_entries(result.ranking, result.settings.tiers):
        if isinstance(entry, Heading):
            rows.append(("", entry.text, ""))
        else:
            rows.append((str(entry.seq), entry.alliance.name, f"{entry.printed_score:f}"))
    return rows


def write_table_xlsx(round_path: str, out: str) -> None:
    """The appendix table as a plain workbook, as LibreOffice gets it (not timed)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.column_dimensions["B"].width = 60
    ws.append(["序号", "联盟名称", "评分"])
    for seq, name, score in appendix_rows(round_path):
        ws.append([int(seq) if seq else None, name, int(score) if score else None])
    wb.save(out)


def pdf_prepare(round_path: str) -> float:
    """Reading, ranking and hashing: what ``export-pdf`` does before it draws."""
    from alliance_review.services.appendix_pdf import prepare_appendix

    start = time.perf_counter()
    prepare_appendix(round_path)
    return time.perf_counter() - start


def pdf_draw(round_path: str) -> float:
    """The app's drawing of the same appendix (read and ranked beforehand, not timed)."""
    from alliance_review.services.appendix_pdf import build_appendix, prepare_appendix

    prepared = prepare_appendix(round_path)
    out = Path(round_path).with_suffix(".draw.pdf")
    start = time.perf_counter()
    build_appendix(out, prepared.result, prepared.digest)
    elapsed = time.perf_counter() - start
    out.unlink()
    return elapsed


def pdf_canvas_floor(round_path: str) -> float:
    """A bare reportlab canvas: the same rows, font, grid and page numbers; no layout engine."""
    from alliance_review.services.pdf_common import FONT, register_font

    rows = appendix_rows(round_path)
    out = str(Path(round_path).with_suffix(".floor.pdf"))
    start = time.perf_counter()
    register_font()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    left, right, top = 28 * mm, A4[0] - 26 * mm, A4[1] - 30 * mm
    widths = (54.0, right - left - 108.0, 54.0)
    height = 23.0
    pages = (len(rows) + 29) // 30
    for page in range(pages):
        y = top
        canvas.setFont(FONT, 12)
        for seq, name, score in [("序号", "联盟名称", "评分"), *rows[page * 30 : page * 30 + 30]]:
            x = left
            for width, text in zip(widths, (seq, name, score), strict=True):
                canvas.rect(x, y - height, width, height)
                canvas.drawString(x + 6, y - 16, text)
                x += width
            y -= height
        canvas.setFont(FONT, 10.5)
        canvas.drawCentredString(A4[0] / 2, 14 * mm, f"第 {page + 1} 页 共 {pages} 页")
        canvas.showPage()
    canvas.save()
    elapsed = time.perf_counter() - start
    Path(out).unlink()
    return elapsed


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
