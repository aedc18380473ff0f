"""export-pdf prints the same bytes as before its speed-ups (issue 23).

The appendix is ranked once per export (the band check reuses the export's ranking) and
the font is looked up once per name instead of once per character. Neither may change a
byte of the file. The same round with the same settings is printed by the command as it
is now and, in this process, with the functions those changes replaced put back as they
were (``wrap_text`` and ``font`` verbatim from 9a5e76e): the two PDFs are byte-identical
(reportlab's invariant mode and the round's own date make them deterministic), and the
command's words about band mismatches are those of a ranking made afresh from the file.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from alliance_review.services import appendix_pdf, pdf_common
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]


# as they were before issue 23 (9a5e76e) --------------------------------------------------
def font_before() -> str:
    name = pdf_common._current.get()
    if name == pdf_common.FONT:
        pdf_common.register_font()
    return name


def wrap_text_before(text: str, width: float, size: float = appendix_pdf.BODY_SIZE) -> list[str]:
    font = font_before
    _token_width = appendix_pdf._token_width
    if stringWidth(text, font(), size) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0.0
    for token in appendix_pdf._TOKEN.findall(text):
        token_width = _token_width(token, font(), size)
        if line and used + token_width > width:
            lines.append(line.rstrip())
            line, used = token.lstrip(), _token_width(token.lstrip(), font(), size)
        else:
            line, used = line + token, used + token_width
    if line:
        lines.append(line)
    return lines


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A round with long names that wrap, decisions and ties."""
    sys.path.insert(0, str(ROOT / "bench"))
    import rounds

    return rounds.build_round(tmp_path_factory.mktemp("gen") / "gen.alr-round", 400, seed=23)


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--show-ties", "--tiers", "活跃度较高,活跃度一般", "--title", "附件二 试点联盟活跃度"],
        ["--font", "song"],
    ],
    ids=["default", "ties-tiers-title", "song-font"],
)
def test_export_pdf_bytes_are_what_they_were(
    options: list[str],
    demo_round: Path,
    generated: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alliance_review.commands.publish import font_file
    from alliance_review.services.results import band_mismatches

    if options[:1] == ["--font"] and pdf_common.system_song_font() is None:
        pytest.skip("no Song/Ming TrueType font on this system")
    chosen = appendix_pdf.AppendixOptions(
        title=options[options.index("--title") + 1] if "--title" in options else None,
        tiers=tuple(options[options.index("--tiers") + 1].split(","))
        if "--tiers" in options
        else None,
        show_rank_ties="--show-ties" in options,
        font=font_file(options[1]) if options[:1] == ["--font"] else None,
    )
    wrapped = 0
    for source in (demo_round, generated):
        path = tmp_path / f"copy-{source.name}"
        shutil.copyfile(source, path)
        after = tmp_path / f"after-{source.stem}.pdf"
        new = run_cli("export-pdf", path, after, *options)
        assert new.returncode == 0, new.stderr
        before = tmp_path / "before.pdf"
        with monkeypatch.context() as patch:
            patch.setattr(appendix_pdf, "wrap_text", wrap_text_before)
            patch.setattr(appendix_pdf, "font", font_before)
            appendix_pdf.export_appendix(path, before, chosen)
        assert after.read_bytes() == before.read_bytes(), source.name
        for zh, _ in band_mismatches(path):  # the band check of a fresh ranking
            assert zh in new.stderr
        room = appendix_pdf._Layout(False).name_width - 2 * appendix_pdf.PADDING
        with appendix_pdf.RoundStore.open(path) as store:
            names = [row.alliance.name for row in appendix_pdf.compute(store).ranking]
        wrapped += sum(len(wrap_text_before(name, room)) > 1 for name in names)
    assert wrapped >= 1  # some names wrapped onto a second line
    assert "第 109 名" in run_cli("export-pdf", demo_round, tmp_path / "x.pdf").stderr
