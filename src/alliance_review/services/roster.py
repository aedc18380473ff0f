"""Editing the roster (联盟) and the reviewers (评审专家) of a round, one change at a time.

Every function checks first and writes in one transaction, so a refusal changes
nothing. Functions that remove something return what an undo needs to put it back.
"""

from __future__ import annotations

import sqlite3
import uuid

from alliance_review.core import name_rules
from alliance_review.core.batch_names import UnknownBatch, read_batch
from alliance_review.core.errors import UserError
from alliance_review.core.people import split_person
from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.roster_checks import clean_name
from alliance_review.services import register
from alliance_review.services.panel import require_unlocked
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.setup_rows import RemovedAlliance

CONTACT_CHARS = 2000


def checked_batch(store: RoundStore, text: str | None) -> str | None:
    """The round's batch a typed batch names ("1", "首批", "Ⅱ" read as the imports read
    them); a batch the round does not have is refused, naming the ones it has."""
    batches = store.batch_names()
    try:
        reading = read_batch(text, batches)
    except UnknownBatch:
        reading = None
    if reading is None or not reading.known:
        listed = "、".join(batches)
        wanted = name_rules.clean(text or "")
        raise UserError(
            f"本轮次没有批次「{wanted}」（现有：{listed}）；新的批次请先在批次列表中添加。",
            f"This round has no batch {wanted!r} (it has: {', '.join(batches)}); add a new "
            "batch to the list of batches first.",
        )
    return reading.name


def checked_alliance(store: RoundStore, alliance: Alliance) -> Alliance:
    """An alliance as it will be stored, by the one set of name rules; refused with one
    sentence otherwise (a blank or taken name, a control character, an unknown batch)."""
    name = register.checked_name(store, alliance.name, alliance.uid)
    batch = checked_batch(store, alliance.batch)
    short = name_rules.checked(
        alliance.short_name, name_rules.SHORT_NAME_CHARS, name_rules.SHORT_NAME
    )
    contact = name_rules.checked(alliance.contact, CONTACT_CHARS, ("联系人", "The contact"))
    return Alliance(alliance.uid, name, alliance.position, batch, contact, short)


def _entry(store: RoundStore, uid: str) -> Alliance:
    entry = store.register_entry(uid)
    if entry is None:
        raise UserError("该联盟已不在名单中。", "The alliance is no longer on the roster.")
    return entry.alliance


def add_alliance(
    store: RoundStore,
    name: str,
    batch: str = "",
    contact: str = "",
    position: int | None = None,
    short_name: str = "",
) -> Alliance:
    """Add an alliance (at the end unless ``position``); returns it as stored."""
    require_unlocked(store)
    count = store.register_size()
    where = count if position is None else max(0, min(position, count))
    alliance = checked_alliance(
        store, Alliance(str(uuid.uuid4()), name, where, batch or None, contact, short_name)
    )
    with store.atomic():
        store.insert_alliance(alliance)
    return alliance


def update_alliance(store: RoundStore, alliance: Alliance) -> Alliance:
    """Change name, batch, contact or short name; returns the alliance as it was. A
    changed name is a correction here (``services.register.rename`` keeps the old one)."""
    require_unlocked(store)
    before = _entry(store, alliance.uid)
    checked = checked_alliance(store, alliance)
    with store.atomic():
        store.update_alliance(checked)
    return before


def remove_alliance(store: RoundStore, uid: str) -> RemovedAlliance:
    """Remove an alliance nothing refers to yet, with its conflicts and assignments
    (``services.register.remove``: one with history, scores, a self-evaluation or a
    decision is withdrawn instead)."""
    return register.remove(store, uid)


def restore_alliance(store: RoundStore, removed: RemovedAlliance) -> None:
    require_unlocked(store)
    with store.atomic():
        store.restore_alliance(removed)


def move_alliance(store: RoundStore, uid: str, position: int) -> int:
    """Move an alliance in the roster order; returns its old position."""
    require_unlocked(store)
    with store.atomic():
        old = _entry(store, uid).position
        store.move_row("alliance", uid, position)
    return old


def add_alliances(store: RoundStore, entries: list[tuple[str, str | None, str]]) -> list[str]:
    """Append (name, batch, contact) rows in one transaction; returns their new uids."""
    require_unlocked(store)
    start = store.register_size()
    alliances = [
        Alliance(str(uuid.uuid4()), clean_name(name), start + i, batch, contact)
        for i, (name, batch, contact) in enumerate(entries)
    ]
    try:
        store.add_alliances(alliances)
    except sqlite3.IntegrityError as error:
        raise UserError(
            "导入的名单与现有名单有重名或无效的行，未写入任何内容。",
            "The imported rows clash with the roster; nothing was written.",
        ) from error
    return [a.uid for a in alliances]


def remove_alliances(store: RoundStore, uids: list[str]) -> list[RemovedAlliance]:
    """Remove several alliances (an import's undo) in one transaction."""
    require_unlocked(store)
    with store.atomic():
        return [remove_alliance(store, uid) for uid in reversed(uids)]


# reviewers ---------------------------------------------------------------------------
def _checked_reviewer(store: RoundStore, reviewer: Reviewer) -> Reviewer:
    typed = name_rules.checked(
        reviewer.name, name_rules.REVIEWER_NAME_CHARS, name_rules.REVIEWER_NAME
    )
    person = split_person(typed)
    if person.split:
        raise UserError(
            f"「{typed}」像是姓名与职务、单位写在一起；请只写姓名（{person.name}）。",
            f"{typed!r} looks like a name written with a title or employer; give the name "
            f"only ({person.name}).",
        )
    name = name_rules.person_name(typed)
    if not name:
        raise UserError("评审专家姓名不能为空。", "The reviewer's name cannot be blank.")
    if any(r.name == name and r.uid != reviewer.uid for r in store.reviewers()):
        raise UserError(
            f"评审专家「{name}」已在列表中。", f"The reviewer {name} is already listed."
        )
    known = {e.alliance.uid for e in store.register()}
    own = reviewer.own_alliances & known
    return Reviewer(reviewer.uid, name, own, (reviewer.declared_conflicts & known) - own)


def _refuse_assigned_conflicts(store: RoundStore, reviewer: Reviewer) -> None:
    names = {e.alliance.uid: e.alliance.name for e in store.register()}
    assigned = {a for a, rs in store.assignments().items() if reviewer.uid in rs}
    clash = sorted(names[a] for a in reviewer.conflicts & assigned)
    if clash:
        raise UserError(
            f"「{reviewer.name}」已被分配评审「{clash[0]}」；请先取消该分配，再登记利益冲突。",
            f"{reviewer.name} is assigned to {clash[0]}; remove that assignment before "
            "declaring the conflict.",
        )


def add_reviewer(
    store: RoundStore,
    name: str,
    own: frozenset[str] = frozenset(),
    declared: frozenset[str] = frozenset(),
    position: int | None = None,
    uid: str | None = None,
) -> Reviewer:
    require_unlocked(store)
    count = len(store.reviewers())
    where = count if position is None else max(0, min(position, count))
    reviewer = _checked_reviewer(store, Reviewer(uid or str(uuid.uuid4()), name, own, declared))
    with store.atomic():
        store.insert_reviewer(reviewer, where)
    return reviewer


def update_reviewer(store: RoundStore, reviewer: Reviewer) -> Reviewer:
    """Change name, own alliances or declared conflicts; returns the reviewer as it was."""
    require_unlocked(store)
    before = next((r for r in store.reviewers() if r.uid == reviewer.uid), None)
    if before is None:
        raise UserError("该评审专家已不在列表中。", "The reviewer is no longer listed.")
    checked = _checked_reviewer(store, reviewer)
    _refuse_assigned_conflicts(store, checked)
    with store.atomic():
        store.update_reviewer(checked)
    return before


def remove_reviewer(store: RoundStore, uid: str) -> tuple[Reviewer, int, tuple[str, ...]]:
    """Remove a reviewer without scores; returns (reviewer, position, assigned alliances)."""
    require_unlocked(store)
    reviewer = next(r for r in store.reviewers() if r.uid == uid)
    with store.atomic():
        scored = store.reviewer_score_count(uid)
        if scored:
            raise UserError(
                f"评审专家「{reviewer.name}」已有 {scored} 条评分，不能删除。",
                f"{reviewer.name} already has {scored} scores and cannot be removed.",
            )
        position, assigned = store.remove_reviewer(uid)
    return reviewer, position, assigned


def restore_reviewer(
    store: RoundStore, reviewer: Reviewer, position: int, assigned: tuple[str, ...]
) -> None:
    require_unlocked(store)
    with store.atomic():
        store.insert_reviewer(reviewer, position)
        for alliance_uid in assigned:
            store.add_pair(alliance_uid, reviewer.uid)
