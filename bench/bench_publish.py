"""Time the appendix export: 125 rows (the demo round), 10,000 rows, and LibreOffice.

    .venv/bin/python bench/bench_publish.py [--skip-libreoffice]

Prints seconds per export. LibreOffice (``soffice --headless --convert-to pdf``) converts
the same table saved as an .xlsx; its first run (profile creation) is a warm-up and is
not counted. Targets (issue 6): at least 3x faster than LibreOffice for 125 rows, under
3 s for 10,000 rows.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook

from alliance_review.core.ranking import DEFAULT_TIERS, rank
from alliance_review.core.roster import Alliance
from alliance_review.core.round import RoundSettings
from alliance_review.services.appendix_pdf import (
    appendix_entries,
    build_appendix,
    export_appendix,
)
from alliance_review.services.demo import build_demo
from alliance_review.services.results import RoundResult, ranking_of

WORDS = ("新材料", "智能制造", "现代农业", "生物医药", "节能环保", "海洋装备", "集成电路")


def large_result(count: int) -> RoundResult:
    """A ranked round of ``count`` alliances with realistic names (some long)."""
    rng = random.Random(10_000)
    alliances = [
        Alliance(
            f"a{n}",
            f"{n:05d}"
            + "".join(rng.choices(WORDS, k=rng.choice((1, 2, 2, 3, 6))))
            + "产业技术创新战略联盟",
            n,
        )
        for n in range(count)
    ]
    totals = {a.uid: Fraction(rng.randint(3000, 10000), 100) for a in alliances}
    settings = RoundSettings(uid="bench", title="基准测试", year=2030)
    return RoundResult(settings, {}, rank(alliances, totals, DEFAULT_TIERS))


def table_xlsx(result: RoundResult, out: Path) -> Path:
    """The appendix's table as a plain workbook: headings and rows, as LibreOffice gets it."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "联盟名称", "评分"])
    for entry in appendix_entries(result.ranking, result.settings.tiers):
        if hasattr(entry, "alliance"):
            ws.append([entry.seq, entry.alliance.name, int(entry.printed_score)])
        else:
            ws.append([entry.text])
    ws.column_dimensions["B"].width = 60
    ws.print_title_rows = "1:1"
    wb.save(out)
    return out


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def libreoffice(xlsx: Path, folder: Path, profile: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from appendix_peer import convert_argv

    command = convert_argv(soffice, xlsx, folder, profile)
    return timed(lambda: subprocess.run(command, check=True, capture_output=True, timeout=600))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-libreoffice", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = build_demo(folder / "demo.sqlite")
        export_appendix(demo, folder / "warm.pdf")  # font loading, imports
        small = min(timed(lambda: export_appendix(demo, folder / "a125.pdf")) for _ in range(3))
        large = large_result(10_000)
        big = timed(lambda: build_appendix(folder / "a10000.pdf", large, "0" * 64))
        pages = (folder / "a10000.pdf").read_bytes().count(b"/Type /Page\n")
        print(f"appendix PDF, 125 rows (demo round, incl. reading the round): {small:.3f} s")
        print(f"appendix PDF, 10,000 rows: {big:.3f} s ({pages} pages)")
        lo_small = lo_large = None
        if args.skip_libreoffice:
            print("LibreOffice: skipped (--skip-libreoffice)")
        else:
            profile = folder / "lo-profile"
            small_xlsx = table_xlsx(ranking_of(demo), folder / "t125.xlsx")
            large_xlsx = table_xlsx(large, folder / "t10000.xlsx")
            if libreoffice(small_xlsx, folder / "warm", profile) is None:
                print(
                    "LibreOffice: not installed (apt-get install libreoffice-calc-nogui); skipped"
                )
            else:
                lo_small = libreoffice(small_xlsx, folder / "lo", profile)
                lo_large = libreoffice(large_xlsx, folder / "lo", profile)
        if lo_small is not None and lo_large is not None:
            print(f"LibreOffice xlsx -> PDF, 125 rows: {lo_small:.3f} s")
            print(f"LibreOffice xlsx -> PDF, 10,000 rows: {lo_large:.3f} s")
            print()
            print(f"{'rows':>8} {'this app':>10} {'LibreOffice':>12} {'speed-up':>9}")
            print(f"{125:>8} {small:>9.3f}s {lo_small:>11.3f}s {lo_small / small:>8.1f}x")
            print(f"{10_000:>8} {big:>9.3f}s {lo_large:>11.3f}s {lo_large / big:>8.1f}x")
        print(
            f"targets: 125 rows >= 3x faster than LibreOffice; 10,000 rows < 3 s "
            f"({'met' if big < 3 else 'NOT met'} for 10,000)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
