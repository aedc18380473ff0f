"""A separate process that reads untrusted documents, bounded in time and memory.

An alliance's PDF may be malformed or built to hurt (a page that expands to gigabytes, a
drawing that never ends). PDFium reads it in a worker process that caps its own memory
(``system.limits``) and answers each request within a time bound; a request that runs
over is killed with its process, a process that dies (out of memory, a crash inside
PDFium) is noticed by the parent, and either way the caller gets ``DocumentFailed`` (one
sentence) and the next request starts a fresh process. Nothing in a document is executed:
forms and JavaScript are never initialised, links are never followed.

    worker = DocumentWorker()
    pages = worker.info(path)            # page sizes in points
    image = worker.render(path, 0, 1.5)  # (width, height, stride, RGBX bytes)
    worker.close()

One request at a time per worker (a lock); the window keeps one worker per pane and
calls it from a thread of its own, never from the GUI thread.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from alliance_review.core.documents import MAX_IMAGE_PIXELS, MAX_PAGE_TEXT, MAX_PAGES
from alliance_review.core.errors import UserError

MB = 1024 * 1024
#: the worker's address space at most (Python and PDFium take ~150 MB of it idle)
MEMORY_LIMIT = 1024 * MB
#: seconds a request may take before its process is killed
TIMEOUTS = {
    "info": 30.0,
    "texts": 60.0,
    "render": 10.0,
    "find": 10.0,
    "image_pdf": 30.0,
    "office_text": 60.0,
}
START_TIMEOUT = 30.0
#: documents a worker keeps open (a reviewer flips between a few)
OPEN_DOCUMENTS = 4


class DocumentFailed(UserError):
    """A document could not be read or shown; ``reason`` says why in a word."""

    def __init__(self, zh: str, en: str, reason: str) -> None:
        super().__init__(zh, en)
        self.reason = reason


def failure(reason: str, detail: str = "") -> DocumentFailed:
    if reason == "timeout":
        return DocumentFailed(
            "文档处理超时（可能已损坏或结构异常），已停止。",
            "Reading the document took too long (it may be damaged or built abnormally); "
            "it was stopped.",
            reason,
        )
    if reason == "crashed":
        return DocumentFailed(
            "文档超出了处理能力（可能已损坏或含有异常内容），已停止。",
            "The document exceeded what can safely be read (it may be damaged or hold "
            "abnormal content); reading it was stopped.",
            reason,
        )
    if reason == "memory":
        return DocumentFailed(
            "文档需要的内存超过上限（可能含有异常内容），已停止。",
            "The document needs more memory than allowed (it may hold abnormal content); "
            "reading it was stopped.",
            reason,
        )
    if reason == "password":
        return DocumentFailed(
            "文档有密码保护，无法打开。请联盟提供未加密的文件。",
            "The document is protected by a password and cannot be opened. Ask the alliance "
            "for an unprotected file.",
            reason,
        )
    if reason == "too many pages":
        return DocumentFailed(
            f"文档超过 {MAX_PAGES} 页，不予收录。",
            f"The document has more than {MAX_PAGES} pages; it is not taken.",
            reason,
        )
    if reason == "image too large":
        return DocumentFailed(
            "图片尺寸过大（可能是异常文件），不予收录。",
            "The picture is too large (it may be an abnormal file); it is not taken.",
            reason,
        )
    return DocumentFailed(
        "文档已损坏或不是有效的 PDF，无法读取。" + (f"（{detail}）" if detail else ""),
        "The document is damaged or not a valid PDF; it cannot be read."
        + (f" ({detail})" if detail else ""),
        "unreadable",
    )


@dataclass(frozen=True)
class Bitmap:
    width: int
    height: int
    stride: int
    data: bytes  # RGBX, 4 bytes a pixel


# the worker's side ------------------------------------------------------------------------
class _Refused(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _open(pdfium: Any, documents: OrderedDict[str, Any], path: str) -> Any:
    document = documents.get(path)
    if document is not None:
        documents.move_to_end(path)
        return document
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        text = str(error)
        raise _Refused("password" if "password" in text.lower() else "unreadable", text) from None
    documents[path] = document
    while len(documents) > OPEN_DOCUMENTS:
        _, old = documents.popitem(last=False)
        old.close()
    return document


def _info(pdfium: Any, documents: OrderedDict[str, Any], path: str) -> list[tuple[float, float]]:
    document = _open(pdfium, documents, path)
    count = len(document)
    if count > MAX_PAGES:
        raise _Refused("too many pages")
    if count < 1:
        raise _Refused("unreadable", "no pages")
    return [(float(w), float(h)) for w, h in (document.get_page_size(i) for i in range(count))]


def _texts(
    pdfium: Any, documents: OrderedDict[str, Any], path: str, start: int, stop: int
) -> list[str]:
    document = _open(pdfium, documents, path)
    texts = []
    for index in range(start, min(stop, len(document))):
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range().replace("\r\n", "\n")
                texts.append(text[:MAX_PAGE_TEXT])
            finally:
                textpage.close()
        finally:
            page.close()
    return texts


def _render(
    pdfium: Any, documents: OrderedDict[str, Any], path: str, index: int, scale: float
) -> Bitmap:
    document = _open(pdfium, documents, path)
    page = document[index]
    try:
        width, height = page.get_size()
        if width * height * scale * scale > MAX_IMAGE_PIXELS:  # a page the size of a wall
            scale = (MAX_IMAGE_PIXELS / max(width * height, 1.0)) ** 0.5
        bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
        try:
            return Bitmap(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
        finally:
            bitmap.close()
    finally:
        page.close()


def _find(
    pdfium: Any, documents: OrderedDict[str, Any], path: str, index: int, query: str
) -> list[tuple[float, float, float, float]]:
    """Boxes (left, top, right, bottom; points from the page's top left) of each hit."""
    document = _open(pdfium, documents, path)
    page = document[index]
    boxes: list[tuple[float, float, float, float]] = []
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            searcher = textpage.search(query, match_case=False)
            while (hit := searcher.get_next()) is not None and len(boxes) < 2000:
                start, count = hit
                for number in range(textpage.count_rects(start, count)):
                    left, bottom, right, top = textpage.get_rect(number)
                    boxes.append((left, height - top, right, height - bottom))
            searcher.close()
        finally:
            textpage.close()
    finally:
        page.close()
    return boxes


def _image_pdf(source: str, target: str) -> int:
    """A picture as a one-page PDF (Pillow): its longest side fits an A4 page's height."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(source) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS or min(width, height) < 1:
                raise _Refused("image too large")
            picture = image.convert("RGB")
    except Image.DecompressionBombError:
        raise _Refused("image too large") from None
    except OSError as error:
        raise _Refused("unreadable", str(error)) from None
    resolution = max(72.0, max(width, height) / 11.69)
    picture.save(target, "PDF", resolution=resolution)
    return 1


def _office_text(path: str, kind: str) -> list[str]:
    from alliance_review.services.document_convert import office_text

    try:
        return office_text(path, kind)
    except UserError as error:
        raise _Refused("unreadable", error.en) from None
    except (OSError, ValueError, KeyError, SyntaxError) as error:  # zipfile, ElementTree
        raise _Refused("unreadable", f"{type(error).__name__}: {error}") from None


def serve(conn: Connection, memory_limit: int) -> None:
    """The worker's loop: one request in, one answer out, until the pipe closes."""
    from alliance_review.system.limits import limit_memory

    limit_memory(memory_limit)
    import pypdfium2 as pdfium

    documents: OrderedDict[str, Any] = OrderedDict()
    handlers: dict[str, Callable[..., Any]] = {
        "info": lambda *a: _info(pdfium, documents, *a),
        "texts": lambda *a: _texts(pdfium, documents, *a),
        "render": lambda *a: _render(pdfium, documents, *a),
        "find": lambda *a: _find(pdfium, documents, *a),
        "image_pdf": _image_pdf,
        "office_text": _office_text,
        "forget": lambda path: documents.pop(path, None) and None,
        "ping": lambda: "pong",
    }
    while True:
        try:
            op, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[Any, ...] = ("ok", handlers[op](*args))
        except _Refused as refused:
            answer = ("error", refused.reason, refused.detail[:200])
        except MemoryError:
            documents.clear()
            answer = ("error", "memory", "")
        except Exception as error:  # PDFium's own errors on a damaged page, and the like
            answer = ("error", "unreadable", f"{type(error).__name__}: {error}"[:200])
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


# the parent's side ------------------------------------------------------------------------
class DocumentWorker:
    """The parent's handle on one worker process (started on the first request)."""

    def __init__(self, memory_limit: int = MEMORY_LIMIT) -> None:
        self.memory_limit = memory_limit
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self.restarts = 0  # processes ended by a bound (tests and the pane look)

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=serve, args=(child, self.memory_limit), daemon=True, name="document-worker"
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent

    def _stop(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(5)
            process.close()

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def call(self, op: str, *args: Any, timeout: float | None = None) -> Any:
        """Ask the worker; ``DocumentFailed`` when the document is refused, or the process
        runs over its time bound or dies (it is then ended, and the next call starts anew)."""
        wait = timeout if timeout is not None else TIMEOUTS.get(op, 30.0)
        with self._lock:
            starting = self._conn is None
            conn = self._start() if starting else self._conn
            assert conn is not None
            try:
                conn.send((op, args))
                ready = conn.poll(wait + (START_TIMEOUT if starting else 0.0))
                answer = conn.recv() if ready else None
            except (EOFError, OSError, BrokenPipeError):
                self.restarts += 1
                self._stop()
                raise failure("crashed") from None
            if answer is None:
                self.restarts += 1
                self._stop()
                raise failure("timeout")
        if answer[0] == "ok":
            return answer[1]
        reason, detail = answer[1], answer[2]
        if reason == "memory":
            with self._lock:  # a process that ran out of memory may hold it in pieces
                self.restarts += 1
                self._stop()
        raise failure(reason, detail if reason == "unreadable" else "")

    def warm(self) -> None:
        """Start the process now (it takes a few tenths of a second), so the first page
        is not kept waiting."""
        self.call("ping", timeout=START_TIMEOUT)

    def info(self, path: Path | str) -> list[tuple[float, float]]:
        return list(self.call("info", str(path)))

    def texts(self, path: Path | str, start: int, stop: int) -> list[str]:
        return list(self.call("texts", str(path), start, stop))

    def render(self, path: Path | str, index: int, scale: float) -> Bitmap:
        result: Bitmap = self.call("render", str(path), index, float(scale))
        return result

    def find(self, path: Path | str, index: int, query: str) -> list[tuple[float, ...]]:
        return list(self.call("find", str(path), index, query))

    def image_pdf(self, source: Path | str, target: Path | str) -> int:
        return int(self.call("image_pdf", str(source), str(target)))

    def office_text(self, path: Path | str, kind: str) -> list[str]:
        return list(self.call("office_text", str(path), kind))

    def forget(self, path: Path | str) -> None:
        """Close ``path`` in the worker (before the file is removed)."""
        if self._conn is not None:
            try:
                self.call("forget", str(path), timeout=5)
            except DocumentFailed:
                pass

    def close(self) -> None:
        """End the process; a request in flight in another thread ends at once (its
        pipe closes) with ``DocumentFailed``."""
        process = self._process
        if process is not None and process.is_alive():
            process.kill()
        with self._lock:
            self._stop()
