"""The report draft (.docx): every figure of sections 二-四 read back with python-docx."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from alliance_review.services.demo_2014 import build_previous_demo
from alliance_review.services.report_text import ordinal
from tests.conftest import run_cli
from tests.report_2015 import DIFFERENT, SOURCE

PUBLISHED_2015 = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"
ITEM_WORDS = {
    "chain": "开展围绕产业链构建创新链活动",
    "government": "承担政府科技计划项目",
    "self_funded": "联盟自筹资金设立科研项目",
    "commissioned": "以联盟名义接受外部委托项目",
    "standards": "组织成员单位共同开展标准制定工作",
    "patents": "开展联盟成员专利共享活动",
    "website": "设立联盟网站或网页",
}


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def draft(demo_round_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    previous = build_previous_demo(folder / "demo-2014.sqlite")
    out = folder / "报告草稿-2015.docx"
    result = run_cli(
        "report", demo_round_master, out, "--previous", previous, "--published", PUBLISHED_2015
    )
    assert result.returncode == 0, result.stderr
    assert "草稿" in result.stdout
    return out


@pytest.fixture(scope="module")
def paragraphs(draft: Path) -> list[str]:
    return [compact(p.text) for p in Document(str(draft)).paragraphs if p.text.strip()]


def value(key: str):
    printed = next(p for k, p, _ in SOURCE if k == key)
    return DIFFERENT.get(key, printed)


def one(paragraphs: list[str], *words: str) -> str:
    found = [p for p in paragraphs if all(w in p for w in words)]
    assert len(found) == 1, (words, found)
    return found[0]


def sentence_for(key: str, paragraphs: list[str]) -> str:
    """Where the draft states the figure ``key``, in the report's own phrasing."""
    v = value(key)
    parts = key.split(".")
    if key == "pilots":
        return one(
            paragraphs, f"{v}家试点联盟中，共有{value('took_part')}家联盟参加了本次活跃度评价"
        )
    if key == "took_part":
        return one(paragraphs, f"共有{v}家联盟参加了本次活跃度评价工作")
    if key == "took_part_change":
        return one(paragraphs, f"相比2014年增加了{v}家")
    if key in ("full_marks", "highest"):
        return one(paragraphs, f"有{value('full_marks')}家联盟得到了满分{value('highest')}分")
    if key == "lowest":
        return one(paragraphs, f"最低分为{v}分")
    if key == "not_taking_part":
        return one(paragraphs, f"没有参加本次评价的试点联盟共有{v}家")
    if key == "reasons":
        return one(paragraphs, f"据了解有{ordinal(v)}种情况")
    if parts[0] == "tier" and len(parts) == 3:
        tier = parts[1]
        count, share = value(f"tier.{tier}.count"), value(f"tier.{tier}.share")
        change = value(f"tier.{tier}.change")
        verb = "提高" if change > 0 else "下降"
        return one(
            paragraphs,
            f"{tier}的联盟共{count}家，占{share}%，相比2014年{verb}了{abs(change)}个百分点",
        )
    if key == "items.1.1.all":
        return one(
            paragraphs, f"{value('took_part')}家联盟中，{v}家编写本年度工作总结并制定下年度工作计划"
        )
    if key == "item.4.1.website":
        return one(paragraphs, f"{value('took_part')}家联盟中，", f"{v}家{ITEM_WORDS['website']}")
    if parts[0] == "tier" and parts[2] == "item":
        tier, words = parts[1], ITEM_WORDS[parts[-1]]
        size = value(f"tier.{tier}.count")
        paragraph = one(paragraphs, f"{tier}的{size}家联盟中，", ITEM_WORDS["government"])
        if v == "<17":
            # the qualifier said once, the items below half listed after it
            match = re.search(rf"不到半数的有：[^。]*{words}（(\d+)家）", paragraph)
            assert match and int(match.group(1)) < 17, paragraph
        elif v == size:
            assert re.search(rf"全部[^；。]*{words}", paragraph), paragraph
        else:
            assert re.search(rf"[，；]{v}家{words}", paragraph), paragraph
        return paragraph
    if parts[0] == "batch":
        batch = parts[1]
        pilots = value(f"batch.{batch}.pilots")
        took = value(f"batch.{batch}.took_part")
        rate = value(f"batch.{batch}.took_part_share")
        paragraph = one(
            paragraphs, f"{pilots}家{batch}试点联盟中参加此次活跃度评价的共{took}家，占{rate}%"
        )
        field = ".".join(parts[2:])
        if field.startswith("tier."):
            tier = parts[3]
            count = value(f"batch.{batch}.tier.{tier}.count")
            share = value(f"batch.{batch}.tier.{tier}.share")
            assert f"{tier}的{count}家，占{share}%" in paragraph, paragraph
        elif field in ("top_two", "top_two_share"):
            top = value(f"batch.{batch}.top_two")
            share = value(f"batch.{batch}.top_two_share")
            assert f"活跃度高和较高的联盟有{top}家，达到参评总数的{share}%" in paragraph
        elif field == "at_or_above.90":
            assert f"有{v}家联盟评分在90分以上" in paragraph, paragraph
        elif field == "full_marks":
            # names joined as the report joins them: A、B、C和D
            names = "、".join(v[:-1]) + "和" + v[-1] if len(v) > 1 else v[0]
            assert compact(names) + "得到了满分" in paragraph, paragraph
        return paragraph
    if key == "repeated_full_marks":
        return one(paragraphs, f"特别是{v[0]}连续两年获得满分")
    raise AssertionError(f"no phrasing known for {key}")


@pytest.mark.parametrize(("key", "printed", "words"), SOURCE, ids=[k for k, _, _ in SOURCE])
def test_every_figure_of_sections_two_to_four_is_in_the_draft(
    paragraphs: list[str], key: str, printed, words: str
):
    assert sentence_for(key, paragraphs)


def test_the_draft_says_it_is_a_draft_and_uses_restylable_styles(draft: Path):
    document = Document(str(draft))
    texts = [p.text for p in document.paragraphs]
    assert "草稿" in texts[0] and "不是正式报告文本" in texts[1]
    used = {p.style.name for p in document.paragraphs}
    assert {"标题", "正文", "报告标题"} <= used
    assert {t.style.name for t in document.tables} == {"表格"}
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    headings = [p.text for p in document.paragraphs if p.style.name == "标题"]
    assert headings[:5] == [
        "一、活跃度评价的原则、指标及评价方法",
        "二、试点联盟活跃度总体情况",
        "三、从各项指标来看的试点联盟活跃度情况",
        "四、不同批次试点联盟的活跃度情况",
        "五、小结及建议",
    ]
    # the chart follows the sentence that announces it
    body = document.element.body
    announce = next(p for p in document.paragraphs if "如图 1 所示" in p.text)
    following = announce._p.getnext()
    assert following is not None and following.xpath(".//pic:pic")
    assert len(document.inline_shapes) == 1
    assert body is not None


def test_the_appendix_table_lists_the_ranking_grouped_by_tier(draft: Path):
    document = Document(str(draft))
    appendix = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in appendix.rows]
    assert rows[0] == ["序号", "联盟名称", "评分"]
    assert rows[1][0] == "活跃度高的联盟（共 56 家）"
    assert rows[2] == ["1", "TD 产业技术创新战略联盟", "100"]
    data = [r for r in rows[1:] if r[0].isdigit()]
    assert len(data) == 125 and data[-1][2] == "39"
    headings = [r[0] for r in rows if r[0].endswith("家）")]
    assert headings == [
        "活跃度高的联盟（共 56 家）",
        "活跃度较高的联盟（共 34 家）",
        "活跃度一般的联盟（共 18 家）",
        "活跃度较差的联盟（共 17 家）",
    ]
    # non-participants are counted, never printed
    assert not any("未参评" in r[1] for r in data)


def test_the_checks_list_the_differences_with_the_published_figures(draft: Path):
    document = Document(str(draft))
    checks = [t for t in document.tables if t.rows[0].cells[0].text == "数字"]
    assert len(checks) == 1
    rows = [[c.text for c in row.cells] for row in checks[0].rows[1:]]
    assert len(rows) == len(DIFFERENT) and all(r[3] == "不符" for r in rows)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "56 + 39 + 55 = 150" in text


def test_a_report_without_scores_or_to_a_missing_folder_is_refused(
    demo_round_master: Path, tmp_path: Path
):
    missing = tmp_path / "nowhere" / "draft.docx"
    result = run_cli("report", demo_round_master, missing)
    assert result.returncode == 1 and "不存在" in result.stderr
    assert not missing.parent.exists()
    empty = tmp_path / "before.sqlite"
    files = tmp_path / "files"
    assert run_cli("demo", empty, "--reviewer-files", files).returncode == 0
    result = run_cli("report", empty, tmp_path / "draft.docx")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "draft.docx").exists()


def test_an_office_suite_opens_the_draft(draft: Path, tmp_path: Path):
    """LibreOffice (as packaging/system-deps.sh installs it) converts the draft to PDF:
    the file is a document an office suite reads, with its text and its chart."""
    import shutil
    import subprocess

    import pdfplumber

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Writer is installed by packaging/system-deps.sh --tests"
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(draft),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / (draft.stem + ".pdf")
    assert pdf.exists(), done.stdout + done.stderr
    with pdfplumber.open(pdf) as document:
        text = "".join("".join((page.extract_text() or "").split()) for page in document.pages)
        images = sum(len(page.images) for page in document.pages)
        size = document.pages[0].width, document.pages[0].height
    assert "二、试点联盟活跃度总体情况" in text and "有6家联盟得到了满分100分" in text
    assert images == 1 and (round(size[0]), round(size[1])) == (595, 842)  # A4
