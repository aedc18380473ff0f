"""The workbook rows of the ``bench/run`` table: export-xlsx, export-sheet, import-sheet,
the roster import, self-evaluation workbooks.

Each case names three functions of this module taking ``folder: str``: ``prepare``
builds the inputs there (not timed), ``app`` and ``peer_fn`` each do the work once in a
fresh process and return their seconds; and ``app_argv`` / ``peer_argv``, the same work
as whole commands (what a user waits for: interpreter, imports, the work). The peers:

- export-xlsx, export-sheet: ``bench/xlsx_peers.py`` reads the round or reviewer file
  with SQL inside the timer and writes with xlsxwriter the same cells, formats and
  settings (``tests/test_bench_equivalence.py`` compares the files cell by cell and
  setting by setting);
- import-sheet: python-calamine reading the same filled workbook (180,000 filled rows at
  10,000 alliances: a score and a note on every row, imported into the empty file);
- roster import, selfeval-in: python-calamine reading the same files;
- selfeval-out: xlsxwriter writing the values of one workbook a thousand times, without
  its formats (not equivalent yet: for reference, no target).
"""

from __future__ import annotations

import pickle
import random
import shutil
import sys
import time
from pathlib import Path

from bench_workbooks import calamine_read, cells_of, xlsxwriter_same_cells

BIG = 10_000
BOOKS = 1_000
HERE = Path(__file__).resolve().parent
PEER = [sys.executable, str(HERE / "peer_cli.py")]
APP = [sys.executable, "-m", "alliance_review"]

CASES = [
    dict(work="export-xlsx", size="10,000", peer="xlsxwriter from SQL, same cells and formats",
         target_ratio=1.3, prepare="prepare_results", app="app_results", peer_fn="peer_results",
         app_argv="argv_app_results", peer_argv="argv_peer_results"),
    dict(work="export-sheet", size="10,000 (180,000 rows)",
         peer="xlsxwriter from SQL, same cells and formats", target_ratio=1.5,
         prepare="prepare_sheet", app="app_sheet", peer_fn="peer_sheet",
         app_argv="argv_app_sheet", peer_argv="argv_peer_sheet"),
    dict(work="import-sheet --dry-run (filled)", size="10,000 (180,000 rows)",
         peer="python-calamine", target_ratio=2.0, prepare="prepare_sheet",
         app="app_import_sheet", peer_fn="peer_import_sheet",
         app_argv="argv_app_import", peer_argv="argv_peer_import"),
    dict(work="roster import (preview)", size="10,000", peer="python-calamine", target_ratio=2.0,
         prepare="prepare_roster", app="app_roster", peer_fn="peer_roster"),
    dict(work="selfeval-out", size="1,000 workbooks",
         peer="xlsxwriter, values only (not equivalent)", target_ratio=None,
         prepare="prepare_books", app="app_books_out", peer_fn="peer_books_out"),
    dict(work="selfeval-in", size="1,000 workbooks", peer="python-calamine", target_ratio=2.0,
         prepare="prepare_books", app="app_books_in", peer_fn="peer_books_in"),
]  # fmt: skip


def _timed(work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _round(folder: Path, size: int) -> Path:
    """The cached generated round of that size (``bench/rounds.py``), copied here."""
    import table

    path = folder / f"round-{size}.alr-round"
    if not path.exists():
        shutil.copyfile(table.round_file(size), path)
    return path


# export-xlsx ------------------------------------------------------------------------------
def prepare_results(folder: str) -> float:
    _round(Path(folder), BIG)
    return 0.0


def app_results(folder: str) -> float:
    from alliance_review.services.results_xlsx import export_workbook

    here = Path(folder)
    return _timed(lambda: export_workbook(here / f"round-{BIG}.alr-round", here / "app.xlsx"))


def peer_results(folder: str) -> float:
    import xlsx_peers

    here = Path(folder)
    return _timed(
        lambda: xlsx_peers.results_workbook(here / f"round-{BIG}.alr-round", here / "peer.xlsx")
    )


def argv_app_results(folder: str) -> list[str]:
    here = Path(folder)
    # --force: the command runs again over its own output (the warm-up's)
    out = str(here / "cmd.xlsx")
    return [*APP, "export-xlsx", str(here / f"round-{BIG}.alr-round"), out, "--force"]


def argv_peer_results(folder: str) -> list[str]:
    here = Path(folder)
    return [*PEER, "results", str(here / f"round-{BIG}.alr-round"), str(here / "pcmd.xlsx")]


# export-sheet / import-sheet ---------------------------------------------------------------
def filled_reviewer_files(folder: Path, size: int) -> tuple[Path, Path]:
    """One reviewer's file holding every alliance of a round of ``size``, as issued
    (empty) and as filled (a score on its step and a note of the generator's kind on
    every row, ticks of evidence items)."""
    from rounds import note

    from alliance_review.core.roster import Alliance, Reviewer
    from alliance_review.services.reviewer_files import issue_reviewer_files
    from alliance_review.services.setup import new_round
    from alliance_review.storage.db import atomic
    from alliance_review.storage.reviewer_store import ReviewerStore
    from alliance_review.storage.round_store import RoundStore

    roster = [Alliance(f"a{i:05d}", f"第{i}号产业技术创新战略联盟", i) for i in range(size)]
    path = new_round(folder / f"sheet-round-{size}.alr-round", "基准评价", 2016, roster=roster)
    with RoundStore.open(path) as store:
        store.add_reviewers([Reviewer("r00", "专家甲")])
        store.set_assignments({a.uid: ["r00"] for a in roster})
    out = folder / "issued"
    out.mkdir(exist_ok=True)
    empty = issue_reviewer_files(path, out)[0]
    filled = folder / f"filled{empty.suffix}"
    shutil.copyfile(empty, filled)
    rng = random.Random(size)
    with ReviewerStore.open(filled) as file:
        indicators = [
            (i.code, int(i.max_points * 100), int(i.step * 100), [item.key for item in i.items])
            for i in file.rubric().indicators()
        ]
        scores, ticks = [], []
        for alliance in file.alliances():
            for code, top, step, keys in indicators:
                centi = rng.randrange(0, top + 1, step)
                scores.append((alliance.uid, code, centi, note(code, centi, top, rng)))
                ticks += [(alliance.uid, code, key) for key in keys if rng.random() < 0.6]
        with atomic(file.conn):
            file.conn.executemany(
                "INSERT INTO score (alliance_uid, indicator_code, points_centi, note)"
                " VALUES (?, ?, ?, ?)",
                scores,
            )
            file.conn.executemany(
                "INSERT INTO item_tick (alliance_uid, indicator_code, key) VALUES (?, ?, ?)",
                ticks,
            )
    return empty, filled


def prepare_sheet(folder: str) -> float:
    from alliance_review.services.reviewer_sheet import export_sheet_file

    here = Path(folder)
    empty, filled = filled_reviewer_files(here, BIG)
    (here / "empty.path").write_text(str(empty))
    (here / "filled.path").write_text(str(filled))
    export_sheet_file(filled, here / "sheet.xlsx")  # the filled workbook to import
    return 0.0


def _paths(folder: str) -> tuple[Path, Path, Path]:
    here = Path(folder)
    return (
        Path((here / "empty.path").read_text()),
        Path((here / "filled.path").read_text()),
        here / "sheet.xlsx",
    )


def app_sheet(folder: str) -> float:
    from alliance_review.services.reviewer_sheet import export_sheet_file

    _, filled, _ = _paths(folder)
    return _timed(lambda: export_sheet_file(filled, Path(folder) / "app-sheet.xlsx"))


def peer_sheet(folder: str) -> float:
    import xlsx_peers

    _, filled, _ = _paths(folder)
    return _timed(lambda: xlsx_peers.scoring_sheet(filled, Path(folder) / "peer-sheet.xlsx"))


def argv_app_sheet(folder: str) -> list[str]:
    _, filled, _ = _paths(folder)
    return [*APP, "export-sheet", str(filled), str(Path(folder) / "cmd-sheet.xlsx"), "--force"]


def argv_peer_sheet(folder: str) -> list[str]:
    _, filled, _ = _paths(folder)
    return [*PEER, "sheet", str(filled), str(Path(folder) / "pcmd-sheet.xlsx")]


def app_import_sheet(folder: str) -> float:
    from alliance_review.services.reviewer_sheet import import_sheet

    empty, _, sheet = _paths(folder)
    return _timed(lambda: import_sheet(empty, sheet, dry_run=True))


def peer_import_sheet(folder: str) -> float:
    _, _, sheet = _paths(folder)
    return _timed(lambda: calamine_read([sheet]))


def argv_app_import(folder: str) -> list[str]:
    empty, _, sheet = _paths(folder)
    return [*APP, "import-sheet", str(empty), str(sheet), "--dry-run"]


def argv_peer_import(folder: str) -> list[str]:
    _, _, sheet = _paths(folder)
    return [*PEER, "calamine", str(sheet)]


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
    with RoundStore.open(here / f"round-{BOOKS}.alr-round") as store:
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
    with RoundStore.open(here / f"round-{BOOKS}.alr-round") as store:
        return _timed(lambda: selfeval.read_workbooks(store, paths))


def peer_books_in(folder: str) -> float:
    return _timed(lambda: calamine_read(sorted((Path(folder) / "books").glob("*.xlsx"))))
