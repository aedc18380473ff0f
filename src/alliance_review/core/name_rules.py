"""One set of rules for every name that enters a round: an alliance's name or short name,
a reviewer's name, a batch's name, however it comes in (an imported list, the command
line, a field of the window).

A name is refused, in one sentence naming where it came from, when it holds a control
character (BEL, ESC...: it cannot be shown or printed, and it can drive a terminal), a
character that changes the direction of text (RLO and the other embeddings, overrides
and isolates: "ABC" could be shown as "CBA"), or more characters than such a name has.
Invisible marks pasted from web pages (zero-width spaces, LRM, a BOM) are dropped, and
whitespace tidied, by ``clean``; whoever stores the result says so when it differs.
"""

from __future__ import annotations

import re
import unicodedata

from alliance_review.core.errors import UserError

# how long a name of each kind may be
ALLIANCE_NAME_CHARS = 200
SHORT_NAME_CHARS = 40
REVIEWER_NAME_CHARS = 100
BATCH_NAME_CHARS = 40
REASON_CHARS = 500

# C0 and C1 controls other than the whitespace ones (tab, LF, VT, FF, CR), and DEL
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# embeddings, overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI)
_DIRECTION = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# zero-width, word joiner, BOM, soft hyphen, the direction marks LRM RLM ALM, Mongolian
# vowel separator: invisible, harmless, dropped
INVISIBLE = dict.fromkeys(
    [0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF]
)
_SPACES = re.compile(r"\s+")


def problem(text: str, limit: int) -> tuple[str, str] | None:
    """Why ``text`` cannot be a name, as the middle of a sentence (zh, en), or None."""
    found = _CONTROL.search(text)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        return f"含有不可见的控制字符（{code}）", f"holds an invisible control character ({code})"
    found = _DIRECTION.search(text)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        return (
            f"含有改变文字方向的控制字符（{code}），显示出来的文字可能与实际不同",
            f"holds a character that changes the direction of text ({code}), so what is "
            "shown may not be what it says",
        )
    if len(text) > limit:
        return (
            f"有 {len(text)} 个字符，超过 {limit} 个，不像是名称",
            f"holds {len(text)} characters, more than {limit}; that is no name",
        )
    return None


def sentence(place: tuple[str, str], reason: tuple[str, str], imported: bool) -> tuple[str, str]:
    """The one sentence of a refusal: where, why, what to do."""
    if imported:
        return (
            f"{place[0]}{reason[0]}，请改正后再导入。",
            f"{place[1]} {reason[1]}; correct it and import again.",
        )
    return f"{place[0]}{reason[0]}，请改正后再输入。", f"{place[1]} {reason[1]}; correct it."


def clean(text: str) -> str:
    """Invisible marks dropped, any run of whitespace made one space, trimmed."""
    return _SPACES.sub(" ", text.translate(INVISIBLE)).strip()


_CJK_SPACED = re.compile(r"^[\u3400-\u9fff\s]+$")


def person_name(text: str) -> str:
    """A person's name as stored: NFKC (full-width letters half-width), invisible marks
    dropped, and the padding inside a Chinese name ("李　红") removed."""
    name = clean(unicodedata.normalize("NFKC", clean(text)))
    return name.replace(" ", "") if _CJK_SPACED.match(name) else name


def checked(text: str, limit: int, place: tuple[str, str]) -> str:
    """``text`` cleaned, or the refusal as a ``UserError`` (a name typed or given)."""
    reason = problem(text, limit)
    if reason is not None:
        zh, en = sentence(place, reason, imported=False)
        raise UserError(zh, en)
    return clean(text)


ALLIANCE_NAME = ("联盟名称", "The alliance name")
SHORT_NAME = ("联盟简称", "The short name")
REVIEWER_NAME = ("评审专家姓名", "The reviewer's name")
BATCH_NAME = ("批次名称", "The batch name")
REASON = ("原因", "The reason")
