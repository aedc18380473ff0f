"""Helpers for tests that drive the window: waiting for its background work."""

from __future__ import annotations

from typing import Any

from alliance_review.gui import tasks


def settle(qtbot: Any, timeout: int = 30_000) -> None:
    """Wait until every task of the window (merges, exports, recomputations) has ended
    and its result has been shown; the event loop runs meanwhile, as for a user."""
    qtbot.waitUntil(tasks.idle, timeout=timeout)
    qtbot.wait(1)  # the callbacks' own follow-ups (a queued recomputation) start here
    qtbot.waitUntil(tasks.idle, timeout=timeout)


def open_in_window(qtbot: Any, path: Any) -> Any:
    """The main window, shown, with ``path`` opened as a user opens it and settled."""
    from alliance_review.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    settle(qtbot)
    return window
