"""The panel's use cases: decisions with a rationale, locking, the consensus method,
and the meeting's analysis (flags, agreement, tier stability, calibration, conflicts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from alliance_review.core import agreement
from alliance_review.core.analysis import Analyser, Cells, FractionTable, totals_as_fractions
from alliance_review.core.errors import RoundLocked, ScoreError, UserError
from alliance_review.core.points import format_points
from alliance_review.core.ranking import RankedRow
from alliance_review.core.rubric import RUBRIC_TOTAL, Rubric
from alliance_review.core.scoring import CONSENSUS_LABELS, CONSENSUS_METHODS
from alliance_review.services.results import RoundResult, compute
from alliance_review.storage import audit, rows
from alliance_review.storage.round_store import RoundStore, now_text

TOTAL = ""  # the indicator code of a decision on an alliance's total
Decision = tuple[Fraction, str]  # points, rationale


def require_unlocked(store: RoundStore) -> None:
    """Refuse an edit of a locked round with one clear sentence (``RoundLocked``).

    Every service that writes a round should call it first; the file's own triggers
    refuse the write anyway, and ``storage.db.atomic`` turns that into ``RoundLocked``.
    """
    if store.settings().locked:
        raise RoundLocked()


# decisions ----------------------------------------------------------------------------
def required_rationale(text: str) -> str:
    """The rationale, trimmed; refused when blank (a decision is recorded only with one)."""
    text = text.strip()
    if not text:
        raise UserError(
            "请写明理由：工作小组的决定须有理由才能记录。",
            "Please give a rationale: a panel decision is recorded only with one.",
        )
    return text


def _check_decision(store: RoundStore, alliance_uid: str, code: str, points: Fraction) -> None:
    if alliance_uid not in {a.uid for a in store.alliances()}:
        raise UserError("本轮次中没有这个联盟。", "The round has no such alliance.")
    if code == TOTAL:
        if points < 0 or points > RUBRIC_TOTAL:
            raise ScoreError(
                f"总分须在 0 到 {format_points(RUBRIC_TOTAL)} 分之间。",
                f"A total takes 0 to {format_points(RUBRIC_TOTAL)} points.",
            )
    else:
        try:
            indicator = store.rubric().indicator(code)
        except KeyError:
            raise UserError(
                f"评价指标中没有指标 {code}。", f"The rubric has no indicator {code}."
            ) from None
        indicator.check_score(points)
    if (points * 100).denominator != 1:
        raise ScoreError("分数最多保留两位小数。", "Points take at most two decimals.")


def set_decision(
    store: RoundStore, alliance_uid: str, code: str, points: Fraction, rationale: str
) -> Decision | None:
    """Record the panel's final score for an indicator (or the total, ``code`` = "").

    A rationale is required. Returns the decision it replaced (for undo), if any.
    """
    require_unlocked(store)
    rationale = required_rationale(rationale)
    _check_decision(store, alliance_uid, code, points)
    previous = store.decisions().get((alliance_uid, code))
    at = now_text()
    with store.atomic():
        store.put_decision(alliance_uid, code, rows.to_centi(points), rationale, at)
    return previous


def withdraw_decision(store: RoundStore, alliance_uid: str, code: str) -> Decision | None:
    """Remove a decision (the computed consensus counts again); returns what was removed."""
    require_unlocked(store)
    previous = store.decisions().get((alliance_uid, code))
    if previous is None:
        return None
    with store.atomic():
        store.delete_decision(alliance_uid, code, now_text())
    return previous


def restore_decision(
    store: RoundStore, alliance_uid: str, code: str, decision: Decision | None
) -> None:
    """Put back a decision as it was (undo): set it again, or withdraw when there was none."""
    if decision is None:
        withdraw_decision(store, alliance_uid, code)
    else:
        set_decision(store, alliance_uid, code, decision[0], decision[1])


def decision_log(store: RoundStore) -> list[tuple[str, str, Fraction | None, str, str, str]]:
    """Oldest first: alliance, indicator ("" = total), points, rationale, time, action."""
    return [
        (a, i, None if p is None else rows.from_centi(p), r, at, action)
        for a, i, p, r, at, action in store.decision_log_rows()
    ]


# locking --------------------------------------------------------------------------------
def set_locked(store: RoundStore, locked: bool, reason: str = "") -> bool:
    """Lock the round as final (or unlock it explicitly); returns the previous state.

    Locking records the round's content digest and the audit chain's head in an entry
    signed with this computer's secretary key (``storage.keys``); unlocking is a signed
    entry too. A backup is taken first (``storage.backups``).
    """
    previous = store.settings().locked
    if previous == locked:  # already so: nothing to write (a locked file refuses writes)
        return previous
    state = store.lock_state()
    if state.state == audit.ALTERED:
        # a signed lock or unlock now would vouch for what someone changed outside the app
        what = ("锁定", "lock") if locked else ("解除锁定", "unlock")
        raise UserError(
            f"评价轮次在应用之外被改动过（{state.reason_zh}），不能{what[0]}：签名会为这些改动"
            "作保。请从备份恢复。",
            f"The round was altered outside the app ({state.reason}); it cannot be "
            f"{what[1]}ed, as the signature would vouch for those changes. Restore a backup.",
        )
    from alliance_review.storage import keys  # cryptography: only to sign the lock

    key = keys.secretary_private_key()
    assert key is not None  # created on first use
    store.backup("lock" if locked else "unlock")
    store.seal_lock(locked, key, reason.strip())
    return previous


# disagreement threshold ---------------------------------------------------------------
MAX_SPAN = RUBRIC_TOTAL


def set_disagreement_span(store: RoundStore, span: Fraction) -> Fraction:
    """Set how far apart reviewer totals may be before an alliance is flagged.

    A round setting (kept in the round file); returns the previous value (for undo).
    """
    require_unlocked(store)
    if span <= 0 or span > MAX_SPAN or (span * 100).denominator != 1:
        raise UserError(
            f"分歧阈值须大于 0、不超过 {format_points(MAX_SPAN)} 分，最多两位小数。",
            f"The disagreement threshold takes more than 0 and at most "
            f"{format_points(MAX_SPAN)} points, with at most two decimals.",
        )
    previous = store.settings().disagreement_span
    with store.atomic():
        store.set_disagreement_centi(rows.to_centi(span))
    return previous


# consensus method --------------------------------------------------------------------
@dataclass(frozen=True)
class Move:
    """An alliance whose rank, printed score or tier a method change would move."""

    alliance_uid: str
    name: str
    old_rank: int
    new_rank: int
    old_total: Fraction
    new_total: Fraction
    old_tier: str
    new_tier: str

    @property
    def tier_moves(self) -> bool:
        return self.old_tier != self.new_tier


def _check_method(store: RoundStore, method: str) -> None:
    if method not in CONSENSUS_METHODS:
        raise UserError(f"未知的汇总方法 {method}。", f"Unknown consensus method {method}.")
    if method == "trimmed_mean":
        counts: dict[str, set[str]] = {}
        for score in store.scores():
            counts.setdefault(score.alliance_uid, set()).add(score.reviewer_uid)
        fewest = min((len(v) for v in counts.values()), default=0)
        if fewest < 4:
            raise UserError(
                f"「{CONSENSUS_LABELS[method]}」要求每个联盟至少有 4 位评审专家评分，"
                f"本轮次有联盟只有 {fewest} 位。",
                f"A trimmed mean needs at least 4 reviewers per alliance; some alliance has "
                f"only {fewest}.",
            )


def preview_method(store: RoundStore, method: str) -> list[Move]:
    """Which alliances change rank or tier if the round used ``method``; writes nothing."""
    _check_method(store, method)
    before = {row.alliance.uid: row for row in compute(store).ranking}
    after = compute(store, method).ranking
    moves: list[Move] = []
    for row in after:
        old: RankedRow | None = before.get(row.alliance.uid)
        if old is None:
            continue
        if old.rank != row.rank or old.tier.name != row.tier.name or old.total != row.total:
            moves.append(
                Move(
                    row.alliance.uid,
                    row.alliance.name,
                    old.rank,
                    row.rank,
                    old.total,
                    row.total,
                    old.tier.name,
                    row.tier.name,
                )
            )
    return moves


def set_method(store: RoundStore, method: str) -> str:
    """Apply a consensus method to the round; returns the previous one (for undo)."""
    require_unlocked(store)
    _check_method(store, method)
    previous = store.settings().consensus_method
    with store.atomic():
        store.set_consensus_method(method)
    return previous


# the meeting's analysis ---------------------------------------------------------------
@dataclass(frozen=True)
class Analysis:
    result: RoundResult
    rubric: Rubric
    decisions: dict[tuple[str, str], Decision]
    total_span: Fraction
    reviewer_order: dict[str, int]
    table: Mapping[str, Mapping[str, Mapping[str, Fraction]]]
    flags: dict[str, list[agreement.Flag]]
    indicators: list[agreement.IndicatorAgreement]
    total_alpha: float | None
    tier_moves: list[agreement.TierMove]
    computed_totals: dict[str, Fraction]
    calibration: list[agreement.Calibration]
    normalised: dict[str, float]
    conflicts: dict[str, list[str]]

    def needs_discussion(self, alliance_uid: str) -> bool:
        return alliance_uid in self.flags


def analyse(store: RoundStore, total_span: Fraction | None = None) -> Analysis:
    """The meeting's analysis; ``total_span`` defaults to the round's own threshold.

    Every score is read once, as integers (``core.analysis.Cells``), and every figure is
    computed from them on integers (``core.analysis.Analyser``): the same figures as the
    plain reference in ``core.agreement`` (``tests/test_analysis_exact.py``).
    """
    settings = store.settings()
    rubric = store.rubric()
    cells = Cells.of([i.code for i in rubric.indicators()], store.score_cells())
    analyser = Analyser(
        rubric,
        cells,
        settings.consensus_method,
        settings.disagreement_span if total_span is None else total_span,
    )
    return analysis_of(store, analyser, compute(store, cells=cells))


def analysis_of(store: RoundStore, analyser: Analyser, result: RoundResult) -> Analysis:
    """The analysis from an ``Analyser`` (its figures kept per alliance) and the ranking."""
    decisions = store.decisions()
    flags = analyser.flags()
    reviewers = store.reviewers()
    place = {r.alliance.uid: n for n, r in enumerate(result.ranking)}
    # in ranked order, then by reviewer: the same list however the figures were reached (a
    # fresh computation, or one kept and updated alliance by alliance)
    moves = sorted(
        analyser.tier_moves(result.settings.tiers, {a for (a, code) in decisions if code == TOTAL}),
        key=lambda m: (place.get(m.alliance_uid, len(place)), m.alliance_uid, m.reviewer_uid),
    )
    for move in moves:
        flags.setdefault(move.alliance_uid, []).append(
            agreement.Flag(
                "tier_unstable", move.total_without, "", move.reviewer_uid, move.other_tier
            )
        )
    return Analysis(
        result=result,
        rubric=analyser.rubric,
        decisions=decisions,
        total_span=analyser.total_span,
        reviewer_order={r.uid: n for n, r in enumerate(reviewers)},
        table=FractionTable(analyser.cells),
        flags=flags,
        indicators=analyser.indicator_agreement(),
        total_alpha=analyser.total_agreement(),
        tier_moves=moves,
        computed_totals=totals_as_fractions(analyser.computed_totals(), analyser.scale),
        calibration=analyser.calibration(),
        normalised=analyser.normalised_totals(),
        conflicts=agreement.meeting_conflicts(reviewers),
    )
