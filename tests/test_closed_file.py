"""A window whose file was closed keeps no page that reads it: switching the language in
another window (or in this one, back on its start page) reaches every widget still alive,
and a page of the closed round used to re-read the closed file and raise."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from alliance_review.gui import i18n

from .gui_support import open_in_window as open_window
from .gui_support import settle
from .test_reviewer_entry import issue_one


def test_switching_the_language_after_closing_a_round_reads_nothing(qtbot, demo_round):  # type: ignore[no-untyped-def]
    closed, other = open_window(qtbot, demo_round), open_window(qtbot, demo_round)
    pages = closed.view.tab_by_name["setup"].pages.values()  # they re-read on a language change
    closed.close_file()  # its view is dropped later (deleteLater), its file closed now
    # what a language switched meanwhile delivers to every widget still alive (Qt sends it
    # from a window to its children synchronously); before the fix a page re-read the
    # closed file, and the exception raised inside the event killed the process
    for page in pages:
        QApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    i18n.set_language("en")  # an exception in any page fails the test (pytest-qt)
    qtbot.wait(50)
    assert closed.view is None
    assert other.view is not None
    qtbot.waitUntil(lambda: other.view.tabs.tabText(0) == "Set-up", timeout=5_000)


def test_switching_the_language_after_closing_a_reviewer_file_reads_nothing(  # type: ignore[no-untyped-def]
    qtbot, demo_round, tmp_path
):
    window = open_window(qtbot, issue_one(demo_round, tmp_path / "issued"))
    window.close_file()
    i18n.set_language("en")
    qtbot.wait(50)
    i18n.set_language("zh_CN")
    qtbot.wait(50)


def test_the_round_s_data_stays_out_of_full_collections_until_the_file_closes(  # type: ignore[no-untyped-def]
    qtbot, demo_round
):
    """A full collection on the GUI thread walked the kept analysis of a big round (0.2 s
    at 10,000 alliances, in the middle of a click): once the background work that built
    it ends, what is alive is frozen; closing the file thaws and collects it."""
    import gc

    window = open_window(qtbot, demo_round)
    window.view.tabs.setCurrentWidget(window.view.tab_by_name["panel"])
    settle(qtbot)  # the panel's analysis and the ranking were computed in workers
    frozen = gc.get_freeze_count()
    assert frozen > len(gc.get_objects(generation=2)), (frozen, len(gc.get_objects(2)))
    window.close_file()
    assert gc.get_freeze_count() == 0
