"""The one function that makes a file name from names (an alliance, a reviewer, a round).

A name typed by a person may hold characters no file system accepts (``\\ / : * ? " < >
|``, control characters), may be a name Windows reserves (``CON``, ``NUL``, ``COM1``...),
may end in a dot or space (Windows drops them) and may be far too long: a 200-character
Chinese alliance name is 600 bytes in UTF-8. Every file system the users have limits one
name: ext4 to 255 bytes, NTFS and APFS/HFS+ to 255 UTF-16 units (HFS+ after decomposing),
and the encrypted home folders of older Ubuntu desktops (eCryptfs) to 143 bytes. So a name
is cut to ``NAME_BYTES`` (143) UTF-8 bytes and as many UTF-16 units, in either
normalisation, which leaves room for SQLite's ``-journal`` beside it; the cut part ends
in "…". On Windows a name meant for a given folder is also cut so that the whole path
stays under ``MAX_PATH`` (260), which Excel, WPS and many other programs still need.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import PurePath, PureWindowsPath

from alliance_review.system import host

NAME_BYTES = 143
#: the fewest characters a name is cut to for a deep Windows folder
MIN_STEM = 12
#: Windows' MAX_PATH counts the terminating NUL: a path holds at most 259 characters
PATH_UNITS = 259
ELLIPSIS = "…"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_SPACE = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


def _size(text: str) -> int:
    """The largest count any file system makes of ``text``: UTF-8 bytes, composed or
    decomposed (never fewer than its UTF-16 units, which NTFS and APFS count)."""
    sizes = []
    for form in ("NFC", "NFD"):
        normal = unicodedata.normalize(form, text)
        sizes.append(len(normal.encode("utf-8", "surrogatepass")))
    return max(sizes)


def _units(text: str) -> int:
    """UTF-16 code units: what Windows counts in a path."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clean(text: str, fallback: str = "_") -> str:
    """``text`` usable inside a file name on Windows, macOS and Linux (not cut)."""
    cleaned = _SPACE.sub(" ", _UNSAFE.sub("_", text)).strip(" ._")
    return cleaned or fallback


def _longest_prefix(text: str, fits: Callable[[str], bool], mark: str) -> str | None:
    """The longest ``text[:n] + mark`` (n < len(text)) that ``fits``, or None."""
    low, high, best = 1, len(text) - 1, None
    while low <= high:
        middle = (low + high) // 2
        candidate = text[:middle].rstrip(" ._") + mark
        if candidate != mark and fits(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def cut(text: str, limit: int, mark: str = ELLIPSIS) -> str:
    """``text`` shortened at a character boundary to at most ``limit`` bytes (with ``mark``
    at the end when anything was cut)."""
    if _size(text) <= limit:
        return text
    return _longest_prefix(text, lambda t: _size(t) <= limit, mark) or text[:1]


def file_name(
    *parts: str,
    suffix: str = "",
    folder: PurePath | str | None = None,
    separator: str = "-",
    fallback: str = "_",
) -> str:
    """A file name from ``parts`` (cleaned, joined by ``separator``) and ``suffix``,
    safe on every platform; the longest part is cut first when it must be shortened.

    ``folder``: where the file goes; on Windows the name is then also cut so that the
    whole path stays within ``MAX_PATH`` (down to a few characters; a folder that is
    itself too deep is then refused by the system, in a sentence naming the length).

    ``file_name("001", "某某产业技术创新战略联盟", "自评价表", suffix=".xlsx")``
    """
    cleaned = [clean(p, fallback) for p in parts] or [fallback]
    byte_room = NAME_BYTES - _size(suffix)
    unit_room: int | None = None
    if folder is not None and host.IS_WINDOWS:
        used = _units(str(PureWindowsPath(str(folder)))) + 1 + _units(suffix)
        unit_room = max(PATH_UNITS - used, MIN_STEM)

    def fits(stem: str) -> bool:
        return _size(stem) <= byte_room and (unit_room is None or _units(stem) <= unit_room)

    stem = separator.join(cleaned)
    while not fits(stem):
        longest = max(range(len(cleaned)), key=lambda i: _size(cleaned[i]))
        part = cleaned[longest]
        if len(part.rstrip(ELLIPSIS)) <= 1:
            break

        def whole(candidate: str, at: int = longest) -> str:
            return separator.join(candidate if i == at else p for i, p in enumerate(cleaned))

        shorter = _longest_prefix(part, lambda c: fits(whole(c)), ELLIPSIS)
        if shorter is None:  # the others are long too: halve this one and go on
            shorter = part.rstrip(ELLIPSIS)[: len(part.rstrip(ELLIPSIS)) // 2] + ELLIPSIS
        cleaned[longest] = shorter
        stem = separator.join(cleaned)
    if not fits(stem):
        stem = _longest_prefix(stem, fits, "") or stem[:MIN_STEM]
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem + suffix
