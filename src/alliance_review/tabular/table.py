"""Find the table in a sheet: the header row below any title rows, and the rows that are
not data (totals, remarks, a repeated header)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from alliance_review.tabular.text import clean_text

HEADER_LOOKAHEAD = 30  # title and note rows above the header, at most
_MARKS = re.compile(r"[\s*＊:：]+")
_SUFFIX = re.compile(r"[（(【\[].*?[）)】\]]$")
_TOTAL = re.compile(
    r"^(合\s*计|总\s*计|小\s*计|共\s*计|共\s*\d+\s*[家个项名位]|total\b|subtotal\b|sum\b)",
    re.IGNORECASE,
)
_REMARK = re.compile(r"^(注|备注|说明|附注|填表说明|note|remark)s?\s*[:：\d]", re.IGNORECASE)
_COUNT = re.compile(r"(\d+)\s*[家个项名位]")


def header_key(text: str) -> str:
    """A header cell folded for matching: width, case, spaces, ":" and a bracketed
    suffix ("联盟名称（全称）") removed."""
    folded = unicodedata.normalize("NFKC", clean_text(text)).casefold()
    folded = _MARKS.sub("", folded)
    return _SUFFIX.sub("", folded) or folded


def match_header(row: Sequence[str], fields: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Field -> first column whose header is one of the field's words."""
    keys = [header_key(cell) for cell in row]
    mapping: dict[str, int] = {}
    for field, words in fields.items():
        wanted = {header_key(w) for w in words}
        for column, key in enumerate(keys):
            if key in wanted and column not in mapping.values():
                mapping[field] = column
                break
    return mapping


def find_header(
    rows: Sequence[Sequence[str]], fields: Mapping[str, Sequence[str]], required: str
) -> int | None:
    """Index of the header row: among the first rows, the one naming the most fields,
    the ``required`` one among them; None when no row names it."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(rows[:HEADER_LOOKAHEAD]):
        found = match_header(row, fields)
        if required in found and (best is None or len(found) > best[1]):
            best = (index, len(found))
    return best[0] if best else None


def is_total_or_remark(row: Sequence[str]) -> str | None:
    """ "total" for 合计/共 N 家 rows, "remark" for 注：/说明 rows, else None."""
    first = clean_text(next((c for c in row if c and not c.isspace()), ""))
    if not first:
        return None
    if _TOTAL.match(first):
        return "total"
    if _REMARK.match(first):
        return "remark"
    return None


def stated_count(row: Sequence[str]) -> int | None:
    """The number a total row states ("合计：129 家" -> 129), if any."""
    for cell in row:
        found = _COUNT.search(unicodedata.normalize("NFKC", cell))
        if found:
            return int(found.group(1))
    return None


_NUMERAL = "[一二三四五六七八九十]+"
_ORDINAL = re.compile(
    rf"^(?:{_NUMERAL}\s*[、.．]|[（(]\s*{_NUMERAL}\s*[)）]|第{_NUMERAL}(?:部分|类))"
)
_COUNTED = re.compile(r"[（(]\s*共\s*\d+\s*[家个项名位]\s*[)）]\s*$")
_TIER_HEADING = re.compile(r"^活跃度(?:高|较高|一般|较差)")
BATCH_HEADING = re.compile(r"(?:第[一二三四五六七八九十0-9]+批|首批)")


def heading_kind(row: Sequence[str], columns: Sequence[int] | None = None) -> str | None:
    """ "tier" for a tier heading of a published appendix ("活跃度高的联盟（共 56 家）"),
    "section" for a heading inside a table ("一、第一批试点联盟", "第四批（共 3 家）"), else
    None. A heading is the row's one text (a cell merged across the row repeats it),
    standing in one of ``columns`` (the first, the name's) or merged across cells."""
    texts: list[str] = []
    places: list[int] = []
    for column, cell in enumerate(row):
        text = clean_text(cell)
        if text:
            places.append(column)
            if text not in texts:
                texts.append(text)
    if len(texts) != 1:
        return None
    if columns is not None and len(places) == 1 and places[0] not in columns:
        return None
    text = unicodedata.normalize("NFKC", texts[0])
    if _TIER_HEADING.match(text) and (len(text) <= 24 or _COUNTED.search(text)):
        return "tier"
    if _ORDINAL.match(text) or _COUNTED.search(text):
        return "section"
    batch = BATCH_HEADING.search(text)
    if batch is not None and len(text) <= 24 and not text.endswith("战略联盟"):
        return "section"
    return None
