"""The frozen app's smoke test: the whole year through the command line, as the
secretary and the reviewers run it, on Linux, Windows and macOS.

    python packaging/smoke-test.py EXECUTABLE [--gui EXECUTABLE] [--work DIR]

demo (the round before the meeting) -> issue (one file per reviewer) -> for each reviewer:
export-sheet, the workbook filled in as an office suite would (openpyxl), import-sheet,
submit -> merge -> lock -> export-pdf -> verify-pdf -> check; then, where the system can
make one, the command line in a GBK locale (a Chinese Windows' code page 936, redirected),
and the window on the locked round (``--gui``: its own executable on Windows).

EXECUTABLE is the bundle's command-line program (``alliance-review`` on Linux and macOS,
``alliance-review-cli.exe`` on Windows). It runs with a home and data folders of its own,
without the Python environment of this script. Exit 0 when every step did what a user
expects; otherwise the failing step, its command and its output, and exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.monotonic()


class Failed(Exception):
    pass


class App:
    def __init__(self, executable: Path, work: Path) -> None:
        self.executable = executable
        self.work = work
        home = work / "home"
        home.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.pop("LC_ALL", None)
        env.update(
            HOME=str(home),
            USERPROFILE=str(home),
            QT_QPA_PLATFORM="offscreen",
            ALLIANCE_REVIEW_LANG="zh",
            ALLIANCE_REVIEW_DATA_DIR=str(home / "data"),
            ALLIANCE_REVIEW_CONFIG_DIR=str(home / "config"),
            ALLIANCE_REVIEW_LOG_DIR=str(home / "logs"),
            # output in UTF-8 wherever the system's code page is another (a frozen app
            # reads only this one of Python's variables); the GBK step below goes without
            PYTHONUTF8="1",
        )
        self.env = env
        self.runs = 0

    def run(
        self, *args: str | Path, expect: int = 0, env: dict[str, str] | None = None,
        executable: Path | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        command = [str(executable or self.executable), *map(str, args)]
        done = subprocess.run(
            command, capture_output=True, env=env or self.env, cwd=self.work, timeout=600
        )
        self.runs += 1
        if done.returncode != expect or b"Traceback" in done.stderr:
            raise Failed(
                f"{' '.join(command)}\nexit {done.returncode} (expected {expect})\n"
                f"stdout: {done.stdout.decode('utf-8', 'replace')[-2000:]}\n"
                f"stderr: {done.stderr.decode('utf-8', 'replace')[-2000:]}"
            )
        return done


def step(name: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {name}", flush=True)


def fill_workbook(path: Path) -> int:
    """Score every row as a reviewer would: the self-score where there is one (else full
    marks), with a note; saved by openpyxl, as an office suite saves it."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book[book.sheetnames[0]]
    header = next(r for r in range(1, 10) if sheet.cell(r, 2).value == "指标编号")
    filled = 0
    for row in range(header + 1, sheet.max_row + 1):
        top, own = sheet.cell(row, 4).value, sheet.cell(row, 5).value
        if top is None:
            continue
        sheet.cell(row, 7).value = own if own is not None else top
        sheet.cell(row, 8).value = "材料齐全，与自评相符"
        filled += 1
    book.save(path)
    return filled


def read_one(round_path: Path, sql: str) -> object:
    """Read with sqlite3, as another program would (not through the app's own output);
    closed at once (Windows keeps an open file from being replaced)."""
    conn = sqlite3.connect(f"{round_path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def first_alliance(round_path: Path) -> str:
    return str(read_one(round_path, "SELECT name FROM alliance ORDER BY position"))


def decisions(round_path: Path) -> int:
    return int(str(read_one(round_path, "SELECT count(*) FROM decision")))


def gbk_locale(work: Path) -> dict[str, str] | None:
    """A zh_CN.GBK locale compiled into ``work`` (Linux with the locale sources), as a
    Chinese system's code page for output that is redirected; None where none can be made."""
    localedef = shutil.which("localedef")
    if sys.platform != "linux" or localedef is None:
        return None
    folder = work / "locale"
    folder.mkdir(exist_ok=True)
    done = subprocess.run(
        [localedef, "-i", "zh_CN", "-f", "GBK", str(folder / "zh_CN.GBK")],
        capture_output=True,
    )
    if not (folder / "zh_CN.GBK").is_dir():
        print(f"  (no GBK locale: {done.stderr.decode('utf-8', 'replace').strip()})")
        return None
    return {"LOCPATH": str(folder), "LANG": "zh_CN.GBK", "LC_ALL": "zh_CN.GBK"}


def smoke(app: App, gui: Path | None, gbk: bool = True) -> None:
    work = app.work
    step("version")
    print("  " + app.run("--version").stdout.decode().strip())

    step("demo: the round before the meeting")
    round_path = work / "评价轮次-2015.alr-round"
    app.run("demo", round_path, "--reviewer-files", work / "demo-files")

    step("issue: one file per reviewer")
    app.run("issue", round_path, work / "issued")
    issued = sorted((work / "issued").glob("*.alr-review"))
    if len(issued) != 14:
        raise Failed(f"issue wrote {len(issued)} reviewer files, not 14")

    step(f"each of the {len(issued)} reviewers: export-sheet, fill in, import-sheet, submit")
    returned = work / "returned"
    returned.mkdir()
    rows = 0
    for number, reviewer in enumerate(issued, 1):
        sheet = work / "sheets" / f"{number:02d}.xlsx"
        sheet.parent.mkdir(exist_ok=True)
        app.run("export-sheet", reviewer, sheet)
        rows += fill_workbook(sheet)
        app.run("import-sheet", reviewer, sheet)
        app.run("submit", reviewer, "--out", returned / reviewer.name)
    print(f"  {rows} scores typed into {len(issued)} workbooks")

    step("merge the returned files")
    app.run("merge", round_path, returned)

    step("lock as final")
    app.run("lock", round_path, "--reason", "冒烟测试")
    name = first_alliance(round_path)
    refused = app.run(
        "decide", round_path, name, "--points", "90", "--rationale", "锁定后", expect=1
    )
    if decisions(round_path):
        raise Failed("a decision was recorded in the locked round")
    print("  a decision refused: " + refused.stderr.decode("utf-8", "replace").strip())

    step("export-pdf and verify-pdf")
    pdf = work / "附件-2015.pdf"
    app.run("export-pdf", round_path, pdf)
    if not pdf.read_bytes().startswith(b"%PDF-"):
        raise Failed(f"{pdf.name} is not a PDF")
    verified = app.run("verify-pdf", round_path, pdf)
    print("  " + verified.stdout.decode("utf-8", "replace").strip().splitlines()[0])
    checked = app.run("check", round_path, "--json")
    report = json.loads(checked.stdout.decode("utf-8", "replace"))
    if report.get("integrity") != "ok" or report.get("kind") != "round":
        raise Failed(f"check reported {report}")
    print(f"  check: {json.dumps(report, ensure_ascii=False)[:160]}")

    step("the command line in a GBK locale (a Chinese code page, output redirected)")
    locale = gbk_locale(work) if gbk else None
    if locale is None:
        print("  skipped here: no GBK locale can be made on this system (or --skip-gbk)")
    else:
        env = {k: v for k, v in app.env.items() if k != "PYTHONUTF8"}
        ranking = app.run("ranking", round_path, env={**env, **locale})
        text = ranking.stdout.decode("gbk", "replace")
        if "联盟" not in text or "\ufffd" in text:
            raise Failed(f"ranking in GBK printed: {text[:300]!r}")
        print(f"  {len(text.splitlines())} lines of GBK, e.g. {text.splitlines()[1][:40]}")

    if gui is not None:
        step("the window on the locked round (opens, paints, reports, quits)")
        report_path = work / "window.json"
        app.run("gui", round_path, "--self-test", report_path, executable=gui)
        window = json.loads(report_path.read_text(encoding="utf-8"))
        if window.get("role") != "round" or not window.get("cjk_font"):
            raise Failed(f"the window reported {window}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("executable", type=Path)
    parser.add_argument("--gui", type=Path, help="the window's executable (default: the same)")
    parser.add_argument("--work", type=Path, help="folder for the files (default: a new one)")
    parser.add_argument("--skip-gbk", action="store_true", help="leave out the GBK locale step")
    args = parser.parse_args(argv)
    executable = args.executable.resolve()
    if not executable.is_file():
        print(f"smoke-test: no executable at {executable}", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="alliance-review-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    app = App(executable, work.resolve())
    gui = (args.gui or args.executable).resolve()
    try:
        smoke(app, gui, gbk=not args.skip_gbk)
    except Failed as failure:
        print(f"smoke-test FAILED:\n{failure}", file=sys.stderr)
        return 1
    print(f"smoke-test passed: {app.runs} runs of the app in {time.monotonic() - STARTED:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
