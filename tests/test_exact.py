"""The fast ranking (integers, SQL aggregation) against the plain reference (a Fraction per score).

``reference`` below is the original ``services.results.compute``: ``core.scoring.aggregate``
over every score as a Fraction, then ``core.ranking.rank``. The fast path must give the
same ranked rows (order, sequence, shared ranks, exact totals, printed scores, tiers) and
the same per-alliance detail on random rounds: ties, medians of odd and even counts,
trimmed means of 3 to 6 reviewers, partly scored alliances, indicator and total
decisions, every rounding and tie rule, and tier bounds on fractional points.
"""

from __future__ import annotations

import sqlite3
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_review.core.exact import ExactTotals, consensus_part, round_ratio
from alliance_review.core.points import ROUNDING_RULES, round_points
from alliance_review.core.ranking import TIE_RULES, TierBand, rank, rank_exact
from alliance_review.core.roster import BATCHES, Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.core.scoring import CONSENSUS_METHODS, Score, aggregate, consensus
from alliance_review.services.results import RoundResult, compute
from alliance_review.storage import tally
from alliance_review.storage.round_store import RoundStore
from tests.random_rounds import NAMES, rounds, tier_bands, write_round


def reference(store: RoundStore, method: str | None = None) -> RoundResult:
    """The original computation, kept verbatim as the plain reference."""
    settings_ = store.settings()
    decisions = store.decisions()
    indicator_overrides = {(a, i): p for (a, i), (p, _) in decisions.items() if i}
    total_overrides = {a: p for (a, i), (p, _) in decisions.items() if not i}
    results = aggregate(
        store.rubric(),
        store.scores(),
        method or settings_.consensus_method,
        indicator_overrides,
        total_overrides,
    )
    totals = {uid: r.total for uid, r in results.items()}
    ranking = rank(
        store.alliances(),
        totals,
        settings_.tiers,
        settings_.rounding,
        settings_.tie_rule,
        settings_.tier_by,
    )
    return RoundResult(settings_, results, ranking)


# the pure integer pieces -----------------------------------------------------------------
centi_values = st.lists(st.integers(0, 2000), min_size=1, max_size=8)


@given(centi_values, st.sampled_from(CONSENSUS_METHODS))
def test_consensus_part_is_the_exact_consensus(values: list[int], method: str):
    num, den = consensus_part(values, method)
    assert Fraction(num, 100 * den) == consensus([Fraction(v, 100) for v in values], method)


@given(st.integers(-(10**6), 10**6), st.integers(1, 10**4), st.sampled_from(list(ROUNDING_RULES)))
def test_integer_rounding_is_the_printed_rounding(num: int, den: int, rule: str):
    assert round_ratio(num, den, rule) == round_points(Fraction(num, den), rule)
    assert isinstance(round_ratio(num, den, rule), Decimal)


@st.composite
def ranked_inputs(
    draw: st.DrawFn,
) -> tuple[list[Alliance], dict[str, Fraction], tuple[TierBand, ...]]:
    count = draw(st.integers(0, 10))
    alliances = [
        Alliance(
            f"u{n}",
            NAMES[n % len(NAMES)] + str(n // len(NAMES)),
            n,
            draw(st.sampled_from((*BATCHES, None))),
        )
        for n in range(count)
    ]
    scale = draw(st.sampled_from((100, 300, 600, 1200)))
    pool = draw(st.lists(st.integers(0, 100 * scale), min_size=1, max_size=4))
    totals = {
        a.uid: Fraction(draw(st.sampled_from(pool)), scale)
        for a in alliances
        if draw(st.booleans()) or a.position == 0
    }
    return alliances, totals, draw(tier_bands())


@given(
    ranked_inputs(),
    st.sampled_from(list(ROUNDING_RULES)),
    st.sampled_from(list(TIE_RULES)),
    st.sampled_from(("total", "printed")),
)
def test_rank_exact_ranks_as_rank_does(inputs, rounding: str, tie_rule: str, tier_by: str):
    alliances, totals, tiers = inputs
    scale = 1200 * 100
    exact = ExactTotals(scale, {uid: int(t * scale) for uid, t in totals.items()})
    assert rank_exact(alliances, exact, tiers, rounding, tie_rule, tier_by) == rank(
        alliances, totals, tiers, rounding, tie_rule, tier_by
    )


# whole rounds through the round file ---------------------------------------------------
def assert_same(fast: RoundResult, slow: RoundResult) -> None:
    assert fast.ranking == slow.ranking
    assert sorted(fast.results) == sorted(slow.results)
    assert dict(fast.results.items()) == dict(slow.results)
    for uid in slow.results:  # one alliance read on its own, as the window does
        assert fast.results[uid] == slow.results[uid]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_fast_ranking_equals_the_reference_on_random_rounds(spec):
    with tempfile.TemporaryDirectory() as folder:
        with RoundStore.open(write_round(Path(folder) / "round.sqlite", spec)) as store:
            for method in (None, *CONSENSUS_METHODS):  # the round's own, and each preview
                slow = reference(store, method)
                assert_same(compute(store, method), slow)
                # the path for totals beyond SQLite's integers (or medians of 5+ values)
                with mock.patch.object(tally, "_SAFE", 0):
                    assert_same(compute(store, method), slow)


def test_the_demo_round_ranks_the_same_both_ways(demo_round_master: Path):
    with RoundStore.open(demo_round_master) as store:
        for method in CONSENSUS_METHODS:
            assert_same(compute(store, method), reference(store, method))


def test_a_damaged_file_is_ranked_as_the_reference_ranks_it(tmp_path: Path):
    """Scores beyond the assignments or for an indicator the rubric lost (written with
    foreign keys off, as by another tool): the SQL answer is refused, Python recomputes."""
    spec = {
        "settings": RoundSettings(
            uid="r", title="损坏的轮次", year=2020, consensus_method="median"
        ),
        "rubric": Rubric((Category("1", "一级", (Indicator("1.1", "指标", "", Fraction(10)),)),)),
        "alliances": [Alliance("a0", "甲联盟", 0), Alliance("a1", "乙联盟", 1)],
        "reviewers": [Reviewer(f"r{n}", f"专家{n}") for n in range(6)],
        "assignment": {"a0": ["r0", "r1", "r2"], "a1": ["r3", "r4"]},
        "scores": [
            Score("r0", "a0", "1.1", Fraction(7)),
            Score("r1", "a0", "1.1", Fraction(8)),
            Score("r2", "a0", "1.1", Fraction(9)),
            Score("r3", "a1", "1.1", Fraction(6)),
        ],
        "decisions": [],
    }
    path = write_round(tmp_path / "round.sqlite", spec)
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    with raw:  # three more values for a0 than it has reviewers, one of an unknown indicator
        raw.executemany(
            "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi)"
            " VALUES (?, ?, ?, ?)",
            [
                ("r3", "a0", "1.1", 100),
                ("r4", "a0", "1.1", 1000),
                ("r5", "a0", "1.1", 1000),
                ("r4", "a1", "9.9", 500),
            ],
        )
    raw.close()
    with RoundStore.open(path) as store:
        for method in CONSENSUS_METHODS:
            assert_same(compute(store, method), reference(store, method))
