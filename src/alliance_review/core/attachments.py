"""The attachments an alliance's self-evaluation names (its 附件清单), and which of them
the round has received as documents.

An alliance lists its attachments in its self-evaluation workbook: a name each (as its
file is called, or its title), and the indicators it supports. A name is matched to one
of the alliance's documents by its words alone: case, spaces, punctuation, book-title
marks, a file name's extension and the alliance's own name in front are not compared
("《2015年度工作总结》" is "TD联盟-2015年度工作总结.pdf"). A name no document matches
exactly is matched to the one document whose title or file name contains it (or is
contained in it), if there is exactly one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alliance_review.core.documents import KIND_OF_SUFFIX, Document

#: rows of the workbook's list of attachments (and at most this many are kept)
MAX_ATTACHMENTS = 40
#: characters of one attachment's name at most
MAX_NAME_CHARS = 120
#: a name matched by containment has at least this many characters (after ``normal``)
MIN_CONTAINED = 4
#: what separates indicator codes typed in one cell: commas, 、, semicolons, spaces
CODE_SEPARATORS = re.compile(r"[,，、;；\s]+")
_SUFFIX = re.compile(
    r"\.(" + "|".join(sorted({s[1:] for s in KIND_OF_SUFFIX}, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Named:
    """One attachment the self-evaluation names."""

    position: int  # 1-based, as listed
    name: str
    codes: tuple[str, ...] = ()  # the indicators it supports


def normal(text: str, alliance_names: Iterable[str] = ()) -> str:
    """The words of a name, for comparing: width and case folded, the extension, the
    alliance's name in front, spaces and punctuation left out."""
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    folded = _SUFFIX.sub("", folded)
    for own in sorted((unicodedata.normalize("NFKC", n).casefold() for n in alliance_names),
                      key=len, reverse=True):  # fmt: skip
        if own and folded.startswith(own) and len(folded) > len(own):
            folded = folded[len(own) :]
            break
    return "".join(
        ch for ch in folded if not unicodedata.category(ch).startswith(("P", "Z", "S", "C"))
    )


def split_codes(text: str) -> list[str]:
    """The indicator codes typed in one cell ("1.1、2.3" -> ["1.1", "2.3"])."""
    return [c for c in CODE_SEPARATORS.split(unicodedata.normalize("NFKC", text)) if c]


def received(
    named: Sequence[Named], documents: Sequence[Document], alliance_names: Iterable[str] = ()
) -> list[tuple[Named, Document | None]]:
    """Each named attachment with the document that is it, or None (not received)."""
    own = tuple(alliance_names)
    forms = [(d, {normal(d.title, own), normal(d.file_name, own)} - {""}) for d in documents]
    result: list[tuple[Named, Document | None]] = []
    for item in named:
        wanted = normal(item.name, own)
        if not wanted:
            result.append((item, None))
            continue
        exact = [d for d, names in forms if wanted in names]
        if len(exact) >= 1:
            result.append((item, exact[0]))
            continue
        near = [d for d, names in forms if any(_contains(wanted, n) for n in names)]
        result.append((item, near[0] if len(near) == 1 else None))
    return result


def _contains(a: str, b: str) -> bool:
    """One name holds the other, both long enough to mean something ("计划" does not)."""
    return min(len(a), len(b)) >= MIN_CONTAINED and (a in b or b in a)


def missing(
    named: Sequence[Named], documents: Sequence[Document], alliance_names: Iterable[str] = ()
) -> list[Named]:
    """The named attachments no document of the alliance is."""
    return [item for item, found in received(named, documents, alliance_names) if found is None]
