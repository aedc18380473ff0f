"""Marking pilot alliances as not taking part, and the editable list of reasons.

Each function is one transaction and returns what an undo needs to put things back.
An alliance whose scores were merged cannot be marked as not taking part (its scores
would silently leave the ranking); one with reviewers assigned loses those assignments
in the same transaction, and unmarking gives them back (see ``Participation``).
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_review.core.errors import UserError
from alliance_review.core.participation import check_note, check_reason_name
from alliance_review.services.panel import require_unlocked
from alliance_review.storage.round_store import RoundStore


@dataclass(frozen=True)
class Participation:
    """One alliance's participation as stored: a None reason means it takes part."""

    alliance_uid: str
    reason: str | None
    note: str = ""
    assigned: tuple[str, ...] = ()  # reviewer uids the marking took away


def _name(store: RoundStore, uid: str) -> str:
    name = store.alliance_name(uid)
    if name is None:
        raise UserError("名单中没有这个联盟。", "That alliance is not on the roster.")
    return name


def participation_of(store: RoundStore, uid: str) -> Participation:
    row = store.participation_row(uid)
    return Participation(uid, None) if row is None else Participation(uid, row[0], row[1])


def set_participation(store: RoundStore, wanted: Participation) -> Participation:
    """Make one alliance's participation ``wanted``; returns what it was (for undo).

    Marking as not taking part removes its reviewer assignments (refused if the
    alliance holds a score); ``wanted.assigned`` are put back when it takes part again.
    """
    require_unlocked(store)
    uid = wanted.alliance_uid
    name = _name(store, uid)
    before = participation_of(store, uid)
    if wanted.reason is None:
        store.mark_taking_part(uid, wanted.assigned)
        return before
    reasons = store.participation_reasons()
    if wanted.reason not in reasons:
        raise UserError(
            f"未参评原因「{wanted.reason}」不在原因列表中（可选：{'、'.join(reasons)}）。",
            f"The reason {wanted.reason!r} is not in the list of reasons (one of: "
            f"{', '.join(reasons)}).",
        )
    check_note(wanted.note)
    scored = store.alliance_score_count(uid)
    if scored:
        raise UserError(
            f"「{name}」已有 {scored} 条评审专家评分，不能标为未参评。",
            f"{name} already has {scored} reviewer score(s); it cannot be marked as not"
            " taking part.",
        )
    assigned = store.assigned_reviewers(uid)
    store.mark_not_taking_part(uid, wanted.reason, wanted.note)
    return Participation(uid, before.reason, before.note, assigned)


def set_reasons(
    store: RoundStore, order: list[str], renames: dict[str, str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """Make the list of reasons ``order`` (after ``renames``, old name -> new name).

    Returns what undoes it: the list as it was and the reverse renames. Refused when a
    reason some alliance is marked with would disappear.
    """
    require_unlocked(store)
    renames = {old: new for old, new in (renames or {}).items() if old != new}
    before = store.participation_reasons()
    cleaned: list[str] = []
    for name in order:
        cleaned.append(check_reason_name(name, cleaned))
    for old in renames:
        if old not in before:
            raise UserError(f"原因列表中没有「{old}」。", f"{old!r} is not in the list.")
    after_renames = [renames.get(n, n) for n in before]
    for name in after_renames:
        if name not in cleaned:
            used = store.reason_use_count(next(o for o in before if renames.get(o, o) == name))
            if used:
                raise UserError(
                    f"有 {used} 家联盟以「{name}」为未参评原因，不能删除；请先改为其他原因。",
                    f"{used} alliance(s) are marked with {name!r}; give them another reason first.",
                )
    store.write_reasons(cleaned, renames)
    return before, {new: old for old, new in renames.items()}
