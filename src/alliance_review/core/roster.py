"""Alliances (联盟) and reviewers (评审专家)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# The programme's first three batches: what a new round starts with (its ``batch`` table);
# a round's own batches are data (``RoundStore.batches()``), any number of them.
BATCHES = ("第一批", "第二批", "第三批")
BATCH_UNKNOWN = "批次不详"


def batch_order(batch: str | None, order: Sequence[str] = BATCHES) -> int:
    """Sort key of a pilot batch in ``order`` (the round's batches); unknown batches come
    after the known ones."""
    return order.index(batch) if batch in order else len(order)


@dataclass(frozen=True)
class Alliance:
    """A scored organisation. ``uid`` is stable across files; ``position`` is roster order."""

    uid: str
    name: str
    position: int
    batch: str | None = None
    contact: str = ""
    short_name: str = ""  # 联盟简称, as the source writes it in running text (TD联盟)


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
