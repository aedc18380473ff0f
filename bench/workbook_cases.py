"""Office's rows of the ``bench/run`` table (the workbook targets of issue 14).

Each case names three functions of this module taking ``folder: str``: ``prepare`` builds
the inputs there (not timed), ``app`` and ``peer_fn`` each do the work once in a fresh
process and return their seconds (``bench/table.py`` takes medians and peak memory).
The peers: xlsxwriter writing the very cells the app wrote (read back with calamine and
kept in a pickle by ``prepare``), python-calamine reading the very files the app reads.
``bench/bench_workbooks.py`` measures the same in one process for a quick look.
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

from bench_workbooks import calamine_read, cells_of, reviewer_file_for_all, xlsxwriter_same_cells

BIG = 10_000
BOOKS = 1_000

CASES = [
    dict(work="export-xlsx", size="10,000", peer="xlsxwriter, same cells", target_ratio=1.5,
         prepare="prepare_results", app="app_results", peer_fn="peer_results"),
    dict(work="export-sheet", size="10,000", peer="xlsxwriter, same cells", target_ratio=1.5,
         prepare="prepare_sheet", app="app_sheet", peer_fn="peer_sheet"),
    dict(work="import-sheet --dry-run", size="10,000", peer="python-calamine", target_ratio=2.0,
         prepare="prepare_sheet", app="app_import_sheet", peer_fn="peer_import_sheet"),
    dict(work="roster import (preview)", size="10,000", peer="python-calamine", target_ratio=2.0,
         prepare="prepare_roster", app="app_roster", peer_fn="peer_roster"),
    dict(work="selfeval-out", size="1,000 workbooks", peer="xlsxwriter, same cells",
         target_ratio=1.2, prepare="prepare_books", app="app_books_out", peer_fn="peer_books_out"),
    dict(work="selfeval-in", size="1,000 workbooks", peer="python-calamine", target_ratio=2.0,
         prepare="prepare_books", app="app_books_in", peer_fn="peer_books_in"),
]  # fmt: skip


def _timed(work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _round(folder: Path, size: int) -> Path:
    from rounds import build_round

    path = folder / f"round-{size}.sqlite"
    if not path.exists():
        build_round(path, size)
    return path


# export-xlsx ------------------------------------------------------------------------------
def prepare_results(folder: str) -> float:
    from alliance_review.services.results_xlsx import export_workbook

    here = Path(folder)
    export_workbook(_round(here, BIG), here / "results.xlsx")
    (here / "results.cells").write_bytes(pickle.dumps(cells_of(here / "results.xlsx")))
    return 0.0


def app_results(folder: str) -> float:
    from alliance_review.services.results_xlsx import export_workbook

    here = Path(folder)
    return _timed(lambda: export_workbook(here / f"round-{BIG}.sqlite", here / "app.xlsx"))


def peer_results(folder: str) -> float:
    here = Path(folder)
    cells = pickle.loads((here / "results.cells").read_bytes())
    return _timed(lambda: xlsxwriter_same_cells(cells, here / "peer.xlsx"))


# export-sheet / import-sheet ---------------------------------------------------------------
def prepare_sheet(folder: str) -> float:
    from alliance_review.services.reviewer_sheet import export_sheet_file

    here = Path(folder)
    reviewer = reviewer_file_for_all(here, BIG)
    (here / "reviewer.path").write_text(str(reviewer))
    export_sheet_file(reviewer, here / "sheet.xlsx")
    (here / "sheet.cells").write_bytes(pickle.dumps(cells_of(here / "sheet.xlsx")))
    return 0.0


def app_sheet(folder: str) -> float:
    from alliance_review.services.reviewer_sheet import export_sheet_file

    here = Path(folder)
    reviewer = Path((here / "reviewer.path").read_text())
    return _timed(lambda: export_sheet_file(reviewer, here / "app-sheet.xlsx"))


def peer_sheet(folder: str) -> float:
    here = Path(folder)
    cells = pickle.loads((here / "sheet.cells").read_bytes())
    return _timed(lambda: xlsxwriter_same_cells(cells, here / "peer-sheet.xlsx"))


def app_import_sheet(folder: str) -> float:
    from alliance_review.services.reviewer_sheet import import_sheet

    here = Path(folder)
    reviewer = Path((here / "reviewer.path").read_text())
    return _timed(lambda: import_sheet(reviewer, here / "sheet.xlsx", dry_run=True))


def peer_import_sheet(folder: str) -> float:
    return _timed(lambda: calamine_read([Path(folder) / "sheet.xlsx"]))


# roster --------------------------------------------------------------------------------------
def prepare_roster(folder: str) -> float:
    from alliance_review.services import roster_io
    from alliance_review.storage.round_store import RoundStore

    here = Path(folder)
    with RoundStore.open(_round(here, BIG)) as store:
        roster_io.export_roster(store.alliances(), here / "roster.xlsx")
    return 0.0


def app_roster(folder: str) -> float:
    from alliance_review.services import roster_io

    def work() -> None:
        table = roster_io.read_table(Path(folder) / "roster.xlsx")
        roster_io.plan_import(table, roster_io.guess_mapping(table.header))

    return _timed(work)


def peer_roster(folder: str) -> float:
    return _timed(lambda: calamine_read([Path(folder) / "roster.xlsx"]))


# self-evaluation workbooks --------------------------------------------------------------------
def prepare_books(folder: str) -> float:
    from alliance_review.services import selfeval
    from alliance_review.storage.round_store import RoundStore

    here = Path(folder)
    with RoundStore.open(_round(here, BOOKS)) as store:
        paths = selfeval.write_workbooks(store, here / "books")
    (here / "book.cells").write_bytes(pickle.dumps(cells_of(paths[0])))
    return 0.0


def app_books_out(folder: str) -> float:
    from alliance_review.services import selfeval
    from alliance_review.storage.round_store import RoundStore

    here = Path(folder)
    with RoundStore.open(here / f"round-{BOOKS}.sqlite") as store:
        return _timed(lambda: selfeval.write_workbooks(store, here / "books-app"))


def peer_books_out(folder: str) -> float:
    here = Path(folder)
    cells = pickle.loads((here / "book.cells").read_bytes())
    out = here / "books-peer"
    out.mkdir(exist_ok=True)
    return _timed(
        lambda: [xlsxwriter_same_cells(cells, out / f"{n:04d}.xlsx") for n in range(BOOKS)]
    )


def app_books_in(folder: str) -> float:
    from alliance_review.services import selfeval
    from alliance_review.storage.round_store import RoundStore

    here = Path(folder)
    paths = sorted((here / "books").glob("*.xlsx"))
    with RoundStore.open(here / f"round-{BOOKS}.sqlite") as store:
        return _timed(lambda: selfeval.read_workbooks(store, paths))


def peer_books_in(folder: str) -> float:
    return _timed(lambda: calamine_read(sorted((Path(folder) / "books").glob("*.xlsx"))))
