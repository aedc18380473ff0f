"""Benchmark cases of the documents (issue 21), each run in a fresh process by
``bench/table.py`` (``--only documents``).

- ``pane``: a reviewer file whose alliances carry a 50-page, a 200-page and a 500-page
  PDF (reportlab), opened in the window (offscreen, 1400x860). Figures: the first page
  of a 50-page document visible after selecting its alliance (each alliance's document
  is new to the window: copied out, opened by the worker, rendered); a page turn (Page
  Down until the page's image is there); a search of the 200-page document (the hits
  found and the first marked); the GUI thread's longest own block meanwhile
  (``tests/gap_meter.py``); the memory of the window and of its document worker with the
  500-page document open and paged through.
- ``issue``: the demo round with three documents of ~2 MB (incompressible) per alliance;
  ``alliance-review issue`` writes the 14 reviewer files (timed as a whole command).
- ``backups``: twenty backups of that round (750 MB of documents): the disk they use,
  each document kept once beside them, and what twenty whole copies used before.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "bench" / ".cache"


def _status_mb(pid: int | str, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cached_demo() -> Path:
    """The demo round of ``bench/.cache``, built again when missing or of another format
    (a cache left by a build whose schema differed is refused as altered)."""
    from alliance_review.core.errors import UserError
    from alliance_review.services.demo import build_demo
    from alliance_review.storage.files import identify
    from alliance_review.storage.schema import ROUND_FILE

    demo = CACHE / "demo-2015.sqlite"
    try:
        current = identify(demo).version == ROUND_FILE.version
    except (OSError, UserError):
        current = False
    if not current:
        CACHE.mkdir(parents=True, exist_ok=True)
        demo.unlink(missing_ok=True)
        build_demo(demo)
    return demo


def _reviewer_file(folder: Path) -> tuple[Path, list[str], dict[str, str]]:
    """A reviewer file: 6 alliances with a 50-page PDF each (each its own content), one
    with a 200-page and one with a 500-page PDF. Returns (file, the six uids, kind->uid)."""
    import tests.document_files as files

    from alliance_review.services import documents as service
    from alliance_review.services.reviewer_files import issue_reviewer_file
    from alliance_review.storage.round_store import RoundStore

    demo = _cached_demo()
    round_path = folder / "round.alr-round"
    shutil.copyfile(demo, round_path)
    with RoundStore.open(round_path) as store:
        assignment = store.assignments()
        reviewer = store.reviewers()[0]
        mine = [a for a in store.alliances() if reviewer.uid in assignment.get(a.uid, [])]
    items = []
    for number, alliance in enumerate(mine[:6]):
        pdf = files.reportlab_pdf(folder / f"summary-{number}.pdf", 50, f"年度工作总结{number}")
        items.append((alliance.uid, pdf))
    items.append((mine[6].uid, files.reportlab_pdf(folder / "long-200.pdf", 200, "项目清单")))
    items.append((mine[7].uid, files.reportlab_pdf(folder / "long-500.pdf", 500, "会议纪要汇编")))
    report = service.add_documents(round_path, items)
    assert not report.refused, report.refused
    with RoundStore.open(round_path) as store:
        path = issue_reviewer_file(store, reviewer, folder / "reviewer.alr-review")
    return path, [a.uid for a in mine[:6]], {"200": mine[6].uid, "500": mine[7].uid}


def _spin(until, timeout: float = 30.0) -> float:  # type: ignore[no-untyped-def]
    """Turn the event loop until ``until()``; the seconds it took."""
    from PySide6.QtCore import QCoreApplication

    start = time.perf_counter()
    while not until():
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the document did not show")
        QCoreApplication.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - start


def pane() -> dict[str, object]:
    from cases_window import application
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from tests.gap_meter import GapMeter

    # settings of their own: no page or zoom remembered from an earlier run
    os.environ["ALLIANCE_REVIEW_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-config-")
    application()
    from alliance_review.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        path, uids, long_uids = _reviewer_file(Path(scratch))
        window = MainWindow()
        window.resize(1400, 860)
        window.show()
        window.open_path(path)
        workspace = window.view
        pane = workspace.documents
        viewer = pane.viewer
        if not pane.shown():
            pane.set_shown(True)
        _spin(lambda: pane.renderer.worker.pid is not None and pane.renderer.idle())

        def shown(page: int) -> bool:
            key = round(viewer.view.render_scale() * 100)
            return pane.renderer.cache.get((viewer.view.sha, page, key)) is not None

        firsts, turns = [], []
        with GapMeter(threshold=0.02) as meter:  # every block over 20 ms is looked at
            for uid in uids:
                start = time.perf_counter()
                workspace.select_alliance(uid)
                _spin(lambda: bool(viewer.view.sizes) and shown(0))
                firsts.append(time.perf_counter() - start)
            viewer.view.setFocus()
            for _ in range(20):
                page = viewer.current_page() + 1
                start = time.perf_counter()
                QTest.keyClick(viewer.view, Qt.Key.Key_PageDown)
                _spin(lambda p=page: shown(p))
                turns.append(time.perf_counter() - start)
            # search of the 200-page document
            workspace.select_alliance(long_uids["200"])
            _spin(lambda: len(viewer.view.sizes) == 200 and shown(0))
            viewer.search.setText("专利共享")
            start = time.perf_counter()
            viewer.run_search()
            found = time.perf_counter() - start
            _spin(lambda: bool(viewer.view.boxes))
            search = time.perf_counter() - start
            hits = len(viewer.hits)
            # the 500-page document, paged through
            viewer.search.clear()
            viewer.run_search()
            start = time.perf_counter()
            workspace.select_alliance(long_uids["500"])
            _spin(lambda: len(viewer.view.sizes) == 500 and shown(0))
            open_500 = time.perf_counter() - start
            viewer.view.setFocus()
            for _ in range(60):
                QTest.keyClick(viewer.view, Qt.Key.Key_PageDown)
                _spin(lambda: shown(viewer.current_page()))
            window_mb = _status_mb("self", "VmRSS")
            worker_pid = pane.renderer.worker.pid
            worker_mb = _status_mb(worker_pid, "VmHWM") if worker_pid else float("nan")
        workspace.close_file()
        window.close()
    ours = max((gap.ran for gap in meter.gaps), default=0.0)
    return {
        "seconds": firsts,
        "turn": statistics.median(turns),
        "turn_max": max(turns),
        "search": search,
        "search_found": found,
        "hits": hits,
        "gui_block": max(ours, 0.0),
        "window_mb": window_mb,
        "open_500": open_500,
        "worker_mb": worker_mb,
    }


def issue_prepare(folder: str, megabytes: float = 2.0) -> None:
    """The demo round with three ~2 MB documents of its own per alliance (not timed)."""
    import tests.document_files as files

    from alliance_review.services import documents as service
    from alliance_review.storage.round_store import RoundStore

    work = Path(folder)
    demo = _cached_demo()
    round_path = work / "round.alr-round"
    shutil.copyfile(demo, round_path)
    with RoundStore.open(round_path) as store:
        alliances = [a for a in store.alliances() if a.uid in store.assignments()]
    made = work / "documents"
    made.mkdir()
    items = []
    for number, alliance in enumerate(alliances):
        for kind in ("总结", "计划", "纪要"):
            pdf = files.padded_pdf(made / f"{number}-{kind}.pdf", megabytes)
            items.append((alliance.uid, pdf))
    report = service.add_documents(round_path, items)
    assert not report.refused, report.refused[:3]
    shutil.rmtree(made)


def issue(folder: str, runs: int) -> dict[str, object]:
    """``alliance-review issue`` into a fresh folder, ``runs`` times, and beside it the
    floor: the same files copied byte for byte (each synced to disk, as issuing does)."""
    seconds, floor, written = [], [], 0
    for number in range(runs):
        out = Path(folder) / f"issued-{number}"
        start = time.perf_counter()
        round_path = str(Path(folder) / "round.alr-round")
        subprocess.run(
            [sys.executable, "-m", "alliance_review", "issue", round_path, str(out)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        seconds.append(time.perf_counter() - start)
        issued = sorted(out.iterdir())
        written = sum(p.stat().st_size for p in issued)
        copies = Path(folder) / f"copies-{number}"
        copies.mkdir()
        start = time.perf_counter()
        for path in issued:
            target = copies / path.name
            shutil.copyfile(path, target)
            with target.open("rb+") as handle:
                os.fsync(handle.fileno())
        floor.append(time.perf_counter() - start)
        shutil.rmtree(out)
        shutil.rmtree(copies)
    return {"seconds": seconds, "peer_seconds": floor, "written_mb": written / (1024 * 1024)}


def backups(folder: str, count: int = 20) -> dict[str, object]:
    """``count`` backups of the round ``issue_prepare`` made (into a data folder of their
    own), and beside them the way backups were taken before documents were kept once: a
    whole copy by SQLite's backup API (one written and timed; ``count`` of them is what
    the disk held). Figures: seconds per backup, disk used by all of them, both ways."""
    import sqlite3

    os.environ["ALLIANCE_REVIEW_DATA_DIR"] = str(Path(folder) / "backups-data")
    from alliance_review.storage import backups as taking
    from alliance_review.storage.round_store import RoundStore

    round_path = Path(folder) / "round.alr-round"
    seconds, whole = [], []
    with RoundStore.open(round_path) as store:
        uid = store.settings().uid
        for _ in range(count):
            start = time.perf_counter()
            store.backup("merge")
            seconds.append(time.perf_counter() - start)
        for number in range(min(count, 3)):
            copy_path = Path(folder) / f"whole-{number}.sqlite"
            start = time.perf_counter()
            copy = sqlite3.connect(copy_path)
            store.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.close()
            with copy_path.open("rb+") as handle:
                os.fsync(handle.fileno())
            whole.append(time.perf_counter() - start)
            whole_bytes = copy_path.stat().st_size
            copy_path.unlink()
    kept = taking.folder_of(uid)
    used = sum(p.stat().st_size for p in kept.rglob("*") if p.is_file())
    listed = len(taking.listing(uid))
    shutil.rmtree(Path(folder) / "backups-data")
    return {
        "seconds": seconds,
        "peer_seconds": whole,
        "kept": listed,
        "round_mb": round_path.stat().st_size / (1024 * 1024),
        "after_mb": used / (1024 * 1024),
        "before_mb": count * whole_bytes / (1024 * 1024),
    }
