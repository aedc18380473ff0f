"""The workspace's pieces without a window: the alliance list and its session."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import Qt

from alliance_review.gui.reviewer.alliance_list import AllianceFilterProxy, AllianceListModel
from alliance_review.gui.reviewer.session import ReviewerSession
from alliance_review.services.reviewer_workflow import Status
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.reviewer_support import issue_one, score_fully


def test_the_list_shows_status_and_totals_sorts_and_filters(qapp, demo_round: Path, tmp_path: Path):
    path = issue_one(demo_round, tmp_path / "issued")
    with ReviewerStore.open(path) as store:
        alliances = store.alliances()
        score_fully(store, alliances[2].uid)
        store.set_done(alliances[2].uid, True)
        store.set_score(alliances[4].uid, "1.1", Fraction(3), "")
    session = ReviewerSession(path)
    try:
        model = AllianceListModel(session)
        proxy = AllianceFilterProxy(model)
        assert model.index(2, model.STATUS).data() == model.status_text(Status.DONE)
        assert model.index(2, model.TOTAL).data() == "100"
        assert model.index(4, model.STATUS).data() == model.status_text(Status.IN_PROGRESS)
        assert model.index(4, model.TOTAL).data() == "3"
        assert model.index(0, model.TOTAL).data() == ""
        assert model.index(0, model.SELF_TOTAL).data() not in ("", None)
        proxy.sort(model.STATUS, Qt.SortOrder.DescendingOrder)
        assert proxy.uid_at(0) == alliances[2].uid  # done first
        assert proxy.uid_at(1) == alliances[4].uid
        proxy.sort(model.TOTAL, Qt.SortOrder.DescendingOrder)
        assert proxy.uid_at(0) == alliances[2].uid
        part = alliances[6].name[1:4]
        proxy.setFilterFixedString(part)
        names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
        assert alliances[6].name in names and all(part in n for n in names)
    finally:
        session.close()
