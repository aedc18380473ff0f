"""Every number of every sentence of the report draft, checked against plain SQL on the
round file (``tests/report_check.py``): the demo round, a three-year programme and
random rounds; and the draft's Chinese reads as a secretary writes it."""

from __future__ import annotations

import os
import random
import re
import tempfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_review.core.ranking import TierBand
from alliance_review.services.demo_2014 import build_previous_demo
from alliance_review.services.report_docx import export_report
from tests.conftest import run_cli
from tests.report_check import check_draft
from tests.report_rounds import REASONS, Plan, build, programme


def body_text(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def assert_reads_well(path: Path) -> None:
    """No "0 家", no "一种情况：一是", no two 并 in one clause, 不到半数 once a paragraph."""
    for text in body_text(path):
        assert not re.search(r"(?<![\d.])0 家", text), text
        assert "一种情况" not in text and "一是" not in text or "二是" in text, text
        for clause in re.split(r"[，；。：、]", text):
            assert clause.replace("合并", "").count("并") <= 1, clause  # 并 as "and"
        assert text.count("不到半数") <= 1, text
        assert "（不到半数）" not in text, text


@pytest.fixture(scope="module")
def demo_draft(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("sentences")
    previous = build_previous_demo(folder / "demo-2014.sqlite")
    out = folder / "报告草稿.docx"
    done = run_cli("report", demo_round_master, out, "--previous", previous)
    assert done.returncode == 0, done.stderr
    return out, previous


def test_every_number_of_the_demo_draft_is_checked(demo_draft, demo_round_master: Path):
    out, previous = demo_draft
    check_draft(out, demo_round_master, previous)
    assert_reads_well(out)


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return programme(tmp_path_factory.mktemp("programme"))


@pytest.mark.parametrize("year", [0, 1, 2], ids=["2014", "2015", "2016"])
def test_every_number_of_a_three_year_programme_is_checked(
    three_years: list[Path], tmp_path: Path, year: int
):
    previous = three_years[year - 1] if year else None
    out = export_report(three_years[year], tmp_path / "draft.docx", previous)
    check_draft(out, three_years[year], previous)
    assert_reads_well(out)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    count = draw(st.integers(1, 24))
    activity = draw(st.lists(st.floats(0.0, 1.0), min_size=count, max_size=count))
    absent_count = draw(st.integers(0, max(0, count - 1)))
    absent = {n: draw(st.sampled_from(REASONS)) for n in range(absent_count)}
    tiers = draw(
        st.sampled_from(
            [
                (
                    TierBand("活跃度高", 86),
                    TierBand("活跃度较高", 75),
                    TierBand("活跃度一般", 65),
                    TierBand("活跃度较差", None),
                ),
                (TierBand("优秀", 90), TierBand("良好", 70), TierBand("其他", None)),
            ]
        )
    )
    return Plan(
        year=draw(st.integers(2014, 2030)),
        activity=activity,
        absent=absent,
        reviewers=draw(st.integers(1, 5)),
        per_alliance=draw(st.integers(1, 3)),
        decisions=draw(st.integers(0, 2)),
        item_decisions=draw(st.integers(0, 2)),
        selfeval=draw(st.integers(0, 3)),
        lock=draw(st.booleans()),
        tiers=tiers,
        consensus_method=draw(st.sampled_from(["mean", "median", "trimmed_mean"])),
        seed=draw(st.integers(0, 10**6)),
    )


# a dozen rounds in the suite; HYPOTHESIS_PROFILE=explore searches 200 fresh ones
EXAMPLES = 12 if os.environ.get("HYPOTHESIS_PROFILE", "suite") == "suite" else 200


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_number_of_a_random_round_is_checked(plan: Plan):
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder) / "round.alr-round", plan)
        out = export_report(path, Path(folder) / "draft.docx")
        check_draft(out, path)
        assert_reads_well(out)


def test_the_style_check_catches_what_the_issue_found(tmp_path: Path):
    """The check itself fails on the sentences the review found in an earlier draft."""
    from docx import Document as New

    for bad in (
        "有 0 家联盟评分在 90 分以上。",
        "据了解有一种情况：一是联系不畅（1 家）。",
        "8 家自筹资金设立科研项目并承担政府科技计划项目并以联盟名义接受外部委托项目。",
        "15 家（不到半数）承担项目，4 家（不到半数）发布报告。",
    ):
        document = New()
        document.add_paragraph(bad)
        path = tmp_path / "bad.docx"
        document.save(str(path))
        with pytest.raises(AssertionError):
            assert_reads_well(path)
    random.seed(0)
