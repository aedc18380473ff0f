"""Pages rendered off the GUI thread: a thread of the renderer's own asks the document
worker (a process bounded in time and memory, ``services.document_worker``) and hands
each result to the GUI thread by a queued signal. The GUI thread never waits for it.

A document's content is first copied out of the file it is stored in (or of a file or
package that carries it) into a private temporary folder, checked against its SHA-256 on
the way; the worker reads that copy. Requests for pages that scrolled out of view are
dropped (``want`` replaces what is pending); a page that failed is not asked again.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from alliance_review.core.errors import UserError
from alliance_review.gui.i18n import service_language
from alliance_review.services.document_worker import Bitmap, DocumentWorker

#: where contents come from: a function that writes the content of a sha256 into a path
#: (checking the hash) and returns False when no place it knows carries it
Extractor = Callable[[str, Path], bool]
#: rendered pages kept (bytes), beyond those the view asks for now
CACHE_BYTES = 160 * 1024 * 1024


def image_of(bitmap: Bitmap) -> QImage:
    """A QImage owning its pixels (the worker's bytes are RGBX)."""
    image = QImage(
        bitmap.data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
    )
    return image.copy()


class PageCache:
    """Rendered pages by (sha256, page, scale key), least recently used dropped first."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self.images: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        self.size = 0

    def get(self, key: tuple[str, int, int]) -> QImage | None:
        image = self.images.get(key)
        if image is not None:
            self.images.move_to_end(key)
        return image

    def any_scale(self, sha: str, page: int) -> QImage | None:
        """Some rendering of the page (another zoom), to show while the right one comes."""
        return next(
            (img for (s, p, _), img in reversed(self.images.items()) if s == sha and p == page),
            None,
        )

    def put(self, key: tuple[str, int, int], image: QImage) -> None:
        if key in self.images:
            self.size -= self.images.pop(key).sizeInBytes()
        self.images[key] = image
        self.size += image.sizeInBytes()
        while self.size > self.limit and len(self.images) > 1:
            _, old = self.images.popitem(last=False)
            self.size -= old.sizeInBytes()

    def clear(self) -> None:
        self.images.clear()
        self.size = 0


def scale_key(scale: float) -> int:
    return round(scale * 100)


class Renderer(QObject):
    """One per window (or dialog); ``close`` ends its thread and its worker process."""

    #: (sha256, page sizes in points) once a document can be shown; (sha256, sentence)
    opened = Signal(str, object)
    open_failed = Signal(str, str)
    #: (sha256, page index, scale key, QImage) and (sha256, page index, sentence)
    rendered = Signal(str, int, int, object)
    page_failed = Signal(str, int, str)
    #: (sha256, page index, query, boxes in points from the page's top left)
    found = Signal(str, int, str, object)
    #: (sha256, list of page texts) read from the PDF when the file holds none
    texts_read = Signal(str, object)

    def __init__(self, extract: Extractor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.extract = extract
        self.worker = DocumentWorker()
        self.cache = PageCache()
        self.folder = Path(tempfile.mkdtemp(prefix="alliance-review-view-"))
        self.paths: dict[str, Path] = {}
        self.failed_pages: set[tuple[str, int]] = set()
        self._jobs: deque[tuple[str, tuple[Any, ...]]] = deque()
        self._wanted: list[tuple[str, int, float]] = []
        self._condition = threading.Condition()
        self._closing = False
        self.busy = False  # a request is with the worker (tests wait for it)
        # first in line, in the GUI thread: the cache is the GUI thread's alone
        self.rendered.connect(self._keep, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="document renderer", daemon=True)
        self._thread.start()

    # the GUI thread asks ---------------------------------------------------------------
    def _ask(self, kind: str, *args: object) -> None:
        with self._condition:
            self._jobs.append((kind, args))
            self._condition.notify()

    def warm(self) -> None:
        """Start the worker process now, so the first page does not wait for it."""
        self._ask("warm")

    def open(self, sha: str) -> None:
        self._ask("open", sha)

    def find(self, sha: str, page: int, query: str) -> None:
        self._ask("find", sha, page, query)

    def read_texts(self, sha: str) -> None:
        self._ask("texts", sha)

    def want(self, pages: list[tuple[str, int, float]]) -> None:
        """The pages the view needs now (first the ones in view): replaces what is pending."""
        todo = [
            (sha, page, scale)
            for sha, page, scale in pages
            if (sha, page) not in self.failed_pages
            and self.cache.get((sha, page, scale_key(scale))) is None
        ]
        with self._condition:
            self._wanted = todo
            self._condition.notify()

    def _keep(self, sha: str, page: int, key: int, image: QImage) -> None:
        self.cache.put((sha, page, key), image)

    def idle(self) -> bool:
        with self._condition:
            return not self._jobs and not self._wanted and not self.busy

    def close(self) -> None:
        with self._condition:
            self._closing = True
            self._jobs.clear()
            self._wanted = []
            self._condition.notify()
        self.worker.close()  # a request in flight ends at once (its pipe closes)
        self._thread.join(15)
        self.cache.clear()
        shutil.rmtree(self.folder, ignore_errors=True)

    # the renderer's thread -----------------------------------------------------------------
    def _next(self) -> tuple[str, tuple[Any, ...]] | None:
        with self._condition:
            while not self._closing and not self._jobs and not self._wanted:
                self._condition.wait()
            if self._closing:
                return None
            self.busy = True
            if self._jobs:
                return self._jobs.popleft()
            sha, page, scale = self._wanted.pop(0)
            return "render", (sha, page, scale)

    def _run(self) -> None:
        while (job := self._next()) is not None:
            kind, args = job
            try:
                self._do(kind, args)
            except Exception:  # noqa: BLE001 - the window must never lose its renderer
                pass
            finally:
                with self._condition:
                    self.busy = False

    def _language(self) -> str:
        return service_language()

    def _path(self, sha: str) -> Path | None:
        path = self.paths.get(sha)
        if path is not None and path.exists():
            return path
        target = self.folder / f"{sha}.pdf"
        if not self.extract(sha, target):
            return None
        self.paths[sha] = target
        return target

    def _do(self, kind: str, args: tuple[Any, ...]) -> None:
        if kind == "warm":
            self.worker.warm()
            return
        sha = str(args[0])
        try:
            path = self._path(sha)
        except UserError as error:
            self.open_failed.emit(sha, error.message(self._language()))
            return
        if path is None:
            self.open_failed.emit(sha, "")  # the file does not carry it: the viewer says so
            return
        try:
            if kind == "open":
                self.opened.emit(sha, self.worker.info(path))
            elif kind == "render":
                page, scale = int(args[1]), float(args[2])
                image = image_of(self.worker.render(path, page, scale))
                self.rendered.emit(sha, page, scale_key(scale), image)
            elif kind == "find":
                page, query = int(args[1]), str(args[2])
                self.found.emit(sha, page, query, self.worker.find(path, page, query))
            elif kind == "texts":
                count = len(self.worker.info(path))
                self.texts_read.emit(sha, self.worker.texts(path, 0, count))
        except UserError as error:
            message = error.message(self._language())
            if kind == "render":
                self.failed_pages.add((sha, int(args[1])))
                self.page_failed.emit(sha, int(args[1]), message)
            elif kind == "open":
                self.open_failed.emit(sha, message)
