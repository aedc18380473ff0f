"""A self-evaluation workbook is bound to the alliance it was issued to (issue 11).

Issuing records a random token per alliance in the round and writes it on the workbook's
very hidden sheet; a returned workbook whose hidden alliance id was changed to another
alliance's is refused in one sentence naming the file, and that alliance's
self-evaluation stays exactly as it was. The command line and the window both."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from alliance_review.core.roster import Alliance
from alliance_review.services import selfeval
from alliance_review.services.selfeval_book import write_workbook
from alliance_review.services.setup import new_round
from alliance_review.storage.round_store import RoundStore

from .conftest import run_cli
from .panel_rounds import dump

ROSTER = [
    Alliance("a-1", "甲产业技术创新战略联盟", 0, "第一批"),
    Alliance("a-2", "乙产业技术创新战略联盟", 1, "第一批"),
    Alliance("a-3", "丙产业技术创新战略联盟", 2, "第二批"),
]


@pytest.fixture
def bound_round(tmp_path: Path) -> Path:
    return new_round(tmp_path / "round.sqlite", "2016年度评价", 2016, roster=ROSTER)


def fill(path: Path, score: object, note: str = "") -> Path:
    """An alliance fills 1.1 (and a note) in Excel; here openpyxl saves it."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[selfeval.FORM_SHEET]
    sheet.cell(selfeval.FIRST_ROW, 6).value = score
    sheet.cell(selfeval.FIRST_ROW, 7).value = note
    workbook.save(path)
    return path


def edit_meta(path: Path, out: Path, **changes: str) -> Path:
    """Change values on the very hidden sheet, as someone with openpyxl would."""
    workbook = openpyxl.load_workbook(path)
    meta = workbook[selfeval.META_SHEET]
    for row in meta.iter_rows():
        if row[0].value in changes:
            row[1].value = changes[row[0].value]
    workbook.save(out)
    return out


def meta_of(path: Path) -> dict[str, str]:
    sheet = openpyxl.load_workbook(path)[selfeval.META_SHEET]
    return {str(r[0].value): str(r[1].value or "") for r in sheet.iter_rows() if r[0].value}


def issued(round_path: Path, folder: Path, *extra: str) -> list[Path]:
    done = run_cli("selfeval-out", round_path, folder, *extra)
    assert done.returncode == 0, done.stderr
    return sorted(folder.iterdir())


def self_rows_of(round_path: Path, uid: str) -> dict[str, tuple[Fraction | None, str]]:
    with RoundStore.open(round_path) as store:
        return {code: v for (a, code), v in store.self_scores().items() if a == uid}


def test_a_workbook_edited_to_another_alliances_id_is_refused_and_that_alliance_unchanged(
    bound_round: Path, tmp_path: Path
):
    first, second, third = issued(bound_round, tmp_path / "out")
    tokens = [meta_of(p)["token"] for p in (first, second, third)]
    assert all(len(t) == 32 for t in tokens) and len(set(tokens)) == 3  # one per alliance
    with RoundStore.open(bound_round) as store:
        assert store.selfeval_tokens() == {a.uid: t for a, t in zip(ROSTER, tokens, strict=True)}
    # 乙 returns its own workbook first
    ok = run_cli("selfeval-in", bound_round, fill(second, 4, "乙的材料"))
    assert ok.returncode == 0, ok.stderr
    assert self_rows_of(bound_round, "a-2") == {"1.1": (Fraction(4), "乙的材料")}

    # 甲 fills its workbook and points the hidden id at 乙
    forged = edit_meta(fill(first, 0, "冒名"), tmp_path / "甲-改.xlsx", alliance_uid="a-2")
    assert meta_of(forged)["alliance_uid"] == "a-2"
    before = dump(bound_round, skip=())  # every table, the audit trail included
    alone = run_cli("selfeval-in", bound_round, forged)
    assert alone.returncode == 1
    assert "不是本轮次发给「乙产业技术创新战略联盟」" in alone.stderr
    assert "Traceback" not in alone.stderr and alone.stderr.count("甲-改.xlsx") == 1
    assert dump(bound_round, skip=()) == before  # nothing at all was written

    # with the others' good workbooks: they import, the forged one is named, 乙 unchanged
    mixed = run_cli("selfeval-in", bound_round, forged, fill(third, 2, "丙的材料"))
    assert mixed.returncode == 1
    assert "已导入：丙产业技术创新战略联盟" in mixed.stdout and "甲-改.xlsx" in mixed.stderr
    assert self_rows_of(bound_round, "a-2") == {"1.1": (Fraction(4), "乙的材料")}
    assert self_rows_of(bound_round, "a-3") == {"1.1": (Fraction(2), "丙的材料")}
    assert self_rows_of(bound_round, "a-1") == {}

    # the token copied as well (from 乙's own workbook, which 甲 does not have) would pass:
    # that is what the binding rests on; a guessed or foreign token does not
    for token in ("0" * 32, tokens[0], "甲" * 32, ""):
        guessed = edit_meta(first, tmp_path / "guess.xlsx", alliance_uid="a-2", token=token)
        refused = run_cli("selfeval-in", bound_round, guessed)
        assert refused.returncode == 1 and "guess.xlsx" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert self_rows_of(bound_round, "a-2") == {"1.1": (Fraction(4), "乙的材料")}


def test_the_same_refusal_in_english_and_with_all_or_nothing(bound_round, tmp_path: Path):
    first, second, _ = issued(bound_round, tmp_path / "out")
    forged = edit_meta(fill(first, 1), tmp_path / "forged.xlsx", alliance_uid="a-2")
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "alliance_review", "selfeval-in", str(bound_round), str(forged)],
        capture_output=True, text=True, encoding="utf-8",
        env=dict(os.environ, ALLIANCE_REVIEW_LANG="en", PYTHONIOENCODING="utf-8"),
    )  # fmt: skip
    assert done.returncode == 1
    assert "forged.xlsx is not the workbook this round issued to" in done.stderr
    strict = run_cli("selfeval-in", bound_round, "--all-or-nothing", fill(second, 3), forged)
    assert strict.returncode == 1 and "未导入任何内容" in strict.stderr
    assert self_rows_of(bound_round, "a-2") == {}


def test_reissuing_keeps_the_tokens_unless_new_ones_are_asked_for(bound_round, tmp_path: Path):
    early = issued(bound_round, tmp_path / "first")[0]
    again = issued(bound_round, tmp_path / "again")[0]
    assert meta_of(again)["token"] == meta_of(early)["token"]
    with RoundStore.open(bound_round) as store:
        entries = [e for e in store.audit_entries() if e.action == "selfeval"]
    assert len(entries) == 1  # the re-issue recorded nothing new
    assert run_cli("selfeval-in", bound_round, fill(early, 1)).returncode == 0

    rotated = issued(bound_round, tmp_path / "rotated", "--new-tokens")[0]
    assert meta_of(rotated)["token"] != meta_of(early)["token"]
    old = run_cli("selfeval-in", bound_round, fill(early, 2))
    assert old.returncode == 1 and early.name in old.stderr
    assert self_rows_of(bound_round, "a-1") == {"1.1": (Fraction(1), "")}
    assert run_cli("selfeval-in", bound_round, fill(rotated, 3)).returncode == 0
    assert self_rows_of(bound_round, "a-1") == {"1.1": (Fraction(3), "")}


def test_workbooks_issued_before_tokens_existed(bound_round: Path, tmp_path: Path):
    """A round whose workbooks went out before tokens existed has nothing to check them
    against: they are read as before. Once the round issues bound workbooks, a workbook
    without a token is refused (it cannot be told from one whose token was erased)."""
    with RoundStore.open(bound_round) as store:
        rubric, settings = store.rubric(), store.settings()
    legacy = tmp_path / "legacy-甲.xlsx"
    write_workbook(legacy, rubric, ROSTER[0], settings.uid, settings.title, settings.period)
    assert meta_of(legacy)["token"] == ""
    assert run_cli("selfeval-in", bound_round, fill(legacy, 2)).returncode == 0
    assert self_rows_of(bound_round, "a-1") == {"1.1": (Fraction(2), "")}

    issued(bound_round, tmp_path / "out")  # now the round records tokens
    refused = run_cli("selfeval-in", bound_round, fill(legacy, 5))
    assert refused.returncode == 1
    assert "legacy-甲.xlsx" in refused.stderr and "没有本轮次发出时记录的识别码" in refused.stderr
    assert self_rows_of(bound_round, "a-1") == {"1.1": (Fraction(2), "")}


def test_removing_an_alliance_and_undoing_keeps_its_workbook_importable(bound_round, tmp_path):
    first = issued(bound_round, tmp_path / "out")[0]
    with RoundStore.open(bound_round) as store:
        with store.atomic():
            removed = store.remove_alliance("a-1")
        assert "a-1" not in store.selfeval_tokens()
        with store.atomic():
            store.restore_alliance(removed)
        assert store.selfeval_tokens()["a-1"] == meta_of(first)["token"]
    assert run_cli("selfeval-in", bound_round, fill(first, 1)).returncode == 0


def test_a_locked_round_issues_no_workbooks(bound_round: Path, tmp_path: Path):
    conn = sqlite3.connect(bound_round)
    with conn:
        conn.execute("UPDATE round SET locked = 1")
    conn.close()
    done = run_cli("selfeval-out", bound_round, tmp_path / "out")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "锁定" in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_selfeval_out_never_writes_over_the_round(bound_round: Path, tmp_path: Path):
    """A workbook's proposed name that is a link to the round file is refused before
    anything is recorded or written."""
    out = tmp_path / "out"
    out.mkdir()
    (out / selfeval.file_name(ROSTER[1])).symlink_to(bound_round)
    before = dump(bound_round, skip=())
    done = run_cli("selfeval-out", bound_round, out)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "不能覆盖输入" in done.stderr
    assert dump(bound_round, skip=()) == before  # no token recorded either
    assert sorted(p.name for p in out.iterdir()) == [selfeval.file_name(ROSTER[1])]


# the window ------------------------------------------------------------------------------
def test_the_window_refuses_the_forged_workbook_and_imports_the_good_ones(
    qtbot, bound_round: Path, tmp_path: Path, monkeypatch
):
    from alliance_review.gui.main_window import MainWindow
    from tests.gui_support import settle

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(bound_round)
    store = window.view.store
    page = window.view.tab_by_name["setup"].show_page("selfeval")

    folder = tmp_path / "wb"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    page.generate_button.click()
    settle(qtbot)
    first, second, third = sorted(folder.iterdir())
    assert store.selfeval_tokens()["a-1"] == meta_of(first)["token"]

    fill(second, 4, "乙的材料")
    forged = edit_meta(fill(first, 0, "冒名"), tmp_path / "甲-改.xlsx", alliance_uid="a-2")
    fill(third, 2)
    chosen = [str(second), str(forged), str(third)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    page.import_button.click()
    settle(qtbot)
    dialog = page.preview
    assert dialog is not None and dialog.import_button.isEnabled()
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    result = dialog.table.item(rows["甲-改.xlsx"], 3).text()
    assert "甲-改.xlsx" in result and ("乙产业技术创新战略联盟" in result)
    assert dialog.table.item(rows["甲-改.xlsx"], 1).text() == ""  # claimed for nobody
    assert dialog.table.item(rows[second.name], 3).text() in ("accepted", "通过")
    assert store.self_scores() == {}  # a preview writes nothing
    dialog.import_button.click()
    settle(qtbot)
    scores = store.self_scores()
    assert scores[("a-2", "1.1")] == (Fraction(4), "乙的材料")  # 乙's own, not 甲's
    assert scores[("a-3", "1.1")] == (Fraction(2), "")
    assert not any(uid == "a-1" for uid, _ in scores)
    assert warnings == []
    window.action_registry["undo"].trigger()
    assert store.self_scores() == {}
