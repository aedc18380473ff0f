"""Year over year without a --previous file: a round that carries last year's results in
its own history (round step 7) states the same comparisons as with last year's file."""

from __future__ import annotations

import random
import re
from pathlib import Path

from docx import Document

from alliance_review.core.register import HistoryRound, YearResult
from alliance_review.services.report_docx import export_report
from alliance_review.services.results import compute
from alliance_review.storage.round_store import RoundStore
from tests.report_check import check_draft
from tests.report_rounds import Plan, activities, build


def carry(last_year: Path, into: Path) -> None:
    """What new-round --from carries: last year's results per alliance (the register's
    carry service does this; written here through the store's own API)."""
    with RoundStore.open(last_year) as store:
        result = compute(store)
        settings, full = result.settings, store.rubric().max_points
        absent = store.non_participants()
        alliances = store.alliances()
    rounds = [HistoryRound(settings.year, settings.uid, settings.title, full, settings.tiers)]
    results = [
        YearResult(row.alliance.uid, settings.year, row.alliance.name, row.alliance.batch,
                   "ranked", total=row.total, printed=row.printed_score, tier=row.tier.name,
                   rank=row.rank)
        for row in result.ranking
    ] + [
        YearResult(a.uid, settings.year, a.name, a.batch, "not_taking_part", absent[a.uid][0])
        for a in alliances
        if a.uid in absent
    ]  # fmt: skip
    with RoundStore.open(into) as store, store.atomic():
        store.write_history(rounds, results)


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_a_round_carrying_last_years_results_needs_no_previous_file(tmp_path: Path):
    rng = random.Random(7)
    first = build(tmp_path / "2014.alr-round", Plan(2014, activities(30, rng), {1: "联系不畅"}))
    second = build(
        tmp_path / "2015.alr-round",
        Plan(2015, activities(30, rng), {2: "不愿提供", 3: "延误提交"}, seed=1),
        first,
    )
    carry(first, second)
    from_history = export_report(second, tmp_path / "history.docx")
    from_file = export_report(second, tmp_path / "file.docx", first)
    check_draft(from_history, second, first)  # the comparisons, against last year's file
    assert paragraphs(from_history) == paragraphs(from_file)
    text = "".join(paragraphs(from_history))
    assert "相比 2014 年" in text


def test_without_history_or_file_the_draft_makes_no_comparison(tmp_path: Path):
    rng = random.Random(8)
    only = build(tmp_path / "2015.alr-round", Plan(2015, activities(12, rng)))
    draft = export_report(only, tmp_path / "draft.docx")
    check_draft(draft, only)
    assert not re.search(r"相比 \d+ 年|与 \d+ 年持平", "".join(paragraphs(draft)))


def test_the_batches_are_the_rounds_own(tmp_path: Path):
    """A fourth batch (batches are data since round step 7) gets its own paragraph and row."""
    from dataclasses import replace

    from alliance_review.core.register import Batch

    rng = random.Random(9)
    path = tmp_path / "2016.alr-round"
    plan = Plan(2016, activities(20, rng))
    base = build(tmp_path / "2015.alr-round", Plan(2015, activities(20, rng)))
    # the new round's roster: the same alliances, five of them designated a fourth batch
    from alliance_review.services.setup import new_round

    new_round(path, "2016年度评价（测试）", 2016, from_round=base)
    with RoundStore.open(path) as store, store.atomic():
        store.insert_batch(Batch("第四批", 3, 2016))
        for alliance in store.alliances()[:5]:
            store.update_alliance(replace(alliance, batch="第四批"))
    from tests.report_rounds import fill

    with RoundStore.open(path) as store:
        fill(store, plan, rng)
    draft = export_report(path, tmp_path / "draft.docx")
    check_draft(draft, path)
    assert "5 家第四批试点联盟" in "".join(paragraphs(draft))
