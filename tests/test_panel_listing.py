"""The panel lists the alliances before its analysis is in (issue 23).

At 10,000 alliances the analysis takes seconds; the overview shows every alliance with
its rank, the reviewers' totals, the consensus, the spread, tier and conflicts as soon as
the ranking is read (a few queries), so it can be sorted and filtered at once. The
flags, normalised totals and computed consensus follow with the analysis, which then
replaces the rows. Here the analysis is held back until the listing has been checked.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.gui_support import settle


def test_the_panel_lists_every_alliance_before_the_analysis(
    qtbot, demo_round: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance_review.gui.main_window import MainWindow
    from alliance_review.gui.panel import overview as overview_module
    from alliance_review.gui.panel import tab as panel_tab

    release = threading.Event()
    analyse = panel_tab.analyse_file

    def held_back(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert release.wait(60)
        return analyse(*args, **kwargs)

    monkeypatch.setattr(panel_tab, "analyse_file", held_back)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_round)
    qtbot.waitUntil(lambda: window.view is not None and "panel" in window.view.tab_by_name)
    panel = window.view.tab_by_name["panel"]
    window.view.tabs.setCurrentWidget(panel)
    model = panel.overview.model
    qtbot.waitUntil(lambda: model.rowCount() == 125, timeout=30_000)
    assert panel.analysis is None  # listed before the analysis
    listed = list(model.rows)
    assert "正在计算分析" in panel.overview.summary.text()
    panel.overview.search.setText("产业技术")  # filtered and sorted at once
    assert 0 < model.rowCount() <= 125
    panel.overview.search.setText("")
    release.set()
    settle(qtbot)
    assert panel.analysis is not None
    full, _ = overview_module.overview_rows(panel.analysis, panel.names)
    assert [r[overview_module.UID] for r in listed] == [r[overview_module.UID] for r in full]
    o = overview_module
    shared = (o.RANK, o.NAME, o.REVIEWERS, o.TOTAL, o.SPREAD, o.SPREAD_WIDE, o.TIER,
              o.CONFLICTS, o.DECIDED_)  # fmt: skip
    for before, after in zip(listed, full, strict=True):
        assert [before[c] for c in shared] == [after[c] for c in shared]
    assert any(r[overview_module.FLAGS] for r in model.rows)  # the analysis's flags now
    assert "需要讨论" in panel.overview.summary.text()


def test_the_listings_reviewer_totals_are_the_results(demo_round: Path) -> None:
    """The reviewers' totals of one GROUP BY are those the results add up per alliance."""
    from fractions import Fraction

    from alliance_review.services.results import compute
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(demo_round) as store:
        totals = store.reviewer_totals_centi()
        result = compute(store)
        for uid, found in totals.items():
            expected = result.results[uid].reviewer_totals
            assert {r: Fraction(c, 100) for r, c in found} == dict(expected)
        assert len(totals) == len(result.ranking) == 125
