"""The one background-recompute state machine (``gui.recompute.Recompute``) behind the
ranking tab and the panel's analysis: a hidden tab catches up when shown, a change while
computing computes once more after with everything gathered (an out-of-date result is
never shown), a failure or a cancel starts afresh on the next change."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from alliance_review.gui.notice import EVERYTHING, Alliances, Change
from alliance_review.gui.recompute import Recompute
from alliance_review.gui.tasks import TaskCancelled
from tests.gui_support import open_in_window, settle


class Jobs:
    """Each job returns the change it was given, once its gate opens."""

    def __init__(self) -> None:
        self.given: list[Change] = []
        self.shown: list[Change] = []
        self.failures: list[BaseException] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fail_with: BaseException | None = None

    def prepare(self, change: Change) -> Callable[[], Change]:
        self.given.append(change)
        fail = self.fail_with

        def job() -> Change:
            assert self.gate.wait(30)
            if fail is not None:
                raise fail
            return change

        return job


def scores(*uids: str) -> Change:
    return Change(scores=Alliances.of(uids))


def make(qtbot, visible: bool) -> tuple[Recompute[Change], Jobs, QWidget]:
    owner = QWidget()
    qtbot.addWidget(owner)
    if visible:
        owner.show()
    jobs = Jobs()
    recompute = Recompute(owner, lambda: "…", jobs.prepare, jobs.shown.append, jobs.failures.append)
    return recompute, jobs, owner


def test_a_hidden_owner_computes_when_shown_with_all_changes_gathered(qtbot):
    recompute, jobs, owner = make(qtbot, visible=False)
    recompute.pending = Change()  # computed once already
    recompute.changed(scores("a"))
    recompute.changed(scores("b"))
    assert jobs.given == [] and recompute.stale
    owner.show()
    recompute.shown()
    qtbot.waitUntil(lambda: jobs.shown != [])
    assert jobs.given == [scores("a", "b")] and jobs.shown == [scores("a", "b")]
    assert not recompute.stale and not recompute.running
    recompute.shown()  # nothing changed since: nothing computed again
    settle(qtbot)
    assert len(jobs.given) == 1


def test_a_change_while_computing_computes_once_more_and_only_the_latest_is_shown(qtbot):
    recompute, jobs, _owner = make(qtbot, visible=True)
    recompute.pending = Change()
    jobs.gate.clear()
    recompute.changed(scores("a"))
    assert recompute.running
    recompute.changed(scores("b"))
    recompute.changed(scores("c"))
    assert jobs.given == [scores("a")]  # one computation at a time
    jobs.gate.set()
    qtbot.waitUntil(lambda: jobs.shown != [])
    settle(qtbot)
    assert jobs.given == [scores("a"), scores("b", "c")]
    assert jobs.shown == [scores("b", "c")]  # the result for "a" alone was out of date


def test_a_failure_starts_afresh_on_the_next_change(qtbot):
    recompute, jobs, _owner = make(qtbot, visible=True)
    recompute.pending = Change()
    jobs.fail_with = OSError("disk gone")
    recompute.changed(scores("a"))
    qtbot.waitUntil(lambda: jobs.failures != [])
    assert str(jobs.failures[0]) == "disk gone" and jobs.shown == []
    assert recompute.stale and not recompute.running
    jobs.fail_with = None
    recompute.changed(scores("b"))
    qtbot.waitUntil(lambda: jobs.shown != [])
    assert jobs.given[-1] == EVERYTHING  # what the failed run gathered is not trusted


def test_a_cancel_starts_afresh_too(qtbot):
    recompute, jobs, _owner = make(qtbot, visible=True)
    recompute.pending = Change()
    jobs.fail_with = TaskCancelled()
    jobs.gate.clear()
    recompute.changed(scores("a"))
    assert recompute.task is not None
    recompute.task.cancel()
    jobs.gate.set()
    qtbot.waitUntil(lambda: not recompute.running)
    assert jobs.shown == [] and jobs.failures == [] and recompute.stale
    assert recompute.pending == EVERYTHING


def test_the_ranking_and_the_panel_use_it(qtbot, round_path: Path):
    """Both tabs follow a change through the one helper and show the new figures."""
    window = open_in_window(qtbot, round_path)
    view = window.view
    for name in ("results", "panel"):
        tab = view.tab_by_name[name]
        assert isinstance(tab.recompute, Recompute)
        view.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda tab=tab: not tab.recompute.running and not tab.recompute.stale)
    results = view.tab_by_name["results"]
    assert results.result is not None and view.tab_by_name["panel"].analysis is not None
