"""Cell text as a person meant it: invisible characters removed, spaces tidied, cells named.

Zero-width and bidi control characters (pasted from web pages and chat programs) are
dropped; tabs, line breaks and unusual spaces become one space; any other control
character is refused with the cell's name, because it cannot be shown or printed.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

# zero-width, word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides, isolates
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
_SPACES = re.compile(r"\s+")
# C0 and C1 controls other than the whitespace ones (tab, LF, VT, FF, CR), and DEL
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> tuple[str, str]:
    """(Chinese, English) name of a cell; ``row`` is 1-based, ``column`` 0-based."""
    letter = column_letter(column)
    return f"第 {row} 行 {letter} 列", f"row {row}, column {letter}"


def value_text(value: object) -> str:
    """A cell value as text: 3.0 as "3", a date as 2016-05-01, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def control_problem(text: str, row: int, column: int) -> tuple[str, str] | None:
    """A sentence naming the cell when ``text`` holds a control character, else None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    zh, en = cell_name(row, column)
    code = f"U+{ord(found.group()):04X}"
    return (
        f"{zh}含有不可见的控制字符（{code}），请删除后再导入。",
        f"{en} holds an invisible control character ({code}); remove it and import again.",
    )


def clean_text(text: str) -> str:
    """Invisible characters removed, any run of whitespace made one space, trimmed."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


_PAIR = re.compile(r"(.?)\s*\(([^()]*)\)")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _brackets(found: re.Match[str]) -> str:
    before, inside = found.group(1), found.group(2)
    if _CJK.match(before) or _CJK.search(inside):
        return f"{before}（{inside.strip()}）"
    return found.group(0)


_CJK_GAP = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff（）、])\s+(?=[\u3400-\u9fff\uf900-\ufaff（）、])"
)


def normal_name(text: str) -> str:
    """A name as stored: cleaned, full-width letters and digits made half-width (NFKC),
    the brackets of a Chinese name ("模型(BIM)", "有机(类)") made the full-width ones
    most of the published names use ("=SUM(1,2)" keeps its own), and the line breaks and
    spaces between two Chinese characters removed (a long name wrapped in its cell with
    Alt+Enter, "产业技术\n创新战略联盟"); "TD 产业" keeps its space."""
    name = clean_text(unicodedata.normalize("NFKC", clean_text(text)))
    name = _PAIR.sub(_brackets, name)
    name = re.sub(r"\s*([（）])\s*", r"\1", name)
    return _CJK_GAP.sub("", name)
