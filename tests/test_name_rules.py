"""One set of name rules for every way a name enters (issue 19, issue 17): an imported
list, ``reviewers add``, ``roster add``/``rename``, ``batches add``, the window's roster
and reviewer edits. A control character (BEL), a character that turns text round (RLO)
and a 5,002-character name are refused in one sentence with the same reason wherever
they come from; the round is left as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from alliance_review.core import name_rules
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.setup.roster_model import RosterModel
from alliance_review.services import roster_io
from alliance_review.storage.round_store import RoundStore

from .conftest import run_cli

BAD = {
    "bel": ("甲\x07联盟", "含有不可见的控制字符（U+0007）"),
    "rlo": ("\u202e盟联甲", "含有改变文字方向的控制字符（U+202E）"),
    "long": ("长" * 5002, "有 5002 个字符"),
}


def digest(path: Path) -> str:
    with RoundStore.open(path) as store:
        return hashlib.sha256(
            repr((store.register(), store.reviewers(), store.batches())).encode()
        ).hexdigest()


def one_sentence(text: str, reason: str) -> None:
    assert reason in text and "Traceback" not in text
    assert text.strip().count("\n") == 0 and text.strip().endswith("。")


@pytest.mark.parametrize("kind", BAD)
def test_an_imported_name_is_refused_naming_its_cell(tmp_path: Path, kind: str):
    name, reason = BAD[kind]
    source = tmp_path / "名单.csv"
    source.write_text(f"联盟名称,批次\n{name},第一批\n乙联盟,第一批\n", encoding="utf-8")
    plan = roster_io.roster_plan(source)
    (refused,) = [p for p in plan.problems if p.blocking]
    assert refused.zh.startswith("第 2 行 A 列") and reason in refused.zh
    one_sentence(refused.zh, reason)
    assert [a.name for a in plan.listed()] == ["乙联盟"]  # the other row is still taken


@pytest.mark.parametrize("kind", BAD)
@pytest.mark.parametrize(
    "command",
    [
        ("roster", "add", "{name}"),
        ("roster", "rename", "TD 产业技术创新战略联盟", "{name}"),
        ("reviewers", "add", "{name}"),
        ("batches", "add", "{name}"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_name_on_the_command_line_is_refused_as_the_imports_refuse_it(
    demo_round: Path, kind: str, command: tuple[str, ...]
):
    name, reason = BAD[kind]
    if command[0] == "batches" and kind == "long":
        reason = f"超过 {name_rules.BATCH_NAME_CHARS} 个"
    before = digest(demo_round)
    args = [part.format(name=name) for part in command]
    done = run_cli(args[0], demo_round, *args[1:])
    assert done.returncode == 1
    one_sentence(done.stderr, reason)
    assert digest(demo_round) == before


@pytest.fixture
def refusals(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


def test_names_typed_in_the_window_are_refused_as_the_imports_refuse_them(
    qtbot, demo_round: Path, refusals
):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_round)
    setup = window.view.tab_by_name["setup"]
    page = setup.show_page("roster")
    store = window.view.store
    before = store.register()
    for name, reason in BAD.values():
        # an alliance's name edited in its cell, and its short name
        assert not page.model.setData(
            page.model.index(1, RosterModel.NAME), name, Qt.ItemDataRole.EditRole
        )
        one_sentence(refusals[-1], reason)
        assert not page.model.setData(
            page.model.index(1, RosterModel.SHORT), name, Qt.ItemDataRole.EditRole
        )
        assert reason.split("（")[0][:6] in refusals[-1] or "超过" in refusals[-1]
        # a new alliance typed into the add path
        assert not page.add_alliance(name)
        one_sentence(refusals[-1], reason)
    assert store.register() == before
    # a reviewer's name typed in the reviewer dialog
    reviewers = setup.show_page("reviewers")
    count = len(store.reviewers())
    for name, reason in BAD.values():
        dialog = reviewers.open_dialog(None)
        dialog.name.setText(name)
        assert not reviewers.save_new(dialog)
        one_sentence(refusals[-1], reason)
        dialog.reject()
    assert len(store.reviewers()) == count
    window.close_file()


def test_decide_finds_the_alliance_with_spacing_folded_as_the_imports_do(demo_round: Path):
    # the demo writes "TD 产业…" (a space); a secretary types it without, or wrapped
    done = run_cli("decide", demo_round, "TD产业技术创新\n战略联盟", "--points", "99",
                   "--rationale", "复核后调整")  # fmt: skip
    assert done.returncode == 0, done.stderr
    with RoundStore.open(demo_round) as store:
        uid = next(a.uid for a in store.alliances() if a.name == "TD 产业技术创新战略联盟")
        assert store.decisions()[(uid, "")][0] == 99


def test_a_refused_participation_reason_lists_the_reasons(demo_round: Path):
    done = run_cli("participation", demo_round, "--not-taking-part", "TD产业技术创新战略联盟",
                   "--reason", "其他")  # fmt: skip
    assert done.returncode == 1
    assert "可选：联系不畅、不愿提供、延误提交" in done.stderr
