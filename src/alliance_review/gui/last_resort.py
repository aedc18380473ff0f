"""The last resort: an unexpected error shows one dialog and is written to a log file.

``install()`` routes ``sys.excepthook`` (errors in slots and Qt's virtual methods reach
it), ``threading.excepthook`` and ``sys.unraisablehook`` here; ``gui.tasks`` hands its
workers' unexpected errors to ``report``. The dialog says one short sentence, has a
collapsible "details" section (the traceback) and names the log file; the app goes on
running. Errors of the disk or of SQLite ("database is locked", a full disk, a
read-only file) are told in their own sentence (``storage.db.storage_error``).

The log lives in the user log folder (platformdirs), or in ``ALLIANCE_REVIEW_LOG_DIR``.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alliance_review.errorlog import details_of, log_path, write_log
from alliance_review.gui.i18n import fill_in
from alliance_review.system.places import log_dir

__all__ = ["details_of", "install", "log_dir", "log_path", "report", "write_log"]

translate = QCoreApplication.translate


def sentence_of(error: BaseException) -> str:
    """The short sentence the dialog leads with, in the interface language."""
    from alliance_review.gui.i18n import service_language
    from alliance_review.storage.db import storage_error

    known = storage_error(error)
    if known is not None:
        return known.message(service_language())
    return translate(
        "last_resort",
        "Something unexpected went wrong. What was saved before stays saved; "
        "you can go on working.",
    )


class _Reporter(QObject):
    """Lives in the GUI thread; reports from other threads are queued to it."""

    reported = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.box: QMessageBox | None = None
        self.repeats = 0
        self.reported.connect(self.show, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def show(self, error: BaseException, details: str) -> None:
        if self.box is not None:  # one dialog at a time: count the others (all are logged)
            self.repeats += 1
            self.box.setInformativeText(self._informative())
            return
        self.repeats = 0
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setObjectName("last_resort")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("last_resort", "Unexpected error"))
        box.setText(sentence_of(error))
        box.setInformativeText(self._informative())
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(translate("last_resort", "OK"))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.finished.connect(self._closed)
        self.box = box
        box.show()

    def _informative(self) -> str:
        text = translate("last_resort", "The details were written to the log file:\n%1")
        text = fill_in(text, str(log_path()))
        count = self.repeats
        if count:
            # (a plain name for the count: lupdate skips the message otherwise)
            text += "\n" + translate(
                "last_resort", "%n more error(s) since; all are in the log.", "", count
            )
        return text

    def _closed(self) -> None:
        self.box = None


_reporter: _Reporter | None = None


def _gui_reporter() -> _Reporter | None:
    global _reporter
    app = QApplication.instance()
    if app is None:
        return None
    if _reporter is None:
        if QThread.currentThread() is not app.thread():
            return None  # made on the GUI thread first, by install()
        _reporter = _Reporter()
    return _reporter


def report(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None, where: str = ""
) -> None:
    """Log an unexpected error and show it (from any thread); never raises."""
    try:
        details = details_of(kind, error, tb)
        if where:
            details = f"{where}\n{details}"
        written = write_log(details)
        if written is None:
            sys.stderr.write(details + "\n")
        reporter = _gui_reporter()
        if reporter is not None:
            reporter.reported.emit(error, details)  # queued: shown in the GUI thread
    except Exception:  # the last resort must not fail in its turn
        traceback.print_exc()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    report(kind, error, tb)


def _thread_excepthook(args: Any) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    report(args.exc_type, args.exc_value, args.exc_traceback, f"in thread {name}")


def _unraisable(args: Any) -> None:
    if args.exc_type is not None:
        write_log(
            f"unraisable in {args.object!r}: "
            + details_of(args.exc_type, args.exc_value, args.exc_traceback)
        )


def install() -> None:
    """Route every unexpected error here (call once, on the GUI thread)."""
    _gui_reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    sys.unraisablehook = _unraisable
