"""One set-up page base (``gui.setup.page.SetupPage``) and one registry
(``round_tabs.setup.PAGES``): a page added there, and nowhere else, is a step of the
set-up tab with its label, refreshed by the changes it depends on."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

from alliance_review.gui import setup as setup_package
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_tabs import setup as setup_tab
from alliance_review.gui.setup.page import SetupPage
from tests.gui_support import open_setup, settle


def test_every_set_up_page_is_registered_once_in_order():
    for module in pkgutil.iter_modules(setup_package.__path__):
        importlib.import_module(f"{setup_package.__name__}.{module.name}")
    pages = {
        p for p in SetupPage.__subclasses__() if p.__module__.startswith(setup_package.__name__)
    }
    assert pages == set(setup_tab.PAGES)
    assert setup_tab.PAGE_NAMES == (
        "settings", "rubric", "roster", "reviewers", "assignment", "selfeval", "documents",
        "issue",
    )  # fmt: skip
    assert all(page.depends_on and Aspect.LOCK in page.depends_on for page in pages)


class TrialPage(SetupPage):
    name = "trial"
    depends_on = frozenset({Aspect.ROSTER})

    def __init__(self, context, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(context, parent)
        self.refreshed = 0
        self.retranslated = 0

    @staticmethod
    def step_label() -> str:
        return "Trial step"

    def retranslate(self) -> None:
        self.retranslated += 1

    def refresh(self) -> None:
        self.refreshed += 1


def test_a_page_registered_in_one_place_is_a_step(
    qtbot, demo_round: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(setup_tab, "PAGES", (*setup_tab.PAGES, TrialPage))
    window, tab = open_setup(qtbot, demo_round)
    steps = [tab.steps.item(row).text() for row in range(tab.steps.count())]
    assert steps[0] == "1. 评价轮次" and steps[-1] == "9. Trial step"
    page = tab.show_page("trial")
    assert isinstance(page, TrialPage) and tab.stack.currentWidget() is page
    shown = page.refreshed
    context = window.view.context
    context.announce(Change(roster=True))  # what it depends on: refreshed now
    settle(qtbot)
    assert page.refreshed == shown + 1
    context.announce(Change(reviewers=True))  # not its concern
    settle(qtbot)
    assert page.refreshed == shown + 1
    tab.show_page("settings")
    context.announce(Change(roster=True))  # hidden: refreshed when shown again
    settle(qtbot)
    assert page.refreshed == shown + 1
    tab.show_page("trial")
    assert page.refreshed == shown + 2
