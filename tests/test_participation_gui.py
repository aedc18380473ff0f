"""Participation through the window: mark a pilot as not taking part, with a reason; undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.round_tabs.setup import PAGE_NAMES
from alliance_review.gui.setup.roster_page import RosterModel
from alliance_review.services.demo import build_demo
from alliance_review.services.statistics_report import round_statistics_of
from tests.gui_support import type_text


def open_roster(qtbot, path: Path):
    i18n.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    setup = window.view.tab_by_name["setup"]
    page = setup.pages["roster"]
    setup.steps.setCurrentRow(PAGE_NAMES.index("roster"))
    assert setup.stack.currentWidget() is page and page.model.alliances
    return window, page


def select(page, name: str) -> str:
    uid = next(a.uid for a in page.model.alliances if a.name == name)
    page.select_uid(uid)
    assert page.selected_uid() == uid
    return uid


def part_text(page, uid: str) -> str:
    row = next(i for i, a in enumerate(page.model.alliances) if a.uid == uid)
    return page.model.index(row, RosterModel.PART).data()


@pytest.fixture
def unscored_round(tmp_path: Path) -> Path:
    """The demo round as set up before any reviewer file came back (assigned, no scores)."""
    return build_demo(tmp_path / "before-merge.sqlite", reviewer_files=tmp_path / "files")


def test_mark_an_assigned_alliance_as_not_taking_part_and_undo(qtbot, unscored_round, refusals):
    window, page = open_roster(qtbot, unscored_round)
    store = window.view.store
    name = "TD 产业技术创新战略联盟"
    uid = select(page, name)
    assigned = store.assigned_reviewers(uid)
    assert len(assigned) == 3 and part_text(page, uid) == "是"
    page.buttons["participation"].click()
    dialog = page.participation_dialog
    dialog.absent.setChecked(True)
    dialog.reason.setCurrentText("延误提交")
    dialog.note.setFocus()
    type_text(dialog.note, "3月2日寄出，逾期未回")
    dialog.accept()
    assert refusals == []
    assert store.non_participants()[uid] == ("延误提交", "3月2日寄出，逾期未回")
    assert store.assigned_reviewers(uid) == ()  # no reviewers for a non-participant
    assert part_text(page, uid) == "否：延误提交"
    setup = window.view.tab_by_name["setup"]
    setup.steps.setCurrentRow(PAGE_NAMES.index("assignment"))
    matrix = {a.uid for a in setup.pages["assignment"].model.alliances}
    assert uid not in matrix and len(matrix) == 124
    setup.steps.setCurrentRow(PAGE_NAMES.index("roster"))
    window.view.undo_stack.undo()
    assert uid not in store.non_participants()
    assert store.assigned_reviewers(uid) == assigned  # the same reviewers come back
    window.view.undo_stack.redo()
    assert store.non_participants()[uid][0] == "延误提交"


def test_a_placeholder_takes_part_and_a_scored_alliance_cannot_be_marked(
    qtbot, demo_round, refusals
):
    window, page = open_roster(qtbot, demo_round)
    store = window.view.store
    placeholder = select(page, "未参评试点联盟（虚构占位）01")
    reason, note = store.non_participants()[placeholder]
    assert part_text(page, placeholder) == f"否：{reason}"
    assert "21 家未参评" in page.summary.text() or "21" in page.summary.text()
    page.buttons["participation"].click()
    page.participation_dialog.takes_part.setChecked(True)
    page.participation_dialog.accept()
    assert placeholder not in store.non_participants()
    window.view.undo_stack.undo()
    assert store.non_participants()[placeholder] == (reason, note)

    scored = select(page, "半导体照明产业技术创新战略联盟")
    page.buttons["participation"].click()
    page.participation_dialog.absent.setChecked(True)
    page.participation_dialog.accept()
    assert len(refusals) == 1 and "评审专家评分，不能标为未参评" in refusals[0]
    assert scored not in store.non_participants()
    stats = round_statistics_of(demo_round)
    assert stats.participation is not None and stats.participation.not_taking_part == 21


def test_the_list_of_reasons_is_edited_with_undo(qtbot, demo_round, refusals):
    window, page = open_roster(qtbot, demo_round)
    store = window.view.store
    before = store.participation_reasons()
    assert before == ["联系不畅", "不愿提供", "延误提交"]
    marked = [u for u, (r, _) in store.non_participants().items() if r == "联系不畅"]
    page.buttons["reasons"].click()
    dialog = page.reasons_dialog
    dialog.list.setCurrentRow(0)
    dialog.rename("秘书处联系不上")
    dialog.add("已退出试点")
    dialog.list.setCurrentRow(1)  # 不愿提供 is in use: removing it is refused as a whole
    dialog.accept()
    assert refusals == []
    assert store.participation_reasons() == ["秘书处联系不上", "不愿提供", "延误提交", "已退出试点"]
    assert all(store.non_participants()[u][0] == "秘书处联系不上" for u in marked)
    window.view.undo_stack.undo()
    assert store.participation_reasons() == before
    assert all(store.non_participants()[u][0] == "联系不畅" for u in marked)
    page.buttons["reasons"].click()
    dialog = page.reasons_dialog
    dialog.list.setCurrentRow(1)
    dialog.remove()
    dialog.accept()
    assert len(refusals) == 1 and "不能删除" in refusals[0]
    assert store.participation_reasons() == before


def test_participation_from_the_command_line(unscored_round: Path):
    from tests.conftest import run_cli

    listed = run_cli("participation", unscored_round)
    assert (
        listed.returncode == 0 and "试点联盟 146 家，参评 125 家，未参评 21 家。" in listed.stdout
    )
    name = "化纤产业技术创新战略联盟"
    marked = run_cli(
        "participation", unscored_round, "--not-taking-part", name, "--reason", "联系不畅"
    )
    assert marked.returncode == 0, marked.stderr
    assert f"{name}  联系不畅" in marked.stdout and "未参评 22 家" in marked.stdout
    no_reason = run_cli(
        "participation", unscored_round, "--not-taking-part", "TD 产业技术创新战略联盟"
    )
    assert no_reason.returncode == 1 and "--reason" in no_reason.stderr
    back = run_cli("participation", unscored_round, "--taking-part", name)
    assert back.returncode == 0 and "未参评 21 家" in back.stdout
