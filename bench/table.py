"""``bench/run``: every speed target of the app in one table, each beside its peer or floor.

    bench/run [--quick] [--only WORD] [--runs N] [--readme]

Builds (once, cached in ``bench/.cache``) the demo round (125 alliances) and generated
rounds of 1,000, 10,000 and 50,000 alliances (``bench/rounds.py``: the real 18-indicator
rubric, 60 reviewers, 3 per alliance, notes of real length, evidence ticks, some panel
decisions). Every in-process measurement runs in a fresh process (its peak memory is
that process's: ``VmHWM``, or ``wait4``'s for a command); the app and its peer are taken
in turns, both alike (fresh processes, or whole commands after one warm-up run each), so
a machine whose load changes slows both alike. Each row gives the work in process and as
the whole command a user waits for (interpreter, imports, the work), the app's and the
peer's. Every peer does the app's work: ``tests/test_bench_equivalence.py`` checks that
its output is the app's (the ranking's JSON byte for byte, the workbooks cell by cell and
setting by setting, LibreOffice's input laid out like the appendix). ``--readme`` writes
the table, the date, the machine and its load into README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
GENERATOR = "v2"  # bump when bench/rounds.py changes what it writes
sys.path.insert(0, str(HERE))
# every process the bench starts: bytecode cached, as in an installed app (this machine's
# shells set PYTHONDONTWRITEBYTECODE, which makes every start compile the sources), and a
# data folder of the bench's own (the app remembers there what it checked)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["ALLIANCE_REVIEW_DATA_DIR"] = str(CACHE / "data")


# measuring ------------------------------------------------------------------------------
@dataclass
class Figures:
    seconds: list[float]
    peak_mb: float
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def child(module: str, function: str, **kwargs: object) -> Figures:
    """``bench/child.py``: a case function in a fresh process; its figures and peak memory."""
    out, _, peak = _reaped(
        [sys.executable, str(HERE / "child.py"), module, function, json.dumps(kwargs)]
    )
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    data = json.loads(line[len("RESULT ") :])
    seconds = [float(s) for s in data.pop("seconds")]
    own = data.pop("peak_mb", None)
    return Figures(seconds, float(own) if own is not None else peak, data)


def pair(module: str, function: str, **kwargs: object) -> tuple[Figures, Figures]:
    """A case that times the app and its peer in turns in one process (``peer_seconds``)."""
    both = child(module, function, **kwargs)
    peer = [float(s) for s in both.extra.pop("peer_seconds")]  # type: ignore[attr-defined]
    return both, Figures(peer, float("nan"))


def command(argv: list[str], runs: int, env: dict[str, str] | None = None) -> Figures:
    """A whole command line, ``runs`` times: wall seconds and the largest peak memory."""
    times, peaks = [], []
    for _ in range(runs):
        _, elapsed, peak = _reaped(argv, env)
        times.append(elapsed)
        peaks.append(peak)
    return Figures(times, max(peaks))


def commands(
    first: list[str], second: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[Figures, Figures]:
    """Two whole commands timed alike: one warm-up run of each (bytecode, the disk
    cache), then ``runs`` runs of each in turns, so a machine whose load changes slows
    both alike. Wall seconds; the largest peak memory of each."""
    _reaped(first, env)
    _reaped(second, env)
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    for _ in range(runs):
        for argv, into in ((first, a), (second, b)):
            _, elapsed, peak = _reaped(argv, env)
            into.append((elapsed, peak))
    return (
        Figures([t for t, _ in a], max(p for _, p in a)),
        Figures([t for t, _ in b], max(p for _, p in b)),
    )


def _reaped(argv: list[str], env: dict[str, str] | None = None) -> tuple[str, float, float]:
    """Like ``run_process`` but reaps the child itself, so ``wait4`` sees its rusage."""
    env = env or ENV
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:5])} failed ({process.returncode}): {stderr[-3000:]}")
    return stdout, elapsed, usage.ru_maxrss / 1024


# the table ------------------------------------------------------------------------------
@dataclass
class Row:
    work: str
    size: str
    peer_label: str
    target: str  # e.g. "ratio <= 3", "app < 0.8 s", "ratio < 1, peak < 500 MB"
    app: Figures | None = None  # in process (a fresh one per measurement)
    peer: Figures | None = None
    note: str = ""
    checks: list[Callable[[Row], bool]] = field(default_factory=list)
    app_command: Figures | None = None  # the whole command, as a user waits for it
    peer_command: Figures | None = None

    @property
    def ratio(self) -> float | None:
        if self.app is None or self.peer is None or not self.peer.median:
            return None
        return self.app.median / self.peer.median

    @property
    def command_ratio(self) -> float | None:
        if self.app_command is None or self.peer_command is None or not self.peer_command.median:
            return None
        return self.app_command.median / self.peer_command.median

    @property
    def met(self) -> bool | None:
        if (self.app is None and self.app_command is None) or not self.checks:
            return None
        return all(check(self) for check in self.checks)


def ratio_at_most(limit: float) -> Callable[[Row], bool]:
    return lambda row: row.ratio is not None and row.ratio <= limit


def command_ratio_at_most(limit: float) -> Callable[[Row], bool]:
    return lambda row: row.command_ratio is not None and row.command_ratio <= limit


def app_below(seconds: float) -> Callable[[Row], bool]:
    return lambda row: row.app is not None and row.app.median < seconds


def peak_below(mb: float) -> Callable[[Row], bool]:
    def check(row: Row) -> bool:
        figures = row.app or row.app_command
        return figures is not None and figures.peak_mb < mb

    return check


def seconds_text(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def render(rows: list[Row]) -> str:
    header = [
        "work",
        "size",
        "app",
        "app command",
        "peer / floor",
        "peer",
        "peer command",
        "ratio",
        "ratio (commands)",
        "app peak",
        "target",
        "",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

    def shown(figures: Figures | None) -> str:
        return seconds_text(figures.median) if figures else "—"

    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        command_ratio = f"{row.command_ratio:.2f}x" if row.command_ratio is not None else ""
        figures = row.app or row.app_command
        peak = f"{figures.peak_mb:.0f} MB" if figures and figures.peak_mb == figures.peak_mb else ""
        mark = {True: "ok", False: "**MISS**", None: ""}[row.met]
        if row.note:
            mark = (mark + " " + row.note).strip()
        lines.append(
            f"| {row.work} | {row.size} | {shown(row.app)} | {shown(row.app_command)}"
            f" | {row.peer_label} | {shown(row.peer)} | {shown(row.peer_command)} | {ratio}"
            f" | {command_ratio} | {peak} | {row.target} | {mark} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average at start {load:.1f}"
    )


# inputs -----------------------------------------------------------------------------------
_upgraded: set[str] = set()


def round_file(alliances: int) -> Path:
    """The cached round of that size (the demo round for 125)."""
    CACHE.mkdir(exist_ok=True)
    if alliances == 125:
        path = CACHE / "demo-2015.sqlite"
        if not path.exists():
            child("rounds", "build_demo_cached", path=str(path))
        elif str(path) not in _upgraded:
            child("rounds", "upgrade_cached", path=str(path))
            _upgraded.add(str(path))
        return path
    path = CACHE / f"round-{alliances}-{GENERATOR}.sqlite"
    if not path.exists():
        # in a child process: this one stays small, so its children's peak memory is
        # their own (a forked child starts with its parent's peak)
        print(f"building a round of {alliances:,} alliances (once, cached) …", file=sys.stderr)
        child("rounds", "build_cached", path=str(path), alliances=alliances)
    elif str(path) not in _upgraded:  # written before a schema step: upgraded now, once
        child("rounds", "upgrade_cached", path=str(path))
        _upgraded.add(str(path))
    return path


# the rows -------------------------------------------------------------------------------
APP = [sys.executable, "-m", "alliance_review"]
PEER = [sys.executable, str(HERE / "peer_cli.py")]


def ranking_rows(runs: int, sizes: list[int]) -> list[Row]:
    rows = []
    for size in sizes:
        path = str(round_file(size))
        row = Row(
            "ranking --json: read, rank, write",
            f"{size:,}",
            "one SQL query, the same JSON",
            "ratio <= 3",
            checks=[ratio_at_most(3)],
        )
        repeats = runs if size >= 10_000 else runs * 6  # small sizes: more runs, less noise
        row.app, row.peer = pair("cases_core", "ranking", round_path=path, runs=repeats)
        row.app_command, row.peer_command = commands(
            [*APP, "ranking", path, "--json"], [*PEER, "ranking", path], runs
        )
        rows.append(row)
    demo = str(round_file(125))
    for words, argv in (
        ("ranking --json", ["ranking", demo, "--json"]),
        ("check --json", ["check", demo, "--json"]),
        ("statistics --json", ["statistics", demo, "--json"]),
    ):
        row = Row(
            f"{words}: whole command",
            "125",
            "alliance-review --help",
            "commands ratio <= 2" if words.startswith("ranking") else "(for reference)",
            checks=[command_ratio_at_most(2)] if words.startswith("ranking") else [],
        )
        row.app_command, row.peer_command = commands([*APP, *argv], [*APP, "--help"], runs * 2)
        rows.append(row)
    return rows


def _alternate(
    runs: int, first: Callable[[], Figures], second: Callable[[], Figures]
) -> tuple[Figures, Figures]:
    """Two measurements (each in a fresh process) taken in turns: medians and peaks."""
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return (
        Figures([f.seconds[0] for f in a], max(f.peak_mb for f in a)),
        Figures([f.seconds[0] for f in b], max(f.peak_mb for f in b)),
    )


def pdf_rows(runs: int, quick: bool) -> list[Row]:
    import appendix_peer

    rows = []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for size in [10_000] if quick else [10_000, 50_000]:
        source = str(round_file(size))
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            out = str(folder / "appendix.pdf")
            floor = Row(
                "export-pdf",
                f"{size:,}",
                "bare reportlab canvas: SQL ranking, the same table, the hash",
                "ratio <= 2",
                checks=[ratio_at_most(2)],
            )
            floor.app, floor.peer = _alternate(
                runs,
                lambda s=source, o=out: child("cases_core", "pdf_export", round_path=s, out=o),
                lambda s=source, o=out: child(
                    "cases_core", "pdf_canvas_floor", round_path=s, out=o + ".floor"
                ),
            )
            rows.append(floor)
            whole = Row(
                "export-pdf",
                f"{size:,}",
                "LibreOffice: the appendix as a formatted workbook → PDF",
                "commands ratio < 1, peak < 500 MB",
                checks=[command_ratio_at_most(0.999), peak_below(500)],
            )
            app_argv = [*APP, "export-pdf", source, out]
            if soffice is None:
                whole.note = "(LibreOffice not installed: apt-get install libreoffice-calc-nogui)"
                whole.app_command = command(app_argv, runs)
            else:
                workbook = folder / "appendix.xlsx"
                child(
                    "appendix_peer", "write_appendix_workbook", round_path=source, out=str(workbook)
                )
                argv = appendix_peer.convert_argv(
                    soffice, workbook, folder / "lo", folder / "lo-profile"
                )
                whole.app_command, whole.peer_command = commands(app_argv, argv, runs)
            floor.app_command = whole.app_command
            rows.append(whole)
    return rows


def workbook_rows(runs: int) -> list[Row]:
    """The workbook cases of ``bench/workbook_cases.py``: ``CASES``, a list of dicts with
    ``work``, ``size``, ``peer`` (label), ``target_ratio`` (a float, or None: no target)
    and the names of functions of that module taking ``folder: str``: ``prepare``
    (builds the inputs there, not timed), ``app`` and ``peer_fn`` (each does the work
    once and returns its seconds), and optionally ``app_argv`` / ``peer_argv`` (the
    same work as whole commands)."""
    import workbook_cases

    rows = []
    prepared: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for case in workbook_cases.CASES:
            folder = str(Path(scratch) / case["prepare"])
            if case["prepare"] not in prepared:
                Path(folder).mkdir()
                child("workbook_cases", case["prepare"], folder=folder)
                prepared[case["prepare"]] = folder
            target = case["target_ratio"]
            row = Row(
                case["work"],
                case["size"],
                case["peer"],
                f"ratio <= {target}" if target else "(for reference)",
                checks=[ratio_at_most(float(target))] if target else [],
            )
            row.app, row.peer = _alternate(
                runs,
                lambda c=case, f=folder: child("workbook_cases", c["app"], folder=f),
                lambda c=case, f=folder: child("workbook_cases", c["peer_fn"], folder=f),
            )
            if "app_argv" in case:
                row.app_command, row.peer_command = commands(
                    getattr(workbook_cases, case["app_argv"])(folder),
                    getattr(workbook_cases, case["peer_argv"])(folder),
                    runs,
                )
            rows.append(row)
    return rows


def merge_figures(alliances: int, files: int, runs: int) -> tuple[Figures, Figures]:
    """The app's merge and its floor (``bench/bench_merge.py``), each run in a fresh
    process, in turns: seconds and each one's own peak memory."""
    child("bench_merge", "prepare", alliances=alliances)  # built once, cached
    return _alternate(
        runs,
        lambda: child("bench_merge", "merge_once", alliances=alliances, files=files),
        lambda: child("bench_merge", "floor_once", alliances=alliances, files=files),
    )


def merge_rows(runs: int, quick: bool) -> list[Row]:
    """Merge time beside the floor (hash, signature, INSERT … SELECT) and peak memory at
    three sizes, and at 50,000 with a third of the files: flat in the number of files."""
    import bench_merge

    cases = [(125, 0), (10_000, 0)] if quick else [(125, 0), (10_000, 0), (50_000, 10), (50_000, 0)]
    rows = []
    for alliances, files in cases:
        count = files or bench_merge.reviewers_for(alliances)
        per_file = alliances * 3 // bench_merge.reviewers_for(alliances)
        row = Row(
            "merge",
            f"{count} files x {per_file:,} x 18 ({alliances:,})",
            "hash + signature + INSERT…SELECT",
            "ratio <= 2, peak < 150 MB",
            checks=[ratio_at_most(2), peak_below(150)],
        )
        row.app, row.peer = merge_figures(alliances, files, runs)
        rows.append(row)
    return rows


def window_rows(runs: int, quick: bool) -> list[Row]:
    rows = []
    demo = str(round_file(125))
    start = Row(
        "window: start to painted (demo round)",
        "125",
        "bare QMainWindow, 125-row table",
        "app < 0.8 s",
        checks=[app_below(0.8)],
    )
    start.app, start.peer = pair("cases_window", "start_to_painted", round_path=demo, runs=runs)
    rows.append(start)
    for size, limit in ((125, 0.1), (1_000 if quick else 10_000, 0.3)):
        opened = child("cases_window", "open_round", round_path=str(round_file(size)))
        row = Row(
            "window: open a round, every tab filled: longest GUI block",
            f"{size:,}",
            "",
            f"< {limit * 1000:.0f} ms",
            app=opened,
            note=f"(all filled after {seconds_text(float(opened.extra['filled']))})",  # type: ignore[arg-type]
            checks=[app_below(limit)],
        )
        rows.append(row)
    big = str(round_file(1_000 if quick else 10_000))
    listed = [child("cases_window", "panel_listed", round_path=big) for _ in range(runs)]
    cpu = Figures([float(f.extra["cpu"]) for f in listed], max(f.peak_mb for f in listed))  # type: ignore[arg-type]
    wall = statistics.median(f.median for f in listed)
    held = max(float(f.extra["longest_held"]) for f in listed)  # type: ignore[arg-type]
    rows.append(
        Row(
            "window: open a round, the panel lists every alliance (CPU of all threads)",
            "1,000" if quick else "10,000",
            "",
            "< 1.5 s",
            app=cpu,
            note=f"(wall {seconds_text(wall)} under this load; longest GIL wait of the GUI"
            f" thread {seconds_text(held)}, target ≤ 50 ms)",
            checks=[app_below(1.5), lambda _row: held <= 0.05],
        )
    )
    typed = child("cases_window", "filter_and_sort", round_path=big)
    size = "1,000" if quick else "10,000"
    rows.append(
        Row(
            "window: filter keystroke (ranking, overview)",
            size,
            "",
            "median < 30 ms",
            app=typed,
            note=f"(max {seconds_text(float(typed.extra['max']))})",  # type: ignore[arg-type]
            checks=[app_below(0.03)],
        )
    )
    sorts = Figures([float(x) for x in typed.extra["sorts"]], typed.peak_mb)  # type: ignore[union-attr]
    rows.append(
        Row(
            "window: sort a column",
            size,
            "",
            "median < 200 ms",
            app=sorts,
            note=f"(max {seconds_text(max(sorts.seconds))})",
            checks=[app_below(0.2)],
        )
    )
    edit = child("cases_window", "panel_edit", round_path=demo)
    rows.append(
        Row(
            "window: panel edit (threshold) and its undo: longest GUI block",
            "125",
            "",
            "< 100 ms",
            app=Figures([max(edit.seconds)], edit.peak_mb),
            checks=[app_below(0.1)],
        )
    )
    reviewer = child("cases_window", "reviewer", runs=runs)
    rows.append(
        Row(
            "reviewer window: start to painted",
            "42 alliances",
            "",
            "app < 0.8 s",
            app=reviewer,
            checks=[app_below(0.8)],
        )
    )
    for label, key, limit in (
        ("alliance switch", "switch", 0.03),
        ("one edit durable (keystroke→disk)", "edit", 0.01),
    ):
        value = float(reviewer.extra[key])  # type: ignore[arg-type]
        rows.append(
            Row(
                f"reviewer window: {label}",
                "42 alliances",
                "",
                f"median < {limit * 1000:.0f} ms",
                app=Figures([value], reviewer.peak_mb),
                checks=[app_below(limit)],
            )
        )
    return rows


def documents_rows(runs: int) -> list[Row]:
    """The document pane and issuing with documents (``bench/cases_documents.py``)."""
    pane = child("cases_documents", "pane")
    extra = pane.extra

    def figure(key: str) -> Figures:
        return Figures([float(extra[key])], pane.peak_mb)  # type: ignore[arg-type]

    rows = [
        Row("documents: first page of a 50-page PDF after selecting its alliance", "50 pages",
            "", "median < 300 ms", app=pane, note=f"(max {seconds_text(max(pane.seconds))})",
            checks=[app_below(0.3)]),
        Row("documents: page turn (Page Down to the page drawn)", "50 pages", "",
            "median < 100 ms", app=figure("turn"),
            note=f"(max {seconds_text(float(extra['turn_max']))})",  # type: ignore[arg-type]
            checks=[app_below(0.1)]),
        Row("documents: search (hits found, first marked)", "200 pages", "", "< 1 s",
            app=figure("search"), note=f"({extra['hits']} hits)", checks=[app_below(1.0)]),
        Row("documents: GUI thread's longest own block meanwhile", "", "", "< 100 ms",
            app=figure("gui_block"), checks=[app_below(0.1)]),
    ]  # fmt: skip
    memory = Figures([float(extra["open_500"])], float(extra["window_mb"]))  # type: ignore[arg-type]
    rows.append(
        Row("documents: a 500-page PDF opened (first page), 60 pages turned: memory",
            "500 pages", "", "window < 400 MB", app=memory,
            note=f"(its document worker {float(extra['worker_mb']):.0f} MB)",  # type: ignore[arg-type]
            checks=[peak_below(400)])  # fmt: skip
    )
    with tempfile.TemporaryDirectory() as scratch:
        child("cases_documents", "issue_prepare", folder=scratch)
        issued, copied = pair("cases_documents", "issue", folder=scratch, runs=runs)
        rows.append(
            Row("issue: 14 reviewer files, 3 x 2 MB documents per alliance", "125 alliances",
                "the same bytes copied and synced", "< 10 s", app=issued, peer=copied,
                note=f"({float(issued.extra['written_mb']):.0f} MB written)",  # type: ignore[arg-type]
                checks=[app_below(10.0)])  # fmt: skip
        )
        taken, whole = pair("cases_documents", "backups", folder=scratch)
        extra = taken.extra
        after, before = float(extra["after_mb"]), float(extra["before_mb"])  # type: ignore[arg-type]
        rows.append(
            Row(f"backups: {extra['kept']} of a round with documents (one taken; disk used)",
                f"{float(extra['round_mb']):.0f} MB round", "a whole copy (backups before)",
                "disk < 2x the round", app=taken, peer=whole,
                note=f"(disk used by the {extra['kept']}: {after:.0f} MB, each document once;"
                f" {before:.0f} MB as whole copies)",
                checks=[lambda _row: after < 2 * float(extra["round_mb"])])  # type: ignore[arg-type]  # fmt: skip
        )
    return rows


GROUPS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "ranking": lambda a: ranking_rows(a.runs, [125, 1_000] if a.quick else [125, 1_000, 10_000]),
    "pdf": lambda a: pdf_rows(min(a.runs, 3), a.quick),
    "merge": lambda a: merge_rows(a.runs, a.quick),
    "window": lambda a: window_rows(min(a.runs, 5), a.quick),
    "workbooks": lambda a: workbook_rows(min(a.runs, 3)),
    "documents": lambda a: documents_rows(min(a.runs, 3)),
}


def write_readme(table: str, when: str, where: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    block = f"{start}\nMeasured {when} on {where}.\n\n{table}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Speed (`bench/run`)\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller sizes, no 50,000-row PDF (a minute, not many)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(GROUPS),
        default=None,
        help="run only this group (repeatable)",
    )
    parser.add_argument("--runs", type=int, default=5, help="repeats per measurement")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    where = machine()
    rows: list[Row] = []
    for name in args.only or list(GROUPS):
        print(f"[{name}] …", file=sys.stderr, flush=True)
        rows += GROUPS[name](args)
    table = render(rows)
    when = date.today().isoformat()
    print(f"{when}; {where}\n")
    print(table)
    missed = [r for r in rows if r.met is False]
    print(f"\n{len(missed)} target(s) missed" if missed else "\nevery target met")
    if args.readme:
        write_readme(table, when, where)
    return 0


if __name__ == "__main__":
    sys.exit(main())
