"""Reviewers' citations in the drill-down: each one a link that opens the cited page.

A note's citations (〔工作总结 p.12〕, ``core.citations``) are matched to the alliance's
documents; one that names a document and page the round holds becomes a link
``document:ID:PAGE``; one that names none stays text, marked as not found.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl

from alliance_review.core import citations
from alliance_review.core.documents import Document

SCHEME = "document"


def link(document_id: int, page: int) -> str:
    return f"{SCHEME}:{document_id}:{page}"


def parse(url: QUrl) -> tuple[int, int] | None:
    """(document id, page) of a citation link, or None for any other link."""
    text = url.toString()
    parts = text.split(":")
    if len(parts) != 3 or parts[0] != SCHEME:
        return None
    try:
        return int(parts[1]), int(parts[2])
    except ValueError:
        return None


def note_html(note: str, documents: list[Document]) -> str:
    """The note as HTML: its text escaped, line breaks kept, each citation a link."""
    out: list[str] = []
    at = 0
    for resolved in citations.resolve(note, documents):
        citation = resolved.citation
        out.append(html.escape(note[at : citation.start]))
        shown = html.escape(note[citation.start : citation.end])
        if resolved.ok and resolved.document is not None:
            out.append(f'<a href="{link(resolved.document.id, citation.page)}">{shown}</a>')
        else:
            out.append(shown)
        at = citation.end
    out.append(html.escape(note[at:]))
    return "".join(out).replace("\n", "<br>")


def cites_html(note: str, documents: list[Document]) -> str:
    """One line listing the pages the note cites (empty when it cites none)."""
    found = citations.resolve(note, documents)
    if not found:
        return ""
    items = []
    for resolved in found:
        shown = html.escape(resolved.citation.text)
        if resolved.ok and resolved.document is not None:
            href = link(resolved.document.id, resolved.citation.page)
            items.append(f'<a href="{href}">{shown}</a>')
        else:
            missing = QCoreApplication.translate("DrillDownPage", "not found")
            items.append(f"{shown} <i>({html.escape(missing)})</i>")
    label = QCoreApplication.translate("DrillDownPage", "Cites:")
    return f"<br><small>{html.escape(label)} {' '.join(items)}</small>"
