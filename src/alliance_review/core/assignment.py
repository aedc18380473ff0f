"""Assigning k reviewers to every alliance: no conflicts, balanced loads, reproducible.

The assignment is a flow problem (source -> alliance, capacity k; alliance -> reviewer,
capacity 1 where there is no conflict; reviewer -> sink, a load cap). Caps are raised one
step at a time from the balanced load ``floor(n*k/r)``; augmenting paths never take load
away from a reviewer, so when the flow first saturates, loads differ by at most one
wherever that is possible at all.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Collection, Sequence

from alliance_review.core.errors import AssignmentError
from alliance_review.core.roster import Alliance, Reviewer


class _Flow:
    def __init__(self, size: int) -> None:
        self.graph: list[list[int]] = [[] for _ in range(size)]
        self.to: list[int] = []
        self.cap: list[int] = []

    def add(self, a: int, b: int, cap: int) -> int:
        self.graph[a].append(len(self.to))
        self.to.append(b)
        self.cap.append(cap)
        self.graph[b].append(len(self.to))
        self.to.append(a)
        self.cap.append(0)
        return len(self.to) - 2

    def augment(self, source: int, sink: int) -> bool:
        parent_edge = [-1] * len(self.graph)
        seen = [False] * len(self.graph)
        seen[source] = True
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for edge in self.graph[node]:
                nxt = self.to[edge]
                if self.cap[edge] > 0 and not seen[nxt]:
                    seen[nxt] = True
                    parent_edge[nxt] = edge
                    if nxt == sink:
                        while nxt != source:
                            e = parent_edge[nxt]
                            self.cap[e] -= 1
                            self.cap[e ^ 1] += 1
                            nxt = self.to[e ^ 1]
                        return True
                    queue.append(nxt)
        return False


def assign(
    alliances: Sequence[Alliance],
    reviewers: Sequence[Reviewer],
    per_alliance: int = 3,
    seed: int = 0,
    fixed: Collection[tuple[str, str]] = (),
) -> dict[str, list[str]]:
    """Alliance uid -> the uids of its ``per_alliance`` reviewers (in reviewer order).

    ``fixed`` holds (alliance uid, reviewer uid) pairs that must stay (a reviewer has
    already scored them); the rest is filled around them.
    """
    if per_alliance < 1:
        raise AssignmentError("每个联盟至少需要 1 位评审专家。", "Each alliance needs a reviewer.")
    if not alliances:
        return {}
    if len(reviewers) < per_alliance:
        raise AssignmentError(
            f"每个联盟需要 {per_alliance} 位评审专家，但只有 {len(reviewers)} 位。",
            f"Each alliance needs {per_alliance} reviewers but there are only {len(reviewers)}.",
        )
    for alliance in alliances:
        eligible = sum(1 for r in reviewers if alliance.uid not in r.conflicts)
        if eligible < per_alliance:
            raise AssignmentError(
                f"「{alliance.name}」只有 {eligible} 位没有利益冲突的评审专家，"
                f"不足每个联盟 {per_alliance} 位的要求。",
                f"{alliance.name} has only {eligible} reviewers without a conflict; "
                f"{per_alliance} are needed.",
            )
    reviewer_index = {r.uid: j for j, r in enumerate(reviewers)}
    alliance_index = {a.uid: i for i, a in enumerate(alliances)}
    kept = {
        (alliance_index[a], reviewer_index[r])
        for a, r in fixed
        if a in alliance_index and r in reviewer_index
    }
    rng = random.Random(seed)
    n, r = len(alliances), len(reviewers)
    source, sink = n + r, n + r + 1
    flow = _Flow(n + r + 2)
    order = list(range(n))
    rng.shuffle(order)
    pair_edges: dict[tuple[int, int], int] = {}
    source_edges: dict[int, int] = {}
    needed = 0
    for a in order:
        demand = max(0, per_alliance - sum(1 for (i, _) in kept if i == a))
        needed += demand
        source_edges[a] = flow.add(source, a, demand)
        candidates = [
            j
            for j in range(r)
            if alliances[a].uid not in reviewers[j].conflicts and (a, j) not in kept
        ]
        rng.shuffle(candidates)
        for j in candidates:
            pair_edges[(a, j)] = flow.add(a, n + j, 1)
    kept_load = [sum(1 for (_, j) in kept if j == reviewer) for reviewer in range(r)]
    load_edges = [flow.add(n + j, sink, 0) for j in range(r)]
    cap = (needed + sum(kept_load)) // r
    for j, edge in enumerate(load_edges):
        flow.cap[edge] = max(0, cap - kept_load[j])
    placed = _greedy_start(flow, order, source_edges, pair_edges, load_edges)
    while True:
        while flow.augment(source, sink):
            placed += 1
        if placed == needed:
            break
        if cap >= n:
            raise AssignmentError(
                "无法为每个联盟分配足够的评审专家（利益冲突过多或专家太少）。",
                "No valid assignment exists (too many conflicts or too few reviewers).",
            )
        cap += 1
        for j, edge in enumerate(load_edges):
            if cap - kept_load[j] > 0:
                flow.cap[edge] += 1
    result: dict[str, list[str]] = {}
    for a, alliance in enumerate(alliances):
        chosen = [
            j
            for j in range(r)
            if (a, j) in kept or ((a, j) in pair_edges and flow.cap[pair_edges[(a, j)]] == 0)
        ]
        result[alliance.uid] = [reviewers[j].uid for j in sorted(chosen)]
    return result


def _push(flow: _Flow, edge: int) -> None:
    flow.cap[edge] -= 1
    flow.cap[edge ^ 1] += 1


def _greedy_start(
    flow: _Flow,
    order: list[int],
    source_edges: dict[int, int],
    pair_edges: dict[tuple[int, int], int],
    load_edges: list[int],
) -> int:
    """Place what fits without a search: each alliance takes its least-loaded candidates.

    Any flow within the caps is a valid start for the augmenting paths, which then reach
    the same maximum; this only saves the searches (a large round goes from seconds
    to a fraction of one).
    """
    candidates: dict[int, list[int]] = {}
    for a, j in pair_edges:  # insertion order is the seeded shuffle
        candidates.setdefault(a, []).append(j)
    load = [0] * len(load_edges)
    placed = 0
    for a in order:
        for j in sorted(candidates.get(a, []), key=lambda j: load[j]):
            if flow.cap[source_edges[a]] == 0:
                break
            if flow.cap[load_edges[j]] == 0:
                continue
            _push(flow, source_edges[a])
            _push(flow, pair_edges[(a, j)])
            _push(flow, load_edges[j])
            load[j] += 1
            placed += 1
    return placed


def loads(assignment: dict[str, list[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reviewer_uids in assignment.values():
        for uid in reviewer_uids:
            counts[uid] = counts.get(uid, 0) + 1
    return counts
