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
from pathlib import PurePath, PureWindowsPath

from alliance_review.system import host

NAME_BYTES = 143
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


def fits(name: str, limit: int = NAME_BYTES) -> bool:
    return _size(name) <= limit


def clean(text: str, fallback: str = "_") -> str:
    """``text`` usable inside a file name on Windows, macOS and Linux (not cut)."""
    cleaned = _SPACE.sub(" ", _UNSAFE.sub("_", text)).strip(" ._")
    return cleaned or fallback


def cut(text: str, limit: int, mark: str = ELLIPSIS) -> str:
    """``text`` shortened at a character boundary to fit ``limit`` (with ``mark`` at the
    end when anything was cut)."""
    if _size(text) <= limit:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the mark
        middle = (low + high + 1) // 2
        if _size(text[:middle].rstrip(" ._") + mark) <= limit:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip(" ._") + mark


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
    budget = NAME_BYTES - _size(suffix)
    if folder is not None and host.IS_WINDOWS:
        room = PATH_UNITS - len(str(PureWindowsPath(str(folder)))) - 1 - len(suffix)
        budget = min(budget, max(room, 12))
    budget = max(budget, 12)
    while _size(separator.join(cleaned)) > budget:
        longest = max(range(len(cleaned)), key=lambda i: _size(cleaned[i]))
        others = _size(separator.join(cleaned)) - _size(cleaned[longest])
        room_left = max(budget - others, _size(ELLIPSIS) + 1)
        shorter = cut(cleaned[longest], room_left)
        if shorter == cleaned[longest] or _size(shorter) >= _size(cleaned[longest]):
            shorter = cut(cleaned[longest], _size(cleaned[longest]) - 1)
        if not shorter.rstrip(ELLIPSIS):
            cleaned.pop(longest)  # nothing of it fits: leave it out
            if not cleaned:
                cleaned = [fallback]
                break
            continue
        cleaned[longest] = shorter
    stem = separator.join(cleaned)
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem + suffix
