"""Editing the register of a round: find an alliance by any of its names, rename it
(its identity and history kept), withdraw or suspend it this year and reinstate it,
remove one nothing refers to yet, and edit the pilot batches.

Each function checks first and writes in one transaction (a refusal changes nothing),
appends its audit entries (through the store) and returns what an undo needs.
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass

from alliance_review.core import name_rules
from alliance_review.core.errors import UserError
from alliance_review.core.register import (
    STATUSES,
    WITHDRAWN,
    Batch,
    FormerName,
    PilotStatus,
    RegisterEntry,
)
from alliance_review.core.roster_checks import name_key
from alliance_review.services.panel import require_unlocked
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.setup_rows import RemovedAlliance
from alliance_review.tabular.text import normal_name


# finding ----------------------------------------------------------------------------------
def closest(text: str, names: list[str]) -> str | None:
    """The name most like ``text`` (spacing, width and brackets folded), if any is close."""
    keys = {name_key(n): n for n in names}
    found = difflib.get_close_matches(name_key(text), list(keys), n=1, cutoff=0.6)
    return keys[found[0]] if found else None


def find_entry(store: RoundStore, text: str) -> RegisterEntry:
    """The alliance of the register that ``text`` names: its name as stored, the same but
    for spacing, width or brackets (as the imports fold them), a former name, or its
    short name. Refused with the closest name when none or several match."""
    register = store.register()
    wanted = name_rules.clean(text)
    for entry in register:
        if entry.alliance.name == wanted:
            return entry
    key = name_key(normal_name(wanted))
    for matches in (
        [e for e in register if name_key(e.alliance.name) == key],
        [e for e in register if any(name_key(f.name) == key for f in e.former_names)],
        [e for e in register if e.alliance.short_name and name_key(e.alliance.short_name) == key],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = [e.alliance.name for e in matches[:3]]
            raise UserError(
                f"「{wanted}」可指多家联盟（「{'」「'.join(names)}」），请写全称。",
                f"{wanted} could be several alliances ({', '.join(names)}); give the full name.",
            )
    near = closest(wanted, [e.alliance.name for e in register])
    if near is not None:
        raise UserError(
            f"名单中没有「{wanted}」；最接近的是「{near}」。",
            f"{wanted!r} is not on the roster; the closest is {near}.",
        )
    raise UserError(f"名单中没有「{wanted}」。", f"{wanted!r} is not on the roster.")


def _entry(store: RoundStore, uid: str) -> RegisterEntry:
    entry = store.register_entry(uid)
    if entry is None:
        raise UserError("该联盟已不在名单中。", "The alliance is no longer on the roster.")
    return entry


def checked_name(store: RoundStore, text: str, uid: str | None = None) -> str:
    """A new name for an alliance by the one set of name rules, as the imports store it
    (width, brackets, spaces between Chinese characters), not another alliance's name."""
    typed = name_rules.checked(text, name_rules.ALLIANCE_NAME_CHARS, name_rules.ALLIANCE_NAME)
    name = normal_name(typed)
    if not name:
        raise UserError("联盟名称不能为空。", "The alliance name cannot be blank.")
    if store.name_taken(name, uid):
        raise UserError(f"「{name}」已在名单中。", f"{name} is already on the roster.")
    return name


# renaming ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Names:
    """An alliance's name and former names as they were (what undoes a rename)."""

    uid: str
    name: str
    former: tuple[FormerName, ...]


def rename(store: RoundStore, uid: str, new_name: str) -> Names:
    """Rename an alliance; the old name is kept among its former names (it still finds
    the alliance in next year's lists) and its identity and history stay."""
    require_unlocked(store)
    entry = _entry(store, uid)
    name = checked_name(store, new_name, uid)
    before = Names(uid, entry.alliance.name, entry.former_names)
    if name != entry.alliance.name:
        with store.atomic():
            store.rename_alliance(uid, name, store.settings().year)
    return before


def restore_names(store: RoundStore, names: Names) -> Names:
    """Put a name and its former names back (an undo); returns what was there."""
    require_unlocked(store)
    entry = _entry(store, names.uid)
    with store.atomic():
        store.restore_names(names.uid, names.name, names.former)
    return Names(names.uid, entry.alliance.name, entry.former_names)


# status -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatusChange:
    """An alliance's status and participation as they were (what undoes a change)."""

    uid: str
    status: PilotStatus | None
    not_taking_part: tuple[str, str] | None = None  # (reason, note) the change cleared


def set_status(store: RoundStore, uid: str, status: PilotStatus | None) -> StatusChange:
    """Withdraw or suspend an alliance this year (``status``), or make it a pilot again
    (None). Refused while reviewers are assigned to it or it holds scores; a mark as not
    taking part is cleared (an undo puts it back)."""
    require_unlocked(store)
    entry = _entry(store, uid)
    name = entry.alliance.name
    if status is not None:
        if status.status not in STATUSES:
            raise ValueError(status.status)
        name_rules.checked(status.reason, name_rules.REASON_CHARS, name_rules.REASON)
        if not 1990 <= status.since <= 2200:
            raise UserError(
                f"年度 {status.since} 不在 1990 到 2200 之间。",
                f"The year {status.since} is not between 1990 and 2200.",
            )
        scored = store.alliance_score_count(uid)
        if scored:
            raise UserError(
                f"「{name}」已有 {scored} 条评分，不能登记为本年度{STATUSES[status.status][0]}。",
                f"{name} already has {scored} score(s); it cannot be marked "
                f"{STATUSES[status.status][1]} this year.",
            )
        if store.assigned_reviewers(uid):
            raise UserError(
                f"「{name}」已分配给评审专家；请先取消其分配，再登记{STATUSES[status.status][0]}。",
                f"{name} is assigned to reviewers; remove its assignments first.",
            )
    before = StatusChange(uid, entry.status, store.participation_row(uid))
    with store.atomic():
        if status is not None and before.not_taking_part is not None:
            store.mark_taking_part(uid, ())
        store.set_pilot_status(uid, None if status is None else _cleaned(status))
    return before


def _cleaned(status: PilotStatus) -> PilotStatus:
    return PilotStatus(status.status, status.since, name_rules.clean(status.reason))


def restore_status(store: RoundStore, change: StatusChange) -> StatusChange:
    """Put a status (and a cleared mark as not taking part) back: an undo."""
    require_unlocked(store)
    entry = _entry(store, change.uid)
    now = StatusChange(change.uid, entry.status, store.participation_row(change.uid))
    with store.atomic():
        store.set_pilot_status(change.uid, change.status)
        if change.not_taking_part is not None:
            store.mark_not_taking_part(change.uid, *change.not_taking_part)
    return now


def withdraw(store: RoundStore, uid: str, reason: str = "", since: int | None = None,
             status: str = WITHDRAWN) -> StatusChange:  # fmt: skip
    """Withdraw (退出) or suspend an alliance from ``since`` (this round's year)."""
    year = store.settings().year if since is None else since
    return set_status(store, uid, PilotStatus(status, year, reason))


# removing ---------------------------------------------------------------------------------
def remove(store: RoundStore, uid: str) -> RemovedAlliance:
    """Remove an alliance nothing refers to yet (entered by mistake); its conflicts and
    assignments go with it. One with results of earlier years, scores, a self-evaluation
    or a decision is refused: it is withdrawn instead, keeping its identity."""
    require_unlocked(store)
    entry = _entry(store, uid)
    name = entry.alliance.name
    scored = store.alliance_score_count(uid)
    reasons = [
        (store.has_history(uid), "有往年评价结果", "it has results of earlier years"),
        (scored > 0, f"已有 {scored} 条评分", f"it already has {scored} scores"),
        (store.alliance_has_self_evaluation(uid), "已有自评价", "it has a self-evaluation"),
        (store.alliance_has_decisions(uid), "已有评价工作小组的决定", "the panel decided on it"),
    ]
    found = [(zh, en) for hit, zh, en in reasons if hit]
    if found:
        raise UserError(
            f"「{name}」{found[0][0]}，不能从名单中删除；如不再参加，请登记为退出。",
            f"{name} cannot be removed: {found[0][1]}. Withdraw it instead.",
        )
    with store.atomic():
        return store.remove_alliance(uid)


# batches ----------------------------------------------------------------------------------
def _batch_name(text: str) -> str:
    name = name_rules.checked(text, name_rules.BATCH_NAME_CHARS, name_rules.BATCH_NAME)
    if not name:
        raise UserError("批次名称不能为空。", "The batch name cannot be blank.")
    return name


def _year(designated: int | None) -> int | None:
    if designated is not None and not 1990 <= designated <= 2200:
        raise UserError(
            f"年度 {designated} 不在 1990 到 2200 之间。",
            f"The year {designated} is not between 1990 and 2200.",
        )
    return designated


def add_batch(
    store: RoundStore, name: str, designated: int | None = None, position: int | None = None
) -> Batch:
    """Add a pilot batch (at the end unless ``position``); returns it as stored."""
    require_unlocked(store)
    names = store.batch_names()
    cleaned = _batch_name(name)
    if cleaned in names:
        raise UserError(f"批次「{cleaned}」已存在。", f"The batch {cleaned} exists already.")
    where = len(names) if position is None else max(0, min(position, len(names)))
    batch = Batch(cleaned, where, _year(designated))
    with store.atomic():
        store.insert_batch(batch)
    return batch


def edit_batch(store: RoundStore, old_name: str, batch: Batch) -> Batch:
    """Rename (its alliances follow), re-date or move a batch; returns it as it was."""
    require_unlocked(store)
    before = next((b for b in store.batches() if b.name == old_name), None)
    if before is None:
        raise UserError(f"没有批次「{old_name}」。", f"There is no batch {old_name}.")
    name = _batch_name(batch.name)
    if name != old_name and name in store.batch_names():
        raise UserError(f"批次「{name}」已存在。", f"The batch {name} exists already.")
    with store.atomic():
        store.update_batch(old_name, Batch(name, batch.position, _year(batch.designated)))
    return before


def remove_batch(store: RoundStore, name: str) -> Batch:
    """Remove a batch no alliance belongs to; returns it as it was."""
    require_unlocked(store)
    members = store.batch_members(name)
    if members:
        raise UserError(
            f"批次「{name}」中还有 {members} 家联盟，不能删除；请先把它们改到其他批次。",
            f"{members} alliance(s) belong to the batch {name}; move them to another batch first.",
        )
    if name not in store.batch_names():
        raise UserError(f"没有批次「{name}」。", f"There is no batch {name}.")
    with store.atomic():
        return store.delete_batch(name)


def restore_batch(store: RoundStore, batch: Batch) -> None:
    """Put a removed batch back where it was (an undo)."""
    require_unlocked(store)
    with store.atomic():
        store.insert_batch(batch)


def set_batches(
    store: RoundStore, wanted: list[Batch], renames: dict[str, str] | None = None
) -> tuple[list[Batch], dict[str, str]]:
    """Make the batches ``wanted`` (in that order, with their years) after ``renames``
    (old name -> new name: its alliances follow). Returns what undoes it: the batches as
    they were and the reverse renames. Refused when a batch with alliances would go."""
    require_unlocked(store)
    renames = {old: new for old, new in (renames or {}).items() if old != new}
    before = store.batches()
    names = [_batch_name(b.name) for b in wanted]
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise UserError(f"批次「{twice}」出现了两次。", f"The batch {twice} is listed twice.")
    old_names = [b.name for b in before]
    for old in renames:
        if old not in old_names:
            raise UserError(f"没有批次「{old}」。", f"There is no batch {old}.")
    after_renames = {renames.get(n, n): n for n in old_names}
    for new_name, old in after_renames.items():
        if new_name not in names:
            members = store.batch_members(old)
            if members:
                raise UserError(
                    f"批次「{old}」中还有 {members} 家联盟，不能删除；请先把它们改到其他批次。",
                    f"{members} alliance(s) belong to the batch {old}; move them to another "
                    "batch first.",
                )
    for new in renames.values():
        if new in old_names and new not in renames:
            raise UserError(f"批次「{new}」已存在。", f"The batch {new} exists already.")
    with store.atomic():
        # in two steps, through names no batch has, so that two batches may swap names
        parked = {old: f"~{i}~{uuid.uuid4().hex[:12]}" for i, old in enumerate(renames)}
        for old, park in parked.items():
            store.update_batch(old, Batch(park, old_names.index(old), _designated(before, old)))
        for old, new in renames.items():
            place = old_names.index(old)
            store.update_batch(parked[old], Batch(new, place, _designated(before, old)))
        for new_name in after_renames:
            if new_name not in names:
                store.delete_batch(new_name)
        existing = set(store.batch_names())
        for position, (name, batch) in enumerate(zip(names, wanted, strict=True)):
            if name in existing:
                store.update_batch(name, Batch(name, position, _year(batch.designated)))
            else:
                store.insert_batch(Batch(name, position, _year(batch.designated)))
    return before, {new: old for old, new in renames.items()}


def _designated(batches: list[Batch], name: str) -> int | None:
    return next((b.designated for b in batches if b.name == name), None)
