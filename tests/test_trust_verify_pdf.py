"""``verify-pdf`` by what a reader sees (issue 19, defects 3 and 4).

Defect 3: an opaque picture of a tampered table laid over each genuine page passed, as
only the text under it was compared. Defect 4: with the ``appendix-tiers`` keyword gone
and no "联盟名称" text on page 1, the PDF passed on its content hash alone. Now the
appendix is printed again and compared byte for byte, else page by page as rendered.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from alliance_review.services.appendix_pdf import build_appendix
from alliance_review.services.results import compute
from alliance_review.services.round_digest import content_hash
from alliance_review.storage.round_store import RoundStore

from .conftest import run_cli


@pytest.fixture
def genuine(demo_round: Path, tmp_path: Path) -> Path:
    pdf = tmp_path / "附件.pdf"
    assert run_cli("export-pdf", demo_round, pdf).returncode == 0
    return pdf


def doctored_appendix(round_path: Path, out: Path, row: int = 9) -> tuple[Path, str]:
    """The appendix with one row's printed score raised by 3, and the genuine hash."""
    with RoundStore.open(round_path) as store:
        result = compute(store)
        digest = content_hash(store)
    rows = list(result.ranking)
    changed = dataclasses.replace(rows[row], printed_score=rows[row].printed_score + 3)
    rows[row] = changed
    build_appendix(out, dataclasses.replace(result, ranking=rows), digest)
    return out, str(changed.printed_score)


def pictures_of(pdf: Path, dpi: int = 200) -> list[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            buffer = io.BytesIO()
            page.render(scale=dpi / 72).to_pil().save(buffer, format="PNG")
            pages.append(buffer.getvalue())
        return pages
    finally:
        document.close()


def picture_pdf(pictures: list[bytes]) -> PdfReader:
    """One A4 page per picture, the picture covering it (opaque)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for picture in pictures:
        canvas.drawImage(ImageReader(io.BytesIO(picture)), 0, 0, A4[0], A4[1])
        canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def with_metadata_of(writer: PdfWriter, source: Path, drop: str = "") -> None:
    metadata = dict(PdfReader(source).metadata or {})
    if drop:
        metadata["/Keywords"] = "; ".join(
            part for part in str(metadata["/Keywords"]).split("; ") if not part.startswith(drop)
        )
    writer.add_metadata(metadata)


def test_a_tampered_table_laid_over_each_genuine_page_is_caught(
    demo_round: Path, genuine: Path, tmp_path: Path
):
    """Defect 3: each genuine page (its text, its metadata) with an opaque picture of the
    doctored page on top. The text under it still reads as genuine; what shows does not."""
    doctored, shown = doctored_appendix(demo_round, tmp_path / "doctored.pdf")
    overlay = picture_pdf(pictures_of(doctored))
    writer = PdfWriter(clone_from=genuine)
    for page, cover in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(cover)
    with_metadata_of(writer, genuine)
    attack = tmp_path / "附件-覆盖.pdf"
    writer.write(attack)
    texts = [p.extract_text() for p in PdfReader(attack).pages]
    assert texts == [p.extract_text() for p in PdfReader(genuine).pages]  # the text is genuine
    raw = attack.read_bytes()
    done = run_cli("verify-pdf", demo_round, attack)
    assert done.returncode == 1, done.stdout
    assert "不一致：「附件-覆盖.pdf」第 1 页所显示的内容" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert attack.read_bytes() == raw
    assert run_cli("verify-pdf", demo_round, genuine).returncode == 0


def test_a_pdf_without_its_appendix_choices_is_never_passed_on_its_hash(
    demo_round: Path, genuine: Path, tmp_path: Path
):
    """Defect 4: pictures of a doctored appendix (no text: page 1 lacks "联盟名称"), the
    genuine metadata without the appendix-tiers keyword. Exit 0 before on the hash alone."""
    doctored, shown = doctored_appendix(demo_round, tmp_path / "doctored.pdf")
    writer = PdfWriter(clone_from=picture_pdf(pictures_of(doctored)))
    with_metadata_of(writer, genuine, drop="appendix-tiers")
    attack = tmp_path / "附件-无选择.pdf"
    writer.write(attack)
    assert "联盟名称" not in (PdfReader(attack).pages[0].extract_text() or "")
    done = run_cli("verify-pdf", demo_round, attack)
    assert done.returncode == 1, done.stdout
    assert "不一致" in done.stderr and "没有记载附件的打印选择" in done.stderr, done.stderr
    # the same pictures with the keyword kept are caught by what they show
    writer = PdfWriter(clone_from=picture_pdf(pictures_of(doctored)))
    with_metadata_of(writer, genuine)
    keeping = tmp_path / "附件-图片.pdf"
    writer.write(keeping)
    done = run_cli("verify-pdf", demo_round, keeping)
    assert done.returncode == 1 and "第 1 页印着" in done.stderr, done.stderr


def test_a_genuine_appendix_saved_again_passes_by_what_its_pages_show(
    demo_round: Path, genuine: Path, tmp_path: Path
):
    """Bytes differ (re-saved by another library), pages show the same: it passes, and
    says how it was compared; byte-identical it says so."""
    same = run_cli("verify-pdf", demo_round, genuine)
    assert same.returncode == 0 and "逐字节相同" in same.stdout
    writer = PdfWriter(clone_from=genuine)
    with_metadata_of(writer, genuine)
    resaved = tmp_path / "附件-另存.pdf"
    writer.write(resaved)
    assert resaved.read_bytes() != genuine.read_bytes()
    done = run_cli("verify-pdf", demo_round, resaved)
    assert done.returncode == 0, done.stderr
    assert "逐页比对" in done.stdout and "页显示的内容相同" in done.stdout


def test_a_statistics_report_is_not_passed_on_its_hash(demo_round: Path, tmp_path: Path):
    stats = tmp_path / "统计.pdf"
    assert run_cli("statistics", demo_round, "--pdf", stats).returncode == 0
    done = run_cli("verify-pdf", demo_round, stats)
    assert done.returncode == 1 and "没有记载附件的打印选择" in done.stderr, done.stderr


def test_a_pdf_printed_with_a_font_this_computer_lacks_says_so(demo_round: Path, tmp_path: Path):
    font = shutil.copyfile(
        Path(__file__).parents[1] / "resources" / "fonts" / "wqy-microhei.ttc",
        tmp_path / "office-font.ttc",
    )
    pdf = tmp_path / "附件.pdf"
    assert run_cli("export-pdf", demo_round, pdf, "--font", font).returncode == 0
    assert run_cli("verify-pdf", demo_round, pdf).returncode == 0
    font.unlink()
    done = run_cli("verify-pdf", demo_round, pdf)
    assert done.returncode == 1 and "本机没有这个文件" in done.stderr, done.stderr
