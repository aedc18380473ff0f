"""The panel's decisions on evidence items: for one item of one alliance, the panel may
override what its reviewers' ticks make of it (counts as done, or not) with a rationale.

Like the decisions on points (``services.panel``): a rationale is required, every set and
withdrawal is logged, a locked round refuses them, and the statistics of section 三 (how
many alliances did each item) count the decision instead of the round's item rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_review.core.errors import UserError
from alliance_review.core.evidence import ITEM_RULES, item_done
from alliance_review.services.panel import require_unlocked, required_rationale
from alliance_review.storage.round_store import RoundStore, now_text

ItemDecision = tuple[bool, str]  # counts as done, rationale
ItemKey = tuple[str, str, str]  # alliance uid, indicator code, item key


@dataclass(frozen=True)
class ItemStatus:
    """One evidence item of one alliance as the panel sees it."""

    code: str
    key: str
    name: str
    ticked: int  # how many of the reviewers who scored the alliance ticked it
    reviewers: int
    by_rule: bool  # counts as done under the round's item rule
    decision: ItemDecision | None

    @property
    def done(self) -> bool:
        """What counts: the panel's decision where there is one, else the rule."""
        return self.by_rule if self.decision is None else self.decision[0]


def item_status(store: RoundStore, alliance_uid: str) -> list[ItemStatus]:
    """Every evidence item of the alliance, in rubric order."""
    rule = store.settings().item_rule
    scored = store.reviewers_of(alliance_uid)
    counts: dict[tuple[str, str], int] = {}
    for reviewer_uid, _, code, key in store.item_ticks(alliance_uid):
        if reviewer_uid in scored:
            counts[(code, key)] = counts.get((code, key), 0) + 1
    decisions = store.item_decisions(alliance_uid)
    return [
        ItemStatus(
            indicator.code,
            item.key,
            item.name,
            counts.get((indicator.code, item.key), 0),
            len(scored),
            item_done(counts.get((indicator.code, item.key), 0), len(scored), rule),
            decisions.get((alliance_uid, indicator.code, item.key)),
        )
        for indicator in store.rubric().indicators()
        for item in indicator.items
    ]


def apply_decisions(
    done: dict[str, set[tuple[str, str]]], decisions: dict[ItemKey, ItemDecision]
) -> dict[str, set[tuple[str, str]]]:
    """``done`` (alliance -> items counting as done by the rule) with the panel's
    decisions put over it."""
    for (uid, code, key), (counts, _) in decisions.items():
        items = done.setdefault(uid, set())
        if counts:
            items.add((code, key))
        else:
            items.discard((code, key))
    return done


def item_name(store: RoundStore, code: str, key: str) -> str:
    """The item's name (its key when the rubric has no such item)."""
    for indicator in store.rubric().indicators():
        for item in indicator.items:
            if (indicator.code, item.key) == (code, key):
                return item.name
    return key


def _check(store: RoundStore, alliance_uid: str, code: str, key: str) -> None:
    if store.alliance_name(alliance_uid) is None or store.participation_row(alliance_uid):
        raise UserError("本轮次中没有这个参评联盟。", "The round has no such alliance taking part.")
    try:
        indicator = store.rubric().indicator(code)
    except KeyError:
        raise UserError(
            f"评价指标中没有指标 {code}。", f"The rubric has no indicator {code}."
        ) from None
    if key not in {item.key for item in indicator.items}:
        names = "、".join(f"{i.key}（{i.name}）" for i in indicator.items) or "无"
        raise UserError(
            f"指标 {code} 没有评价要点「{key}」；它的评价要点：{names}。",
            f"Indicator {code} has no evidence item {key!r}; its items: "
            + (", ".join(i.key for i in indicator.items) or "none")
            + ".",
        )


def set_item_decision(
    store: RoundStore, alliance_uid: str, code: str, key: str, done: bool, rationale: str
) -> ItemDecision | None:
    """Record that the item counts as done (or not) for the alliance, whatever its
    reviewers' ticks; returns the decision it replaced (for undo), if any."""
    require_unlocked(store)
    rationale = required_rationale(rationale)
    _check(store, alliance_uid, code, key)
    previous = store.item_decisions(alliance_uid).get((alliance_uid, code, key))
    with store.atomic():
        store.put_item_decision(alliance_uid, code, key, done, rationale, now_text())
    return previous


def withdraw_item_decision(
    store: RoundStore, alliance_uid: str, code: str, key: str
) -> ItemDecision | None:
    """Remove a decision on an item (the round's item rule counts again); returns it."""
    require_unlocked(store)
    previous = store.item_decisions(alliance_uid).get((alliance_uid, code, key))
    if previous is None:
        return None
    with store.atomic():
        store.delete_item_decision(alliance_uid, code, key, now_text())
    return previous


def restore_item_decision(
    store: RoundStore, alliance_uid: str, code: str, key: str, decision: ItemDecision | None
) -> None:
    """Put back a decision on an item as it was (undo)."""
    if decision is None:
        withdraw_item_decision(store, alliance_uid, code, key)
    else:
        set_item_decision(store, alliance_uid, code, key, decision[0], decision[1])


def item_decision_log(
    store: RoundStore, alliance_uid: str | None = None
) -> list[tuple[str, str, str, bool | None, str, str, str]]:
    """Oldest first: alliance, indicator, item key, counts as done (None when withdrawn),
    rationale, time, action ('set' / 'withdrawn'); of one alliance when given."""
    return [
        (a, c, k, None if done is None else bool(done), r, at, action)
        for a, c, k, done, r, at, action in store.item_decision_log_rows()
        if alliance_uid is None or a == alliance_uid
    ]


def rule_words(store: RoundStore, language: str = "zh") -> str:
    """The round's item rule in words ("过半数评审专家勾选")."""
    zh, en = ITEM_RULES[store.settings().item_rule]
    return en if language.startswith("en") else zh
