"""The meeting's figures, checked against values computed independently in the test."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from alliance_review.core.agreement import icc_oneway, krippendorff_alpha_interval
from alliance_review.core.ranking import DEFAULT_TIERS, tier_of
from alliance_review.services.merge import merge_into
from alliance_review.services.panel import Analysis, analyse
from alliance_review.services.resources import default_rubric
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr

RUBRIC = default_rubric()
CODES = [i.code for i in RUBRIC.indicators()]
MAXIMA = {i.code: i.max_points for i in RUBRIC.indicators()}


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Analysis]:
    folder = tmp_path_factory.mktemp("analysis")
    round_path = pr.build_round(folder / "round.sqlite")
    files = pr.submitted(round_path, folder)
    assert all(not r.refused for r in merge_into(round_path, files.values()))
    with RoundStore.open(round_path) as store:
        return round_path, analyse(store)


def points(reviewer: str, alliance: str, code: str) -> Fraction:
    return pr.designed_points(reviewer, alliance, code, MAXIMA[code])


def reviewer_total(reviewer: str, alliance: str) -> Fraction:
    return sum((points(reviewer, alliance, c) for c in CODES), Fraction(0))


def mean_total(alliance: str, reviewers: list[str]) -> Fraction:
    # the mean of per-indicator means equals the mean of the reviewers' totals
    return sum((reviewer_total(r, alliance) for r in reviewers), Fraction(0)) / len(reviewers)


def test_consensus_and_spreads(merged: tuple[Path, Analysis]):
    _, analysis = merged
    for alliance, reviewers in pr.assignment().items():
        result = analysis.result.results[alliance]
        assert result.total == mean_total(alliance, reviewers)
        totals = [reviewer_total(r, alliance) for r in reviewers]
        assert result.spread == max(totals) - min(totals)
        assert dict(result.reviewer_totals) == {r: reviewer_total(r, alliance) for r in reviewers}


def test_flags_name_the_wide_spans_and_the_wild_indicator(merged: tuple[Path, Analysis]):
    _, analysis = merged
    expected: dict[str, set[tuple[str, str]]] = {}
    for alliance, reviewers in pr.assignment().items():
        totals = [reviewer_total(r, alliance) for r in reviewers]
        if max(totals) - min(totals) > 10:
            expected.setdefault(alliance, set()).add(("total_span", ""))
        for code in CODES:
            values = [points(r, alliance, code) for r in reviewers]
            if max(values) - min(values) > MAXIMA[code] / 2:
                expected.setdefault(alliance, set()).add(("indicator_spread", code))
    got = {
        a: {(f.kind, f.indicator_code) for f in flags if f.kind != "tier_unstable"}
        for a, flags in analysis.flags.items()
    }
    got = {a: v for a, v in got.items() if v}
    assert got == expected
    assert ("indicator_spread", "2.2") in expected["a5"]  # the designed wild indicator
    assert any(("total_span", "") in v for v in expected.values())


def test_tier_stability_lists_every_alliance_a_single_reviewer_decides(
    merged: tuple[Path, Analysis],
):
    _, analysis = merged
    expected = set()
    for alliance, reviewers in pr.assignment().items():
        tier = tier_of(mean_total(alliance, reviewers), DEFAULT_TIERS).name
        for dropped in reviewers:
            rest = [r for r in reviewers if r != dropped]
            other = tier_of(mean_total(alliance, rest), DEFAULT_TIERS).name
            if other != tier:
                expected.add((alliance, dropped, tier, other))
    got = {(m.alliance_uid, m.reviewer_uid, m.tier, m.other_tier) for m in analysis.tier_moves}
    assert got == expected and expected
    for alliance, *_ in expected:
        assert any(f.kind == "tier_unstable" for f in analysis.flags[alliance])


def test_calibration_shows_the_lenient_and_the_harsh_reviewer(merged: tuple[Path, Analysis]):
    _, analysis = merged
    by_uid = {c.reviewer_uid: c for c in analysis.calibration}
    for reviewer in by_uid:
        mine = [a for a, rs in pr.assignment().items() if reviewer in rs]
        deviations = np.array(
            [float(reviewer_total(reviewer, a) - mean_total(a, pr.assignment()[a])) for a in mine]
        )
        assert by_uid[reviewer].alliances == len(mine)
        assert float(by_uid[reviewer].mean_deviation) == pytest.approx(deviations.mean())
        assert by_uid[reviewer].deviation_sd == pytest.approx(deviations.std())
    assert by_uid["r0"].mean_deviation > 0 > by_uid["r3"].mean_deviation
    assert min(by_uid.values(), key=lambda c: c.mean_deviation).reviewer_uid == "r3"


def test_normalised_view_is_beside_not_instead_of_the_raw_consensus(
    merged: tuple[Path, Analysis],
):
    _, analysis = merged
    assignment = pr.assignment()
    reviewers = sorted({r for rs in assignment.values() for r in rs})
    totals = {(r, a): float(reviewer_total(r, a)) for a, rs in assignment.items() for r in rs}
    everything = np.array(list(totals.values()))
    z = {}
    for r in reviewers:
        mine = np.array([v for (rr, _), v in totals.items() if rr == r])
        for (rr, a), v in totals.items():
            if rr == r:
                z[(r, a)] = everything.mean() + (v - mine.mean()) / mine.std() * everything.std()
    for alliance, rs in assignment.items():
        expected = np.mean([z[(r, alliance)] for r in rs])
        assert analysis.normalised[alliance] == pytest.approx(expected)
        assert analysis.result.results[alliance].total == mean_total(alliance, rs)


def test_indicator_agreement_matches_the_krippendorff_package(merged: tuple[Path, Analysis]):
    _, analysis = merged
    assignment = pr.assignment()
    reviewers = sorted({r for rs in assignment.values() for r in rs})
    alliances = sorted(assignment)
    by_code = {a.code: a for a in analysis.indicators}
    for code in CODES:
        data = np.full((len(reviewers), len(alliances)), np.nan)
        for j, alliance in enumerate(alliances):
            for r in assignment[alliance]:
                data[reviewers.index(r), j] = float(points(r, alliance, code))
        if np.nanstd(data) == 0:
            assert by_code[code].alpha is None
            continue
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
        assert by_code[code].alpha == pytest.approx(expected, abs=1e-9), code
    totals = np.full((len(reviewers), len(alliances)), np.nan)
    for j, alliance in enumerate(alliances):
        for r in assignment[alliance]:
            totals[reviewers.index(r), j] = float(reviewer_total(r, alliance))
    assert analysis.total_alpha == pytest.approx(
        krippendorff.alpha(reliability_data=totals, level_of_measurement="interval")
    )
    # the designed wild indicator is among the weakest
    weakest = sorted((a for a in analysis.indicators if a.alpha is not None), key=lambda a: a.alpha)
    assert "2.2" in [a.code for a in weakest[:3]]


def test_alpha_on_small_hand_made_data():
    perfect = [[Fraction(1), Fraction(1)], [Fraction(5), Fraction(5)], [Fraction(3), Fraction(3)]]
    assert krippendorff_alpha_interval(perfect) == pytest.approx(1.0)
    assert krippendorff_alpha_interval([[Fraction(2)]]) is None
    data = [[1, 2, 1], [4, 5, 4], [2, 2, 3], [5, 4, None]]
    frac = [[Fraction(v) for v in unit if v is not None] for unit in data]
    matrix = np.array([[np.nan if v is None else v for v in unit] for unit in data]).T
    assert krippendorff_alpha_interval(frac) == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval")
    )


def numpy_icc1(units: list[list[float]]) -> float:
    """ICC(1) by the one-way ANOVA table, written independently with numpy."""
    values = np.concatenate([np.asarray(u, dtype=float) for u in units])
    sizes = np.array([len(u) for u in units], dtype=float)
    means = np.array([np.mean(u) for u in units])
    a, n = len(units), values.size
    msb = np.sum(sizes * (means - values.mean()) ** 2) / (a - 1)
    msw = sum(np.sum((np.asarray(u) - m) ** 2) for u, m in zip(units, means, strict=True)) / (n - a)
    k0 = (n - np.sum(sizes**2) / n) / (a - 1)
    return float((msb - msw) / (msb + (k0 - 1) * msw))


def test_icc_matches_shrout_and_fleiss_and_numpy():
    # Shrout & Fleiss (1979), Table 2: 6 targets, 4 judges; ICC(1,1) = .17
    table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    exact = icc_oneway([[Fraction(v) for v in row] for row in table])
    assert exact == pytest.approx(0.1657, abs=5e-4)
    assert exact == pytest.approx(numpy_icc1(table))
    # unequal numbers of reviewers per alliance, and a lone score that cannot pair
    uneven = [[1, 2, 1], [4, 5], [2, 2, 3, 3], [5]]
    assert icc_oneway([[Fraction(v) for v in u] for u in uneven]) == pytest.approx(
        numpy_icc1(uneven[:3])
    )
    assert icc_oneway([[Fraction(3), Fraction(3)], [Fraction(3), Fraction(3)]]) is None
    assert icc_oneway([[Fraction(1), Fraction(2)]]) is None


def test_indicator_icc_in_the_analysis_matches_numpy(merged: tuple[Path, Analysis]):
    _, analysis = merged
    assignment = pr.assignment()
    by_code = {a.code: a for a in analysis.indicators}
    checked = 0
    for code in CODES:
        units = [[float(points(r, a, code)) for r in rs] for a, rs in assignment.items()]
        if np.std(np.concatenate(units)) == 0:
            continue
        assert by_code[code].icc == pytest.approx(numpy_icc1(units), abs=1e-9), code
        checked += 1
    assert checked > 5
    # the designed wild indicator has the lowest intraclass correlation too
    lowest = min((a for a in analysis.indicators if a.icc is not None), key=lambda a: a.icc)
    assert lowest.code == "2.2"


def test_conflicts_in_the_meeting(merged: tuple[Path, Analysis]):
    _, analysis = merged
    assert analysis.conflicts == {"a0": ["r0"], "a1": ["r1"], "a2": ["r2"], "a3": ["r3"]}
