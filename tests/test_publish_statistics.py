"""The report's statistics: the 2015 figures reproduced from the demo round."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_review.core.errors import UserError
from alliance_review.core.ranking import DEFAULT_TIERS, rank
from alliance_review.core.roster import BATCH_UNKNOWN, Alliance
from alliance_review.core.rubric import Rubric
from alliance_review.core.statistics import (
    PreviousYear,
    histogram,
    largest_remainder,
    round_statistics,
)
from tests.conftest import run_cli
from tests.publish_checks import assert_fonts_embedded, last_years_round


@pytest.fixture(scope="module")
def figures_2015(demo_round_master: Path) -> dict:
    result = run_cli(
        "statistics",
        demo_round_master,
        "--previous-shares",
        "31,32,25,12",
        "--previous-count",
        "116",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_demo_round_reproduces_the_2015_report(figures_2015: dict):
    assert figures_2015["took_part"] == 125
    assert figures_2015["participation_change"] == 9  # 116 took part in 2014
    assert figures_2015["highest"]["score"] == 100 and len(figures_2015["highest"]["names"]) == 6
    assert figures_2015["lowest"] == {
        "score": 39,
        "names": ["生物农药与生物防治产业技术创新战略联盟"],
    }
    tiers = figures_2015["tiers"]
    assert [t["name"] for t in tiers] == ["活跃度高", "活跃度较高", "活跃度一般", "活跃度较差"]
    assert [t["count"] for t in tiers] == [56, 34, 18, 17]
    assert [t["share"] for t in tiers] == [45, 27, 14, 14]
    assert [t["change"] for t in tiers] == [14, -5, -11, 2]
    assert "最大余数法" in figures_2015["share_rule"]


def test_batches_follow_the_roster_and_an_unknown_batch_stays_unknown(figures_2015: dict):
    batches = {b["batch"]: b for b in figures_2015["batches"]}
    # the demo roster gives every pilot a batch, consistent with section 四's counts
    assert [batches[b]["took_part"] for b in ("第一批", "第二批", "第三批")] == [47, 33, 45]
    assert BATCH_UNKNOWN not in batches
    for batch in batches.values():
        assert sum(batch["tier_counts"]) == batch["took_part"]
        assert sum(batch["tier_shares"]) == 100
    # an alliance whose batch nobody knows is counted as such, never given one
    alliances = [Alliance("a0", "甲联盟", 0, "第一批"), Alliance("a1", "乙联盟", 1, None)]
    rows = rank(alliances, {"a0": Fraction(90), "a1": Fraction(70)}, DEFAULT_TIERS)
    stats = round_statistics(2016, DEFAULT_TIERS, Rubric(), alliances, rows, {})
    assert [(b.batch, b.took_part) for b in stats.batches] == [("第一批", 1), (BATCH_UNKNOWN, 1)]


def test_histogram_and_indicator_means(figures_2015: dict):
    bins = figures_2015["histogram"]
    assert bins[0]["low"] == 35 and bins[-1]["high"] == 100
    assert sum(b["count"] for b in bins) == 125
    assert bins[-1]["count"] == 20  # 95..100 holds the six 100s
    indicators = figures_2015["indicators"]
    assert len(indicators) == 18
    for indicator in indicators:
        means = [float(m) for m in indicator["tier_means"]]
        assert means == sorted(means, reverse=True), indicator["code"]
        assert indicator["separation"] > 0


def test_previous_year_from_a_round_file(demo_round_master: Path, tmp_path: Path):
    earlier = last_years_round(demo_round_master, tmp_path)
    result = run_cli("statistics", demo_round_master, "--previous", earlier, "--json")
    figures = json.loads(result.stdout)
    assert [t["change"] for t in figures["tiers"]] == [0, 0, 0, 0]
    assert figures["participation_change"] == 0


def test_a_previous_round_not_older_than_this_one_is_refused(demo_round_master: Path):
    result = run_cli("statistics", demo_round_master, "--previous", demo_round_master)
    assert result.returncode == 1 and result.stdout == ""
    expected = "上年评价轮次应早于本轮次（2015 年度），所选文件是 2015 年度的。"
    assert result.stderr.strip() == expected


def test_a_previous_count_without_shares_is_refused_not_ignored(demo_round_master: Path):
    result = run_cli("statistics", demo_round_master, "--previous-count", "116")
    assert result.returncode == 1 and result.stdout == ""
    assert "--previous-shares" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_verify_pdf_of_a_missing_file_says_so(demo_round_master: Path, tmp_path: Path):
    result = run_cli("verify-pdf", demo_round_master, tmp_path / "nowhere.pdf")
    assert result.returncode == 1
    assert result.stderr.strip() == "找不到文件「nowhere.pdf」。"


def test_text_output_states_the_rounding_rule(demo_round_master: Path):
    result = run_cli("statistics", demo_round_master, "--previous-shares", "31,32,25,12")
    assert result.returncode == 0
    assert "活跃度高  56  45%  31%  +14" in result.stdout
    assert "最大余数法" in result.stdout


@pytest.mark.parametrize("typed", ["31,32,25", "31,32,25,13", "三十,32,25,13"])
def test_wrong_previous_shares_are_refused_with_one_sentence(demo_round_master: Path, typed: str):
    result = run_cli("statistics", demo_round_master, "--previous-shares", typed)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_statistics_pdf(demo_round_master: Path, tmp_path: Path):
    out = tmp_path / "stats.pdf"
    result = run_cli(
        "statistics",
        demo_round_master,
        "--pdf",
        out,
        "--previous-shares",
        "31,32,25,12",
        "--previous-count",
        "116",
    )
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        tables = [row for page in pdf.pages for t in page.extract_tables() for row in t]
    assert "参评联盟 125 家" in text and "增加 9 家" in text
    assert ["活跃度高", "56", "45%", "31%", "+14"] in tables
    assert ["活跃度一般", "18", "14%", "25%", "-11"] in tables
    assert "批次不详" in text and "最大余数法" in text
    assert "虚线为档次下限" in text  # the histogram's caption, drawn with the chart
    assert_fonts_embedded(out)
    second = tmp_path / "again.pdf"
    run_cli(
        "statistics",
        demo_round_master,
        "--pdf",
        second,
        "--previous-shares",
        "31,32,25,12",
        "--previous-count",
        "116",
    )
    assert second.read_bytes() == out.read_bytes()


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=8))
def test_largest_remainder_shares_sum_to_100(counts: list[int]):
    shares = largest_remainder(counts)
    if sum(counts):
        assert sum(shares) == 100
        for count, share in zip(counts, shares, strict=True):
            exact = Fraction(100 * count, sum(counts))
            assert exact - 1 < share < exact + 1
    else:
        assert shares == [0] * len(counts)


def test_the_2015_shares_and_the_batch_1_shares_that_follow_no_single_rule():
    assert largest_remainder([56, 34, 18, 17]) == [45, 27, 14, 14]
    # batch 1 (27-11-3-6 of 47) was printed 58/24/6/12; no rule gives that
    assert largest_remainder([27, 11, 3, 6]) == [58, 23, 6, 13]


def test_the_top_bin_is_closed_and_a_tier_count_mismatch_is_refused():
    alliances = [Alliance(f"a{n}", f"联盟{n}", n) for n in range(3)]
    totals = {"a0": Fraction(100), "a1": Fraction(95), "a2": Fraction(64)}
    rows = rank(alliances, totals, DEFAULT_TIERS)
    bins = histogram(rows, DEFAULT_TIERS)
    assert (bins[-1].low, bins[-1].high, bins[-1].count) == (95, 100, 2)
    with pytest.raises(UserError):
        round_statistics(
            2016, DEFAULT_TIERS, Rubric(), alliances, rows, {}, PreviousYear(3, (50, 50))
        )


PUBLISHED_2015 = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"


def test_published_figures_are_shown_beside_the_rule_not_recomputed(demo_round_master: Path):
    result = run_cli("statistics", demo_round_master, "--published", PUBLISHED_2015, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    # last year's figures come from the same file
    assert [t["change"] for t in figures["tiers"]] == [14, -5, -11, 2]
    assert figures["participation_change"] == 9
    published = figures["published"]
    assert published["pilot_count"] == 146
    batches = {b["batch"]: b for b in published["batches"]}
    assert batches["第一批"]["tier_shares"] == [58, 24, 6, 12]  # as printed
    assert batches["第一批"]["rule_shares"] == [58, 23, 6, 13]
    assert [b["follows_rule"] for b in published["batches"]] == [False, False, True]
    # the round's own batch figures come from its roster
    assert {b["batch"] for b in figures["batches"]} == {"第一批", "第二批", "第三批"}
    text = run_cli("statistics", demo_round_master, "--published", PUBLISHED_2015).stdout
    assert "试点联盟 146 家，参评 125 家，未参评 21 家。" in text
    assert "第一批  56  47（84%）  27（58%／58%）" in text


def test_a_malformed_published_file_is_refused(demo_round_master: Path, tmp_path: Path):
    bad = tmp_path / "figures.json"
    data = json.loads(PUBLISHED_2015.read_text(encoding="utf-8"))
    data["batches"][0]["tier_counts"] = [27, 11, 3]
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_cli("statistics", demo_round_master, "--published", bad)
    assert result.returncode == 1
    assert "第一批" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bad.write_text("{not json", encoding="utf-8")
    assert run_cli("statistics", demo_round_master, "--published", bad).returncode == 1


def test_statistics_of_a_round_without_scores_say_so(tmp_path: Path):
    reviewer_files = tmp_path / "files"
    reviewer_files.mkdir()
    before_merge = tmp_path / "before.sqlite"
    assert run_cli("demo", before_merge, "--reviewer-files", reviewer_files).returncode == 0
    result = run_cli("statistics", before_merge, "--pdf", tmp_path / "s.pdf")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == "本轮次还没有任何评分，无法统计（请先合并评审专家文件）。"
    assert not (tmp_path / "s.pdf").exists()
