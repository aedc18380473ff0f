"""The change notice: one per user action, saying what changed (which alliances' scores
or decisions, which settings); tabs refresh only what depends on it, and the panel
recomputes its analysis only when one of its inputs changed, off the GUI thread."""

from __future__ import annotations

import threading
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.notice import EVERY, EVERYTHING, Alliances, Aspect, Change
from alliance_review.gui.panel import tab as panel_tab
from alliance_review.gui.panel.commands import DecisionCommand
from alliance_review.gui.undo import perform

from . import panel_rounds as pr
from .gui_support import settle


def test_a_change_names_its_alliances_and_settings_and_joins_with_another():
    decided = Change(decisions=Alliances.of(["a1"]))
    merged = Change(scores=Alliances.of(["a2", "a3"]), merge_log=True)
    both = decided | merged
    assert both.aspects() == {Aspect.DECISIONS, Aspect.SCORES, Aspect.MERGE_LOG}
    assert "a1" in both.decisions and "a1" not in both.scores
    assert both.alliances() == Alliances.of(["a1", "a2", "a3"])
    assert not Change() and bool(both)
    method = Change(settings=frozenset({"consensus_method"}))
    assert method.touches_settings("consensus_method", "tiers")
    assert not method.touches_settings("title")
    assert EVERYTHING.touches_settings("title") and "any-uid" in EVERYTHING.scores
    assert (Alliances.of(["a1"]) | EVERY).every


@pytest.fixture
def merged_round(tmp_path: Path) -> Path:
    from alliance_review.services.merge import merge_into

    round_path = pr.build_round(tmp_path / "round.sqlite")
    merge_into(round_path, pr.submitted(round_path, tmp_path).values())
    return round_path


@pytest.fixture
def counted(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The panel's analyses, by the thread that computed each."""
    threads: list[str] = []
    real = panel_tab.analyse_file

    def analyse_file(*args):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(panel_tab, "analyse_file", analyse_file)
    return threads


def open_panel(qtbot, path: Path):  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    panel = window.view.tab_by_name["panel"]
    window.view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    notices: list[Change] = []
    window.view.context.changed.connect(notices.append)
    return window, panel, notices


def test_each_action_announces_once_what_it_changed(qtbot, merged_round, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window, panel, notices = open_panel(qtbot, merged_round)
    context = window.view.context
    perform(context.undo_stack, DecisionCommand(context, "a5", "2.2", Fraction(10), "讨论决定"))
    assert notices == [Change(decisions=Alliances.of(["a5"]))]
    window.action_registry["undo"].trigger()
    assert notices[-1] == Change(decisions=Alliances.of(["a5"])) and len(notices) == 2
    settings = window.view.tab_by_name["setup"].show_page("settings")
    settings.title.setText("改过的标题")
    assert settings.apply()
    assert notices[-1] == Change(settings=frozenset({"title"})) and len(notices) == 3
    panel.toggle_lock(confirm=False)
    assert notices[-1] == Change(lock=True) and len(notices) == 4
    settle(qtbot)


def test_a_merge_announces_the_alliances_of_its_files(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    round_path = pr.build_round(tmp_path / "round.sqlite")
    files = pr.submitted(round_path, tmp_path)
    window, panel, notices = open_panel(qtbot, round_path)
    dialog = panel.merge_files()
    qtbot.addWidget(dialog)
    dialog.add_paths([files["r0"]])
    settle(qtbot)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    mine = {a for a, reviewers in pr.assignment().items() if "r0" in reviewers}
    assert notices == [Change(scores=Alliances.of(mine), merge_log=True)]


def test_the_panel_recomputes_only_when_its_inputs_change_and_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, merged_round, counted, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window, panel, notices = open_panel(qtbot, merged_round)
    computed = len(counted)
    assert computed >= 1 and threading.main_thread().name not in counted
    setup = window.view.tab_by_name["setup"]
    # edits the analysis does not depend on: the round's title, an assignment, locking
    settings = setup.show_page("settings")
    settings.title.setText("另一个标题")
    assert settings.apply()
    assignment = setup.show_page("assignment")
    unscored = next(
        (a.uid, r.uid)
        for a in pr.ALLIANCES
        for r in pr.REVIEWERS
        if r.uid not in pr.assignment()[a.uid] and a.uid not in r.own_alliances
    )
    assert assignment.set_pair(*unscored, True)
    panel.toggle_lock(confirm=False)
    settle(qtbot)
    assert len(counted) == computed
    assert "Locked as final" in panel.state.text()  # the state follows without recomputing
    panel.toggle_lock(confirm=False)
    # an input: a decision on one alliance recomputes once, in the background
    context = window.view.context
    perform(context.undo_stack, DecisionCommand(context, "a5", "", Fraction(80), "讨论决定"))
    settle(qtbot)
    assert len(counted) == computed + 1 and counted[-1] != threading.main_thread().name
    assert len(notices) == 5


def test_a_hidden_tab_refreshes_when_shown_and_a_setup_page_only_when_touched(  # type: ignore[no-untyped-def]
    qtbot, merged_round, counted, monkeypatch
):
    window, panel, notices = open_panel(qtbot, merged_round)
    computed = len(counted)
    setup = window.view.tab_by_name["setup"]
    window.view.tabs.setCurrentWidget(setup)
    roster = setup.show_page("roster")
    refreshed: list[Change] = []
    monkeypatch.setattr(roster, "refresh", lambda: refreshed.append(Change()))
    context = window.view.context
    perform(context.undo_stack, DecisionCommand(context, "a5", "", Fraction(80), "讨论决定"))
    settle(qtbot)
    assert refreshed == [] and len(counted) == computed  # hidden panel: marked stale only
    window.view.tabs.setCurrentWidget(panel)
    settle(qtbot)
    assert len(counted) == computed + 1
    assert panel.analysis is not None and ("a5", "") in panel.analysis.decisions
