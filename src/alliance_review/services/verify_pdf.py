"""``verify-pdf``: does an appendix PDF show what its round prints now?

A reader trusts what the pages show, so that is what is compared. The appendix is
printed again from the round as it is now, with the choices the PDF records (tiers, the
rank column, title, font): the export is byte-identical for a round and its choices
(reportlab's invariant mode), so equal bytes settle it. Where the bytes differ (another
font file, another reportlab), each page of both is rendered (``pdf_compare``) and the
first page that shows something else is named: a picture of a tampered table laid over
each genuine page (whose hidden text still reads as genuine) is caught there, and the
text of each page is compared too, to say what it prints instead.

A PDF is never passed on the hash it carries alone: one that records no appendix
choices (a statistics report, or an appendix whose metadata was edited) is printed again
with the default choices and must look the same as well. The content hash, the lock's
signature (for a round locked when the PDF was made) and the round's own lock (a round
altered after locking prints nothing trustworthy) are checked besides.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.services.appendix_pdf import AppendixOptions, build_appendix
from alliance_review.services.page_images import page_texts
from alliance_review.services.pdf_common import round_moment
from alliance_review.services.pdf_compare import PageDifference, first_visible_difference, metadata
from alliance_review.services.results import compute
from alliance_review.services.round_digest import content_hash, keyword_fields
from alliance_review.storage.audit import ALTERED, LockState
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.submission import read_bytes

MAX_PDF_BYTES = 512 * 1024 * 1024  # a PDF to verify is read only up to this size


@dataclass(frozen=True)
class Verification:
    """Whether a PDF shows what its round holds now (pages, hash, lock signature)."""

    matches: bool
    round_hash: str
    pdf_hash: str | None
    pdf_round: str | None
    pages: int = 0
    difference: tuple[int, str, str] | None = None  # page, printed, expected (text)
    looks_different: PageDifference | None = None  # what the page shows
    identical: bool = False  # byte for byte the appendix the round prints now
    choices_recorded: bool = False  # the PDF names the appendix choices it was made with
    lock_fingerprint: str = ""
    lock_differs: bool = False
    lock: LockState | None = None
    unprintable: UserError | None = None  # the recorded choices cannot be printed again
    missing_font: str = ""  # printed with a font file this computer does not have


def _first_text_difference(found: list[str], expected: list[str]) -> tuple[int, str, str] | None:
    """The first page whose text differs (whitespace aside: line breaks may fall elsewhere
    with another font), with a few characters around the first difference on each side."""
    for number in range(max(len(found), len(expected))):
        got = "".join((found[number] if number < len(found) else "").split())
        want = "".join((expected[number] if number < len(expected) else "").split())
        if got == want:
            continue
        at = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), None)
        at = min(len(got), len(want)) if at is None else at
        start = max(0, at - 12)
        return number + 1, got[start : at + 12], want[start : at + 12]
    return None


def _recorded_font(name: str | None) -> Path | None:
    """The font the PDF says it was printed with, if this computer has it."""
    if not name:
        return None
    path = Path(name)
    return path if path.is_file() else None


def verify_appendix(round_path: Path | str, pdf_path: Path | str) -> Verification:
    """Print the appendix again from the round as it is now, with the choices the PDF
    records, and compare: bytes, else what each page shows and prints; also the content
    hash and, for a round locked when the PDF was made, the lock signature. Opens the
    round read-only; reads the PDF once (its bytes are what is compared)."""
    pdf_path = Path(pdf_path)
    data = read_bytes(pdf_path, MAX_PDF_BYTES)
    info = metadata(data, pdf_path.name)
    fields = keyword_fields(info.get("Keywords", ""))
    pdf_hash = fields.get("content-sha256")
    with RoundStore.open_readonly(round_path) as store, store.read_transaction():
        result = compute(store)
        digest = content_hash(store)
        lock = store.lock_state()
        moment = round_moment(store.publication_time())
    signed = fields.get("lock-signature")
    lock_differs = signed is not None and signed != lock.signature
    base = Verification(
        False, digest, pdf_hash, fields.get("round"), lock=lock, lock_differs=lock_differs,
        lock_fingerprint=fields.get("key-fingerprint", ""),
        choices_recorded="appendix-tiers" in fields,
    )  # fmt: skip
    if pdf_hash is None or not result.ranking or lock.state == ALTERED:
        return base
    if fields.get("font") and _recorded_font(fields.get("font")) is None:
        return replace(base, missing_font=fields["font"])
    tiers = fields.get("appendix-tiers", "*")
    options = AppendixOptions(
        title=info.get("Title") or None,
        tiers=None if tiers == "*" else tuple(t for t in tiers.split(",") if t),
        show_rank_ties=fields.get("show-ties") == "1",
        font=_recorded_font(fields.get("font")),
    )
    with tempfile.TemporaryDirectory(prefix="alliance-review-verify-") as scratch:
        expected = Path(scratch) / "expected.pdf"
        try:
            build_appendix(expected, result, digest, options, None, moment, lock)
        except UserError as error:  # the recorded choices name a tier the round lacks
            return replace(base, unprintable=error)
        reprint = expected.read_bytes()
    found = page_texts(data)
    identical = reprint == data
    text = None if identical else _first_text_difference(found, page_texts(reprint))
    looks = None
    if not identical and text is None:
        looks = first_visible_difference(data, reprint, pdf_path.name)
    same = identical or (text is None and looks is None)
    return replace(
        base, matches=same and pdf_hash == digest and not lock_differs, pages=len(found),
        difference=text, looks_different=looks, identical=identical,
    )  # fmt: skip
