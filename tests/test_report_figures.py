"""Sections 二-四 of the 2015 report: every figure, from the demo round's statistics."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from alliance_review.core.report_figures import figure_list, source_inconsistencies
from alliance_review.services.demo_2014 import build_previous_demo
from alliance_review.services.statistics_report import round_statistics_of
from tests.conftest import run_cli
from tests.report_2015 import DIFFERENT, SOURCE, SOURCE_CONFLICTS

# the source report's text and appendix, vendored from shared/seed (see its README)
SOURCE_2015 = Path(__file__).parent / "data" / "report-2015"
PUBLISHED_2015 = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"
PUBLISHED_APPENDIX = Path(__file__).parents[1] / "resources" / "published-appendix-2015.csv"


@pytest.fixture(scope="module")
def previous_2014(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_previous_demo(tmp_path_factory.mktemp("demo") / "demo-2014.sqlite")


@pytest.fixture(scope="module")
def figures(demo_round_master: Path, previous_2014: Path) -> dict:
    stats = round_statistics_of(demo_round_master, previous_2014, PUBLISHED_2015)
    return {f.key: f for f in figure_list(stats)}


def test_the_list_quotes_the_source(figures: dict):
    source = SOURCE_2015 / "report-2015-to-section-4.txt"
    text = "".join(source.read_text(encoding="utf-8").split())
    for key, _, words in SOURCE:
        assert "".join(words.split()) in text, (key, words)


def test_the_apps_appendix_is_the_published_one():
    """The app's resource (which the demo reproduces) is the published appendix as data."""
    with (SOURCE_2015 / "appendix-2015.csv").open(encoding="utf-8", newline="") as file:
        published = list(csv.DictReader(file))
    with PUBLISHED_APPENDIX.open(encoding="utf-8", newline="") as file:
        ours = list(csv.DictReader(file))
    assert len(published) == 125
    assert [(r["seq"], r["name"], r["score"], r["published_tier"]) for r in ours] == [
        (r["seq"], r["name"], r["score"], r["published_tier"]) for r in published
    ]


@pytest.mark.parametrize(("key", "printed", "words"), SOURCE, ids=[k for k, _, _ in SOURCE])
def test_every_figure_of_sections_two_to_four(figures: dict, key: str, printed, words: str):
    figure = figures[key]
    # the published-figures file carries the figure as the report prints it
    assert figure.printed == printed, words
    if key in DIFFERENT:
        # the source contradicts itself here: the round's value is shown beside, 不符
        assert figure.value == DIFFERENT[key] and figure.matches is False, words
    else:
        assert figure.matches is True, (key, figure.value, printed, words)


def test_only_the_contradictory_figures_differ(figures: dict):
    differing = {k for k, f in figures.items() if f.matches is False}
    assert differing == set(DIFFERENT)


def test_the_sources_own_contradictions_are_listed(demo_round_master: Path, previous_2014: Path):
    stats = round_statistics_of(demo_round_master, previous_2014, PUBLISHED_2015)
    sentences = [zh for zh, _ in source_inconsistencies(stats)]
    for words in SOURCE_CONFLICTS:
        assert any(all(w in s for w in words) for s in sentences), (words, sentences)
    assert len(sentences) == len(SOURCE_CONFLICTS)


def test_statistics_json_carries_the_figures_and_the_difference(
    demo_round_master: Path, previous_2014: Path
):
    result = run_cli(
        "statistics",
        demo_round_master,
        "--previous",
        previous_2014,
        "--published",
        PUBLISHED_2015,
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    by_key = {f["key"]: f for f in data["figures"]}
    assert by_key["pilots"]["value"] == 146 and by_key["pilots"]["matches"] is True
    assert by_key["batch.第三批.pilots"]["printed"] == 55
    assert by_key["batch.第三批.pilots"]["matches"] is False
    assert any("150" in s for s in data["source_inconsistencies"])
    assert data["participation"]["by_reason"] == {"联系不畅": 8, "不愿提供": 5, "延误提交": 8}
