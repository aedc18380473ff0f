"""Workbooks at library speed (issue 14, the workbook rows): the app against the library
it builds on, measured in the same run.

    .venv/bin/python bench/bench_workbooks.py [SIZE ...]     # default 125 1000

``measure(size) -> dict`` is importable (``bench/run`` builds its one table from it): for a
synthetic round of ``size`` alliances (18 indicators, 3 reviewers each, every score with a
note) it returns, per operation, the app's median seconds, the peer's median seconds on the
same cells, their ratio, the app's peak memory (MB, measured in a child process) and the
target ratio. Times are CPU seconds of this process (medians), so the other work on a
shared machine does not skew the ratio:

- export-xlsx (results workbook)      vs xlsxwriter writing the same cells    target 1.5x
- export-sheet (reviewer, all rows)   vs xlsxwriter writing the same cells    target 1.5x
  (the writers also show a second peer: the same cells each with a format, empty input
  cells as formatted blanks, which is what the app's protected, filled cells cost)
- selfeval-out (one per alliance)     vs xlsxwriter writing the same cells    target 1.2x
- import-sheet --dry-run (reading)    vs python-calamine reading the file     target 2x
- roster import (reading, preview)    vs python-calamine reading the file     target 2x
- selfeval-in (reading all)           vs python-calamine reading the files    target 2x
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "export-xlsx": 1.5,
    "export-sheet": 1.5,
    "selfeval-out": 1.2,
    "import-sheet": 2.0,
    "roster-import": 2.0,
    "selfeval-in": 2.0,
}


def median_time(work: Callable[[], Any], repeat: int) -> float:
    """Median CPU time of the process (this machine is shared: other load must not count;
    calamine's Rust and xlsxwriter both run in this process's thread)."""
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        runs.append(time.process_time() - start)
    return statistics.median(runs)


def build_round(folder: Path, size: int, reviewers: int = 60) -> Path:
    """A round of ``size`` alliances, all scored by 3 reviewers with a note per score."""
    from alliance_review.core.roster import Alliance, Reviewer
    from alliance_review.core.scoring import Score
    from alliance_review.services.setup import new_round
    from alliance_review.storage.round_store import RoundStore

    rng = random.Random(size)
    batches = ("第一批", "第二批", "第三批", None)
    roster = [
        Alliance(f"a{i:05d}", f"第{i}号产业技术创新战略联盟", i, batches[i % 4], f"联系人{i}")
        for i in range(size)
    ]
    path = new_round(folder / f"round-{size}.sqlite", "基准评价", 2016, roster=roster)
    with RoundStore.open(path) as store:
        store.add_reviewers([Reviewer(f"r{j:02d}", f"专家{j}") for j in range(reviewers)])
        indicators = list(store.rubric().indicators())
        assignment = {a.uid: rng.sample([f"r{j:02d}" for j in range(reviewers)], 3) for a in roster}
        store.set_assignments(assignment)
        scores = [
            Score(r, a, i.code, Fraction(rng.randint(0, int(i.max_points))), f"依据{a}{i.code}")
            for a, rs in assignment.items()
            for r in rs
            for i in indicators
        ]
        store.put_scores(scores)
    return path


def reviewer_file_for_all(folder: Path, size: int) -> Path:
    """A reviewer file holding every alliance of a round of ``size`` (one reviewer)."""
    from alliance_review.core.roster import Alliance, Reviewer
    from alliance_review.services.reviewer_files import issue_reviewer_files
    from alliance_review.services.setup import new_round
    from alliance_review.storage.round_store import RoundStore

    roster = [Alliance(f"a{i:05d}", f"第{i}号产业技术创新战略联盟", i) for i in range(size)]
    path = new_round(folder / f"sheet-round-{size}.sqlite", "基准评价", 2016, roster=roster)
    with RoundStore.open(path) as store:
        store.add_reviewers([Reviewer("r00", "专家甲")])
        store.set_assignments({a.uid: ["r00"] for a in roster})
    out = folder / f"issued-{size}"
    out.mkdir()
    return issue_reviewer_files(path, out)[0]


def cells_of(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cells, as python-calamine reads them (what the peer writes)."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def xlsxwriter_same_cells(
    sheets: dict[str, list[list[Any]]], out: Path, styled: bool = False
) -> None:
    """The peer: xlsxwriter (constant memory) writing exactly these cells, as text or numbers;
    ``styled`` gives every cell of the grid a format (one per column, as the app's are),
    empty ones written as formatted blanks, as the app's input cells are."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        width = max((len(r) for r in rows), default=0)
        formats = [book.add_format({"border": 1, "valign": "top"}) for _ in range(width)]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                style = formats[c] if styled else None
                if isinstance(value, str):
                    if value:
                        sheet.write_string(r, c, value, style)
                    elif styled:
                        sheet.write_blank(r, c, None, style)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(r, c, value, style)
    book.close()


def calamine_read(paths: list[Path]) -> None:
    import python_calamine

    for path in paths:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()


def peak_mb(code: str) -> float:
    """Peak resident memory (MB) of a child process running ``code`` (VmHWM: a fresh
    process's own high-water mark; ru_maxrss would carry the parent's over fork)."""
    script = (
        code + "\nfor line in open('/proc/self/status'):\n"
        "    if line.startswith('VmHWM:'): print(line.split()[1])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return int(done.stdout.split()[-1]) / 1024


def measure(
    size: int, repeat: int | None = None, only: set[str] | None = None
) -> dict[str, dict[str, float]]:
    """Per operation: app_s, peer_s, ratio, app_peak_mb, target (ratio); ``only`` picks
    some of the operations (names as in TARGETS)."""
    repeat = repeat or (3 if size <= 1000 else 1)
    found: dict[str, dict[str, float]] = {}

    def wanted(name: str) -> bool:
        return only is None or name in only

    def record(
        name: str, app: float, peer: float, memory: float, styled: float | None = None
    ) -> None:
        found[name] = {
            "app_s": round(app, 3),
            "peer_s": round(peer, 3),
            "ratio": round(app / peer, 2) if peer else float("inf"),
            "app_peak_mb": round(memory, 1),
            "target": TARGETS[name],
        }
        if styled:
            found[name]["peer_styled_s"] = round(styled, 3)
            found[name]["ratio_styled"] = round(app / styled, 2)

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        round_path = build_round(folder, size)
        if wanted("export-xlsx"):
            export_xlsx(round_path, folder, repeat, record)
        if wanted("export-sheet") or wanted("import-sheet"):
            sheets_of_reviewer(folder, size, repeat, record, wanted)
        if wanted("roster-import"):
            roster_reading(round_path, folder, repeat, record)
        if wanted("selfeval-out") or wanted("selfeval-in"):
            selfevaluations(round_path, folder, size, repeat, record)
    return found


def export_xlsx(round_path: Path, folder: Path, repeat: int, record: Callable[..., None]) -> None:
    from alliance_review.services.results_xlsx import export_workbook

    out = folder / "results.xlsx"
    app = median_time(lambda: export_workbook(round_path, out), repeat)
    sheets = cells_of(out)
    peer = median_time(lambda: xlsxwriter_same_cells(sheets, folder / "peer.xlsx"), repeat)
    styled = median_time(lambda: xlsxwriter_same_cells(sheets, folder / "p.xlsx", True), repeat)
    memory = peak_mb(
        "from alliance_review.services.results_xlsx import export_workbook\n"
        f"export_workbook({str(round_path)!r}, {str(folder / 'mem.xlsx')!r})"
    )
    record("export-xlsx", app, peer, memory, styled)


def sheets_of_reviewer(
    folder: Path, size: int, repeat: int, record: Callable[..., None], wanted: Callable[..., bool]
) -> None:
    from alliance_review.services.reviewer_sheet import export_sheet_file, import_sheet

    reviewer = reviewer_file_for_all(folder, size)
    sheet = folder / "sheet.xlsx"
    app = median_time(lambda: export_sheet_file(reviewer, sheet), repeat)
    sheets = cells_of(sheet)
    peer = median_time(lambda: xlsxwriter_same_cells(sheets, folder / "peer2.xlsx"), repeat)
    styled = median_time(lambda: xlsxwriter_same_cells(sheets, folder / "p2.xlsx", True), repeat)
    memory = peak_mb(
        "from alliance_review.services.reviewer_sheet import export_sheet_file\n"
        f"export_sheet_file({str(reviewer)!r}, {str(folder / 'mem2.xlsx')!r})"
    )
    record("export-sheet", app, peer, memory, styled)

    app = median_time(lambda: import_sheet(reviewer, sheet, dry_run=True), repeat)
    peer = median_time(lambda: calamine_read([sheet]), repeat)
    memory = peak_mb(
        "from alliance_review.services.reviewer_sheet import import_sheet\n"
        f"import_sheet({str(reviewer)!r}, {str(sheet)!r}, dry_run=True)"
    )
    record("import-sheet", app, peer, memory)


def roster_reading(
    round_path: Path, folder: Path, repeat: int, record: Callable[..., None]
) -> None:
    from alliance_review.services import roster_io
    from alliance_review.storage.round_store import RoundStore

    listed = folder / "roster.xlsx"
    with RoundStore.open(round_path) as store:
        roster_io.export_roster(store.alliances(), listed)

    def roster_read() -> None:
        table = roster_io.read_table(listed)
        roster_io.plan_import(table, roster_io.guess_mapping(table.header))

    app = median_time(roster_read, repeat)
    peer = median_time(lambda: calamine_read([listed]), repeat)
    record("roster-import", app, peer, 0.0)


def selfevaluations(
    round_path: Path, folder: Path, size: int, repeat: int, record: Callable[..., None]
) -> None:
    from alliance_review.services import selfeval
    from alliance_review.storage.round_store import RoundStore

    count = min(size, 1000)
    books = folder / "selfeval"
    with RoundStore.open(round_path) as store:
        chosen = [a.uid for a in store.alliances()[:count]]
        app = median_time(
            lambda: selfeval.write_workbooks(store, books, alliance_uids=chosen), repeat
        )
        paths = sorted(books.glob("*.xlsx"))
        one = cells_of(paths[0])

        def peer_books() -> None:
            for n in range(len(paths)):
                xlsxwriter_same_cells(one, folder / f"peer-{n % 4}.xlsx")

        peer = median_time(peer_books, repeat)
        record("selfeval-out", app, peer, 0.0)
        app = median_time(lambda: selfeval.read_workbooks(store, paths), repeat)
        peer = median_time(lambda: calamine_read(paths), repeat)
        record("selfeval-in", app, peer, 0.0)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [125, 1000]
    only = {a for a in sys.argv[1:] if a in TARGETS} or None
    print(
        f"{'work':<14}{'size':>7}{'app s':>9}{'peer s':>9}{'ratio':>7}{'target':>8}{'peak MB':>9}"
    )
    for size in sizes:
        for name, row in measure(size, only=only).items():
            miss = "" if row["ratio"] <= row["target"] else "  MISSED"
            print(
                f"{name:<14}{size:>7}{row['app_s']:>9.3f}{row['peer_s']:>9.3f}"
                f"{row['ratio']:>7.2f}{row['target']:>8.1f}{row['app_peak_mb']:>9.1f}"
                + (
                    f"{row['peer_styled_s']:>15.3f}{row['ratio_styled']:>7.2f}"
                    if "ratio_styled" in row
                    else " " * 22
                )
                + miss
            )
    if "--json" in sys.argv:
        print(json.dumps({s: measure(s) for s in sizes}))


if __name__ == "__main__":
    main()
