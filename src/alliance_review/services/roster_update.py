"""Importing a list into a round's register: compare, choose, apply in one transaction,
and take it all back (one undo step in the window).

``compare_plan`` reads the plan's rows against the register (``core.roster_update``):
unchanged, changed, new, and the pilots the list no longer has. ``apply`` writes the
chosen ones: new batches the list names, changes (a changed name is a rename: the old
name stays a former name), new alliances (those whose remark says withdrawn are added as
withdrawn, keeping their identity for the years after), withdrawals; it returns an
``Applied`` that ``undo`` takes back and ``apply`` with ``again=`` redoes identically
(the same identifiers, so later edits keep referring to the same alliances).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field

from alliance_review.core.errors import UserError
from alliance_review.core.register import Batch, PilotStatus
from alliance_review.core.roster import Alliance
from alliance_review.core.roster_update import Comparison, compare
from alliance_review.services import register, roster
from alliance_review.services.output import Progress
from alliance_review.services.panel import require_unlocked
from alliance_review.services.roster_plan import ImportPlan
from alliance_review.storage.round_store import RoundStore
from alliance_review.tabular.text import normal_name


def given_fields(plan: ImportPlan) -> tuple[str, ...]:
    """The fields the list has a column for (a section heading gives batches too)."""
    fields = [f for f in ("batch", "short_name") if plan.mapping.get(f) is not None]
    if "batch" not in fields and any(e.batch for e in plan.entries):
        fields.append("batch")
    if plan.mapping.get("contact") is not None or plan.mapping.get("phone") is not None:
        fields.append("contact")
    return tuple(fields)


def compare_plan(store: RoundStore, plan: ImportPlan, include_hidden: bool = False) -> Comparison:
    return compare(
        plan.listed(include_hidden), store.register(), given_fields(plan), normal_name
    )


def cannot_withdraw(store: RoundStore, uid: str) -> tuple[str, str] | None:
    """Why a pilot cannot be withdrawn now (scores, reviewers assigned), or None."""
    if store.alliance_score_count(uid):
        return "已有评分", "it has scores"
    if store.assigned_reviewers(uid):
        return "已分配评审专家", "reviewers are assigned to it"
    return None


@dataclass
class Choices:
    """Which rows of each group to apply (None: all of them)."""

    changed: Collection[int] | None = None  # rows
    new: Collection[int] | None = None  # rows
    missing: Collection[str] | None = None  # alliance uids to withdraw
    withdrawing: Collection[int] | None = None  # rows whose remark says withdrawn
    missing_reason: str = ""  # default: "未列入 YEAR 年度名单"


ADD_ONLY = Choices(changed=(), missing=())  # an import that adds, never changes


@dataclass
class Applied:
    """What an import did, to take it back or do it again."""

    batches: list[Batch] = field(default_factory=list)
    updated: list[Alliance] = field(default_factory=list)  # as they were
    renamed: list[register.Names] = field(default_factory=list)  # as they were
    statuses: list[register.StatusChange] = field(default_factory=list)  # as they were
    added: dict[int, str] = field(default_factory=dict)  # row -> uid given
    counts: dict[str, int] = field(default_factory=dict)


def _chosen(chosen: Collection[object] | None, key: object) -> bool:
    return chosen is None or key in chosen


def apply(
    store: RoundStore,
    plan: ImportPlan,
    comparison: Comparison,
    choices: Choices = Choices(),  # noqa: B008
    include_hidden: bool = False,
    again: Applied | None = None,
    progress: Progress | None = None,
) -> Applied:
    """Write the chosen groups in one transaction; a refusal writes nothing, nor does a
    cancel (``progress`` returning False: the window's Cancel)."""
    require_unlocked(store)
    year = store.settings().year
    done = Applied()
    reason = choices.missing_reason or f"未列入 {year} 年度名单"
    adding = [item for item in comparison.new if _chosen(choices.new, item.row)]
    adding += [
        item
        for item, entry in comparison.withdrawing
        if entry is None and _chosen(choices.withdrawing, item.row)
    ]
    steps = len(comparison.changed) + len(adding) + len(comparison.missing)
    steps += len(comparison.withdrawing)
    counter = iter(range(1, steps + 1))

    def step() -> None:
        if progress is not None and not progress(next(counter, steps), steps):
            raise UserError("已取消，联盟名单未改动。", "Cancelled; the roster is as it was.")

    with store.atomic():
        for batch in plan.new_batches(include_hidden):
            if batch.name not in store.batch_names():
                done.batches.append(register.add_batch(store, batch.name, batch.designated))
        for change in comparison.changed:
            step()
            if not _chosen(choices.changed, change.row):
                continue
            uid = change.before.uid
            if change.after.name != change.before.name:
                done.renamed.append(register.rename(store, uid, change.after.name))
            others = Alliance(
                uid, change.after.name, change.before.position, change.after.batch,
                change.after.contact, change.after.short_name,
            )  # fmt: skip
            if (others.batch, others.contact, others.short_name) != (
                change.before.batch, change.before.contact, change.before.short_name,
            ):  # fmt: skip
                done.updated.append(roster.update_alliance(store, others))
            if change.reinstated:
                done.statuses.append(register.set_status(store, uid, None))
        position = len(store.register())
        for item in sorted(adding, key=lambda i: i.row):
            step()
            uid = (again.added.get(item.row) if again else None) or str(uuid.uuid4())
            alliance = roster.checked_alliance(
                store,
                Alliance(uid, item.name, position, item.batch, item.contact, item.short_name),
            )
            store.insert_alliance(alliance)
            done.added[item.row] = uid
            position += 1
            if item.withdrawal is not None:
                store.set_pilot_status(uid, PilotStatus(item.withdrawal, year, item.remark))
        for pilot in comparison.missing:
            step()
            uid = pilot.alliance.uid
            if _chosen(choices.missing, uid) and cannot_withdraw(store, uid) is None:
                done.statuses.append(register.withdraw(store, uid, reason))
        for item, matched in comparison.withdrawing:
            step()
            if matched is None or not _chosen(choices.withdrawing, item.row):
                continue
            if matched.active and cannot_withdraw(store, matched.alliance.uid) is None:
                status = item.withdrawal or "withdrawn"
                done.statuses.append(
                    register.withdraw(store, matched.alliance.uid, item.remark, year, status)
                )
    done.counts = {
        "batches": len(done.batches),
        "changed": len({n.uid for n in done.renamed} | {a.uid for a in done.updated}),
        "added": len(done.added),
        "withdrawn": sum(1 for s in done.statuses if s.status is None),
        "reinstated": sum(1 for s in done.statuses if s.status is not None),
    }
    return done


def undo(store: RoundStore, done: Applied) -> None:
    """Take an import back whole, in one transaction (the reverse order of ``apply``)."""
    require_unlocked(store)
    with store.atomic():
        for change in reversed(done.statuses):
            register.restore_status(store, change)
        for uid in reversed(list(done.added.values())):
            register.remove(store, uid)
        for before in reversed(done.updated):
            roster.update_alliance(store, before)
        for names in reversed(done.renamed):
            register.restore_names(store, names)
        for batch in reversed(done.batches):
            register.remove_batch(store, batch.name)


def nothing_to_do(done: Applied) -> bool:
    return not any(done.counts.values())


def refuse_empty(done: Applied) -> None:
    if nothing_to_do(done):
        raise UserError(
            "名单中没有需要导入或更新的内容。", "The list holds nothing to import or update."
        )
