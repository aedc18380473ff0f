"""Long work off the GUI thread: a progress dialog after 0.3 s, a Cancel, results by callback.

    run_task(parent, label, work, on_done, on_error=None, on_cancel=None,
             reads_only=False, background=False) -> Task

``work(progress)`` runs in a worker thread and returns a result. It must not touch
widgets or the window's database connection: it opens its own (``RoundStore.reading``
for reading a file the window holds open, a service's own ``RoundStore.open`` for
writing), so pass it paths, not stores. ``progress(done, total) -> bool`` reports and
returns False once the user cancelled; services then raise, so their transaction rolls
back and files stay as they were.

Back on the GUI thread exactly one callback runs, when the work has ended:

- ``on_done(result)``;
- ``on_cancel()`` after a cancel (the work raised because of it; or, for a task that
  only reads, at once: its result is dropped when it comes);
- ``on_error(error)``; by default a ``UserError`` (or a storage error, turned into one
  sentence by ``storage.db.storage_error``) is shown in a warning, and anything else goes
  to the last-resort report (``gui.last_resort``).

No nested event loop: ``run_task`` returns at once. While a modal task has not shown its
dialog yet, user input to its window is held back, so nothing can start meanwhile.
``background=True`` shows nothing and holds nothing back (the panel's recomputation).

A task that only reads (``reads_only``) is run again when it failed because another
process held the file (SQLite's busy or locking-protocol errors, after the connection's
own busy timeout): after ``BUSY_WAITS`` seconds, one wait per new attempt, unless it was
cancelled meanwhile. Its work must therefore leave nothing half-changed when a read fails
(read in one read transaction: a busy error can only come at its first read). A
background task that still fails says so where its view shows its state (the panel's
status line), or in the window's status bar when it has no ``on_error``: a dialog would
interrupt the user for work they did not start.

Garbage collection stays on, and never stops the window. A collection runs in whichever
thread allocates, holding the GIL: a full one over a large heap took 0.1-0.2 s in the
middle of a 10,000-row export, and the GUI thread waited. And a Qt object that Python
owns must not be deleted outside the GUI thread. So while tasks run, every 50 ms the
objects alive so far are frozen (``gc.freeze``, constant time): a collection in the
worker then sees only the objects of the last 50 ms (pauses of ~10 ms), and never the
GUI's. When the last task ends they stay frozen: they are the round's long-lived data
(the kept analysis and ranking of 10,000 alliances are millions of objects), and a full
collection on the GUI thread walking them took 0.2 s in the middle of a click. What they
hold is freed by reference counting as usual; only reference cycles among them wait until
the file is closed (``thaw``: unfrozen and collected at once, a moment the user expects
work).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QPushButton, QWidget

from alliance_review.gui import messages
from alliance_review.storage.db import is_busy

Progress = Callable[[int, int], bool]

#: work shorter than this shows no dialog at all
SHOW_AFTER_MS = 300
#: the worker reports progress to the GUI thread at most this often (seconds)
REPORT_EVERY = 0.05
#: while tasks run, the objects alive are frozen out of garbage collection this often
FREEZE_EVERY_MS = 50
#: the interpreter's switch interval while a task runs (Python's default is 5 ms)
SWITCH_INTERVAL = 0.001
_DEFAULT_SWITCH = sys.getswitchinterval()
#: a task that only reads and found the file busy is run again after each of these waits
BUSY_WAITS = (0.25, 0.5, 1.0, 2.0)

_running: set[Task] = set()
_retired: list[Task] = []
_freezer: QTimer | None = None
translate = QCoreApplication.translate


def running() -> list[Task]:
    return list(_running)


def idle() -> bool:
    """No task is running (tests wait for this: ``qtbot.waitUntil(tasks.idle)``)."""
    return not _running


class TaskCancelled(Exception):
    """The user pressed Cancel; nothing was changed."""


_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.Wheel,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Drop,
}


class _InputGuard(QObject):
    """Holds back user input to one window until the progress dialog (modal) shows."""

    def __init__(self, window: QWidget | None) -> None:
        super().__init__()
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in _INPUT:
            return False
        if event.type() == QEvent.Type.Shortcut:
            return True  # a menu shortcut would start another action meanwhile
        return isinstance(watched, QWidget) and (
            self.window is None or watched.window() == self.window
        )

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class Task(QObject):
    """One piece of work in a worker thread; see the module's docstring."""

    # emitted by the worker thread, delivered in the GUI thread (queued)
    _progressed = Signal(int, int)
    _ended = Signal(object, object)
    #: emitted in the GUI thread after the callback has run
    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object] | None,
        on_cancel: Callable[[], object] | None,
        reads_only: bool,
        background: bool,
    ) -> None:
        super().__init__()  # no Qt parent: it lives until the worker has reported
        self.parent_widget = parent
        self.label = label
        self.work = work
        self.on_done = on_done
        self.on_error = on_error
        self.on_cancel = on_cancel
        self.reads_only = reads_only
        self.background = background
        self.outcome = ""  # "done", "failed" or "cancelled" once ended
        self.abandoned = False  # its window closed the file: no callback then
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        self.guard: _InputGuard | None = None
        self.cancel_button: QPushButton | None = None
        self._cancelled = threading.Event()
        self._worker_done = False  # the worker has reported (its thread may still be ending)
        self._reported = 0.0
        self._progress = (0, 0)
        self._thread = threading.Thread(target=self._run, name=f"task {label}", daemon=True)
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._end, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    # the GUI thread ------------------------------------------------------------------
    def start(self) -> None:
        if not _running:
            _freezing(True)
        _running.add(self)
        if not self.background:
            window = self.parent_widget.window() if self.parent_widget is not None else None
            self.guard = _InputGuard(window)
            self._timer.start(SHOW_AFTER_MS)
        self._thread.start()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the work to stop; a task that only reads ends (as cancelled) at once."""
        if self.outcome:
            return
        self._cancelled.set()
        if self.reads_only:
            self._finish("cancelled")
        elif self.dialog is not None:
            self.dialog.setLabelText(translate("tasks", "Cancelling…"))
            if self.cancel_button is not None:
                self.cancel_button.setEnabled(False)

    def wait(self, seconds: float = 60.0) -> bool:
        """Block until the worker has ended (tests, and quitting the app)."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _show_dialog(self) -> None:
        if self.outcome or self.background:
            return
        parent = self.parent_widget if alive(self.parent_widget) else None
        dialog = QProgressDialog(parent)
        dialog.setObjectName("task_progress")
        dialog.setLabelText(self.label)
        self.cancel_button = QPushButton(translate("tasks", "Cancel"))
        dialog.setCancelButton(self.cancel_button)
        dialog.setRange(0, 0)
        dialog.setWindowTitle(self.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self._apply_progress()
        dialog.show()
        if self.guard is not None:  # the modal dialog holds input back from now on
            self.guard.remove()
            self.guard = None

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        if self.dialog is not None and not self.outcome:
            self._apply_progress()

    def _apply_progress(self) -> None:
        assert self.dialog is not None
        done, total = self._progress
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot(object, object)
    def _end(self, result: Any, error: BaseException | None) -> None:
        # (no join: the worker may still be freeing its objects; it is buried when done)
        self._worker_done = True
        if self.outcome:  # a read-only task the user stopped waiting for
            self._retire()
            return
        self.result, self.error = result, error
        if error is None:
            self._finish("done")
        elif self.cancelled:
            self._finish("cancelled")
        else:
            self._finish("failed")

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        self._timer.stop()
        if self.guard is not None:
            self.guard.remove()
            self.guard = None
        if self.dialog is not None:
            # closing a QProgressDialog emits canceled(): stop listening first
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
            self.cancel_button = None
        try:
            self._callback()
        finally:
            self.finished.emit()
            if self._worker_done:
                self._retire()

    def _callback(self) -> None:
        parent_gone = self.abandoned or (
            self.parent_widget is not None and not alive(self.parent_widget)
        )
        if self.outcome == "done":
            if not parent_gone:
                self.on_done(self.result)
        elif self.outcome == "cancelled":
            if self.on_cancel is not None and not parent_gone:
                self.on_cancel()
        else:
            assert self.error is not None
            if self.on_error is not None and not parent_gone:
                self.on_error(self.error)
            elif self.background and not parent_gone:
                tell_in_status_bar(self.parent_widget, self.error)
            else:
                messages.refuse(None if parent_gone else self.parent_widget, self.error)

    def _retire(self) -> None:
        # dropped on a later turn of the event loop, not inside its own slot
        if self in _running:
            _running.discard(self)
            _retired.append(self)
            QTimer.singleShot(0, _bury)
            if not _running:
                _freezing(False)

    # the worker thread ---------------------------------------------------------------
    def _report(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - self._reported >= REPORT_EVERY:
            self._reported = now
            self._progressed.emit(done, total)
        return not self._cancelled.is_set()

    def _run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        waits = list(BUSY_WAITS) if self.reads_only else []
        while True:
            try:
                result = self.work(self._report)
            except BaseException as caught:  # handed to the GUI thread
                if waits and is_busy(caught) and not self._cancelled.wait(waits.pop(0)):
                    continue  # another process held the file: read again in a moment
                error = caught
            break
        self._ended.emit(result, error)


def _freezing(on: bool) -> None:
    global _freezer
    # while a worker runs, the GUI thread asks for the GIL many times per event and waits
    # up to the switch interval each time: a shorter interval keeps those waits short
    sys.setswitchinterval(SWITCH_INTERVAL if on else _DEFAULT_SWITCH)
    if _freezer is None:
        _freezer = QTimer()
        _freezer.setInterval(FREEZE_EVERY_MS)
        _freezer.timeout.connect(gc.freeze)
    if on:
        gc.freeze()
        _freezer.start()
    else:
        _freezer.stop()
        gc.freeze()  # the last task's results too: kept by the window (see the docstring)


def thaw() -> None:
    """A file was closed: what was frozen goes back to the collector, collected now."""
    if _running:
        return  # a task of another window still runs: its worker must not see the GUI's
    gc.unfreeze()
    gc.collect()


def _bury() -> None:
    """Drop ended tasks once their threads are gone (never inside their own slots)."""
    _retired[:] = [task for task in _retired if task._thread.is_alive()]
    if _retired:
        QTimer.singleShot(50, _bury)


def tell_in_status_bar(widget: QWidget | None, error: BaseException) -> None:
    """A background task's refusal in its window's status bar (a bug: the last resort)."""
    window = widget.window() if widget is not None and alive(widget) else None
    if messages.refusal_of(error) is None or not isinstance(window, QMainWindow):
        messages.refuse(window, error)
        return
    window.statusBar().showMessage(messages.sentence(error))


def alive(widget: QObject | None) -> bool:
    """Whether a Qt object still exists (its C++ side was not deleted)."""
    if widget is None:
        return False
    from shiboken6 import Shiboken

    return bool(Shiboken.isValid(widget))


def run_task(
    parent: QWidget | None,
    label: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], object],
    *,
    on_error: Callable[[BaseException], object] | None = None,
    on_cancel: Callable[[], object] | None = None,
    reads_only: bool = False,
    background: bool = False,
) -> Task:
    """Start ``work`` in a worker thread; see the module's docstring."""
    task = Task(parent, label, work, on_done, on_error, on_cancel, reads_only, background)
    task.start()
    return task


def abandon(owner: QWidget) -> None:
    """The file shown in ``owner`` is being closed: cancel its tasks and drop their
    callbacks (a write in progress rolls back)."""
    for task in list(_running):
        parent = task.parent_widget
        if parent is not None and alive(parent) and (parent == owner or owner.isAncestorOf(parent)):
            task.abandoned = True
            task._cancelled.set()


def cancel_all(seconds: float = 10.0) -> None:
    """Cancel every task and wait for the workers (the app is quitting)."""
    for task in list(_running):
        task._cancelled.set()
    deadline = time.monotonic() + seconds
    for task in list(_running):
        task.wait(max(0.0, deadline - time.monotonic()))
