"""Documents an alliance sends beside its self-evaluation (佐证材料): kinds, bounds, titles.

A document is kept once by the SHA-256 of its bytes. Its kind is told by its content as
well as its name (a ``.pdf`` that is a zip is refused). PDFs are shown as they are; office
documents are shown as the PDF LibreOffice makes of them when it is installed, otherwise
as their text; pictures are shown as a one-page PDF made of them. The bounds below are
checked before a document is read (README, "Documents").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MB = 1024 * 1024
#: one document (its original file) at most
MAX_DOCUMENT_BYTES = 50 * MB
#: all documents of one round together (originals and the PDFs made of them)
MAX_ROUND_DOCUMENT_BYTES = 2048 * MB
#: pages of one document at most (a longer one is refused at import)
MAX_PAGES = 2000
#: text kept per page for searching (a page holding more keeps the first this many)
MAX_PAGE_TEXT = 20_000
#: pictures larger than this many pixels are refused (a decompression bomb)
MAX_IMAGE_PIXELS = 40_000_000
#: a reviewer file larger than this is said to be too large to send by e-mail
MAIL_LIMIT_BYTES = 20 * MB
#: a document title (what a citation names) at most this many characters
MAX_TITLE_CHARS = 40

PDF, IMAGE, WORD, SHEET = "pdf", "image", "word", "sheet"
#: file name extension -> kind stored
KIND_OF_SUFFIX = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "wps",
    ".odt": "odt",
    ".xlsx": "xlsx",
    ".xls": "xls",
    ".et": "et",
    ".ods": "ods",
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".png": "png",
}
KINDS = tuple(sorted(set(KIND_OF_SUFFIX.values())))
FAMILY = {
    "pdf": PDF,
    "jpg": IMAGE,
    "png": IMAGE,
    "docx": WORD,
    "doc": WORD,
    "wps": WORD,
    "odt": WORD,
    "xlsx": SHEET,
    "xls": SHEET,
    "et": SHEET,
    "ods": SHEET,
}
#: what the first bytes of each kind's file look like
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (_ZIP,),
    "xlsx": (_ZIP,),
    "odt": (_ZIP,),
    "ods": (_ZIP,),
    "doc": (_OLE,),
    "xls": (_OLE,),
    "wps": (_OLE,),
    "et": (_OLE,),
}


def kind_of_name(name: str) -> str | None:
    """The kind a file name claims, or None for a file the round does not take."""
    dot = name.rfind(".")
    return KIND_OF_SUFFIX.get(name[dot:].lower()) if dot >= 0 else None


def content_matches(kind: str, head: bytes) -> bool:
    """Whether the file's first bytes are what its kind's files begin with.

    A PDF may carry a little junk before ``%PDF-`` (readers accept 1 KB of it).
    """
    if kind == "pdf":
        return b"%PDF-" in head[:1024]
    return any(head.startswith(magic) for magic in _MAGIC.get(kind, ()))


@dataclass(frozen=True)
class Document:
    """One document of one alliance as a file holds it."""

    id: int
    alliance_uid: str
    position: int
    title: str
    file_name: str
    kind: str
    sha256: str
    size: int
    #: the PDF shown (the original for a PDF; the conversion of an office document or a
    #: picture), or None when only the text can be shown
    view_sha256: str | None
    pages: int
    added_at: str = ""

    @property
    def family(self) -> str:
        return FAMILY.get(self.kind, WORD)

    @property
    def text_only(self) -> bool:
        return self.view_sha256 is None


# titles ---------------------------------------------------------------------------------
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "[": "(", "]": ")", "\n": " ", "\r": " "})
_SEPARATORS = " _-—–·.、，,：:（）()"


def clean_title(text: str) -> str:
    """A title a citation can name: no citation brackets or line breaks, no control
    characters, spaces collapsed, at most ``MAX_TITLE_CHARS`` characters."""
    text = unicodedata.normalize("NFC", text).translate(_BRACKETS)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    return text[:MAX_TITLE_CHARS].strip()


def title_from_file_name(file_name: str, alliance_names: tuple[str, ...] = ()) -> str:
    """A document's title from its file name: the stem, without the alliance's name in
    front ("TD联盟-2015年度工作总结.pdf" -> "2015年度工作总结")."""
    dot = file_name.rfind(".")
    stem = file_name[:dot] if dot > 0 else file_name
    for name in sorted(alliance_names, key=len, reverse=True):
        if name and stem.startswith(name) and len(stem) > len(name):
            rest = stem[len(name) :].lstrip(_SEPARATORS)
            if rest:
                stem = rest
                break
    return clean_title(stem) or clean_title(file_name) or "document"


def unique_title(title: str, taken: set[str]) -> str:
    """``title``, or "title (2)", "title (3)"… when the alliance has it already."""
    if title not in taken:
        return title
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = title[: MAX_TITLE_CHARS - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


# matching files to alliances ------------------------------------------------------------
_LONG_SUFFIXES = (
    "产业技术创新战略联盟",
    "产业链技术创新战略联盟",
    "全产业链技术创新战略联盟",
    "技术创新战略联盟",
    "产业技术创新联盟",
    "技术创新联盟",
    "产业联盟",
    "联盟",
)


def short_names(name: str) -> tuple[str, ...]:
    """The ways a file name may name an alliance besides its full name: the name without
    the programme's long suffix ("TD 产业技术创新战略联盟" -> "TD", "TD联盟")."""
    found: list[str] = []
    compact = "".join(name.split())
    for suffix in _LONG_SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix):
            core = compact[: -len(suffix)].strip("（）() ")
            if len(core) >= 2:
                found += [core + "联盟", core]
            break
    if compact != name:
        found.append(compact)
    return tuple(dict.fromkeys(n for n in found if n and n != name))


def _fold(text: str) -> str:
    """Text as matching compares it: NFKC (full-width letters), no spaces, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


@dataclass(frozen=True)
class Match:
    """Which alliance a file (or folder) name names: one uid, several (ambiguous), none."""

    uids: tuple[str, ...]
    how: str = ""  # "name" | "short name" | ""

    @property
    def alliance_uid(self) -> str | None:
        return self.uids[0] if len(self.uids) == 1 else None


def match_alliance(text: str, names: dict[str, tuple[str, ...]]) -> Match:
    """The alliance ``text`` (a file or folder name) names. ``names``: uid -> (full name,
    other names…). The longest name found in the text wins; a tie between alliances is
    ambiguous. A full name counts before a short one."""
    folded = _fold(text)
    best: dict[str, tuple[int, int]] = {}
    for uid, candidates in names.items():
        for rank, candidate in enumerate(candidates):
            key = _fold(candidate)
            if len(key) >= 2 and key in folded:
                score = (0 if rank == 0 else 1, -len(key))
                if uid not in best or score < best[uid]:
                    best[uid] = score
    if not best:
        return Match(())
    top = min(best.values())
    winners = tuple(sorted(uid for uid, score in best.items() if score == top))
    return Match(winners, "name" if top[0] == 0 else "short name")


def sort_key(title: str) -> tuple[int, str]:
    """Documents in the order a reviewer reads them: the work summary, the plan, the rest."""
    order = ("总结", "计划", "规划", "纪要", "章程", "制度", "项目", "简报", "通讯")
    return next((n for n, word in enumerate(order) if word in title), len(order)), title
