"""Citations in the notes a scoring workbook brings back, recognised again on import.

A note travels through the workbook as text, citations included (〔工作总结 p.12〕); on
import each citation of a changed note is matched to the alliance's documents, and the
preview says how many were found and names each one that cites no document or page the
file holds. The notes are imported as typed either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alliance_review.core import citations
from alliance_review.core.documents import Document
from alliance_review.storage import documents as document_rows
from alliance_review.storage.reviewer_store import ReviewerStore

if TYPE_CHECKING:
    from alliance_review.services.reviewer_sheet import SheetChange


@dataclass(frozen=True)
class CitedPage:
    """A citation (〔工作总结 p.12〕) in a note the workbook brings, recognised against the
    alliance's documents: ``problem`` is "" (it names a page the file holds), "unknown
    document" or "no such page"."""

    cell: str
    alliance_name: str
    code: str
    text: str
    problem: str


def citation_lines(cited: list[CitedPage], language: str = "zh") -> list[str]:
    """How many citations the notes bring, and each one naming no document or page."""
    if not cited:
        return []
    english = language.startswith("en")
    wrong = [c for c in cited if c.problem]
    lines = [
        f"Citations of documents in the notes: {len(cited)}, {len(cited) - len(wrong)} found"
        if english
        else f"评分依据中引用佐证材料 {len(cited)} 处，"
        f"其中 {len(cited) - len(wrong)} 处可对应到文档"
    ]
    for c in wrong:
        why = {
            "unknown document": ("no such document of the alliance", "该联盟没有这个文档"),
            "no such page": ("the document has no such page", "文档没有这一页"),
        }[c.problem]
        lines.append(
            f"  {c.cell}  {c.alliance_name}  {c.code}  {c.text}: {why[0]}"
            if english
            else f"  {c.cell}  {c.alliance_name}  {c.code}  {c.text}：{why[1]}"
        )
    return lines


def cited_pages(store: ReviewerStore, changes: list[SheetChange]) -> list[CitedPage]:
    """The citations of the notes the workbook changes, recognised against each alliance's
    documents (the notes are kept as typed, whatever they cite)."""
    by_alliance: dict[str, list[Document]] = {}
    for document in document_rows.documents(store.conn):
        by_alliance.setdefault(document.alliance_uid, []).append(document)
    found = []
    for change in changes:
        if change.new_note == change.old_note:
            continue
        for resolved in citations.resolve(
            change.new_note, by_alliance.get(change.alliance_uid, [])
        ):
            found.append(
                CitedPage(
                    change.cell,
                    change.alliance_name,
                    change.code,
                    change.new_note[resolved.citation.start : resolved.citation.end],
                    resolved.problem,
                )  # fmt: skip
            )
    return found
