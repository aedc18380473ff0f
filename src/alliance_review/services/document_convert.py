"""Office documents as PDF (LibreOffice, when installed) or as their text.

LibreOffice converts in a process of its own (``soffice --headless --convert-to pdf``),
with a user profile of its own in a temporary folder (so it never collides with a
LibreOffice the user has open, and its default security runs no macro), bounded in time:
a conversion that runs over is killed with its children. Several files go to one
LibreOffice start (it takes seconds to start); a batch that fails is retried file by file,
so one bad file does not cost the others their conversion.

Without LibreOffice an office document is kept as it is, and its text is shown: read in
the document worker (``document_worker``, bounded like a PDF) from the document's XML or,
for spreadsheets, through ``alliance_review.tabular`` with its bounds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from alliance_review.core.documents import MAX_DOCUMENT_BYTES, MAX_PAGE_TEXT
from alliance_review.system.limits import kill_tree, new_group

#: seconds for LibreOffice to start and convert the first file, and for each further one
START_SECONDS = 90.0
PER_FILE_SECONDS = 60.0
BATCH = 12
#: an override for tests and unusual installs: a path, or "" for "not installed"
SOFFICE_VARIABLE = "ALLIANCE_REVIEW_SOFFICE"


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` if it is installed (the usual places on each platform)."""
    chosen = os.environ.get(SOFFICE_VARIABLE)
    if chosen is not None:
        return chosen or None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    places: list[Path] = []
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if root:
                places.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        places.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(p) for p in places if p.is_file()), None)


def _run(soffice: str, sources: list[Path], out_dir: Path, seconds: float) -> None:
    profile = Path(tempfile.mkdtemp(prefix="alliance-review-lo-"))
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, sources),
    ]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            **new_group(),
        )
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            kill_tree(process)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def convert_to_pdf(
    sources: list[Path],
    out_dir: Path,
    soffice: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> dict[Path, Path | None]:
    """Each source's PDF in ``out_dir`` (None where LibreOffice made none). Sources must
    have distinct stems (LibreOffice names each PDF after its source)."""
    soffice = soffice or find_soffice()
    result: dict[Path, Path | None] = {source: None for source in sources}
    if soffice is None or not sources:
        return result

    def made(source: Path) -> Path | None:
        pdf = out_dir / (source.stem + ".pdf")
        return pdf if pdf.is_file() and pdf.stat().st_size > 0 else None

    done = 0
    for start in range(0, len(sources), BATCH):
        batch = sources[start : start + BATCH]
        _run(soffice, batch, out_dir, START_SECONDS + PER_FILE_SECONDS * len(batch))
        missing = [s for s in batch if made(s) is None]
        if len(batch) > 1 and missing:  # one bad file may have stopped the rest
            for source in missing:
                _run(soffice, [source], out_dir, START_SECONDS + PER_FILE_SECONDS)
        for source in batch:
            result[source] = made(source)
        done += len(batch)
        if progress is not None and not progress(done, len(sources)):
            break
    return result


# text without LibreOffice (called in the document worker) -----------------------------------
_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
MAX_XML_BYTES = 128 * 1024 * 1024
MAX_TEXT = 2_000_000


def _xml_part(path: Path, part: str) -> bytes:
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(part)
        if info.file_size > MAX_XML_BYTES:
            raise ValueError("part too large")
        with package.open(info) as handle:
            data = handle.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise ValueError("part too large")
    return data


def _paragraphs(data: bytes, paragraph: str, text: str | None) -> list[str]:
    """Pages of text: the paragraphs' text (of the ``text`` elements, or all of it), a new
    page at each page break (Word's ``<w:br w:type="page"/>``)."""
    pages: list[list[str]] = [[]]
    total = 0
    for _event, element in ElementTree.iterparse(_Bytes(data), events=("end",)):
        if element.tag != paragraph:
            continue
        pieces = element.itertext() if text is None else (t.text or "" for t in element.iter(text))
        line = "".join(pieces)
        if line:
            pages[-1].append(line)
            total += len(line)
        if any(b.get(f"{_WORD_NS}type") == "page" for b in element.iter(f"{_WORD_NS}br")):
            pages.append([])
        element.clear()
        if total > MAX_TEXT:
            break
    return ["\n".join(lines)[:MAX_PAGE_TEXT] for lines in pages if lines] or [""]


class _Bytes:
    """A file-like view of bytes for ``iterparse`` (no copy)."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.at = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else min(len(self.data), self.at + size)
        chunk = bytes(self.data[self.at : end])
        self.at = end
        return chunk


def office_text(path: Path | str, kind: str) -> list[str]:
    """The text of an office document, a list of pages (sheets for a spreadsheet);
    ``[""]`` when the format's text cannot be read without LibreOffice (.doc, .wps)."""
    path = Path(path)
    if kind == "docx":
        return _paragraphs(_xml_part(path, "word/document.xml"), f"{_WORD_NS}p", f"{_WORD_NS}t")
    if kind == "odt":
        return _paragraphs(_xml_part(path, "content.xml"), f"{_ODF_TEXT}p", None)
    if kind in ("xlsx", "xls", "ods", "et"):
        from alliance_review.tabular import Limits
        from alliance_review.tabular.grid import read_grid

        limits = Limits(file_bytes=MAX_DOCUMENT_BYTES, rows=100_000, cells=2_000_000)
        first = read_grid(path, limits)
        pages = []
        for index in range(min(len(first.sheets), 50)):
            grid = first if index == 0 else read_grid(path, limits, index)
            lines = ["\t".join(str(v) for v in row if v not in ("", None)) for row in grid.rows]
            pages.append("\n".join(line for line in lines if line)[:MAX_PAGE_TEXT])
        return pages or [""]
    return [""]
