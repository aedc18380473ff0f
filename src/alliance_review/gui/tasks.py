"""Long work off the GUI thread, with a progress dialog and a cancel.

``run_task(parent, label, work)`` runs ``work(progress)`` in a worker thread, where
``progress(done, total) -> bool`` reports and returns False once the user cancelled;
the service then raises and rolls back, so a cancel leaves files as they were. Returns
the work's result, or raises its exception in the GUI thread (``UserError`` included),
or raises ``TaskCancelled``.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, int], bool]

# Work shorter than this shows no dialog at all.
SHOW_AFTER_MS = 300


class TaskCancelled(Exception):
    """The user pressed Cancel; nothing was changed."""


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancelled = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def report(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self.report)
        except BaseException as error:  # handed to the GUI thread
            self.error = error
        finally:
            self.finished.emit()


class _Relay(QObject):
    """Lives in the GUI thread: queued reports from the worker are handled here.

    A signal connected to a plain function runs it in the *sender's* thread (the
    worker's), where touching the progress dialog crashes Qt; a slot of an object
    living in the GUI thread runs in the GUI thread.
    """

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__()
        self.dialog = dialog
        self.loop = loop

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot()
    def finish(self) -> None:
        self.loop.quit()


def run_task(parent: QWidget | None, label: str, work: Callable[[Progress], T]) -> T:
    dialog = QProgressDialog(label, QCoreApplication.translate("tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    relay = _Relay(dialog, loop)
    worker.progressed.connect(relay.progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(relay.finish, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.cancelled.set)
    thread.started.connect(worker.run)
    # No cyclic garbage collection while the worker runs: collecting Qt wrappers in the
    # GUI thread while another thread runs Python crashed PySide6 (seen in the tests).
    gc.collect()
    gc.disable()
    try:
        thread.start()
        loop.exec()
        thread.quit()
        thread.wait()
    finally:
        gc.enable()
    dialog.close()
    dialog.deleteLater()
    if worker.cancelled.is_set() and worker.error is not None:
        raise TaskCancelled() from worker.error
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]
