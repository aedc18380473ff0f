"""Section 一's record read from a round file (``core.round_record``)."""

from __future__ import annotations

from fractions import Fraction

from alliance_review.core.points import ROUNDING_LABELS
from alliance_review.core.round_record import CategoryPoints, RoundRecord, local_date, span
from alliance_review.core.scoring import CONSENSUS_LABELS
from alliance_review.storage.round_store import RoundStore


def round_record(store: RoundStore) -> RoundRecord:
    settings = store.settings()
    rubric = store.rubric()
    alliances = store.alliances()
    absent = store.non_participants()
    reviewers = store.reviewers()
    scored = store.reviewers_by_alliance()
    per_reviewer: dict[str, int] = {}
    for names in scored.values():
        for uid in names:
            per_reviewer[uid] = per_reviewer.get(uid, 0) + 1
    received = {a for (a, _), (points, _) in store.self_scores().items() if points is not None}
    entries = store.audit_entries()

    def moments(action: str, key: str | None = None) -> list[str]:
        return [e.at for e in entries if e.action == action and (key is None or key in e.data())]

    issued = store.selfeval_tokens()
    decisions = store.decisions()
    item_decisions = store.item_decisions()
    decided = {a for a, _ in decisions} | {a for a, _, _ in item_decisions}
    merged = [e.at for e in entries if e.action == "merge" and e.data().get("outcome") == "merged"]
    locked_at = store.locked_at()
    return RoundRecord(
        title=settings.title,
        year=settings.year,
        period=settings.period,
        categories=tuple(
            CategoryPoints(
                c.name, len(c.indicators), sum((i.max_points for i in c.indicators), Fraction(0))
            )
            for c in rubric.categories
        ),
        max_points=rubric.max_points,
        pilots=len(alliances),
        invited=len(alliances) - len(absent),
        selfeval_issued=len(issued),
        selfeval_issued_on=span(moments("selfeval", "issued")),
        selfeval_received=len(received),
        selfeval_imported_on=span(moments("self_ticks", "alliance")),
        reviewers=tuple(r.name for r in reviewers if r.uid in per_reviewer),
        reviewers_per_alliance=(
            (min(map(len, scored.values())), max(map(len, scored.values()))) if scored else None
        ),
        alliances_per_reviewer=(
            (min(per_reviewer.values()), max(per_reviewer.values())) if per_reviewer else None
        ),
        files_issued_on=span(moments("issue")),
        files_merged=len(store.merged_revisions()),
        merged_on=span(merged),
        decided_alliances=len({a for a, _ in decisions}),
        decided_points=len(decisions),
        decided_items=len(item_decisions),
        decided_on=span(moments("decision") + moments("item_decision")) if decided else None,
        locked=settings.locked,
        locked_on=None if locked_at is None else local_date(locked_at),
        consensus_method=CONSENSUS_LABELS.get(settings.consensus_method, ""),
        rounding=ROUNDING_LABELS.get(settings.rounding, ""),
    )
