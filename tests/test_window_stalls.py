"""A round of 10,000 alliances (60 reviewers, 20 indicators, 3 reviewers each: 600,000
scores) opens and takes a score edit without the window stalling.

A timer on the GUI thread (``gap_meter``) must see no gap over 300 ms of ours while the
round opens, the panel's analysis and the ranking fill in from the background, the
filter narrows the overview, and the panel records a decision on one indicator of one
alliance (the panel's score edit) and the analysis and the ranking follow it. This is a
behaviour test with a generous bound, not a speed benchmark (``bench/run`` times it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.storage.round_store import RoundStore

from .gap_meter import GapMeter
from .gui_support import settle, type_text

BENCH = Path(__file__).parents[1] / "bench"


@pytest.fixture(scope="module")
def ten_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCH))  # the benchmarks' seeded round generator
    try:
        from rounds import build_round
    finally:
        sys.path.remove(str(BENCH))
    return build_round(tmp_path_factory.mktemp("ten-thousand") / "round.sqlite", 10_000)


@pytest.mark.slow
def test_opening_ten_thousand_alliances_and_editing_a_score_keep_the_window_turning(  # type: ignore[no-untyped-def]
    qtbot, ten_thousand, tmp_path
):
    round_path = shutil.copyfile(ten_thousand, tmp_path / "round.sqlite")
    i18n.set_language("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with GapMeter(threshold=0.3) as meter:
        assert window.open_path(round_path)  # a large file: checked in the background
        settle(qtbot, 600_000)
        panel = window.view.tab_by_name["panel"]
        window.view.tabs.setCurrentWidget(panel)
        settle(qtbot, 600_000)
        overview = panel.overview
        assert overview.table.model().rowCount() == 10_000
        results = window.view.tab_by_name["results"]
        window.view.tabs.setCurrentWidget(results)
        settle(qtbot, 600_000)
        assert results.table.model().rowCount() == 10_000
        window.view.tabs.setCurrentWidget(panel)
        type_text(overview.search, "05000")
        assert overview.table.model().rowCount() == 1
        uid = overview.table.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 2)
        dialog = panel.decide(uid, "1.1")
        assert dialog is not None
        dialog.points.setValue(5)
        type_text(dialog.rationale, "集中讨论后确定")
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        settle(qtbot, 600_000)
        window.view.tabs.setCurrentWidget(results)
        settle(qtbot, 600_000)
    print("\n10,000 alliances, open and one decision:", meter.report())
    with RoundStore.open(round_path) as store:
        assert store.decisions()[(uid, "1.1")][0] == 5
    # the kept analysis and ranking followed the edit: the alliance's consensus on 1.1 is 5
    assert panel.analysis is not None and panel.analysis.decisions[(uid, "1.1")][0] == 5
    shown = panel.analysis.result.results[uid].indicator_consensus["1.1"]
    assert shown == 5
    assert meter.ours() == [], meter.report()
