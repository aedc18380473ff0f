"""The benchmark's peers do the app's work: same output, checked here (no timing).

``bench/run`` times each piece of work of the app beside a peer or floor; a ratio means
something only if the peer produces what the app produces. Each peer is run here on the
demo round and on generated rounds and its output compared with the app's.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import floor_ranking  # noqa: E402
import rounds  # noqa: E402


def app_ranking_json(path: Path) -> str:
    """What ``ranking --json`` prints, in this process (the command's own functions)."""
    from alliance_review.services.results import ranking_of, ranking_records

    records = ranking_records(ranking_of(path).ranking)
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def change_settings(path: Path, **changes: object) -> None:
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(path) as store:
        store.write_settings(dataclasses.replace(store.settings(), **changes))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("generated")
    return {
        "three": rounds.build_round(folder / "three.alr-round", 300, seed=3),
        "four": rounds.build_round(folder / "four.alr-round", 240, per_alliance=4, seed=4),
        "five": rounds.build_round(folder / "five.alr-round", 200, per_alliance=5, seed=5),
    }


# the generator ---------------------------------------------------------------------------
def test_generated_rounds_are_shaped_like_real_ones(generated: dict[str, Path]) -> None:
    from alliance_review.services.resources import default_rubric

    real = [(i.code, i.max_points, i.step) for i in default_rubric().indicators()]
    conn = sqlite3.connect(generated["three"])
    indicators = conn.execute("SELECT code, max_centi, step_centi FROM indicator").fetchall()
    assert sorted((c, m / 100, s / 100) for c, m, s in indicators) == sorted(
        (c, float(m), float(s)) for c, m, s in real
    )
    assert len(indicators) == 18
    average = conn.execute("SELECT AVG(LENGTH(note)) FROM score").fetchone()[0]
    assert 30 <= average <= 35
    off_step = conn.execute(
        "SELECT COUNT(*) FROM score JOIN indicator ON code = indicator_code"
        " WHERE points_centi % step_centi != 0 OR points_centi > max_centi"
    ).fetchone()[0]
    assert off_step == 0
    kinds = dict(
        conn.execute(
            "SELECT indicator_code = '', COUNT(*) FROM decision GROUP BY indicator_code = ''"
        ).fetchall()
    )
    assert kinds.get(0, 0) >= 1 and kinds.get(1, 0) >= 1  # indicator and total decisions
    assert conn.execute("SELECT COUNT(*) FROM item_tick").fetchone()[0] > 0
    conn.close()
    done = run_cli("check", generated["three"])
    assert done.returncode == 0, done.stderr


# the ranking's floor ---------------------------------------------------------------------
def test_floor_query_prints_what_ranking_json_prints(demo_round: Path, generated) -> None:
    """Whole commands: ``ranking --json`` and the floor script, byte for byte."""
    for path in (demo_round, generated["three"]):
        app = run_cli("ranking", path, "--json")
        assert app.returncode == 0, app.stderr
        floor = run_cli_floor(path)
        assert floor == app.stdout
        records = json.loads(floor)
        assert len(records) >= 125
        assert any(r["seq"] != r["rank"] for r in records)  # ties are in it


def run_cli_floor(path: Path) -> str:
    import subprocess

    done = subprocess.run(
        [sys.executable, str(BENCH / "floor_ranking.py"), str(path)],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=60,
    )  # fmt: skip
    return done.stdout


@pytest.mark.parametrize("method", ["mean", "median", "trimmed_mean"])
def test_floor_query_follows_every_rule_of_the_round(
    method: str, demo_round: Path, generated: dict[str, Path], tmp_path: Path
) -> None:
    """Each consensus method, with 3, 4 and 5 reviewers (medians of an even count,
    trimmed means), decisions, each rounding rule, tie rule and tier rule."""
    import shutil
    from fractions import Fraction

    from alliance_review.core.ranking import TierBand

    variants = [
        {},
        {"rounding": "half_even", "tie_rule": "name"},
        {"rounding": "down", "tie_rule": "roster", "tier_by": "printed"},
        {"tiers": (TierBand("高", Fraction(8150, 100)), TierBand("中", Fraction(6633, 100)),
                   TierBand("低", None))},
    ]  # fmt: skip
    for name, source in [("demo", demo_round), *generated.items()]:
        path = tmp_path / f"{name}.alr-round"
        shutil.copyfile(source, path)
        change_settings(path, consensus_method=method)
        for variant in variants:
            change_settings(path, **variant)
            expected = app_ranking_json(path)
            assert floor_ranking.ranking_json(path) == expected, (name, method, variant)
    decided = sqlite3.connect(generated["four"]).execute("SELECT COUNT(*) FROM decision")
    assert decided.fetchone()[0] > 0


def test_floor_query_applies_decisions_made_through_the_command_line(demo_round: Path) -> None:
    """Decisions recorded by ``decide`` (an indicator, a total) move the floor's ranking
    as they move the app's."""
    before = json.loads(floor_ranking.ranking_json(demo_round))
    last, first = before[-1]["name"], before[0]["name"]
    for args in (
        (last, "--points", "100", "--rationale", "复核"),
        (first, "--indicator", "1.1", "--points", "0", "--rationale", "复核"),
    ):
        done = run_cli("decide", demo_round, *args)
        assert done.returncode == 0, done.stderr
    app = run_cli("ranking", demo_round, "--json")
    assert floor_ranking.ranking_json(demo_round) == app.stdout
    after = {r["name"]: r for r in json.loads(app.stdout)}
    assert after[last]["rank"] == 1 and after[last]["total"] == "100"
    assert after[first]["rank"] > 1


# LibreOffice's peer of the appendix -------------------------------------------------------
def test_libreoffice_peer_workbook_is_laid_out_like_the_appendix(
    demo_round: Path, tmp_path: Path
) -> None:
    import appendix_peer
    from openpyxl import load_workbook

    from alliance_review.services.appendix_pdf import appendix_entries
    from alliance_review.services.pdf_choices import default_title
    from alliance_review.services.results import ranking_of

    out = tmp_path / "appendix.xlsx"
    appendix_peer.write_appendix_workbook(demo_round, out)
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "附件"
    assert sheet["A2"].value == default_title(2015)
    assert "A2:C2" in {str(r) for r in sheet.merged_cells.ranges}  # the title spans the table
    assert sheet["A2"].alignment.horizontal == "center"
    assert [sheet.cell(4, c).value for c in (1, 2, 3)] == ["序号", "联盟名称", "评分"]
    assert sheet.print_title_rows == "$4:$4"  # the column header on every page
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "portrait"
    assert "第 &P 页 共 &N 页" in sheet.oddFooter.center.text
    result = ranking_of(demo_round)
    entries = appendix_entries(result.ranking, result.settings.tiers)
    header_fill = sheet.cell(4, 1).fill.fgColor.rgb
    seen_heading = wrapped_tall = 0
    for offset, entry in enumerate(entries):
        row = 5 + offset
        cells = [sheet.cell(row, c) for c in (1, 2, 3)]
        for cell in cells if not hasattr(entry, "count") else cells[:1]:  # merged: one cell
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
        if hasattr(entry, "count"):  # a tier heading, spanning the table on its fill
            seen_heading += 1
            assert cells[0].value == entry.text
            assert f"A{row}:C{row}" in {str(r) for r in sheet.merged_cells.ranges}
            assert cells[0].fill.fgColor.rgb not in (None, "00000000", header_fill)
        else:
            assert [c.value for c in cells] == [
                entry.seq,
                entry.alliance.name,
                int(entry.printed_score),
            ]
            assert cells[1].alignment.wrap_text
            if sheet.row_dimensions[row].height > 30:
                wrapped_tall += 1
    assert seen_heading == 4 and wrapped_tall >= 1
    assert sheet.max_row == 4 + len(entries)


@pytest.mark.skipif(
    not any(Path(p, "soffice").exists() for p in ("/usr/bin", "/usr/local/bin")),
    reason="LibreOffice is not installed",
)
def test_libreoffice_peer_prints_the_appendix_rows_with_header_and_footer(
    demo_round: Path, tmp_path: Path
) -> None:
    """The converted PDF: the app's rows in the app's order, the column header and
    "第 N 页 共 M 页" on every page."""
    import shutil
    import subprocess

    import appendix_peer
    import pdfplumber

    workbook = tmp_path / "appendix.xlsx"
    appendix_peer.write_appendix_workbook(demo_round, workbook)
    argv = appendix_peer.convert_argv(
        shutil.which("soffice") or "soffice", workbook, tmp_path / "lo", tmp_path / "profile"
    )
    subprocess.run(argv, capture_output=True, check=True, timeout=180)
    app_pdf = tmp_path / "app.pdf"
    done = run_cli("export-pdf", demo_round, app_pdf)
    assert done.returncode == 0, done.stderr

    def pages(path: Path) -> list[str]:
        with pdfplumber.open(path) as pdf:
            return [page.extract_text() or "" for page in pdf.pages]

    ours, theirs = pages(app_pdf), pages(tmp_path / "lo" / "appendix.pdf")
    assert len(theirs) == len(ours)
    for number, text in enumerate(theirs, start=1):
        assert f"第 {number} 页 共 {len(theirs)} 页" in text
        assert "序号" in text and "联盟名称" in text and "评分" in text

    from alliance_review.services.results import ranking_of

    printed = "".join("".join(text.split()) for text in theirs)
    at = 0
    for row in ranking_of(demo_round).ranking:  # every row, in the app's order
        expected = f"{row.seq}{''.join(row.alliance.name.split())}{row.printed_score}"
        found = printed.find(expected, at)
        assert found >= 0, expected
        at = found + len(expected)


# xlsxwriter's peers of the workbooks ----------------------------------------------------------
@pytest.fixture(scope="module")
def small_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated round (median of 4 reviewers) with both kinds of decisions and notes
    and names that start like formulas."""
    from fractions import Fraction

    from alliance_review.services.panel import set_decision
    from alliance_review.storage.round_store import RoundStore

    path = rounds.build_round(
        tmp_path_factory.mktemp("small") / "small.alr-round", 40, per_alliance=4, seed=9,
        method="median",
    )  # fmt: skip
    with RoundStore.open(path) as store:
        ranked = [a.uid for a in store.alliances()]
        set_decision(store, ranked[0], "", Fraction(8725, 100), "=复核后认定")
        set_decision(store, ranked[1], "2.1", Fraction(3), "-补充材料")
        set_decision(store, ranked[2], "1.1", Fraction(5, 2), "复核")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE score SET note = '=SUM(A1:A2)' WHERE rowid % 97 = 0")
        conn.execute("UPDATE score SET note = '' WHERE rowid % 89 = 0")
        conn.execute("UPDATE alliance SET name = '+' || name WHERE position = 5")
    conn.close()
    return path


@pytest.fixture(scope="module")
def results_books(
    demo_round_master: Path, small_round: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path]]:
    """``export-xlsx`` (the command) and the peer's workbook of the demo and small rounds."""
    import xlsx_peers

    folder = tmp_path_factory.mktemp("results")
    books = {}
    for name, path in (("demo", demo_round_master), ("small", small_round)):
        app, peer = folder / f"app-{name}.xlsx", folder / f"peer-{name}.xlsx"
        done = run_cli("export-xlsx", path, app)
        assert done.returncode == 0, done.stderr
        xlsx_peers.results_workbook(path, peer)
        books[name] = (app, peer)
    return books


def test_xlsxwriter_peer_writes_the_results_workbook_the_app_writes(
    results_books: dict[str, tuple[Path, Path]], small_round: Path
) -> None:
    """``export-xlsx`` and the peer (SQL and xlsxwriter), cell by cell and setting by
    setting: values, formats, widths, frozen panes, filters, print set-up."""
    from openpyxl import load_workbook

    from tests.xlsx_compare import differences

    for app, peer in results_books.values():
        assert differences(app, peer) == []
    book = load_workbook(results_books["small"][1])
    decided = sqlite3.connect(small_round).execute("SELECT COUNT(*) FROM decision")
    assert book["最终决定"].max_row == 1 + decided.fetchone()[0] >= 4
    assert any(c.quotePrefix for row in book["评审专家评分"].iter_rows() for c in row)


def test_differences_are_found(
    results_books: dict[str, tuple[Path, Path]], small_round: Path, tmp_path: Path
) -> None:
    """The comparison is not blind: another round's workbook differs, and so does one
    written with a setting changed."""
    import xlsx_peers

    from tests.xlsx_compare import differences

    demo_app, _ = results_books["demo"]
    small_app, _ = results_books["small"]
    assert differences(demo_app, small_app)
    finish = xlsx_peers.Sheet.finish

    def portrait(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        finish(self, *args, **kwargs)
        self.sheet.set_portrait()

    other = tmp_path / "other.xlsx"
    xlsx_peers.Sheet.finish = portrait
    try:
        xlsx_peers.results_workbook(small_round, other)
    finally:
        xlsx_peers.Sheet.finish = finish
    assert any("paper" in line for line in differences(small_app, other))


def test_xlsxwriter_peer_writes_the_scoring_workbook_the_app_writes(tmp_path: Path) -> None:
    """``export-sheet`` and the peer on a filled reviewer file (scores, notes, ticks,
    self-evaluations) and on a newly issued one (blank entry cells), cell by cell and
    setting by setting: protection, validations, hidden columns and sheet, row heights."""
    import xlsx_peers

    from tests.xlsx_compare import differences

    files = tmp_path / "returned"
    done = run_cli("demo", tmp_path / "round.alr-round", "--reviewer-files", files)
    assert done.returncode == 0, done.stderr
    issued = tmp_path / "issued"
    done = run_cli("issue", tmp_path / "round.alr-round", issued)
    assert done.returncode == 0, done.stderr
    filled = sorted(files.iterdir())[0]
    empty = sorted(issued.iterdir())[0]
    for number, path in enumerate((filled, empty)):
        app, peer = tmp_path / f"app-{number}.xlsx", tmp_path / f"peer-{number}.xlsx"
        done = run_cli("export-sheet", path, app)
        assert done.returncode == 0, done.stderr
        assert xlsx_peers.scoring_sheet(path, peer) > 100
        assert differences(app, peer) == []
