"""The panel's analysis on integers (``core.analysis``) against the plain reference.

``reference`` is the original ``services.panel.analyse``: every figure from
``core.agreement`` over a table of one ``Fraction`` per score. On random rounds (ties,
partly scored alliances, 1 to 6 reviewers, every consensus method, decisions fixing
totals, tier bands on fractional points) the fast analysis must give the same flags,
agreement, tier moves, computed totals, calibration and table; the normalised totals
(floats summed over a few reviewers, possibly in another order) agree to 1e-12.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_review.core import agreement
from alliance_review.core.analysis import Analyser, Cells
from alliance_review.services.panel import TOTAL, analyse
from alliance_review.storage.round_store import RoundStore
from tests.random_rounds import rounds, write_round


def reference(store: RoundStore, total_span=None):  # type: ignore[no-untyped-def]
    """The original analysis, figure by figure (``analyse`` before it used integers)."""
    settings_ = store.settings()
    if total_span is None:
        total_span = settings_.disagreement_span
    rubric = store.rubric()
    table = agreement.score_table(store.scores())
    flags = agreement.disagreement_flags(rubric, table, total_span)
    fixed = {a: p for (a, code), (p, _) in store.decisions().items() if code == TOTAL}
    computed = agreement.consensus_totals(rubric, table, settings_.consensus_method)
    moves = agreement.tier_stability(
        rubric, table, settings_.consensus_method, settings_.tiers, fixed, computed
    )
    for move in moves:
        flags.setdefault(move.alliance_uid, []).append(
            agreement.Flag(
                "tier_unstable", move.total_without, "", move.reviewer_uid, move.other_tier
            )
        )
    return {
        "table": {a: {c: dict(r) for c, r in per.items()} for a, per in table.items()},
        "flags": flags,
        "indicators": agreement.indicator_agreement(rubric, table),
        "total_alpha": agreement.total_agreement(table),
        "tier_moves": moves,
        "computed_totals": computed,
        "calibration": agreement.calibration(rubric, table, settings_.consensus_method, computed),
        "normalised": agreement.normalised_totals(table),
    }


def assert_same_analysis(store: RoundStore) -> None:
    fast = analyse(store)
    slow = reference(store)
    assert {a: {c: dict(r) for c, r in per.items()} for a, per in fast.table.items()} == slow[
        "table"
    ]
    for name in ("flags", "indicators", "total_alpha", "computed_totals"):
        assert getattr(fast, name) == slow[name], name
    # the same moves; the app lists them in ranked order, the reference in reading order
    def by_pair(moves):  # type: ignore[no-untyped-def]
        return sorted(moves, key=lambda m: (m.alliance_uid, m.reviewer_uid))

    assert by_pair(fast.tier_moves) == by_pair(slow["tier_moves"])
    assert fast.calibration == slow["calibration"]
    assert fast.normalised.keys() == slow["normalised"].keys()
    for uid, value in slow["normalised"].items():
        assert fast.normalised[uid] == pytest.approx(value, rel=1e-12, abs=1e-12)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_fast_analysis_equals_the_reference_on_random_rounds(spec):
    with tempfile.TemporaryDirectory() as folder:
        with RoundStore.open(write_round(Path(folder) / "round.sqlite", spec)) as store:
            assert_same_analysis(store)


def test_the_demo_round_is_analysed_the_same_both_ways(demo_round_master: Path):
    with RoundStore.open(demo_round_master) as store:
        assert_same_analysis(store)


@given(
    st.lists(
        st.tuples(
            st.sampled_from("abc"),
            st.sampled_from(("1", "2", "x")),
            st.sampled_from("rst"),
            st.integers(0, 900),
        ),
        max_size=30,
    )
)
def test_one_alliance_recomputed_alone_equals_all_recomputed(cells):
    """After one alliance's scores change, forgetting only its figures is enough."""
    from fractions import Fraction

    from alliance_review.core.rubric import Category, Indicator, Rubric

    rubric = Rubric(
        (
            Category(
                "1",
                "一级",
                (Indicator("1", "甲", "", Fraction(9)), Indicator("2", "乙", "", Fraction(9))),
            ),
        )
    )
    before = Cells.of(["1", "2"], cells[: len(cells) // 2])
    analyser = Analyser(rubric, before, "mean", Fraction(3))
    analyser.computed_totals()  # figures of the first half cached
    changed = {a for a, _, _, _ in cells[len(cells) // 2 :]}
    for uid in changed:
        before.replace_alliance(uid, [c for c in cells if c[0] == uid])
    analyser.forget(changed)
    fresh = Analyser(rubric, Cells.of(["1", "2"], cells), "mean", Fraction(3))
    assert analyser.computed_totals() == fresh.computed_totals()
    assert analyser.flags() == fresh.flags()
