"""Participation (参评 / 未参评): every pilot alliance is on the roster; some do not take part.

A non-participant is not scored, not assigned, not ranked and not printed in the
appendix; the report counts non-participants by batch and by reason. Reasons come from
an editable list; the 2015 report names three (section 二): an unreachable secretariat,
a contact unwilling to provide the self-evaluation, a self-evaluation sent too late.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_review.core.errors import UserError

DEFAULT_REASONS = ("联系不畅", "不愿提供", "延误提交")
# what each default reason stands for, in the words of the 2015 report
REASON_MEANINGS = {
    "联系不畅": "与其联系不畅，秘书处基本处于瘫痪状态，无人负责此项工作",
    "不愿提供": "联盟联系人以各种理由推托不愿提供自评价信息",
    "延误提交": "联盟秘书处工作失误，延误提交自评价表错过了评价汇总的时间",
}
REASON_LIMIT = 40
NOTE_LIMIT = 2000


@dataclass(frozen=True)
class NonParticipant:
    """A pilot alliance that did not take part: why (a listed reason) and a free note."""

    alliance_uid: str
    reason: str
    note: str = ""


def check_reason_name(name: str, existing: list[str], old: str | None = None) -> str:
    """A reason name as it will be stored (trimmed), or a refusal in one sentence."""
    cleaned = name.strip()
    if not cleaned:
        raise UserError("未参评原因不能为空。", "A reason cannot be blank.")
    if len(cleaned) > REASON_LIMIT:
        raise UserError(
            f"未参评原因最多 {REASON_LIMIT} 个字。",
            f"A reason takes at most {REASON_LIMIT} characters.",
        )
    if cleaned != old and cleaned in existing:
        raise UserError(
            f"未参评原因「{cleaned}」已在列表中。", f"The reason {cleaned!r} is already listed."
        )
    return cleaned


def check_note(note: str) -> str:
    if len(note) > NOTE_LIMIT:
        raise UserError(
            f"说明最多 {NOTE_LIMIT} 个字，现有 {len(note)} 个。",
            f"The note takes at most {NOTE_LIMIT} characters, not {len(note)}.",
        )
    return note
