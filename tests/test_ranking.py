from __future__ import annotations

from fractions import Fraction

import pytest

from alliance_review.core.errors import UserError
from alliance_review.core.points import exact_text, round_points
from alliance_review.core.ranking import DEFAULT_TIERS, TierBand, check_tiers, rank, tier_of
from alliance_review.core.roster import Alliance
from alliance_review.core.scoring import consensus


def alliances(*batches: str | None) -> list[Alliance]:
    return [Alliance(f"u{i}", f"联盟{i}", i, b) for i, b in enumerate(batches)]


@pytest.mark.parametrize(
    ("total", "tier"),
    [
        (Fraction(100), "活跃度高"),
        (Fraction(86), "活跃度高"),
        (Fraction(86) - Fraction(1, 3), "活跃度较高"),
        (Fraction(85), "活跃度较高"),
        (Fraction(75), "活跃度较高"),
        (Fraction(7499, 100), "活跃度一般"),
        (Fraction(65), "活跃度一般"),
        (Fraction(194, 3), "活跃度较差"),
        (Fraction(64), "活跃度较差"),
        (Fraction(0), "活跃度较差"),
    ],
)
def test_tier_at_every_band_edge_follows_the_exact_total(total: Fraction, tier: str):
    assert tier_of(total).name == tier


def test_row_109_prints_65_but_is_in_the_lowest_tier():
    total = Fraction(194, 3)
    assert round_points(total) == 65
    assert tier_of(total).name == "活跃度较差"


def test_no_float_drift_at_a_band_edge():
    # 0.1 + 0.2 style sums: ten scores of 8.6 are exactly 86 here
    total = sum((Fraction("8.6") for _ in range(10)), Fraction(0))
    assert tier_of(total).name == "活跃度高"


def test_ties_share_a_rank_but_sequence_is_consecutive_and_ordered_by_batch_then_roster():
    group = alliances(None, "第二批", "第一批", None)
    totals = {"u0": Fraction(90), "u1": Fraction(90), "u2": Fraction(90), "u3": Fraction(80)}
    rows = rank(group, totals)
    assert [r.alliance.uid for r in rows] == ["u2", "u1", "u0", "u3"]
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert [r.rank for r in rows] == [1, 1, 1, 4]


def test_tie_rule_roster_ignores_batch():
    group = alliances(None, "第一批")
    rows = rank(group, {"u0": Fraction(70), "u1": Fraction(70)}, tie_rule="roster")
    assert [r.alliance.uid for r in rows] == ["u0", "u1"]


def test_alliances_without_scores_are_not_ranked():
    rows = rank(alliances(None, None), {"u1": Fraction(50)})
    assert [r.alliance.uid for r in rows] == ["u1"]


def test_rounding_rules():
    assert round_points(Fraction(129, 2)) == 65
    assert round_points(Fraction(129, 2), "half_even") == 64
    assert round_points(Fraction(1299, 20), "down") == 64


def test_consensus_methods_are_exact():
    values = [Fraction(7), Fraction(8), Fraction(8)]
    assert consensus(values) == Fraction(23, 3)
    assert consensus(values, "median") == 8
    assert consensus(
        [Fraction(1), Fraction(5), Fraction(6), Fraction(100)], "trimmed_mean"
    ) == Fraction(11, 2)
    assert consensus([Fraction(1), Fraction(2), Fraction(9)], "trimmed_mean") == 4


def test_exact_text_reads_back():
    for value in (Fraction(194, 3), Fraction(197, 2), Fraction(100)):
        assert Fraction(exact_text(value)) == value
    assert exact_text(Fraction(197, 2)) == "98.5"


def test_tier_bands_are_checked():
    check_tiers(DEFAULT_TIERS)
    with pytest.raises(UserError):
        check_tiers(
            (TierBand("高", Fraction(60)), TierBand("中", Fraction(70)), TierBand("低", None))
        )
    with pytest.raises(UserError):
        check_tiers((TierBand("高", Fraction(60)),))
