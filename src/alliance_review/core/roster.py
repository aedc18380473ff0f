"""Alliances (联盟) and reviewers (评审专家)."""

from __future__ import annotations

from dataclasses import dataclass, field

BATCHES = ("第一批", "第二批", "第三批")
BATCH_UNKNOWN = "批次不详"


def batch_order(batch: str | None) -> int:
    """Sort key of a pilot batch; unknown batches come after the known ones."""
    return BATCHES.index(batch) if batch in BATCHES else len(BATCHES)


@dataclass(frozen=True)
class Alliance:
    """A scored organisation. ``uid`` is stable across files; ``position`` is roster order."""

    uid: str
    name: str
    position: int
    batch: str | None = None
    contact: str = ""


@dataclass(frozen=True)
class Reviewer:
    """A reviewer; ``conflicts`` holds the uids of alliances they may not score."""

    uid: str
    name: str
    own_alliances: frozenset[str] = field(default_factory=frozenset)
    declared_conflicts: frozenset[str] = field(default_factory=frozenset)

    @property
    def conflicts(self) -> frozenset[str]:
        return self.own_alliances | self.declared_conflicts
