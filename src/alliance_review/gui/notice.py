"""What one user action changed in the open round: the payload of ``RoundContext.changed``.

Every user action (an edit, its undo or redo, a merge, an import) announces exactly one
``Change``; each tab looks at it and refreshes only what depends on it. The notice is
precise where a consumer can use it: the alliances whose scores, decisions or
self-evaluations changed (``Alliances``), and the names of the round settings that
changed (``RoundSettings`` field names, e.g. ``"consensus_method"``).

Plain Python (no Qt), so services' callers and tests can build and compare notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any


class Aspect(Enum):
    """The parts of a round a view can depend on."""

    SCORES = "scores"  # the reviewers' scores (merged reviewer files)
    DECISIONS = "decisions"  # the panel's final decisions
    SELF_EVALUATIONS = "self_evaluations"
    SETTINGS = "settings"  # title, year, consensus method, tiers, thresholds, ...
    RUBRIC = "rubric"
    ROSTER = "roster"  # alliances: added, removed, renamed, moved, batch
    REVIEWERS = "reviewers"  # reviewers and their own alliances (conflicts)
    ASSIGNMENTS = "assignments"
    LOCK = "lock"  # locked as final, or unlocked
    MERGE_LOG = "merge_log"  # a merge was attempted (the history)
    ISSUED = "issued"  # reviewer files were written (not recorded in the file)
    DOCUMENTS = "documents"  # the alliances' documents (佐证材料)


@dataclass(frozen=True)
class Alliances:
    """Some alliances (by uid), or every alliance of the round."""

    uids: frozenset[str] = frozenset()
    every: bool = False

    @classmethod
    def of(cls, uids: Iterable[str]) -> Alliances:
        return cls(frozenset(uids))

    def __bool__(self) -> bool:
        return self.every or bool(self.uids)

    def __contains__(self, uid: object) -> bool:
        return self.every or uid in self.uids

    def __or__(self, other: Alliances) -> Alliances:
        if self.every or other.every:
            return EVERY
        return Alliances(self.uids | other.uids)

    def __repr__(self) -> str:
        return "Alliances(every)" if self.every else f"Alliances({sorted(self.uids)})"


NONE = Alliances()
EVERY = Alliances(every=True)


@dataclass(frozen=True)
class Change:
    """What one action changed; an empty ``Change()`` changed nothing."""

    scores: Alliances = NONE
    decisions: Alliances = NONE
    self_evaluations: Alliances = NONE
    settings: frozenset[str] = frozenset()
    rubric: bool = False
    roster: bool = False
    reviewers: bool = False
    assignments: bool = False
    lock: bool = False
    merge_log: bool = False
    issued: bool = False
    documents: bool = False

    def aspects(self) -> frozenset[Aspect]:
        return frozenset(Aspect(f.name) for f in fields(self) if getattr(self, f.name))

    def touches(self, *aspects: Aspect) -> bool:
        return any(getattr(self, a.value) for a in aspects)

    def touches_settings(self, *names: str) -> bool:
        """Whether one of these ``RoundSettings`` fields may have changed."""
        return "*" in self.settings or not self.settings.isdisjoint(names)

    def __bool__(self) -> bool:
        return bool(self.aspects())

    def __or__(self, other: Change) -> Change:
        merged: dict[str, Any] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = mine | theirs
        return Change(**merged)

    def alliances(self) -> Alliances:
        """Every alliance whose scores, decisions or self-evaluation changed."""
        return self.scores | self.decisions | self.self_evaluations


#: the whole round may have changed (a file opened, reloaded, or an unknown edit)
EVERYTHING = Change(
    scores=EVERY,
    decisions=EVERY,
    self_evaluations=EVERY,
    settings=frozenset({"*"}),
    rubric=True,
    roster=True,
    reviewers=True,
    assignments=True,
    lock=True,
    merge_log=True,
    issued=True,
    documents=True,
)


def settings_change(before: object, after: object) -> Change:
    """The notice for a settings edit: the names of the ``RoundSettings`` fields that
    differ (``locked`` is announced as the lock aspect)."""
    names = frozenset(
        f.name
        for f in fields(before)  # type: ignore[arg-type]
        if getattr(before, f.name) != getattr(after, f.name)
    )
    return Change(settings=names - {"locked"}, lock="locked" in names)
