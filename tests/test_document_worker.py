"""The document worker: hostile PDFs end in one sentence, never in the caller's process;
a request over its time bound is killed with its process, and the next one starts anew."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import tests.document_files as files
from alliance_review.services.document_worker import DocumentFailed, DocumentWorker


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    return {
        "good": files.reportlab_pdf(folder / "good.pdf", pages=5),
        "long": files.reportlab_pdf(folder / "long.pdf", pages=500),
        "scanned": files.scanned_pdf(folder / "scanned.pdf"),
        "malformed": files.malformed_pdf(folder / "malformed.pdf"),
        "time bomb": files.time_bomb_pdf(folder / "time-bomb.pdf"),
        "memory bomb": files.memory_bomb_pdf(folder / "memory-bomb.pdf"),
    }


@pytest.fixture
def worker():
    made = DocumentWorker()
    yield made
    made.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover
        return True
    # a killed child not yet reaped is a zombie: it holds no memory and runs nothing
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return False


def test_pages_text_boxes_and_pixels_of_a_good_pdf(worker: DocumentWorker, pdfs):
    sizes = worker.info(pdfs["long"])
    assert len(sizes) == 500 and all(round(w) == 595 and round(h) == 842 for w, h in sizes)
    texts = worker.texts(pdfs["long"], 498, 510)
    assert len(texts) == 2 and "第 499 页" in texts[0] and "\r" not in texts[0]
    boxes = worker.find(pdfs["good"], 0, "理事会")
    assert len(boxes) == 1
    left, top, right, bottom = boxes[0]
    assert 60 < left < right < 595 and 100 < top < bottom < 300  # measured from the top
    bitmap = worker.render(pdfs["good"], 0, 1.0)
    assert (bitmap.width, bitmap.height) == (596, 842)  # A4: 595.3 x 841.9 points
    assert len(bitmap.data) == bitmap.stride * bitmap.height and bitmap.stride >= 4 * 596
    assert len(set(bitmap.data[: bitmap.stride * 50])) == 1  # a white margin on top
    assert worker.texts(pdfs["scanned"], 0, 3) == ["", "", ""]  # a scan has no text layer


def test_a_malformed_pdf_is_refused_and_the_worker_lives_on(worker: DocumentWorker, pdfs):
    worker.warm()
    pid = worker.pid
    with pytest.raises(DocumentFailed) as refused:
        worker.info(pdfs["malformed"])
    assert refused.value.reason == "unreadable" and "damaged" in refused.value.en
    assert worker.pid == pid and worker.restarts == 0
    assert len(worker.info(pdfs["good"])) == 5


def test_a_page_that_never_finishes_is_killed_with_its_process(worker: DocumentWorker, pdfs):
    worker.warm()
    pid = worker.pid
    assert pid is not None
    started = time.monotonic()
    with pytest.raises(DocumentFailed) as stopped:
        worker.call("render", str(pdfs["time bomb"]), 0, 1.0, timeout=0.5)
    assert stopped.value.reason in ("timeout", "crashed")
    assert time.monotonic() - started < 10
    assert not alive(pid) and worker.restarts == 1
    # the next request gets a fresh process
    assert worker.render(pdfs["good"], 0, 0.5).width == 298 and worker.pid != pid


def test_bombs_under_the_default_bounds_end_in_a_sentence_or_a_page(worker: DocumentWorker, pdfs):
    for name in ("time bomb", "memory bomb"):
        try:
            bitmap = worker.render(pdfs[name], 0, 1.5)
        except DocumentFailed as error:
            assert error.reason in ("timeout", "crashed", "memory", "unreadable")
            assert error.zh.endswith("。")
        else:  # PDFium decoded the giant picture a line at a time: a page, in bounds
            assert bitmap.width == 893
    assert worker.render(pdfs["good"], 0, 1.0).width == 596


def test_a_picture_becomes_a_one_page_pdf(worker: DocumentWorker, tmp_path: Path):
    picture = files.picture(tmp_path / "site.png")
    worker.image_pdf(picture, tmp_path / "site.pdf")
    (size,) = worker.info(tmp_path / "site.pdf")
    assert size[0] > size[1]  # landscape, like the screenshot
    huge = tmp_path / "huge.png"
    from PIL import Image

    Image.new("1", (20000, 20000)).save(huge)  # 400 megapixels, a few KB on disk
    with pytest.raises(DocumentFailed) as refused:
        worker.image_pdf(huge, tmp_path / "huge.pdf")
    assert refused.value.reason == "image too large"
