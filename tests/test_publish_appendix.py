"""The ranked appendix PDF, read back as a reader of the ministry would: every row, in order."""

from __future__ import annotations

import csv
import dataclasses
import random
from fractions import Fraction
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from alliance_review.core.errors import UserError
from alliance_review.core.ranking import DEFAULT_TIERS, rank
from alliance_review.core.roster import Alliance
from alliance_review.core.round import RoundSettings
from alliance_review.services.appendix_pdf import (
    build_appendix,
    export_appendix,
)
from alliance_review.services.results import RoundResult
from alliance_review.services.round_digest import content_hash
from alliance_review.storage.round_store import RoundStore
from tests.conftest import PUBLISHED, run_cli
from tests.publish_checks import assert_fonts_embedded

# The headings as printed in the published 2015 appendix. The lowest one says "活跃度差"
# while the report's text (and the round's tier) says "活跃度较差": the app prints the
# tier's configured name, so that one heading differs on purpose.
PUBLISHED_HEADINGS = {
    "活跃度高": "活跃度高的联盟（共 56 家）",
    "活跃度较高": "活跃度较高的联盟（共 34 家）",
    "活跃度一般": "活跃度一般的联盟（共 18 家）",
    "活跃度较差": "活跃度差的联盟（共 17 家）",
}
KNOWN_HEADING_CHANGE = {"活跃度差的联盟（共 17 家）": "活跃度较差的联盟（共 17 家）"}


def published_lines() -> list[tuple[str, ...]]:
    """The published appendix as (heading,) and (seq, name, score) lines, in order."""
    with PUBLISHED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines: list[tuple[str, ...]] = []
    tier = None
    for row in rows:
        if row["published_tier"] != tier:
            tier = row["published_tier"]
            heading = PUBLISHED_HEADINGS[tier]
            lines.append((KNOWN_HEADING_CHANGE.get(heading, heading),))
        lines.append((row["seq"], row["name"], row["score"]))
    return lines


def pdf_lines(path: Path) -> tuple[list[tuple[str, ...]], list[list[str]]]:
    """Table rows of every page (header rows removed, wrapped names joined) and headers."""
    lines: list[tuple[str, ...]] = []
    headers: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.extract_tables()
            assert tables, f"page {page.page_number} has no table"
            rows = [row for table in tables for row in table]
            headers.append(rows[0])
            for row in rows[1:]:
                cells = [c.replace("\n", "") for c in row if c is not None]
                lines.append(tuple(cells))
    return lines, headers


@pytest.fixture(scope="module")
def demo_pdf(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("appendix") / "appendix.pdf"
    result = run_cli("export-pdf", demo_round_master, out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_demo_appendix_reads_back_as_the_published_appendix(demo_pdf: Path):
    lines, headers = pdf_lines(demo_pdf)
    assert lines == published_lines()
    assert all(h == ["序号", "联盟名称", "评分"] for h in headers)
    assert len(headers) >= 4  # the header row is repeated on every page


def test_label_title_and_page_numbers(demo_pdf: Path):
    with pdfplumber.open(demo_pdf) as pdf:
        total = len(pdf.pages)
        first = pdf.pages[0].extract_text().splitlines()
        assert first[0] == "附件"
        assert first[1] == "2015 年度产业技术创新战略联盟活跃度情况"
        for number, page in enumerate(pdf.pages, start=1):
            assert page.extract_text().splitlines()[-1] == f"第 {number} 页 共 {total} 页"
            assert (round(page.width), round(page.height)) == (595, 842)  # A4 portrait


def test_the_long_name_of_row_107_wraps_inside_its_cell(demo_pdf: Path):
    with pdfplumber.open(demo_pdf) as pdf:
        cells = [row for page in pdf.pages for t in page.extract_tables() for row in t]
    by_seq = {row[0]: row for row in cells if row[0] and row[0].isdigit()}
    wrapped = by_seq["107"][1]
    assert "\n" in wrapped
    assert wrapped.replace("\n", "") == "极端环境重大承压设备设计制造与维护产业技术创新战略联盟"
    assert "\n" not in by_seq["48"][1]  # 26 characters still fit on one line


def test_fonts_are_embedded(demo_pdf: Path):
    assert_fonts_embedded(demo_pdf)


def test_metadata_names_the_round_its_hash_and_settings(demo_pdf: Path, demo_round_master: Path):
    with RoundStore.open(demo_round_master) as store:
        digest = content_hash(store)
        settings = store.settings()
    meta = PdfReader(demo_pdf).metadata
    assert meta.title == "2015 年度产业技术创新战略联盟活跃度情况"
    assert meta.author == "产业技术创新战略联盟试点工作联络组"
    assert digest in meta.subject and settings.title in meta.subject
    keywords = meta["/Keywords"]
    for part in (
        f"content-sha256={digest}",
        "consensus=mean",
        "rounding=half_up",
        "tie-rule=batch_then_roster",
        "活跃度高>=86",
        "活跃度一般>=65",
    ):
        assert part in keywords


def test_the_same_round_gives_a_byte_identical_pdf(demo_round_master: Path, tmp_path: Path):
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    assert run_cli("export-pdf", demo_round_master, one).returncode == 0
    assert run_cli("export-pdf", demo_round_master, two).returncode == 0
    assert one.read_bytes() == two.read_bytes()


def test_a_changed_score_changes_the_hash_in_the_pdf(demo_round: Path, tmp_path: Path):
    before = tmp_path / "before.pdf"
    export_appendix(demo_round, before)
    with RoundStore.open(demo_round) as store:
        score = store.scores()[0]
        changed = score.points - 1 if score.points >= 1 else score.points + 1
        store.put_scores([dataclasses.replace(score, points=changed)])
        digest = content_hash(store)
    after = tmp_path / "after.pdf"
    export_appendix(demo_round, after)
    assert digest in PdfReader(after).metadata.subject
    assert digest not in PdfReader(before).metadata.subject


def test_options_choose_tiers_title_and_rank_ties(demo_round_master: Path, tmp_path: Path):
    out = tmp_path / "poor.pdf"
    result = run_cli(
        "export-pdf",
        demo_round_master,
        out,
        "--tiers",
        "活跃度较差",
        "--title",
        "较差的联盟",
        "--show-ties",
    )
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].extract_text().splitlines()[1] == "较差的联盟"
        rows = [r for p in pdf.pages for t in p.extract_tables() for r in t]
    assert rows[0] == ["序号", "名次", "联盟名称", "评分"]
    assert rows[1][0] == "活跃度较差的联盟（共 17 家）"
    body = [r for r in rows[2:] if r[0] != "序号"]
    assert [r[0] for r in body] == [str(n) for n in range(109, 126)]
    # 110 and 111 share the score 64 (equal exact totals): the same rank
    assert body[1][1] == body[2][1] == "110"
    assert [body[0][1], body[3][1]] == ["109", "112"]


def test_a_wrong_tier_is_refused_and_nothing_is_written(demo_round_master: Path, tmp_path: Path):
    out = tmp_path / "x.pdf"
    result = run_cli("export-pdf", demo_round_master, out, "--tiers", "活跃度很高")
    assert result.returncode == 1
    assert "活跃度很高" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_cancelled_export_leaves_the_old_file_and_no_temporary(
    demo_round_master: Path, tmp_path: Path
):
    out = tmp_path / "appendix.pdf"
    out.write_bytes(b"old")
    with pytest.raises(UserError):
        export_appendix(demo_round_master, out, progress=lambda done, total: done < 20)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["appendix.pdf"]


def synthetic_result(count: int, seed: int = 1) -> RoundResult:
    rng = random.Random(seed)
    alliances = [
        Alliance(f"a{n}", f"第{n}号" + "新材料产业技术创新战略联盟" * rng.choice((1, 1, 1, 3)), n)
        for n in range(count)
    ]
    totals = {a.uid: Fraction(rng.randint(3000, 10000), 100) for a in alliances}
    settings = RoundSettings(uid="synthetic", title="合成轮次", year=2030)
    return RoundResult(settings, {}, rank(alliances, totals, DEFAULT_TIERS))


def test_a_large_appendix_keeps_every_row_in_order_across_pages(tmp_path: Path):
    result = synthetic_result(1500)
    out = build_appendix(tmp_path / "large.pdf", result, "0" * 64)
    lines, headers = pdf_lines(out)
    rows = [line for line in lines if len(line) == 3]
    assert [int(r[0]) for r in rows] == list(range(1, 1501))
    assert [r[1] for r in rows] == [row.alliance.name for row in result.ranking]
    assert len(headers) > 40 and all(h == ["序号", "联盟名称", "评分"] for h in headers)


def test_verify_pdf_tells_whether_the_round_changed(demo_round: Path, tmp_path: Path):
    pdf = tmp_path / "appendix.pdf"
    assert run_cli("export-pdf", demo_round, pdf).returncode == 0
    same = run_cli("verify-pdf", demo_round, pdf)
    assert same.returncode == 0 and "一致" in same.stdout
    with RoundStore.open(demo_round) as store:
        score = store.scores()[5]
        changed = score.points - 1 if score.points >= 1 else score.points + 1
        store.put_scores([dataclasses.replace(score, points=changed)])
    different = run_cli("verify-pdf", demo_round, pdf)
    assert different.returncode == 1
    assert "不一致" in different.stderr and len(different.stderr.strip().splitlines()) == 1
    not_ours = tmp_path / "other.pdf"
    not_ours.write_bytes(b"%PDF-1.4 nothing")
    assert run_cli("verify-pdf", demo_round, not_ours).returncode == 1
