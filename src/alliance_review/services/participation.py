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
from alliance_review.storage.db import atomic
from alliance_review.storage.round_store import RoundStore


@dataclass(frozen=True)
class Participation:
    """One alliance's participation as stored: None reason means it takes part."""

    alliance_uid: str
    reason: str | None
    note: str = ""
    assigned: tuple[str, ...] = ()  # reviewer uids the marking took away


def _alliance_name(store: RoundStore, uid: str) -> str:
    row = store.conn.execute("SELECT name FROM alliance WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise UserError("名单中没有这个联盟。", "That alliance is not on the roster.")
    return str(row[0])


def participation_of(store: RoundStore, uid: str) -> Participation:
    row = store.conn.execute(
        "SELECT reason, note FROM non_participant WHERE alliance_uid = ?", (uid,)
    ).fetchone()
    return Participation(uid, None) if row is None else Participation(uid, row[0], row[1])


def set_participation(store: RoundStore, wanted: Participation) -> Participation:
    """Make one alliance's participation ``wanted``; returns what it was (for undo).

    Marking as not taking part removes its reviewer assignments (refused if any of
    them holds a score); ``wanted.assigned`` are put back when it takes part again.
    """
    require_unlocked(store)
    name = _alliance_name(store, wanted.alliance_uid)
    conn = store.conn
    uid = wanted.alliance_uid
    before = participation_of(store, uid)
    with atomic(conn):
        if wanted.reason is None:
            conn.execute("DELETE FROM non_participant WHERE alliance_uid = ?", (uid,))
            conn.executemany(
                "INSERT OR IGNORE INTO assignment (reviewer_uid, alliance_uid) VALUES (?, ?)",
                [(r, uid) for r in wanted.assigned],
            )
            return before
        if wanted.reason not in store.participation_reasons():
            raise UserError(
                f"未参评原因「{wanted.reason}」不在原因列表中。",
                f"The reason {wanted.reason!r} is not in the list of reasons.",
            )
        check_note(wanted.note)
        scored = conn.execute(
            "SELECT count(*) FROM score WHERE alliance_uid = ?", (uid,)
        ).fetchone()[0]
        if scored:
            raise UserError(
                f"「{name}」已有 {scored} 条评审专家评分，不能标为未参评。",
                f"{name} already has {scored} reviewer score(s); it cannot be marked as not"
                " taking part.",
            )
        assigned = tuple(
            r
            for (r,) in conn.execute(
                "SELECT a.reviewer_uid FROM assignment a JOIN reviewer r ON r.uid ="
                " a.reviewer_uid WHERE a.alliance_uid = ? ORDER BY r.position",
                (uid,),
            )
        )
        conn.execute("DELETE FROM assignment WHERE alliance_uid = ?", (uid,))
        conn.execute(
            "INSERT INTO non_participant (alliance_uid, reason, note) VALUES (?, ?, ?)"
            " ON CONFLICT (alliance_uid) DO UPDATE SET reason = excluded.reason,"
            " note = excluded.note",
            (uid, wanted.reason, wanted.note),
        )
    return Participation(before.alliance_uid, before.reason, before.note, assigned)


# the list of reasons ------------------------------------------------------------------
def add_reason(store: RoundStore, name: str, position: int | None = None) -> str:
    require_unlocked(store)
    existing = store.participation_reasons()
    cleaned = check_reason_name(name, existing)
    at = len(existing) if position is None else max(0, min(position, len(existing)))
    with atomic(store.conn) as conn:
        conn.execute("UPDATE participation_reason SET position = position + 100000")
        order = [*existing[:at], cleaned, *existing[at:]]
        conn.execute(
            "INSERT INTO participation_reason (position, name) VALUES (?, ?)", (-1, cleaned)
        )
        _renumber(store, order)
    return cleaned


def rename_reason(store: RoundStore, old: str, new: str) -> str:
    """Rename a reason; the alliances marked with it follow (returns the stored name)."""
    require_unlocked(store)
    existing = store.participation_reasons()
    if old not in existing:
        raise UserError(f"原因列表中没有「{old}」。", f"{old!r} is not in the list.")
    cleaned = check_reason_name(new, existing, old)
    with atomic(store.conn) as conn:
        conn.execute("UPDATE participation_reason SET name = ? WHERE name = ?", (cleaned, old))
    return cleaned


def remove_reason(store: RoundStore, name: str) -> int:
    """Remove an unused reason; returns its position (for undo)."""
    require_unlocked(store)
    existing = store.participation_reasons()
    if name not in existing:
        raise UserError(f"原因列表中没有「{name}」。", f"{name!r} is not in the list.")
    used = store.conn.execute(
        "SELECT count(*) FROM non_participant WHERE reason = ?", (name,)
    ).fetchone()[0]
    if used:
        raise UserError(
            f"有 {used} 家联盟以「{name}」为未参评原因，不能删除；请先改为其他原因。",
            f"{used} alliance(s) are marked with {name!r}; give them another reason first.",
        )
    with atomic(store.conn) as conn:
        conn.execute("DELETE FROM participation_reason WHERE name = ?", (name,))
        _renumber(store, [n for n in existing if n != name])
    return existing.index(name)


def _renumber(store: RoundStore, order: list[str]) -> None:
    conn = store.conn
    conn.execute("UPDATE participation_reason SET position = position + 200000")
    for position, name in enumerate(order):
        conn.execute(
            "UPDATE participation_reason SET position = ? WHERE name = ?", (position, name)
        )
