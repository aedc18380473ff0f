"""Citations of a document's page in an evidence note: 〔工作总结 p.12〕.

A citation is plain text in the note, so it travels wherever the note goes (the
reviewer file, the scoring workbook, the round) and is recognised again by reading it:
the title names one of the alliance's documents, the page one of its pages. Reading is
lenient about how a person types it ("p. 12", "P12", "第12页", half-width brackets
"[工作总结 p.12]"); writing always gives the one form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from alliance_review.core.documents import Document

OPEN, CLOSE = "〔", "〕"

_CITATION = re.compile(
    r"[〔\[【]"  # opening bracket
    r"\s*(?P<title>[^〔〕\[\]【】\n]{1,60}?)\s*"
    r"(?:[pP]\.?\s*(?P<page>\d{1,5})|第\s*(?P<page_zh>\d{1,5})\s*页)"
    r"\s*[〕\]】]"
)


@dataclass(frozen=True)
class Citation:
    title: str
    page: int
    start: int  # where it stands in the note (characters)
    end: int

    @property
    def text(self) -> str:
        return cite(self.title, self.page)


def cite(title: str, page: int) -> str:
    """The citation of page ``page`` (from 1) of the document titled ``title``."""
    return f"{OPEN}{title} p.{page}{CLOSE}"


def find(note: str) -> list[Citation]:
    """Every citation in ``note``, in order."""
    found = []
    for match in _CITATION.finditer(note):
        page = int(match["page"] or match["page_zh"])
        title = match["title"].strip()
        if page >= 1 and title:
            found.append(Citation(title, page, match.start(), match.end()))
    return found


def at(note: str, position: int) -> Citation | None:
    """The citation ``position`` (a character index) falls in, if any."""
    return next((c for c in find(note) if c.start <= position < c.end), None)


@dataclass(frozen=True)
class Resolved:
    """A citation with the document it names (None: no such document, or no such page)."""

    citation: Citation
    document: Document | None
    problem: str = ""  # "" | "unknown document" | "no such page"

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.problem


def _fold(title: str) -> str:
    return "".join(title.split()).lower()


def resolve(note: str, documents: Iterable[Document]) -> list[Resolved]:
    """The citations of ``note`` against the documents of its alliance. A title matches
    exactly, or ignoring spaces and case."""
    docs = list(documents)
    exact = {d.title: d for d in docs}
    folded = {_fold(d.title): d for d in docs}
    result = []
    for citation in find(note):
        document = exact.get(citation.title) or folded.get(_fold(citation.title))
        if document is None:
            result.append(Resolved(citation, None, "unknown document"))
        elif document.pages and citation.page > document.pages:
            result.append(Resolved(citation, document, "no such page"))
        else:
            result.append(Resolved(citation, document))
    return result
